// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/jobcontroller.h"

#include "backup/backupjob.h"
#include "core/displaytext.h"
#include "core/exitcode.h"
#include "core/filesystem.h"
#include "restore/restorejob.h"

#include <QDir>
#include <QEventLoop>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace Resguarda {

namespace {

// Reading a copy back costs far less than compressing it: a verified byte
// counts as this much of a written one in the overall progress and the ETA.
constexpr double verifyWeight = 0.3;
// Time constant of the rate's exponential smoothing: long enough to calm the
// jumps between small and large files, short enough to follow a slower disk.
constexpr double rateSmoothingMs = 3000.0;
// The last moment of a job (rename, journal) has no bytes: the bar stops
// short of full until the job says it succeeded.
constexpr double maximumWhileRunning = 0.99;

} // namespace

JobController::JobController(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<Resguarda::JobProgress>();
    m_thread.setObjectName(QStringLiteral("resguarda-job"));
}

JobController::~JobController()
{
    // Quitting while a job runs: it is cancelled (the backend keeps the
    // previous copy or the installation intact) and waited for, never cut.
    cancel();
    m_thread.quit();
    m_thread.wait();
    // A job whose result never reached finish(): the thread has ended, so it
    // can be deleted from here.
    delete m_job.data();
}

bool JobController::startBackup(BackupSettings *settings, CompanyModel *companies)
{
    if (running() || !settings)
        return false;
    QString problem = settings->validationError();
    // No company ticked would mean "all of them" to BackupOptions.
    if (problem.isEmpty() && companies && companies->rowCount() > 0
        && companies->selectedCount() == 0)
        problem = tr("Choose at least one company to copy.");
    if (!problem.isEmpty()) {
        refuse(Backup, problem);
        return false;
    }

    begin(Backup, 0);
    m_backupSettings = settings;
    auto *job = new BackupJob(settings->toOptions(companies));
    connect(job, &BackupJob::progressChanged, this, &JobController::setProgress,
            Qt::QueuedConnection);
    // Direct: the worker's event loop is busy inside run(), so a queued call
    // would arrive only after the job ended. The slot is an atomic store.
    connect(this, &JobController::cancelRequested, job, &BackupJob::cancel, Qt::DirectConnection);
    launch(job, [job] {
        Outcome outcome;
        outcome.error = job->run();
        for (const auto &copy : job->writtenCopies()) {
            outcome.paths << copy.path;
            outcome.leftOut += copy.leftOut;
            outcome.leftOutLines << copy.leftOutLines;
        }
        outcome.notes = job->warnings();
        return outcome;
    });
    return true;
}

bool JobController::startRestore(RestoreSettings *settings)
{
    if (running() || !settings)
        return false;
    // A plan still being worked out is refused here (validationError says
    // so): the safety copy's size comes from the plan shown.
    const QString problem = settings->validationError();
    if (!problem.isEmpty()) {
        refuse(Restore, problem);
        return false;
    }

    const RestoreOptions options = settings->toOptions();
    const RestorePlanModel *plan = settings->plan();
    // The safety copy is written and then read back, both reported as bytes.
    const qint64 safetyBytes
        = options.safetyCopy && plan->changesExistingData() ? plan->bytesToSafeguard() : 0;
    begin(Restore, 2 * safetyBytes);
    auto *job = new RestoreJob(options);
    connect(job, &RestoreJob::progressChanged, this, &JobController::setProgress,
            Qt::QueuedConnection);
    connect(this, &JobController::cancelRequested, job, &RestoreJob::cancel, Qt::DirectConnection);
    launch(job, [job] {
        Outcome outcome;
        outcome.error = job->prepare();
        if (!outcome.error)
            outcome.error = job->run();
        outcome.safetyCopy = job->safetyCopyPath();
        outcome.notes = job->notes();
        return outcome;
    });
    return true;
}

void JobController::cancel()
{
    if (m_state != Running || !m_job)
        return;
    m_cancelRequested = true;
    Q_EMIT cancelRequested();
}

void JobController::reset()
{
    if (running())
        return;
    m_state = Idle;
    m_kind = NoJob;
    clearResults();
    Q_EMIT progressChanged();
    Q_EMIT stateChanged();
}

