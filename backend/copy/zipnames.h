// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

#include <optional>

// How a path of the installation is named inside a copy (format version 2,
// docs/copy-format.md "Names"). Any name Linux allows must be copied, but a
// ZIP entry name is UTF-8 text in which '\' may be read as a separator and
// control characters mislead every listing. So the entry name is the path
// with these percent-escaped, byte by byte:
//   - every byte that is not valid UTF-8 (a Latin-1 "hist\xf3rico.dat"
//     becomes "hist%F3rico.dat");
//   - '%' itself, '\', the C0 controls, DEL and the C1 controls;
// and everything else, ':' included, as it is. Because '%' is always escaped
// the mapping is one to one: two paths never share an entry name, and only
// the canonical form (upper-case hex, nothing escaped that need not be) is
// accepted back, so no two entry names lead to the same path either.
//
// Paths here are FileNames-decoded QStrings (raw bytes as escaped
// surrogates), with '/' between components.
namespace Resguarda::ZipNames {

QString toEntryName(QStringView path);

// The path an entry name stands for, or nullopt when the name is not the
// canonical form of any path (a "%2F" that would hide a separator, a "%00",
// lower-case hex, an escape of a character that is never escaped).
std::optional<QString> toPath(QStringView entryName);

} // namespace Resguarda::ZipNames
