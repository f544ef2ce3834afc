// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

namespace Resguarda {

// The Brazilian company registry number (CNPJ): 12 digits (8 of the company
// root, 4 of the branch) followed by two check digits, written
// "12.345.678/0001-95". Only the numeric form is handled; the alphanumeric
// CNPJ announced for 2026 is not.
class Cnpj
{
public:
    // The formatted CNPJ whose first 12 digits are base (taken modulo 10^12),
    // with its check digits computed.
    static QString fromBase(quint64 base12digits);

    // Whether text is a CNPJ with correct check digits, either formatted
    // ("12.345.678/0001-95") or as 14 bare digits. Numbers made of one repeated
    // digit pass the check-digit test but are not real CNPJs and are rejected.
    static bool isValid(QStringView text);

    // "12.345.678/0001-95" for 14 digits (or an already formatted CNPJ);
    // an empty string for anything else. Check digits are not verified.
    static QString format(QStringView digits14);

private:
    // The 14 digits of text in either accepted form, or an empty string.
    static QString digitsOf(QStringView text);
    // The check digit for the first count digits of digits (12 or 13).
    static int checkDigit(const int *digits, int count);
};

} // namespace Resguarda
