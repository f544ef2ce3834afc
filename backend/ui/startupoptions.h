// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QLocale>
#include <QString>
#include <QStringList>

namespace Resguarda {

class AppController;

// The command line of the app: `resguarda [--root DIR] [--system SIS]
// [--backup | --restore] [--lang pt_BR] [--kiosk | --no-kiosk]
// [--idle-timeout SECONDS]`. The business system opens the app straight on a
// wizard with it. Kept out of main() so tests reach it.
struct StartupOptions
{
    Q_DECLARE_TR_FUNCTIONS(StartupOptions)

public:
    QString root;
    QString systemCode;
    QString startPage = QStringLiteral("home"); // "home", "backup", "restore"
    QLocale locale = QLocale::system();
    // Kiosk mode: --kiosk turns it on and remembers it, --no-kiosk turns it
    // off and forgets it; with neither, the remembered setting decides.
    bool kiosk = false;
    bool kioskGiven = false; // --kiosk or --no-kiosk was on the command line
    int idleTimeoutSeconds = 0; // 0: AppController's default
    QString error; // a usage error, translated into the system language

    static StartupOptions parse(const QStringList &arguments);
    // Whether the app runs as a kiosk, from the raw arguments and the
    // remembered setting. For main() before the QGuiApplication exists: the
    // input method (the on-screen keyboard) must be chosen before it, and
    // the full parse needs the application's arguments (without -platform…).
    static bool kioskWanted(const QStringList &rawArguments);
    // Opens the installation (given, or else the one remembered) and sets
    // the system and the first page, kiosk mode and the idle timeout.
    void applyTo(AppController &controller) const;
};

} // namespace Resguarda
