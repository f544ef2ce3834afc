// SPDX-License-Identifier: GPL-3.0-or-later
// One runner for every tst_*.qml (ctest runs it once per file, offscreen).
// The pages import the real modules; `fixture` gives them a real demo
// installation, real copies and a real client holding a lock.
#include "buttonkeys.h"
#include "qmltestfixture.h"
#include "support/isolatedhome.h"
#include "ui/appcontroller.h"

#include <QQmlContext>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QtQml/QQmlExtensionPlugin>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(Resguarda_BackendPlugin)
Q_IMPORT_QML_PLUGIN(Resguarda_AppPlugin)

class Setup : public QObject
{
    Q_OBJECT

public Q_SLOTS:
    void applicationAvailable()
    {
        // Never the user's settings or data folders: data in test mode, and
        // the settings in a file of this run's own, so that nothing another
        // run (or the user) remembered changes what the pages show.
        m_fixture = new QmlTestFixture(this);
        TestSupport::isolateHome(m_fixture->scratch());
        QQuickStyle::setStyle(QStringLiteral("Basic"));
        Resguarda::ButtonKeys::install(QCoreApplication::instance());
        Resguarda::AppController::setInstance(&m_controller);
        m_fixture->resetInstallation();
    }

    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        engine->rootContext()->setContextProperty(QStringLiteral("fixture"), m_fixture);
    }

private:
    Resguarda::AppController m_controller;
    QmlTestFixture *m_fixture = nullptr;
};

QUICK_TEST_MAIN_WITH_SETUP(resguarda, Setup)

#include "main.moc"
