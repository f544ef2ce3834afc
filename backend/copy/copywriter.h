// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "copy/entrycompressor.h"

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
    // Adds the file at relativePath below sourceDir (opened without
    // following links) as entryName; size is the size it had when listed
    // (a file that changes size meanwhile is an error).
    bool addFile(const RootedDir &sourceDir, const QString &relativePath, const QString &entryName,
                 qint64 size, const EntryCompressor::Progress &progress, CompressedEntry *result,
                 QString *error);
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
    bool addEntry(QIODevice &source, const QString &entryName, qint64 size,
                  const QDateTime &modified, QFileDevice::Permissions permissions,
                  const EntryCompressor::Progress &progress, CompressedEntry *result,
                  QString *error);
    QString deviceError() const;
    void noteDeviceError();

    QString m_path;
    QFile m_file;
    std::unique_ptr<QuaZip> m_zip;
    EntryCompressor m_compressor;
    int m_level;
    bool m_deviceFull = false;
};

} // namespace Resguarda
