// SPDX-License-Identifier: GPL-3.0-or-later
// The history of backups and restores (<root>/Copias/historico.jsonl): written
// by the real resguarda-cli and by BackupJob in this process, for every
// outcome; read by History, by "resguarda-cli history" and by the Home
// screen's HistoryModel, which shows a failed scheduled copy until a later
// copy succeeds. Also the refusals that keep a scheduled copy out of the empty
// mount point of a pen drive that is not plugged in, on real tmpfs mounts.

#include "backup/backupjob.h"
#include "history/history.h"
#include "support/demofixture.h"
#include "support/lockholderprocess.h"
#include "support/testinstallation.h"
#include "support/tmpfsmount.h"
#include "ui/historymodel.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <thread>

#ifdef Q_OS_LINUX
#endif

using namespace Resguarda;
using namespace TestSupport;
using namespace Qt::StringLiterals;

namespace {

QStringList rawLines(const QString &root)
{
    QFile file(History::filePath(root));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
}

void appendRaw(const QString &root, const QByteArray &bytes)
{
    QFile file(History::filePath(root));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Append));
    QCOMPARE(file.write(bytes), bytes.size());
}

HistoryRecord sampleRecord(const QString &message, bool succeeded = true)
{
    HistoryRecord record = HistoryRecord::make(
        HistoryRecord::backup, QDateTime::currentDateTime(),
        succeeded ? OperationError::none() : OperationError::failed(message), false);
    if (succeeded)
        record.message = message; // to tell records apart
    return record;
}

} // namespace

