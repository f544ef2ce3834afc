// SPDX-License-Identifier: GPL-3.0-or-later
// The shared application state QML sees (ui/appcontroller.h), on a real
// demo installation.

#include "core/version.h"
#include "support/demofixture.h"
#include "support/isolatedhome.h"
#include "support/lockholderprocess.h"
#include "support/testinstallation.h"
#include "support/uiwait.h"
#include "ui/appcontroller.h"
#include "ui/companymodel.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(Resguarda_BackendPlugin)

using namespace Resguarda;
using namespace TestSupport;

class TestAppController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void appOpenInstallation();
    void appRemembersAcrossInstances();
    void appConnectedSessions();
    void appFormatsInLocale();
    void appQmlSingleton();
    void appQmlSingletonThroughImport();
    void appCreateDemo();

private:
    // A fresh, writable copy of the demo installation.
    QString freshInstallation(const QString &name) const
    {
        return m_demo.freshCopy(m_dir.filePath(name));
    }

    QTemporaryDir m_dir;
    DemoFixture m_demo {3, 1, 4, 11};
};

void TestAppController::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // The settings and the demo folder of the app live below HOME: pointed
    // at the temporary folder, and in test mode, nothing of the user's is read
    // or written.
    isolateHome(m_dir.path());

    const OperationError error = m_demo.create(m_dir.filePath(QStringLiteral("pristine")));
    QVERIFY2(!error, qPrintable(error.message));
}

void TestAppController::appOpenInstallation()
{
    AppController app;
    QVERIFY(!app.hasInstallation());
    QSignalSpy installationSpy(&app, &AppController::installationChanged);
    QVERIFY(app.openInstallation(m_demo.root()));
    QVERIFY(installationSpy.count() > 0);
    QVERIFY(app.hasInstallation());
    QCOMPARE(app.root(), m_demo.root());
    QVERIFY(app.installationError().isEmpty());
    const QVariantList systems = app.systems();
    QCOMPARE(systems.size(), 3);
    const QVariantMap first = systems.first().toMap();
    QCOMPARE(first.value(QStringLiteral("code")).toString(), QStringLiteral("AT"));
    QCOMPARE(first.value(QStringLiteral("name")).toString(), QStringLiteral("Ativo Imobilizado"));
    QCOMPARE(app.systemCode(), QStringLiteral("AT"));
    QCOMPARE(app.systemName(), QStringLiteral("Ativo Imobilizado"));
    app.setSystemCode(QStringLiteral("XX")); // not installed: refused
    QCOMPARE(app.systemCode(), QStringLiteral("AT"));

    const QString notAnInstallation = m_dir.filePath(QStringLiteral("vazia"));
    QVERIFY(QDir().mkpath(notAnInstallation));
    QVERIFY(!app.openInstallation(notAnInstallation));
    QVERIFY(!app.installationError().isEmpty());
    // What was open stays open.
    QCOMPARE(app.root(), m_demo.root());
    QVERIFY(app.hasInstallation());
    QCOMPARE(app.version(), QString::fromLatin1(toolVersion));
    QVERIFY(!app.version().isEmpty());
}

void TestAppController::appRemembersAcrossInstances()
{
    const QString root = freshInstallation(QStringLiteral("lembrada"));
    QVERIFY(!root.isEmpty());
    const QString pen = m_dir.filePath(QStringLiteral("pen-lembrado"));
    {
        AppController first;
        QVERIFY(first.openInstallation(root));
        first.setSystemCode(QStringLiteral("CP"));
        first.rememberDestination(m_dir.path());
        QSignalSpy recentSpy(&first, &AppController::recentDestinationsChanged);
        first.rememberDestination(pen);
        QCOMPARE(recentSpy.count(), 1);
        first.rememberDestination(pen); // no duplicates; newest first
        // (Earlier tests' backups put their folders further down.)
        QCOMPARE(first.recentDestinations().mid(0, 2), (QStringList {pen, m_dir.path()}));
        QCOMPARE(first.recentDestinations().count(pen), 1);
    }
    AppController second;
    QVERIFY(second.openRemembered());
    QCOMPARE(second.root(), root);
    QCOMPARE(second.systemCode(), QStringLiteral("CP"));
    QCOMPARE(second.systemName(), QStringLiteral("Compras"));
    QCOMPARE(second.recentDestinations().mid(0, 2), (QStringList {pen, m_dir.path()}));
}

