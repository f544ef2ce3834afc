// SPDX-License-Identifier: GPL-3.0-or-later
// RestoreJob::extract: the copy's entries into the staging folder, checked
// against their CRCs, with their modes and times, before anything of the
// installation is touched (docs/restore.md).
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

// Inflated files waiting for a writer: enough to keep the writers busy while
// the copy is read, little enough for any machine.
constexpr qint64 maxBytesInFlight = 32 * 1024 * 1024;
constexpr qsizetype maxFilesInFlight = 4096;

// Set-user-ID, set-group-ID and sticky bits are never restored: a copy from
// any pen drive, restored by root, must not make a program run as root.
constexpr int restorableModeBits = 0777;

// The mode and time the file had when it was copied, on the file just
// written (through its descriptor, never by name). Copies of format 1 hold
// neither: the file keeps what creating it gave.
bool applyMetadata(int fd, const ManifestEntry &entry)
{
    if (entry.mode >= 0 && ::fchmod(fd, mode_t(entry.mode & restorableModeBits)) != 0)
        return false;
    if (entry.modified >= 0) {
        const struct timespec times[2] = {{time_t(entry.modified), 0}, {time_t(entry.modified), 0}};
        if (::futimens(fd, times) != 0)
            return false;
    }
    return true;
}

// Creates the staged files one thread writes: below the root held open,
// exclusively, never through a link, as the staging folder is in a tree
// anyone may write. Files come folder by folder, so the folder of the last
// file is made and opened once for all of its files. Several writers may
// make the same folder at once: makePath() accepts one made meanwhile.
class StagingWriter
{
public:
    explicit StagingWriter(const RootedDir &tree)
        : m_tree(tree)
    {
    }

    // Opens out on the new file target; false with problem set.
    bool create(const QString &target, QFile &out, QString *problem)
    {
        const qsizetype slash = target.lastIndexOf(u'/');
        const QString parent = target.left(slash);
        if (!m_parentDir || parent != m_parentPath) {
            m_parentDir.reset();
            m_parentPath = parent;
            if (m_tree.makePath(parent, problem))
                m_parentDir = m_tree.openDir(parent, problem);
        }
        int fd = -1;
        const bool ok = m_parentDir
            && (fd = m_parentDir->createFile(target.mid(slash + 1), 0666, problem)) >= 0
            && out.open(fd, QIODevice::WriteOnly, QFileDevice::AutoCloseHandle);
        if (!ok && fd >= 0 && problem->isEmpty())
            *problem = out.errorString();
        return ok;
    }

private:
    const RootedDir &m_tree;
    QString m_parentPath;
    std::optional<RootedDir> m_parentDir;
};

// Carries a table the restore leaves alone into the staged company folder:
// a hard link where the file system has them (no bytes copied, the original
// untouched), a copy elsewhere. Both paths are below tree's root.
bool linkOrCopy(const RootedDir &tree, const QString &from, const QString &to)
{
    QString error;
    if (!tree.makePath(to.section(u'/', 0, -2), &error))
        return false;
    if (tree.hardLink(from, to, &error))
        return true;
    QFile in;
    QFile out;
    const int inFd = tree.openForReading(from, &error);
    if (inFd < 0 || !in.open(inFd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle))
        return false;
    const int outFd = tree.createFile(to, 0666, &error);
    if (outFd < 0 || !out.open(outFd, QIODevice::WriteOnly, QFileDevice::AutoCloseHandle))
        return false;
    QByteArray buffer(1024 * 1024, Qt::Uninitialized);
    for (;;) {
        const qint64 n = in.read(buffer.data(), buffer.size());
        if (n < 0)
            return false;
        if (n == 0)
            return out.flush();
        if (out.write(buffer.constData(), n) != n)
            return false;
    }
}

// Makes everything extracted durable before the swap can point at it.
void syncFileSystemOf(const QString &path)
{
#ifdef Q_OS_LINUX
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::syncfs(fd);
        ::close(fd);
    }
#else
    Q_UNUSED(path);
#endif
}

} // namespace

