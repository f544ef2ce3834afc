// SPDX-License-Identifier: GPL-3.0-or-later
// What the progress page and the last page show, from real backups and
// restores run through the JobController: one measure per named phase,
// never going back within it, the bytes agreeing with the percentage; and
// an outcome that says what really happened (cancelled and in use are not
// "done").

#include "core/exitcode.h"
#include "support/demofixture.h"
#include "support/isolatedhome.h"
#include "support/lockholderprocess.h"
#include "support/makecopy.h"
#include "support/testinstallation.h"
#include "support/uiwait.h"
#include "ui/backupsettings.h"
#include "ui/companymodel.h"
#include "ui/jobcontroller.h"
#include "ui/restoresettings.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Resguarda;
using namespace TestSupport;

namespace {

// What the progress page showed at one progressChanged.
struct Shown
{
    QString phase;
    bool measured = false;
    double progress = 0;
    qint64 bytesDone = 0;
    qint64 bytesTotal = 0;
    QString text;
    int eta = -1;
};

// Records every progress signal of job while it runs.
class Recorder
{
public:
    explicit Recorder(JobController &job)
    {
        QObject::connect(&job, &JobController::progressChanged, &job, [this, &job] {
            if (!job.running())
                return;
            seen.append({job.phaseText(), job.phaseMeasured(), job.progress(), job.bytesDone(),
                         job.bytesTotal(), job.progressText(), job.etaSeconds()});
        });
    }
    QList<Shown> seen;
};

// Within each run of the same phase, nothing goes back; wherever the phase
// is measured in bytes, the percentage is the bytes' (to the whole percent
// shown) and the text shows that percentage.
void checkConsistent(const QList<Shown> &seen)
{
    QVERIFY(!seen.isEmpty());
    for (int i = 0; i < seen.size(); ++i) {
        const Shown &now = seen[i];
        QVERIFY2(!now.phase.isEmpty(), "a phase without a name");
        QVERIFY(now.progress >= 0 && now.progress <= 1);
        if (now.measured) {
            QVERIFY2(now.bytesTotal > 0, qPrintable(now.phase));
            QVERIFY2(now.bytesDone <= now.bytesTotal,
                     qPrintable(now.phase + u' ' + QString::number(now.bytesDone) + u'/'
                                + QString::number(now.bytesTotal)));
            const double byBytes = double(now.bytesDone) / double(now.bytesTotal);
            QVERIFY2(std::abs(byBytes - now.progress) < 0.01,
                     qPrintable(QStringLiteral("%1: %2% shown for %3 of %4 bytes")
                                    .arg(now.phase)
                                    .arg(now.progress * 100)
                                    .arg(now.bytesDone)
                                    .arg(now.bytesTotal)));
            const QString percent = QString::number(int(std::floor(now.progress * 100))) + u'%';
            QVERIFY2(now.text.startsWith(percent), qPrintable(now.text + u" / " + percent));
        } else {
            // No measure, no made-up estimate.
            QVERIFY2(!now.text.contains(u'%'), qPrintable(now.text));
        }
        if (i == 0 || seen[i - 1].phase != now.phase)
            continue;
        const Shown &before = seen[i - 1];
        QVERIFY2(now.progress >= before.progress,
                 qPrintable(QStringLiteral("%1 went back from %2 to %3")
                                .arg(now.phase)
                                .arg(before.progress)
                                .arg(now.progress)));
        if (now.bytesTotal == before.bytesTotal)
            QVERIFY2(now.bytesDone >= before.bytesDone,
                     qPrintable(now.phase + QStringLiteral(": bytes went back")));
    }
}

qint64 mostBytesIn(const QList<Shown> &seen, const QString &phase)
{
    qint64 most = -1;
    for (const auto &shown : seen) {
        if (shown.phase == phase)
            most = std::max(most, shown.bytesDone);
    }
    return most;
}

QStringList phasesIn(const QList<Shown> &seen)
{
    QStringList phases;
    for (const auto &shown : seen) {
        if (phases.isEmpty() || phases.last() != shown.phase)
            phases << shown.phase;
    }
    return phases;
}

} // namespace

class TestJobProgress : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void backupProgressIsOneMeasurePerPhase();
    void restoreProgressIsOneMeasurePerPhase();
    void cancelledBackupIsNotDone();
    void cancelledRestoreIsNotDone();
    void inUseIsNotDone();
    void cancelAsksWhatItKeeps();

