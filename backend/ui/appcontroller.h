// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/worker.h"

#include <QObject>
#include <QStringList>
#include <QVariantList>
#include <QtQml/qqml.h>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;

namespace Resguarda {

// The application's state that every page shares: which installation and
// system are open, how the app was started (straight into a wizard by the
// business system), remembered settings, who is connected, and the locale
// formatting QML needs (dates, sizes). A QML singleton: main() configures the
// instance before the engine loads, and QML gets that same instance.
class AppController : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString root READ root NOTIFY installationChanged)
    Q_PROPERTY(bool hasInstallation READ hasInstallation NOTIFY installationChanged)
    Q_PROPERTY(QString installationError READ installationError NOTIFY installationChanged)
    // [{code, name}] of the installed systems.
    Q_PROPERTY(QVariantList systems READ systems NOTIFY installationChanged)
    Q_PROPERTY(QString systemCode READ systemCode WRITE setSystemCode NOTIFY systemChanged)
    Q_PROPERTY(QString systemName READ systemName NOTIFY systemChanged)
    // "home", "backup" or "restore": where the app opens.
    Q_PROPERTY(QString startPage READ startPage CONSTANT)
    Q_PROPERTY(QString demoRoot READ demoRoot CONSTANT) // where createDemo() puts it
    // createDemo() is writing the demonstration (seconds); demoProgress 0..1.
    Q_PROPERTY(bool creatingDemo READ creatingDemo NOTIFY creatingDemoChanged)
    Q_PROPERTY(double demoProgress READ demoProgress NOTIFY demoProgressChanged)
    // Folders copies were written to before, newest first (for the history).
    Q_PROPERTY(
        QStringList recentDestinations READ recentDestinations NOTIFY recentDestinationsChanged)
    Q_PROPERTY(QString version READ version CONSTANT)
    // A touch kiosk (`--kiosk` or the remembered setting): full screen, the
    // on-screen keyboard, quitting confirmed, back Home when left idle.
    Q_PROPERTY(bool kiosk READ kiosk NOTIFY kioskChanged)
    // Seconds without input after which a kiosk goes back Home (when no job
    // runs and no answers would be lost).
    Q_PROPERTY(int idleTimeoutSeconds READ idleTimeoutSeconds CONSTANT)

public:
    explicit AppController(QObject *parent = nullptr);

    // The instance QML receives; main() creates and configures it first.
    static AppController *instance();
    static void setInstance(AppController *instance);
    static AppController *create(QQmlEngine *engine, QJSEngine *scriptEngine);

    // Opens an installation; remembers it on success. Sets
    // installationError (a sentence) and returns false otherwise.
    Q_INVOKABLE bool openInstallation(const QString &root);
    // Opens the one remembered from the last run, if any.
    bool openRemembered();
    // Starts creating a demonstration installation in demoRoot (when
    // missing) on a worker thread, then opens it; demoCreated() says how it
    // went (installationError says why not).
    Q_INVOKABLE void createDemo();
    bool creatingDemo() const { return m_demoTask.running(); }
    double demoProgress() const { return m_demoProgress; }
    void setStartPage(const QString &page);

    // Who is connected to the open installation, one sentence per session;
    // empty when nobody is.
    Q_INVOKABLE QStringList connectedSessions() const;
    Q_INVOKABLE void rememberDestination(const QString &folder);
    // The same without an instance at hand (JobController, once a backup
    // wrote a copy); the instance, if there is one, says the list changed.
    static void rememberDestinationFolder(const QString &folder);

    // Locale formatting for QML (QLocale of the app's language).
    Q_INVOKABLE QString formatSize(qint64 bytes) const;
    Q_INVOKABLE QString formatDateTime(const QDateTime &dateTime) const;
    Q_INVOKABLE QString formatNumber(qint64 number) const;

    QString root() const { return m_root; }
    bool hasInstallation() const { return !m_root.isEmpty(); }
    QString installationError() const { return m_installationError; }
    QVariantList systems() const { return m_systems; }
    QString systemCode() const { return m_systemCode; }
    void setSystemCode(const QString &code);
    QString systemName() const;
    QString startPage() const { return m_startPage; }
    QString demoRoot() const;
    QStringList recentDestinations() const;
    QString version() const;

    bool kiosk() const { return m_kiosk; }
    // Turns kiosk mode on or off for this run; main() sets it before the
    // engine loads (the window's flags and the keyboard depend on it).
    void setKiosk(bool kiosk);
    // Whether a kiosk was remembered (the setting "kiosk"), and remembering
    // it: a kiosk started once with --kiosk stays a kiosk after a reboot.
    // Readable before the QGuiApplication exists, since main() needs it to
    // choose the input method first.
    static bool rememberedKiosk();
    static void rememberKiosk(bool kiosk);
    int idleTimeoutSeconds() const { return m_idleTimeoutSeconds; }
    // Before the engine loads (the property is constant for QML).
    void setIdleTimeoutSeconds(int seconds);
    static constexpr int defaultIdleTimeoutSeconds = 180;

Q_SIGNALS:
    void installationChanged();
    void systemChanged();
    void recentDestinationsChanged();
    void kioskChanged();
    void creatingDemoChanged();
    void demoProgressChanged();
    void demoCreated(bool ok);

private:
    // Puts folder first in the recent destinations; false when empty.
    static bool storeDestination(const QString &folder);
    void setDemoProgress(double fraction);

    QString m_root;
    QString m_installationError;
    QVariantList m_systems;
    QString m_systemCode;
    QString m_startPage = QStringLiteral("home");
    bool m_kiosk = false;
    int m_idleTimeoutSeconds = defaultIdleTimeoutSeconds;
    WorkerTask m_demoTask;
    double m_demoProgress = 0;
};

// Registers AppController as the QML singleton "AppController" (Qt's
// pattern for a singleton made before the engine). A foreign type, because on
// the class itself Qt 6.4 would default-construct a second, unconfigured
// instance: QQmlPrivate::constructionMode() prefers a default constructor to
// create(). The type is named in full: qmltyperegistrar looks it up by that
// name among the metatypes, and with a name it does not find it describes an
// empty AppController to the tooling (qmllint, qmlls) while the app, which
// registers the C++ type, still works.
struct AppControllerForeign
{
    Q_GADGET
    QML_FOREIGN(Resguarda::AppController)
    QML_NAMED_ELEMENT(AppController)
    QML_SINGLETON

public:
    static AppController *create(QQmlEngine *engine, QJSEngine *scriptEngine)
    {
        return AppController::create(engine, scriptEngine);
    }
};

} // namespace Resguarda
