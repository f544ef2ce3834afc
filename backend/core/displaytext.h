// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

// Text from input (a copy's manifest, the installation's files, session
// files, entry names) shown to a person. A terminal acts on control
// characters instead of showing them: ESC[8m hides what follows, a newline
// fakes a line, a right-to-left override reorders it. Such text is shown
// with every control replaced by a visible mark, in the CLI and, through the
// same functions, in the app.
namespace Resguarda::DisplayText {

// The mark that replaces a control character: U+FFFD, which every font
// draws and no terminal interprets.
inline constexpr char16_t replacement = 0xfffd;

// C0 (newline and tab included), DEL, C1 (U+0080..U+009F), the bidi
// embedding, override and isolate controls (U+202A..U+202E,
// U+2066..U+2069) and unpaired surrogates.
bool isControl(char32_t c);

// A value from input, for one place in a line: every control, newline,
// carriage return and tab included, becomes the replacement mark.
QString displaySafe(QStringView text);

// A whole message made by the program: like displaySafe(), but the
// program's own newlines and tabs stay. Values from input inside it must
// have gone through displaySafe() already, or their newlines fake lines.
QString terminalSafe(QStringView text);

// JSON text (UTF-8) with DEL, C1 and bidi controls written as \uXXXX
// escapes: the same JSON value, but nothing a terminal acts on. json must be
// the output of QJsonDocument::toJson(), which escapes the C0 controls
// inside strings already; the rest below U+0020 is its own layout.
QByteArray escapeJsonControls(const QByteArray &json);

} // namespace Resguarda::DisplayText
