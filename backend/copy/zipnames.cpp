// SPDX-License-Identifier: GPL-3.0-or-later
#include "copy/zipnames.h"

#include "core/filenames.h"

namespace Resguarda::ZipNames {

namespace {

bool needsEscape(char32_t c)
{
    return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == u'%' || c == u'\\';
}

void appendEscaped(QString *out, quint8 byte)
{
    static constexpr char16_t hex[] = u"0123456789ABCDEF";
    out->append(u'%');
    out->append(QChar(hex[byte >> 4]));
    out->append(QChar(hex[byte & 0xf]));
}

int hexValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (u >= u'A' && u <= u'F')
        return u - u'A' + 10;
    return -1; // lower case is not canonical
}

} // namespace

QString toEntryName(QStringView path)
{
    QString name;
    name.reserve(path.size());
    for (qsizetype i = 0; i < path.size(); ++i) {
        const QChar c = path[i];
        if (c.isHighSurrogate() && i + 1 < path.size() && path[i + 1].isLowSurrogate()) {
            name.append(c);
            name.append(path[i + 1]);
            ++i;
            continue;
        }
        if (c.isSurrogate() || needsEscape(c.unicode())) {
            // A raw byte, or a character whose UTF-8 bytes are escaped.
            for (const char byte : FileNames::encode(path.mid(i, 1)))
                appendEscaped(&name, quint8(byte));
            continue;
        }
        name.append(c);
    }
    return name;
}

std::optional<QString> toPath(QStringView entryName)
{
    // Almost every name has nothing escaped: it is then the path itself,
    // provided nothing in it should have been escaped (checked without
    // building anything, as the copy's every entry comes through here).
    if (!entryName.contains(u'%')) {
        for (qsizetype i = 0; i < entryName.size(); ++i) {
            const QChar c = entryName[i];
            if (c.isHighSurrogate() && i + 1 < entryName.size()
                && entryName[i + 1].isLowSurrogate())
                ++i;
            else if (c.isSurrogate() || needsEscape(c.unicode()))
                return std::nullopt;
        }
        return entryName.toString();
    }
    QByteArray bytes;
    bytes.reserve(entryName.size());
    for (qsizetype i = 0; i < entryName.size(); ++i) {
        if (entryName[i] != u'%') {
            const bool pair = entryName[i].isHighSurrogate() && i + 1 < entryName.size()
                && entryName[i + 1].isLowSurrogate();
            bytes.append(FileNames::encode(entryName.mid(i, pair ? 2 : 1)));
            i += pair ? 1 : 0;
            continue;
        }
        if (i + 2 >= entryName.size())
            return std::nullopt;
        const int high = hexValue(entryName[i + 1]);
        const int low = hexValue(entryName[i + 2]);
        if (high < 0 || low < 0)
            return std::nullopt;
        bytes.append(char(high * 16 + low));
        i += 2;
    }
    if (bytes.contains('\0'))
        return std::nullopt; // no file name holds a NUL
    QString path = FileNames::decode(bytes);
    // Canonical only: escaping the path again gives back the very name, so
    // "%41", "%2F" or an unescaped control character are refused.
    if (toEntryName(path) != entryName)
        return std::nullopt;
    return path;
}

} // namespace Resguarda::ZipNames
