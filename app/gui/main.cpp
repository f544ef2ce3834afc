// SPDX-License-Identifier: GPL-3.0-or-later
// resguarda: the touch-friendly wizard. Everything it shows comes from the
// QML modules Resguarda.App (qml/) and Resguarda.Backend (backend/ui/).
#include "buttonkeys.h"
#include "core/translation.h"
#include "ui/appcontroller.h"
#include "ui/startupoptions.h"

#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(Resguarda_BackendPlugin)
Q_IMPORT_QML_PLUGIN(Resguarda_AppPlugin)

int main(int argc, char *argv[])
{
    // A kiosk types with Qt Virtual Keyboard. The input method is chosen
    // when the QGuiApplication is constructed, so kiosk mode (--kiosk, or
    // the remembered setting) is decided from the raw arguments first.
    QStringList rawArguments;
    for (int i = 0; i < argc; ++i)
        rawArguments << QString::fromLocal8Bit(argv[i]);
    if (Resguarda::StartupOptions::kioskWanted(rawArguments))
        qputenv("QT_IM_MODULE", QByteArrayLiteral("qtvirtualkeyboard"));

    QGuiApplication app(argc, argv);
    QGuiApplication::setOrganizationName(QStringLiteral("Resguarda"));
    QGuiApplication::setApplicationName(QStringLiteral("resguarda"));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Resguarda"));
    // Matches the installed .desktop file, so Wayland shows the app's icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.resguarda.Resguarda"));

    const Resguarda::StartupOptions options = Resguarda::StartupOptions::parse(app.arguments());
    if (!options.error.isEmpty()) {
        qCritical("%s", qUtf8Printable(options.error));
        return 2;
    }
    Resguarda::installTranslations(app, options.locale);
    QQuickStyle::setStyle(QStringLiteral("Basic"));
    Resguarda::ButtonKeys::install(&app);

    Resguarda::AppController controller;
    Resguarda::AppController::setInstance(&controller);
    options.applyTo(controller);

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Resguarda/App/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    return app.exec();
}
