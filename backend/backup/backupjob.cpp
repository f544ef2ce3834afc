// SPDX-License-Identifier: GPL-3.0-or-later
#include "backup/backupjob.h"

#include "backup/systemselection.h"
#include "copy/manifest.h"
#include "core/filesystem.h"
#include "core/logging.h"
#include "core/version.h"
#include "history/history.h"
#include "installation/installationid.h"
#include "installation/sessionlock.h"
#include "maintenance/maintenanceaccess.h"
#include "producer/backupplan.h"
#include "producer/copynaming.h"
#include "producer/copyproducer.h"
#include "storage/destinationcheck.h"
#include "storage/volume.h"
#include "storage/volumewalk.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QStorageInfo>

#include <algorithm>
#include <functional>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

namespace Resguarda {

namespace {

// Previous copies, which a wipe keeps until the new copy is in place:
// Copia*.zip, and, when the user named the copy file, <that name>*.zip (its
// weekday sets and extra copies). Case is ignored: FAT pen drives written by
// other systems may upper-case names.
bool isCopyFileName(const QString &name, const QStringList &prefixes)
{
    if (!name.endsWith(u".zip", Qt::CaseInsensitive))
        return false;
    return std::any_of(prefixes.begin(), prefixes.end(), [&](const QString &prefix) {
        return name.startsWith(prefix, Qt::CaseInsensitive);
    });
}

// Every folder from path up to volume, both included: those a wipe leaves
// in place so that the destination folder still exists.
QSet<QString> folderChain(const QString &path, const QString &volume)
{
    QSet<QString> chain {volume};
    QString folder = path;
    while (FileSystem::isInside(folder, volume) && !chain.contains(folder)) {
        chain.insert(folder);
        folder = QFileInfo(folder).absolutePath();
    }
    return chain;
}

QString firstFew(const QStringList &paths)
{
    QStringList shown;
    for (int i = 0; i < std::min<qsizetype>(3, paths.size()); ++i)
        shown << QDir::toNativeSeparators(paths[i]);
    return shown.join(u", ");
}

} // namespace

BackupJob::BackupJob(BackupOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    qRegisterMetaType<Resguarda::JobProgress>();
}

void BackupJob::cancel()
{
    m_cancelled.store(true);
}

OperationError BackupJob::run()
{
    m_progress = JobProgress();
    m_written.clear();
    m_warnings.clear();
    m_historyRoot.clear();
    m_historySystem = m_options.allSystems ? QString() : m_options.systemCode;
    m_startedAt = m_options.now.isValid() ? m_options.now : QDateTime::currentDateTime();
    OperationError error = execute();
    if (!error)
        error = incompleteResult();
    // Without an installation there is nowhere to record anything.
    if (!m_historyRoot.isEmpty())
        recordInHistory(error);
    return error;
}

void BackupJob::recordInHistory(const OperationError &error)
{
    HistoryRecord record
        = HistoryRecord::make(HistoryRecord::backup, m_startedAt, error, isCancelled());
    record.scheduled = m_options.scheduled;
    record.system = m_historySystem;
    // After a failure, the copies that were written before it (of other
    // systems) are still good and listed.
    for (const auto &copy : std::as_const(m_written)) {
        record.copies << copy.path;
        record.bytes += copy.bytes;
    }
    QString problem;
    if (!History::append(m_historyRoot, record, &problem))
        m_warnings.append(problem);
}

OperationError BackupJob::incompleteResult() const
{
    qint64 leftOut = 0;
    QString details;
    for (const auto &copy : m_written) {
        leftOut += copy.leftOut;
        for (const auto &line : copy.leftOutLines)
            details += QStringLiteral("\n  - ") + line;
    }
    if (leftOut == 0)
        return OperationError::none();
    return OperationError::incomplete(
        tr("Incomplete copy: %n file(s) or folder(s) were left out, as asked "
           "(--allow-incomplete). This copy is not a full backup:",
           nullptr, int(leftOut))
        + details);
}

OperationError BackupJob::execute()
{
    OperationError error;
    const auto installation = Installation::open(m_options.root, &error);
    if (!installation)
        return error;
    m_historyRoot = installation->rootPath();
    // Refused by the front end (a password file that may not be used): the
    // refusal is recorded like any failure, so that a scheduled copy that
    // did not run is shown on Home and not only in a journal.
    if (m_options.refusal.isError())
        return m_options.refusal;
    // Named once: the name a summary showed is the name written.
    const QDateTime nameTime = m_options.nameTime.isValid() ? m_options.nameTime : m_startedAt;

    const QList<SystemSelection> selections
        = SystemSelector::select(*installation, m_options, &error);
    if (error)
        return error;
    m_historySystem = selections.size() == 1 ? selections.first().system.code : QString();

    // Nothing may change while the copy is taken: no client connected, and
    // our own session file tells clients and other Resguardas we are here.
    std::unique_ptr<SessionLock> lock;
    // A copy must never see a company half swapped by an interrupted restore.
    QString recovered;
    error = beginMaintenance(*installation, &lock, &recovered);
    if (error)
        return error;
    if (!recovered.isEmpty())
        m_warnings.append(recovered);

    m_copiesPath = QDir::cleanPath(installation->copiesPath());
    QList<BackupPlan> plans;
    QStringList targets;
    for (const auto &selection : selections) {
        BackupOptions systemOptions = m_options;
        systemOptions.companies = selection.companies;
        BackupPlan plan = BackupPlan::make(*installation, selection.system, systemOptions);
        QSet<QString> requested(selection.companies.begin(), selection.companies.end());
        for (const auto &company : plan.companies)
            requested.remove(company.info.code);
        if (!requested.isEmpty()) {
            QStringList missing(requested.begin(), requested.end());
            missing.sort();
            return OperationError::usage(tr("Company %1 is not registered in system %2.")
                                             .arg(missing.join(u", "), selection.system.code));
        }
        const QString target = CopyNaming::targetPath(
            installation->rootPath(), selection.system.code, m_options, nameTime, &error);
        if (error)
            return error;
        m_warnings += plan.warnings;
        m_progress.filesTotal += plan.totalFiles();
        m_progress.bytesTotal += plan.totalBytes();
        plans.append(plan);
        targets.append(target);
    }

    // Before anything is erased or written: a destination that is not there
    // (an empty mount point) must not receive the copy.
    QSet<QString> folders;
    for (const auto &target : std::as_const(targets)) {
        const QString folder = QFileInfo(target).absolutePath();
        if (folders.contains(folder))
            continue;
        folders.insert(folder);
        if ((error = DestinationCheck::checkFolder(installation->rootPath(), folder,
                                                   m_options.requireMountedDestination
                                                       && !m_options.output.isEmpty())))
            return error;
    }

    // "Apaga conteúdo do disco de destino", in the order that keeps a good
    // copy on the disk at every moment: everything but the previous copies is
    // erased first, the new copies are written and verified, and only then
    // are the previous copies erased.
    QString wipeVolume;
    if (m_options.wipeDestination && !targets.isEmpty()) {
        m_copyPrefixes = QStringList {QStringLiteral("Copia")};
        const QFileInfo output(m_options.output);
        if (!m_options.output.isEmpty() && !output.isDir() && !m_options.output.endsWith(u'/')
            && !m_options.output.endsWith(u'\\')) {
            const QString stem = output.suffix().compare(u"zip", Qt::CaseInsensitive) == 0
                ? output.completeBaseName()
                : output.fileName();
            if (!stem.isEmpty())
                m_copyPrefixes << stem;
        }
        if ((error = checkWipe(installation->rootPath(), targets, &wipeVolume)))
            return error;
        Q_EMIT progressChanged(m_progress);
        if ((error = wipeBeforeWriting(wipeVolume, targets)))
            return error;
    }

    for (int i = 0; i < plans.size(); ++i) {
        Q_EMIT copyStarted(plans[i].system.code, targets[i]);
        error = writeCopy(plans[i], targets[i]);
        if (error)
            return error;
    }
    if (!wipeVolume.isEmpty())
        removeOldCopies(wipeVolume);
    return OperationError::none();
}

OperationError BackupJob::checkWipe(const QString &installationRoot, const QStringList &targets,
                                    QString *volume) const
{
    const QString folder = QFileInfo(targets.first()).absolutePath();
    const QString nativeFolder = QDir::toNativeSeparators(folder);
    const QString installation = QFileInfo(installationRoot).canonicalFilePath();
    const QString canonicalFolder = QFileInfo(folder).canonicalFilePath();
    const bool missing = canonicalFolder.isEmpty() || !QFileInfo(canonicalFolder).isDir();
    const QString root = missing ? QString() : Volume::mountPoint(canonicalFolder);
    // A missing folder inside the installation (its Copias, not made yet) is
    // on the installation's disk; a missing one elsewhere is most likely an
    // unplugged pen drive.
    const bool onInstallationDisk = missing
        ? FileSystem::isInside(QDir::cleanPath(QFileInfo(folder).absoluteFilePath()), installation)
        : (root == u"/" || FileSystem::sameVolume(installationRoot, canonicalFolder)
           || FileSystem::isInside(installation, root));
    if (onInstallationDisk) {
        return OperationError::usage(
            tr("%1 is on the installation's own disk, which is never emptied. Nothing was "
               "erased. Choose a pen drive or external disk, or do not ask to empty the "
               "destination disk.")
                .arg(nativeFolder));
    }
    if (missing || root.isEmpty()) {
        return OperationError::usage(
            tr("The destination disk cannot be emptied: the folder %1 does not exist. Connect "
               "the pen drive or external disk, or choose another folder. Nothing was erased.")
                .arg(nativeFolder));
    }
    if (!Volume::isRemovable(canonicalFolder)) {
        return OperationError::usage(
            tr("Only a removable disk (pen drive or external disk) can be emptied, and %1 is not "
               "on one. Nothing was erased. Choose a removable disk, or do not ask to empty the "
               "destination disk.")
                .arg(nativeFolder));
    }
    // Every target of a run is in the same folder (one per system with
    // --all-systems), so the first one's volume is the volume of all.
    *volume = root;
    return OperationError::none();
}

OperationError BackupJob::wipeBeforeWriting(const QString &volume, const QStringList &targets)
{
    // The targets and every previous copy stay until the new copies replace
    // them; the destination folder stays so the copy has somewhere to go.
    QSet<QString> keepFiles;
    QSet<QString> keepFolders {volume};
    for (const auto &target : targets) {
        const QFileInfo info(target);
        const QString folder = QFileInfo(info.absolutePath()).canonicalFilePath();
        keepFolders += folderChain(folder, volume);
        keepFiles.insert(folder + u'/' + info.fileName());
    }
    QStringList failures;
    int erased = 0;
    bool cancelled = false;
    VolumeWalk walk;
    walk.onEntry = [&](const QFileInfo &entry) {
        if (isCancelled()) {
            cancelled = true;
            return VolumeWalk::Visit::Stop;
        }
        const QString path = entry.absoluteFilePath();
        if (!entry.isSymLink() && entry.isFile()
            && (isCopyFileName(entry.fileName(), m_copyPrefixes) || keepFiles.contains(path)))
            return VolumeWalk::Visit::Kept;
        if (!QFile::remove(path)) {
            failures << path;
            return VolumeWalk::Visit::Kept;
        }
        ++erased;
        return VolumeWalk::Visit::Removed;
    };
    walk.afterFolder = [&](const QString &folder, bool keptInside) {
        if (keepFolders.contains(folder))
            return;
        if (!QDir().rmdir(folder) && !keptInside)
            failures << folder;
    };
    walk.run(volume);
    FileSystem::syncDirectory(volume);
    qCDebug(lcBackup) << "emptied the destination disk" << volume << ":" << erased
                      << "entries erased";
    if (!failures.isEmpty())
        m_warnings.append(
            tr("%n item(s) on the destination disk could not be erased, for example %1.", nullptr,
               int(failures.size()))
                .arg(firstFew(failures)));
    if (cancelled)
        return OperationError::failed(
            tr("The copy was cancelled while the destination disk was being emptied. The previous "
               "copies on it were kept."));
    return OperationError::none();
}

void BackupJob::removeOldCopies(const QString &volume)
{
    QSet<QString> written;
    QSet<QString> keepFolders {volume};
    for (const auto &copy : m_written) {
        const QString path = QFileInfo(copy.path).canonicalFilePath();
        written.insert(path);
        keepFolders += folderChain(QFileInfo(path).absolutePath(), volume);
    }
    QStringList failures;
    VolumeWalk walk;
    walk.onEntry = [&](const QFileInfo &entry) {
        const QString path = entry.absoluteFilePath();
        if (entry.isSymLink() || !entry.isFile()
            || !isCopyFileName(entry.fileName(), m_copyPrefixes) || written.contains(path))
            return VolumeWalk::Visit::Kept;
        if (!QFile::remove(path)) {
            failures << path;
            return VolumeWalk::Visit::Kept;
        }
        return VolumeWalk::Visit::Removed;
    };
    walk.afterFolder = [&](const QString &folder, bool keptInside) {
        if (!keptInside && !keepFolders.contains(folder))
            QDir().rmdir(folder);
    };
    walk.run(volume);
    FileSystem::syncDirectory(volume);
    if (!failures.isEmpty())
        m_warnings.append(tr("%n previous copy file(s) on the destination disk could not be "
                             "erased, for example %1.",
                             nullptr, int(failures.size()))
                              .arg(firstFew(failures)));
}

OperationError BackupJob::writeCopy(const BackupPlan &plan, const QString &target)
{
    Manifest manifest;
    manifest.system = plan.system;
    // Created on the first copy: from then on every copy says whose it is.
    QString idProblem;
    manifest.installationId = InstallationId::ensure(m_historyRoot, &idProblem);
    if (manifest.installationId.isEmpty())
        qCWarning(lcBackup) << "copy written without an installation id:" << idProblem;
    manifest.createdAt = m_options.now.isValid() ? m_options.now : QDateTime::currentDateTime();
    manifest.toolVersion = QString::fromLatin1(toolVersion);
    manifest.options.templates = m_options.templates;
    manifest.options.archiveFromYear = m_options.archiveFromYear;
    manifest.options.companies = plan.requestedCompanies;
    manifest.options.allSystems = m_options.allSystems;
    manifest.options.rotation = m_options.rotation == BackupOptions::Rotation::Weekday
        ? QStringLiteral("weekday")
        : QString();
    manifest.options.extraLabel = m_options.extraLabel;

    CopyProducer producer(m_options.compressionLevel, [this](const JobProgress &progress) {
        Q_EMIT progressChanged(progress);
        return !isCancelled();
    });
    producer.setPassword(m_options.password);
    const qint64 filesBefore = m_progress.filesDone;
    const qint64 bytesBefore = m_progress.bytesDone;
    qint64 copySize = 0;
    // The installation's Copias (the default destination, whatever the file
    // name) is created; a folder elsewhere the user chose is not: missing, it
    // is most likely an unplugged pen drive.
    const bool createFolder = m_options.output.isEmpty()
        || QDir::cleanPath(QFileInfo(target).absolutePath()) == m_copiesPath;
    const OperationError error
        = producer.produce(plan, manifest, target, createFolder, m_progress, &copySize);
    if (error)
        return error;
    WrittenCopy written;
    written.systemCode = plan.system.code;
    written.path = target;
    written.files = m_progress.filesDone - filesBefore;
    written.bytes = m_progress.bytesDone - bytesBefore;
    written.copySize = copySize;
    for (const auto &item : producer.leftOut()) {
        ++written.leftOut;
        written.leftOutLines.append(
            Installation::skipText(*plan.source, {item.realPath, item.reason}));
    }
    m_written.append(written);
    return OperationError::none();
}

} // namespace Resguarda
