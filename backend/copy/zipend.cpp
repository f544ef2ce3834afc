// SPDX-License-Identifier: GPL-3.0-or-later
#include "copy/zipend.h"

#include "copy/zipformat.h"

#include <QFileDevice>
#include <QtEndian>

#include <algorithm>

namespace Resguarda {

namespace {

constexpr qint64 endRecordSize = ZipFormat::endSize;
constexpr qint64 maxCommentSize = ZipFormat::maxCommentSize;
constexpr qint64 zip64LocatorSize = ZipFormat::zip64LocatorSize;
constexpr qint64 zip64RecordSize = ZipFormat::zip64EndSize;
constexpr qint64 centralRecordSize = ZipFormat::centralHeaderSize;
// The manifest's central record: its name, the extended timestamp and at
// most a zip64 field; anything larger is not the record Resguarda wrote.
constexpr qint64 lastRecordWindow = 4096;

quint16 u16(const char *p)
{
    return qFromLittleEndian<quint16>(p);
}
quint32 u32(const char *p)
{
    return qFromLittleEndian<quint32>(p);
}
quint64 u64(const char *p)
{
    return qFromLittleEndian<quint64>(p);
}

QByteArray readAt(QFileDevice &file, qint64 offset, qint64 size)
{
    if (offset < 0 || !file.seek(offset))
        return {};
    return file.read(size);
}

} // namespace

std::optional<ZipEnd> ZipEnd::read(QFileDevice &file)
{
    const qint64 fileSize = file.size();
    if (fileSize < endRecordSize)
        return std::nullopt;
    const qint64 tailSize = std::min(fileSize, endRecordSize + maxCommentSize);
    const qint64 tailStart = fileSize - tailSize;
    const QByteArray tail = readAt(file, tailStart, tailSize);
    if (tail.size() != tailSize)
        return std::nullopt;
    // The record whose comment ends exactly at the end of the file: a copy
    // missing its last bytes has none.
    qint64 pos = tailSize - endRecordSize;
    for (; pos >= 0; --pos) {
        const char *p = tail.constData() + pos;
        if (u32(p) == ZipFormat::endSignature && pos + endRecordSize + u16(p + 20) == tailSize)
            break;
    }
    if (pos < 0)
        return std::nullopt;
    const char *record = tail.constData() + pos;
    const qint64 recordOffset = tailStart + pos;
    ZipEnd end;
    end.entries = u16(record + 10);
    end.directorySize = u32(record + 12);
    end.directoryOffset = u32(record + 16);
    end.comment = tail.mid(pos + endRecordSize);
    quint64 limit = quint64(recordOffset);
    if (end.entries == 0xffff || end.directorySize == 0xffffffff
        || end.directoryOffset == 0xffffffff) {
        const QByteArray locator = readAt(file, recordOffset - zip64LocatorSize, zip64LocatorSize);
        if (locator.size() != zip64LocatorSize
            || u32(locator.constData()) != ZipFormat::zip64LocatorSignature)
            return std::nullopt;
        const quint64 zip64Offset = u64(locator.constData() + 8);
        if (zip64Offset > quint64(recordOffset - zip64LocatorSize - zip64RecordSize))
            return std::nullopt;
        const QByteArray zip64 = readAt(file, qint64(zip64Offset), zip64RecordSize);
        if (zip64.size() != zip64RecordSize
            || u32(zip64.constData()) != ZipFormat::zip64EndSignature)
            return std::nullopt;
        end.entries = u64(zip64.constData() + 32);
        end.directorySize = u64(zip64.constData() + 40);
        end.directoryOffset = u64(zip64.constData() + 48);
        limit = zip64Offset;
    }
    if (end.directoryOffset > limit || end.directorySize > limit - end.directoryOffset
        || end.entries > end.directorySize / centralRecordSize)
        return std::nullopt;
    end.recordsOffset = limit;
    return end;
}

std::optional<quint64> ZipEnd::lastRecordNamed(QFileDevice &file, const QByteArray &lastName) const
{
    const quint64 window = std::min<quint64>(directorySize, lastRecordWindow);
    const quint64 directoryEnd = directoryOffset + directorySize;
    const QByteArray tail = readAt(file, qint64(directoryEnd - window), qint64(window));
    if (entries == 0 || quint64(tail.size()) != window)
        return std::nullopt;
    for (qint64 pos = qint64(window) - centralRecordSize; pos >= 0; --pos) {
        const char *p = tail.constData() + pos;
        if (u32(p) != ZipFormat::centralHeaderSignature)
            continue;
        const qint64 nameSize = u16(p + 28);
        const qint64 recordSize = centralRecordSize + nameSize + u16(p + 30) + u16(p + 32);
        if (pos + recordSize != qint64(window))
            continue;
        if (QByteArrayView(p + centralRecordSize, nameSize) == lastName)
            return directoryEnd - window + quint64(pos);
        return std::nullopt;
    }
    return std::nullopt;
}

} // namespace Resguarda
