// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtNumeric>

#include <limits>

// Sums of sizes that come from input (a copy's manifest). A sum that wraps
// around turns a copy of exabytes into one of a few bytes, and the free
// space check into a formality; these helpers never wrap.
namespace Resguarda::CheckedMath {

// The largest size, in bytes, of a copy, of one entry and of any total of
// them (4 EiB): far beyond any disk, and twice it still fits in qint64, so
// adding the installation's own sizes to it cannot overflow either.
inline constexpr qint64 maxBytes = qint64(1) << 62;

// a + b into *sum; false (and *sum untouched) when it overflows.
inline bool add(qint64 a, qint64 b, qint64 *sum)
{
    qint64 result = 0;
    if (qAddOverflow(a, b, &result))
        return false;
    *sum = result;
    return true;
}

// a + b, or the nearest qint64 limit when it overflows: for totals that are
// only compared or shown.
inline qint64 saturatingAdd(qint64 a, qint64 b)
{
    qint64 result = 0;
    if (qAddOverflow(a, b, &result))
        return b > 0 ? std::numeric_limits<qint64>::max() : std::numeric_limits<qint64>::min();
    return result;
}

// a * b, or the nearest qint64 limit when it overflows.
inline qint64 saturatingMul(qint64 a, qint64 b)
{
    qint64 result = 0;
    if (qMulOverflow(a, b, &result))
        return (a < 0) != (b < 0) ? std::numeric_limits<qint64>::min()
                                  : std::numeric_limits<qint64>::max();
    return result;
}

} // namespace Resguarda::CheckedMath
