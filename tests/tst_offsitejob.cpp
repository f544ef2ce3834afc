// SPDX-License-Identifier: GPL-3.0-or-later
// The backup wizard sending its copy off site (BackupSettings::remoteName,
// JobController), against a real "rclone serve webdav" on 127.0.0.1: the
// copy arrives byte for byte with rclone's progress shown, a cloud that
// cannot be reached leaves a made copy that is said to be not sent, a
// cancelled upload leaves the cloud's previous copy as it was, and an
// incomplete copy is never sent.

#include "history/history.h"
#include "support/demofixture.h"
#include "support/isolatedhome.h"
#include "support/rclonewebdav.h"
#include "support/scopedenvironment.h"
#include "support/testinstallation.h"
#include "support/uiwait.h"
#include "support/wizardsettings.h"
#include "ui/backupsettings.h"
#include "ui/companymodel.h"
#include "ui/jobcontroller.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <sys/stat.h>

#include <memory>

using namespace Resguarda;
using namespace TestSupport;

namespace {

const QString remoteName = QStringLiteral("nuvem");

// The files a send may leave on the server for a while: its stages.
QStringList stagesIn(const QString &folder)
{
    QStringList found;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString name = QFileInfo(it.next()).fileName();
        if (name.startsWith(u'.'))
            found << name;
    }
    return found;
}

} // namespace

class TestOffsiteJob : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void remoteChoiceIsChecked_data();
    void remoteChoiceIsChecked();
    void backupIsSentToTheCloud();
    void unreachableCloudLeavesACopyNotSent();
    void cancelWhileSendingKeepsTheCloudsCopy();
    void incompleteCopyIsNotSent();

private:
    QString freshInstallation(const QString &name) const
    {
        return m_demo.freshCopy(m_dir.filePath(name));
    }
    // The wizard's settings for root, writing into a folder of its own and
    // sending to folder of the test's remote.
    std::unique_ptr<BackupSettings> settingsSending(const QString &root, const QString &folder)
    {
        const QString local = root + QStringLiteral("-copias");
        QDir().mkpath(local);
        auto settings = backupSettings(root, local);
        settings->setRemoteName(remoteName);
        settings->setRemoteFolder(folder);
        return settings;
    }
    // rclone retries a failed transfer 3 times, each with 10 low-level
    // retries: minutes against a server that is gone.
    static QStringList quickFailure()
    {
        return {QStringLiteral("RCLONE_RETRIES=1"), QStringLiteral("RCLONE_LOW_LEVEL_RETRIES=2")};
    }

    QTemporaryDir m_dir;
    DemoFixture m_demo {2, 1, 2, 17};
    QString m_served;
    QString m_config;
    std::unique_ptr<RcloneWebdav> m_server;
};

void TestOffsiteJob::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // rclone runs in this process's environment: its cache and config
    // lookups stay below the temporary HOME.
    isolateHome(m_dir.path());
    qputenv("TMPDIR", QFile::encodeName(m_dir.filePath(QStringLiteral("tmp"))));
    QDir().mkpath(m_dir.filePath(QStringLiteral("tmp")));
    const OperationError error = m_demo.create(m_dir.filePath(QStringLiteral("pristine")));
    QVERIFY2(!error, qPrintable(error.message));
    m_served = m_dir.filePath(QStringLiteral("servidor"));
    m_config = m_dir.filePath(QStringLiteral("rclone.conf"));
    QDir().mkpath(m_served);
    m_server = std::make_unique<RcloneWebdav>(m_served, m_config);
    QString problem;
    QVERIFY2(m_server->start(&problem), qPrintable(problem));
}

void TestOffsiteJob::cleanup()
{
    // A test that failed half way must not leave the next one a half
    // sent folder.
    QDir(m_served).removeRecursively();
    QDir().mkpath(m_served);
}

void TestOffsiteJob::remoteChoiceIsChecked_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("folder");
    QTest::addColumn<QString>("spec"); // empty: refused

    QTest::newRow("none chosen") << QString() << QStringLiteral("Resguarda") << QString();
    QTest::newRow("default folder")
        << remoteName << QStringLiteral("Resguarda") << QStringLiteral("nuvem:Resguarda");
    QTest::newRow("folder with spaces")
        << remoteName << QStringLiteral(" Loja 1/Cópias ") << QStringLiteral("nuvem:Loja 1/Cópias");
    QTest::newRow("top folder") << remoteName << QString() << QStringLiteral("nuvem:");
    // "a:b" would be read as the folder b of a remote called a.
    QTest::newRow("name with a colon")
        << QStringLiteral("outra:pasta") << QStringLiteral("x") << QString();
    QTest::newRow("connection string")
        << QStringLiteral(":webdav,url=http://evil") << QStringLiteral("x") << QString();
    QTest::newRow("folder climbing out")
        << remoteName << QStringLiteral("Resguarda/../../etc") << QString();
    QTest::newRow("control character") << remoteName << QStringLiteral("Res\nguarda") << QString();
}

