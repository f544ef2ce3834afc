// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QtEndian>
#include <QtGlobal>

// The ZIP records Resguarda writes and reads itself (APPNOTE.TXT 4.3): their
// signatures and fixed sizes, in one place for the writer and the reader.
namespace Resguarda::ZipFormat {

inline constexpr quint32 localHeaderSignature = 0x04034b50;
inline constexpr quint32 centralHeaderSignature = 0x02014b50;
inline constexpr quint32 zip64EndSignature = 0x06064b50;
inline constexpr quint32 zip64LocatorSignature = 0x07064b50;
inline constexpr quint32 endSignature = 0x06054b50;

inline constexpr int localHeaderSize = 30;
inline constexpr int centralHeaderSize = 46;
inline constexpr int zip64EndSize = 56;
inline constexpr int zip64LocatorSize = 20;
inline constexpr int endSize = 22;
inline constexpr int maxCommentSize = 0xffff;

// Appends value in ZIP's byte order (little-endian) to a record being built.
template<typename T> inline void append(QByteArray &out, T value)
{
    char bytes[sizeof(T)];
    qToLittleEndian(value, bytes);
    out.append(bytes, sizeof(T));
}
inline void put16(QByteArray &out, quint16 value)
{
    append(out, value);
}
inline void put32(QByteArray &out, quint32 value)
{
    append(out, value);
}
inline void put64(QByteArray &out, quint64 value)
{
    append(out, value);
}

} // namespace Resguarda::ZipFormat
