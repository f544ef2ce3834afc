// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/displaytext.h"

namespace Resguarda::DisplayText {

namespace {

// Walks text by code point: an unpaired surrogate comes out as itself, and
// isControl() reports it, since it is no character at all.
template<typename Keep> QString replaceControls(QStringView text, Keep keep)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            out.append(c);
            out.append(text[++i]);
            continue;
        }
        if (isControl(c.unicode()) && !keep(c.unicode()))
            out.append(QChar(replacement));
        else
            out.append(c);
    }
    return out;
}

} // namespace

bool isControl(char32_t c)
{
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069) || (c >= 0xd800 && c <= 0xdfff);
}

QString displaySafe(QStringView text)
{
    return replaceControls(text, [](char32_t) { return false; });
}

QString terminalSafe(QStringView text)
{
    return replaceControls(text, [](char32_t c) { return c == u'\n' || c == u'\t'; });
}

QByteArray escapeJsonControls(const QByteArray &json)
{
    // Works on the UTF-8 bytes: a copy's manifest may make this text tens of
    // MB, and a detour through UTF-16 would double it several times.
    QByteArray out;
    out.reserve(json.size());
    auto escape = [&](char16_t c) {
        out += "\\u" + QByteArray::number(uint(c), 16).rightJustified(4, '0');
    };
    for (qsizetype i = 0; i < json.size(); ++i) {
        const auto b = quint8(json[i]);
        const auto next = [&](qsizetype k) {
            return i + k < json.size() ? quint8(json[i + k]) : 0;
        };
        if (b == 0x7f) {
            escape(0x7f);
        } else if (b == 0xc2 && next(1) >= 0x80 && next(1) <= 0x9f) {
            escape(next(1)); // U+0080..U+009F
            i += 1;
        } else if (b == 0xe2 && (next(1) == 0x80 || next(1) == 0x81)) {
            const char16_t c = char16_t(0x2000 | ((next(1) & 0x3f) << 6) | (next(2) & 0x3f));
            if (isControl(c)) {
                escape(c);
                i += 2;
            } else {
                out += char(b);
            }
        } else {
            out += char(b);
        }
    }
    return out;
}

} // namespace Resguarda::DisplayText
