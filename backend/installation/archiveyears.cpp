// SPDX-License-Identifier: GPL-3.0-or-later
#include "installation/archiveyears.h"

#include <QDate>
#include <QtGlobal>

namespace Resguarda::ArchiveYears {

namespace {

constexpr int yearsKeptByDefault = 5;

} // namespace

int maximum()
{
    return QDate::currentDate().year() + 1;
}

int defaultFrom()
{
    return qBound(minimum, QDate::currentDate().year() - yearsKeptByDefault, maximum());
}

bool isValid(int year)
{
    return year >= minimum && year <= maximum();
}

} // namespace Resguarda::ArchiveYears
