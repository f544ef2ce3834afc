// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "copy/entrycompressor.h"
#include "copy/manifest.h"
#include "copy/zipstreamwriter.h"

#include <QCoreApplication>
#include <QFile>
#include <QString>

#include <memory>
#include <vector>

namespace Resguarda {

class CompressionQueue;
struct CompressionTask;
class RootedDir;

// Writes a copy: a standard ZIP with UTF-8 names, zip64 where an entry needs
// it (ZipStreamWriter), entries compressed on every core (CompressionQueue)
// and written strictly in the order they were added. It only writes the file
// it is given; choosing where, verifying and renaming over the previous copy
// is BackupJob's business.
//
// Files are read on the calling thread (so whether a file is left out, or
// changed while it was read, is known when addFile() returns), then
// compressed by workers and written later: a failure to write an entry
// already accepted is reported by a later call (addFile, addFolder, addData
// or finish). What is read and not yet written stays within a fixed budget
// (maxBytesInFlight) whatever the file sizes and however many files there are.
class CopyWriter
{
    Q_DECLARE_TR_FUNCTIONS(CopyWriter)

public:
    // Read but not yet written: at most this many bytes of file data (the
    // compressed output adds at most as much again, usually a quarter).
    static constexpr qint64 maxBytesInFlight = 32 * 1024 * 1024;

    explicit CopyWriter(const QString &path, int compressionLevel = 6);
    ~CopyWriter();
    CopyWriter(const CopyWriter &) = delete;
    CopyWriter &operator=(const CopyWriter &) = delete;

    // Takes fd, a new empty file opened for reading and writing (created by
    // the caller exclusively in folder, never through a link), as the
    // copy's file. The central directory is spooled to a file created the
    // same way in folder and removed at once, so nothing of it outlives
    // the process.
    bool open(int fd, const RootedDir &folder, QString *error);

    // What addFile() did with a file of the installation.
    enum class AddResult {
        // Read and queued: it will be written unless the destination fails
        // (which a later call reports).
        Added,
        // The file could not be copied, and nothing of it is in the copy:
        // it is unreadable, vanished, or kept changing while it was read.
        // leftOutReason says which; the copy itself is still sound.
        LeftOut,
        // A large file changed after part of it was queued: the copy
        // cannot go on, whatever is allowed; error says which file.
        SourceChanged,
        // The destination failed (for this file or one added before), or
        // the copy was cancelled; error says why.
        Failed,
    };
    struct FileMetadata
    {
        qint64 modified = -1; // seconds since the epoch
        int mode = -1; // permission bits (07777)
    };
    // Adds the file at relativePath below sourceDir (opened without
    // following links) as entryName, with the size, time and mode it has
    // when it is read. A file that changes while it is read is read again,
    // up to three times, before it is left out. On Added, result holds the
    // uncompressed size and the CRC-32 (both computed while reading);
    // method and compressedSize stay 0, as the entry may not be written yet.
    // progress is called on this thread, with the bytes read.
    AddResult addFile(const RootedDir &sourceDir, const QString &relativePath,
                      const QString &entryName, const EntryCompressor::Progress &progress,
                      CompressedEntry *result, FileMetadata *metadata,
                      ManifestLeftOut::Reason *leftOutReason, QString *error);
    // Adds a folder entry (entryName without the trailing '/'), so that
    // unzip and 7-Zip make empty folders too.
    bool addFolder(const QString &entryName, const FileMetadata &metadata, QString *error);
    // Adds an entry holding data (the manifest), like addFile().
    bool addData(const QString &entryName, const QByteArray &data, CompressedEntry *result,
                 QString *error);
    // Writes every queued entry, then the central directory, and makes the
    // file durable (fsync).
    bool finish(QString *error);
    // Stops the workers and closes without finishing; the caller removes
    // the partial file.
    void abandon();

    QString path() const { return m_path; }
    qint64 bytesWritten() const { return m_zip.position(); }
    // Whether the last failure came from the file's device being full.
    bool deviceFull() const { return m_deviceFull; }

    // Tests only, before open(): lower zip64 thresholds, and the number of
    // compression threads (QThread::idealThreadCount() otherwise).
    void setZipLimits(const ZipStreamWriter::Limits &limits) { m_limits = limits; }
    void setWorkerCount(int workers) { m_workers = workers; }
    // Before open(): the file is a scratch file that lives only as long as
    // the process (a protected copy's plain stage), so finish() does not
    // sync it to the disk nor drop it from the cache: it is read again at
    // once, and never needs to survive a crash.
    void setScratch(bool scratch) { m_scratch = scratch; }

private:
    AddResult addStreamed(int fd, const struct stat &before, const QString &entryName,
                          const EntryCompressor::Progress &progress, CompressedEntry *result,
                          QString *problem, bool *changed);
    ZipStreamWriter::Entry entryHeader(const QString &entryName, qint64 modified, quint32 unixMode,
                                       qint64 size) const;
    std::unique_ptr<CompressionTask> newTask();
    CompressionTask &batch();
    // Queues the entries gathered so far.
    void submitBatch();
    void submit(std::unique_ptr<CompressionTask> task);
    // Writes the finished tasks, in order, and waits for more until fewer
    // than maxTasks are queued and extraBytes more fit maxBytesInFlight.
    void writeFinished(int maxTasks, qint64 extraBytes);
    void writeTask(CompressionTask &task);
    bool checkWritable(QString *error);
    void noteWriteFailure();
    QString deviceError() const;

    QString m_path;
    QFile m_file;
    int m_spoolFd = -1;
    ZipStreamWriter m_zip;
    ZipStreamWriter::Limits m_limits;
    int m_level;
    int m_workers = 0;
    std::unique_ptr<CompressionQueue> m_queue;
    std::unique_ptr<CompressionTask> m_batch; // small entries not queued yet
    std::vector<std::unique_ptr<CompressionTask>> m_spare; // reused tasks
    QByteArray m_dictionary; // the end of the last chunk of a streamed file
    bool m_open = false;
    bool m_scratch = false;
    bool m_deviceFull = false;
    QString m_failure; // why the copy cannot be completed any more
};

} // namespace Resguarda
