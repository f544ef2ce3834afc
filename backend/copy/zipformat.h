// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

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

} // namespace Resguarda::ZipFormat
