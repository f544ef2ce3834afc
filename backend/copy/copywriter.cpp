// SPDX-License-Identifier: GPL-3.0-or-later
#include "copy/copywriter.h"

#include "copy/zipversionfix.h"
#include "core/filesystem.h"
#include "core/rooteddir.h"

#include <QBuffer>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>

#include <quazip/quazip.h>
#include <quazip/zip.h>

#include <algorithm>
#include <cerrno>
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

quint32 unixMode(QFileDevice::Permissions permissions)
{
    quint32 mode = 0100000; // regular file
    const std::pair<QFileDevice::Permission, quint32> bits[] = {
        {QFileDevice::ReadOwner, 0400}, {QFileDevice::WriteOwner, 0200},
        {QFileDevice::ExeOwner, 0100},  {QFileDevice::ReadGroup, 040},
        {QFileDevice::WriteGroup, 020}, {QFileDevice::ExeGroup, 010},
        {QFileDevice::ReadOther, 04},   {QFileDevice::WriteOther, 02},
        {QFileDevice::ExeOther, 01},
    };
    for (const auto &[permission, bit] : bits) {
        if (permissions.testFlag(permission))
            mode |= bit;
    }
    return mode;
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

bool CopyWriter::addFile(const RootedDir &sourceDir, const QString &relativePath,
                         const QString &entryName, qint64 size,
                         const EntryCompressor::Progress &progress, CompressedEntry *result,
                         QString *error)
{
    const QString sourcePath = sourceDir.filePath(relativePath);
    QString problem;
    const int fd = sourceDir.openForReading(relativePath, &problem);
    QFile source;
    if (fd < 0 || !source.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        if (fd >= 0)
            problem = source.errorString();
        *error = tr("%1 could not be read: %2").arg(QDir::toNativeSeparators(sourcePath), problem);
        return false;
    }
    struct stat status
    {
    };
    ::fstat(fd, &status);
    const QDateTime modified = QDateTime::fromSecsSinceEpoch(status.st_mtim.tv_sec)
                                   .addMSecs(status.st_mtim.tv_nsec / 1000000);
    const auto permissions = QFileDevice::Permissions::fromInt(
        int(((status.st_mode & 0700) << 6) | ((status.st_mode & 0700) << 2)
            | ((status.st_mode & 070) << 1) | (status.st_mode & 07)));
    if (!addEntry(source, entryName, size, modified, permissions, progress, result, &problem)) {
        *error = tr("%1: %2").arg(QDir::toNativeSeparators(sourcePath), problem);
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
    return addEntry(buffer, entryName, data.size(), QDateTime::currentDateTime(),
                    QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                        | QFileDevice::ReadOther,
                    {}, result, error);
}

bool CopyWriter::addEntry(QIODevice &source, const QString &entryName, qint64 size,
                          const QDateTime &modified, QFileDevice::Permissions permissions,
                          const EntryCompressor::Progress &progress, CompressedEntry *result,
                          QString *error)
{
    if (!m_zip) {
        *error = tr("the copy is not open");
        return false;
    }
    // QuaZipFile's raw mode wants the CRC before the first byte, which a
    // streamed entry only knows at its end; minizip's own raw calls (on the
    // handle QuaZip documents for this) take it when the entry is closed.
    zipFile handle = m_zip->getZipFile();
    zip_fileinfo fileInfo {};
    const QDateTime local = modified.toLocalTime();
    const QDate date = local.date().year() < 1980 ? QDate(1980, 1, 1) : local.date();
    fileInfo.tmz_date.tm_year = uInt(date.year());
    fileInfo.tmz_date.tm_mon = uInt(date.month() - 1);
    fileInfo.tmz_date.tm_mday = uInt(date.day());
    fileInfo.tmz_date.tm_hour = uInt(local.time().hour());
    fileInfo.tmz_date.tm_min = uInt(local.time().minute());
    fileInfo.tmz_date.tm_sec = uInt(local.time().second());
    fileInfo.external_fa = uLong(unixMode(permissions)) << 16;
    const QByteArray name = entryName.toUtf8();
    const int zip64 = size >= zip64Threshold ? 1 : 0;

    bool opened = false;
    auto beforeWrite = [&](int method) {
        opened = zipOpenNewFileInZip4_64(handle, name.constData(), &fileInfo, nullptr, 0, nullptr,
                                         0, nullptr, method, m_level, 1, -MAX_WBITS, DEF_MEM_LEVEL,
                                         Z_DEFAULT_STRATEGY, nullptr, 0, versionMadeByUnix,
                                         ZIP_ENCODING_UTF8, zip64)
            == ZIP_OK;
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
