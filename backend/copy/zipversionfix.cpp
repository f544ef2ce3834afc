// SPDX-License-Identifier: GPL-3.0-or-later
#include "copy/zipversionfix.h"

#include <QFile>
#include <QtEndian>

namespace Resguarda {

namespace {

constexpr quint32 endOfCentralDirectorySignature = 0x06054b50;
constexpr quint32 zip64LocatorSignature = 0x07064b50;
constexpr quint32 zip64EndSignature = 0x06064b50;
constexpr quint32 centralHeaderSignature = 0x02014b50;
constexpr int endOfCentralDirectorySize = 22;
constexpr int zip64LocatorSize = 20;
constexpr int centralHeaderSize = 46;
constexpr quint16 brokenVersionNeeded = 63;
constexpr quint16 zip64VersionNeeded = 45;

bool readAt(QFile &file, qint64 offset, char *data, qint64 size)
{
    return file.seek(offset) && file.read(data, size) == size;
}

} // namespace

bool fixZip64VersionFields(QFile &file, unsigned madeBy)
{
    const qint64 fileSize = file.size();
    // CopyWriter writes no archive comment, so the end record is the last 22 bytes.
    char end[endOfCentralDirectorySize];
    if (fileSize < endOfCentralDirectorySize
        || !readAt(file, fileSize - endOfCentralDirectorySize, end, sizeof end)
        || qFromLittleEndian<quint32>(end) != endOfCentralDirectorySignature)
        return false;
    quint64 entries = qFromLittleEndian<quint16>(end + 10);
    quint64 offset = qFromLittleEndian<quint32>(end + 16);
    if (entries == 0xFFFF || offset == 0xFFFFFFFF) {
        char locator[zip64LocatorSize];
        if (!readAt(file, fileSize - endOfCentralDirectorySize - zip64LocatorSize, locator,
                    sizeof locator)
            || qFromLittleEndian<quint32>(locator) != zip64LocatorSignature)
            return false;
        char zip64End[56];
        if (!readAt(file, qint64(qFromLittleEndian<quint64>(locator + 8)), zip64End,
                    sizeof zip64End)
            || qFromLittleEndian<quint32>(zip64End) != zip64EndSignature)
            return false;
        entries = qFromLittleEndian<quint64>(zip64End + 32);
        offset = qFromLittleEndian<quint64>(zip64End + 48);
    }

    qint64 position = qint64(offset);
    for (quint64 i = 0; i < entries; ++i) {
        char header[centralHeaderSize];
        if (!readAt(file, position, header, sizeof header)
            || qFromLittleEndian<quint32>(header) != centralHeaderSignature)
            return false;
        if (qFromLittleEndian<quint16>(header + 6) == brokenVersionNeeded) {
            char versions[4];
            qToLittleEndian<quint16>(quint16(madeBy), versions);
            qToLittleEndian<quint16>(zip64VersionNeeded, versions + 2);
            if (!file.seek(position + 4)
                || file.write(versions, sizeof versions) != sizeof versions)
                return false;
        }
        position += centralHeaderSize + qFromLittleEndian<quint16>(header + 28)
            + qFromLittleEndian<quint16>(header + 30) + qFromLittleEndian<quint16>(header + 32);
    }
    return true;
}

} // namespace Resguarda
