// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

// File names on Linux are bytes, not text: an installation on a Samba share
// written by Windows programs holds Latin-1 and CP1252 names next to UTF-8
// ones. Decoding them the usual way (QFile::decodeName) replaces every byte
// that is not UTF-8 with U+FFFD, and the name can no longer be opened, nor
// told apart from a sibling that differs in that byte only.
//
// Here a name is decoded losslessly instead: valid UTF-8 becomes its
// characters, and each byte of an invalid sequence becomes an unpaired low
// surrogate U+DC80..U+DCFF ("surrogateescape"). Valid UTF-8 never encodes a
// surrogate, so encode(decode(bytes)) == bytes for every name, and two
// different names never decode alike. Such a QString is for paths only: it is
// shown through DisplayText (which replaces the surrogates), written into a
// copy through ZipNames, and never converted with toUtf8().
namespace Resguarda::FileNames {

QString decode(QByteArrayView bytes);
// decode(bytes) appended to into, without a string of its own.
void appendDecoded(QString *into, QByteArrayView bytes);
QByteArray encode(QStringView name);

// Whether name holds bytes that are not UTF-8 (an escaped byte).
bool hasRawBytes(QStringView name);

// Whether bytes are valid UTF-8 (strict: no overlong forms, no surrogates,
// nothing above U+10FFFF).
bool isValidUtf8(QByteArrayView bytes);

// decode(a).compare(b's decoding): negative, zero or positive as QString
// orders them (by UTF-16 code units), without building either string, for
// sorting many names cheaply.
int compareDecoded(QByteArrayView a, QByteArrayView b);

} // namespace Resguarda::FileNames
