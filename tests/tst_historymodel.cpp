// SPDX-License-Identifier: GPL-3.0-or-later
// Home's "state of protection" (ui/historymodel.h) tells the truth: only a
// copy whose manifest says it is of this installation and of the system
// chosen is its last copy; the copies of other installations and systems
// found in the same folders are listed apart. The installation's id
// (installation/installationid.h) is kept in a file of a tree every user
// can write, so it is read as hostile input. Reading the copies runs on a
// worker: the GUI thread's timer keeps firing while a few copies of 300
// companies are read. Real installations, real copies written by
// resguarda-cli, real files. And the list itself, under
// QAbstractItemModelTester, on the copies a user would have made with
// BackupJob and a real restore (support/uimodelfixture.h): newest first,
// what each is, the last copy and when Home warns.

#include "copy/copyreader.h"
#include "copy/manifest.h"
#include "copy/protectedcopy.h"
#include "core/filesystem.h"
#include "history/history.h"
#include "installation/installation.h"
#include "installation/installationid.h"
#include "support/demofixture.h"
#include "support/guithreadwatch.h"
#include "support/isolatedhome.h"
#include "support/testinstallation.h"
#include "support/tmpfsmount.h"
#include "support/uimodelfixture.h"
#include "ui/historymodel.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <sys/stat.h>
#include <unistd.h>

using namespace Resguarda;
using namespace TestSupport;
using namespace Qt::StringLiterals;

namespace {

// The model reads on a worker: wait until it delivered. Through the
// property system, so that this file also builds against a model without
// one (then it read synchronously and is never busy).
bool waitUntilRead(HistoryModel &model, int timeoutMs = 120000)
{
    QElapsedTimer clock;
    clock.start();
    while (model.property("busy").toBool()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QTest::qWait(10);
    }
    return true;
}

int roleOf(const QAbstractItemModel &model, const QByteArray &name)
{
    return model.roleNames().key(name, -1);
}

// Row of the file named fileName, or -1.
int rowOf(const QAbstractItemModel &model, const QString &fileName)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, 0).data(HistoryModel::FileNameRole).toString() == fileName)
            return row;
    }
    return -1;
}

QString manifestIdOf(const QString &copy)
{
    OperationError error;
    const auto reader = CopyReader::open(copy, &error);
    if (!reader) {
        qWarning() << error.message;
        return u"<unreadable>"_s;
    }
    return reader->manifest().installationId;
}

QString idFileOf(const QString &root)
{
    return root + u'/' + QString::fromUtf16(InstallationId::fileName);
}

} // namespace

