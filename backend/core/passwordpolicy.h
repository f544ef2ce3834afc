// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

namespace Resguarda {

// The one rule a password of a protected copy must follow, for every front
// end (docs/procedure.md, "Protected copies").
class PasswordPolicy
{
    Q_DECLARE_TR_FUNCTIONS(PasswordPolicy)

public:
    // Twelve characters of two kinds: a copy on a lost pen drive meets an
    // offline guesser, which PBKDF2's 1,000 rounds (fixed by the format)
    // barely slow down. Length is what protects it.
    static constexpr int minCharacters = 12;
    // 7-Zip takes ZIP AES passwords of at most 99 bytes.
    static constexpr int maxUtf8Bytes = 99;

    // Why password may not protect a copy (translated), or an empty string
    // when it may.
    static QString problem(const QString &password);

    // How hard the password is to guess, for the strength bar: 0 when the
    // policy refuses it, then 1 (acceptable), 2 (good), 3 (strong). It
    // counts length and kinds of characters; it does not pretend to know
    // dictionaries.
    static int strength(const QString &password);
};

} // namespace Resguarda