private:
    QString freshInstallation(const QString &name) const
    {
        return m_demo.freshCopy(m_dir.filePath(name));
    }

    QTemporaryDir m_dir;
    TestSupport::DemoFixture m_demo {3, 1, 4, 11};
};

void TestJobProgress::initTestCase()
{
    QVERIFY(m_dir.isValid());
    TestSupport::isolateHome(m_dir.path());

    const OperationError error = m_demo.create(m_dir.filePath(QStringLiteral("pristine")));
    QVERIFY2(!error, qPrintable(error.message));
    // Incompressible data large enough that each phase reports many times.
    writeFile(m_demo.root() + QStringLiteral("/AT/empresas/0001/grande.dat"),
              randomBytes(48 * 1024 * 1024, 5));
}

void TestJobProgress::backupProgressIsOneMeasurePerPhase()
{
    const QString root = freshInstallation(QStringLiteral("backup"));
    QVERIFY(!root.isEmpty());
    BackupSettings settings;
    settings.setRoot(root);
    settings.setSystemCode(QStringLiteral("AT"));
    JobController job;
    Recorder recorder(job);
    QVERIFY(job.startBackup(&settings, nullptr));
    QVERIFY(job.waitForFinished(jobTimeoutMs));
    QVERIFY2(job.state() == JobController::Succeeded, qPrintable(job.errorText()));
    checkConsistent(recorder.seen);
    if (QTest::currentTestFailed())
        return;

    const QStringList phases = phasesIn(recorder.seen);
    QVERIFY2(phases.contains(QStringLiteral("Copying")), qPrintable(phases.join(u", ")));
    QVERIFY2(phases.contains(QStringLiteral("Checking the copy")), qPrintable(phases.join(u", ")));
    // The read-back reaches the bytes it checks, not "0 bytes of 48 MB".
    // Each ends at its total: nothing left stale at 99%.
    const qint64 copied = mostBytesIn(recorder.seen, QStringLiteral("Copying"));
    QVERIFY(copied >= 48 * 1024 * 1024);
    QCOMPARE(copied, job.bytesTotal());
    QCOMPARE(mostBytesIn(recorder.seen, QStringLiteral("Checking the copy")), copied);
    QCOMPARE(job.outcomeLabel(), QStringLiteral("Done"));
    QVERIFY(job.workDone());
}

void TestJobProgress::restoreProgressIsOneMeasurePerPhase()
{
    const QString root = freshInstallation(QStringLiteral("restore"));
    QVERIFY(!root.isEmpty());
    const QString copy
        = makeCopy(root, QStringLiteral("AT"), m_dir.filePath(QStringLiteral("copia.zip")));
    QVERIFY(!copy.isEmpty());
    // Different data now: the restore replaces it, after a safety copy.
    writeFile(root + QStringLiteral("/AT/empresas/0001/grande.dat"),
              randomBytes(24 * 1024 * 1024, 9));

    RestoreSettings settings;
    settings.setRoot(root);
    QVERIFY2(TestSupport::openAndWait(settings, copy), qPrintable(settings.copyError()));
    QVERIFY2(settings.valid(), qPrintable(settings.validationError()));
    JobController job;
    Recorder recorder(job);
    QVERIFY(job.startRestore(&settings));
    QVERIFY(job.waitForFinished(jobTimeoutMs));
    QVERIFY2(job.state() == JobController::Succeeded, qPrintable(job.errorText()));
    checkConsistent(recorder.seen);
    if (QTest::currentTestFailed())
        return;

    const QStringList phases = phasesIn(recorder.seen);
    const QStringList expected {
        QStringLiteral("Restoring the data"), QStringLiteral("Saving the restored data to disk…"),
        QStringLiteral("Making the safety copy"), QStringLiteral("Checking the safety copy"),
        QStringLiteral("Finishing: replacing the data and saving to disk…")};
    for (const auto &phase : expected)
        QVERIFY2(phases.contains(phase), qPrintable(phases.join(u", ")));
    // In the order they happen, each once.
    QStringList order = phases;
    order.removeIf([&](const QString &phase) { return !expected.contains(phase); });
    QCOMPARE(order, expected);
    QVERIFY(mostBytesIn(recorder.seen, QStringLiteral("Restoring the data")) >= 48 * 1024 * 1024);
    QVERIFY(mostBytesIn(recorder.seen, QStringLiteral("Checking the safety copy"))
            >= 24 * 1024 * 1024);
    // The last work has no measure: no percentage, and no claim of "about 1 s".
    for (const auto &shown : std::as_const(recorder.seen)) {
        if (shown.phase.startsWith(QStringLiteral("Finishing"))
            || shown.phase.startsWith(QStringLiteral("Saving"))) {
            QVERIFY(!shown.measured);
            QVERIFY(shown.text.isEmpty());
            QCOMPARE(shown.eta, -1);
        }
    }
    QCOMPARE(job.outcomeLabel(), QStringLiteral("Done"));
    QVERIFY(job.workDone());
}

