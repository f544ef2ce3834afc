// SPDX-License-Identifier: GPL-3.0-or-later
// Off-site copies through rclone, against a real rclone and a real WebDAV
// server ("rclone serve webdav" on 127.0.0.1, over a folder of the test):
// the round trip, a server killed in the middle of an upload, a remote
// without room, a wrong remote, a damaged remote copy, a replacement that
// died half way, and Ctrl-C while fetching. Every request stays on the
// loopback address; rclone reads only the test's own configuration.
#include "offsite/remotelocation.h"
#include "offsite/remotestore.h"
#include "support/isolatedhome.h"
#include "support/rclonewebdav.h"
#include "support/scopedenvironment.h"
#include "support/testinstallation.h"
#include "support/tmpfsmount.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>

using namespace Resguarda;
using namespace TestSupport;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The hidden stage files rclone uploads under, in folder.
QStringList stagesIn(const QString &folder)
{
    return QDir(folder).entryList({QStringLiteral(".*.resguarda-*")}, QDir::Files | QDir::Hidden);
}

// Waits until a stage file in folder holds at least bytes.
bool waitForUpload(const QString &folder, qint64 bytes, int timeoutMs = 60000)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeoutMs) {
        for (const QString &name : stagesIn(folder))
            if (QFileInfo(folder + u'/' + name).size() >= bytes)
                return true;
        QThread::msleep(20);
    }
    return false;
}

} // namespace

