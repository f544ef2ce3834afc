// SPDX-License-Identifier: GPL-3.0-or-later
#include "installation/codes.h"

#include <algorithm>

namespace Resguarda::Codes {

namespace {

bool isAsciiLetterOrDigit(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'0' && u <= u'9') || (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z');
}

} // namespace

bool isValidCompanyCode(QStringView code)
{
    return !code.isEmpty() && code.size() <= maxCompanyCodeLength
        && isAsciiLetterOrDigit(code.front()) && std::all_of(code.begin(), code.end(), [](QChar c) {
               return isAsciiLetterOrDigit(c) || c == u'-' || c == u'_';
           });
}

bool isValidSystemCode(QStringView code)
{
    return !code.isEmpty() && code.size() <= maxSystemCodeLength
        && std::all_of(code.begin(), code.end(), isAsciiLetterOrDigit);
}

} // namespace Resguarda::Codes