bool JobController::waitForFinished(int timeoutMs)
{
    if (!running())
        return true;
    // The result arrives as a queued call: the loop must turn to receive it.
    QEventLoop loop;
    connect(this, &JobController::finished, &loop, &QEventLoop::quit);
    QTimer timeout;
    if (timeoutMs >= 0) {
        timeout.setSingleShot(true);
        connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
        timeout.start(timeoutMs);
    }
    loop.exec();
    return !running();
}

QString JobController::phaseText() const
{
    if (m_kind == NoJob)
        return {};
    switch (m_progress.phase) {
    case JobProgress::Phase::Preparing:
        return tr("Preparing");
    case JobProgress::Phase::Writing:
        // A restore writes only its safety copy.
        return m_kind == Restore ? tr("Making the safety copy") : tr("Copying");
    case JobProgress::Phase::Verifying:
        return tr("Verifying");
    case JobProgress::Phase::Extracting:
        return tr("Extracting");
    case JobProgress::Phase::Swapping:
        return tr("Replacing");
    case JobProgress::Phase::Finishing:
        return tr("Finishing");
    }
    return {};
}

QString JobController::currentCompany() const
{
    // A code from the installation: shown, so display-safe.
    return DisplayText::displaySafe(m_progress.currentCompany);
}

double JobController::progress() const
{
    return m_progressValue;
}

QString JobController::rateText() const
{
    if (m_state != Running || m_smoothedRate <= 0)
        return {};
    return FileSystem::formatSize(qint64(m_smoothedRate)) + u"/s";
}

int JobController::etaSeconds() const
{
    if (m_state != Running || !m_clock.isValid() || m_clock.elapsed() < 1000
        || m_smoothedWorkRate <= 0)
        return -1;
    const double total = totalWork();
    if (total <= 0)
        return -1;
    const double remaining = std::max(0.0, total - m_work);
    return int(std::ceil(remaining / m_smoothedWorkRate));
}

QString JobController::etaText() const
{
    const int seconds = etaSeconds();
    if (seconds < 0)
        return {};
    if (seconds >= 60)
        return tr("about %n min", nullptr, (seconds + 30) / 60);
    return tr("about %n s", nullptr, seconds);
}

void JobController::setProgress(const JobProgress &progress)
{
    if (m_state != Running)
        return;
    const qint64 now = m_clock.elapsed();
    // A pass is a run of reports over the same bytes: writing, then reading
    // back (bytesDone starts again), then extracting with other totals.
    // Work is added within a pass only, so overall progress never goes back.
    const bool samePass = progress.phase == m_progress.phase
        && progress.bytesTotal == m_progress.bytesTotal
        && progress.bytesDone >= m_progress.bytesDone;
    if (samePass) {
        const qint64 delta = progress.bytesDone - m_progress.bytesDone;
        const double weight = progress.phase == JobProgress::Phase::Verifying ? verifyWeight : 1.0;
        m_work += double(delta) * weight;
        const qint64 elapsed = now - m_lastProgressMs;
        if (elapsed > 0) {
            const double rate = double(delta) * 1000.0 / double(elapsed);
            const double alpha = 1.0 - std::exp(-double(elapsed) / rateSmoothingMs);
            m_smoothedRate
                = m_smoothedRate <= 0 ? rate : m_smoothedRate + alpha * (rate - m_smoothedRate);
            m_smoothedWorkRate = m_smoothedWorkRate <= 0
                ? rate * weight
                : m_smoothedWorkRate + alpha * (rate * weight - m_smoothedWorkRate);
        }
    }
    if (progress.phase == JobProgress::Phase::Extracting)
        m_extractBytes = std::max(m_extractBytes, progress.bytesTotal);
    m_lastProgressMs = now;
    m_progress = progress;

    const double total = totalWork();
    const double fraction = total > 0 ? m_work / total : progress.fraction();
    m_progressValue = std::max(m_progressValue, std::clamp(fraction, 0.0, maximumWhileRunning));
    Q_EMIT progressChanged();
}

