// SPDX-License-Identifier: GPL-3.0-or-later
#include "copy/copywriter.h"

#include "copy/compressionqueue.h"
#include "core/displaytext.h"
#include "core/filesystem.h"
#include "core/rooteddir.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QThread>

#include <algorithm>
#include <cerrno>
#include <utility>

#include <sys/stat.h>
#include <unistd.h>

namespace Resguarda {

namespace {

// How many times a file that changes while it is read is read again.
constexpr int readAttempts = 3;
// Small entries travel to the workers in batches of about this much data
// (or this many entries), so that a million tiny files cost a few thousand
// hand-overs between threads, not a million.
constexpr qint64 batchBytes = 256 * 1024;
constexpr std::size_t batchEntries = 256;
// Tasks queued per worker: enough to keep every core busy while this
// thread reads the next files, few enough to keep memory flat.
constexpr int tasksPerWorker = 4;

bool sameFile(const struct stat &a, const struct stat &b)
{
    return a.st_size == b.st_size && a.st_mtim.tv_sec == b.st_mtim.tv_sec
        && a.st_mtim.tv_nsec == b.st_mtim.tv_nsec && a.st_ino == b.st_ino;
}

// Reads up to size bytes at offset; -1 with errno on an error.
qint64 readAt(int fd, char *buffer, qint64 size, qint64 offset)
{
    qint64 total = 0;
    while (total < size) {
        const ssize_t n = ::pread(fd, buffer + total, size_t(size - total), off_t(offset + total));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        if (n == 0)
            break;
        total += n;
    }
    return total;
}

struct FdCloser
{
    int fd;
    ~FdCloser() { ::close(fd); }
};

} // namespace

CopyWriter::CopyWriter(const QString &path, int compressionLevel)
    : m_path(path)
    , m_level(compressionLevel)
{
}

CopyWriter::~CopyWriter()
{
    abandon();
}

bool CopyWriter::open(int fd, const RootedDir &folder, QString *error)
{
    if (!m_file.open(fd, QIODevice::ReadWrite, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        *error = m_file.errorString();
        return false;
    }
    // The spool is named like the partial file, so that a run killed before
    // it is removed leaves something the next run clears.
    const QString partialName = QFileInfo(m_path).fileName();
    const qsizetype dot = partialName.lastIndexOf(u'.');
    const QString stem = dot > 0 ? partialName.left(dot) : partialName;
    const QString suffix = dot > 0 ? partialName.mid(dot) : QString();
    for (int attempt = 0; attempt < 16 && m_spoolFd < 0; ++attempt) {
        const QString name = stem
            + QStringLiteral(".directory-%1")
                  .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'))
            + suffix;
        QString problem;
        m_spoolFd = folder.createFile(name, 0600, &problem);
        if (m_spoolFd >= 0) {
            folder.removeFile(name, &problem);
        } else if (errno != EEXIST) {
            m_deviceFull = errno == ENOSPC;
            *error = m_deviceFull ? tr("the disk is full") : problem;
            m_file.close();
            return false;
        }
    }
    if (m_spoolFd < 0) {
        *error = qt_error_string(EEXIST);
        m_file.close();
        return false;
    }
    const int workers = m_workers > 0 ? m_workers : std::max(QThread::idealThreadCount(), 1);
    m_workers = workers;
    m_zip.open(m_file.handle(), m_spoolFd, m_limits);
    m_queue = std::make_unique<CompressionQueue>(m_level, workers);
    m_open = true;
    return true;
}

QString CopyWriter::deviceError() const
{
    if (m_deviceFull)
        return tr("the disk is full");
    return qt_error_string(m_zip.error());
}

void CopyWriter::noteWriteFailure()
{
    if (!m_failure.isEmpty())
        return;
    m_deviceFull
        = m_deviceFull || m_zip.error() == ENOSPC || FileSystem::availableBytes(m_path) == 0;
    m_failure = deviceError();
}

bool CopyWriter::checkWritable(QString *error)
{
    if (!m_open) {
        *error = tr("the copy is not open");
        return false;
    }
    if (!m_failure.isEmpty()) {
        *error = m_failure;
        return false;
    }
    return true;
}

ZipStreamWriter::Entry CopyWriter::entryHeader(const QString &entryName, qint64 modified,
                                               quint32 unixMode, qint64 size) const
{
    ZipStreamWriter::Entry entry;
    // Entry names are valid UTF-8 by construction (copy/zipnames.h).
    entry.name = entryName.toUtf8();
    entry.modified = modified;
    entry.unixMode = unixMode;
    entry.level = m_level;
    entry.expectedSize = size;
    return entry;
}

std::unique_ptr<CompressionTask> CopyWriter::newTask()
{
    if (m_spare.empty())
        return std::make_unique<CompressionTask>();
    auto task = std::move(m_spare.back());
    m_spare.pop_back();
    return task;
}

CompressionTask &CopyWriter::batch()
{
    if (!m_batch)
        m_batch = newTask();
    return *m_batch;
}

void CopyWriter::submitBatch()
{
    if (m_batch && !m_batch->items.empty())
        submit(std::move(m_batch));
}

void CopyWriter::submit(std::unique_ptr<CompressionTask> task)
{
    writeFinished(tasksPerWorker * m_workers, task->input.size());
    m_queue->push(std::move(task));
    writeFinished(tasksPerWorker * m_workers, 0);
}

void CopyWriter::writeFinished(int maxTasks, qint64 extraBytes)
{
    for (;;) {
        // Over the budget, this thread waits for the oldest task (the
        // workers are busy with it, or with the ones after it); within it,
        // it only writes what is finished already.
        const int queued = m_queue->size();
        const bool over = queued > 0
            && (queued >= maxTasks || m_queue->bytes() + extraBytes > maxBytesInFlight);
        auto task = m_queue->takeFinished(over);
        if (!task)
            return;
        writeTask(*task);
        task->clear();
        if (m_spare.size() < std::size_t(tasksPerWorker * m_workers + 2))
            m_spare.push_back(std::move(task));
    }
}

void CopyWriter::writeTask(CompressionTask &task)
{
    if (!m_failure.isEmpty())
        return; // the copy is lost already: nothing more is written
    if (!task.ok) {
        m_failure = tr("the compressor failed");
        return;
    }
    if (task.kind == CompressionTask::Kind::Entries) {
        for (const auto &item : task.items) {
            const char *data = item.entry.method == 8 ? task.output.constData() + item.outputOffset
                                                      : task.input.constData() + item.inputOffset;
            if (!m_zip.addEntry(item.entry, item.crc32, item.size, data, item.compressedSize))
                break;
        }
    } else {
        if (task.first)
            m_zip.beginEntry(task.entry);
        m_zip.writeData(task.output.constData(), task.output.size());
        if (task.last)
            m_zip.endEntry(task.crc32, task.totalSize);
    }
    if (m_zip.failed())
        noteWriteFailure();
}

CopyWriter::AddResult CopyWriter::addFile(const RootedDir &sourceDir, const QString &relativePath,
                                          const QString &entryName,
                                          const EntryCompressor::Progress &progress,
                                          CompressedEntry *result, FileMetadata *metadata,
                                          ManifestLeftOut::Reason *leftOutReason, QString *error)
{
    if (!checkWritable(error))
        return AddResult::Failed;
    QString problem;
    const int fd = sourceDir.openForReading(relativePath, &problem);
    if (fd < 0) {
        *leftOutReason = errno == ENOENT ? ManifestLeftOut::Reason::Vanished
                                         : ManifestLeftOut::Reason::Unreadable;
        *error = problem;
        return AddResult::LeftOut;
    }
    const FdCloser closer {fd};
    // Built only when something is said about the file.
    auto shownPath = [&] {
        return DisplayText::displaySafe(QDir::toNativeSeparators(sourceDir.filePath(relativePath)));
    };
    auto leftOut = [&](ManifestLeftOut::Reason reason, const QString &why) {
        *leftOutReason = reason;
        *error = tr("%1: %2").arg(shownPath(), why);
        return AddResult::LeftOut;
    };
    for (int attempt = 0; attempt < readAttempts; ++attempt) {
        struct stat before
        {
        };
        if (::fstat(fd, &before) != 0)
            return leftOut(ManifestLeftOut::Reason::Unreadable, qt_error_string(errno));
        metadata->modified = before.st_mtim.tv_sec;
        metadata->mode = int(before.st_mode & 07777);
        const quint32 mode = S_IFREG | (before.st_mode & 07777);
        const qint64 size = before.st_size;
        if (size > EntryCompressor::wholeBufferLimit) {
            // Streamed: once its first bytes are queued there is no reading
            // it again, and a change makes the copy fail.
            bool changed = false;
            const AddResult added
                = addStreamed(fd, before, entryName, progress, result, &problem, &changed);
            if (changed) {
                *error = tr("%1 changed while it was being copied. Close the programs that use "
                            "it and make the copy again.")
                             .arg(shownPath());
                return AddResult::SourceChanged;
            }
            if (added != AddResult::Added)
                *error = tr("%1: %2").arg(shownPath(), problem);
            return added;
        }
        // Small: read whole into the batch, and queued only if it did not
        // change meanwhile. Room is made first, so that what is read and not
        // yet written stays within the budget.
        if (m_batch && m_batch->input.size() + size > batchBytes)
            submitBatch();
        writeFinished(tasksPerWorker * m_workers, (m_batch ? m_batch->input.size() : 0) + size);
        if (!checkWritable(error))
            return AddResult::Failed;
        CompressionTask &task = batch();
        const qint64 offset = task.input.size();
        // One byte more than expected detects a file that grew.
        task.input.resize(offset + size + 1);
        const qint64 got = readAt(fd, task.input.data() + offset, size + 1, 0);
        if (got < 0) {
            const int code = errno;
            task.input.resize(offset);
            return leftOut(ManifestLeftOut::Reason::Unreadable, qt_error_string(code));
        }
        struct stat after
        {
        };
        if (::fstat(fd, &after) != 0) {
            const int code = errno;
            task.input.resize(offset);
            return leftOut(ManifestLeftOut::Reason::Unreadable, qt_error_string(code));
        }
        if (got != size || !sameFile(before, after)) {
            task.input.resize(offset);
            continue; // it changed while it was read: again
        }
        task.input.resize(offset + size);
        if (progress && !progress(size)) {
            task.input.resize(offset);
            *error = tr("%1: %2").arg(shownPath(), tr("cancelled"));
            return AddResult::Failed;
        }
        CompressionTask::Item item;
        item.entry = entryHeader(entryName, before.st_mtim.tv_sec, mode, size);
        item.crc32 = EntryCompressor::crc32(0, task.input.constData() + offset, size);
        item.size = size;
        item.inputOffset = offset;
        *result = {};
        result->uncompressedSize = size;
        result->crc32 = item.crc32;
        task.items.push_back(std::move(item));
        if (task.input.size() >= batchBytes || task.items.size() >= batchEntries)
            submitBatch();
        return checkWritable(error) ? AddResult::Added : AddResult::Failed;
    }
    return leftOut(ManifestLeftOut::Reason::Changed, tr("it kept changing while it was read"));
}

CopyWriter::AddResult CopyWriter::addStreamed(int fd, const struct stat &before,
                                              const QString &entryName,
                                              const EntryCompressor::Progress &progress,
                                              CompressedEntry *result, QString *problem,
                                              bool *changed)
{
    // Whatever came before goes first: entries are written in order.
    submitBatch();
    const qint64 size = before.st_size;
    ZipStreamWriter::Entry entry
        = entryHeader(entryName, before.st_mtim.tv_sec, S_IFREG | (before.st_mode & 07777), size);
    entry.method = 8;
    quint32 crc = 0;
    qint64 total = 0;
    // Once part of the entry is queued, a failure leaves it unfinished: the
    // copy cannot be completed any more.
    auto abort = [&](const QString &why) {
        if (total > 0 && m_failure.isEmpty())
            m_failure = why;
        *problem = why;
        return AddResult::Failed;
    };
    while (total < size) {
        const qint64 want = std::min(EntryCompressor::streamChunk, size - total);
        writeFinished(tasksPerWorker * m_workers, want);
        if (!m_failure.isEmpty()) {
            *problem = m_failure;
            return AddResult::Failed;
        }
        auto task = newTask();
        task->kind = CompressionTask::Kind::Chunk;
        task->input.resize(want);
        const qint64 got = readAt(fd, task->input.data(), want, total);
        if (got < 0)
            return abort(qt_error_string(errno));
        if (got != want) { // it shrank
            *changed = true;
            abort(tr("the file changed size while it was being copied"));
            return AddResult::SourceChanged;
        }
        crc = EntryCompressor::crc32(crc, task->input.constData(), got);
        if (progress && !progress(got))
            return abort(tr("cancelled"));
        // The first chunk starts the stream with an empty window.
        task->first = total == 0;
        if (task->first)
            task->entry = entry;
        task->dictionary = task->first ? QByteArray() : m_dictionary;
        total += got;
        task->last = total == size;
        // Every chunk but the last is a whole streamChunk, far longer than
        // the window; the last needs no successor.
        if (!task->last)
            m_dictionary
                = QByteArray(task->input.constData() + want - EntryCompressor::dictionarySize,
                             EntryCompressor::dictionarySize);
        if (task->last) {
            task->crc32 = crc;
            task->totalSize = total;
        }
        submit(std::move(task));
    }
    m_dictionary = QByteArray();
    struct stat after
    {
    };
    if (::fstat(fd, &after) != 0 || !sameFile(before, after)) {
        *changed = true;
        abort(tr("the file changed size while it was being copied"));
        return AddResult::SourceChanged;
    }
    *result = {};
    result->uncompressedSize = size;
    result->crc32 = crc;
    if (!m_failure.isEmpty()) {
        *problem = m_failure;
        return AddResult::Failed;
    }
    return AddResult::Added;
}

bool CopyWriter::addFolder(const QString &entryName, const FileMetadata &metadata, QString *error)
{
    if (!checkWritable(error))
        return false;
    CompressionTask &task = batch();
    CompressionTask::Item item;
    item.entry = entryHeader(entryName + u'/', metadata.modified,
                             S_IFDIR | quint32(std::max(metadata.mode, 0) & 07777), 0);
    item.inputOffset = task.input.size();
    task.items.push_back(std::move(item));
    if (task.items.size() >= batchEntries)
        submitBatch();
    return checkWritable(error);
}

bool CopyWriter::addData(const QString &entryName, const QByteArray &data, CompressedEntry *result,
                         QString *error)
{
    if (!checkWritable(error))
        return false;
    if (m_batch && m_batch->input.size() + data.size() > batchBytes)
        submitBatch();
    writeFinished(tasksPerWorker * m_workers, (m_batch ? m_batch->input.size() : 0) + data.size());
    if (!checkWritable(error))
        return false;
    CompressionTask &task = batch();
    CompressionTask::Item item;
    item.entry
        = entryHeader(entryName, QDateTime::currentSecsSinceEpoch(), S_IFREG | 0644, data.size());
    item.crc32 = EntryCompressor::crc32(0, data.constData(), data.size());
    item.size = data.size();
    item.inputOffset = task.input.size();
    task.input.append(data);
    *result = {};
    result->uncompressedSize = data.size();
    result->crc32 = item.crc32;
    task.items.push_back(std::move(item));
    if (task.input.size() >= batchBytes || task.items.size() >= batchEntries)
        submitBatch();
    return checkWritable(error);
}

bool CopyWriter::finish(QString *error)
{
    if (!checkWritable(error))
        return false;
    submitBatch();
    writeFinished(0, 0);
    if (!checkWritable(error))
        return false;
    m_queue.reset();
    if (!m_zip.finish()) {
        noteWriteFailure();
        *error = m_failure;
        return false;
    }
    if (m_scratch) {
        m_file.flush();
        abandon();
        return true;
    }
    if (!FileSystem::syncFile(m_file)) {
        m_deviceFull = m_deviceFull || errno == ENOSPC || FileSystem::availableBytes(m_path) == 0;
        *error = m_deviceFull ? tr("the disk is full")
                              : tr("the data could not be written to the disk");
        m_failure = *error;
        return false;
    }
    FileSystem::dropCachedPages(m_file);
    abandon();
    return true;
}

void CopyWriter::abandon()
{
    m_queue.reset(); // stops the workers; what they held is dropped
    m_batch.reset();
    m_spare.clear();
    if (m_spoolFd >= 0) {
        ::close(m_spoolFd);
        m_spoolFd = -1;
    }
    if (m_file.isOpen())
        m_file.close();
    m_open = false;
}

} // namespace Resguarda
