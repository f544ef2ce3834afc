// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/startupoptions.h"

#include "ui/appcontroller.h"

#include <QCommandLineParser>

namespace Resguarda {

StartupOptions StartupOptions::parse(const QStringList &arguments)
{
    StartupOptions options;
    QCommandLineParser parser;
    const QCommandLineOption root(QStringLiteral("root"), tr("Installation folder of the system."),
                                  tr("DIR"));
    const QCommandLineOption system(QStringLiteral("system"), tr("System to open."), tr("SIS"));
    const QCommandLineOption backup(QStringLiteral("backup"), tr("Open on the backup wizard."));
    const QCommandLineOption restore(QStringLiteral("restore"), tr("Open on the restore wizard."));
    const QCommandLineOption lang(QStringLiteral("lang"), tr("Language, e.g. pt_BR or en."),
                                  tr("LANG"));
    const QCommandLineOption kiosk(
        QStringLiteral("kiosk"),
        tr("Run as a touch kiosk (full screen, on-screen keyboard) from now on."));
    const QCommandLineOption noKiosk(QStringLiteral("no-kiosk"), tr("Leave kiosk mode for good."));
    const QCommandLineOption idleTimeout(
        QStringLiteral("idle-timeout"),
        tr("Kiosk: seconds without input before going back Home (default 180)."), tr("SECONDS"));
    parser.addOptions({root, system, backup, restore, lang, kiosk, noKiosk, idleTimeout});
    parser.addHelpOption();
    if (!parser.parse(arguments)) {
        options.error = parser.errorText();
        return options;
    }
    if (parser.isSet(backup) && parser.isSet(restore)) {
        options.error = tr("Use either --backup or --restore.");
        return options;
    }
    if (parser.isSet(kiosk) && parser.isSet(noKiosk)) {
        options.error = tr("Use either --kiosk or --no-kiosk.");
        return options;
    }
    if (parser.isSet(idleTimeout)) {
        bool ok = false;
        options.idleTimeoutSeconds = parser.value(idleTimeout).toInt(&ok);
        if (!ok || options.idleTimeoutSeconds <= 0) {
            options.error = tr("--idle-timeout needs a number of seconds greater than zero.");
            return options;
        }
    }
    options.kioskGiven = parser.isSet(kiosk) || parser.isSet(noKiosk);
    options.kiosk = options.kioskGiven ? parser.isSet(kiosk) : AppController::rememberedKiosk();
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

bool StartupOptions::kioskWanted(const QStringList &rawArguments)
{
    // The last of the two wins, as a repeated option would in the parser;
    // the full parse rejects both together anyway.
    for (qsizetype i = rawArguments.size() - 1; i >= 1; --i) {
        if (rawArguments.at(i) == u"--kiosk")
            return true;
        if (rawArguments.at(i) == u"--no-kiosk")
            return false;
    }
    return AppController::rememberedKiosk();
}

void StartupOptions::applyTo(AppController &controller) const
{
    if (kioskGiven)
        AppController::rememberKiosk(kiosk);
    controller.setKiosk(kiosk);
    if (idleTimeoutSeconds > 0)
        controller.setIdleTimeoutSeconds(idleTimeoutSeconds);
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
