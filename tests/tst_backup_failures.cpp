// SPDX-License-Identifier: GPL-3.0-or-later
// The procedure's warning made into tests: whatever happens to a backup run — the
// process killed with SIGKILL, the destination filling up — the previous
// good copy stays byte-identical and no partial file outlives the next run.

#include "backup/backupjob.h"
#include "copy/copyfilenames.h"
#include "copy/copyreader.h"
#include "installation/sessionlock.h"
#include "support/demofixture.h"
#include "support/testinstallation.h"
#include "support/tmpfsmount.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Resguarda;
using namespace TestSupport;

class TestBackupFailures : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_root;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_root = m_dir.filePath(QStringLiteral("inst"));
        const auto error = TestSupport::DemoFixture(4, 4, 240, 3, 2025).create(m_root);
        QVERIFY2(!error, qPrintable(error.message));
    }

    void killedBackupKeepsThePreviousCopy_data()
    {
        QTest::addColumn<qint64>("killAtBytes");
        QTest::newRow("just started") << qint64(1);
        QTest::newRow("a few MB in") << qint64(4 * 1024 * 1024);
        QTest::newRow("well into the copy") << qint64(20 * 1024 * 1024);
    }

    void killedBackupKeepsThePreviousCopy()
    {
        QFETCH(qint64, killAtBytes);
        const QString folder = m_dir.filePath(QStringLiteral("killed"));
        QDir().mkpath(folder);
        const QString target = folder + QStringLiteral("/CopiaCP.zip");
        const QStringList args = {QStringLiteral("backup"),
                                  QStringLiteral("--root"),
                                  m_root,
                                  QStringLiteral("--system"),
                                  QStringLiteral("CP"),
                                  QStringLiteral("--output"),
                                  folder,
                                  QStringLiteral("--quiet")};
        if (!QFile::exists(target)) {
            const auto first = runCli(args);
            QVERIFY2(first.exitCode == 0, first.standardError.constData());
        }
        const QByteArray before = fileHash(target);
        const QString partial = CopyFileNames::partialPath(target);

        QProcess backup;
        backup.start(QStringLiteral(RESGUARDA_CLI_PATH), args);
        QVERIFY(backup.waitForStarted());
        QDeadlineTimer deadline(60000);
        bool killed = false;
        while (!deadline.hasExpired() && backup.state() == QProcess::Running) {
            if (QFileInfo(partial).size() >= killAtBytes) {
                ::kill(pid_t(backup.processId()), SIGKILL);
                killed = true;
                break;
            }
            QThread::usleep(200);
        }
        backup.waitForFinished();
        QVERIFY2(killed, "the backup ended before it could be killed: make the demo larger");
        QCOMPARE(backup.exitStatus(), QProcess::CrashExit);

        // The previous copy is untouched; what the dead run left is only its partial file.
        QCOMPARE(fileHash(target), before);
        QVERIFY(copyIsSound(target));
        // Its session file is stale: it does not block the next run.
        QVERIFY(SessionLock::activeSessions(m_root + QStringLiteral("/sessoes")).isEmpty());

        const auto next = runCli(args);
        QVERIFY2(next.exitCode == 0, next.standardError.constData());
        QVERIFY(partialFiles(folder).isEmpty());
        QVERIFY(copyIsSound(target));
    }

    void fullDiskIsRefusedBeforeWriting()
    {
        const QString mountPoint = m_dir.filePath(QStringLiteral("tiny"));
        TmpfsMount disk(mountPoint, 2 * 1024 * 1024);
        if (!disk.isMounted())
            QSKIP(
                qPrintable(QStringLiteral("mounting a small tmpfs is not permitted here (%1); "
                                          "the full-disk behaviour is not checked on this machine")
                               .arg(disk.error())));
        writeFile(mountPoint + QStringLiteral("/CopiaCP.zip"), "the previous copy");
        const QByteArray before = fileHash(mountPoint + QStringLiteral("/CopiaCP.zip"));
        const auto result = runCli({QStringLiteral("backup"), QStringLiteral("--root"), m_root,
                                    QStringLiteral("--system"), QStringLiteral("CP"),
                                    QStringLiteral("--output"), mountPoint});
        QCOMPARE(result.exitCode, 1);
        const QString message = QString::fromUtf8(result.standardError);
        QVERIFY2(message.contains(mountPoint), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("free")), qPrintable(message));
        QCOMPARE(fileHash(mountPoint + QStringLiteral("/CopiaCP.zip")), before);
        QCOMPARE(QDir(mountPoint).entryList(QDir::Files | QDir::Hidden).size(), 1);
    }

    void diskFillingUpDuringTheCopy()
    {
        // Data that fools the free-space estimate: the largest file compresses
        // extremely well, the many small ones not at all, so the copy only
        // runs out of space while it is being written.
        const QString root = m_dir.filePath(QStringLiteral("tricky"));
        writeFile(root + QStringLiteral("/sistemas.json"),
                  R"({"formato": 1, "sistemas": [{"codigo": "AT", "nome": "Ativo Imobilizado"}]})");
        const QString company = root + QStringLiteral("/AT/empresas/0001");
        writeFile(
            company + QStringLiteral("/empresa.json"),
            R"({"codigo": "0001", "razaoSocial": "Teste Ltda", "cnpj": "11.222.333/0001-81"})");
        writeFile(company + QStringLiteral("/grande.dat"), QByteArray(8 * 1024 * 1024, 'x'));
        QRandomGenerator random(5);
        for (int i = 0; i < 400; ++i) {
            QByteArray noise(8 * 1024, Qt::Uninitialized);
            random.fillRange(reinterpret_cast<quint32 *>(noise.data()), noise.size() / 4);
            writeFile(
                company + QStringLiteral("/mensal/2025-01/t%1.dat").arg(i, 3, 10, QLatin1Char('0')),
                noise);
        }

        const QString mountPoint = m_dir.filePath(QStringLiteral("filling"));
        TmpfsMount disk(mountPoint, 1024 * 1024);
        if (!disk.isMounted())
            QSKIP(
                qPrintable(QStringLiteral("mounting a small tmpfs is not permitted here (%1); "
                                          "the full-disk behaviour is not checked on this machine")
                               .arg(disk.error())));
        writeFile(mountPoint + QStringLiteral("/CopiaAT.zip"), QByteArray(100 * 1024, 'p'));
        const QByteArray before = fileHash(mountPoint + QStringLiteral("/CopiaAT.zip"));

        const auto result = runCli({QStringLiteral("backup"), QStringLiteral("--root"), root,
                                    QStringLiteral("--output"), mountPoint});
        QCOMPARE(result.exitCode, 1);
        const QString message = QString::fromUtf8(result.standardError);
        QVERIFY2(message.contains(mountPoint), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("full")), qPrintable(message));
        QCOMPARE(fileHash(mountPoint + QStringLiteral("/CopiaAT.zip")), before);
        QVERIFY(partialFiles(mountPoint).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestBackupFailures)
#include "tst_backup_failures.moc"
