// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QLocale>
#include <QString>
#include <QStringList>

namespace Resguarda {

class AppController;

// The command line of the app: `resguarda [--root DIR] [--system SIS]
// [--backup | --restore] [--lang pt_BR]`. The business system opens the app
// straight on a wizard with it. Kept out of main() so tests reach it.
struct StartupOptions
{
    Q_DECLARE_TR_FUNCTIONS(StartupOptions)

public:
    QString root;
    QString systemCode;
    QString startPage = QStringLiteral("home"); // "home", "backup", "restore"
    QLocale locale = QLocale::system();
    QString error; // a usage error, translated into the system language

    static StartupOptions parse(const QStringList &arguments);
    // Opens the installation (given, or else the one remembered) and sets
    // the system and the first page.
    void applyTo(AppController &controller) const;
};

} // namespace Resguarda
