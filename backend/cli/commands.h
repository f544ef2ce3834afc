// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backup/offsitesend.h"

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
int sendCommand(const QStringList &arguments);
int remoteCommand(const QStringList &arguments);

// Reads a whole copy and checks it, printing the verdict as "verify" does.
// Returns the exit code (0 intact, 4 damaged, 6 password…).
int verifyCopy(const QString &copyPath, const QByteArray &password, bool quiet);
// Sends verified copies off site and prints what was sent; returns the exit
// code (0, or 7 when sending failed).
int sendOffsite(const OffsiteSend::Request &request, bool quiet);

} // namespace Resguarda::Cli