OperationError RestoreJob::extract(const Installation &installation, RestoreJournal &journal)
{
    m_progress.phase = JobProgress::Phase::Extracting;
    m_progress.filesTotal = m_plan->filesToExtract();
    m_progress.bytesTotal = m_plan->bytesToExtract();
    report(true);
    const QString companiesPrefix
        = m_plan->system.code + u'/' + QStringView(InstallationLayout::companiesDirName) + u'/';
    // Which folders to make is decided as the copy is read (folderselection.h):
    // only folders are remembered, never the file list.
    QList<ManifestFolder> folders;
    QSet<QString> withContent;
    QSet<QString> needed;
    OperationError failure;
    bool stopped = false;
    // Files are created and written by worker threads while this one reads
    // and inflates the copy: creating and writing files is most of a
    // restore's time, and it runs beside the reading on another core.
    // Memory stays bounded: files wait in memory up to maxBytesInFlight.
    ExtractionQueue queue(maxBytesInFlight, maxFilesInFlight);
    std::atomic<qint64> filesWritten {0};
    std::atomic<qint64> bytesWritten {0};
    QMutex failureMutex;
    // The first failure wins: it stops reading and writing alike.
    auto fail = [&](OperationError error) {
        {
            QMutexLocker lock(&failureMutex);
            if (!failure)
                failure = std::move(error);
        }
        queue.stop();
    };
    auto cancelledError = [&] {
        return OperationError::failed(
            tr("The restore was cancelled. Nothing was changed in the installation."));
    };
    auto damagedError = [&](const QString &problem) {
        return OperationError::invalidCopy(
            tr("%1 is damaged and cannot be restored: %2. Nothing was changed in the "
               "installation. Use another copy.")
                .arg(m_copy->displayName(), problem));
    };
    // Creates the staged file of entry and has fill write its bytes into it
    // (false with problem set on failure), then gives it its mode and time.
    using Fill = std::function<bool(QIODevice & out, QString * problem)>;
    auto writeFile = [&](StagingWriter &writer, const ManifestEntry &entry,
                         const Fill &fill) -> OperationError {
        QFile out;
        QString problem;
        bool ok = writer.create(RestoreJournal::newPath(entry.realPath), out, &problem);
        SparseWriter sparse(out);
        ok = ok && fill(sparse, &problem);
        const bool writeFailed = ok ? !sparse.finish() || !applyMetadata(out.handle(), entry)
                                    : out.error() != QFileDevice::NoError || !out.isOpen();
        const int code = errno;
        ok = ok && !writeFailed;
        const bool full = !ok
            && ((writeFailed && code == ENOSPC) || FileSystem::isOutOfSpace(journal.stagingPath()));
        out.close();
        if (ok)
            return OperationError::none();
        if (isCancelled())
            return cancelledError();
        if (!writeFailed && !full)
            return damagedError(problem);
        if (problem.isEmpty())
            problem = qt_error_string(code);
        return OperationError::failed(
            full ? tr("The disk of the installation %1 became full while the copy was being "
                      "extracted. Nothing was changed in the installation. Free some space "
                      "and try again.")
                       .arg(QDir::toNativeSeparators(installation.rootPath()))
                 : tr("The copy could not be extracted into %1: %2. Nothing was changed in "
                      "the installation.")
                       .arg(QDir::toNativeSeparators(journal.stagingPath()), problem));
    };
    auto writeQueued = [&] {
        StagingWriter writer(installation.tree());
        while (auto job = queue.take()) {
            const qint64 bytes = job->data.size();
            const OperationError error
                = writeFile(writer, job->entry, [&](QIODevice &out, QString *problem) {
                      if (out.write(job->data) == bytes)
                          return true;
                      *problem = out.errorString();
                      return false;
                  });
            job.reset(); // its memory goes before its room is given back
            if (error) {
                fail(error);
                queue.done(bytes);
                return;
            }
            bytesWritten += bytes;
            ++filesWritten;
            crashPoint("restore-extract");
            queue.done(bytes);
        }
    };
    // Stops and joins the writers on every way out of this function.
    struct Writers
    {
        ExtractionQueue &queue;
        std::vector<std::unique_ptr<QThread>> threads;
        void join(bool stop)
        {
            if (stop)
                queue.stop();
            else
                queue.close();
            for (const auto &thread : threads)
                thread->wait();
            threads.clear();
        }
        ~Writers() { join(true); }
    } writers {queue, {}};
    for (int i = 0; i < std::max(1, QThread::idealThreadCount()); ++i) {
        writers.threads.emplace_back(QThread::create(writeQueued));
        writers.threads.back()->start();
    }
    auto refresh = [&] {
        m_progress.filesDone = filesWritten.load();
        m_progress.bytesDone = bytesWritten.load();
        return report();
    };
    // Gives up after a cancellation or a writer's failure (already recorded).
    auto giveUp = [&] {
        if (isCancelled())
            fail(cancelledError());
        return false;
    };
    StagingWriter inlineWriter(installation.tree());
    CopyReader &reader = m_copy->reader();
    const auto problems = reader.scan(
        [&](const ManifestEntry &entry) {
            if (m_plan->restoresFolderOf(entry.path))
                addAncestors(entry.path, &withContent);
            if (!m_plan->extracts(entry))
                return true;
            addAncestors(entry.path, &needed);
            if (entry.path.startsWith(companiesPrefix))
                m_progress.currentCompany
                    = entry.path.mid(companiesPrefix.size()).section(u'/', 0, 0);
            if (!refresh() || queue.isStopped())
                return giveUp();
            if (entry.size <= EntryInflater::wholeBufferLimit) {
                // Inflated and checked here, written by a worker.
                QByteArray data;
                QString problem;
                {
                    QBuffer buffer(&data);
                    buffer.open(QIODevice::WriteOnly);
                    data.reserve(entry.size);
                    if (!reader.extractEntry(entry, buffer, {}, &problem)) {
                        fail(damagedError(problem));
                        return false;
                    }
                }
                return queue.push({entry, std::move(data)}, refresh) || giveUp();
            }
            // A larger file is streamed from the copy into its file here, as
            // memory must not hold it, once every file handed over is written.
            if (!queue.waitUntilDrained(refresh))
                return giveUp();
            const OperationError error
                = writeFile(inlineWriter, entry, [&](QIODevice &out, QString *problem) {
                      return reader.extractEntry(
                          entry, out,
                          [&](qint64 bytes) {
                              bytesWritten += bytes;
                              return refresh();
                          },
                          problem);
                  });
            if (error) {
                fail(error);
                return false;
            }
            ++filesWritten;
            crashPoint("restore-extract");
            return true;
        },
        [&](const ManifestFolder &folder) {
            if (!m_plan->restoresFolderOf(folder.path))
                return;
            addAncestors(folder.path, &withContent);
            folders.append(folder);
        },
        &stopped);
    writers.join(false);
    m_progress.filesDone = filesWritten.load();
    m_progress.bytesDone = bytesWritten.load();
    if (failure) {
        journal.removeStaging();
        return failure;
    }
    if (!problems.isEmpty()) {
        journal.removeStaging();
        return OperationError::invalidCopy(
            tr("%1 is damaged and cannot be restored: %2 Nothing was changed in the "
               "installation. Use another copy.")
                .arg(m_copy->displayName(), problems.first().message));
    }
    for (const auto &folder : std::as_const(folders)) {
        if (!withContent.contains(folder.path) && m_plan->keepsEmptyFolder(folder.path)) {
            needed.insert(folder.path);
            addAncestors(folder.path, &needed);
        }
    }
    folders.removeIf([&](const ManifestFolder &folder) { return !needed.contains(folder.path); });
    m_progress.currentCompany.clear();
    report(true); // the extraction shown at its end, not at its last tick
    // Every byte is extracted; what follows (older tables carried over,
    // folders and their times, the file system flushed) has no measure and
    // can take seconds: a phase of its own, not a stale "99%".
    m_progress.phase = JobProgress::Phase::Saving;
    m_progress.filesDone = 0;
    m_progress.filesTotal = 0;
    m_progress.bytesDone = 0;
    m_progress.bytesTotal = 0;
    report(true);

    // Tables outside the operation (older than the year given) are carried
    // over from the installation into the staged folder of a replaced company.
    for (const auto &company : m_plan->companiesWith(RestorePlanCompany::Action::Replace)) {
        if (company.archiveFromYear <= 0)
            continue;
        const QString prefix
            = InstallationLayout::companyArchivePrefix(m_plan->system.code, company.code);
        const auto files = installation.filesBelow(
            InstallationLayout::companyRelativePath(m_plan->system.code, company.code));
        for (const auto &file : files) {
            if (classifyCompanyPath(QStringView(file.archivePath).mid(prefix.size()))
                    .isKeptFrom(company.archiveFromYear))
                continue;
            if (!linkOrCopy(installation.tree(), file.archivePath,
                            RestoreJournal::newPath(file.archivePath))) {
                journal.removeStaging();
                return OperationError::failed(
                    tr("%1 could not be kept for the restore. Nothing was changed in the "
                       "installation.")
                        .arg(QDir::toNativeSeparators(
                            installation.tree().filePath(file.archivePath))));
            }
        }
    }
    // A company restored with no file at all still gets its folder.
    for (const auto &company : m_plan->companies) {
        QString ignored;
        if (company.action == RestorePlanCompany::Action::Replace
            || company.action == RestorePlanCompany::Action::Add)
            installation.tree().makePath(
                RestoreJournal::newPath(
                    InstallationLayout::companyRelativePath(m_plan->system.code, company.code)),
                &ignored);
    }
    // Folders last, deepest first: creating what is inside a folder
    // changes its time, and a folder without write permission could not be
    // filled.
    std::sort(folders.begin(), folders.end(), [](const ManifestFolder &a, const ManifestFolder &b) {
        return a.realPath.count(u'/') > b.realPath.count(u'/');
    });
    for (const auto &folder : std::as_const(folders)) {
        const QString target = RestoreJournal::newPath(folder.realPath);
        QString problem;
        if (!installation.tree().makePath(target, &problem)
            || ((folder.mode >= 0 || folder.modified >= 0)
                && !installation.tree().setModeAndTime(
                    target, folder.mode >= 0 ? folder.mode & restorableModeBits : -1,
                    folder.modified, &problem))) {
            journal.removeStaging();
            return OperationError::failed(
                tr("The folder %1 could not be restored: %2. Nothing was changed in the "
                   "installation.")
                    .arg(DisplayText::displaySafe(
                             QDir::toNativeSeparators(installation.tree().filePath(target))),
                         problem));
        }
    }
    syncFileSystemOf(journal.stagingPath());
    return OperationError::none();
}

} // namespace Resguarda
