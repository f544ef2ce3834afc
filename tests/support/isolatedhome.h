// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace TestSupport {

// Points everything a suite could read or write in the user's home at
// folders below scratch, before anything reads a path: HOME and the XDG
// base folders (so Qt's test mode, ~/.qttest, and the QML disk cache land
// there too), QStandardPaths' test mode, the app's settings file
// (AppSettings) and the application's names. Call it first, in
// initTestCase() or the QML runner's applicationAvailable().
// tst_homeuntouched fails when a suite leaves anything in a used home.
void isolateHome(const QString &scratch);

// The same folders below home, made, as "NAME=path" entries for the
// environment of a child process (runCli's extraEnv).
QStringList homeEnvironment(const QString &home);

} // namespace TestSupport
