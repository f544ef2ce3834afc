// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/appcontroller.h"

#include "core/appsettings.h"
#include "core/displaytext.h"
#include "core/filesystem.h"
#include "core/version.h"
#include "demo/demoinstallation.h"
#include "installation/installation.h"
#include "installation/sessionlock.h"

#include <QDir>
#include <QFileInfo>
#include <QJSEngine>
#include <QLocale>
#include <QPointer>
#include <QQmlEngine>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <memory>

namespace Resguarda {

namespace {

QPointer<AppController> s_instance;

const QString rootKey = QStringLiteral("installation/root");
const QString systemKey = QStringLiteral("installation/system");
const QString destinationsKey = QStringLiteral("backup/recentDestinations");
const QString kioskKey = QStringLiteral("kiosk");
constexpr int recentDestinationsKept = 8;

} // namespace

AppController::AppController(QObject *parent)
    : QObject(parent)
{
    // No settings are read here: an instance may be made before a test
    // redirects them (AppSettings resolves the file on every use).
}

AppController *AppController::instance()
{
    return s_instance;
}

void AppController::setInstance(AppController *instance)
{
    s_instance = instance;
}

AppController *AppController::create(QQmlEngine *engine, QJSEngine *scriptEngine)
{
    Q_UNUSED(scriptEngine);
    if (s_instance) {
        // main() owns it; the engine must never delete it.
        QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
        return s_instance;
    }
    // Loaded without main() (qmlscene, QML tests): one that lives as long
    // as the engine.
    s_instance = new AppController(engine);
    return s_instance;
}

bool AppController::openInstallation(const QString &root)
{
    OperationError error;
    const auto installation = Installation::open(root, &error);
    if (!installation) {
        // What was open stays open: a mistyped folder loses nothing.
        m_installationError = error.message;
        Q_EMIT installationChanged();
        return false;
    }
    m_root = installation->rootPath();
    m_installationError.clear();
    m_systems.clear();
    QStringList codes;
    for (const auto &system : installation->systems()) {
        // The name is only shown: display-safe (the code selects the system).
        m_systems.append(
            QVariantMap {{QStringLiteral("code"), system.code},
                         {QStringLiteral("name"), DisplayText::displaySafe(system.name)}});
        codes << system.code;
    }
    // The system asked for (--system), else the one used last time, else the first.
    const auto settings = AppSettings::open();
    const QString remembered = settings->value(systemKey).toString();
    QString code = m_systemCode;
    if (!codes.contains(code))
        code = codes.contains(remembered) ? remembered : codes.value(0);
    settings->setValue(rootKey, m_root);
    m_systemCode = code;
    Q_EMIT installationChanged();
    // systemName depends on the installation even when the code is the same.
    Q_EMIT systemChanged();
    return true;
}

bool AppController::openRemembered()
{
    const QString root = AppSettings::open()->value(rootKey).toString();
    if (root.isEmpty())
        return false;
    return openInstallation(root);
}

void AppController::createDemo()
{
    if (creatingDemo())
        return;
    const QString root = demoRoot();
    m_demoProgress = 0;
    // The worker only writes this number; a timer on the GUI thread shows it.
    auto fraction = std::make_shared<std::atomic<double>>(0.0);
    auto *poll = new QTimer(this);
    poll->setInterval(100);
    connect(poll, &QTimer::timeout, this, [this, fraction] { setDemoProgress(*fraction); });
    poll->start();
    m_demoTask.start(
        this,
        [root, fraction](const std::atomic_bool &) -> QString {
            if (QFileInfo::exists(root))
                return {};
            DemoParameters params;
            params.companies = 12;
            params.years = 4;
            params.sizeMb = 40;
            // Written beside and renamed when complete: a demo cut short (the
            // app closed meanwhile) is never taken for a finished one.
            const QString partial = root + QStringLiteral(".parcial");
            QDir(partial).removeRecursively();
            QDir().mkpath(QFileInfo(root).absolutePath());
            const OperationError error = DemoInstallation::create(
                partial, params, [fraction](qint64 written, qint64 total) {
                    fraction->store(total > 0 ? double(written) / double(total) : 0.0);
                });
            if (error) {
                QDir(partial).removeRecursively();
                return error.message;
            }
            if (!QDir().rename(partial, root)) {
                QDir(partial).removeRecursively();
                return tr("The demonstration could not be created in %1.")
                    .arg(QDir::toNativeSeparators(root));
            }
            return {};
        },
        [this, root, poll](const QString &error) {
            poll->deleteLater();
            m_demoTask.finished();
            bool ok = false;
            if (!error.isEmpty()) {
                m_installationError = error;
                Q_EMIT installationChanged();
            } else {
                ok = openInstallation(root);
            }
            Q_EMIT creatingDemoChanged();
            Q_EMIT demoCreated(ok);
        });
    Q_EMIT creatingDemoChanged();
    Q_EMIT demoProgressChanged();
}

void AppController::setDemoProgress(double fraction)
{
    if (!creatingDemo() || qFuzzyCompare(fraction, m_demoProgress))
        return;
    m_demoProgress = fraction;
    Q_EMIT demoProgressChanged();
}

void AppController::setStartPage(const QString &page)
{
    m_startPage = page;
}

QStringList AppController::connectedSessions() const
{
    if (m_root.isEmpty())
        return {};
    const QString sessionsDir = m_root + u'/' + QStringView(InstallationLayout::sessionsDirName);
    QStringList lines;
    for (const auto &session : SessionLock::activeSessions(sessionsDir)) {
        QString line = SessionLock::describeSessions({session});
        // describeSessions makes a list for a message; here each is an item.
        if (line.startsWith(u"- "))
            line.remove(0, 2);
        lines << line;
    }
    return lines;
}

void AppController::rememberDestination(const QString &folder)
{
    if (storeDestination(folder))
        Q_EMIT recentDestinationsChanged();
}

void AppController::rememberDestinationFolder(const QString &folder)
{
    if (storeDestination(folder) && s_instance)
        Q_EMIT s_instance->recentDestinationsChanged();
}

bool AppController::storeDestination(const QString &folder)
{
    if (folder.isEmpty())
        return false;
    const QString cleaned = QDir::cleanPath(folder);
    QStringList folders = AppSettings::open()->value(destinationsKey).toStringList();
    folders.removeAll(cleaned);
    folders.prepend(cleaned);
    while (folders.size() > recentDestinationsKept)
        folders.removeLast();
    AppSettings::open()->setValue(destinationsKey, folders);
    return true;
}

QString AppController::formatSize(qint64 bytes) const
{
    return FileSystem::formatSize(bytes);
}

QString AppController::formatDateTime(const QDateTime &dateTime) const
{
    if (!dateTime.isValid())
        return {};
    return QLocale().toString(dateTime.toLocalTime(), QLocale::ShortFormat);
}

QString AppController::formatNumber(qint64 number) const
{
    return QLocale().toString(number);
}

void AppController::setSystemCode(const QString &code)
{
    if (code == m_systemCode)
        return;
    // With an installation open only its systems are accepted; before one
    // is open, main() may preset the code given with --system.
    if (!m_root.isEmpty()) {
        const bool installed
            = std::any_of(m_systems.cbegin(), m_systems.cend(), [&](const QVariant &system) {
                  return system.toMap().value(QStringLiteral("code")).toString() == code;
              });
        if (!installed)
            return;
        AppSettings::open()->setValue(systemKey, code);
    }
    m_systemCode = code;
    Q_EMIT systemChanged();
}

QString AppController::systemName() const
{
    for (const auto &system : m_systems) {
        const QVariantMap map = system.toMap();
        if (map.value(QStringLiteral("code")).toString() == m_systemCode)
            return map.value(QStringLiteral("name")).toString();
    }
    return {};
}

QString AppController::demoRoot() const
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/demonstracao";
}

QStringList AppController::recentDestinations() const
{
    return AppSettings::open()->value(destinationsKey).toStringList();
}

QString AppController::version() const
{
    return QString::fromLatin1(toolVersion);
}

void AppController::setKiosk(bool kiosk)
{
    if (kiosk == m_kiosk)
        return;
    m_kiosk = kiosk;
    Q_EMIT kioskChanged();
}

// AppSettings names its file explicitly: the same one whether or not a
// QCoreApplication exists yet (main() reads "kiosk" before creating it).
bool AppController::rememberedKiosk()
{
    return AppSettings::open()->value(kioskKey, false).toBool();
}

void AppController::rememberKiosk(bool kiosk)
{
    const auto settings = AppSettings::open();
    if (kiosk)
        settings->setValue(kioskKey, true);
    else
        settings->remove(kioskKey);
}

void AppController::setIdleTimeoutSeconds(int seconds)
{
    m_idleTimeoutSeconds = seconds > 0 ? seconds : defaultIdleTimeoutSeconds;
}

} // namespace Resguarda
