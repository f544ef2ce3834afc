// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace Resguarda {

// Where a protected copy's password comes from, never a command-line
// argument or an environment variable (both are visible to other users in
// /proc): a file only its owner can read, or standard input. The password
// is returned as its bytes (UTF-8), without the line break that ends it.
class PasswordInput
{
    Q_DECLARE_TR_FUNCTIONS(PasswordInput)

public:
    // A password is a line: more than this is not a password file.
    static constexpr qint64 maxBytes = 4096;

    // The file must be a regular file (a link to one is refused, not
    // followed), owned by the user running Resguarda or by root, and give no
    // permission to its group or to others (chmod 600). Returns false with a
    // translated reason otherwise, or when it is empty or not UTF-8.
    static bool readFile(const QString &path, QByteArray *password, QString *error);
    // Reads the first line of standard input (without echo when it is a
    // terminal, after printing prompt to standard error).
    static bool readStdin(const QString &prompt, QByteArray *password, QString *error);
};

} // namespace Resguarda
