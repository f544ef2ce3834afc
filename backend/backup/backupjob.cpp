// SPDX-License-Identifier: GPL-3.0-or-later
#include "backup/backupjob.h"

#include "backup/backupplan.h"
#include "backup/copynaming.h"
#include "copy/copyreader.h"
#include "copy/copywriter.h"
#include "copy/manifest.h"
#include "core/filesystem.h"
#include "core/logging.h"
#include "core/version.h"
#include "installation/sessionlock.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <algorithm>

namespace Resguarda {

namespace {

constexpr qint64 reportIntervalMs = 100;
// Per-entry overhead of a ZIP (local header, central header, zip64 extras)
// and of its manifest line, for the free-space estimate.
constexpr qint64 perEntryOverhead = 400;
constexpr qint64 sampleBytesPerFile = 1024 * 1024;
constexpr int sampleFiles = 8;

// How large the copy will be, from compressing the start of the largest
// files: cheap, and far closer than assuming no compression at all.
qint64 estimateCopySize(const BackupPlan &plan)
{
    QList<SourceFile> files = plan.templates;
    for (const auto &company : plan.companies)
        files += company.files;
    std::sort(files.begin(), files.end(),
              [](const SourceFile &a, const SourceFile &b) { return a.size > b.size; });
    qint64 sampled = 0;
    qint64 packed = 0;
    EntryCompressor compressor;
    for (int i = 0; i < std::min<qsizetype>(sampleFiles, files.size()); ++i) {
        QFile file(files[i].absolutePath);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        QBuffer sample;
        sample.setData(file.read(sampleBytesPerFile));
        sample.open(QIODevice::ReadOnly);
        CompressedEntry result;
        QString ignored;
        if (compressor.compress(
                sample, sample.size(), [](int) { return true; },
                [](const char *, qint64) { return true; }, {}, &result, &ignored)) {
            sampled += result.uncompressedSize;
            packed += result.compressedSize;
        }
    }
    const double ratio = sampled > 0 ? double(packed) / double(sampled) : 1.0;
    // A margin for files that compress worse than the sample.
    const double margin = 1.15;
    return qint64(double(plan.totalBytes()) * std::min(1.0, ratio * margin))
        + (plan.totalFiles() + 1) * perEntryOverhead;
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

bool BackupJob::report(qint64 files, qint64 bytes, bool force)
{
    m_progress.filesDone = files;
    m_progress.bytesDone = bytes;
    const qint64 elapsed = m_clock.elapsed();
    if (force || m_lastReport < 0 || elapsed - m_lastReport >= reportIntervalMs) {
        m_lastReport = elapsed;
        m_progress.bytesPerSecond = elapsed > 0 ? double(bytes) * 1000.0 / double(elapsed) : 0.0;
        Q_EMIT progressChanged(m_progress);
    }
    return !isCancelled();
}

OperationError BackupJob::run()
{
    m_clock.start();
    m_written.clear();
    m_warnings.clear();
    OperationError error;
    const auto installation = Installation::open(m_options.root, &error);
    if (!installation)
        return error;
    const QDateTime now = m_options.now.isValid() ? m_options.now : QDateTime::currentDateTime();

    QStringList knownSystems;
    for (const auto &system : installation->systems())
        knownSystems.append(system.code);
    QList<SystemInfo> systems;
    if (m_options.allSystems) {
        systems = installation->systems();
    } else if (!m_options.systemCode.isEmpty()) {
        const auto system = installation->system(m_options.systemCode);
        if (!system)
            return OperationError::usage(tr("The system %1 is not installed in %2. Installed systems: %3.")
                                             .arg(m_options.systemCode,
                                                  QDir::toNativeSeparators(installation->rootPath()),
                                                  knownSystems.join(u", ")));
        systems = {*system};
    } else if (installation->systems().size() == 1) {
        systems = installation->systems();
    } else {
        return OperationError::usage(
            tr("This installation has several systems (%1): choose one with --system, or copy all "
               "of them with --all-systems.")
                .arg(knownSystems.join(u", ")));
    }
    if (systems.isEmpty())
        return OperationError::failed(tr("This installation has no systems to copy."));

    // Nothing may change while the copy is taken: no client connected, and
    // our own session file tells clients and other Resguardas we are here.
    std::unique_ptr<SessionLock> lock;
    error = SessionLock::acquireExclusive(installation->sessionsPath(), QStringLiteral("RESGUARDA"), &lock);
    if (error)
        return error;

    QList<BackupPlan> plans;
    QStringList targets;
    QSet<QString> requested(m_options.companies.begin(), m_options.companies.end());
    for (const auto &system : systems) {
        BackupPlan plan = BackupPlan::make(*installation, system, m_options);
        for (const auto &company : plan.companies)
            requested.remove(company.info.code);
        if (!m_options.companies.isEmpty() && plan.companies.isEmpty()) {
            m_warnings.append(tr("System %1 has none of the chosen companies: no copy was made of it.")
                                  .arg(system.code));
            continue;
        }
        const QString target = CopyNaming::targetPath(installation->rootPath(), system.code, m_options, now, &error);
        if (error)
            return error;
        m_warnings += plan.warnings;
        m_progress.filesTotal += plan.totalFiles();
        m_progress.bytesTotal += plan.totalBytes();
        plans.append(plan);
        targets.append(target);
    }
    if (!requested.isEmpty()) {
        QStringList missing(requested.begin(), requested.end());
        missing.sort();
        return OperationError::usage(tr("Company %1 is not registered in the chosen systems.")
                                         .arg(missing.join(u", ")));
    }

    for (int i = 0; i < plans.size(); ++i) {
        Q_EMIT copyStarted(plans[i].system.code, targets[i]);
        error = writeCopy(plans[i], targets[i]);
        if (error)
            return error;
    }
    return OperationError::none();
}

void BackupJob::removeStalePartials(const QString &folder) const
{
    // A killed run leaves its partial file behind; the next run clears it so
    // nothing half-written lingers next to the good copies.
    const QDir dir(folder);
    const auto names = dir.entryList(QDir::Files | QDir::Hidden);
    for (const auto &name : names) {
        if (CopyNaming::isPartialName(name)) {
            qCInfo(lcBackup) << "removing an unfinished copy left by an interrupted run:" << name;
            QFile::remove(dir.absoluteFilePath(name));
        }
    }
}

OperationError BackupJob::checkFreeSpace(const BackupPlan &plan, const QString &target) const
{
    const QString folder = QFileInfo(target).absolutePath();
    const qint64 needed = estimateCopySize(plan);
    const qint64 available = FileSystem::availableBytes(folder);
    if (available >= 0 && available < needed) {
        return OperationError::failed(
            tr("Not enough free space in %1: the copy needs about %2 and only %3 are free. Free "
               "some space or choose another destination.")
                .arg(QDir::toNativeSeparators(folder), FileSystem::formatSize(needed),
                     FileSystem::formatSize(available)));
    }
    return OperationError::none();
}

OperationError BackupJob::writeCopy(const BackupPlan &plan, const QString &target)
{
    const QString folder = QFileInfo(target).absolutePath();
    const QString nativeFolder = QDir::toNativeSeparators(folder);
    if (!QFileInfo(folder).isDir()) {
        const bool isDefault = m_options.output.isEmpty();
        if (!isDefault || !QDir().mkpath(folder))
            return OperationError::failed(
                tr("The destination folder %1 does not exist. Connect the pen drive or external "
                   "disk, or choose another folder.")
                    .arg(nativeFolder));
    }
    removeStalePartials(folder);
    OperationError error = checkFreeSpace(plan, target);
    if (error)
        return error;

    const QString partial = CopyNaming::partialPath(target);
    CopyWriter writer(partial, m_options.compressionLevel);
    auto fail = [&](const QString &message) {
        writer.abandon();
        QFile::remove(partial);
        return OperationError::failed(message);
    };
    auto writeFailure = [&](const QString &problem) {
        if (isCancelled())
            return fail(tr("The copy was cancelled. The previous copy, if any, was kept unchanged."));
        if (writer.deviceFull()) {
            return fail(tr("The destination %1 is full: the copy needs about %2 more. The previous "
                           "copy, if any, was kept unchanged. Free some space or choose another "
                           "destination.")
                            .arg(nativeFolder,
                                 FileSystem::formatSize(std::max<qint64>(
                                     0, plan.totalBytes() - m_progress.bytesDone))));
        }
        return fail(tr("The copy could not be written to %1: %2. The previous copy, if any, was "
                       "kept unchanged.")
                        .arg(nativeFolder, problem));
    };

    QString problem;
    if (!writer.open(&problem))
        return writeFailure(problem);

    Manifest manifest;
    manifest.system = plan.system;
    manifest.createdAt = m_options.now.isValid() ? m_options.now : QDateTime::currentDateTime();
    manifest.toolVersion = QString::fromLatin1(toolVersion);
    manifest.options.templates = m_options.templates;
    manifest.options.archiveFromYear = m_options.archiveFromYear;
    manifest.options.companies = m_options.companies;
    manifest.options.allSystems = m_options.allSystems;
    manifest.options.rotation = m_options.rotation == BackupOptions::Rotation::Weekday
        ? QStringLiteral("weekday")
        : QString();
    manifest.options.extraLabel = m_options.extraLabel;

    const qint64 filesBefore = m_progress.filesDone;
    const qint64 bytesBefore = m_progress.bytesDone;
    qint64 filesDone = filesBefore;
    qint64 bytesDone = bytesBefore;
    m_progress.phase = JobProgress::Phase::Writing;
    auto addFile = [&](const SourceFile &file) {
        CompressedEntry entry;
        auto progress = [&](qint64 consumed) {
            bytesDone += consumed;
            return report(filesDone, bytesDone);
        };
        if (!writer.addFile(file.absolutePath, file.archivePath, file.size, progress, &entry, &problem))
            return false;
        manifest.entries.append({file.archivePath, entry.uncompressedSize, entry.crc32});
        ++filesDone;
        return report(filesDone, bytesDone);
    };

    for (const auto &company : plan.companies) {
        m_progress.currentCompany = company.info.code;
        report(filesDone, bytesDone, true);
        ManifestCompany described{company.info.code, company.info.name, company.info.cnpj,
                                  company.files.size(), company.bytes, company.years};
        for (const auto &file : company.files) {
            if (!addFile(file))
                return writeFailure(problem);
        }
        manifest.companies.append(described);
    }
    m_progress.currentCompany.clear();
    for (const auto &file : plan.templates) {
        if (!addFile(file))
            return writeFailure(problem);
        ++manifest.templateFiles;
        manifest.templateBytes += file.size;
    }
    CompressedEntry manifestEntry;
    if (!writer.addData(QString::fromUtf16(manifestEntryName), manifest.toJson(), &manifestEntry, &problem)
        || !writer.finish(&problem))
        return writeFailure(problem);

    // Read back what reached the disk before it may replace anything.
    m_progress.phase = JobProgress::Phase::Verifying;
    report(filesDone, bytesBefore, true);
    {
        OperationError openError;
        const auto reader = CopyReader::open(partial, &openError);
        if (!reader)
            return fail(tr("The copy written to %1 could not be read back (%2). The disk may be "
                           "failing. The previous copy, if any, was kept unchanged.")
                            .arg(nativeFolder, openError.message));
        qint64 verified = bytesBefore;
        bool cancelled = false;
        const auto problems = reader->verify(
            [&](qint64 bytes) {
                verified += bytes;
                return report(filesDone, verified);
            },
            &cancelled);
        if (cancelled)
            return fail(tr("The copy was cancelled. The previous copy, if any, was kept unchanged."));
        if (!problems.isEmpty() || reader->manifest().entries.size() != manifest.entries.size())
            return fail(tr("The copy written to %1 failed verification (%2). The disk may be "
                           "failing. The previous copy, if any, was kept unchanged.")
                            .arg(nativeFolder, problems.isEmpty() ? QString() : problems.first().message));
    }

    if (isCancelled())
        return fail(tr("The copy was cancelled. The previous copy, if any, was kept unchanged."));
    if (!FileSystem::replaceFile(partial, target, &problem))
        return fail(tr("The verified copy could not replace %1: %2").arg(QDir::toNativeSeparators(target), problem));
    FileSystem::syncDirectory(folder);

    m_progress.phase = JobProgress::Phase::Finishing;
    report(filesDone, bytesDone, true);
    m_written.append({plan.system.code, target, filesDone - filesBefore, bytesDone - bytesBefore,
                      QFileInfo(target).size()});
    return OperationError::none();
}

} // namespace Resguarda
