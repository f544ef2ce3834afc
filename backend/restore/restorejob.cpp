// SPDX-License-Identifier: GPL-3.0-or-later
#include "restore/restorejob.h"

#include "copy/copycontainer.h"
#include "copy/copyreader.h"
#include "copy/entryinflater.h"
#include "core/checkedmath.h"
#include "core/crashpoint.h"
#include "core/displaytext.h"
#include "core/filesystem.h"
#include "core/logging.h"
#include "core/sparsewriter.h"
#include "core/version.h"
#include "history/history.h"
#include "installation/folderselection.h"
#include "installation/installation.h"
#include "installation/installationid.h"
#include "installation/sessionlock.h"
#include "installation/tablepath.h"
#include "maintenance/maintenanceaccess.h"
#include "maintenance/restorejournal.h"
#include "producer/backupplan.h"
#include "producer/copyproducer.h"
#include "restore/extractionqueue.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QSet>
#include <QThread>

#include <atomic>
#include <cerrno>
#include <vector>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace Resguarda {

namespace {

constexpr qint64 reportIntervalMs = 100;

} // namespace

RestoreJob::RestoreJob(RestoreOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    qRegisterMetaType<Resguarda::JobProgress>();
    m_clock.start();
}

RestoreJob::~RestoreJob() = default;

void RestoreJob::cancel()
{
    m_cancelled.store(true);
}

bool RestoreJob::report(bool force)
{
    const qint64 elapsed = m_clock.elapsed();
    if (force || m_lastReportMs < 0 || elapsed - m_lastReportMs >= reportIntervalMs) {
        m_lastReportMs = elapsed;
        m_progress.bytesPerSecond
            = elapsed > 0 ? double(m_progress.bytesDone) * 1000.0 / double(elapsed) : 0.0;
        Q_EMIT progressChanged(m_progress);
    }
    return !isCancelled();
}

OperationError RestoreJob::openCopy()
{
    OperationError error;
    m_copy = OpenedCopy::open(m_options.copyPath, QString(), &error, {}, m_options.password);
    if (!m_copy)
        return error;
    const auto &problems = m_copy->reader().structuralProblems();
    if (!problems.isEmpty()) {
        QStringList lines;
        for (int i = 0; i < std::min<qsizetype>(5, problems.size()); ++i)
            lines << u"- " + problems[i].message;
        if (problems.size() > 5)
            lines << tr("- and %n more problem(s)", nullptr, int(problems.size() - 5));
        return OperationError::invalidCopy(
            tr("%1 is damaged or was altered, and cannot be restored. Nothing was changed in the "
               "installation. Use another copy.\n%2")
                .arg(m_copy->displayName(), lines.join(u'\n')));
    }
    return OperationError::none();
}

OperationError RestoreJob::prepare()
{
    m_historyRoot.clear();
    m_startedAt = m_options.now.isValid() ? m_options.now : QDateTime::currentDateTime();
    const OperationError error = prepareSteps();
    // A plan that could be made is not an event yet: run() records the restore.
    if (error && !m_historyRoot.isEmpty())
        recordInHistory(error);
    return error;
}

OperationError RestoreJob::prepareSteps()
{
    m_plan.reset();
    OperationError error;
    const auto installation = Installation::open(m_options.root, &error);
    if (!installation)
        return error;
    m_historyRoot = installation->rootPath();
    if (!m_copy && (error = openCopy()))
        return error;
    m_plan = RestorePlan::make(m_copy->reader().manifest(), *installation, m_options, &error);
    return error;
}

OperationError RestoreJob::checkFreeSpace(const Installation &installation) const
{
    // Extraction needs the copy's bytes in the staging folder; the safety
    // copy needs its estimated size in Copias (both on the installation's disk
    // unless Copias is elsewhere).
    // Sizes come from the copy: summed without wrapping around.
    using namespace CheckedMath;
    const qint64 extraction
        = saturatingAdd(m_plan->bytesToExtract(), saturatingMul(m_plan->filesToExtract(), 4096));
    qint64 safety = 0;
    if (m_options.safetyCopy && m_plan->changesExistingData())
        safety = m_plan->bytesToSafeguard() / 2 + 1024 * 1024;
    const qint64 needed = saturatingAdd(
        extraction,
        FileSystem::sameVolume(installation.rootPath(), installation.copiesPath()) ? safety : 0);
    const qint64 available = FileSystem::availableBytes(installation.rootPath());
    if (available >= 0 && available < needed) {
        return OperationError::failed(
            tr("Not enough free space in %1 for the restore: it needs about %2 (the copy's data "
               "and the safety copy) and only %3 are free. Free some space and try again. Nothing "
               "was changed in the installation.")
                .arg(QDir::toNativeSeparators(installation.rootPath()),
                     FileSystem::formatSize(needed), FileSystem::formatSize(available)));
    }
    return OperationError::none();
}