void TestJobProgress::cancelledBackupIsNotDone()
{
    const QString root = freshInstallation(QStringLiteral("backup-cancel"));
    QVERIFY(!root.isEmpty());
    BackupSettings settings;
    settings.setRoot(root);
    settings.setSystemCode(QStringLiteral("AT"));
    JobController job;
    QVERIFY(!job.canCancel()); // nothing runs
    QVERIFY(job.startBackup(&settings, nullptr));
    QVERIFY(job.canCancel());
    job.cancel();
    QVERIFY(job.waitForFinished(jobTimeoutMs));
    QCOMPARE(job.state(), JobController::Cancelled);
    QVERIFY(!job.workDone());
    QCOMPARE(job.outcomeLabel(), QStringLiteral("Cancelled"));
    QVERIFY2(job.outcomeTitle().contains(QStringLiteral("No copy was made")),
             qPrintable(job.outcomeTitle()));
    QVERIFY(!job.canCancel());
}

void TestJobProgress::cancelledRestoreIsNotDone()
{
    const QString root = freshInstallation(QStringLiteral("restore-cancel"));
    QVERIFY(!root.isEmpty());
    const QString copy = makeCopy(root, QStringLiteral("AT"),
                                  m_dir.filePath(QStringLiteral("copia-cancelada.zip")));
    QVERIFY(!copy.isEmpty());
    writeFile(root + QStringLiteral("/AT/empresas/0001/depois.dat"), "after the copy");
    const auto before = treeHashes(root + QStringLiteral("/AT"));

    RestoreSettings settings;
    settings.setRoot(root);
    QVERIFY2(TestSupport::openAndWait(settings, copy), qPrintable(settings.copyError()));
    JobController job;
    QVERIFY(job.startRestore(&settings));
    job.cancel();
    QVERIFY(job.waitForFinished(jobTimeoutMs));
    QCOMPARE(job.state(), JobController::Cancelled);
    QVERIFY(!job.workDone());
    QCOMPARE(job.outcomeLabel(), QStringLiteral("Cancelled"));
    QVERIFY2(job.outcomeTitle().contains(QStringLiteral("nothing was changed")),
             qPrintable(job.outcomeTitle()));
    QCOMPARE(treeHashes(root + QStringLiteral("/AT")), before);
}

void TestJobProgress::inUseIsNotDone()
{
    const QString root = freshInstallation(QStringLiteral("in-use"));
    QVERIFY(!root.isEmpty());
    LockHolderProcess holder(root + QStringLiteral("/sessoes"), QStringLiteral("maria"),
                             QStringLiteral("CAIXA-01"), QStringLiteral("AT"));
    QVERIFY(holder.waitUntilLocked());
    BackupSettings settings;
    settings.setRoot(root);
    settings.setSystemCode(QStringLiteral("AT"));
    JobController job;
    QVERIFY(job.startBackup(&settings, nullptr));
    QVERIFY(job.waitForFinished(jobTimeoutMs));
    QCOMPARE(job.state(), JobController::InUse);
    QVERIFY(!job.workDone());
    QCOMPARE(job.outcomeLabel(), QStringLiteral("In use"));
    QVERIFY2(job.outcomeTitle().contains(QStringLiteral("Nothing was done")),
             qPrintable(job.outcomeTitle()));
}

void TestJobProgress::cancelAsksWhatItKeeps()
{
    JobController job;
    BackupSettings backup;
    backup.setRoot(freshInstallation(QStringLiteral("question")));
    backup.setSystemCode(QStringLiteral("AT"));
    QVERIFY(job.startBackup(&backup, nullptr));
    QVERIFY2(job.cancelQuestion().contains(QStringLiteral("previous copy")),
             qPrintable(job.cancelQuestion()));
    QVERIFY(job.waitForFinished(jobTimeoutMs));
}

QTEST_GUILESS_MAIN(TestJobProgress)
#include "tst_jobprogress.moc"