void JobController::finish(const Outcome &outcome)
{
    if (m_job) {
        // Disconnected here, on this thread, so that a late cancel() never
        // reaches a job being deleted on the worker.
        disconnect(this, nullptr, m_job.data(), nullptr);
        m_job->deleteLater();
        m_job = nullptr;
    }
    const ExitCode code = outcome.error.code;
    m_exitCode = int(code);
    // Paths are shown, never opened again: a name that is not UTF-8 shows
    // its replacement marks instead of confusing the screen.
    m_resultPaths.clear();
    for (const QString &path : outcome.paths)
        m_resultPaths << DisplayText::displaySafe(QDir::toNativeSeparators(path));
    m_safetyCopyPath = DisplayText::displaySafe(QDir::toNativeSeparators(outcome.safetyCopy));
    m_notes = outcome.notes;
    m_leftOutCount = outcome.leftOut;
    m_leftOutLines = outcome.leftOutLines;
    switch (code) {
    case ExitCode::Success:
        m_state = Succeeded;
        m_resultText = m_kind == Backup ? tr("Backup completed successfully")
                                        : tr("Data restored successfully");
        m_progressValue = 1.0;
        break;
    case ExitCode::Incomplete:
        // Written and verified as asked, but not a full backup: neither a
        // success nor a failure, and said so with the count.
        m_state = Incomplete;
        m_resultText = tr("Incomplete copy: %n file(s) left out", nullptr, int(m_leftOutCount));
        m_progressValue = 1.0;
        break;
    case ExitCode::InUse:
        m_state = InUse;
        break;
    case ExitCode::InvalidCopy:
        m_state = InvalidCopy;
        break;
    case ExitCode::Failed:
        // The backend reports a cancellation as a failure that says so.
        m_state = m_cancelRequested ? Cancelled : Failed;
        break;
    case ExitCode::Usage:
    default:
        m_state = Failed;
        break;
    }
    m_errorText = m_state == Succeeded ? QString() : outcome.error.message;
    m_smoothedRate = 0;
    m_smoothedWorkRate = 0;
    // Leaving files out is chosen for one copy: the next starts without it.
    // Not after "in use", where the wizard offers to try the same copy again.
    if (m_kind == Backup && m_state != InUse && m_backupSettings)
        m_backupSettings->setAllowIncomplete(false);
    m_backupSettings = nullptr;
    Q_EMIT progressChanged();
    Q_EMIT stateChanged();
    Q_EMIT finished();
}

void JobController::begin(Kind kind, qint64 extraWork)
{
    clearResults();
    m_kind = kind;
    m_state = Running;
    m_extraWork = double(extraWork);
    m_clock.start();
    if (!m_thread.isRunning())
        m_thread.start();
    Q_EMIT progressChanged();
    Q_EMIT stateChanged();
}

void JobController::refuse(Kind kind, const QString &problem)
{
    // Asked to start with choices that cannot work: said, never ignored.
    clearResults();
    m_kind = kind;
    m_state = Failed;
    m_exitCode = int(ExitCode::Usage);
    m_errorText = problem;
    Q_EMIT progressChanged();
    Q_EMIT stateChanged();
}

void JobController::clearResults()
{
    m_progress = JobProgress();
    m_resultText.clear();
    m_resultPaths.clear();
    m_safetyCopyPath.clear();
    m_errorText.clear();
    m_notes.clear();
    m_leftOutCount = 0;
    m_leftOutLines.clear();
    m_exitCode = 0;
    m_smoothedRate = 0;
    m_smoothedWorkRate = 0;
    m_work = 0;
    m_extraWork = 0;
    m_extractBytes = 0;
    m_progressValue = 0;
    m_lastProgressMs = 0;
    m_cancelRequested = false;
    m_clock.invalidate();
}

double JobController::totalWork() const
{
    if (m_kind == Backup)
        return double(m_progress.bytesTotal) * (1.0 + verifyWeight);
    if (m_kind == Restore)
        return double(m_extractBytes) + m_extraWork;
    return 0;
}

void JobController::launch(QObject *job, std::function<Outcome()> work)
{
    job->moveToThread(&m_thread);
    m_job = job;
    // Runs on the worker thread; the outcome travels back as a queued call,
    // after every progress report the job sent before it.
    QMetaObject::invokeMethod(
        job,
        [this, work = std::move(work)] {
            const Outcome outcome = work();
            QMetaObject::invokeMethod(
                this, [this, outcome] { finish(outcome); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

} // namespace Resguarda
