// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/filenames.h"

#include <algorithm>
#include <utility>

namespace Resguarda::FileNames {

namespace {

constexpr char16_t escapeBase = 0xdc00; // a raw byte b (>= 0x80) is U+DC00 + b

bool isEscapedByte(char16_t c)
{
    return c >= escapeBase + 0x80 && c <= escapeBase + 0xff;
}

// Length of the valid UTF-8 sequence at bytes[i] and its code point, or 0
// when the bytes there are not one (Unicode 15, table 3-7).
int validSequence(QByteArrayView bytes, qsizetype i, char32_t *codePoint)
{
    const auto byte = [&](qsizetype k) {
        return quint8(bytes[k]);
    };
    const quint8 lead = byte(i);
    if (lead < 0x80) {
        *codePoint = lead;
        return 1;
    }
    int length = 0;
    quint8 low = 0x80;
    quint8 high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) {
        length = 2;
    } else if (lead >= 0xe0 && lead <= 0xef) {
        length = 3;
        if (lead == 0xe0)
            low = 0xa0; // no overlong forms
        else if (lead == 0xed)
            high = 0x9f; // no surrogates
    } else if (lead >= 0xf0 && lead <= 0xf4) {
        length = 4;
        if (lead == 0xf0)
            low = 0x90;
        else if (lead == 0xf4)
            high = 0x8f; // nothing above U+10FFFF
    } else {
        return 0;
    }
    if (i + length > bytes.size())
        return 0;
    char32_t value = lead & (0xff >> (length + 1));
    for (int k = 1; k < length; ++k) {
        const quint8 next = byte(i + k);
        if (next < (k == 1 ? low : 0x80) || next > (k == 1 ? high : 0xbf))
            return 0;
        value = (value << 6) | (next & 0x3f);
    }
    *codePoint = value;
    return length;
}

// Reads decode(bytes) one UTF-16 code unit at a time.
class CodeUnitReader
{
public:
    explicit CodeUnitReader(QByteArrayView bytes)
        : m_bytes(bytes)
    {
    }
    bool atEnd() const { return m_pendingLow == 0 && m_next >= m_bytes.size(); }
    char16_t next()
    {
        if (m_pendingLow != 0)
            return std::exchange(m_pendingLow, 0);
        char32_t codePoint = 0;
        const int length = validSequence(m_bytes, m_next, &codePoint);
        if (length == 0)
            return char16_t(escapeBase + quint8(m_bytes[m_next++]));
        m_next += length;
        if (!QChar::requiresSurrogates(codePoint))
            return char16_t(codePoint);
        m_pendingLow = QChar::lowSurrogate(codePoint); // never 0
        return QChar::highSurrogate(codePoint);
    }

private:
    QByteArrayView m_bytes;
    qsizetype m_next = 0;
    char16_t m_pendingLow = 0;
};

} // namespace

QString decode(QByteArrayView bytes)
{
    QString name;
    appendDecoded(&name, bytes);
    return name;
}

void appendDecoded(QString *into, QByteArrayView bytes)
{
    // Written in place: each byte gives at most one UTF-16 code unit (a
    // four-byte sequence gives two).
    const qsizetype start = into->size();
    into->resize(start + bytes.size());
    char16_t *out = reinterpret_cast<char16_t *>(into->data()) + start;
    char16_t *const begin = out;
    for (qsizetype i = 0; i < bytes.size();) {
        const auto lead = quint8(bytes[i]);
        if (lead < 0x80) { // plain ASCII, by far the most frequent
            *out++ = lead;
            ++i;
            continue;
        }
        char32_t codePoint = 0;
        const int length = validSequence(bytes, i, &codePoint);
        if (length == 0) {
            *out++ = char16_t(escapeBase + lead);
            ++i;
            continue;
        }
        if (QChar::requiresSurrogates(codePoint)) {
            *out++ = QChar::highSurrogate(codePoint);
            *out++ = QChar::lowSurrogate(codePoint);
        } else {
            *out++ = char16_t(codePoint);
        }
        i += length;
    }
    into->truncate(start + (out - begin));
}

QByteArray encode(QStringView name)
{
    QByteArray bytes;
    bytes.reserve(name.size());
    for (qsizetype i = 0; i < name.size(); ++i) {
        const char16_t c = name[i].unicode();
        char32_t codePoint = c;
        if (isEscapedByte(c)) {
            bytes.append(char(c - escapeBase));
            continue;
        }
        if (QChar::isHighSurrogate(c) && i + 1 < name.size() && name[i + 1].isLowSurrogate()) {
            codePoint = QChar::surrogateToUcs4(c, name[i + 1].unicode());
            ++i;
        } else if (QChar::isSurrogate(c)) {
            // Not produced by decode(): kept distinct all the same, as the
            // three bytes of its (invalid) UTF-8 form, which decode() turns
            // into three escaped bytes.
            codePoint = c;
        }
        if (codePoint < 0x80) {
            bytes.append(char(codePoint));
        } else if (codePoint < 0x800) {
            bytes.append(char(0xc0 | (codePoint >> 6)));
            bytes.append(char(0x80 | (codePoint & 0x3f)));
        } else if (codePoint < 0x10000) {
            bytes.append(char(0xe0 | (codePoint >> 12)));
            bytes.append(char(0x80 | ((codePoint >> 6) & 0x3f)));
            bytes.append(char(0x80 | (codePoint & 0x3f)));
        } else {
            bytes.append(char(0xf0 | (codePoint >> 18)));
            bytes.append(char(0x80 | ((codePoint >> 12) & 0x3f)));
            bytes.append(char(0x80 | ((codePoint >> 6) & 0x3f)));
            bytes.append(char(0x80 | (codePoint & 0x3f)));
        }
    }
    return bytes;
}

bool hasRawBytes(QStringView name)
{
    for (qsizetype i = 0; i < name.size(); ++i) {
        // The low half of a pair (an emoji, say) is text, not a byte.
        if (name[i].isHighSurrogate() && i + 1 < name.size() && name[i + 1].isLowSurrogate())
            ++i;
        else if (isEscapedByte(name[i].unicode()))
            return true;
    }
    return false;
}

int compareDecoded(QByteArrayView a, QByteArrayView b)
{
    // A common prefix of ASCII bytes decodes alike and ends between two
    // sequences: the comparison starts after it.
    qsizetype same = 0;
    const qsizetype shorter = std::min(a.size(), b.size());
    while (same < shorter && a[same] == b[same] && quint8(a[same]) < 0x80)
        ++same;
    CodeUnitReader left(a.sliced(same));
    CodeUnitReader right(b.sliced(same));
    while (!left.atEnd() && !right.atEnd()) {
        const char16_t x = left.next();
        const char16_t y = right.next();
        if (x != y)
            return x < y ? -1 : 1;
    }
    return int(right.atEnd()) - int(left.atEnd());
}

bool isValidUtf8(QByteArrayView bytes)
{
    for (qsizetype i = 0; i < bytes.size();) {
        char32_t codePoint = 0;
        const int length = validSequence(bytes, i, &codePoint);
        if (length == 0)
            return false;
        i += length;
    }
    return true;
}

} // namespace Resguarda::FileNames
