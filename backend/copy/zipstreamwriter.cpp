// SPDX-License-Identifier: GPL-3.0-or-later
#include "copy/zipstreamwriter.h"

#include "copy/zipformat.h"

#include <QtEndian>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <limits>

#include <unistd.h>

namespace Resguarda {

namespace {

using namespace ZipFormat;
// "Made by" Unix, ZIP specification 6.3 (UTF-8 names): unzip then restores
// the permissions kept in the upper external attribute bits.
constexpr quint16 versionMadeByUnix = (3u << 8) | 63u;
// What an entry needs: 1.0 stored, 2.0 deflated, 4.5 zip64. Never more:
// Info-ZIP unzip 6.0 refuses an entry that claims to need 6.3.
constexpr quint16 versionStored = 10;
constexpr quint16 versionDeflated = 20;
constexpr quint16 versionZip64 = 45;
constexpr quint16 flagUtf8 = 0x0800;
constexpr quint16 extendedTimestampId = 0x5455;
constexpr quint16 zip64ExtraId = 0x0001;
constexpr int extendedTimestampSize = 9;
constexpr quint32 max32 = 0xFFFFFFFFu;
constexpr qsizetype outBufferSize = 1024 * 1024;
constexpr qsizetype spoolBufferSize = 256 * 1024;

bool hasTimestamp(qint64 modified)
{
    return modified >= 0 && modified <= std::numeric_limits<qint32>::max();
}

// The "extended timestamp" extra field (0x5455) with the modification time
// only: unzip and 7-Zip restore the time from it to the second, where the
// MS-DOS time of the header has two-second steps and no time zone.
void putTimestamp(QByteArray &out, qint64 modified)
{
    if (!hasTimestamp(modified))
        return;
    put16(out, extendedTimestampId);
    put16(out, 5);
    out.append(char(1)); // the modification time is present
    put32(out, quint32(modified));
}

quint16 generalFlags(const ZipStreamWriter::Entry &entry)
{
    quint16 flags = flagUtf8;
    // Bits 1 and 2 tell a deflated entry's compression level, as zip does.
    if (entry.method == 8) {
        if (entry.level >= 8)
            flags |= 2;
        else if (entry.level == 2)
            flags |= 4;
        else if (entry.level == 1)
            flags |= 6;
    }
    return flags;
}

ssize_t writeAll(int fd, const char *data, qint64 size)
{
    qint64 done = 0;
    while (done < size) {
        const ssize_t n = ::write(fd, data + done, size_t(size - done));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        if (n == 0) {
            errno = ENOSPC;
            return -1;
        }
        done += n;
    }
    return ssize_t(done);
}

} // namespace

ZipStreamWriter::ZipStreamWriter() = default;
ZipStreamWriter::~ZipStreamWriter() = default;

void ZipStreamWriter::open(int archiveFd, int spoolFd, const Limits &limits)
{
    m_fd = archiveFd;
    m_spoolFd = spoolFd;
    m_limits = limits;
    m_out.reserve(outBufferSize + 64 * 1024);
    m_spool.reserve(spoolBufferSize + 64 * 1024);
}

quint32 ZipStreamWriter::dosDateTime(qint64 seconds)
{
    const time_t time = time_t(std::max<qint64>(seconds, 0));
    struct tm local
    {
    };
    if (!::localtime_r(&time, &local))
        return (1u << 5 | 1u) << 16; // 1980-01-01 00:00
    int year = local.tm_year + 1900;
    int month = local.tm_mon + 1;
    int day = local.tm_mday;
    int hour = local.tm_hour;
    int minute = local.tm_min;
    int second = local.tm_sec;
    if (year < 1980) { // the MS-DOS epoch; the exact time is in the extra field
        year = 1980;
        month = 1;
        day = 1;
    } else if (year > 2107) {
        year = 2107;
        month = 12;
        day = 31;
        hour = 23;
        minute = 59;
        second = 58;
    }
    const quint32 date = quint32(day + 32 * month + 512 * (year - 1980));
    const quint32 clock = quint32(std::min(second, 59) / 2 + 32 * minute + 2048 * hour);
    return date << 16 | clock;
}

bool ZipStreamWriter::fail(int error)
{
    if (m_errno == 0)
        m_errno = error != 0 ? error : EIO;
    return false;
}

bool ZipStreamWriter::flushOut()
{
    if (m_errno)
        return false;
    if (!m_out.isEmpty() && writeAll(m_fd, m_out.constData(), m_out.size()) < 0)
        return fail(errno);
    m_outStart += m_out.size();
    m_out.resize(0);
    return true;
}

bool ZipStreamWriter::writeOut(const char *data, qint64 size)
{
    if (m_errno)
        return false;
    m_position += size;
    if (m_out.size() + size <= outBufferSize) {
        m_out.append(data, qsizetype(size));
        return true;
    }
    if (!flushOut())
        return false;
    if (size >= outBufferSize / 2) { // large pieces go straight out, without a copy
        if (writeAll(m_fd, data, size) < 0)
            return fail(errno);
        m_outStart += size;
        return true;
    }
    m_out.append(data, qsizetype(size));
    return true;
}

bool ZipStreamWriter::patchAt(qint64 offset, const char *data, qint64 size)
{
    if (m_errno)
        return false;
    if (offset >= m_outStart && offset + size <= m_outStart + m_out.size()) {
        std::memcpy(m_out.data() + (offset - m_outStart), data, size_t(size));
        return true;
    }
    if (offset + size > m_outStart && !flushOut())
        return false;
    qint64 done = 0;
    while (done < size) {
        const ssize_t n = ::pwrite(m_fd, data + done, size_t(size - done), off_t(offset + done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return fail(n < 0 ? errno : ENOSPC);
        done += n;
    }
    return true;
}

bool ZipStreamWriter::flushSpool()
{
    if (m_errno)
        return false;
    if (!m_spool.isEmpty() && writeAll(m_spoolFd, m_spool.constData(), m_spool.size()) < 0)
        return fail(errno);
    m_spoolSize += m_spool.size();
    m_spool.resize(0);
    return true;
}

bool ZipStreamWriter::spool(const char *data, qint64 size)
{
    m_spool.append(data, qsizetype(size));
    return m_spool.size() < spoolBufferSize || flushSpool();
}

QByteArray ZipStreamWriter::localHeader(const Entry &entry, quint32 crc32, qint64 uncompressedSize,
                                        qint64 compressedSize, bool zip64) const
{
    QByteArray header;
    header.reserve(localHeaderSize + entry.name.size() + extendedTimestampSize + 20);
    put32(header, localHeaderSignature);
    put16(header, zip64 ? versionZip64 : entry.method == 8 ? versionDeflated : versionStored);
    put16(header, generalFlags(entry));
    put16(header, quint16(entry.method));
    put32(header, dosDateTime(entry.modified));
    put32(header, crc32);
    // A zip64 local header keeps both sizes in its extra field (APPNOTE 4.5.3).
    put32(header, zip64 ? max32 : quint32(compressedSize));
    put32(header, zip64 ? max32 : quint32(uncompressedSize));
    put16(header, quint16(entry.name.size()));
    put16(header,
          quint16((hasTimestamp(entry.modified) ? extendedTimestampSize : 0) + (zip64 ? 20 : 0)));
    header.append(entry.name);
    putTimestamp(header, entry.modified);
    if (zip64) {
        put16(header, zip64ExtraId);
        put16(header, 16);
        put64(header, quint64(uncompressedSize));
        put64(header, quint64(compressedSize));
    }
    return header;
}

bool ZipStreamWriter::addCentralRecord(const Entry &entry, quint32 crc32, qint64 uncompressedSize,
                                       qint64 compressedSize, qint64 offset, bool localZip64)
{
    const bool bigUncompressed = quint64(uncompressedSize) >= m_limits.field32;
    const bool bigCompressed = quint64(compressedSize) >= m_limits.field32;
    const bool bigOffset = quint64(offset) >= m_limits.field32;
    const int zip64Size = 8 * (int(bigUncompressed) + int(bigCompressed) + int(bigOffset));
    const bool zip64 = localZip64 || zip64Size > 0;
    QByteArray &record = m_record;
    record.resize(0);
    put32(record, centralHeaderSignature);
    put16(record, versionMadeByUnix);
    put16(record, zip64 ? versionZip64 : entry.method == 8 ? versionDeflated : versionStored);
    put16(record, generalFlags(entry));
    put16(record, quint16(entry.method));
    put32(record, dosDateTime(entry.modified));
    put32(record, crc32);
    put32(record, bigCompressed ? max32 : quint32(compressedSize));
    put32(record, bigUncompressed ? max32 : quint32(uncompressedSize));
    put16(record, quint16(entry.name.size()));
    put16(record,
          quint16((hasTimestamp(entry.modified) ? extendedTimestampSize : 0)
                  + (zip64Size > 0 ? 4 + zip64Size : 0)));
    put16(record, 0); // comment
    put16(record, 0); // disk
    put16(record, 0); // internal attributes
    quint32 external = entry.unixMode << 16;
    if ((entry.unixMode & 0170000) == 0040000)
        external |= 0x10; // the MS-DOS directory attribute
    put32(record, external);
    put32(record, bigOffset ? max32 : quint32(offset));
    record.append(entry.name);
    putTimestamp(record, entry.modified);
    if (zip64Size > 0) {
        // Only the values that overflow, in this order (APPNOTE 4.5.3).
        put16(record, zip64ExtraId);
        put16(record, quint16(zip64Size));
        if (bigUncompressed)
            put64(record, quint64(uncompressedSize));
        if (bigCompressed)
            put64(record, quint64(compressedSize));
        if (bigOffset)
            put64(record, quint64(offset));
    }
    ++m_entries;
    return spool(record.constData(), record.size());
}

bool ZipStreamWriter::addEntry(const Entry &entry, quint32 crc32, qint64 uncompressedSize,
                               const char *data, qint64 compressedSize)
{
    if (m_errno)
        return false;
    if (entry.name.size() > 0xFFFF)
        return fail(ENAMETOOLONG);
    const bool zip64 = entry.expectedSize >= m_limits.localZip64Size
        || quint64(uncompressedSize) >= max32 || quint64(compressedSize) >= max32;
    const qint64 offset = m_position;
    const QByteArray header = localHeader(entry, crc32, uncompressedSize, compressedSize, zip64);
    return writeOut(header.constData(), header.size())
        && (compressedSize == 0 || writeOut(data, compressedSize))
        && addCentralRecord(entry, crc32, uncompressedSize, compressedSize, offset, zip64);
}

bool ZipStreamWriter::beginEntry(const Entry &entry)
{
    if (m_errno)
        return false;
    if (entry.name.size() > 0xFFFF)
        return fail(ENAMETOOLONG);
    m_current = entry;
    m_currentOffset = m_position;
    m_currentZip64 = entry.expectedSize >= m_limits.localZip64Size;
    const QByteArray header = localHeader(entry, 0, 0, 0, m_currentZip64);
    if (!writeOut(header.constData(), header.size()))
        return false;
    m_currentDataStart = m_position;
    return true;
}

bool ZipStreamWriter::writeData(const char *data, qint64 size)
{
    return size == 0 || writeOut(data, size);
}

bool ZipStreamWriter::endEntry(quint32 crc32, qint64 uncompressedSize)
{
    if (m_errno)
        return false;
    const qint64 compressedSize = m_position - m_currentDataStart;
    const qint64 offset = m_currentOffset;
    m_currentOffset = -1;
    // Without room for zip64 sizes in the local header, sizes of 4 GiB
    // cannot be recorded: the margin of localZip64Size makes this unreachable.
    if (!m_currentZip64 && (quint64(compressedSize) >= max32 || quint64(uncompressedSize) >= max32))
        return fail(EFBIG);
    char crc[4];
    qToLittleEndian(crc32, crc);
    if (!patchAt(offset + 14, crc, 4))
        return false;
    if (m_currentZip64) {
        char sizes[16];
        qToLittleEndian(quint64(uncompressedSize), sizes);
        qToLittleEndian(quint64(compressedSize), sizes + 8);
        const qint64 extra = offset + localHeaderSize + m_current.name.size()
            + (hasTimestamp(m_current.modified) ? extendedTimestampSize : 0) + 4;
        if (!patchAt(extra, sizes, 16))
            return false;
    } else {
        char sizes[8];
        qToLittleEndian(quint32(compressedSize), sizes);
        qToLittleEndian(quint32(uncompressedSize), sizes + 4);
        if (!patchAt(offset + 18, sizes, 8))
            return false;
    }
    return addCentralRecord(m_current, crc32, uncompressedSize, compressedSize, offset,
                            m_currentZip64);
}

bool ZipStreamWriter::finish()
{
    if (m_errno || !flushSpool())
        return false;
    const qint64 directoryOffset = m_position;
    if (::lseek(m_spoolFd, 0, SEEK_SET) != 0)
        return fail(errno);
    QByteArray buffer(outBufferSize, Qt::Uninitialized);
    qint64 copied = 0;
    while (copied < m_spoolSize) {
        const ssize_t n = ::read(m_spoolFd, buffer.data(),
                                 size_t(std::min<qint64>(buffer.size(), m_spoolSize - copied)));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return fail(n < 0 ? errno : EIO);
        if (!writeOut(buffer.constData(), n))
            return false;
        copied += n;
    }
    const qint64 directorySize = m_spoolSize;
    const bool manyEntries = m_entries >= m_limits.entries16;
    const bool bigSize = quint64(directorySize) >= m_limits.field32;
    const bool bigOffset = quint64(directoryOffset) >= m_limits.field32;
    QByteArray &end = m_record;
    end.resize(0);
    if (manyEntries || bigSize || bigOffset) {
        const qint64 zip64EndOffset = m_position;
        put32(end, zip64EndSignature);
        put64(end, 44); // the size of the rest of this record
        put16(end, versionMadeByUnix);
        put16(end, versionZip64);
        put32(end, 0); // this disk
        put32(end, 0); // the disk where the directory starts
        put64(end, m_entries); // on this disk
        put64(end, m_entries);
        put64(end, quint64(directorySize));
        put64(end, quint64(directoryOffset));
        put32(end, zip64LocatorSignature);
        put32(end, 0); // the disk with the zip64 end record
        put64(end, quint64(zip64EndOffset));
        put32(end, 1); // disks
    }
    put32(end, endSignature);
    put16(end, 0);
    put16(end, 0);
    put16(end, manyEntries ? 0xFFFF : quint16(m_entries));
    put16(end, manyEntries ? 0xFFFF : quint16(m_entries));
    put32(end, bigSize ? max32 : quint32(directorySize));
    put32(end, bigOffset ? max32 : quint32(directoryOffset));
    put16(end, 0); // no comment
    return writeOut(end.constData(), end.size()) && flushOut();
}

} // namespace Resguarda