class TestHistoryModel : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    // The installation and copies the listing tests below share, apart.
    QTemporaryDir m_modelsDir;
    UiModelFixture m_models;
    QLocale m_previousLocale;

    // A small demo installation at a new folder below m_dir.
    QString makeInstallation(const QString &name, int companies = 3, int sizeMb = 2)
    {
        const QString root = m_dir.filePath(name);
        const OperationError error = DemoFixture(companies, 2, sizeMb, 1, 2025).create(root);
        if (error) {
            qWarning() << error.message;
            return {};
        }
        return root;
    }

    // A backup made by resguarda-cli; the copy's path, empty on failure.
    QString backup(const QString &root, const QString &system, const QString &output = {},
                   const QStringList &more = {})
    {
        QStringList args {u"backup"_s, u"--root"_s, root, u"--system"_s, system, u"--quiet"_s};
        if (!output.isEmpty())
            args << u"--output"_s << output;
        args << more;
        const ProcessResult result = runCli(args);
        if (result.exitCode != 0) {
            qWarning() << result.standardError;
            return {};
        }
        const QString folder
            = output.isEmpty() ? root + u"/Copias"_s : QFileInfo(output).absoluteFilePath();
        // The newest Copia<SIS>*.zip in the folder is the one just written.
        const auto files = QDir(folder).entryInfoList({u"Copia"_s + system + u"*.zip"_s},
                                                      QDir::Files, QDir::Time);
        return files.isEmpty() ? QString() : files.first().absoluteFilePath();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // Never the user's settings or history.
        isolateHome(m_dir.path());
        QVERIFY(m_modelsDir.isValid());
        m_previousLocale = QLocale();
        m_models.create(m_modelsDir.path());
    }

    void cleanupTestCase() { QLocale::setDefault(m_previousLocale); }

    void cleanup() { QLocale::setDefault(m_previousLocale); }

    // --- the id in the manifest ---

    void manifestRoundTripsTheInstallationId()
    {
        Manifest manifest;
        manifest.system = {u"AT"_s, u"Ativo Imobilizado"_s};
        manifest.createdAt = QDateTime::currentDateTime();
        manifest.toolVersion = u"test"_s;
        const QString id = u"0f8fad5b-d9cb-469f-a165-70867728950e"_s;
        manifest.installationId = id;
        Manifest read;
        QString problem;
        QCOMPARE(Manifest::fromJson(manifest.toJson(), &read, &problem), Manifest::ParseResult::Ok);
        QCOMPARE(read.installationId, id);

        // Older copies have no id, and stay readable.
        manifest.installationId.clear();
        const QByteArray withoutId = manifest.toJson();
        QVERIFY(!withoutId.contains("installationId"));
        QCOMPARE(Manifest::fromJson(withoutId, &read, &problem), Manifest::ParseResult::Ok);
        QCOMPARE(read.installationId, QString());

        // A copy from anywhere: an id that is not one says nothing, and
        // the copy is still a copy (its data is restorable).
        for (const QJsonValue &bad :
             {QJsonValue(u"../../etc"_s), QJsonValue(42), QJsonValue(u"{"_s + id + u"}"_s),
              QJsonValue(id.toUpper()), QJsonValue(QString(100000, u'a'))}) {
            QJsonObject object = QJsonDocument::fromJson(withoutId).object();
            object.insert(u"installationId", bad);
            QCOMPARE(Manifest::fromJson(QJsonDocument(object).toJson(), &read, &problem),
                     Manifest::ParseResult::Ok);
            QCOMPARE(read.installationId, QString());
        }
    }

    void firstBackupRecordsTheId()
    {
        const QString root = makeInstallation(u"primeira"_s);
        QVERIFY(!root.isEmpty());
        QVERIFY(!QFileInfo::exists(idFileOf(root)));
        QCOMPARE(InstallationId::read(root), QString());

        const QString first = backup(root, u"AT"_s);
        QVERIFY(!first.isEmpty());
        const QString id = InstallationId::read(root);
        QVERIFY(InstallationId::isValid(id));
        QCOMPARE(manifestIdOf(first), id);

        // Kept: every later copy says the same.
        const QString second = backup(root, u"CP"_s);
        QCOMPARE(manifestIdOf(second), id);
        QCOMPARE(InstallationId::read(root), id);
    }

    // --- the id file is hostile input ---

    void hostileIdFile_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("link to /dev/zero") << u"zero"_s;
        QTest::newRow("link to a valid id elsewhere") << u"link"_s;
        QTest::newRow("fifo") << u"fifo"_s;
        QTest::newRow("10 MB file") << u"huge"_s;
        QTest::newRow("garbage") << u"garbage"_s;
        QTest::newRow("folder") << u"folder"_s;
    }

    void hostileIdFile()
    {
        QFETCH(QString, kind);
        const QString root = makeInstallation(u"hostil-"_s + kind, 1, 1);
        QVERIFY(!root.isEmpty());
        const QString file = idFileOf(root);
        const QByteArray path = QFile::encodeName(file);
        QByteArray contents;
        if (kind == u"zero") {
            QCOMPARE(::symlink("/dev/zero", path.constData()), 0);
        } else if (kind == u"link") {
            const QString elsewhere = m_dir.filePath(u"id-alheio-"_s + kind);
            writeFile(elsewhere, "0f8fad5b-d9cb-469f-a165-70867728950e\n");
            QCOMPARE(::symlink(QFile::encodeName(elsewhere).constData(), path.constData()), 0);
        } else if (kind == u"fifo") {
            QCOMPARE(::mkfifo(path.constData(), 0644), 0);
        } else if (kind == u"huge") {
            // A valid id first: a reader that read a prefix would accept it.
            contents = "0f8fad5b-d9cb-469f-a165-70867728950e\n" + QByteArray(10 * 1024 * 1024, 'x');
            writeFile(file, contents);
        } else if (kind == u"garbage") {
            static constexpr char garbage[] = "\xff\xfe\0not-an-id\n";
            contents = QByteArray(garbage, sizeof garbage - 1); // with its NUL inside
            writeFile(file, contents);
        } else {
            QVERIFY(QDir().mkpath(file));
        }
        const QByteArray hashBefore = contents.isEmpty() ? QByteArray() : fileHash(file);

        // Read as "no id", at once (a FIFO without a writer would block a
        // plain open, /dev/zero would never end).
        QCOMPARE(InstallationId::read(root), QString());
        QString problem;
        QCOMPARE(InstallationId::ensure(root, &problem), QString());
        QVERIFY(!problem.isEmpty());

        // A backup still works, and leaves what is there untouched: its
        // copy just carries no id.
        const QString copy = backup(root, u"AT"_s);
        QVERIFY(!copy.isEmpty());
        QCOMPARE(manifestIdOf(copy), QString());
        struct stat after;
        QCOMPARE(::lstat(path.constData(), &after), 0);
        if (kind == u"zero" || kind == u"link")
            QVERIFY(S_ISLNK(after.st_mode));
        else if (kind == u"fifo")
            QVERIFY(S_ISFIFO(after.st_mode));
        else if (kind == u"folder")
            QVERIFY(S_ISDIR(after.st_mode));
        else
            QCOMPARE(fileHash(file), hashBefore);

        // And Home does not call that copy this installation's protection
        // unless its history says this installation wrote it, which it does.
        HistoryModel model;
        model.setProperty("systemCode", u"AT"_s);
        model.setRoot(root);
        QVERIFY(waitUntilRead(model));
        QCOMPARE(model.lastCopyPath(), copy);
    }

    // --- whose copy ---

    // Issue 11: a fresh installation never backed up showed another
    // installation's copy, found in a remembered folder, as its last copy.
    // A restore into an installation never backed up: the safety copy it
    // saves in Copias is a copy of this installation, never "origin unknown".
    void safetyCopyOfARestoreIsThisInstallations()
    {
        const QString source = makeInstallation(u"restaurada-origem"_s);
        const QString target = makeInstallation(u"restaurada-destino"_s);
        QVERIFY(!source.isEmpty() && !target.isEmpty());
        const QString pen = m_dir.filePath(u"pendrive-restauracao"_s);
        QVERIFY(QDir().mkpath(pen));
        const QString copy = backup(source, u"AT"_s, pen);
        QVERIFY(!copy.isEmpty());
        QVERIFY(!QFileInfo::exists(idFileOf(target)));

        const ProcessResult restored
            = runCli({u"restore"_s, copy, u"--root"_s, target, u"--yes"_s, u"--quiet"_s});
        QVERIFY2(restored.exitCode == 0, restored.standardError.constData());
        const auto safety
            = QDir(target + u"/Copias"_s)
                  .entryInfoList({u"CopiaAT-antes-da-restauracao-*.zip"_s}, QDir::Files);
        QCOMPARE(safety.size(), 1);
        const QString id = InstallationId::read(target);
        QVERIFY(InstallationId::isValid(id));
        QCOMPARE(manifestIdOf(safety.first().absoluteFilePath()), id);
        QVERIFY(id != InstallationId::read(source));

        HistoryModel model;
        model.setProperty("systemCode", u"AT"_s);
        model.setRoot(target);
        model.setExtraFolders({pen});
        QVERIFY(waitUntilRead(model));
        QCOMPARE(model.property("ownCount").toInt(), 1);
        QCOMPARE(model.property("otherCount").toInt(), 1); // the other installation's copy
    }

    void copyOfAnotherInstallationIsNotTheLastCopy()
    {
        const QString a = makeInstallation(u"inst-a"_s);
        const QString b = makeInstallation(u"inst-b"_s);
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        const QString pen = m_dir.filePath(u"pendrive-ab"_s);
        QVERIFY(QDir().mkpath(pen));
        const QString ofB = backup(b, u"CP"_s, pen, {u"--extra"_s, u"extra"_s});
        QVERIFY(!ofB.isEmpty());

        HistoryModel model;
        QAbstractItemModelTester tester(&model, testerMode);
        model.setProperty("systemCode", u"CP"_s);
        model.setRoot(a);
        model.setExtraFolders({pen});
        QVERIFY(waitUntilRead(model));
        QCOMPARE(model.rowCount(), 1); // listed...
        QCOMPARE(model.lastCopyPath(), QString()); // ...but not as A's last copy
        QVERIFY(!model.lastCopyTime().isValid());
        QVERIFY(model.needsAttention());
        QCOMPARE(model.attentionText(), u"No copy of this installation was found. Make one now."_s);
        const int own = roleOf(model, "own");
        QVERIFY(own >= 0);
        QCOMPARE(model.index(0).data(own).toBool(), false);
        QCOMPARE(model.index(0).data(roleOf(model, "originText")).toString(),
                 u"another installation"_s);
        QCOMPARE(model.property("ownCount").toInt(), 0);
        QCOMPARE(model.property("otherCount").toInt(), 1);

        // A's own copy on the same pen drive: A's last copy, listed first,
        // B's apart.
        const QString ofA = backup(a, u"CP"_s, pen);
        QVERIFY(!ofA.isEmpty());
        model.refresh();
        QVERIFY(waitUntilRead(model));
        QCOMPARE(model.lastCopyPath(), ofA);
        QCOMPARE(model.property("ownCount").toInt(), 1);
        QCOMPARE(model.index(0).data(HistoryModel::PathRole).toString(), ofA);
        QCOMPARE(model.index(0).data(own).toBool(), true);
        QCOMPARE(model.index(1).data(HistoryModel::PathRole).toString(), ofB);
        QCOMPARE(model.index(1).data(own).toBool(), false);

        // From B's side the other way round.
        model.setRoot(b);
        QVERIFY(waitUntilRead(model));
        QCOMPARE(model.lastCopyPath(), ofB);
    }

    // Issue 11: with Compras chosen, Home showed an AT copy as its last copy.
    void copyOfAnotherSystemIsNotTheLastCopy()
    {
        const QString root = makeInstallation(u"sistemas"_s);
        QVERIFY(!root.isEmpty());
        const QString at = backup(root, u"AT"_s);
        QCOMPARE(QFileInfo(at).fileName(), u"CopiaAT.zip"_s);

        HistoryModel model;
        QAbstractItemModelTester tester(&model, testerMode);
        model.setProperty("systemCode", u"CP"_s);
        model.setRoot(root);
        QVERIFY(waitUntilRead(model));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.lastCopyPath(), QString());
        QVERIFY(model.needsAttention());
        QCOMPARE(model.index(0).data(roleOf(model, "own")).toBool(), false);
        QCOMPARE(model.index(0).data(roleOf(model, "originText")).toString(), u"system AT"_s);

        // Choosing AT makes it the last copy, read again at once.
        model.setProperty("systemCode", u"AT"_s);
        QVERIFY(waitUntilRead(model));
        QCOMPARE(model.lastCopyPath(), at);
        QCOMPARE(model.index(0).data(roleOf(model, "own")).toBool(), true);
    }

    // Issue 11: an AT-only installation listed CopiaCP.zip as its own.
    void atOnlyInstallationDoesNotOwnCopiaCP()
    {
        const QString other = makeInstallation(u"com-cp"_s);
        QVERIFY(!other.isEmpty());
        const QString cp = backup(other, u"CP"_s);
        QVERIFY(!cp.isEmpty());

        const QString root = makeInstallation(u"so-at"_s);
        QVERIFY(!root.isEmpty());
        writeFile(root + u"/sistemas.json"_s,
                  R"({"formato": 1, "sistemas": [{"codigo": "AT", "nome": "Ativo Imobilizado"}]})");
        for (const QString &system : {u"CP"_s, u"LF"_s})
            QDir(root + u'/' + system).removeRecursively();
        OperationError error;
        const auto installation = Installation::open(root, &error);
        QVERIFY2(installation, qPrintable(error.message));
        QCOMPARE(installation->systems().size(), 1);
        const QString at = backup(root, u"AT"_s);
        QVERIFY(!at.isEmpty());
        // Someone put the other installation's copy in its Copias.
        QVERIFY(QFile::copy(cp, root + u"/Copias/CopiaCP.zip"_s));

        HistoryModel model;
        QAbstractItemModelTester tester(&model, testerMode);
        model.setProperty("systemCode", u"AT"_s);
        model.setRoot(root);
        QVERIFY(waitUntilRead(model));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.lastCopyPath(), at);
        const int row = rowOf(model, u"CopiaCP.zip"_s);
        QVERIFY(row >= 0);
        QCOMPARE(model.index(row).data(roleOf(model, "own")).toBool(), false);
        QCOMPARE(model.property("ownCount").toInt(), 1);
        // Even the newest: it was copied in after AT's copy was made.
        QVERIFY(QFileInfo(root + u"/Copias/CopiaCP.zip"_s).lastModified()
                >= QFileInfo(at).lastModified());
    }

    // A FAT pen drive written by Windows may hold COPIAAT.ZIP: the file
    // browser offered it, but Home did not count it (its filter was
    // case-sensitive). One rule for copy names now decides both.
    void copyNamesAreMatchedWithoutCase()
    {
        const QString root = makeInstallation(u"maiusculas"_s, 2, 1);
        QVERIFY(!root.isEmpty());
        const QString pen = m_dir.filePath(u"pendrive-fat"_s);
        QVERIFY(QDir().mkpath(pen));
        const QString made = backup(root, u"AT"_s, pen);
        QVERIFY(!made.isEmpty());
        QVERIFY(QFile::rename(made, pen + u"/COPIAAT.ZIP"_s));
        QVERIFY(QFile::copy(pen + u"/COPIAAT.ZIP"_s, pen + u"/copiaat-quarta.Zip"_s));
        // Not copies by name, whatever they hold.
        QVERIFY(QFile::copy(pen + u"/COPIAAT.ZIP"_s, pen + u"/AT.zip"_s));
        QVERIFY(QFile::copy(pen + u"/COPIAAT.ZIP"_s, pen + u"/CopiaAT.zip.bak"_s));

        HistoryModel model;
        QAbstractItemModelTester tester(&model, testerMode);
        model.setProperty("systemCode", u"AT"_s);
        model.setRoot(root);
        model.setExtraFolders({pen});
        QVERIFY(waitUntilRead(model));
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(rowOf(model, u"COPIAAT.ZIP"_s) >= 0);
        QVERIFY(rowOf(model, u"copiaat-quarta.Zip"_s) >= 0);
        QCOMPARE(model.property("ownCount").toInt(), 2);
        QVERIFY(!model.lastCopyPath().isEmpty());
    }

    // A copy without an id (made before ids were recorded): this
    // installation's only where its history says it wrote that file.
    void copyWithoutIdCountsOnlyWhenTheHistoryRecordsIt()
    {
        const QString root = makeInstallation(u"antiga"_s);
        QVERIFY(!root.isEmpty());
        // An old copy of format 1, from a pen drive: no id, no history.
        const QString pen = m_dir.filePath(u"pendrive-antigo"_s);
        QVERIFY(QDir().mkpath(pen));
        QVERIFY(QFile::copy(QStringLiteral(RESGUARDA_SOURCE_DIR)
                                + u"/tests/data/copy-format-1/"
                                  u"CopiaCP.zip"_s,
                            pen + u"/CopiaCP.zip"_s));
        QCOMPARE(manifestIdOf(pen + u"/CopiaCP.zip"_s), QString());

        HistoryModel model;
        model.setProperty("systemCode", u"CP"_s);
        model.setRoot(root);
        model.setExtraFolders({pen});
        QVERIFY(waitUntilRead(model));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.lastCopyPath(), QString());
        QCOMPARE(model.index(0).data(roleOf(model, "originText")).toString(), u"origin unknown"_s);

        // A copy this installation wrote without an id (its id file was
        // unusable): the history vouches for it where it was written...
        writeFile(idFileOf(root), "garbage");
        const QString own = backup(root, u"CP"_s);
        QVERIFY(!own.isEmpty());
        QCOMPARE(manifestIdOf(own), QString());
        model.refresh();
        QVERIFY(waitUntilRead(model));
        QCOMPARE(model.lastCopyPath(), own);
        // ...and nowhere else: the same bytes under another name are not.
        QVERIFY(QFile::rename(own, pen + u"/CopiaCP-quarta.zip"_s));
        model.refresh();
        QVERIFY(waitUntilRead(model));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.lastCopyPath(), QString());
    }

    // A protected copy's manifest needs its password: Home still knows it
    // from its mark (and whose it is from the history), and says it is protected.
    void protectedCopyIsShownAsProtected()
    {
        const QString root = makeInstallation(u"protegida"_s);
        QVERIFY(!root.isEmpty());
        const QString passwordFile = m_dir.filePath(u"senha-protegida"_s);
        writeFile(passwordFile, "Senha-Forte-2026\n");
        QVERIFY(QFile::setPermissions(passwordFile, QFile::ReadOwner | QFile::WriteOwner));
        const QString copy = backup(root, u"AT"_s, {}, {u"--password-file"_s, passwordFile});
        QVERIFY(!copy.isEmpty());
        QVERIFY(ProtectedCopy::protectedSystem(copy).has_value());

        HistoryModel model;
        QAbstractItemModelTester tester(&model, testerMode);
        model.setProperty("systemCode", u"AT"_s);
        model.setRoot(root);
        QVERIFY(waitUntilRead(model));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.lastCopyPath(), copy);
        QVERIFY(model.lastCopyProtected());
        QCOMPARE(model.index(0).data(roleOf(model, "isProtected")).toBool(), true);
        QCOMPARE(model.index(0).data(roleOf(model, "valid")).toBool(), true);
        QCOMPARE(model.index(0).data(roleOf(model, "own")).toBool(), true);
        QVERIFY(model.lastCopyTime().isValid());

        // The same file elsewhere: protected, but nothing says whose it is.
        const QString pen = m_dir.filePath(u"pendrive-protegida"_s);
        QVERIFY(QDir().mkpath(pen));
        QVERIFY(QFile::copy(copy, pen + u"/CopiaAT-quarta.zip"_s));
        model.setExtraFolders({pen});
        QVERIFY(waitUntilRead(model));
        QCOMPARE(model.rowCount(), 2);
        const int other = rowOf(model, u"CopiaAT-quarta.zip"_s);
        QVERIFY(other >= 0);
        QCOMPARE(model.index(other).data(roleOf(model, "own")).toBool(), false);
        QCOMPARE(model.index(other).data(roleOf(model, "isProtected")).toBool(), true);

        // A plain copy made later is the last one, not protected.
        QVERIFY(!backup(root, u"AT"_s).isEmpty());
        model.refresh();
        QVERIFY(waitUntilRead(model));
        QVERIFY(!model.lastCopyProtected());
        QCOMPARE(model.index(0).data(roleOf(model, "isProtected")).toBool(), false);
    }

    // The installation recreated under the same path (a new tree, a new id):
    // the copies of the old one in a remembered folder are not its copies.
    void sameRootRecreatedIsAnotherInstallation()
    {
        const QString root = makeInstallation(u"recriada"_s);
        QVERIFY(!root.isEmpty());
        const QString pen = m_dir.filePath(u"pendrive-recriada"_s);
        QVERIFY(QDir().mkpath(pen));
        const QString copy = backup(root, u"AT"_s, pen);
        QVERIFY(!copy.isEmpty());

        HistoryModel model;
        QAbstractItemModelTester tester(&model, testerMode);
        model.setProperty("systemCode", u"AT"_s);
        model.setExtraFolders({pen});
        model.setRoot(root);
        QVERIFY(waitUntilRead(model));
        QCOMPARE(model.lastCopyPath(), copy);

        QVERIFY(QDir(root).removeRecursively());
        QVERIFY(!makeInstallation(u"recriada"_s).isEmpty());
        QSignalSpy rootChanged(&model, &HistoryModel::rootChanged);
        model.setRoot(root);
        QVERIFY(waitUntilRead(model));
        QCOMPARE(rootChanged.count(), 0);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.lastCopyPath(), QString());
        QVERIFY(model.needsAttention());
    }

    // --- the GUI thread keeps running ---

    // Issue 11: Home froze 2.4-2.6 s each time it was shown once the
    // remembered folders held a few copies of 300 companies. The copies are
    // read on a worker: a timer of the GUI thread keeps firing meanwhile.
    void guiThreadRunsWhileCopiesAreRead()
    {
        const QString root = makeInstallation(u"grande"_s, 300, 60);
        QVERIFY(!root.isEmpty());
        const QString pen = m_dir.filePath(u"pendrive-grande"_s);
        QVERIFY(QDir().mkpath(pen));
        QStringList written;
        for (const QString &system : {u"AT"_s, u"CP"_s, u"LF"_s}) {
            const QString copy = backup(root, system, pen);
            QVERIFY(!copy.isEmpty());
            written << copy;
        }
        // The same real copies on ten remembered pen drives, under the
        // names weekday sets and extra copies give them: hard links, so
        // that each is a file of its own to read without filling the disk.
        // Its names as weekday sets and extra copies accumulate them.
        QStringList names {QString(),    u"-segunda"_s, u"-terca"_s,
                           u"-quarta"_s, u"-quinta"_s,  u"-sexta"_s};
        for (int month = 1; month <= 4; ++month)
            names << u"-extra-fechamento-2025-%1-01-1800"_s.arg(month, 2, 10, QLatin1Char('0'));
        QStringList folders {pen};
        for (int drive = 2; drive <= 10; ++drive) {
            folders << m_dir.filePath(u"pendrive-grande-%1"_s.arg(drive));
            QVERIFY(QDir().mkpath(folders.last()));
        }
        int expected = 0;
        for (const QString &copy : std::as_const(written)) {
            for (const QString &folder : std::as_const(folders)) {
                for (const QString &name : std::as_const(names)) {
                    const QString target
                        = folder + u'/' + QFileInfo(copy).completeBaseName() + name + u".zip"_s;
                    if (target != copy)
                        QCOMPARE(::link(QFile::encodeName(copy).constData(),
                                        QFile::encodeName(target).constData()),
                                 0);
                    ++expected;
                }
            }
        }
        const int cpCompanies = int(
            QDir(root + u"/CP/empresas"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size());

        HistoryModel model;
        model.setProperty("systemCode", u"CP"_s);
        GuiThreadWatch watch;
        model.setExtraFolders(folders);
        model.setRoot(root);
        QVERIFY(waitUntilRead(model));
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), expected, 120000);
        watch.stop();

        qInfo("read %d copies of an installation of 300 companies in %lld ms: %d ticks, largest "
              "gap %lld ms",
              expected, watch.elapsedMs(), watch.ticks(), watch.maxGapMs());
        QVERIFY2(watch.ticks() >= 10, qPrintable(u"%1 ticks"_s.arg(watch.ticks())));
        QVERIFY2(watch.maxGapMs() < 500,
                 qPrintable(u"the GUI thread stood still for %1 ms"_s.arg(watch.maxGapMs())));

        // And the result is right: the CP copies are its copies, newest
        // first; AT's and LF's apart.
        QCOMPARE(model.property("ownCount").toInt(), expected / 3);
        QCOMPARE(model.property("otherCount").toInt(), expected - expected / 3);
        QCOMPARE(QFileInfo(model.lastCopyPath()).fileName().left(7), u"CopiaCP"_s);
        QVERIFY(cpCompanies > 200);
        QCOMPARE(model.index(0).data(HistoryModel::CompaniesRole).toInt(), cpCompanies);
    }

    // --- the list of copies, newest first ---

    void historyListsEveryCopyNewestFirst()
    {
        HistoryModel model;
        QAbstractItemModelTester tester(&model, testerMode);
        QSignalSpy count(&model, &HistoryModel::countChanged);
        model.setRoot(m_models.root);
        QVERIFY(waitUntilRead(model));
        QVERIFY(!count.isEmpty());
        // Not the partial file, not outro-arquivo.zip.
        QCOMPARE(
            column(model, HistoryModel::FileNameRole),
            QStringList({u"CopiaCP-danificada.zip"_s, QFileInfo(m_models.safetyCopy).fileName(),
                         u"CopiaCP-quarta.zip"_s, u"CopiaCP.zip"_s, u"CopiaCP-segunda.zip"_s,
                         u"CopiaCP-extra-Fechamento-Marco-2025-11-20-1000.zip"_s}));
        for (int row = 1; row < model.rowCount(); ++row)
            QVERIFY(model.index(row - 1).data(HistoryModel::CreatedAtRole).toDateTime()
                    > model.index(row).data(HistoryModel::CreatedAtRole).toDateTime());

        const QModelIndex damaged = model.index(0);
        QCOMPARE(damaged.data(HistoryModel::ValidRole).toBool(), false);
        QCOMPARE(damaged.data(HistoryModel::CreatedAtRole).toDateTime(),
                 localTime(2025, 11, 28, 12, 0));
        QCOMPARE(damaged.data(HistoryModel::PathRole).toString(), m_models.damaged);
        QCOMPARE(damaged.data(HistoryModel::BytesRole).toLongLong(),
                 QFileInfo(m_models.damaged).size());

        const QModelIndex safety = model.index(1);
        QVERIFY(safety.data(HistoryModel::ValidRole).toBool());
        QVERIFY(safety.data(HistoryModel::IsSafetyCopyRole).toBool());
        QVERIFY(!safety.data(HistoryModel::IsExtraRole).toBool());
        QCOMPARE(safety.data(HistoryModel::WeekdaySetRole).toString(), QString());
        QCOMPARE(safety.data(HistoryModel::CompaniesRole).toInt(), 1);
        QCOMPARE(safety.data(HistoryModel::CreatedAtRole).toDateTime(),
                 localTime(2025, 11, 27, 8, 0));

        const QModelIndex wednesday = model.index(2);
        QCOMPARE(wednesday.data(HistoryModel::WeekdaySetRole).toString(), u"quarta"_s);
        QCOMPARE(wednesday.data(HistoryModel::SystemCodeRole).toString(), u"CP"_s);
        QCOMPARE(wednesday.data(HistoryModel::CompaniesRole).toInt(), 6);
        QCOMPARE(wednesday.data(HistoryModel::CreatedAtRole).toDateTime(),
                 localTime(2025, 11, 26, 15, 30));
        QVERIFY(!wednesday.data(HistoryModel::IsExtraRole).toBool());
        QVERIFY(!wednesday.data(HistoryModel::IsSafetyCopyRole).toBool());

        const QModelIndex plain = model.index(3);
        QCOMPARE(plain.data(HistoryModel::PathRole).toString(), m_models.fullCopy);
        QCOMPARE(plain.data(HistoryModel::WeekdaySetRole).toString(), QString());
        QCOMPARE(plain.data(HistoryModel::BytesRole).toLongLong(),
                 QFileInfo(m_models.fullCopy).size());
        QCOMPARE(plain.data(HistoryModel::SizeTextRole).toString(),
                 FileSystem::formatSize(QFileInfo(m_models.fullCopy).size()));

        QCOMPARE(model.index(4).data(HistoryModel::WeekdaySetRole).toString(), u"segunda"_s);
        QCOMPARE(model.index(4).data(HistoryModel::CompaniesRole).toInt(), 1);

        const QModelIndex extra = model.index(5);
        QVERIFY(extra.data(HistoryModel::IsExtraRole).toBool());
        QVERIFY(!extra.data(HistoryModel::IsSafetyCopyRole).toBool());
        QCOMPARE(extra.data(HistoryModel::WeekdaySetRole).toString(), QString());

        for (int row = 0; row < model.rowCount(); ++row) {
            QVERIFY(model.index(row).data(HistoryModel::OnInstallationDiskRole).toBool());
            QCOMPARE(model.index(row).data(HistoryModel::ValidRole).toBool(), row != 0);
        }

        // Dates as the Brazilian clerk reads them.
        QLocale::setDefault(QLocale(QLocale::Portuguese, QLocale::Brazil));
        QCOMPARE(wednesday.data(HistoryModel::DateTextRole).toString(), u"26/11/2025 15:30"_s);

        // The last copy is the newest readable one made by the user.
        QCOMPARE(model.lastCopyPath(), m_models.root + u"/Copias/CopiaCP-quarta.zip"_s);
        QCOMPARE(model.lastCopyTime(), localTime(2025, 11, 26, 15, 30));
        QCOMPARE(model.lastCopySize(), QFileInfo(model.lastCopyPath()).size());
        QVERIFY(model.lastCopyOnInstallationDisk());

        // The same folder given again as a remembered destination adds nothing.
        model.setExtraFolders({m_models.root + u"/Copias"_s, m_models.root + u"/Copias/"_s});
        QVERIFY(waitUntilRead(model));
        QCOMPARE(model.rowCount(), 6);
        model.setRoot(QString());
        QVERIFY(waitUntilRead(model));
        QCOMPARE(model.rowCount(), 6);
        QVERIFY(!model.index(0).data(HistoryModel::OnInstallationDiskRole).toBool());
        model.setExtraFolders({});
        QVERIFY(waitUntilRead(model));
        QCOMPARE(model.rowCount(), 0);
    }

    // The same installation opened again after its copies were deleted or
    // replaced behind the model's back (another program, the CLI, a restore
    // of the whole folder): Home must show what is on disk, not what was.
    void historySameRootShowsWhatIsOnDisk()
    {
        const QString root = m_modelsDir.filePath(u"recriada"_s);
        const QString copias = root + u"/Copias"_s;
        QVERIFY(QDir().mkpath(copias));
        // The same installation (its id) put back in place, with its copies.
        const QString idFile = u"/"_s + QString::fromUtf16(InstallationId::fileName);
        QVERIFY(QFile::copy(m_models.root + idFile, root + idFile));
        QVERIFY(QFile::copy(m_models.fullCopy, copias + u"/CopiaCP.zip"_s));
        QVERIFY(QFile::copy(m_models.root + u"/Copias/CopiaCP-quarta.zip"_s,
                            copias + u"/CopiaCP-quarta.zip"_s));

        HistoryModel model;
        QAbstractItemModelTester tester(&model, testerMode);
        model.setRoot(root);
        QVERIFY(waitUntilRead(model));
        QCOMPARE(column(model, HistoryModel::FileNameRole),
                 QStringList({u"CopiaCP-quarta.zip"_s, u"CopiaCP.zip"_s}));
        QCOMPARE(model.lastCopyTime(), localTime(2025, 11, 26, 15, 30));

        // The folder is recreated with only Monday's set in it.
        QVERIFY(QDir(root).removeRecursively());
        QVERIFY(QDir().mkpath(copias));
        QVERIFY(QFile::copy(m_models.root + idFile, root + idFile));
        QVERIFY(QFile::copy(m_models.root + u"/Copias/CopiaCP-segunda.zip"_s,
                            copias + u"/CopiaCP-segunda.zip"_s));
        QSignalSpy count(&model, &HistoryModel::countChanged);
        QSignalSpy rootChanged(&model, &HistoryModel::rootChanged);
        model.setRoot(root);
        QVERIFY(waitUntilRead(model));
        QVERIFY(!count.isEmpty());
        QCOMPARE(rootChanged.count(), 0); // the root itself did not change
        QCOMPARE(column(model, HistoryModel::FileNameRole), QStringList {u"CopiaCP-segunda.zip"_s});
        QCOMPARE(model.lastCopyTime(), localTime(2025, 11, 24, 9, 0));

        // Every copy gone: no last copy, and the warning.
        QVERIFY(QDir(copias).removeRecursively());
        model.setRoot(root);
        QVERIFY(waitUntilRead(model));
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.lastCopyPath().isEmpty());
        QVERIFY(model.needsAttention());
    }

    void historyAttention()
    {
        HistoryModel model;
        QAbstractItemModelTester tester(&model, testerMode);

        // An installation without any copy.
        model.setRoot(m_modelsDir.filePath(u"vazia"_s));
        QVERIFY(waitUntilRead(model));
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.daysSinceLastCopy(), -1);
        QVERIFY(!model.lastCopyTime().isValid());
        QCOMPARE(model.lastCopyPath(), QString());
        QCOMPARE(model.lastCopySize(), 0);
        QVERIFY(model.needsAttention());
        QCOMPARE(model.attentionText(), u"No copy of this installation was found. Make one now."_s);

        // Copies that are all on the installation's own disk (a temporary
        // folder is on one disk): recent, yet worth a warning.
        const QString onDisk = u"Every copy is on the installation's own disk. Keep a copy on a "
                               u"pen drive or external disk too."_s;
        model.setRoot(m_models.root);
        QVERIFY(waitUntilRead(model));
        QSignalSpy count(&model, &HistoryModel::countChanged);
        model.setNow(localTime(2025, 11, 27, 9, 0));
        QCOMPARE(count.count(), 1);
        QCOMPARE(model.daysSinceLastCopy(), 1);
        QVERIFY(model.needsAttention());
        QCOMPARE(model.attentionText(), onDisk);

        // A copy sent off site the day before is a copy away from this
        // disk: no warning, until that sending is over a week old.
        {
            QFile history(History::filePath(m_models.root));
            QVERIFY(history.open(QIODevice::ReadOnly));
            const QByteArray kept = history.readAll();
            history.close();
            HistoryRecord sent = HistoryRecord::make(HistoryRecord::offsite,
                                                     localTime(2025, 11, 26, 20, 0), {}, false);
            sent.copies << u"nuvem:Copias/CopiaCP.zip"_s;
            QVERIFY(History::append(m_models.root, sent));
            model.refresh();
            QVERIFY(waitUntilRead(model));
            QVERIFY(model.hasOffsite());
            QVERIFY(!model.needsAttention());
            QCOMPARE(model.attentionText(), QString());
            model.setNow(localTime(2025, 12, 4, 9, 0));
            QVERIFY(model.offsiteAlarm());
            QVERIFY(model.attentionText().endsWith(onDisk));
            QVERIFY(history.open(QIODevice::WriteOnly | QIODevice::Truncate));
            history.write(kept);
            history.close();
            model.setNow(localTime(2025, 11, 27, 9, 0));
            model.refresh();
            QVERIFY(waitUntilRead(model));
            QVERIFY(!model.hasOffsite());
        }

        // Three days are tolerated (a weekend), the fourth is not.
        model.setNow(localTime(2025, 11, 29, 23, 59));
        QCOMPARE(model.daysSinceLastCopy(), 3);
        QCOMPARE(model.attentionText(), onDisk);
        model.setNow(localTime(2025, 11, 30, 0, 1));
        QCOMPARE(model.daysSinceLastCopy(), 4);
        QCOMPARE(model.attentionText(),
                 u"The last copy is 4 day(s) old. Make a copy every working day. "_s + onDisk);
        model.setNow(localTime(2026, 1, 5, 9, 0));
        QCOMPARE(model.daysSinceLastCopy(), 40);
        QVERIFY(model.attentionText().startsWith(u"The last copy is 40 day(s) old."_s));
    }

    void historyFreshCopyOnAnotherVolume()
    {
        const QString elsewhere = m_modelsDir.filePath(u"outro-volume"_s);
        TmpfsMount volume(elsewhere, 32 * 1024 * 1024);
        if (!volume.isMounted())
            QSKIP(
                qPrintable(u"Cannot mount a tmpfs on %1 (%2): no second volume to test a copy "
                           u"kept off the installation's disk."_s.arg(elsewhere, volume.error())));
        QVERIFY(!FileSystem::sameVolume(elsewhere, m_models.root));

        BackupOptions options;
        options.output = elsewhere;
        options.rotation = BackupOptions::Rotation::Weekday;
        options.now = localTime(2025, 12, 5, 18, 0); // a Friday
        const QString copy = m_models.backup(options);
        QCOMPARE(copy, elsewhere + u"/CopiaCP-sexta.zip"_s);

        HistoryModel model;
        QAbstractItemModelTester tester(&model, testerMode);
        model.setRoot(m_models.root);
        QVERIFY(waitUntilRead(model));
        const int before = model.rowCount();
        QSignalSpy folders(&model, &HistoryModel::extraFoldersChanged);
        model.setExtraFolders({elsewhere, m_modelsDir.filePath(u"nao-existe"_s)});
        QVERIFY(waitUntilRead(model));
        QCOMPARE(folders.count(), 1);
        QCOMPARE(model.rowCount(), before + 1);
        const QModelIndex newest = model.index(0);
        QCOMPARE(newest.data(HistoryModel::PathRole).toString(), copy);
        QCOMPARE(newest.data(HistoryModel::WeekdaySetRole).toString(), u"sexta"_s);
        QVERIFY(!newest.data(HistoryModel::OnInstallationDiskRole).toBool());
        QVERIFY(model.index(1).data(HistoryModel::OnInstallationDiskRole).toBool());

        model.setNow(localTime(2025, 12, 5, 19, 0));
        QCOMPARE(model.lastCopyPath(), copy);
        QVERIFY(!model.lastCopyOnInstallationDisk());
        QCOMPARE(model.daysSinceLastCopy(), 0);
        QCOMPARE(model.attentionText(), QString());
        // A week later the same copy is stale, though safely elsewhere.
        model.setNow(localTime(2025, 12, 12, 9, 0));
        QVERIFY(model.needsAttention());
        QCOMPARE(model.attentionText(),
                 u"The last copy is 7 day(s) old. Make a copy every working day."_s);
        // The pen drive is gone: every copy left is on the installation's disk.
        model.setNow(localTime(2025, 12, 5, 19, 0));
        model.setExtraFolders({});
        QVERIFY(waitUntilRead(model));
        QCOMPARE(model.rowCount(), before);
        QVERIFY(model.needsAttention());
        QVERIFY(model.attentionText().startsWith(u"The last copy is 9 day(s) old."_s));
    }

    // Which backup Home calls incomplete, from the history alone: the newest
    // incomplete copy stays red through later failures and refusals, and
    // only a complete copy clears it; an incomplete scheduled copy is not
    // reported as a failed one.
    void historyIncompleteUntilACompleteCopy()
    {
        const QString root = m_modelsDir.filePath(u"historico-incompleto"_s);
        QVERIFY(QDir().mkpath(root));
        auto append = [&](const QString &result, ExitCode code, bool scheduled, int day) {
            HistoryRecord record = HistoryRecord::make(
                HistoryRecord::backup, localTime(2025, 12, day, 20, 0),
                {code, code == ExitCode::Success ? QString() : u"message of "_s + result}, false);
            record.scheduled = scheduled;
            QString error;
            QVERIFY2(History::append(root, record, &error), qPrintable(error));
        };
        HistoryModel model;
        model.setRoot(root);
        QVERIFY(waitUntilRead(model));
        QVERIFY(!model.hasPendingIncomplete());

        append(u"incomplete"_s, ExitCode::Incomplete, true, 1);
        model.refresh();
        QVERIFY(waitUntilRead(model));
        QVERIFY(model.hasPendingIncomplete());
        QVERIFY(!model.hasPendingFailure());
        QVERIFY2(model.pendingIncompleteText().contains(u"not a full backup"_s),
                 qPrintable(model.pendingIncompleteText()));

        append(u"in-use"_s, ExitCode::InUse, false, 2);
        append(u"failed"_s, ExitCode::Failed, true, 3);
        model.refresh();
        QVERIFY(waitUntilRead(model));
        QVERIFY(model.hasPendingIncomplete());
        QVERIFY(model.hasPendingFailure());

        append(u"ok"_s, ExitCode::Success, false, 4);
        model.refresh();
        QVERIFY(waitUntilRead(model));
        QVERIFY(!model.hasPendingIncomplete());
        QVERIFY(!model.hasPendingFailure());
        QVERIFY(model.pendingIncompleteText().isEmpty());

        append(u"incomplete"_s, ExitCode::Incomplete, false, 5);
        model.refresh();
        QVERIFY(waitUntilRead(model));
        QVERIFY(model.hasPendingIncomplete());
        QCOMPARE(History::describeResult(u"incomplete"_s), u"incomplete: files were left out"_s);
    }

    // Home's off-site line: nothing until a copy was sent off site; the
    // date and place of the last one; red once it is over a week old, and
    // red while the newest sending failed, until one succeeds again.
    void historyOffsiteCopy()
    {
        const QString root = m_modelsDir.filePath(u"historico-fora"_s);
        QVERIFY(QDir().mkpath(root));
        auto append = [&](const QString &operation, ExitCode code, int day) {
            HistoryRecord record = HistoryRecord::make(
                operation, localTime(2025, 12, day, 20, 0),
                {code, code == ExitCode::Success ? QString() : u"connection refused"_s}, false);
            record.copies << u"nuvem:Copias/CopiaAT.zip"_s;
            QString error;
            QVERIFY2(History::append(root, record, &error), qPrintable(error));
        };
        HistoryModel model;
        model.setNow(localTime(2025, 12, 5, 21, 0));
        model.setRoot(root);
        QVERIFY(waitUntilRead(model));
        QVERIFY(!model.hasOffsite());

        // A backup is no off-site copy.
        append(HistoryRecord::backup, ExitCode::Success, 1);
        model.refresh();
        QVERIFY(waitUntilRead(model));
        QVERIFY(!model.hasOffsite());

        append(HistoryRecord::offsite, ExitCode::Success, 2);
        model.refresh();
        QVERIFY(waitUntilRead(model));
        QVERIFY(model.hasOffsite());
        QVERIFY(!model.offsiteAlarm());
        QVERIFY2(model.offsiteText().contains(u"to nuvem:Copias."_s),
                 qPrintable(model.offsiteText()));

        // A week after: still fine; a day more: red, saying how long.
        model.setNow(localTime(2025, 12, 9, 21, 0));
        model.refresh();
        QVERIFY(waitUntilRead(model));
        QVERIFY(!model.offsiteAlarm());
        model.setNow(localTime(2025, 12, 10, 21, 0));
        model.refresh();
        QVERIFY(waitUntilRead(model));
        QVERIFY(model.offsiteAlarm());
        QVERIFY2(model.offsiteText().contains(u"8 day"_s), qPrintable(model.offsiteText()));

        model.setNow(localTime(2025, 12, 5, 21, 0));
        append(HistoryRecord::offsite, ExitCode::Offsite, 3);
        model.refresh();
        QVERIFY(waitUntilRead(model));
        QVERIFY(model.offsiteAlarm());
        QVERIFY2(model.offsiteText().contains(u"connection refused"_s),
                 qPrintable(model.offsiteText()));
        QVERIFY(model.offsiteFailed());

        append(HistoryRecord::offsite, ExitCode::Success, 4);
        model.refresh();
        QVERIFY(waitUntilRead(model));
        QVERIFY(!model.offsiteAlarm());
        QVERIFY(!model.offsiteText().contains(u"failed"_s));
        QVERIFY(!model.offsiteFailed());
    }
};

QTEST_GUILESS_MAIN(TestHistoryModel)
#include "tst_historymodel.moc"
