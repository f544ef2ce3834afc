// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringView>

namespace Resguarda::Codes {

// A company code is the name of its folder and a segment of archive paths,
// journal steps and command lines, and it comes from the installation tree
// and from copies, which anyone may have written: one path segment of ASCII
// letters, digits, '-' and '_', starting with a letter or digit (so it is
// never an option, a hidden name, "." or ".."), at most 32 characters.
inline constexpr int maxCompanyCodeLength = 32;
bool isValidCompanyCode(QStringView code);

// A system code also becomes part of copy file names ("CopiaAT.zip"):
// ASCII letters and digits only, at most 16 characters. Compared exactly:
// "at" is not "AT".
inline constexpr int maxSystemCodeLength = 16;
bool isValidSystemCode(QStringView code);

} // namespace Resguarda::Codes