void TestOffsiteJob::remoteChoiceIsChecked()
{
    QFETCH(QString, name);
    QFETCH(QString, folder);
    QFETCH(QString, spec);
    const QString root = m_demo.root();
    const QString local = m_dir.filePath(QStringLiteral("choice-copias"));
    QDir().mkpath(local);
    auto settings = backupSettings(root, local);
    settings->setRemoteName(name);
    settings->setRemoteFolder(folder);
    QCOMPARE(settings->remoteSpec(), spec);
    const bool refused = !name.isEmpty() && spec.isEmpty();
    QCOMPARE(!settings->validationError().isEmpty(), refused);
    if (!refused)
        return;
    // The job refuses it too, before anything is written or sent.
    JobController job;
    QVERIFY(!job.startBackup(settings.get(), nullptr));
    QCOMPARE(job.state(), JobController::Failed);
    QCOMPARE(job.exitCode(), int(ExitCode::Usage));
    QVERIFY(QDir(local).isEmpty());
}

void TestOffsiteJob::backupIsSentToTheCloud()
{
    const QString root = freshInstallation(QStringLiteral("enviada"));
    QVERIFY(!root.isEmpty());
    const ScopedEnvironment environment(m_server->environment(remoteName));
    auto settings = settingsSending(root, QStringLiteral("Resguarda/Loja 1"));
    QCOMPARE(settings->remoteSpec(), QStringLiteral("nuvem:Resguarda/Loja 1"));

    JobController job;
    QStringList phasesSeen;
    bool measuredSending = false;
    connect(&job, &JobController::progressChanged, this, [&] {
        if (!job.phaseText().isEmpty() && !phasesSeen.contains(job.phaseText()))
            phasesSeen << job.phaseText();
        if (job.phaseText() == u"Sending the copy off site…" && job.phaseMeasured())
            measuredSending = true;
    });
    // What the progress page shows while the job runs, as QML sees it
    // (through the notifications).
    QString sendingToShown;
    connect(&job, &JobController::stateChanged, this, [&] {
        if (job.running())
            sendingToShown = job.sendingTo();
    });
    int ticks = 0;
    QTimer ticker;
    ticker.setInterval(10);
    connect(&ticker, &QTimer::timeout, this, [&] { ++ticks; });
    ticker.start();
    QVERIFY(job.startBackup(settings.get(), nullptr));
    QCOMPARE(sendingToShown, QStringLiteral("nuvem:Resguarda/Loja 1"));
    QVERIFY(job.waitForFinished(jobTimeoutMs));
    ticker.stop();

    QVERIFY2(job.state() == JobController::Succeeded, qPrintable(job.errorText()));
    QCOMPARE(job.exitCode(), 0);
    QVERIFY(ticks > 0);
    QVERIFY2(phasesSeen.contains(u"Sending the copy off site…"_qs),
             qPrintable(phasesSeen.join(u", ")));
    // rclone's own progress reached the page, as a measured phase.
    QVERIFY(measuredSending);
    QCOMPARE(job.resultPaths().size(), 1);
    const QString local = settings->destinationFolder() + QStringLiteral("/CopiaAT.zip");
    QVERIFY(copyIsSound(local));
    const QString remote = m_served + QStringLiteral("/Resguarda/Loja 1/CopiaAT.zip");
    QVERIFY2(QFile::exists(remote), qPrintable(remote));
    QCOMPARE(fileHash(remote), fileHash(local));
    QVERIFY2(stagesIn(m_served).isEmpty(), qPrintable(stagesIn(m_served).join(u", ")));
    QCOMPARE(job.sentLines().size(), 1);
    QVERIFY2(job.sentLines().first().startsWith(u"nuvem:Resguarda/Loja 1/CopiaAT.zip ("_qs),
             qPrintable(job.sentLines().first()));
    QVERIFY2(job.sentLines().first().contains(u"checked there by its size"_qs),
             qPrintable(job.sentLines().first()));

    // Home reads the installation's history: the sending is there.
    const auto records = History::read(root);
    const auto sent = std::find_if(records.cbegin(), records.cend(), [](const HistoryRecord &r) {
        return r.operation == HistoryRecord::offsite;
    });
    QVERIFY(sent != records.cend());
    QVERIFY(sent->succeeded());
    QCOMPARE(sent->copies, QStringList {u"nuvem:Resguarda/Loja 1/CopiaAT.zip"_qs});
    QCOMPARE(sent->system, QStringLiteral("AT"));
}