void TestAppController::appConnectedSessions()
{
    const QString root = freshInstallation(QStringLiteral("sessoes"));
    QVERIFY(!root.isEmpty());
    AppController app;
    QVERIFY(app.connectedSessions().isEmpty()); // nothing open
    QVERIFY(app.openInstallation(root));
    QVERIFY(app.connectedSessions().isEmpty());
    {
        LockHolderProcess joana(root + QStringLiteral("/sessoes"), QStringLiteral("joana"),
                                QStringLiteral("BALCAO-02"), QStringLiteral("LF"));
        LockHolderProcess pedro(root + QStringLiteral("/sessoes"), QStringLiteral("pedro"),
                                QStringLiteral("ESCRITORIO"), QStringLiteral("AT"));
        QVERIFY(joana.waitUntilLocked());
        QVERIFY(pedro.waitUntilLocked());
        const QStringList sessions = app.connectedSessions();
        QCOMPARE(sessions.size(), 2);
        const QString all = sessions.join(u'\n');
        QVERIFY2(all.contains(QStringLiteral("joana")) && all.contains(QStringLiteral("BALCAO-02"))
                     && all.contains(QStringLiteral("pedro")),
                 qPrintable(all));
        for (const auto &line : sessions)
            QVERIFY2(!line.contains(u'\n') && !line.startsWith(u'-'), qPrintable(line));
    }
    QVERIFY(app.connectedSessions().isEmpty());
}

void TestAppController::appFormatsInLocale()
{
    const QLocale previous;
    QLocale::setDefault(QLocale(QLocale::Portuguese, QLocale::Brazil));
    AppController app;
    const QString number = app.formatNumber(1234567);
    const QString size = app.formatSize(1536 * 1024);
    const QString date = app.formatDateTime(QDateTime(QDate(2026, 11, 26), QTime(15, 30)));
    const QString invalid = app.formatDateTime(QDateTime());
    QLocale::setDefault(previous);
    QCOMPARE(number, QStringLiteral("1.234.567"));
    QCOMPARE(size, QStringLiteral("1,5\u00a0MB")); // no-break space: never split over two lines
    QCOMPARE(date, QStringLiteral("26/11/2026 15:30"));
    QVERIFY(invalid.isEmpty());
}

void TestAppController::appQmlSingleton()
{
    {
        // main() configures the instance; QML receives that one and never owns it.
        AppController configured;
        AppController::setInstance(&configured);
        QCOMPARE(AppController::instance(), &configured);
        QQmlEngine engine;
        QCOMPARE(AppController::create(&engine, &engine), &configured);
        QCOMPARE(QJSEngine::objectOwnership(&configured), QJSEngine::CppOwnership);
    }
    QCOMPARE(AppController::instance(), nullptr); // gone with its owner
    QQmlEngine engine;
    AppController *created = AppController::create(&engine, &engine);
    QVERIFY(created);
    QCOMPARE(created->parent(), &engine);
    QCOMPARE(AppController::instance(), created);
}

// What QML gets when it names AppController after `import
// Resguarda.Backend`, as the app's pages do: the registration, not only
// create(), must hand out the configured instance. Qt 6.4 default-constructs
// a default-constructible singleton class even when it has a create(), which
// would give the pages a second, unconfigured AppController.
void TestAppController::appQmlSingletonThroughImport()
{
    const auto singletonSeenByQml = [](QQmlEngine &engine) -> QObject * {
        engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
        QQmlComponent component(&engine);
        component.setData("import QtQml\n"
                          "import Resguarda.Backend\n"
                          "QtObject { readonly property QtObject controller: AppController }\n",
                          QUrl(QStringLiteral("qrc:/tst_appcontroller/Singleton.qml")));
        const std::unique_ptr<QObject> object(component.create());
        if (!object) {
            qWarning().noquote() << component.errorString();
            return nullptr;
        }
        return object->property("controller").value<QObject *>();
    };
    {
        AppController configured;
        configured.setKiosk(true); // something a default-constructed one lacks
        AppController::setInstance(&configured);
        QQmlEngine engine;
        QObject *seen = singletonSeenByQml(engine);
        QCOMPARE(seen, &configured);
        QCOMPARE(seen->property("kiosk").toBool(), true);
        // A second component of the same engine: still that one.
        QCOMPARE(singletonSeenByQml(engine), &configured);
    }
    QCOMPARE(AppController::instance(), nullptr);
    // Without main() (qmlscene, QML tooling): create() makes the one QML uses.
    QQmlEngine engine;
    QObject *seen = singletonSeenByQml(engine);
    QVERIFY(seen);
    QCOMPARE(seen, AppController::instance());
    QCOMPARE(seen->parent(), &engine);
}

void TestAppController::appCreateDemo()
{
    AppController app;
    const QString demo = app.demoRoot();
    QVERIFY2(demo.startsWith(m_dir.path()), qPrintable(demo)); // test mode, temporary HOME
    QVERIFY(demo.endsWith(QStringLiteral("/demonstracao")));
    QVERIFY(!QFileInfo::exists(demo));
    QVERIFY2(createDemoAndWait(app), qPrintable(app.installationError()));
    QCOMPARE(app.root(), demo);
    CompanyModel companies;
    QVERIFY(loadAndWait(companies, demo, app.systemCode()));
    QVERIFY(companies.rowCount() > 0);
    // A second call opens what is there, without writing it again.
    const QString marker = demo + QStringLiteral("/AT/empresas/0001/marca.dat");
    writeFile(marker, "still here");
    AppController again;
    QVERIFY(createDemoAndWait(again));
    QCOMPARE(again.root(), demo);
    QVERIFY(QFileInfo::exists(marker));
}

QTEST_GUILESS_MAIN(TestAppController)
#include "tst_appcontroller.moc"
