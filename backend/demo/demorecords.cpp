// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo/demorecords.h"

#include <QDate>

#include <algorithm>
#include <cstring>

namespace Resguarda::DemoRecords {

namespace {

using DemoData::FieldType;

quint64 powerOfTen(int exponent)
{
    quint64 value = 1;
    while (exponent-- > 0)
        value *= 10;
    return value;
}

void writeDigits(char *out, int width, quint64 value)
{
    for (int i = width - 1; i >= 0; --i) {
        out[i] = char('0' + value % 10);
        value /= 10;
    }
}

// Copies text into [out, end), left-aligned; returns the new position.
char *appendText(char *out, char *end, const QByteArray &text)
{
    const qint64 count = std::min<qint64>(text.size(), end - out);
    std::memcpy(out, text.constData(), size_t(count));
    return out + count;
}

char *appendNumber(char *out, char *end, quint64 value)
{
    char digits[20];
    int count = 0;
    do {
        digits[count++] = char('0' + value % 10);
        value /= 10;
    } while (value != 0);
    while (count > 0 && out < end)
        *out++ = digits[--count];
    return out;
}

void writeDate(char *out, qint64 julianDay, bool compact)
{
    int year, month, day;
    QDate::fromJulianDay(julianDay).getDate(&year, &month, &day);
    if (compact) {
        writeDigits(out, 4, quint64(year));
        writeDigits(out + 4, 2, quint64(month));
        writeDigits(out + 6, 2, quint64(day));
    } else {
        writeDigits(out, 2, quint64(day));
        out[2] = '/';
        writeDigits(out + 3, 2, quint64(month));
        out[5] = '/';
        writeDigits(out + 6, 4, quint64(year));
    }
}

const QByteArray &pick(int list, QRandomGenerator &random)
{
    const auto &words = DemoData::data().words[size_t(list)];
    return words[random.bounded(quint32(words.size()))];
}

} // namespace

char *write(char *out, const DemoData::TableDef &table, const Owner &owner, qint64 firstDay,
            qint64 lastDay, qint64 sequence, qint64 count, QRandomGenerator &random)
{
    for (const DemoData::Field &field : table.fields) {
        char *end = out + field.width;
        switch (field.type) {
        case FieldType::Sequence:
            writeDigits(out, field.width, quint64(sequence));
            break;
        case FieldType::Date:
        case FieldType::DateCompact: {
            // Records are kept in date order through the period.
            const qint64 span = lastDay - firstDay + 1;
            const qint64 day = firstDay + (sequence - 1) * span / std::max<qint64>(count, 1);
            writeDate(out, day, field.type == FieldType::DateCompact);
            break;
        }
        case FieldType::Partner:
        case FieldType::PartnerBySequence: {
            const auto &partners = owner.partners;
            const QByteArray &partner = field.type == FieldType::Partner
                ? partners[random.bounded(quint32(partners.size()))]
                : partners[size_t(sequence - 1) % partners.size()];
            char *p = appendText(out, end, partner);
            std::memset(p, ' ', size_t(end - p));
            break;
        }
        case FieldType::OwnCode:
        case FieldType::OwnName:
        case FieldType::OwnCnpj: {
            const QByteArray &text = field.type == FieldType::OwnCode ? owner.code
                : field.type == FieldType::OwnName                    ? owner.name
                                                                      : owner.cnpj;
            char *p = appendText(out, end, text);
            std::memset(p, ' ', size_t(end - p));
            break;
        }
        case FieldType::Amount: {
            // Spread over orders of magnitude, as real amounts are.
            const int digits = 3 + int(random.bounded(quint32(field.magnitude - 2)));
            quint64 cents = random.generate64() % powerOfTen(digits);
            char *p = end;
            *--p = char('0' + cents % 10);
            cents /= 10;
            *--p = char('0' + cents % 10);
            cents /= 10;
            *--p = ',';
            do {
                *--p = char('0' + cents % 10);
                cents /= 10;
            } while (cents != 0 && p > out);
            std::memset(out, ' ', size_t(p - out));
            break;
        }
        case FieldType::Quantity:
            writeDigits(out, field.width,
                        1 + random.generate64() % (powerOfTen(field.magnitude) - 1));
            break;
        case FieldType::Text: {
            char *p = appendText(out, end, pick(field.list, random));
            if (field.list2 != DemoData::noWords && p < end && random.bounded(4) != 0) {
                *p++ = ' ';
                p = appendText(p, end, pick(field.list2, random));
            }
            if (field.magnitude > 0 && p < end && random.bounded(2) != 0) {
                *p++ = ' ';
                p = appendNumber(p, end, random.generate64() % powerOfTen(field.magnitude));
            }
            std::memset(p, ' ', size_t(end - p));
            break;
        }
        case FieldType::Choice: {
            char *p = appendText(out, end, pick(field.list, random));
            std::memset(p, ' ', size_t(end - p));
            break;
        }
        case FieldType::Digits:
            writeDigits(out, field.width, random.generate64() % powerOfTen(field.width));
            break;
        }
        out = end;
    }
    *out++ = '\r';
    *out++ = '\n';
    return out;
}

} // namespace Resguarda::DemoRecords