class TestOffsite : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_root;
    QString m_local; // where backups are written
    QString m_served; // the WebDAV server's folder
    QString m_scratch; // TMPDIR of every run
    QString m_config;
    std::unique_ptr<RcloneWebdav> m_server;
    QStringList m_homeEnv;

    QStringList env() const { return m_homeEnv + m_server->environment(QStringLiteral("nuvem")); }

    ProcessResult cli(const QStringList &args, const QStringList &extra = {})
    {
        return runCli(args, env() + extra, 180000);
    }

    // rclone retries a failed transfer 3 times, each with 10 low-level
    // retries: minutes against a server that is gone. Tests that kill it
    // ask for one try.
    static QStringList quickFailure()
    {
        return {QStringLiteral("RCLONE_RETRIES=1"), QStringLiteral("RCLONE_LOW_LEVEL_RETRIES=2")};
    }

    QString remoteCopy() const { return m_served + QStringLiteral("/Copias/CopiaAT.zip"); }

    bool restartServer(QString *error)
    {
        m_server = std::make_unique<RcloneWebdav>(m_served, m_config);
        return m_server->start(error);
    }

    ProcessResult backupToRemote(const QStringList &extra = {})
    {
        return cli({QStringLiteral("backup"), QStringLiteral("--root"), m_root,
                    QStringLiteral("--system"), QStringLiteral("AT"), QStringLiteral("--output"),
                    m_local, QStringLiteral("--remote"), QStringLiteral("nuvem:Copias")},
                   extra);
    }

    // The local copy, made when a test runs alone.
    QString localCopy()
    {
        const QString copy = m_local + u"/CopiaAT.zip"_qs;
        if (!QFile::exists(copy))
            cli({QStringLiteral("backup"), QStringLiteral("--root"), m_root,
                 QStringLiteral("--system"), QStringLiteral("AT"), QStringLiteral("--output"),
                 m_local});
        return copy;
    }

    // A QProcess of resguarda-cli with the test's environment.
    void startCli(QProcess *process, const QStringList &args, const QStringList &extra)
    {
        QStringList environment = env() + extra + QProcess::systemEnvironment();
        process->setEnvironment(environment);
        process->start(QStringLiteral(RESGUARDA_CLI_PATH), args);
        QVERIFY(process->waitForStarted());
    }

    // Makes the next copy differ from the one on the remote (and larger):
    // incompressible bytes, so that a slow upload takes seconds.
    void growInstallation(qint64 bytes, quint32 seed)
    {
        const QString company = QDir(m_root + u"/AT/empresas"_qs)
                                    .entryList(QDir::Dirs | QDir::NoDotAndDotDot)
                                    .first();
        writeFile(m_root + u"/AT/empresas/"_qs + company + u"/anexo.dat"_qs,
                  randomBytes(bytes, seed));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // The server and the in-process calls run rclone too: nothing of
        // theirs may reach the user's home (rclone's cache, its config).
        isolateHome(m_dir.filePath(QStringLiteral("suite-home")));
        const QString home = m_dir.filePath(QStringLiteral("home"));
        m_scratch = m_dir.filePath(QStringLiteral("tmp"));
        m_local = m_dir.filePath(QStringLiteral("local"));
        m_served = m_dir.filePath(QStringLiteral("servidor"));
        m_config = m_dir.filePath(QStringLiteral("rclone.conf"));
        for (const QString &folder : {home, m_scratch, m_local, m_served})
            QDir().mkpath(folder);
        m_homeEnv = homeEnvironment(home) << u"TMPDIR=" + m_scratch;
        QString error;
        QVERIFY2(restartServer(&error), qPrintable(error));
        m_root = m_dir.filePath(QStringLiteral("inst"));
        const auto demo = cli({QStringLiteral("demo"), QStringLiteral("--root"), m_root,
                               QStringLiteral("--companies"), QStringLiteral("2"),
                               QStringLiteral("--size-mb"), QStringLiteral("2")});
        QVERIFY2(demo.exitCode == 0, demo.standardError.constData());
    }

    // A test that failed half way may have left its server down.
    void init()
    {
        if (!m_server->isRunning()) {
            QString error;
            QVERIFY2(restartServer(&error), qPrintable(error));
        }
    }

    void cleanup()
    {
        // No run leaves a fetched copy or anything else in TMPDIR.
        QCOMPARE(QDir(m_scratch).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 QStringList());
        QVERIFY(m_server->isRunning());
    }

    void remoteLocations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("spec"); // empty: refused
        auto row = [](const char *name, const QString &text, const QString &spec) {
            QTest::newRow(name) << text << spec;
        };
        row("folder", QString::fromUtf8("nuvem:Copias"), QStringLiteral("nuvem:Copias"));
        row("nested, slashes doubled", QString::fromUtf8("nuvem:Copias//matriz/"),
            QStringLiteral("nuvem:Copias/matriz"));
        row("absolute (SFTP, local)", QString::fromUtf8("srv:/srv/copias"),
            QStringLiteral("srv:/srv/copias"));
        row("top folder", QString::fromUtf8("nuvem:"), QStringLiteral("nuvem:"));
        row("name with dot, dash, space", QString::fromUtf8("meu drive-2.b:C"),
            QStringLiteral("meu drive-2.b:C"));
        row("connection string", QString::fromUtf8(":webdav,url=http://10.0.0.1:Copias"),
            QStringLiteral(""));
        row("options after the name", QString::fromUtf8("nuvem,url=http://10.0.0.1:Copias"),
            QStringLiteral(""));
        row("looks like a flag", QString::fromUtf8("-nuvem:Copias"), QStringLiteral(""));
        row("leading space", QString::fromUtf8(" nuvem:Copias"), QStringLiteral(""));
        row("climbs out", QString::fromUtf8("nuvem:Copias/../outra"), QStringLiteral(""));
        row("dot component", QString::fromUtf8("nuvem:./Copias"), QStringLiteral(""));
        row("backslash", QString::fromUtf8("nuvem:Copias\\..\\x"), QStringLiteral(""));
        row("escape in the name", QString::fromUtf8("nu\x1b[2Jvem:Copias"), QStringLiteral(""));
        row("control in the path", QString::fromUtf8("nuvem:Copias\x07"), QStringLiteral(""));
        row("bidi override", QString::fromUtf16(u"nuvem:Copias\u202Eanp.zip"), QStringLiteral(""));
        row("no colon", QString::fromUtf8("Copias"), QStringLiteral(""));
        row("'+' (not in rclone 1.60)", QString::fromUtf8("nu+vem:Copias"), QStringLiteral(""));
        row("too long", u"nuvem:"_qs + QString(2000, u'a'), QStringLiteral(""));
    }

    void remoteLocations()
    {
        QFETCH(QString, text);
        QFETCH(QString, spec);
        QString error;
        const auto location = RemoteLocation::parse(text, &error);
        QCOMPARE(location.has_value(), !spec.isEmpty());
        if (location)
            QCOMPARE(location->spec(), spec);
        else
            QVERIFY(!error.isEmpty());
    }

    // Backup → remote → restore from the remote, and the remote's listing.
    void roundTripThroughTheRemote()
    {
        const auto made = backupToRemote();
        QVERIFY2(made.exitCode == 0, made.standardError.constData());
        // After the backup, which marks the installation with its id.
        const auto before = treeHashes(m_root);
        QVERIFY2(made.standardOutput.contains("Sent off site: nuvem:Copias/CopiaAT.zip"),
                 made.standardOutput.constData());
        QCOMPARE(readAll(remoteCopy()), readAll(m_local + u"/CopiaAT.zip"_qs));
        QCOMPARE(stagesIn(m_served + u"/Copias"_qs), QStringList());

        const auto listed = cli({QStringLiteral("remote"), QStringLiteral("list"),
                                 QStringLiteral("nuvem:Copias"), QStringLiteral("--json")});
        QVERIFY2(listed.exitCode == 0, listed.standardError.constData());
        const QJsonArray copies = QJsonDocument::fromJson(listed.standardOutput).array();
        QCOMPARE(copies.size(), 1);
        QCOMPARE(copies.first()[u"name"_qs].toString(), u"CopiaAT.zip"_qs);
        QCOMPARE(qint64(copies.first()[u"size"_qs].toDouble()), QFileInfo(remoteCopy()).size());
        QVERIFY(QDateTime::fromString(copies.first()[u"modified"_qs].toString(), Qt::ISODate)
                    .isValid());

        // Lose a company's data, then get it back from the remote alone.
        QFile::remove(m_local + u"/CopiaAT.zip"_qs);
        const QString company = m_root + u"/AT/empresas/"_qs
            + QDir(m_root + u"/AT/empresas"_qs)
                  .entryList(QDir::Dirs | QDir::NoDotAndDotDot)
                  .first();
        QVERIFY(QDir(company).removeRecursively());
        const auto restored
            = cli({QStringLiteral("restore"), QStringLiteral("nuvem:Copias/CopiaAT.zip"),
                   QStringLiteral("--root"), m_root, QStringLiteral("--yes")});
        QVERIFY2(restored.exitCode == 0, restored.standardError.constData());
        QVERIFY(restored.standardOutput.contains("from nuvem:Copias/CopiaAT.zip"));
        auto after = treeHashes(m_root);
        // The restore's safety copy is new; everything else is as before.
        for (auto it = after.begin(); it != after.end();)
            it = it.key().startsWith(u"Copias/"_qs) ? after.erase(it) : std::next(it);
        auto expected = before;
        for (auto it = expected.begin(); it != expected.end();)
            it = it.key().startsWith(u"Copias/"_qs) ? expected.erase(it) : std::next(it);
        for (auto it = expected.cbegin(); it != expected.cend(); ++it)
            QVERIFY2(after.value(it.key()) == it.value(), qPrintable(it.key()));
        for (auto it = after.cbegin(); it != after.cend(); ++it)
            QVERIFY2(expected.contains(it.key()), qPrintable(it.key()));

        // The history names the remote, for the sending and the restore.
        const auto history = cli({QStringLiteral("history"), QStringLiteral("--root"), m_root});
        QVERIFY(history.standardOutput.contains("off-site copy"));
        QVERIFY(history.standardOutput.contains("nuvem:Copias/CopiaAT.zip"));
    }

    // Progress is rclone's own count, up to the whole copy.
    void progressComesFromRclone()
    {
        const QString copy = localCopy();
        QVERIFY(QFile::exists(copy));
        QList<JobProgress> seen;
        RemoteStore::SendResult result;
        const auto folder = RemoteLocation::parse(QStringLiteral("nuvem:Progresso"));
        OperationError error;
        {
            const ScopedEnvironment scoped(env() << QStringLiteral("RCLONE_BWLIMIT=4M"));
            error = RemoteStore::send(copy, *folder, &result,
                                      [&seen](const JobProgress &progress) { seen << progress; });
        }
        QVERIFY2(!error, qPrintable(error.message));
        QVERIFY(!seen.isEmpty());
        const qint64 size = QFileInfo(copy).size();
        for (const JobProgress &progress : seen) {
            QCOMPARE(progress.phase, JobProgress::Phase::Sending);
            QCOMPARE(progress.bytesTotal, size);
            QVERIFY(progress.bytesDone <= size);
        }
        QCOMPARE(seen.last().bytesDone, size);
        QCOMPARE(result.bytes, size);
        QVERIFY(result.hashType.isEmpty()); // a plain WebDAV server has none
    }

    // The server dies in the middle of an upload: the previous remote copy
    // is byte for byte what it was, the failure is recorded, and the next
    // run clears the leftover and succeeds.
    void serverKilledMidUpload()
    {
        if (!QFile::exists(remoteCopy())) {
            const auto made = backupToRemote();
            QVERIFY2(made.exitCode == 0, made.standardError.constData());
        }
        const QByteArray previous = readAll(remoteCopy());
        growInstallation(6 * 1024 * 1024, 14);
        QProcess run;
        startCli(&run,
                 {QStringLiteral("backup"), QStringLiteral("--root"), m_root,
                  QStringLiteral("--system"), QStringLiteral("AT"), QStringLiteral("--output"),
                  m_local, QStringLiteral("--remote"), QStringLiteral("nuvem:Copias"),
                  QStringLiteral("--quiet")},
                 quickFailure() << QStringLiteral("RCLONE_BWLIMIT=1M"));
        QVERIFY2(waitForUpload(m_served + u"/Copias"_qs, 1024 * 1024),
                 run.readAllStandardError().constData());
        m_server->kill();
        QVERIFY(run.waitForFinished(180000));
        QCOMPARE(run.exitCode(), 7);
        QVERIFY(run.readAllStandardError().contains("not sent"));
        // The local copy counts as made.
        QVERIFY(run.readAllStandardOutput().contains("Backup completed successfully"));
        QCOMPARE(readAll(remoteCopy()), previous);
        const auto history = cli({QStringLiteral("history"), QStringLiteral("--root"), m_root,
                                  QStringLiteral("--json")});
        QVERIFY(history.standardOutput.contains("offsite-failed"));

        QString error;
        QVERIFY2(restartServer(&error), qPrintable(error));
        QVERIFY(!stagesIn(m_served + u"/Copias"_qs).isEmpty()); // what the kill left
        const auto again = cli({QStringLiteral("send"), m_local + u"/CopiaAT.zip"_qs,
                                QStringLiteral("--remote"), QStringLiteral("nuvem:Copias")});
        QVERIFY2(again.exitCode == 0, again.standardError.constData());
        QVERIFY2(again.standardOutput.contains("leftover"), again.standardOutput.constData());
        QCOMPARE(stagesIn(m_served + u"/Copias"_qs), QStringList());
        QCOMPARE(readAll(remoteCopy()), readAll(m_local + u"/CopiaAT.zip"_qs));
    }

    // A replacement that died after the remote deleted the previous copy and
    // before the checked upload took its name (rclone's moveto on WebDAV,
    // SFTP, Drive, OneDrive): the checked upload is the copy, and the next
    // run gives it its name back, whatever happens to that run's upload.
    void interruptedReplacementIsCompleted()
    {
        const QString folder = m_served + u"/Metade"_qs;
        QDir().mkpath(folder);
        const QByteArray checked = readAll(localCopy());
        QVERIFY(!checked.isEmpty());
        // Two checked stages (two interrupted runs): the newer is the copy.
        const QString older = folder + u"/.CopiaAT.zip.resguarda-conferida-00000000000000a0"_qs;
        const QString newer = folder + u"/.CopiaAT.zip.resguarda-conferida-00000000000000aa"_qs;
        writeFile(older, "an older checked copy");
        writeFile(newer, checked);
        {
            QFile file(older);
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(file.setFileTime(QDateTime::currentDateTimeUtc().addDays(-2),
                                     QFileDevice::FileModificationTime));
        }
        writeFile(folder + u"/.CopiaAT.zip.resguarda-parcial-00000000000000bb"_qs, "half");
        // Until then, listing and restoring see the copy under its name.
        const auto listed = cli({QStringLiteral("remote"), QStringLiteral("list"),
                                 QStringLiteral("nuvem:Metade"), QStringLiteral("--json")});
        const QJsonArray copies = QJsonDocument::fromJson(listed.standardOutput).array();
        QCOMPARE(copies.size(), 1);
        QCOMPARE(copies.first()[u"name"_qs].toString(), u"CopiaAT.zip"_qs);
        QCOMPARE(qint64(copies.first()[u"size"_qs].toDouble()), qint64(checked.size()));
        // This run dies just before its own upload.
        const auto run = cli({QStringLiteral("send"), m_local + u"/CopiaAT.zip"_qs,
                              QStringLiteral("--remote"), QStringLiteral("nuvem:Metade")},
                             {QStringLiteral("RESGUARDA_CRASH_AT=offsite-uploading")});
        QCOMPARE(run.exitCode, -1); // killed
        QCOMPARE(readAll(folder + u"/CopiaAT.zip"_qs), checked);
        QCOMPARE(stagesIn(folder), QStringList());
        // A stage of another copy name is not this run's to clear.
        writeFile(folder + u"/.CopiaAT-segunda.zip.resguarda-parcial-00000000000000cc"_qs, "x");
        const auto next = cli({QStringLiteral("send"), m_local + u"/CopiaAT.zip"_qs,
                               QStringLiteral("--remote"), QStringLiteral("nuvem:Metade")});
        QVERIFY2(next.exitCode == 0, next.standardError.constData());
        QCOMPARE(stagesIn(folder),
                 QStringList {u".CopiaAT-segunda.zip.resguarda-parcial-00000000000000cc"_qs});
    }

    // A new copy of the same size as the remote one replaces it: rclone's
    // moveto takes files of the same size on a remote without modification
    // times for equal, and would keep the old one and delete the new.
    void sameSizeCopyReplacesTheRemoteOne()
    {
        const QString first = m_dir.filePath(QStringLiteral("igual1/CopiaAT.zip"));
        const QString second = m_dir.filePath(QStringLiteral("igual2/CopiaAT.zip"));
        writeFile(first, randomBytes(300000, 1));
        writeFile(second, randomBytes(300000, 2));
        const auto folder = RemoteLocation::parse(QStringLiteral("nuvem:Igual"));
        const ScopedEnvironment scoped(env());
        for (const QString &copy : {first, second}) {
            RemoteStore::SendResult result;
            const OperationError error = RemoteStore::send(copy, *folder, &result);
            QVERIFY2(!error, qPrintable(error.message));
            QCOMPARE(readAll(m_served + u"/Igual/CopiaAT.zip"_qs), readAll(copy));
        }
        QCOMPARE(stagesIn(m_served + u"/Igual"_qs), QStringList());
    }

    // Where the remote keeps a hash, the upload is compared by it too.
    void hashCheckedWhereTheRemoteHasOne()
    {
        const QString folder = m_dir.filePath(QStringLiteral("remoto-local"));
        const auto run = cli({QStringLiteral("send"), localCopy(), QStringLiteral("--remote"),
                              u"disco:"_qs + folder},
                             {QStringLiteral("RCLONE_CONFIG_DISCO_TYPE=local")});
        QVERIFY2(run.exitCode == 0, run.standardError.constData());
        QVERIFY2(run.standardOutput.contains("by its size and MD5 hash"),
                 run.standardOutput.constData());
        QCOMPARE(readAll(folder + u"/CopiaAT.zip"_qs), readAll(localCopy()));
    }

    // A remote whose disk is full: the upload fails, the previous copy and
    // the folder are as they were.
    void remoteWithNoRoom()
    {
        const QString mountPoint = m_dir.filePath(QStringLiteral("pequeno"));
        TmpfsMount small(mountPoint, 4 * 1024 * 1024);
        if (!small.isMounted())
            QSKIP(qPrintable(u"mounting a small tmpfs is not allowed here, so a remote without "
                             u"room cannot be made: "_qs
                             + small.error()));
        RcloneWebdav full(mountPoint, m_config);
        QString error;
        QVERIFY2(full.start(&error), qPrintable(error));
        const QByteArray previous = randomBytes(512 * 1024, 3);
        writeFile(mountPoint + u"/CopiaAT.zip"_qs, previous);
        // The local copy must be larger than the room left.
        if (QFileInfo(localCopy()).size() <= 4 * 1024 * 1024) {
            growInstallation(6 * 1024 * 1024, 15);
            QFile::remove(localCopy());
        }
        QVERIFY(QFileInfo(localCopy()).size() > 4 * 1024 * 1024);
        const auto run = runCli({QStringLiteral("send"), m_local + u"/CopiaAT.zip"_qs,
                                 QStringLiteral("--remote"), QStringLiteral("cheio:")},
                                m_homeEnv + full.environment(QStringLiteral("cheio")), 180000);
        QCOMPARE(run.exitCode, 7);
        QVERIFY2(run.standardError.contains("unchanged"), run.standardError.constData());
        QCOMPARE(readAll(mountPoint + u"/CopiaAT.zip"_qs), previous);
        QCOMPARE(stagesIn(mountPoint), QStringList());
    }

    // A remote that is not configured: said before anything is done; the
    // scheduled copy makes its local copy and records the failed sending.
    void wrongRemoteName()
    {
        const QString out = m_dir.filePath(QStringLiteral("errado"));
        QDir().mkpath(out);
        const auto run
            = cli({QStringLiteral("backup"), QStringLiteral("--root"), m_root,
                   QStringLiteral("--system"), QStringLiteral("AT"), QStringLiteral("--output"),
                   out, QStringLiteral("--remote"), QStringLiteral("nevoa:Copias")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.standardError.contains("No rclone remote is called \"nevoa\""),
                 run.standardError.constData());
        QVERIFY(run.standardError.contains("nuvem")); // the ones that exist are named
        QCOMPARE(QDir(out).entryList(QDir::Files | QDir::Hidden), QStringList());
        for (const QStringList &args :
             {QStringList {QStringLiteral("send"), m_local + u"/CopiaAT.zip"_qs,
                           QStringLiteral("--remote"), QStringLiteral("nevoa:Copias")},
              QStringList {QStringLiteral("remote"), QStringLiteral("list"),
                           QStringLiteral("nevoa:Copias")},
              QStringList {QStringLiteral("restore"), QStringLiteral("nevoa:Copias/CopiaAT.zip"),
                           QStringLiteral("--root"), m_root, QStringLiteral("--yes")},
              QStringList {QStringLiteral("restore"),
                           QStringLiteral(":webdav,url=http://10.0.0.1:/CopiaAT.zip"),
                           QStringLiteral("--root"), m_root, QStringLiteral("--yes")}}) {
            const auto refused = cli(args);
            QVERIFY2(refused.exitCode == 2, qPrintable(args.join(u' ')));
        }

        const auto scheduled = cli({QStringLiteral("backup"), QStringLiteral("--root"), m_root,
                                    QStringLiteral("--system"), QStringLiteral("AT"),
                                    QStringLiteral("--output"), out, QStringLiteral("--scheduled"),
                                    QStringLiteral("--remote"), QStringLiteral("nevoa:Copias")});
        QCOMPARE(scheduled.exitCode, 7);
        QVERIFY(QFile::exists(out + u"/CopiaAT.zip"_qs));
        const auto history = cli({QStringLiteral("history"), QStringLiteral("--root"), m_root,
                                  QStringLiteral("--json")});
        const QJsonArray records = QJsonDocument::fromJson(history.standardOutput).array();
        QVERIFY(!records.isEmpty());
        const QJsonObject newest = records.first().toObject();
        QCOMPARE(newest[u"operation"_qs].toString(), u"offsite"_qs);
        QCOMPARE(newest[u"result"_qs].toString(), u"offsite-failed"_qs);
        QVERIFY(newest[u"scheduled"_qs].toBool());
    }

    // A damaged copy on the remote: refused (exit 4) after fetching,
    // nothing touched, nothing left in TMPDIR.
    void damagedRemoteCopyTouchesNothing()
    {
        const QString folder = m_served + u"/Estragada"_qs;
        QByteArray bytes = readAll(localCopy());
        QVERIFY(bytes.size() > 100000);
        bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x5a);
        writeFile(folder + u"/CopiaAT.zip"_qs, bytes);
        const auto before = treeHashes(m_root);
        const auto run
            = cli({QStringLiteral("restore"), QStringLiteral("nuvem:Estragada/CopiaAT.zip"),
                   QStringLiteral("--root"), m_root, QStringLiteral("--yes")});
        QCOMPARE(run.exitCode, 4);
        QCOMPARE(treeHashes(m_root), before);
        const auto missing
            = cli({QStringLiteral("restore"), QStringLiteral("nuvem:Estragada/CopiaCT.zip"),
                   QStringLiteral("--root"), m_root, QStringLiteral("--yes")});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(missing.standardError.contains("There is no copy"));
    }

    // Ctrl-C while the copy is being fetched: exit 130, the partial
    // download removed, nothing restored.
    void interruptedFetchLeavesNothing()
    {
        const auto before = treeHashes(m_root);
        QProcess run;
        startCli(&run,
                 {QStringLiteral("restore"), QStringLiteral("nuvem:Copias/CopiaAT.zip"),
                  QStringLiteral("--root"), m_root, QStringLiteral("--yes")},
                 quickFailure() << QStringLiteral("RCLONE_BWLIMIT=1M"));
        QElapsedTimer clock;
        clock.start();
        bool fetching = false;
        while (!fetching && clock.elapsed() < 60000) {
            QDirIterator it(m_scratch, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext())
                if (QFileInfo(it.next()).size() > 256 * 1024)
                    fetching = true;
            QThread::msleep(20);
        }
        QVERIFY(fetching);
        ::kill(pid_t(run.processId()), SIGINT);
        QVERIFY(run.waitForFinished(60000));
        QCOMPARE(run.exitCode(), 130);
        QCOMPARE(treeHashes(m_root), before);
    }
};

QTEST_GUILESS_MAIN(TestOffsite)
#include "tst_offsite.moc"