class TestHistory : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_installations = 0;

    // A small demo installation of its own for each test: histories never mix.
    QString newInstallation()
    {
        const QString root = m_dir.filePath(u"inst%1"_s.arg(++m_installations));
        const OperationError error = DemoFixture(2, 1, 1, quint32(m_installations)).create(root);
        if (error) {
            qWarning() << error.message;
            return {};
        }
        return root;
    }

    static QStringList backupArgs(const QString &root, const QStringList &more = {})
    {
        return QStringList {u"backup"_s, u"--root"_s, root, u"--system"_s, u"AT"_s, u"--quiet"_s}
        + more;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void backupAndRestoreAreRecorded()
    {
        const QString root = newInstallation();
        QVERIFY(!root.isEmpty());
        QVERIFY(History::read(root).isEmpty());
        const QDateTime before = QDateTime::currentDateTime().addSecs(-1);

        auto result = runCli(backupArgs(root));
        QVERIFY2(result.exitCode == 0, result.standardError.constData());
        const QString copy = root + u"/Copias/CopiaAT.zip"_s;
        QVERIFY(QFileInfo::exists(copy));
        const QString company
            = QDir(root + u"/AT/empresas"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot).first();
        result = runCli({u"restore"_s, copy, u"--root"_s, root, u"--companies"_s, company,
                         u"--yes"_s, u"--quiet"_s});
        QVERIFY2(result.exitCode == 0, result.standardError.constData());

        // Exactly two lines, each one JSON object with exactly the keys of a record.
        const QStringList lines = rawLines(root);
        QCOMPARE(lines.size(), 2);
        const QSet<QString> keys {u"when"_s,     u"operation"_s, u"scheduled"_s, u"result"_s,
                                  u"exitCode"_s, u"system"_s,    u"copies"_s,    u"bytes"_s,
                                  u"machine"_s,  u"user"_s,      u"message"_s};
        for (const QString &line : lines) {
            QJsonParseError parseError;
            const QJsonObject object = QJsonDocument::fromJson(line.toUtf8(), &parseError).object();
            QCOMPARE(parseError.error, QJsonParseError::NoError);
            const QStringList present = object.keys();
            QCOMPARE(QSet<QString>(present.begin(), present.end()), keys);
            // ISO 8601 with an explicit offset: unambiguous on every machine.
            QVERIFY2(object.value(u"when").toString().contains(QRegularExpression(
                         u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(Z|[+-]\\d\\d:\\d\\d)$"_s)),
                     qPrintable(object.value(u"when").toString()));
        }

        const QList<HistoryRecord> records = History::read(root);
        QCOMPARE(records.size(), 2);
        const HistoryRecord &restore = records[0]; // newest first
        const HistoryRecord &backup = records[1];
        const QDateTime after = QDateTime::currentDateTime().addSecs(1);

        QCOMPARE(backup.operation, u"backup"_s);
        QCOMPARE(backup.scheduled, false);
        QCOMPARE(backup.result, u"ok"_s);
        QCOMPARE(backup.exitCode, 0);
        QCOMPARE(backup.system, u"AT"_s);
        QCOMPARE(backup.copies, QStringList {copy});
        QVERIFY(backup.bytes > 0);
        QCOMPARE(backup.machine, QSysInfo::machineHostName());
        QVERIFY(!backup.user.isEmpty());
        QVERIFY(backup.message.isEmpty());
        QVERIFY(backup.when >= before && backup.when <= after);

        QCOMPARE(restore.operation, u"restore"_s);
        QCOMPARE(restore.scheduled, false);
        QCOMPARE(restore.result, u"ok"_s);
        QCOMPARE(restore.exitCode, 0);
        QCOMPARE(restore.system, u"AT"_s);
        QCOMPARE(restore.copies, QStringList {copy});
        QVERIFY(restore.bytes > 0);
        QVERIFY(restore.message.isEmpty());
        QVERIFY(restore.when >= backup.when && restore.when <= after);

        // A successful history shows nothing in red.
        QVERIFY(!History::pendingFailure(root));
        QCOMPARE(History::read(root, 1).size(), 1);
        QCOMPARE(History::read(root, 1).first().operation, u"restore"_s);
    }

    void refusalsAreRecorded()
    {
        const QString root = newInstallation();
        QVERIFY(!root.isEmpty());
        {
            LockHolderProcess client(root + u"/sessoes"_s, u"maria"_s, u"CAIXA-01"_s, u"CP"_s);
            QVERIFY(client.waitUntilLocked());
            const auto result = runCli(backupArgs(root, {u"--scheduled"_s}));
            QCOMPARE(result.exitCode, 3);
        }
        auto records = History::read(root);
        QCOMPARE(records.size(), 1);
        QCOMPARE(records[0].result, u"in-use"_s);
        QCOMPARE(records[0].exitCode, 3);
        QCOMPARE(records[0].scheduled, true);
        QCOMPARE(records[0].system, u"AT"_s);
        QVERIFY(records[0].copies.isEmpty());
        QVERIFY2(records[0].message.contains(u"maria"_s), qPrintable(records[0].message));
        QVERIFY(records[0].message.contains(u"CAIXA-01"_s));

        // A copy that is not one: the restore's first step refuses it, and
        // that is recorded too.
        const QString bogus = m_dir.filePath(u"CopiaAT-bogus.zip"_s);
        writeFile(bogus, "not a zip at all");
        auto result = runCli({u"restore"_s, bogus, u"--root"_s, root, u"--yes"_s});
        QCOMPARE(result.exitCode, 4);
        records = History::read(root);
        QCOMPARE(records.size(), 2);
        QCOMPARE(records[0].operation, u"restore"_s);
        QCOMPARE(records[0].result, u"invalid-copy"_s);
        QCOMPARE(records[0].exitCode, 4);
        QCOMPARE(records[0].copies, QStringList {bogus});
        QVERIFY(!records[0].message.isEmpty());

        // A usage error found once the installation is open.
        result = runCli(backupArgs(root, {u"--companies"_s, u"9999"_s}));
        QCOMPARE(result.exitCode, 2);
        records = History::read(root);
        QCOMPARE(records.size(), 3);
        QCOMPARE(records[0].result, u"usage"_s);

        // No installation: nowhere to record, and nothing created.
        const QString nowhere = m_dir.filePath(u"not-an-installation"_s);
        QDir().mkpath(nowhere);
        result = runCli(backupArgs(nowhere));
        QVERIFY(result.exitCode != 0);
        QVERIFY(!QFileInfo::exists(History::filePath(nowhere)));

        // The scheduled in-use refusal is still the pending failure: the
        // manual runs that failed after it do not supersede it.
        const auto pending = History::pendingFailure(root);
        QVERIFY(pending);
        QCOMPARE(pending->result, u"in-use"_s);
    }

    void scheduledFailureIsShownUntilACopySucceeds_data()
    {
        QTest::addColumn<bool>("laterScheduled");
        QTest::newRow("manual copy clears it") << false;
        QTest::newRow("scheduled copy clears it") << true;
    }

    void scheduledFailureIsShownUntilACopySucceeds()
    {
        QFETCH(bool, laterScheduled);
        const QString root = newInstallation();
        QVERIFY(!root.isEmpty());
        HistoryModel model;
        QSignalSpy changed(&model, &HistoryModel::pendingFailureChanged);
        model.setRoot(root);
        QVERIFY(QTest::qWaitFor([&] { return !model.busy(); }, 60000));
        QVERIFY(!model.hasPendingFailure());
        QVERIFY(model.pendingFailureText().isEmpty());
        QVERIFY(!model.pendingFailureTime().isValid());

        // The scheduled copy to a pen drive that is not there.
        const QString missing = m_dir.filePath(u"unplugged-%1/"_s.arg(m_installations));
        auto result
            = runCli({u"backup"_s, u"--root"_s, root, u"--all-systems"_s, u"--rotation"_s,
                      u"weekday"_s, u"--scheduled"_s, u"--quiet"_s, u"--output"_s, missing});
        QCOMPARE(result.exitCode, 1);
        QVERIFY(!QFileInfo::exists(missing));

        const auto pending = History::pendingFailure(root);
        QVERIFY(pending);
        QCOMPARE(pending->operation, u"backup"_s);
        QCOMPARE(pending->scheduled, true);
        QCOMPARE(pending->result, u"failed"_s);
        QCOMPARE(pending->exitCode, 1);
        QVERIFY(pending->system.isEmpty()); // every system
        QVERIFY2(pending->message.contains(QDir::toNativeSeparators(QDir::cleanPath(missing))),
                 qPrintable(pending->message));

        model.refresh();
        QVERIFY(QTest::qWaitFor([&] { return !model.busy(); }, 60000));
        QVERIFY(changed.count() >= 2);
        QVERIFY(model.hasPendingFailure());
        QCOMPARE(model.pendingFailureTime(), pending->when);
        const QString text = model.pendingFailureText();
        QVERIFY2(text.contains(pending->message), qPrintable(text));
        QVERIFY2(
            text.contains(QLocale().toString(pending->when.toLocalTime(), QLocale::ShortFormat)),
            qPrintable(text));
        QCOMPARE(model.property("hasPendingFailure").toBool(), true);
        QCOMPARE(model.property("pendingFailureText").toString(), text);

        // A failed manual copy and a restore do not clear it.
        result = runCli(backupArgs(root, {u"--output"_s, missing}));
        QCOMPARE(result.exitCode, 1);
        model.refresh();
        QVERIFY(QTest::qWaitFor([&] { return !model.busy(); }, 60000));
        QVERIFY(model.hasPendingFailure());
        QCOMPARE(model.pendingFailureTime(), pending->when);

        // A later copy that succeeds does; the app's own copies (BackupJob in
        // this process) write the same history as the command line.
        BackupOptions options;
        options.root = root;
        options.systemCode = u"CP"_s;
        options.scheduled = laterScheduled;
        BackupJob job(options);
        const OperationError error = job.run();
        QVERIFY2(!error, qPrintable(error.message));
        QVERIFY(job.warnings().isEmpty());
        const auto newest = History::read(root, 1);
        QCOMPARE(newest.size(), 1);
        QCOMPARE(newest[0].result, u"ok"_s);
        QCOMPARE(newest[0].scheduled, laterScheduled);
        QCOMPARE(newest[0].system, u"CP"_s);
        QVERIFY(!History::pendingFailure(root));
        model.refresh();
        QVERIFY(QTest::qWaitFor([&] { return !model.busy(); }, 60000));
        QVERIFY(!model.hasPendingFailure());
        QVERIFY(model.pendingFailureText().isEmpty());

        // And the next scheduled failure shows again.
        result = runCli({u"backup"_s, u"--root"_s, root, u"--all-systems"_s, u"--scheduled"_s,
                         u"--quiet"_s, u"--output"_s, missing});
        QCOMPARE(result.exitCode, 1);
        model.refresh();
        QVERIFY(QTest::qWaitFor([&] { return !model.busy(); }, 60000));
        QVERIFY(model.hasPendingFailure());
        QVERIFY(model.pendingFailureTime() >= pending->when);
    }

    void unwritableHistoryIsOnlyAWarning()
    {
        const QString root = newInstallation();
        QVERIFY(!root.isEmpty());
        // A folder where the file should be: no append can succeed, whoever runs it.
        QVERIFY(QDir().mkpath(History::filePath(root)));
        BackupOptions options;
        options.root = root;
        options.systemCode = u"AT"_s;
        BackupJob job(options);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"^history not written: "_s));
        const OperationError error = job.run();
        QVERIFY2(!error, qPrintable(error.message));
        QCOMPARE(job.writtenCopies().size(), 1);
        QCOMPARE(job.warnings().size(), 1);
        QVERIFY2(job.warnings().first().contains(u"historico.jsonl"_s),
                 qPrintable(job.warnings().first()));
        QVERIFY(History::read(root).isEmpty());
    }

    void unreadableLinesAreSkipped()
    {
        const QString root = newInstallation();
        QVERIFY(!root.isEmpty());
        QVERIFY(History::append(root, sampleRecord(u"first"_s)));
        appendRaw(root, "this is not JSON\n");
        appendRaw(root, "{\"json\": \"but not a record\"}\n");
        appendRaw(root, "[1, 2, 3]\n\n");
        appendRaw(root, QByteArray(3 * 1024 * 1024, 'x') + '\n'); // far longer than any record
        QVERIFY(History::append(root, sampleRecord(u"second"_s)));
        // A line torn by a crash, without its end: the next record must not
        // be glued to it.
        appendRaw(root, "{\"when\": \"2026-11-26T10:00:00-03:00\", \"operation\": \"bac");
        QString error;
        QVERIFY2(History::append(root, sampleRecord(u"third"_s, false), &error), qPrintable(error));

        const QList<HistoryRecord> records = History::read(root);
        QCOMPARE(records.size(), 3);
        QCOMPARE(records[0].message, u"third"_s);
        QCOMPARE(records[0].result, u"failed"_s);
        QCOMPARE(records[1].message, u"second"_s);
        QCOMPARE(records[2].message, u"first"_s);

        // The torn line at the very end of the file (a crash during the
        // last append) is skipped too.
        appendRaw(root, "{\"when\": \"2026-11-26T10:00:00-03:00\", \"oper");
        QCOMPARE(History::read(root).size(), 3);
        const auto result = runCli({u"history"_s, u"--root"_s, root, u"--json"_s});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(result.standardOutput).array().size(), 3);
    }

    void concurrentAppendsKeepEveryLine()
    {
        const QString root = newInstallation();
        QVERIFY(!root.isEmpty());
        constexpr int perWriter = 500;
        // Each thread opens the file for every record, as separate processes
        // and machines do: O_APPEND on separate open files is what keeps the
        // lines whole.
        auto writer = [&root](QChar name, int *failures) {
            for (int i = 0; i < perWriter; ++i) {
                HistoryRecord record = sampleRecord(QString(name) + QString::number(i));
                // A long line, so that an interleaved write would show.
                record.copies = QStringList(8, QString(200, name));
                if (!History::append(root, record))
                    ++*failures;
            }
        };
        int failuresA = 0;
        int failuresB = 0;
        std::thread a(writer, QChar(u'A'), &failuresA);
        std::thread b(writer, QChar(u'B'), &failuresB);
        a.join();
        b.join();
        QCOMPARE(failuresA, 0);
        QCOMPARE(failuresB, 0);

        const QStringList lines = rawLines(root);
        QCOMPARE(lines.size(), 2 * perWriter);
        for (const QString &line : lines) {
            QJsonParseError parseError;
            QJsonDocument::fromJson(line.toUtf8(), &parseError);
            QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(line.left(200)));
        }
        const QList<HistoryRecord> records = History::read(root);
        QCOMPARE(records.size(), 2 * perWriter);
        QSet<QString> seen;
        for (const auto &record : records) {
            const QChar name = record.message.at(0);
            QCOMPARE(record.copies, QStringList(8, QString(200, name)));
            seen.insert(record.message);
        }
        QCOMPARE(seen.size(), 2 * perWriter);
    }

    void historyCommand()
    {
        const QString root = newInstallation();
        QVERIFY(!root.isEmpty());
        auto result = runCli({u"history"_s, u"--root"_s, root, u"--json"_s});
        QVERIFY2(result.exitCode == 0, result.standardError.constData());
        QJsonParseError parseError;
        QJsonDocument document = QJsonDocument::fromJson(result.standardOutput, &parseError);
        QCOMPARE(parseError.error, QJsonParseError::NoError);
        QVERIFY(document.isArray());
        QVERIFY(document.array().isEmpty());
        result = runCli({u"history"_s, u"--root"_s, root});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(!result.standardOutput.isEmpty());

        QCOMPARE(runCli(backupArgs(root)).exitCode, 0);
        const QString missing = m_dir.filePath(u"nowhere-%1/"_s.arg(m_installations));
        QCOMPARE(runCli(backupArgs(root, {u"--scheduled"_s, u"--output"_s, missing})).exitCode, 1);

        result = runCli({u"history"_s, u"--root"_s, root, u"--json"_s});
        QVERIFY2(result.exitCode == 0, result.standardError.constData());
        document = QJsonDocument::fromJson(result.standardOutput, &parseError);
        QCOMPARE(parseError.error, QJsonParseError::NoError);
        const QJsonArray array = document.array();
        QCOMPARE(array.size(), 2);
        const QJsonObject failed = array[0].toObject(); // newest first
        QCOMPARE(failed.value(u"operation").toString(), u"backup"_s);
        QCOMPARE(failed.value(u"scheduled").toBool(), true);
        QCOMPARE(failed.value(u"result").toString(), u"failed"_s);
        QCOMPARE(failed.value(u"exitCode").toInt(), 1);
        QCOMPARE(failed.value(u"system").toString(), u"AT"_s);
        QVERIFY(failed.value(u"copies").toArray().isEmpty());
        QVERIFY(!failed.value(u"message").toString().isEmpty());
        const QJsonObject done = array[1].toObject();
        QCOMPARE(done.value(u"result").toString(), u"ok"_s);
        QCOMPARE(done.value(u"copies").toArray().size(), 1);
        QVERIFY(done.value(u"bytes").toDouble() > 0);
        QVERIFY(QDateTime::fromString(done.value(u"when").toString(), Qt::ISODate).isValid());

        result = runCli({u"history"_s, u"--root"_s, root, u"--json"_s, u"--limit"_s, u"1"_s});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(result.standardOutput).array().size(), 1);

        // For people: one line per record, newest first, with the reason of
        // the failure and the path of the copy.
        result = runCli({u"history"_s, u"--root"_s, root});
        QCOMPARE(result.exitCode, 0);
        const QStringList lines
            = QString::fromUtf8(result.standardOutput).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines[0].contains(u"scheduled"_s) && lines[0].contains(u"failed"_s)
                     && lines[0].contains(QDir::cleanPath(missing)),
                 qPrintable(lines[0]));
        QVERIFY2(lines[1].contains(root + u"/Copias/CopiaAT.zip"_s), qPrintable(lines[1]));

        // In Portuguese when the locale is.
        result = runCli({u"history"_s, u"--root"_s, root},
                        {u"LANG=pt_BR.UTF-8"_s, u"LC_ALL=pt_BR.UTF-8"_s, u"LANGUAGE=pt_BR"_s});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.standardOutput.contains("agendada"), result.standardOutput.constData());

        QCOMPARE(runCli({u"history"_s, u"--root"_s, root, u"--limit"_s, u"0"_s}).exitCode, 2);
        QCOMPARE(runCli({u"history"_s}).exitCode, 2);
        QCOMPARE(runCli({u"history"_s, u"--root"_s, m_dir.filePath(u"no-such"_s)}).exitCode, 1);
    }

    void emptyMountPointIsRefused()
    {
        const QString root = newInstallation();
        QVERIFY(!root.isEmpty());
        // A folder posing as /media: the pen drive's mount point below it is
        // an empty folder of the same volume while the drive is unplugged.
        const QString media = m_dir.filePath(u"media-%1"_s.arg(m_installations));
        const QString pen = media + u"/PENDRIVE"_s;
        QVERIFY(QDir().mkpath(pen));
        const QStringList env {u"RESGUARDA_MOUNT_PREFIXES=/nonexistent:"_s + media};

        auto result = runCli(backupArgs(root, {u"--scheduled"_s, u"--output"_s, pen + u'/'}), env);
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.standardError.contains(QFile::encodeName(pen)),
                 result.standardError.constData());
        QVERIFY(result.standardError.contains("Connect"));
        QVERIFY(QDir(pen).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot));
        auto pending = History::pendingFailure(root);
        QVERIFY(pending);
        QVERIFY(pending->message.contains(pen));

        // A folder below it, missing or present, is the same empty mount point.
        QVERIFY(QDir().mkpath(pen + u"/Copias"_s));
        result = runCli(backupArgs(root, {u"--output"_s, pen + u"/Copias/"_s}), env);
        QCOMPARE(result.exitCode, 1);
        result = runCli(backupArgs(root, {u"--output"_s, media + u"/OTHER/"_s}), env);
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.standardError.contains("does not exist"), result.standardError.constData());
        QVERIFY(QDir(pen + u"/Copias"_s)
                    .isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot));

        // Without the prefix the same folder is an ordinary destination.
        result = runCli(backupArgs(root, {u"--output"_s, pen + u'/'}));
        QVERIFY2(result.exitCode == 0, result.standardError.constData());
        QVERIFY(QFileInfo::exists(pen + u"/CopiaAT.zip"_s));
        QVERIFY(QFile::remove(pen + u"/CopiaAT.zip"_s));

        // The installation's own Copias is never refused, even below a prefix.
        result = runCli(backupArgs(root), {u"RESGUARDA_MOUNT_PREFIXES="_s + m_dir.path()});
        QVERIFY2(result.exitCode == 0, result.standardError.constData());
        QVERIFY(!History::pendingFailure(root));

        // The real prefixes: a pen drive that is not there under /mnt (on the
        // root file system here, or a disk mounted on /mnt elsewhere) gets no copy.
        const QString unplugged
            = u"/mnt/resguarda-test-%1-unplugged/"_s.arg(QCoreApplication::applicationPid());
        result = runCli(backupArgs(root, {u"--output"_s, unplugged}));
        QCOMPARE(result.exitCode, 1);
        QVERIFY(!QFileInfo::exists(unplugged));

        // With the drive plugged in (a tmpfs mounted on the mount point) the
        // copy goes to it.
        TmpfsMount drive(pen, 16 * 1024 * 1024);
        if (!drive.isMounted())
            QSKIP(qPrintable(u"mounting a tmpfs is not permitted here (%1); the plugged-in case "
                             u"is not checked"_s.arg(drive.error())));
        result = runCli(backupArgs(root, {u"--scheduled"_s, u"--output"_s, pen + u'/'}), env);
        QVERIFY2(result.exitCode == 0, result.standardError.constData());
        QVERIFY(QFileInfo::exists(pen + u"/CopiaAT.zip"_s));
        QVERIFY(!History::pendingFailure(root));
    }

    void requireMountedNeedsADiskOfItsOwn()
    {
        const QString root = newInstallation();
        QVERIFY(!root.isEmpty());
        // A folder on the installation's disk (and the system's, here).
        const QString plain = m_dir.filePath(u"plain-%1"_s.arg(m_installations));
        QVERIFY(QDir().mkpath(plain));
        auto result = runCli(backupArgs(
            root, {u"--scheduled"_s, u"--require-mounted"_s, u"--output"_s, plain + u'/'}));
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.standardError.contains(QFile::encodeName(plain)),
                 result.standardError.constData());
        QVERIFY(result.standardError.contains("Connect"));
        QVERIFY(QDir(plain).isEmpty());
        const auto pending = History::pendingFailure(root);
        QVERIFY(pending);
        QCOMPARE(pending->exitCode, 1);

        // Without --output the copy goes to the installation's Copias, as
        // the systemd service does when RESGUARDA_OUTPUT is not set.
        result = runCli(backupArgs(root, {u"--scheduled"_s, u"--require-mounted"_s}));
        QVERIFY2(result.exitCode == 0, result.standardError.constData());
        QVERIFY(!History::pendingFailure(root));

        const QString disk = m_dir.filePath(u"disk-%1"_s.arg(m_installations));
        TmpfsMount mounted(disk, 16 * 1024 * 1024);
        if (!mounted.isMounted())
            QSKIP(qPrintable(u"mounting a tmpfs is not permitted here (%1); --require-mounted "
                             u"with a mounted disk is not checked"_s.arg(mounted.error())));
        // The mount point itself, and a folder inside the mounted volume.
        result = runCli(backupArgs(
            root, {u"--scheduled"_s, u"--require-mounted"_s, u"--output"_s, disk + u'/'}));
        QVERIFY2(result.exitCode == 0, result.standardError.constData());
        QVERIFY(QFileInfo::exists(disk + u"/CopiaAT.zip"_s));
        QVERIFY(QDir().mkpath(disk + u"/Copias/2026"_s));
        result = runCli(
            backupArgs(root, {u"--require-mounted"_s, u"--output"_s, disk + u"/Copias/2026/"_s}));
        QVERIFY2(result.exitCode == 0, result.standardError.constData());
        QVERIFY(QFileInfo::exists(disk + u"/Copias/2026/CopiaAT.zip"_s));
        const auto newest = History::read(root, 2);
        QCOMPARE(newest.size(), 2);
        QCOMPARE(newest[0].copies, QStringList {disk + u"/Copias/2026/CopiaAT.zip"_s});
        QCOMPARE(newest[1].scheduled, true);
        QCOMPARE(newest[1].result, u"ok"_s);
    }
};

QTEST_GUILESS_MAIN(TestHistory)
#include "tst_history.moc"