void TestOffsiteJob::unreachableCloudLeavesACopyNotSent()
{
    const QString root = freshInstallation(QStringLiteral("sem-rede"));
    QVERIFY(!root.isEmpty());
    // The same remote, pointed at a port where nothing listens.
    QStringList entries = m_server->environment(remoteName) + quickFailure();
    for (QString &entry : entries) {
        if (entry.startsWith(u"RCLONE_CONFIG_NUVEM_URL="))
            entry = QStringLiteral("RCLONE_CONFIG_NUVEM_URL=http://127.0.0.1:9/");
    }
    const ScopedEnvironment environment(entries);
    auto settings = settingsSending(root, QStringLiteral("Resguarda"));

    JobController job;
    QVERIFY(job.startBackup(settings.get(), nullptr));
    QVERIFY(job.waitForFinished(jobTimeoutMs));

    QCOMPARE(job.state(), JobController::NotSent);
    QCOMPARE(job.exitCode(), int(ExitCode::Offsite));
    // Not a success: the step indicator crosses the run out.
    QVERIFY(!job.workDone());
    QCOMPARE(job.outcomeLabel(), QStringLiteral("Not sent"));
    QVERIFY2(job.outcomeTitle().contains(u"could not be sent"_qs), qPrintable(job.outcomeTitle()));
    QVERIFY(!job.errorText().isEmpty());
    QVERIFY(job.sentLines().isEmpty());
    // The copy made here is whole, and named.
    QCOMPARE(job.resultPaths().size(), 1);
    QVERIFY(copyIsSound(settings->destinationFolder() + QStringLiteral("/CopiaAT.zip")));
    const auto records = History::read(root);
    const auto sent = std::find_if(records.cbegin(), records.cend(), [](const HistoryRecord &r) {
        return r.operation == HistoryRecord::offsite;
    });
    QVERIFY(sent != records.cend());
    QCOMPARE(sent->result, QStringLiteral("offsite-failed"));
}

void TestOffsiteJob::cancelWhileSendingKeepsTheCloudsCopy()
{
    const QString root = freshInstallation(QStringLiteral("cancelada"));
    QVERIFY(!root.isEmpty());
    // Incompressible bytes and a slow link: the upload takes seconds.
    writeFile(root + QStringLiteral("/AT/empresas/0001/grande.dat"),
              randomBytes(24 * 1024 * 1024, 23));
    const QString previous = m_served + QStringLiteral("/Resguarda/CopiaAT.zip");
    writeFile(previous, randomBytes(100000, 29));
    const QByteArray previousHash = fileHash(previous);
    const ScopedEnvironment environment(m_server->environment(remoteName)
                                        << QStringLiteral("RCLONE_BWLIMIT=2M"));
    auto settings = settingsSending(root, QStringLiteral("Resguarda"));

    JobController job;
    QString question;
    connect(&job, &JobController::progressChanged, this, [&] {
        if (job.phaseText() == u"Sending the copy off site…" && job.bytesDone() > 0
            && question.isEmpty() && job.canCancel()) {
            question = job.cancelQuestion();
            job.cancel();
        }
    });
    QVERIFY(job.startBackup(settings.get(), nullptr));
    QVERIFY(job.waitForFinished(jobTimeoutMs));

    QVERIFY2(!question.isEmpty(), "the upload was never seen under way");
    QVERIFY2(question.contains(u"The copy made here is kept"_qs), qPrintable(question));
    QCOMPARE(job.state(), JobController::NotSent);
    QVERIFY2(job.outcomeTitle().contains(u"cancelled"_qs), qPrintable(job.outcomeTitle()));
    QCOMPARE(fileHash(previous), previousHash);
    QVERIFY(copyIsSound(settings->destinationFolder() + QStringLiteral("/CopiaAT.zip")));
}

void TestOffsiteJob::incompleteCopyIsNotSent()
{
    const QString root = freshInstallation(QStringLiteral("incompleta"));
    QVERIFY(!root.isEmpty());
    // A FIFO no backup can copy: with "allow an incomplete copy" the copy
    // is written without it.
    const QString fifo = root + QStringLiteral("/AT/empresas/0001/fila-do-caixa");
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0644), 0);
    const ScopedEnvironment environment(m_server->environment(remoteName));
    auto settings = settingsSending(root, QStringLiteral("Resguarda"));
    settings->setAllowIncomplete(true);

    JobController job;
    QVERIFY(job.startBackup(settings.get(), nullptr));
    QVERIFY(job.waitForFinished(jobTimeoutMs));

    QCOMPARE(job.state(), JobController::Incomplete);
    QVERIFY(job.sentLines().isEmpty());
    QVERIFY2(job.notes().join(u"\n").contains(u"not sent to the cloud"_qs),
             qPrintable(job.notes().join(u"\n")));
    QVERIFY(!QFile::exists(m_served + QStringLiteral("/Resguarda/CopiaAT.zip")));
}

QTEST_GUILESS_MAIN(TestOffsiteJob)
#include "tst_offsitejob.moc"