OperationError RestoreJob::writeSafetyCopy(const Installation &installation)
{
    BackupPlan safety;
    safety.system = m_plan->system;
    safety.source = installation.sharedTree();
    safety.fileMode = installation.privateFileMode();
    // A link or special file in what is replaced cannot be kept, and the
    // restore removes it: the safety copy names it and goes on. Anything
    // unreadable stops the restore before it changes anything.
    safety.leaveOutLinks = true;
    QStringList codes;
    for (const auto &company : m_plan->companies) {
        const TreeListing affected
            = RestorePlan::contentAffected(installation, m_plan->system, company);
        const auto &files = affected.files;
        if (company.action != RestorePlanCompany::Action::Replace
            && company.action != RestorePlanCompany::Action::Eliminate)
            continue;
        PlannedCompany planned;
        planned.info = {company.code, company.name, company.cnpj,
                        installation.companyPath(m_plan->system.code, company.code)};
        planned.files = files;
        planned.folders = affected.folders;
        safety.skipped += affected.skipped;
        planned.archiveFromYear
            = company.action == RestorePlanCompany::Action::Replace ? company.archiveFromYear : 0;
        QSet<int> years;
        const QString prefix
            = InstallationLayout::companyArchivePrefix(m_plan->system.code, company.code);
        for (const auto &file : files) {
            planned.bytes += file.size;
            const TableClass table
                = classifyCompanyPath(QStringView(file.archivePath).mid(prefix.size()));
            if (table.isDated())
                years.insert(table.year);
        }
        planned.years = QList<int>(years.begin(), years.end());
        std::sort(planned.years.begin(), planned.years.end());
        safety.companies.append(planned);
        codes << company.code;
    }
    QList<SourceFile> templates;
    for (const auto &tmpl : m_plan->templates) {
        if (tmpl.replaces)
            templates.append({tmpl.path, installation.tree().fileSize(tmpl.path)});
    }
    safety.templates = FileList::fromFiles(templates);
    if (safety.companies.isEmpty() && safety.templates.isEmpty())
        return OperationError::none();

    const QDateTime now = m_options.now.isValid() ? m_options.now : QDateTime::currentDateTime();
    Manifest manifest;
    manifest.system = m_plan->system;
    // Created when missing, as a backup does: the safety copy is a copy of
    // this installation, and Home must count it as one.
    QString idProblem;
    manifest.installationId = InstallationId::ensure(installation.rootPath(), &idProblem);
    if (manifest.installationId.isEmpty())
        qCWarning(lcRestore) << "safety copy written without an installation id:" << idProblem;
    manifest.createdAt = now;
    manifest.toolVersion = QString::fromLatin1(toolVersion);
    manifest.options.templates = !safety.templates.isEmpty();
    manifest.options.companies = codes;
    manifest.options.extraLabel = QStringLiteral("antes da restauração");
    // The name says what it is: taken before a restore, with date and time.
    const QString base = installation.copiesPath() + u"/Copia" + m_plan->system.code
        + u"-antes-da-restauracao-" + now.toString(QStringLiteral("yyyy-MM-dd-HHmmss"));
    QString target = base + u".zip";
    for (int n = 2; QFileInfo::exists(target); ++n)
        target = base + u'-' + QString::number(n) + u".zip";

    JobProgress progress;
    progress.filesTotal = safety.totalFiles();
    progress.bytesTotal = safety.totalBytes();
    CopyProducer producer(m_options.compressionLevel, [this](const JobProgress &p) {
        // Written, then read back; the producer's own "finishing" (its
        // rename) is not the restore's.
        if (p.phase == JobProgress::Phase::Writing || p.phase == JobProgress::Phase::Verifying)
            Q_EMIT progressChanged(p);
        return !isCancelled();
    });
    // What a protected copy held stays protected in its safety copy, with
    // the same password; a plain copy's safety copy is plain.
    if (m_copy->isProtected())
        producer.setPassword(m_options.password);
    const OperationError error = producer.produce(safety, manifest, target, true, progress);
    if (error)
        return OperationError::failed(
            tr("The safety copy of the data to be replaced could not be made, "
               "so nothing was changed in the installation. %1")
                .arg(error.message));
    m_safetyCopyPath = target;
    if (!producer.leftOut().isEmpty()) {
        QString note = tr("The safety copy does not hold %n link(s) or special file(s) found in "
                          "what the restore replaces (they cannot be copied, and the restore "
                          "removed them):",
                          nullptr, int(producer.leftOut().size()));
        for (const auto &item : producer.leftOut())
            note += QStringLiteral("\n  - ")
                + Installation::skipText(installation.tree(), {item.realPath, item.reason});
        m_notes.append(note);
    }
    return OperationError::none();
}

