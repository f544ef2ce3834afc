// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 9: a backup holds every file or fails loudly. The real resguarda-cli
// copies an installation holding the torture tree (support/torturetree.h),
// restores it into an empty installation, and the two company folders must
// be identical in raw names, bytes, modes, times to the second and empty
// folders (support/treesnapshot.h). What cannot be copied (links, FIFOs,
// unreadable files and folders, a file growing while read) makes the backup
// fail with exit 1 naming every such path and leaving the previous copy as
// it was, unless --allow-incomplete, which writes a copy marked incomplete.
//
// The torture round trip runs with 5000 small files. With
// RESGUARDA_TORTURE_FULL=1 in the environment it runs a second time with
// 100,000 small files and a sparse file over 4 GiB: over two minutes on a
// quiet two-core machine, and 4.3 GB written, so not in the default run.

#include "copy/copyfilenames.h"
#include "support/demofixture.h"
#include "support/testinstallation.h"
#include "support/torturetree.h"
#include "support/treesnapshot.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <climits>
#include <sys/stat.h>
#include <unistd.h>

using namespace Resguarda;
using namespace TestSupport;
using namespace Qt::StringLiterals;

namespace {

// The exit code of a backup that wrote a copy with --allow-incomplete
// leaving out what it could not read (core/exitcode.h will name it).
constexpr int kIncompleteExit = 5;
constexpr int kFailedExit = 1;

// Every message is checked in English, whatever the machine's locale.
const QStringList englishEnvironment = {u"LANG=C.UTF-8"_s, u"LC_ALL=C.UTF-8"_s, u"LANGUAGE="_s};
const QStringList portugueseEnvironment
    = {u"LANG=pt_BR.UTF-8"_s, u"LC_ALL=pt_BR.UTF-8"_s, u"LANGUAGE="_s};

// How `list` is asked to show the files of a copy, for the Latin-1 name.
const QStringList listFileArguments = {QStringLiteral("--files")};

const QByteArray systemsJson
    = R"({"formato": 1, "sistemas": [{"codigo": "AT", "nome": "Ativo Imobilizado"}]})";

QByteArray describe(const ProcessResult &result)
{
    return "exit code " + QByteArray::number(result.exitCode) + "\nstdout:\n"
        + result.standardOutput + "\nstderr:\n" + result.standardError;
}

// What a command said, both streams, as text.
QString output(const ProcessResult &result)
{
    return QString::fromUtf8(result.standardOutput + result.standardError);
}

QString relative(const QByteArray &raw)
{
    return QString::fromUtf8(raw);
}

} // namespace

