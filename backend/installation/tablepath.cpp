// SPDX-License-Identifier: GPL-3.0-or-later
#include "installation/tablepath.h"

#include <QList>

#include <algorithm>

namespace Resguarda {

namespace {

bool allDigits(QStringView text)
{
    return std::all_of(text.begin(), text.end(),
                       [](QChar c) { return c.isDigit() && c.unicode() < 128; });
}

// A year folder must be exactly four digits; a month folder AAAA-MM with a
// real month. Folders like "anual/notes" are permanent tables.
int parseYear(QStringView segment)
{
    return segment.size() == 4 && allDigits(segment) ? segment.toInt() : 0;
}

int parseYearMonth(QStringView segment)
{
    if (segment.size() != 7 || segment[4] != u'-')
        return 0;
    const int month = allDigits(segment.mid(5)) ? segment.mid(5).toInt() : 0;
    return month >= 1 && month <= 12 ? parseYear(segment.first(4)) : 0;
}

} // namespace

TableClass classifyCompanyPath(QStringView relativePath)
{
    const auto parts = relativePath.split(u'/', Qt::SkipEmptyParts);
    // A dated table is a file inside the dated folder, never the folder name alone.
    auto datedAt = [&](qsizetype index, bool monthly, TableKind kind) -> TableClass {
        if (parts.size() <= index + 1)
            return {};
        const int year = monthly ? parseYearMonth(parts[index]) : parseYear(parts[index]);
        if (year == 0)
            return {};
        return {kind, year};
    };

    if (parts.isEmpty())
        return {};
    if (parts[0] == u"anual")
        return datedAt(1, false, TableKind::Annual);
    if (parts[0] == u"mensal")
        return datedAt(1, true, TableKind::Monthly);
    if (parts[0] == u"morto" && parts.size() > 1) {
        if (parts[1] == u"anual")
            return datedAt(2, false, TableKind::ArchivedAnnual);
        if (parts[1] == u"mensal")
            return datedAt(2, true, TableKind::ArchivedMonthly);
    }
    return {};
}

} // namespace Resguarda