OperationError RestoreJob::run()
{
    m_notes.clear();
    m_safetyCopyPath.clear();
    m_historyRoot.clear();
    m_startedAt = m_options.now.isValid() ? m_options.now : QDateTime::currentDateTime();
    const OperationError error = execute();
    // Without an installation there is nowhere to record anything.
    if (!m_historyRoot.isEmpty())
        recordInHistory(error);
    return error;
}

void RestoreJob::recordInHistory(const OperationError &error)
{
    HistoryRecord record
        = HistoryRecord::make(HistoryRecord::restore, m_startedAt, error, isCancelled());
    if (!m_options.copyOrigin.isEmpty())
        record.copies << m_options.copyOrigin;
    else if (!m_options.copyPath.isEmpty())
        record.copies << QFileInfo(m_options.copyPath).absoluteFilePath();
    if (m_plan) {
        record.system = m_plan->system.code;
        if (!error)
            record.bytes = m_plan->bytesToExtract();
    } else if (m_copy) {
        record.system = m_copy->reader().manifest().system.code;
    }
    QString problem;
    if (!History::append(m_historyRoot, record, &problem))
        m_notes.append(problem);
}

OperationError RestoreJob::execute()
{
    OperationError error;
    const auto installation = Installation::open(m_options.root, &error);
    if (!installation)
        return error;
    m_historyRoot = installation->rootPath();

    std::unique_ptr<SessionLock> lock;
    QString recovered;
    error = beginMaintenance(*installation, &lock, &recovered);
    if (error)
        return error;
    if (!recovered.isEmpty())
        m_notes << recovered;

    // The plan the user saw may be stale: make it again under the lock.
    if ((error = prepareSteps()))
        return error;
    if ((error = checkFreeSpace(*installation)))
        return error;

    RestoreJournal journal(installation->sharedTree());
    journal.system = m_plan->system.code;
    journal.copyPath = m_options.copyOrigin.isEmpty() ? m_options.copyPath : m_options.copyOrigin;
    if ((error = journal.begin()))
        return error;
    if ((error = extract(*installation, journal)))
        return error;

    if (m_options.safetyCopy && m_plan->changesExistingData()) {
        if ((error = writeSafetyCopy(*installation))) {
            journal.removeStaging();
            return error;
        }
    }
    if (isCancelled()) {
        journal.removeStaging();
        return OperationError::failed(
            tr("The restore was cancelled. Nothing was changed in the installation."));
    }

    for (const auto &company : m_plan->companies) {
        const QString path
            = InstallationLayout::companyRelativePath(m_plan->system.code, company.code);
        switch (company.action) {
        case RestorePlanCompany::Action::Replace:
            journal.steps.append({SwapStep::Action::Replace, path});
            break;
        case RestorePlanCompany::Action::Add:
            journal.steps.append({SwapStep::Action::Add, path});
            break;
        case RestorePlanCompany::Action::Eliminate:
            journal.steps.append({SwapStep::Action::Eliminate, path});
            break;
        case RestorePlanCompany::Action::Keep:
            break;
        }
    }
    for (const auto &tmpl : m_plan->templates)
        journal.steps.append(
            {tmpl.replaces ? SwapStep::Action::Replace : SwapStep::Action::Add, tmpl.path});

    m_progress = JobProgress();
    m_progress.phase = JobProgress::Phase::Swapping;
    report(true);
    if ((error = journal.swap()))
        return error;
    m_progress.phase = JobProgress::Phase::Finishing;
    report(true);
    return OperationError::none();
}

const Manifest *RestoreJob::manifest() const
{
    return m_copy ? &m_copy->reader().manifest() : nullptr;
}

} // namespace Resguarda
