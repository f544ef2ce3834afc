// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "copy/entrycompressor.h"
#include "copy/manifest.h"

#include <QCoreApplication>
#include <QFile>
#include <QString>

#include <memory>

class QuaZip;

namespace Resguarda {

class RootedDir;

// Writes a copy: a standard ZIP with UTF-8 names, zip64 where an entry needs
// it, entries compressed by EntryCompressor and written in raw mode. It only
// writes the file it is given; choosing where, verifying and renaming over
// the previous copy is BackupJob's business.
class CopyWriter
{
    Q_DECLARE_TR_FUNCTIONS(CopyWriter)

public:
    explicit CopyWriter(const QString &path, int compressionLevel = 6);
    ~CopyWriter();
    CopyWriter(const CopyWriter &) = delete;
    CopyWriter &operator=(const CopyWriter &) = delete;

    // Takes fd, a new empty file opened for reading and writing (created by
    // the caller exclusively, never through a link), as the copy's file.
    bool open(int fd, QString *error);

    // What addFile() did with a file of the installation.
    enum class AddResult {
        Added,
        // The file could not be copied, and nothing of it is in the copy:
        // it is unreadable, vanished, or kept changing while it was read.
        // leftOutReason says which; the copy itself is still sound.
        LeftOut,
        // A large file changed after part of it was written: the copy
        // cannot go on, whatever is allowed; error says which file.
        SourceChanged,
        // The destination failed; error says why.
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
    // up to three times, before it is left out.
    AddResult addFile(const RootedDir &sourceDir, const QString &relativePath,
                      const QString &entryName, const EntryCompressor::Progress &progress,
                      CompressedEntry *result, FileMetadata *metadata,
                      ManifestLeftOut::Reason *leftOutReason, QString *error);
    // Adds a folder entry (entryName without the trailing '/'), so that
    // unzip and 7-Zip make empty folders too.
    bool addFolder(const QString &entryName, const FileMetadata &metadata, QString *error);
    bool addData(const QString &entryName, const QByteArray &data, CompressedEntry *result,
                 QString *error);
    // Writes the central directory and makes the file durable (fsync).
    bool finish(QString *error);
    // Closes without finishing; the caller removes the partial file.
    void abandon();

    QString path() const { return m_path; }
    qint64 bytesWritten() const { return m_file.isOpen() ? m_file.size() : 0; }
    // Whether the last failure came from the file's device being full.
    bool deviceFull() const { return m_deviceFull; }

private:
    bool addEntry(QIODevice &source, const QString &entryName, qint64 size, qint64 modified,
                  quint32 unixMode, const EntryCompressor::Progress &progress,
                  CompressedEntry *result, QString *error);
    bool openEntry(const QString &entryName, qint64 size, qint64 modified, quint32 unixMode,
                   int method, bool raw);
    QString deviceError() const;
    void noteDeviceError();

    QString m_path;
    QFile m_file;
    std::unique_ptr<QuaZip> m_zip;
    EntryCompressor m_compressor;
    int m_level;
    bool m_deviceFull = false;
    QByteArray m_readBuffer; // a small file, read whole before any byte is written
};

} // namespace Resguarda
