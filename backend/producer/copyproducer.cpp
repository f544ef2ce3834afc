// SPDX-License-Identifier: GPL-3.0-or-later
#include "producer/copyproducer.h"

#include "copy/copycontainer.h"
#include "copy/copyfilenames.h"
#include "copy/copyreader.h"
#include "copy/copywriter.h"
#include "copy/protectedcopy.h"
#include "copy/zipnames.h"
#include "core/crashpoint.h"
#include "core/filesystem.h"
#include "core/logging.h"
#include "installation/tablepath.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Resguarda {

namespace {

constexpr qint64 reportIntervalMs = 100;
// Per-entry overhead of a ZIP (local header, central header, zip64 extras)
// and of its manifest line, for the free-space estimate.
constexpr qint64 perEntryOverhead = 400;
constexpr qint64 sampleBytesPerFile = 1024 * 1024;
constexpr int sampleFiles = 8;

} // namespace

CopyProducer::CopyProducer(int compressionLevel, Report report)
    : m_level(compressionLevel)
    , m_report(std::move(report))
{
    m_clock.start();
}

qint64 CopyProducer::estimateCopySize(const BackupPlan &plan)
{
    // The largest files, largest first, kept while going through them all
    // (a copy of every file's path would cost hundreds of bytes each).
    QList<SourceFile> files;
    auto consider = [&](const SourceFile &file) {
        if (files.size() == sampleFiles && file.size <= files.last().size)
            return;
        files.insert(std::upper_bound(
                         files.begin(), files.end(), file,
                         [](const SourceFile &a, const SourceFile &b) { return a.size > b.size; }),
                     file);
        if (files.size() > sampleFiles)
            files.removeLast();
    };
    std::for_each(plan.templates.cbegin(), plan.templates.cend(), consider);
    for (const auto &company : plan.companies)
        std::for_each(company.files.cbegin(), company.files.cend(), consider);
    qint64 sampled = 0;
    qint64 packed = 0;
    EntryCompressor compressor;
    for (int i = 0; plan.source && i < files.size(); ++i) {
        QString ignored;
        const int fd = plan.source->openForReading(files[i].archivePath, &ignored);
        QFile file;
        if (fd < 0 || !file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle))
            continue;
        QBuffer sample;
        sample.setData(file.read(sampleBytesPerFile));
        sample.open(QIODevice::ReadOnly);
        CompressedEntry result;
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

bool CopyProducer::report(JobProgress &progress, bool force)
{
    const qint64 elapsed = m_clock.elapsed();
    if (force || m_lastReport < 0 || elapsed - m_lastReport >= reportIntervalMs) {
        m_lastReport = elapsed;
        progress.bytesPerSecond
            = elapsed > 0 ? double(progress.bytesDone) * 1000.0 / double(elapsed) : 0.0;
        if (m_report && !m_report(progress))
            m_cancelled = true;
    }
    return !m_cancelled;
}

void CopyProducer::removeStalePartials(const RootedDir &folder)
{
    // A killed run leaves its partial file behind; the next run clears it so
    // nothing half-written lingers next to the good copies. Only regular
    // files: a link with such a name is not Resguarda's, and creating the
    // partial file then fails with a clear message.
    QList<RootedDir::Entry> entries;
    QString problem;
    if (!folder.list(QString(), &entries, &problem))
        return;
    for (const auto &entry : std::as_const(entries)) {
        if (entry.kind == RootedDir::Kind::File && CopyFileNames::isPartial(entry.name)) {
            qCInfo(lcBackup) << "removing an unfinished copy left by an interrupted run:"
                             << entry.name;
            folder.removeFile(entry.name, &problem);
        }
    }
}

std::optional<RootedDir> CopyProducer::openFolder(const BackupPlan &plan, const QString &folder,
                                                  bool create, OperationError *error) const
{
    const QString nativeFolder = QDir::toNativeSeparators(folder);
    QString problem;
    if (plan.source) {
        const QString root = plan.source->path();
        const QString clean = QDir::cleanPath(folder);
        if (clean == root || clean.startsWith(root + u'/')) {
            const QString relative = clean.mid(root.size() + 1);
            if (relative.isEmpty())
                return RootedDir::open(root, &problem);
            const auto kind = plan.source->kind(relative);
            if (kind == RootedDir::Kind::Missing
                && (!create || !plan.source->makePath(relative, &problem))) {
                *error = OperationError::failed(
                    create ? tr("The folder %1 could not be created: %2").arg(nativeFolder, problem)
                           : tr("The destination folder %1 does not exist. Connect the pen drive "
                                "or external "
                                "disk, or choose another folder.")
                                 .arg(nativeFolder));
                return std::nullopt;
            }
            if (kind == RootedDir::Kind::Link || kind == RootedDir::Kind::Other
                || kind == RootedDir::Kind::File) {
                *error = OperationError::failed(tr("%1 is not a folder but a symbolic link or a "
                                                   "file. Resguarda never writes through a link "
                                                   "inside the installation, where any user could "
                                                   "have planted it. Remove it, or "
                                                   "choose another destination.")
                                                    .arg(nativeFolder));
                return std::nullopt;
            }
            auto dir = plan.source->openDir(relative, &problem);
            if (!dir)
                *error = OperationError::failed(
                    tr("The destination folder %1 cannot be used: %2").arg(nativeFolder, problem));
            return dir;
        }
    }
    if (!QFileInfo(folder).isDir() && (!create || !QDir().mkpath(folder))) {
        *error = OperationError::failed(
            tr("The destination folder %1 does not exist. Connect the pen drive or external "
               "disk, or choose another folder.")
                .arg(nativeFolder));
        return std::nullopt;
    }
    auto dir = RootedDir::open(folder, &problem);
    if (!dir)
        *error = OperationError::failed(
            tr("The destination folder %1 cannot be used: %2").arg(nativeFolder, problem));
    return dir;
}

OperationError CopyProducer::checkFreeSpace(const BackupPlan &plan, const QString &target) const
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

QString CopyProducer::incompleteCopyRefused(const RootedDir &source,
                                            const QList<SkippedItem> &items)
{
    QString text = tr("No copy was made: %n file(s) or folder(s) of the installation cannot be "
                      "copied, and a copy that leaves anything out is not a backup:",
                      nullptr, int(items.size()));
    for (const auto &item : items)
        text += QStringLiteral("\n  - ") + Installation::skipText(source, item);
    text += u'\n'
        + tr("Give Resguarda permission to read them (or remove the links and special files) "
             "and make the copy again. To make the copy anyway, marked as incomplete, use "
             "--allow-incomplete (in the app, the option \"Allow an incomplete copy\"). The "
             "previous copy, if any, was kept unchanged.");
    return text;
}

OperationError CopyProducer::produce(const BackupPlan &plan, Manifest manifest,
                                     const QString &target, bool createFolder,
                                     JobProgress &progress, qint64 *copySize)
{
    const QString folder = QFileInfo(target).absolutePath();
    const QString nativeFolder = QDir::toNativeSeparators(folder);
    OperationError error;
    const auto folderDir = openFolder(plan, folder, createFolder, &error);
    if (!folderDir)
        return error;
    removeStalePartials(*folderDir);
    error = checkFreeSpace(plan, target);
    if (error)
        return error;

    // What the listing found that cannot be copied stops the copy before a
    // byte is written; what only fails once read stops it at the end, so
    // that every such file is named at once.
    const bool refused = std::any_of(plan.skipped.cbegin(), plan.skipped.cend(),
                                     [&](const SkippedItem &item) { return plan.refuses(item); });
    if (refused && !plan.allowIncomplete) {
        // The files that cannot be opened either, so that one attempt
        // names all there is to fix; opening costs far less than copying.
        QList<SkippedItem> items = plan.skipped;
        auto probe = [&](const SourceFile &file) {
            QString ignored;
            const int fd = plan.source->openForReading(file.archivePath, &ignored);
            if (fd >= 0)
                ::close(fd);
            else
                items.append({file.archivePath,
                              errno == ENOENT ? SkipReason::Vanished : SkipReason::Unreadable});
        };
        for (const auto &company : plan.companies)
            std::for_each(company.files.cbegin(), company.files.cend(), probe);
        std::for_each(plan.templates.cbegin(), plan.templates.cend(), probe);
        std::sort(items.begin(), items.end(), [](const SkippedItem &a, const SkippedItem &b) {
            return a.archivePath < b.archivePath;
        });
        return OperationError::failed(incompleteCopyRefused(*plan.source, items));
    }

    const bool isProtected = !m_password.isEmpty();
    const QString partial = CopyFileNames::partialPath(target);
    const QString partialName = QFileInfo(partial).fileName();
    CopyWriter writer(partial, m_level);
    const qint64 bytesBefore = progress.bytesDone;
    bool created = false;
    auto fail = [&](const QString &message) {
        writer.abandon();
        QString ignored;
        if (created)
            folderDir->removeFile(partialName, &ignored);
        return OperationError::failed(message);
    };
    auto cancelled = [&] {
        return fail(tr("The copy was cancelled. The previous copy, if any, was kept unchanged."));
    };
    auto writeFailure = [&](const QString &problem) {
        if (m_cancelled)
            return cancelled();
        if (writer.deviceFull() && isProtected) {
            return fail(tr("The temporary folder %1 is full: a protected copy is first made there, "
                           "and it needs about %2. The previous copy, if any, was kept "
                           "unchanged. Free some space there, or set TMPDIR to a folder with room.")
                            .arg(QDir::toNativeSeparators(QDir::tempPath()),
                                 FileSystem::formatSize(plan.totalBytes())));
        }
        if (writer.deviceFull()) {
            return fail(tr("The destination %1 is full: the copy needs about %2 more. The previous "
                           "copy, if any, was kept unchanged. Free some space or choose another "
                           "destination.")
                            .arg(nativeFolder,
                                 FileSystem::formatSize(std::max<qint64>(
                                     0, plan.totalBytes() - (progress.bytesDone - bytesBefore)))));
        }
        return fail(tr("The copy could not be written to %1: %2. The previous copy, if any, was "
                       "kept unchanged.")
                        .arg(nativeFolder, problem));
    };

    auto sourceFailure = [&](const QString &problem) {
        return fail(
            tr("No copy was made: %1 The previous copy, if any, was kept unchanged.").arg(problem));
    };

    QString problem;
    // Exclusive and never through a link: a link planted at the partial
    // file's name would otherwise make Resguarda write wherever it points.
    const int fd = folderDir->createFile(partialName, plan.fileMode, &problem);
    if (fd < 0)
        return fail(
            tr("The copy could not be created in %1: %2. The previous copy, if any, was kept "
               "unchanged.")
                .arg(nativeFolder, problem));
    created = true;
    // A protected copy is written plain to a scratch file without a name in
    // the local temporary folder, then sealed into the partial file: nothing
    // of it, names included, reaches the destination unencrypted.
    int plainFd = -1;
    std::optional<RootedDir> scratchDir;
    // The writer owns the file it writes; the sealed file stays ours.
    const auto closeFiles = qScopeGuard([&] {
        if (plainFd >= 0)
            ::close(plainFd);
        if (isProtected)
            ::close(fd);
    });
    if (isProtected) {
        scratchDir = RootedDir::open(QDir::tempPath(), &problem);
        const int scratchFd = scratchDir ? ProtectedCopy::createScratchFile({}, &problem) : -1;
        if (scratchFd < 0)
            return fail(problem);
        // Kept to seal the copy once the writer has closed its own; never
        // inherited by a child process.
        plainFd = ::fcntl(scratchFd, F_DUPFD_CLOEXEC, 0);
        if (plainFd < 0) {
            const int error = errno;
            ::close(scratchFd);
            return fail(tr("The copy could not be prepared in the temporary folder: %1")
                            .arg(QString::fromLocal8Bit(std::strerror(error))));
        }
        writer.setScratch(true);
        if (!writer.open(scratchFd, *scratchDir, &problem))
            return writeFailure(problem);
    } else if (!writer.open(fd, *folderDir, &problem)) {
        return writeFailure(problem);
    }

    manifest.companies.clear();
    manifest.templateEntries.clear();
    manifest.leftOut.clear();
    manifest.listsEntries = false;
    manifest.templateFiles = 0;
    manifest.templateBytes = 0;
    for (const auto &item : plan.skipped)
        manifest.leftOut.append(
            {ZipNames::toEntryName(item.archivePath), item.reason, item.archivePath});
    QStringList leftOutMessages;
    progress.phase = JobProgress::Phase::Writing;
    bool sourceChanged = false;
    // Adds one file; false when the copy cannot go on. A file that cannot
    // be read is left out and the copy goes on, so that every such file is
    // named at the end.
    // The company whose totals the files added go to; null for the
    // templates, which the manifest lists.
    ManifestCompany *summary = nullptr;
    qsizetype companyPrefixSize = 0;
    auto addFile = [&](const SourceFile &file) {
        CompressedEntry entry;
        CopyWriter::FileMetadata metadata;
        SkipReason reason = SkipReason::Unreadable;
        auto onBytes = [&](qint64 consumed) {
            progress.bytesDone += consumed;
            return report(progress);
        };
        const QString entryName = ZipNames::toEntryName(file.archivePath);
        switch (writer.addFile(*plan.source, file.archivePath, entryName, onBytes, &entry,
                               &metadata, &reason, &problem)) {
        case CopyWriter::AddResult::Failed:
            return false;
        case CopyWriter::AddResult::SourceChanged:
            sourceChanged = true;
            return false;
        case CopyWriter::AddResult::LeftOut:
            manifest.leftOut.append({entryName, reason, file.archivePath});
            leftOutMessages.append(problem);
            break;
        case CopyWriter::AddResult::Added:
            if (summary) {
                summary->files += 1;
                summary->bytes += entry.uncompressedSize;
                const TableClass table
                    = classifyCompanyPath(QStringView(file.archivePath).mid(companyPrefixSize));
                if (table.isDated())
                    summary->addDated(table.year, entry.uncompressedSize);
            } else {
                manifest.templateEntries.append({entryName, entry.uncompressedSize, 0,
                                                 metadata.modified, metadata.mode,
                                                 file.archivePath});
                manifest.templateFiles += 1;
                manifest.templateBytes += entry.uncompressedSize;
            }
            break;
        }
        ++progress.filesDone;
        crashPoint("copy-entry");
        return report(progress);
    };
    // Folders go in with the mode and time they have once their files are
    // read (reading does not change a folder's time).
    auto addFolders = [&](const QStringList &folders) {
        for (const auto &folder : folders) {
            struct stat status
            {
            };
            if (!plan.source->statOf(folder, &status)) {
                manifest.leftOut.append(
                    {ZipNames::toEntryName(folder),
                     errno == ENOENT ? SkipReason::Vanished : SkipReason::Unreadable, folder});
                continue;
            }
            const CopyWriter::FileMetadata metadata {qint64(status.st_mtim.tv_sec),
                                                     int(status.st_mode & 07777)};
            const QString entryName = ZipNames::toEntryName(folder);
            if (!writer.addFolder(entryName, metadata, &problem))
                return false;
        }
        return true;
    };

    // Files go in in the order of their paths, the templates after the
    // companies: the reader checks that order (copy-format.md). Companies
    // are in the order of their folders' paths, which is not always their
    // codes' ("0002-1/" comes before "0002/").
    QList<const PlannedCompany *> companies;
    for (const auto &company : plan.companies)
        companies.append(&company);
    auto folderOf = [&](const PlannedCompany *company) {
        return InstallationLayout::companyArchivePrefix(plan.system.code, company->info.code);
    };
    std::sort(companies.begin(), companies.end(),
              [&](const PlannedCompany *a, const PlannedCompany *b) {
                  return folderOf(a) < folderOf(b);
              });
    for (const PlannedCompany *company : std::as_const(companies)) {
        progress.currentCompany = company->info.code;
        report(progress, true);
        manifest.companies.append({company->info.code,
                                   company->info.name,
                                   company->info.cnpj,
                                   0,
                                   0,
                                   company->years,
                                   company->archiveFromYear,
                                   {}});
        summary = &manifest.companies.last();
        companyPrefixSize
            = InstallationLayout::companyArchivePrefix(plan.system.code, company->info.code).size();
        for (const auto &file : company->files) {
            if (!addFile(file))
                return sourceChanged ? sourceFailure(problem) : writeFailure(problem);
        }
        if (!addFolders(company->folders))
            return writeFailure(problem);
    }
    progress.currentCompany.clear();
    summary = nullptr;
    for (const auto &file : plan.templates) {
        if (!addFile(file))
            return sourceChanged ? sourceFailure(problem) : writeFailure(problem);
    }
    if (!addFolders(plan.templateFolders))
        return writeFailure(problem);
    QList<SkippedItem> refusedItems;
    for (const auto &item : std::as_const(manifest.leftOut)) {
        if (plan.refuses({item.realPath, item.reason}))
            refusedItems.append({item.realPath, item.reason});
    }
    if (!refusedItems.isEmpty() && !plan.allowIncomplete)
        return fail(incompleteCopyRefused(*plan.source, refusedItems));
    CompressedEntry manifestEntry;
    if (!writer.addData(QString::fromUtf16(manifestEntryName), manifest.toJson(), &manifestEntry,
                        &problem)
        || !writer.finish(&problem))
        return writeFailure(problem);
    if (isProtected) {
        const OperationError sealed = seal(plainFd, fd, manifest.system.code, progress);
        ::close(plainFd);
        plainFd = -1;
        if (sealed.isError())
            return m_cancelled ? cancelled() : fail(sealed.message);
    }

    // The last bytes written are shown before the read-back starts.
    report(progress, true);
    // Read back what reached the disk before it may replace anything.
    const qint64 filesDone = progress.filesDone;
    const qint64 bytesDone = progress.bytesDone;
    const qint64 bytesTotal = progress.bytesTotal;
    // The read-back is a pass of its own over this copy's bytes, from zero:
    // its percentage and its bytes are one measure. The files stay counted
    // as written. The manifest is read back too: the count stops at the
    // total rather than pass it.
    const qint64 verifyTotal = bytesDone - bytesBefore;
    progress.phase = JobProgress::Phase::Verifying;
    progress.bytesDone = 0;
    progress.bytesTotal = verifyTotal;
    report(progress, true);
    {
        OperationError openError;
        // Decrypting a protected copy takes about a second per GB: Cancel
        // must reach it too.
        const auto opened = OpenedCopy::open(
            partial, QString(), &openError, [&](qint64) { return report(progress); }, m_password);
        CopyReader *reader = opened ? &opened->reader() : nullptr;
        if (!reader)
            return fail(tr("The copy written to %1 could not be read back (%2). The disk may be "
                           "failing. The previous copy, if any, was kept unchanged.")
                            .arg(nativeFolder, openError.message));
        bool stopped = false;
        const auto problems = reader->verify(
            [&](qint64 bytes) {
                progress.bytesDone = std::min(verifyTotal, progress.bytesDone + bytes);
                return report(progress);
            },
            &stopped);
        if (stopped)
            return cancelled();
        // Reports are spaced out: a small copy may be read back between
        // two of them, and must not be left shown as "0 bytes" checked.
        progress.bytesDone = verifyTotal;
        report(progress, true);
        if (!problems.isEmpty() || opened->isProtected() != isProtected
            || reader->manifest().totalFiles() != manifest.totalFiles()
            || reader->manifest().leftOut.size() != manifest.leftOut.size())
            return fail(
                tr("The copy written to %1 failed verification (%2). The disk may be "
                   "failing. The previous copy, if any, was kept unchanged.")
                    .arg(nativeFolder, problems.isEmpty() ? QString() : problems.first().message));
    }
    if (m_cancelled)
        return cancelled();
    progress.filesDone = filesDone;
    progress.bytesDone = bytesDone;
    progress.bytesTotal = bytesTotal;
    // A rename replaces whatever is at the target's name, a link included,
    // without following it.
    if (!folderDir->rename(partialName, QFileInfo(target).fileName(), false, &problem))
        return fail(tr("The verified copy could not replace %1: %2")
                        .arg(QDir::toNativeSeparators(target), problem));
    folderDir->syncDir();
    if (copySize)
        *copySize = QFileInfo(target).size();
    m_leftOut = manifest.leftOut;
    progress.phase = JobProgress::Phase::Finishing;
    report(progress, true);
    return OperationError::none();
}

OperationError CopyProducer::seal(int plainFd, int outFd, const QString &systemCode,
                                  JobProgress &progress)
{
    struct stat info
    {
    };
    if (::fstat(plainFd, &info) != 0)
        return OperationError::failed(
            tr("The copy could not be read back from the temporary folder: %1")
                .arg(QString::fromLocal8Bit(std::strerror(errno))));
    const bool sealed = ProtectedCopy::seal(plainFd, qint64(info.st_size), outFd, m_password,
                                            systemCode, [&](qint64) { return report(progress); });
    const int sealError = errno;
    if (sealed && ::fsync(outFd) == 0) {
        // As for a plain copy: the read-back must read the disk, not the
        // pages just written.
        ::posix_fadvise(outFd, 0, 0, POSIX_FADV_DONTNEED);
        return OperationError::none();
    }
    const int error = sealed ? errno : sealError;
    if (!sealed && error == 0)
        return OperationError::failed(tr("The copy was cancelled."));
    if (error == ENOSPC)
        return OperationError::failed(
            tr("The destination is full: the protected copy needs %1. The previous copy, if any, "
               "was kept unchanged. Free some space or choose another destination.")
                .arg(FileSystem::formatSize(qint64(info.st_size))));
    return OperationError::failed(
        tr("The protected copy could not be written: %1. The previous copy, if any, was kept "
           "unchanged.")
            .arg(QString::fromLocal8Bit(std::strerror(error))));
}

} // namespace Resguarda
