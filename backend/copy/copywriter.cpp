// SPDX-License-Identifier: GPL-3.0-or-later
#include "copy/copywriter.h"

#include "copy/zipversionfix.h"
#include "core/displaytext.h"
#include "core/filesystem.h"
#include "core/rooteddir.h"

#include <QBuffer>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QtEndian>

#include <quazip/quazip.h>
#include <quazip/zip.h>

#include <algorithm>
#include <cerrno>
#include <limits>
#include <utility>

#include <sys/stat.h>
#include <unistd.h>

namespace Resguarda {

namespace {

// Entries this large get zip64 headers; smaller ones keep the classic headers
// that every unzip understands. The margin covers deflate's worst-case growth.
constexpr qint64 zip64Threshold = Q_INT64_C(0xFFFFFFFF) - 64 * 1024 * 1024;
// "Made by" Unix, ZIP specification 6.3 (UTF-8 names): unzip then restores
// the permissions kept in the upper external attribute bits.
constexpr uLong versionMadeByUnix = (3u << 8) | 63u;

// How many times a file that changes while it is read is read again.
constexpr int readAttempts = 3;

// The "extended timestamp" extra field (0x5455) with the modification time
// only: unzip and 7-Zip restore the time from it to the second, where the
// MS-DOS time of the header has two-second steps and no time zone.
QByteArray extendedTimestamp(qint64 modified)
{
    if (modified < 0 || modified > std::numeric_limits<qint32>::max())
        return {};
    QByteArray field(9, '\0');
    auto *bytes = reinterpret_cast<uchar *>(field.data());
    qToLittleEndian<quint16>(0x5455, bytes);
    qToLittleEndian<quint16>(5, bytes + 2);
    bytes[4] = 1; // the modification time is present
    qToLittleEndian<quint32>(quint32(modified), bytes + 5);
    return field;
}

bool sameFile(const struct stat &a, const struct stat &b)
{
    return a.st_size == b.st_size && a.st_mtim.tv_sec == b.st_mtim.tv_sec
        && a.st_mtim.tv_nsec == b.st_mtim.tv_nsec && a.st_ino == b.st_ino;
}

} // namespace

CopyWriter::CopyWriter(const QString &path, int compressionLevel)
    : m_path(path)
    , m_compressor(compressionLevel)
    , m_level(compressionLevel)
{
}

CopyWriter::~CopyWriter()
{
    abandon();
}

bool CopyWriter::open(int fd, QString *error)
{
    // Read-write: finish() corrects the central directory in place.
    if (!m_file.open(fd, QIODevice::ReadWrite, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        *error = m_file.errorString();
        return false;
    }
    m_zip = std::make_unique<QuaZip>(&m_file);
    m_zip->setUtf8Enabled(true);
    // The output is seekable, so sizes and CRC go into each local header; a
    // data descriptor would only make streaming readers (a copy inside a
    // .tar read by libarchive) guess where stored entries end.
    m_zip->setDataDescriptorWritingEnabled(false);
    // The file is ours: QuaZip must not close it, so finish() can fsync it.
    m_zip->setAutoClose(false);
    if (!m_zip->open(QuaZip::mdCreate)) {
        *error = deviceError();
        m_zip.reset();
        return false;
    }
    return true;
}

QString CopyWriter::deviceError() const
{
    if (m_deviceFull)
        return tr("the disk is full");
    if (m_file.error() != QFileDevice::NoError)
        return m_file.errorString();
    return m_zip ? tr("ZIP error %1").arg(m_zip->getZipError()) : tr("the file is not open");
}

CopyWriter::AddResult CopyWriter::addFile(const RootedDir &sourceDir, const QString &relativePath,
                                          const QString &entryName,
                                          const EntryCompressor::Progress &progress,
                                          CompressedEntry *result, FileMetadata *metadata,
                                          ManifestLeftOut::Reason *leftOutReason, QString *error)
{
    const QString shownPath
        = DisplayText::displaySafe(QDir::toNativeSeparators(sourceDir.filePath(relativePath)));
    QString problem;
    const int fd = sourceDir.openForReading(relativePath, &problem);
    if (fd < 0) {
        *leftOutReason = errno == ENOENT ? ManifestLeftOut::Reason::Vanished
                                         : ManifestLeftOut::Reason::Unreadable;
        *error = problem;
        return AddResult::LeftOut;
    }
    QFile source;
    source.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle);
    auto leftOut = [&](ManifestLeftOut::Reason reason, const QString &why) {
        *leftOutReason = reason;
        *error = tr("%1: %2").arg(shownPath, why);
        return AddResult::LeftOut;
    };
    for (int attempt = 0; attempt < readAttempts; ++attempt) {
        struct stat before
        {
        };
        if (::fstat(fd, &before) != 0 || !source.seek(0))
            return leftOut(ManifestLeftOut::Reason::Unreadable, source.errorString());
        metadata->modified = before.st_mtim.tv_sec;
        metadata->mode = int(before.st_mode & 07777);
        const quint32 mode = S_IFREG | (before.st_mode & 07777);
        const qint64 size = before.st_size;
        if (size > EntryCompressor::wholeBufferLimit) {
            // Streamed: once its first bytes are in the copy there is no
            // reading it again, and a change makes the copy fail.
            const bool added = addEntry(source, entryName, size, before.st_mtim.tv_sec, mode,
                                        progress, result, &problem);
            struct stat after
            {
            };
            const bool changed = ::fstat(fd, &after) != 0 || !sameFile(before, after);
            if (!added && !changed) {
                *error = tr("%1: %2").arg(shownPath, problem);
                return AddResult::Failed;
            }
            if (changed) {
                *error = tr("%1 changed while it was being copied. Close the programs that use "
                            "it and make the copy again.")
                             .arg(shownPath);
                return AddResult::SourceChanged;
            }
            return AddResult::Added;
        }
        // Small: read whole, and written only if it did not change meanwhile.
        m_readBuffer.resize(size + 1);
        qint64 total = 0;
        for (;;) {
            const qint64 n = source.read(m_readBuffer.data() + total, m_readBuffer.size() - total);
            if (n < 0)
                return leftOut(ManifestLeftOut::Reason::Unreadable, source.errorString());
            total += n;
            if (n == 0 || total == m_readBuffer.size())
                break;
        }
        struct stat after
        {
        };
        if (::fstat(fd, &after) != 0)
            return leftOut(ManifestLeftOut::Reason::Unreadable, source.errorString());
        if (total != size || !sameFile(before, after))
            continue; // it changed while it was read: again
        QBuffer buffer;
        buffer.setData(m_readBuffer.constData(), size);
        buffer.open(QIODevice::ReadOnly);
        if (!addEntry(buffer, entryName, size, before.st_mtim.tv_sec, mode, progress, result,
                      &problem)) {
            *error = tr("%1: %2").arg(shownPath, problem);
            return AddResult::Failed;
        }
        return AddResult::Added;
    }
    return leftOut(ManifestLeftOut::Reason::Changed, tr("it kept changing while it was read"));
}

bool CopyWriter::addFolder(const QString &entryName, const FileMetadata &metadata, QString *error)
{
    if (!m_zip) {
        *error = tr("the copy is not open");
        return false;
    }
    const quint32 mode = S_IFDIR | quint32(std::max(metadata.mode, 0) & 07777);
    if (!openEntry(entryName + u'/', 0, metadata.modified, mode, 0, false)
        || zipCloseFileInZipRaw64(m_zip->getZipFile(), 0, 0) != ZIP_OK) {
        noteDeviceError();
        *error = deviceError();
        return false;
    }
    return true;
}

bool CopyWriter::addData(const QString &entryName, const QByteArray &data, CompressedEntry *result,
                         QString *error)
{
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    return addEntry(buffer, entryName, data.size(), QDateTime::currentSecsSinceEpoch(),
                    S_IFREG | 0644, {}, result, error);
}

bool CopyWriter::openEntry(const QString &entryName, qint64 size, qint64 modified, quint32 unixMode,
                           int method, bool raw)
{
    zip_fileinfo fileInfo {};
    const QDateTime local = QDateTime::fromSecsSinceEpoch(std::max<qint64>(modified, 0));
    const QDate date = local.date().year() < 1980 ? QDate(1980, 1, 1) : local.date();
    fileInfo.tmz_date.tm_year = uInt(date.year());
    fileInfo.tmz_date.tm_mon = uInt(date.month() - 1);
    fileInfo.tmz_date.tm_mday = uInt(date.day());
    fileInfo.tmz_date.tm_hour = uInt(local.time().hour());
    fileInfo.tmz_date.tm_min = uInt(local.time().minute());
    fileInfo.tmz_date.tm_sec = uInt(local.time().second());
    fileInfo.external_fa = uLong(unixMode) << 16;
    if ((unixMode & S_IFMT) == S_IFDIR)
        fileInfo.external_fa |= 0x10; // the MS-DOS directory attribute
    // Entry names are valid UTF-8 by construction (copy/zipnames.h).
    const QByteArray name = entryName.toUtf8();
    const QByteArray timestamp = extendedTimestamp(modified);
    const int zip64 = size >= zip64Threshold ? 1 : 0;
    return zipOpenNewFileInZip4_64(
               m_zip->getZipFile(), name.constData(), &fileInfo, timestamp.constData(),
               uInt(timestamp.size()), timestamp.constData(), uInt(timestamp.size()), nullptr,
               method, m_level, raw ? 1 : 0, -MAX_WBITS, DEF_MEM_LEVEL, Z_DEFAULT_STRATEGY, nullptr,
               0, versionMadeByUnix, ZIP_ENCODING_UTF8, zip64)
        == ZIP_OK;
}

bool CopyWriter::addEntry(QIODevice &source, const QString &entryName, qint64 size, qint64 modified,
                          quint32 unixMode, const EntryCompressor::Progress &progress,
                          CompressedEntry *result, QString *error)
{
    if (!m_zip) {
        *error = tr("the copy is not open");
        return false;
    }
    // QuaZipFile's raw mode wants the CRC before the first byte, which a
    // streamed entry only knows at its end; minizip's own raw calls (on the
    // handle QuaZip documents for this) take it when the entry is closed.
    zipFile handle = m_zip->getZipFile();
    bool opened = false;
    auto beforeWrite = [&](int method) {
        opened = openEntry(entryName, size, modified, unixMode, method, true);
        return opened;
    };
    auto sink = [&](const char *data, qint64 length) {
        // zipWriteInFileInZip takes an unsigned length: feed it in slices.
        while (length > 0) {
            const unsigned slice = unsigned(std::min<qint64>(length, 64 * 1024 * 1024));
            if (zipWriteInFileInZip(handle, data, slice) != ZIP_OK) {
                noteDeviceError();
                return false;
            }
            data += slice;
            length -= slice;
        }
        return true;
    };
    if (!m_compressor.compress(source, size, beforeWrite, sink, progress, result, error)) {
        if (m_deviceFull || m_file.error() != QFileDevice::NoError)
            *error = deviceError();
        if (opened)
            zipCloseFileInZipRaw64(handle, 0, 0);
        return false;
    }
    if (zipCloseFileInZipRaw64(handle, ZPOS64_T(result->uncompressedSize), uLong(result->crc32))
        != ZIP_OK) {
        noteDeviceError();
        *error = deviceError();
        return false;
    }
    return true;
}

void CopyWriter::noteDeviceError()
{
    m_deviceFull = m_deviceFull || errno == ENOSPC || FileSystem::availableBytes(m_path) == 0;
}

bool CopyWriter::finish(QString *error)
{
    if (!m_zip) {
        *error = tr("the copy is not open");
        return false;
    }
    m_zip->close();
    const int zipError = m_zip->getZipError();
    m_zip.reset();
    if (zipError != 0 || m_file.error() != QFileDevice::NoError) {
        noteDeviceError();
        *error = m_deviceFull ? tr("the disk is full") : m_file.errorString();
        return false;
    }
    if (!fixZip64VersionFields(m_file, versionMadeByUnix)) {
        *error = m_file.error() != QFileDevice::NoError
            ? m_file.errorString()
            : tr("the ZIP directory could not be completed");
        return false;
    }
    if (!FileSystem::syncFile(m_file)) {
        noteDeviceError();
        *error = m_deviceFull ? tr("the disk is full")
                              : tr("the data could not be written to the disk");
        return false;
    }
    FileSystem::dropCachedPages(m_file);
    m_file.close();
    return true;
}

void CopyWriter::abandon()
{
    if (m_zip) {
        m_zip->close();
        m_zip.reset();
    }
    if (m_file.isOpen())
        m_file.close();
}

} // namespace Resguarda
