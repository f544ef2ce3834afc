// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace Resguarda::Cli {

// Entry point of resguarda-cli: arguments as given to main (program name
// first). Returns the process exit code (see core/exitcode.h).
int run(const QStringList &arguments);

// One function per command; arguments start with the command's name.
int backupCommand(const QStringList &arguments);
int restoreCommand(const QStringList &arguments);
int listCommand(const QStringList &arguments);
int verifyCommand(const QStringList &arguments);
int demoCommand(const QStringList &arguments);
int historyCommand(const QStringList &arguments);

} // namespace Resguarda::Cli
