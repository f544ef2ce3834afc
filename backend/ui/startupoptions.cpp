// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/startupoptions.h"

#include "ui/appcontroller.h"

#include <QCommandLineParser>

namespace Resguarda {

StartupOptions StartupOptions::parse(const QStringList &arguments)
{
    StartupOptions options;
    QCommandLineParser parser;
    const QCommandLineOption root(QStringLiteral("root"), tr("Installation folder of the system."), tr("DIR"));
    const QCommandLineOption system(QStringLiteral("system"), tr("System to open."), tr("SIS"));
    const QCommandLineOption backup(QStringLiteral("backup"), tr("Open on the backup wizard."));
    const QCommandLineOption restore(QStringLiteral("restore"), tr("Open on the restore wizard."));
    const QCommandLineOption lang(QStringLiteral("lang"), tr("Language, e.g. pt_BR or en."), tr("LANG"));
    parser.addOptions({root, system, backup, restore, lang});
    parser.addHelpOption();
    if (!parser.parse(arguments)) {
        options.error = parser.errorText();
        return options;
    }
    if (parser.isSet(backup) && parser.isSet(restore)) {
        options.error = tr("Use either --backup or --restore.");
        return options;
    }
    options.root = parser.value(root);
    options.systemCode = parser.value(system);
    if (parser.isSet(backup))
        options.startPage = QStringLiteral("backup");
    else if (parser.isSet(restore))
        options.startPage = QStringLiteral("restore");
    if (parser.isSet(lang))
        options.locale = QLocale(parser.value(lang));
    return options;
}

void StartupOptions::applyTo(AppController &controller) const
{
    if (!root.isEmpty())
        controller.openInstallation(root);
    else
        controller.openRemembered();
    if (!systemCode.isEmpty() && controller.hasInstallation())
        controller.setSystemCode(systemCode.toUpper());
    // A wizard needs an installation; without one the app starts on Welcome.
    controller.setStartPage(controller.hasInstallation() ? startPage : QStringLiteral("home"));
}

} // namespace Resguarda