class TestRoundTrip : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // An installation of system AT with companies 0001 and 0002, a table
    // each: small and quick, for one case at a time.
    QString minimalInstallation(const QString &name)
    {
        const QString root = m_dir.filePath(name);
        [&] {
            QVERIFY(QDir().mkpath(root));
            writeFile(root + u"/sistemas.json"_s, systemsJson);
            for (const auto &code : {u"0001"_s, u"0002"_s}) {
                QString error;
                const QString company = ensureCompany(root, u"AT"_s, code, &error);
                QVERIFY2(!company.isEmpty(), qPrintable(error));
                QVERIFY(addFile(company, "cadastro.dat", "cadastro de " + code.toUtf8() + '\n')
                            .isEmpty());
            }
        }();
        return root;
    }

    // An installation of AT with no company, to restore into.
    QString emptyInstallation(const QString &name)
    {
        const QString root = m_dir.filePath(name);
        [&] {
            QVERIFY(QDir().mkpath(root + u"/AT/empresas"_s));
            writeFile(root + u"/sistemas.json"_s, systemsJson);
        }();
        return root;
    }

    QString companyFolder(const QString &root, const QString &code = u"0001"_s)
    {
        return root + u"/AT/empresas/"_s + code;
    }

    ProcessResult backup(const QString &root, const QString &output, const QStringList &extra = {},
                         int timeoutMs = 600000)
    {
        QDir().mkpath(output);
        return runCli(QStringList {u"backup"_s, u"--root"_s, root, u"--system"_s, u"AT"_s,
                                   u"--output"_s, output, u"--quiet"_s}
                          + extra,
                      englishEnvironment, timeoutMs);
    }

    // The backup as a process that cannot read what is unreadable even as
    // root (the tests run as root in CI).
    ProcessResult backupWithoutFileCapabilities(const QString &root, const QString &output,
                                                const QStringList &extra = {})
    {
        QDir().mkpath(output);
        const auto command
            = withoutFileCapabilities(QStringLiteral(RESGUARDA_CLI_PATH),
                                      QStringList {u"backup"_s, u"--root"_s, root, u"--system"_s,
                                                   u"AT"_s, u"--output"_s, output, u"--quiet"_s}
                                          + extra);
        return runProcess(command.program, command.arguments, englishEnvironment);
    }

    ProcessResult restore(const QString &copy, const QString &root, int timeoutMs = 600000)
    {
        return runCli({u"restore"_s, copy, u"--root"_s, root, u"--yes"_s}, englishEnvironment,
                      timeoutMs);
    }

    // Backs root up, restores the copy into a new empty installation and
    // compares the companies of both.
    void roundTrip(const QString &root, const QString &name)
    {
        const auto before = snapshotTree(root + u"/AT/empresas"_s);
        QVERIFY2(before.errors.isEmpty(), qPrintable(before.errors.join(u'\n')));
        const QString copies = m_dir.filePath(name + u"-copies"_s);
        const auto made = backup(root, copies);
        QVERIFY2(made.exitCode == 0, describe(made).constData());
        QVERIFY2(!made.standardError.contains("Warning"), describe(made).constData());
        const QString target = emptyInstallation(name + u"-restored"_s);
        const auto restored = restore(copies + u"/CopiaAT.zip"_s, target);
        QVERIFY2(restored.exitCode == 0, describe(restored).constData());
        const QString differences
            = describeDifferences(before, snapshotTree(target + u"/AT/empresas"_s));
        QVERIFY2(differences.isEmpty(), qPrintable(differences));
    }

    // A first, good copy at output; its hash.
    QByteArray previousCopy(const QString &root, const QString &output)
    {
        const auto first = backup(root, output);
        [&] {
            QVERIFY2(first.exitCode == 0, describe(first).constData());
        }();
        return fileHash(output + u"/CopiaAT.zip"_s);
    }

    void chmodBack(const QString &path) { ::chmod(QFile::encodeName(path).constData(), 0755); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // QTemporaryDir cannot remove raw names.
    void cleanupTestCase() { QVERIFY(removeTree(m_dir.path())); }

    // (a) The whole torture tree inside a demo installation, there and back.
    void tortureRoundTrip_data()
    {
        QTest::addColumn<int>("smallFiles");
        QTest::addColumn<bool>("sparseFile");
        QTest::newRow("5000 small files") << 5000 << false;
        // Minutes on a busy machine and over 4 GiB written: only on demand.
        if (qEnvironmentVariableIsSet("RESGUARDA_TORTURE_FULL"))
            QTest::newRow("100000 small files and a sparse file over 4 GiB") << 100000 << true;
    }

    void tortureRoundTrip()
    {
        QFETCH(int, smallFiles);
        QFETCH(bool, sparseFile);
        const QString name = u"torture-%1"_s.arg(smallFiles);
        const QString root = m_dir.filePath(name);
        QElapsedTimer timer;
        timer.start();
        const auto demoError = DemoFixture(2, 2, 4, 9, 2025).create(root);
        QVERIFY2(!demoError, qPrintable(demoError.message));
        TortureOptions options;
        options.smallFiles = smallFiles;
        options.sparseFile = sparseFile;
        const auto added = addTortureTree(companyFolder(root), options);
        QVERIFY2(added.error.isEmpty(), qPrintable(added.error));
        const auto before = snapshotTree(root + u"/AT/empresas"_s);
        QVERIFY2(before.errors.isEmpty(), qPrintable(before.errors.join(u'\n')));
        qInfo("installation with the torture tree: %lld files, %lld bytes, in %lld ms",
              before.files, before.bytes, timer.restart());

        const QString copies = m_dir.filePath(name + u"-copies"_s);
        const auto made = backup(root, copies);
        qInfo("backup: %lld ms", timer.restart());
        QVERIFY2(made.exitCode == 0, describe(made).constData());
        QVERIFY2(!made.standardError.contains("Warning"), describe(made).constData());
        const QString copy = copies + u"/CopiaAT.zip"_s;
        // Copying reads: it changes nothing in the installation.
        QCOMPARE(describeDifferences(before, snapshotTree(root + u"/AT/empresas"_s)), QString());

        // Other tools open the copy (docs/copy-format.md promises a standard ZIP).
        const QString unzip = QStandardPaths::findExecutable(u"unzip"_s);
        if (unzip.isEmpty()) {
            qInfo("unzip is not installed: the copy is not tested with it");
        } else {
            const auto tested = runProcess(unzip, {u"-tqq"_s, copy}, {}, 600000);
            QVERIFY2(tested.exitCode == 0, describe(tested).constData());
        }
        const QString sevenZip = QStandardPaths::findExecutable(u"7z"_s);
        if (sevenZip.isEmpty()) {
            qInfo("7z is not installed: the copy is not tested with it");
        } else {
            const auto tested = runProcess(sevenZip, {u"t"_s, u"-bd"_s, copy}, {}, 600000);
            QVERIFY2(tested.exitCode == 0, describe(tested).constData());
        }
        qInfo("unzip -t and 7z t: %lld ms", timer.restart());

        const QString target = emptyInstallation(name + u"-restored"_s);
        const auto restored = restore(copy, target);
        qInfo("restore: %lld ms", timer.restart());
        QVERIFY2(restored.exitCode == 0, describe(restored).constData());
        const auto after = snapshotTree(target + u"/AT/empresas"_s);
        qInfo("snapshot of the restored companies: %lld ms", timer.restart());
        const QString differences = describeDifferences(before, after);
        QVERIFY2(differences.isEmpty(), qPrintable(differences));
    }

    // (b) One defect at a time.

    // A Latin-1 name is copied and restored byte for byte; list shows it
    // with the undecodable byte replaced, on screen only.
    void latin1NameRoundTrip()
    {
        const QString root = minimalInstallation(u"latin1"_s);
        QVERIFY(addFile(companyFolder(root), "hist\xf3rico.dat", "saldo 2025\n").isEmpty());
        roundTrip(root, u"latin1"_s);
        if (QTest::currentTestFailed())
            return;
        const auto listed
            = runCli(QStringList {u"list"_s, m_dir.filePath(u"latin1-copies/CopiaAT.zip"_s)}
                         + listFileArguments,
                     englishEnvironment);
        QVERIFY2(listed.exitCode == 0, describe(listed).constData());
        QVERIFY2(!listed.standardOutput.contains("hist\xf3rico"), describe(listed).constData());
        QVERIFY2(QString::fromUtf8(listed.standardOutput).contains(u"hist\ufffdrico.dat"_s),
                 describe(listed).constData());
    }

    void reservedNameRoundTrip_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::newRow("colon") << QByteArray("a:b.dat");
        QTest::newRow("backslash") << QByteArray("c\\d.dat");
        QTest::newRow("drive letter and backslash") << QByteArray("C:\\fim.dat");
        QTest::newRow("control \\x01") << QByteArray("ctl\x01.dat");
        QTest::newRow("tab") << QByteArray("tab\tname.dat");
        QTest::newRow("newline") << QByteArray("line\nbreak.dat");
        QTest::newRow("DEL") << QByteArray("del\x7f.dat");
        QTest::newRow("percent") << QByteArray("100%.dat");
        QTest::newRow("path of 300 bytes") << longRelativePath("longo/", 300);
        QTest::newRow("path of 4000 bytes") << longRelativePath("longo/", 4000);
        // Made in the test: the longest path a copy holds below the root
        // (PATH_MAX - 1 bytes, Installation::maxPathBytes), so that from /
        // it is past PATH_MAX whatever the temporary folder, and only
        // relative steps (openat) reach it.
        QTest::newRow("absolute path beyond PATH_MAX") << QByteArray();
    }

    void reservedNameRoundTrip()
    {
        QFETCH(QByteArray, path);
        const QString name
            = u"reserved-"_s + QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-');
        const QString root = minimalInstallation(name);
        if (path.isEmpty())
            path = longRelativePath("longo/", PATH_MAX - 1 - int(qstrlen("AT/empresas/0001/")));
        QVERIFY(addFile(companyFolder(root), path, "dados\n").isEmpty());
        roundTrip(root, name);
    }

    // A path below the root longer than PATH_MAX - 1 bytes cannot be opened
    // by any program in one call: the backup fails naming it (exit 1), like
    // anything else it cannot copy, and keeps nothing half-made.
    void pathBeyondTheLimitFailsTheBackup()
    {
        const QString root = minimalInstallation(u"too-long"_s);
        const QByteArray path = longRelativePath("longo/", PATH_MAX + 10);
        QVERIFY(addFile(companyFolder(root), path, "dados\n").isEmpty());
        const QString output = m_dir.filePath(u"too-long-copias"_s);
        const auto result = backup(root, output);
        QVERIFY2(result.exitCode == kFailedExit, describe(result).constData());
        QVERIFY2(result.standardError.contains("longer than"), describe(result).constData());
        QVERIFY2(result.standardError.contains("AT/empresas/0001/longo/"),
                 describe(result).constData());
        QVERIFY(QDir(output).entryList(QDir::Files | QDir::Hidden).isEmpty());
    }

    // The copy records every mode bit, but a restore never sets the
    // set-user-ID, set-group-ID or sticky bits: a copy from any pen drive,
    // restored by root, must not make a program that runs as its owner.
    void setIdBitsAreNeverRestored()
    {
        const QString root = minimalInstallation(u"set-id"_s);
        QVERIFY(addFile(companyFolder(root), "programa-suid", "#!/bin/sh\n", 04755).isEmpty());
        QVERIFY(QFile::exists(companyFolder(root) + u"/programa-suid"_s));
        struct stat before
        {
        };
        QVERIFY(::stat(QFile::encodeName(companyFolder(root) + u"/programa-suid"_s).constData(),
                       &before)
                == 0);
        QCOMPARE(before.st_mode & 07777, mode_t(04755));
        const QString copies = m_dir.filePath(u"set-id-copies"_s);
        const auto made = backup(root, copies);
        QVERIFY2(made.exitCode == 0, describe(made).constData());
        const QString target = minimalInstallation(u"set-id-restored"_s);
        const auto restored = restore(copies + u"/CopiaAT.zip"_s, target);
        QVERIFY2(restored.exitCode == 0, describe(restored).constData());
        struct stat after
        {
        };
        QVERIFY(::stat(QFile::encodeName(companyFolder(target) + u"/programa-suid"_s).constData(),
                       &after)
                == 0);
        QCOMPARE(after.st_mode & 07777, mode_t(0755));
    }

    // Modes (0600, 0640, 0660, 0755; folders 0750, 0700), past times with
    // odd seconds and fractions, empty folders (mensal/2026-11 among them).
    void metadataRoundTrip()
    {
        const QString root = minimalInstallation(u"metadata"_s);
        TortureOptions options;
        options.legacyEncodings = options.reservedCharacters = options.longPaths = false;
        options.normalisationAndCase = options.extremeTimes = false;
        options.smallFiles = 20;
        const auto added = addTortureTree(companyFolder(root), options);
        QVERIFY2(added.error.isEmpty(), qPrintable(added.error));
        roundTrip(root, u"metadata"_s);
    }

    // A file dated before 1980 (no DOS date holds it), one at an odd second
    // (DOS dates step by two), a folder dated 1979.
    void extremeTimesRoundTrip()
    {
        const QString root = minimalInstallation(u"times"_s);
        TortureOptions options;
        options.legacyEncodings = options.reservedCharacters = options.longPaths = false;
        options.normalisationAndCase = options.emptyFiles = options.emptyFolders = false;
        options.variedModes = false;
        options.smallFiles = 0;
        const auto added = addTortureTree(companyFolder(root), options);
        QVERIFY2(added.error.isEmpty(), qPrintable(added.error));
        roundTrip(root, u"times"_s);
    }

    // What cannot be copied fails the backup with exit 1, naming the path;
    // the previous copy stays as it was and nothing else is left beside it.
    void uncopyableFailsTheBackup_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("unreadable folder") << u"folder"_s;
        QTest::newRow("unreadable file") << u"file"_s;
        QTest::newRow("unreadable company folder") << u"company"_s;
        QTest::newRow("symbolic link") << u"symlink"_s;
        QTest::newRow("FIFO") << u"fifo"_s;
        QTest::newRow("device") << u"device"_s;
    }

    void uncopyableFailsTheBackup()
    {
        QFETCH(QString, kind);
        const QString name = u"uncopyable-"_s + kind;
        const QString root = minimalInstallation(name);
        const QString copies = m_dir.filePath(name + u"-copies"_s);
        const QByteArray previous = previousCopy(root, copies);
        QVERIFY(!previous.isEmpty());

        QString named;
        if (kind == u"company") {
            QCOMPARE(::chmod(QFile::encodeName(companyFolder(root, u"0002"_s)).constData(), 0), 0);
            named = u"AT/empresas/0002"_s;
        } else {
            UncopyableOptions options;
            options.unreadableFolder = kind == u"folder";
            options.unreadableFile = kind == u"file";
            options.symlink = kind == u"symlink";
            options.fifo = kind == u"fifo";
            options.device = kind == u"device";
            const auto added = addUncopyableCases(companyFolder(root), options);
            if (kind == u"device" && !added.error.isEmpty())
                QSKIP(
                    qPrintable(u"making a device node is not permitted here (%1): the device case "
                               "is not checked on this machine"_s.arg(added.error)));
            QVERIFY2(added.error.isEmpty(), qPrintable(added.error));
            QCOMPARE(added.paths.size(), 1);
            named = u"AT/empresas/0001/"_s + relative(added.paths.first());
            if (named.endsWith(u'/'))
                named.chop(1);
        }
        const auto result = backupWithoutFileCapabilities(root, copies);
        chmodBack(companyFolder(root, u"0002"_s));
        chmodBack(companyFolder(root) + u"/tortura-nao-copiavel/pasta-sem-leitura"_s);
        QVERIFY2(result.exitCode == kFailedExit, describe(result).constData());
        QVERIFY2(
            output(result).contains(named),
            qPrintable(u"%1 not named in:\n"_s.arg(named) + QString::fromUtf8(describe(result))));
        QCOMPARE(QDir(copies).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList {u"CopiaAT.zip"_s});
        QCOMPARE(fileHash(copies + u"/CopiaAT.zip"_s), previous);
    }

    // All of them at once: every one is named, and with no previous copy
    // nothing at all is written.
    void everyUncopyablePathIsNamed()
    {
        const QString root = minimalInstallation(u"uncopyable-all"_s);
        const auto added = addUncopyableCases(companyFolder(root), {});
        QVERIFY2(added.error.isEmpty(), qPrintable(added.error));
        const QString copies = m_dir.filePath(u"uncopyable-all-copies"_s);
        const auto result = backupWithoutFileCapabilities(root, copies);
        chmodBack(companyFolder(root) + u"/tortura-nao-copiavel/pasta-sem-leitura"_s);
        QVERIFY2(result.exitCode == kFailedExit, describe(result).constData());
        QCOMPARE(added.paths.size(), 4);
        for (const auto &path : added.paths) {
            QString named = u"AT/empresas/0001/"_s + relative(path);
            if (named.endsWith(u'/'))
                named.chop(1);
            QVERIFY2(output(result).contains(named),
                     qPrintable(u"%1 not named in:\n"_s.arg(named)
                                + QString::fromUtf8(describe(result))));
        }
        QCOMPARE(QDir(copies).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList());
    }

    // --allow-incomplete writes the copy without them, says which, exits
    // with its own code, and the copy says it is incomplete.
    void allowIncompleteWritesACopyMarkedIncomplete()
    {
        const QString root = minimalInstallation(u"incomplete"_s);
        const auto added = addUncopyableCases(companyFolder(root), {});
        QVERIFY2(added.error.isEmpty(), qPrintable(added.error));
        const QString copies = m_dir.filePath(u"incomplete-copies"_s);
        const auto result = backupWithoutFileCapabilities(root, copies, {u"--allow-incomplete"_s});
        chmodBack(companyFolder(root) + u"/tortura-nao-copiavel/pasta-sem-leitura"_s);
        QVERIFY2(result.exitCode == kIncompleteExit, describe(result).constData());
        for (const auto &path : added.paths) {
            QString named = u"AT/empresas/0001/"_s + relative(path);
            if (named.endsWith(u'/'))
                named.chop(1);
            QVERIFY2(output(result).contains(named),
                     qPrintable(u"%1 not named in:\n"_s.arg(named)
                                + QString::fromUtf8(describe(result))));
        }
        const QString copy = copies + u"/CopiaAT.zip"_s;
        const auto entries = copyHashes(copy);
        QVERIFY2(entries.contains(u"AT/empresas/0001/cadastro.dat"_s),
                 qPrintable(entries.keys().join(u'\n')));
        QVERIFY2(entries.contains(u"AT/empresas/0002/cadastro.dat"_s),
                 qPrintable(entries.keys().join(u'\n')));

        const auto english = runCli({u"list"_s, copy}, englishEnvironment);
        QVERIFY2(english.exitCode == 0, describe(english).constData());
        QVERIFY2(english.standardOutput.contains("incomplete"), describe(english).constData());
        const auto portuguese = runCli({u"list"_s, copy}, portugueseEnvironment);
        QVERIFY2(portuguese.exitCode == 0, describe(portuguese).constData());
        QVERIFY2(portuguese.standardOutput.contains("incompleta"),
                 describe(portuguese).constData());

        // Every other view says so too: verify (the copy is intact, but not
        // complete), the history, and the restore's preview, per company.
        const auto verify = runCli({u"verify"_s, copy}, englishEnvironment);
        QVERIFY2(verify.exitCode == 0, describe(verify).constData());
        QVERIFY2(verify.standardOutput.contains("INCOMPLETE"), describe(verify).constData());
        const auto history = runCli({u"history"_s, u"--root"_s, root}, englishEnvironment);
        QVERIFY2(history.standardOutput.contains("incomplete"), describe(history).constData());
        const QString target = minimalInstallation(u"incomplete-restored"_s);
        const auto restored
            = runCli({u"restore"_s, copy, u"--root"_s, target, u"--yes"_s}, englishEnvironment);
        QVERIFY2(restored.exitCode == 0, describe(restored).constData());
        QVERIFY2(restored.standardOutput.contains("This copy is INCOMPLETE"),
                 describe(restored).constData());
        QVERIFY2(restored.standardOutput.contains("INCOMPLETE in the copy"),
                 describe(restored).constData());
    }

    // A table deleted after the backup listed it and before it read it (the
    // files are read in path order: a large one first gives the time).
    void vanishedFileFailsTheBackup()
    {
        const QString root = minimalInstallation(u"vanished"_s);
        QByteArray data(64 << 20, Qt::Uninitialized);
        QRandomGenerator random(12);
        random.fillRange(reinterpret_cast<quint32 *>(data.data()), data.size() / 4);
        writeFile(companyFolder(root) + u"/aaa-grande.dat"_s, data);
        data.clear();
        const QString vanishing = companyFolder(root) + u"/zzz-desaparece.dat"_s;
        writeFile(vanishing, "soon gone\n");

        const QString copies = m_dir.filePath(u"vanished-copies"_s);
        QDir().mkpath(copies);
        QProcess process;
        process.setProcessEnvironment([] {
            auto env = QProcessEnvironment::systemEnvironment();
            for (const auto &entry : englishEnvironment)
                env.insert(entry.section(u'=', 0, 0), entry.section(u'=', 1));
            return env;
        }());
        process.start(QStringLiteral(RESGUARDA_CLI_PATH),
                      {u"backup"_s, u"--root"_s, root, u"--system"_s, u"AT"_s, u"--output"_s,
                       copies, u"--quiet"_s});
        QVERIFY(process.waitForStarted());
        const QString partial = CopyFileNames::partialPath(copies + u"/CopiaAT.zip"_s);
        QDeadlineTimer deadline(120000);
        bool removed = false;
        while (!deadline.hasExpired() && process.state() == QProcess::Running) {
            if (QFileInfo(partial).size() > 0) {
                removed = QFile::remove(vanishing);
                break;
            }
            QThread::usleep(200);
        }
        QVERIFY2(removed && process.state() == QProcess::Running,
                 "the backup ended before the file could be removed: make the large file larger");
        QVERIFY(process.waitForFinished(120000));
        const QString said
            = QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
        QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == kFailedExit,
                 qPrintable(u"exit code %1\n%2"_s.arg(process.exitCode()).arg(said)));
        QVERIFY2(said.contains(u"AT/empresas/0001/zzz-desaparece.dat"_s), qPrintable(said));
        QCOMPARE(QDir(copies).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList());
    }

    // A second process appends to a table all along the backup: the copy
    // cannot hold a consistent version of it, so the backup fails naming
    // it, and leaves nothing.
    void growingFileFailsTheBackup()
    {
        const QString root = minimalInstallation(u"growing"_s);
        const QString path = companyFolder(root) + u"/crescendo.dat"_s;
        QByteArray data(48 << 20, Qt::Uninitialized);
        QRandomGenerator random(11);
        random.fillRange(reinterpret_cast<quint32 *>(data.data()), data.size() / 4);
        writeFile(path, data);
        data.clear();

        QProcess appender;
        appender.start(
            u"sh"_s,
            {u"-c"_s, u"while :; do printf '%s\\n' 0123456789abcdef >> \"$0\"; sleep 0.01; done"_s,
             path});
        QVERIFY(appender.waitForStarted());
        QDeadlineTimer grown(10000);
        while (QFileInfo(path).size() == 48 << 20 && !grown.hasExpired())
            QThread::msleep(5);
        QVERIFY2(QFileInfo(path).size() > 48 << 20, "the appender did not start appending");

        const QString copies = m_dir.filePath(u"growing-copies"_s);
        const auto result = backup(root, copies);
        appender.kill();
        appender.waitForFinished();
        QVERIFY2(result.exitCode == kFailedExit, describe(result).constData());
        QVERIFY2(output(result).contains(u"AT/empresas/0001/crescendo.dat"_s),
                 describe(result).constData());
        QCOMPARE(QDir(copies).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList());
    }
};

QTEST_GUILESS_MAIN(TestRoundTrip)
#include "tst_roundtrip.moc"
