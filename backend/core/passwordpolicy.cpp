// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/passwordpolicy.h"

namespace Resguarda {

namespace {

// How many of the four kinds of characters (lower-case and upper-case
// letters, digits, the rest) the password mixes.
int kindsOf(const QList<uint> &characters)
{
    bool lower = false, upper = false, digit = false, other = false;
    for (const char32_t c : characters) {
        const QChar::Category category = QChar::category(c);
        if (category == QChar::Letter_Lowercase)
            lower = true;
        else if (category == QChar::Letter_Uppercase || category == QChar::Letter_Titlecase)
            upper = true;
        else if (QChar::isDigit(c))
            digit = true;
        else
            other = true;
    }
    return int(lower) + int(upper) + int(digit) + int(other);
}

} // namespace

QString PasswordPolicy::problem(const QString &password)
{
    const auto characters = password.toUcs4();
    if (characters.size() < minCharacters)
        return tr("The password is too short: use at least %n characters.", nullptr, minCharacters);
    if (password.toUtf8().size() > maxUtf8Bytes)
        return tr("The password is too long: at most %n bytes (7-Zip reads no more; an accented "
                  "letter takes two).",
                  nullptr, maxUtf8Bytes);
    for (const char32_t c : characters) {
        if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
            return tr("The password holds a control character (a tab or a line break): use only "
                      "characters that can be typed in one line.");
    }
    if (kindsOf(characters) < 2)
        return tr("The password is too simple: mix at least two kinds of characters (lower-case "
                  "and upper-case letters, digits, spaces or symbols).");
    return {};
}

int PasswordPolicy::strength(const QString &password)
{
    if (!problem(password).isEmpty())
        return 0;
    const auto characters = password.toUcs4();
    const int kinds = kindsOf(characters);
    int score = 1;
    if (characters.size() >= 16 || kinds >= 3)
        score = 2;
    if ((characters.size() >= 16 && kinds >= 3) || characters.size() >= 24)
        score = 3;
    return score;
}

} // namespace Resguarda
