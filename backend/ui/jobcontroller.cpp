// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/jobcontroller.h"

#include "backup/backupjob.h"
#include "backup/offsitesend.h"
#include "core/displaytext.h"
#include "core/exitcode.h"
#include "core/filesystem.h"
#include "restore/restorejob.h"
#include "ui/appcontroller.h"

#include <QDir>
#include <QEventLoop>
#include <QLocale>
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
bool isMeasured(JobProgress::Phase phase)
{
    return phase == JobProgress::Phase::Writing || phase == JobProgress::Phase::Verifying
        || phase == JobProgress::Phase::Extracting || phase == JobProgress::Phase::Sending;
}

// How a copy sent off site was checked there, for the result page.
QString sentLine(const OffsiteSend::Sent &sent)
{
    const QString where = DisplayText::displaySafe(sent.remote);
    const QString size = FileSystem::formatSize(sent.result.bytes);
    if (!sent.result.hashType.isEmpty())
        return JobController::tr("%1 (%2), checked there by its size and %3 hash.")
            .arg(where, size, sent.result.hashType.toUpper());
    if (sent.result.hashOffered)
        return JobController::tr("%1 (%2), checked there by its size only: the remote keeps no "
                                 "hash for this file.")
            .arg(where, size);
    return JobController::tr("%1 (%2), checked there by its size: the remote offers no hash.")
        .arg(where, size);
}

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
    // The same rule as the options step: a protected copy only with a
    // password PasswordPolicy accepts, typed twice the same.
    if (problem.isEmpty())
        problem = settings->passwordProblem();
    if (problem.isEmpty() && companies)
        problem = companies->selectionError();
    if (!problem.isEmpty()) {
        refuse(Backup, problem);
        return false;
    }

    BackupOptions options = settings->toOptions(companies);
    // Checked by validationError: a chosen remote that cannot be used stops
    // the backup above.
    const std::optional<RemoteLocation> remote = settings->remoteLocation();
    begin(Backup, 0);
    if (remote) {
        m_sendingTo = DisplayText::displaySafe(remote->spec());
        Q_EMIT stateChanged();
    }
    m_wroteProtected = !options.password.isEmpty();
    m_backupSettings = settings;
    auto *job = new BackupJob(options);
    // The job holds the only other copy of the password from here on.
    options.password.fill('\0');
    connect(job, &BackupJob::progressChanged, this, &JobController::setProgress,
            Qt::QueuedConnection);
    // Direct: the worker's event loop is busy inside run(), so a queued call
    // would arrive only after the job ended. The slot is an atomic store.
    connect(this, &JobController::cancelRequested, job, &BackupJob::cancel, Qt::DirectConnection);
    OffsiteSend::Request send;
    if (remote) {
        send.folder = *remote;
        send.root = options.root;
    }
    launch(job, [job, send] {
        Outcome outcome;
        outcome.error = job->run();
        OffsiteSend::Request request = send;
        for (const auto &copy : job->writtenCopies()) {
            outcome.paths << copy.path;
            outcome.leftOut += copy.leftOut;
            outcome.leftOutLines << copy.leftOutLines;
            request.copies << copy.path;
        }
        outcome.notes = job->warnings();
        if (!request.folder.isValid())
            return outcome;
        if (outcome.error.code == ExitCode::Incomplete) {
            // As the CLI: a copy that left files out would replace a
            // complete one on the remote.
            outcome.notes << tr("The copy was not sent to the cloud: it is incomplete, and would "
                                "replace a complete one there.");
            return outcome;
        }
        if (outcome.error)
            return outcome;
        if (job->writtenCopies().size() == 1)
            request.system = job->writtenCopies().constFirst().systemCode;
        QList<OffsiteSend::Sent> sent;
        // rclone's own progress, shown as the backup's: the same queued
        // connection carries it in order with the job's reports.
        outcome.offsiteError = OffsiteSend::run(
            request, &sent,
            [job](const JobProgress &progress) { Q_EMIT job->progressChanged(progress); },
            [job] { return job->isCancelled(); });
        for (const auto &one : std::as_const(sent))
            outcome.sentLines << sentLine(one);
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
    begin(Restore, qint64(double(safetyBytes) * (1.0 + verifyWeight)));
    // A protected copy's safety copy is protected with the same password.
    m_wroteProtected = !options.password.isEmpty();
    auto *job = new RestoreJob(options);
    connect(job, &RestoreJob::progressChanged, this, &JobController::setProgress,
            Qt::QueuedConnection);
    connect(this, &JobController::cancelRequested, job, &RestoreJob::cancel, Qt::DirectConnection);
    // A copy fetched from a remote stays on disk until the job is done with
    // it, even if the wizard that fetched it is closed meanwhile.
    launch(job, [job, keepCopy = settings->copyKeepAlive()] {
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
    Q_EMIT progressChanged(); // canCancel
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
    const bool restore = m_kind == Restore;
    switch (m_progress.phase) {
    case JobProgress::Phase::Preparing:
        return tr("Preparing…");
    case JobProgress::Phase::Writing:
        // A restore writes only its safety copy.
        return restore ? tr("Making the safety copy") : tr("Copying");
    case JobProgress::Phase::Verifying:
        return restore ? tr("Checking the safety copy") : tr("Checking the copy");
    case JobProgress::Phase::Extracting:
        return tr("Restoring the data");
    case JobProgress::Phase::Saving:
        return tr("Saving the restored data to disk…");
    case JobProgress::Phase::Swapping:
        return tr("Finishing: replacing the data and saving to disk…");
    case JobProgress::Phase::Finishing:
        return tr("Finishing: saving to disk…");
    case JobProgress::Phase::Sending:
        return tr("Sending the copy off site…");
    case JobProgress::Phase::Receiving:
        return tr("Fetching the copy from the remote…");
    }
    return {};
}

bool JobController::phaseMeasured() const
{
    return m_state == Running && isMeasured(m_progress.phase) && m_progress.bytesTotal > 0;
}

QString JobController::progressText() const
{
    if (!phaseMeasured())
        return {};
    const QLocale locale;
    QString text = tr("%1%  ·  %2 of %3")
                       .arg(locale.toString(int(std::floor(m_progressValue * 100))),
                            FileSystem::formatSize(m_progress.bytesDone),
                            FileSystem::formatSize(m_progress.bytesTotal));
    // Reading a copy back counts bytes only.
    if (m_progress.phase != JobProgress::Phase::Verifying && m_progress.filesTotal > 0)
        text += u"  ·  "
            + tr("%1 of %2 files")
                  .arg(locale.toString(m_progress.filesDone),
                       locale.toString(m_progress.filesTotal));
    return text;
}

bool JobController::canCancel() const
{
    // Once the data is being replaced, the restore goes to its end (the
    // journal puts everything back if it cannot); a copy being renamed is
    // already made.
    return m_state == Running && !m_cancelRequested
        && m_progress.phase != JobProgress::Phase::Swapping
        && m_progress.phase != JobProgress::Phase::Finishing;
}

QString JobController::cancelQuestion() const
{
    if (m_kind == Restore)
        return tr("Cancel the restore? What was extracted so far is removed and nothing in the "
                  "installation changes.");
    if (m_progress.phase == JobProgress::Phase::Sending)
        return tr("Stop sending the copy to the cloud? The copy made here is kept, and the cloud "
                  "keeps its previous copy unchanged.");
    return tr("Cancel the backup? The copy being made is discarded and the previous copy, if "
              "any, is kept unchanged.");
}

QString JobController::outcomeLabel() const
{
    switch (m_state) {
    case Idle:
    case Running:
    case Succeeded:
        return tr("Done");
    case Incomplete:
        return tr("Incomplete");
    case Cancelled:
        return tr("Cancelled");
    case InUse:
        return tr("In use");
    case InvalidCopy:
        return tr("Unusable copy");
    case Failed:
        return tr("Failed");
    case NotSent:
        return tr("Not sent");
    }
    return {};
}

QString JobController::outcomeTitle() const
{
    const bool restore = m_kind == Restore;
    switch (m_state) {
    case Idle:
    case Running:
        return {};
    case Succeeded:
    case Incomplete:
        return m_resultText;
    case Cancelled:
        return restore ? tr("Cancelled: nothing was changed in the installation.")
                       : tr("Cancelled: No copy was made. The previous copy, if any, was kept.");
    case InUse:
        return restore ? tr("Nothing was done: the system is in use. The installation was not "
                            "changed.")
                       : tr("Nothing was done: the system is in use. No copy was made.");
    case InvalidCopy:
        return tr("This copy cannot be restored");
    case NotSent:
        return m_cancelRequested
            ? tr("The copy was made here, but sending it to the cloud was cancelled")
            : tr("The copy was made here, but it could not be sent to the cloud");
    case Failed:
        return restore ? tr("The restore could not be completed")
                       : tr("The copy could not be made");
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
    if (!phaseMeasured() || m_smoothedRate <= 0)
        return {};
    return FileSystem::formatSize(qint64(m_smoothedRate)) + u"/s";
}

int JobController::etaSeconds() const
{
    // Only while work is measured: a step without a measure (saving to
    // disk, replacing) gets no estimate rather than a made-up "1 s".
    if (!phaseMeasured() || !m_clock.isValid() || m_clock.elapsed() < 1000
        || m_smoothedWorkRate <= 0)
        return -1;
    // Sending comes after the copy is made: what is left is the upload.
    if (m_progress.phase == JobProgress::Phase::Sending) {
        if (m_smoothedRate <= 0)
            return -1;
        return int(
            std::ceil(double(m_progress.bytesTotal - m_progress.bytesDone) / m_smoothedRate));
    }
    const double total = totalWork();
    if (total <= 0 || m_work >= total)
        return -1;
    return int(std::ceil((total - m_work) / m_smoothedWorkRate));
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

void JobController::setProgress(const JobProgress &reported)
{
    if (m_state != Running)
        return;
    JobProgress progress = reported;
    const qint64 now = m_clock.elapsed();
    // A pass is a run of reports of one phase over the same total: writing,
    // reading back, extracting. What is shown never goes back within it.
    const bool samePass
        = progress.phase == m_progress.phase && progress.bytesTotal == m_progress.bytesTotal;
    if (samePass) {
        progress.bytesDone = std::max(progress.bytesDone, m_progress.bytesDone);
        progress.filesDone = std::max(progress.filesDone, m_progress.filesDone);
        const qint64 delta = progress.bytesDone - m_progress.bytesDone;
        const double weight = progress.phase == JobProgress::Phase::Verifying ? verifyWeight : 1.0;
        m_work += double(delta) * weight;
        const qint64 elapsed = now - m_lastProgressMs;
        if (elapsed > 0 && isMeasured(progress.phase)) {
            const double rate = double(delta) * 1000.0 / double(elapsed);
            const double alpha = 1.0 - std::exp(-double(elapsed) / rateSmoothingMs);
            m_smoothedRate
                = m_smoothedRate <= 0 ? rate : m_smoothedRate + alpha * (rate - m_smoothedRate);
            m_smoothedWorkRate = m_smoothedWorkRate <= 0
                ? rate * weight
                : m_smoothedWorkRate + alpha * (rate * weight - m_smoothedWorkRate);
        }
    }
    // An upload runs at the network's pace, not the disk's: the rate of
    // the copy before it says nothing about it.
    if (progress.phase == JobProgress::Phase::Sending && m_progress.phase != progress.phase) {
        m_smoothedRate = 0;
        m_smoothedWorkRate = 0;
    }
    // The overall totals, for the estimate of the whole job.
    if (progress.phase == JobProgress::Phase::Writing && m_kind == Backup)
        m_writeBytes = std::max(m_writeBytes, progress.bytesTotal);
    if (progress.phase == JobProgress::Phase::Extracting)
        m_extractBytes = std::max(m_extractBytes, progress.bytesTotal);
    m_lastProgressMs = now;
    m_progress = progress;

    // A phase without a measure shows a moving bar, not a number.
    const double fraction = isMeasured(progress.phase) && progress.bytesTotal > 0
        ? double(progress.bytesDone) / double(progress.bytesTotal)
        : 0.0;
    m_progressValue = std::clamp(fraction, 0.0, 1.0);
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
    m_sentLines = outcome.sentLines;
    // The copies are made (a success or an incomplete copy), but sending
    // them failed: the run is not a success, and the result says why.
    if (outcome.offsiteError && (m_state == Succeeded || m_state == Incomplete)) {
        m_state = NotSent;
        m_exitCode = int(ExitCode::Offsite);
        m_errorText = outcome.offsiteError.message;
    }
    m_smoothedRate = 0;
    m_smoothedWorkRate = 0;
    // Leaving files out is chosen for one copy: the next starts without it.
    // Not after "in use", where the wizard offers to try the same copy again.
    if (m_kind == Backup && m_state != InUse && m_backupSettings)
        m_backupSettings->setAllowIncomplete(false);
    // A folder that received a copy (an incomplete one too, which Home lists
    // as such) is where Home and the restore's browser look next time.
    if (m_kind == Backup && (m_state == Succeeded || m_state == Incomplete || m_state == NotSent)
        && m_backupSettings)
        AppController::rememberDestinationFolder(m_backupSettings->destinationFolder());
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
    m_sentLines.clear();
    m_sendingTo.clear();
    m_exitCode = 0;
    m_smoothedRate = 0;
    m_smoothedWorkRate = 0;
    m_work = 0;
    m_extraWork = 0;
    m_extractBytes = 0;
    m_writeBytes = 0;
    m_progressValue = 0;
    m_lastProgressMs = 0;
    m_cancelRequested = false;
    m_wroteProtected = false;
    m_clock.invalidate();
}

double JobController::totalWork() const
{
    if (m_kind == Backup)
        return double(m_writeBytes) * (1.0 + verifyWeight);
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
