// SPDX-License-Identifier: GPL-3.0-or-later
#include "installation/cnpj.h"

#include <algorithm>
#include <iterator>

namespace Resguarda {

namespace {

constexpr int digitCount = 14;
// Positions of the separators in "12.345.678/0001-95".
constexpr char16_t formattedMask[] = u"NN.NNN.NNN/NNNN-NN";
constexpr int formattedLength = int(std::size(formattedMask)) - 1;

bool isAsciiDigit(QChar c)
{
    return c.unicode() >= u'0' && c.unicode() <= u'9';
}

} // namespace

int Cnpj::checkDigit(const int *digits, int count)
{
    // The weights run 2..9 from the rightmost digit leftwards, restarting at 2.
    int sum = 0;
    int weight = 2;
    for (int i = count - 1; i >= 0; --i) {
        sum += digits[i] * weight;
        weight = weight == 9 ? 2 : weight + 1;
    }
    const int remainder = sum % 11;
    return remainder < 2 ? 0 : 11 - remainder;
}

QString Cnpj::fromBase(quint64 base12digits)
{
    int digits[digitCount];
    quint64 value = base12digits % 1000000000000ULL;
    for (int i = 11; i >= 0; --i) {
        digits[i] = int(value % 10);
        value /= 10;
    }
    digits[12] = checkDigit(digits, 12);
    digits[13] = checkDigit(digits, 13);
    QString bare(digitCount, Qt::Uninitialized);
    for (int i = 0; i < digitCount; ++i)
        bare[i] = QChar(u'0' + digits[i]);
    return format(bare);
}

QString Cnpj::digitsOf(QStringView text)
{
    if (text.size() == digitCount) {
        if (!std::all_of(text.begin(), text.end(), isAsciiDigit))
            return {};
        return text.toString();
    }
    if (text.size() != formattedLength)
        return {};
    QString digits;
    digits.reserve(digitCount);
    for (int i = 0; i < formattedLength; ++i) {
        const char16_t expected = formattedMask[i];
        if (expected == u'N') {
            if (!isAsciiDigit(text[i]))
                return {};
            digits.append(text[i]);
        } else if (text[i] != QChar(expected)) {
            return {};
        }
    }
    return digits;
}

bool Cnpj::isValid(QStringView text)
{
    const QString digitsText = digitsOf(text);
    if (digitsText.isEmpty())
        return false;
    if (std::all_of(digitsText.begin(), digitsText.end(),
                    [&](QChar c) { return c == digitsText.front(); }))
        return false;
    int digits[digitCount];
    for (int i = 0; i < digitCount; ++i)
        digits[i] = digitsText[i].unicode() - u'0';
    return checkDigit(digits, 12) == digits[12] && checkDigit(digits, 13) == digits[13];
}

QString Cnpj::format(QStringView digits14)
{
    const QString digits = digitsOf(digits14);
    if (digits.isEmpty())
        return {};
    QString result;
    result.reserve(formattedLength);
    int next = 0;
    for (int i = 0; i < formattedLength; ++i)
        result.append(formattedMask[i] == u'N' ? digits[next++] : QChar(formattedMask[i]));
    return result;
}

} // namespace Resguarda
