// SPDX-License-Identifier: GPL-3.0-or-later
// Renders every page of the app, offscreen, to PNG files: what
// docs/make-screenshots.sh runs to fill docs/screenshots/, and what a
// developer opens to check a page by looking.
//
//   resguarda-screenshots OUTPUT_DIR WIDTHxHEIGHT LANG LOCKHOLDER [--kiosk]
//
// It builds a demo installation with a few copies of history, opens the real
// Main.qml and walks through the wizards by setting their step, pressing
// their buttons and running real jobs. With --kiosk it runs as a kiosk on a
// screen of exactly WIDTHxHEIGHT instead, and renders the pages with the
// on-screen keyboard open and the quit confirmation (names 3x-quiosque-…).
#include "core/translation.h"
#include "offsite/remotelocation.h"
#include "support/demofixture.h"
#include "support/isolatedhome.h"
#include "support/makecopy.h"
#include "ui/appcontroller.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QInputMethod>
#include <QInputMethodEvent>
#include <QProcess>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QtQml/QQmlExtensionPlugin>

#include <algorithm>
#include <cstdio>
#include <sys/stat.h>
#include <sys/time.h>

Q_IMPORT_QML_PLUGIN(Resguarda_BackendPlugin)
Q_IMPORT_QML_PLUGIN(Resguarda_AppPlugin)

using namespace Resguarda;

namespace {

void settle(int ms = 250)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

bool waitFor(const std::function<bool()> &condition, int ms = 60000)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > ms)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    }
    return true;
}

QObject *findByName(QObject *root, const QString &name)
{
    if (!root)
        return nullptr;
    if (root->objectName() == name)
        return root;
    return root->findChild<QObject *>(name);
}

class Shooter
{
public:
    Shooter(QQuickWindow *window, QString dir, QString suffix)
        : m_window(window)
        , m_dir(std::move(dir))
        , m_suffix(std::move(suffix))
    {
    }

    void shoot(const QString &name)
    {
        settle();
        shootNow(name);
    }

    // Without letting events run first: a busy state, before the worker's
    // result is delivered.
    void shootNow(const QString &name)
    {
        const QImage image = m_window->grabWindow();
        const QString path = m_dir + u'/' + name + u'-' + m_suffix + u".png";
        if (image.isNull() || !image.save(path))
            std::fprintf(stderr, "could not save %s\n", qPrintable(path));
        else
            std::printf("%s\n", qPrintable(path));
    }

private:
    QQuickWindow *m_window;
    QString m_dir;
    QString m_suffix;
};

QObject *currentPage(QObject *window)
{
    return window->property("currentPage").value<QObject *>();
}

void press(QObject *root, const QString &name)
{
    QObject *button = findByName(root, name);
    if (button)
        QMetaObject::invokeMethod(button, "clicked");
    else
        std::fprintf(stderr, "no button %s\n", qPrintable(name));
}

QQuickItem *findItem(QObject *root, const QString &name)
{
    return qobject_cast<QQuickItem *>(findByName(root, name));
}

// Focuses a text field as a tap would and waits for the on-screen keyboard
// to open and the page to settle above it.
bool typeInto(QQuickWindow *window, QQuickItem *field, const QString &text)
{
    if (!field)
        return false;
    window->requestActivate();
    field->forceActiveFocus(Qt::MouseFocusReason);
    QGuiApplication::inputMethod()->show();
    QObject *keyboard = window->property("keyboard").value<QObject *>();
    if (!keyboard || !waitFor([&] { return keyboard->property("open").toBool(); }, 10000))
        return false;
    // Committed as the keyboard commits a word, so the page sees it typed.
    QInputMethodEvent commit;
    commit.setCommitString(text);
    QCoreApplication::sendEvent(field, &commit);
    // The layout of the keyboard is loaded the first time it opens.
    settle(600);
    return true;
}

// Home reads the copies on a worker: wait until it shows them.
void waitForHome(QObject *window)
{
    settle();
    QObject *history = findByName(currentPage(window), QStringLiteral("history"));
    if (!history || !waitFor([&] { return history->property("ready").toBool(); }))
        std::fprintf(stderr, "Home did not finish reading the copies\n");
}

// Home with copies that are not this installation's protection in a
// remembered folder: one of another installation (a pen drive two offices
// share) and one of this installation's other system. They are removed
// afterwards, so the other shots do not show them.
int shootForeignCopies(QObject *window, Shooter &shooter, AppController &controller,
                       const QString &root, const QString &scratch)
{
    const QString other = scratch + QStringLiteral("/OutraEmpresa");
    TestSupport::DemoFixture demo(3, 2, 4, 77, 2026);
    if (demo.create(other))
        return 1;
    const QString shared = scratch + QStringLiteral("/PENDRIVE-ESCRITORIO");
    QDir().mkpath(shared);
    QStringList written;
    auto backup = [&](const QString &from, const QString &system, const QString &extra) {
        BackupOptions options;
        options.root = from;
        options.systemCode = system;
        options.output = shared;
        options.extraLabel = extra;
        const QString copy = TestSupport::makeCopy(options);
        if (!copy.isEmpty())
            written << copy;
    };
    backup(other, QStringLiteral("AT"), QStringLiteral("fechamento"));
    backup(root, QStringLiteral("CP"), QString());
    if (written.size() != 2) {
        std::fprintf(stderr, "could not write the copies of another installation and system\n");
        return 1;
    }
    controller.rememberDestination(shared);
    QMetaObject::invokeMethod(window, "showBackup");
    settle();
    QMetaObject::invokeMethod(window, "showHome");
    waitForHome(window);
    // Scrolled to the end, where the other copies are listed.
    if (QObject *scroll = findByName(currentPage(window), QStringLiteral("homeScroll"))) {
        settle();
        if (QObject *flick = scroll->property("contentItem").value<QObject *>())
            flick->setProperty("contentY",
                               std::max(0.0,
                                        flick->property("contentHeight").toDouble()
                                            - flick->property("height").toDouble()));
    }
    shooter.shoot(QStringLiteral("02-inicio-copias-alheias"));
    for (const QString &copy : std::as_const(written))
        QFile::remove(copy);
    return 0;
}

// The restore's copy step browsing a cloud: an rclone remote "gdrive" that
// is a folder of this run's (an alias remote, given by rclone's variables),
// with the pen drive's two newest copies in its default folder; then the
// newest being fetched, slowly enough to be seen, and cancelled.
int shootRestoreFromCloud(QQuickWindow *window, Shooter &shooter, const QString &scratch,
                          const QString &pendrive, const QString &prefix)
{
    const QString remote = scratch + QStringLiteral("/nuvem");
    const QString folder = remote + u'/' + RemoteLocation::defaultFolder();
    QDir().mkpath(folder);
    const QFileInfoList copies
        = QDir(pendrive).entryInfoList({QStringLiteral("Copia*.zip")}, QDir::Files, QDir::Time);
    if (copies.size() < 2) {
        std::fprintf(stderr, "the pen drive has fewer than two copies for the cloud\n");
        return 1;
    }
    // Sent this morning and a day before.
    const QDateTime morning = QDateTime(QDate::currentDate(), QTime(7, 30));
    for (int i = 0; i < 2; ++i) {
        const QString target = folder + u'/' + copies.at(i).fileName();
        QFile::remove(target);
        QFile file(target);
        if (!QFile::copy(copies.at(i).filePath(), target) || !file.open(QIODevice::ReadWrite)
            || !file.setFileTime(morning.addDays(-i), QFileDevice::FileModificationTime))
            return 1;
    }
    qputenv("RCLONE_CONFIG_GDRIVE_TYPE", "alias");
    qputenv("RCLONE_CONFIG_GDRIVE_REMOTE", QFile::encodeName(remote));

    QMetaObject::invokeMethod(window, "showHome");
    QMetaObject::invokeMethod(window, "showRestore");
    settle();
    QObject *wizard = currentPage(window);
    press(wizard, QStringLiteral("sourceCloud"));
    QObject *cloud = findByName(wizard, QStringLiteral("cloudBrowser"));
    QObject *listed = cloud ? cloud->property("copies").value<QObject *>() : nullptr;
    // Among the run's other clouds, "gdrive" tapped (the buttons are the
    // items of its row, made by a Repeater).
    QObject *choice = nullptr;
    waitFor([&] {
        if (QQuickItem *row = findItem(cloud, QStringLiteral("remoteChoices")))
            for (QQuickItem *button : row->childItems())
                if (button->property("name").toString() == QStringLiteral("gdrive"))
                    choice = button;
        return choice != nullptr;
    });
    if (choice)
        QMetaObject::invokeMethod(choice, "clicked");
    if (!listed || !waitFor([&] {
            return listed->property("ready").toBool() && !listed->property("busy").toBool()
                && listed->property("count").toInt() == 2;
        })) {
        std::fprintf(stderr, "the cloud's copies were not listed\n");
        return 1;
    }
    shooter.shoot(prefix + QStringLiteral("-restauracao-copia-nuvem"));

    // Slow enough to be seen part-way (the run's own limit comes back after).
    const QByteArray bwlimit = qgetenv("RCLONE_BWLIMIT");
    qputenv("RCLONE_BWLIMIT", "1M");
    QObject *restore = wizard->property("settings").value<QObject *>();
    QMetaObject::invokeMethod(
        restore, "openRemoteCopy",
        Q_ARG(QString,
              QStringLiteral("gdrive:%1/%2")
                  .arg(RemoteLocation::defaultFolder(), copies.first().fileName())));
    waitFor([&] {
        return restore->property("fetchBytesDone").toDouble() > 0
            || !restore->property("fetching").toBool();
    });
    settle(300);
    shooter.shootNow(prefix + QStringLiteral("-restauracao-nuvem-baixando"));
    QMetaObject::invokeMethod(restore, "cancelOpening");
    if (bwlimit.isEmpty())
        qunsetenv("RCLONE_BWLIMIT");
    else
        qputenv("RCLONE_BWLIMIT", bwlimit);
    qunsetenv("RCLONE_CONFIG_GDRIVE_TYPE");
    qunsetenv("RCLONE_CONFIG_GDRIVE_REMOTE");
    QMetaObject::invokeMethod(window, "showHome");
    settle();
    return 0;
}

// The restore's password prompt with the keyboard open (kiosk): a
// protected copy in its own folder, chosen, and its password being typed.
int shootKioskRestorePassword(QQuickWindow *window, Shooter &shooter, AppController &controller,
                              const QString &root, const QString &pendrive)
{
    const QString folder = QFileInfo(pendrive).absolutePath() + QStringLiteral("/PENDRIVE-SENHA");
    BackupOptions options;
    options.root = root;
    options.systemCode = QStringLiteral("AT");
    options.output = folder;
    options.password = QByteArrayLiteral("Senha-Forte-2026");
    QDir().mkpath(folder);
    const QString copy = TestSupport::makeCopy(options);
    if (copy.isEmpty())
        return 1;
    controller.setSystemCode(QStringLiteral("AT"));
    QMetaObject::invokeMethod(window, "showHome");
    QMetaObject::invokeMethod(window, "showRestore");
    settle();
    QObject *wizard = currentPage(window);
    QObject *browser = wizard->property("browser").value<QObject *>();
    browser->setProperty("folder", folder);
    settle(400);
    QObject *restore = wizard->property("settings").value<QObject *>();
    browser->setProperty("selectedFile", copy);
    QMetaObject::invokeMethod(restore, "openCopy", Q_ARG(QString, copy));
    waitFor([&] { return restore->property("copyNeedsPassword").toBool(); });
    if (!typeInto(window, findItem(wizard, QStringLiteral("copyPassword")),
                  QStringLiteral("Senha-Forte")))
        std::fprintf(stderr, "the keyboard did not open on the copy's password\n");
    shooter.shoot(QStringLiteral("35-quiosque-senha-restauracao"));
    window->contentItem()->forceActiveFocus();
    QGuiApplication::inputMethod()->hide();
    settle();
    return 0;
}

// The kiosk pass: the pages where a kiosk types, with the keyboard open, and
// the quit confirmation (with nothing running, and during a copy).
int shootKiosk(QQuickWindow *window, Shooter &shooter, AppController &controller,
               const QString &root, const QString &pendrive)
{
    if (!controller.openInstallation(root)) {
        std::fprintf(stderr, "cannot open the demo installation: %s\n",
                     qPrintable(controller.installationError()));
        return 1;
    }
    controller.rememberDestination(pendrive);
    QMetaObject::invokeMethod(window, "showHome");
    QMetaObject::invokeMethod(window, "showBackup");
    settle(600);
    QObject *wizard = currentPage(window);
    wizard->setProperty("current", 2);
    settle();
    if (!typeInto(window, findItem(wizard, QStringLiteral("companySearch")),
                  QStringLiteral("construç")))
        std::fprintf(stderr, "the keyboard did not open on the company search\n");
    shooter.shoot(QStringLiteral("30-quiosque-busca"));
    window->contentItem()->forceActiveFocus();
    QGuiApplication::inputMethod()->hide();

    QObject *settings = wizard->property("settings").value<QObject *>();
    settings->setProperty("mode", 2); // BackupSettings::Extra
    wizard->setProperty("current", 1);
    settle();
    if (!typeInto(window, findItem(wizard, QStringLiteral("extraLabel")),
                  QStringLiteral("Fechamento 2025")))
        std::fprintf(stderr, "the keyboard did not open on the label of an extra copy\n");
    shooter.shoot(QStringLiteral("31-quiosque-rotulo"));
    window->contentItem()->forceActiveFocus();
    QGuiApplication::inputMethod()->hide();
    settle();

    // The password of a protected copy, typed with the keyboard open.
    settings->setProperty("mode", 0);
    settings->setProperty("protect", true);
    settle();
    if (!typeInto(window, findItem(wizard, QStringLiteral("passwordField")),
                  QStringLiteral("Senha-Forte-2026")))
        std::fprintf(stderr, "the keyboard did not open on the password\n");
    shooter.shoot(QStringLiteral("34-quiosque-senha"));
    window->contentItem()->forceActiveFocus();
    QGuiApplication::inputMethod()->hide();
    settle();
    settings->setProperty("protect", false);

    // A cloud chosen, its folder typed with the keyboard open.
    wizard->setProperty("current", 0);
    settle();
    settings->setProperty("remoteName", QStringLiteral("contador"));
    settings->setProperty("remoteFolder", QString());
    settle();
    if (!typeInto(window, findItem(wizard, QStringLiteral("remoteFolder")),
                  QStringLiteral("Loja 2")))
        std::fprintf(stderr, "the keyboard did not open on the cloud's folder\n");
    shooter.shoot(QStringLiteral("35-quiosque-pasta-nuvem"));
    window->contentItem()->forceActiveFocus();
    QGuiApplication::inputMethod()->hide();
    settings->setProperty("remoteName", QString());
    settle();
    if (shootKioskRestorePassword(window, shooter, controller, root, pendrive))
        return 1;
    if (shootRestoreFromCloud(window, shooter, QFileInfo(pendrive).absolutePath(), pendrive,
                              QStringLiteral("36-quiosque")))
        return 1;

    QMetaObject::invokeMethod(window, "showHome");
    window->close(); // asks first
    shooter.shoot(QStringLiteral("32-quiosque-fechar"));
    if (QObject *dialog = window->property("quitDialog").value<QObject *>())
        QMetaObject::invokeMethod(dialog, "close");

    QMetaObject::invokeMethod(window, "showBackup");
    settle(600);
    wizard = currentPage(window);
    settings = wizard->property("settings").value<QObject *>();
    settings->setProperty("destinationFolder", pendrive);
    wizard->setProperty("current", 3);
    settle();
    QObject *job = wizard->property("job").value<QObject *>();
    press(wizard, QStringLiteral("nextButton"));
    waitFor([&] {
        return job->property("progress").toDouble() > 0.2 || !job->property("running").toBool();
    });
    window->close(); // a copy runs: there is no way to quit
    shooter.shoot(QStringLiteral("33-quiosque-fechar-durante-copia"));
    if (!job->property("running").toBool())
        std::fprintf(stderr,
                     "the copy ended before the screenshot: 33 shows the plain quit dialog\n");
    waitFor([&] { return !job->property("running").toBool(); });
    return 0;
}

// Scrolls the wizard step holding item so that it is in view, as the
// focus would.
void scrollTo(QObject *wizard, const QString &step, const QString &name)
{
    QObject *page = findByName(wizard, step);
    QObject *item = findByName(wizard, name);
    if (page && item)
        QMetaObject::invokeMethod(page, "ensureVisible",
                                  Q_ARG(QVariant, QVariant::fromValue(item)));
    else
        std::fprintf(stderr, "cannot scroll to %s\n", qPrintable(name));
}

// An installation with files no backup can copy (a FIFO and a symbolic
// link in company folders): the backup that fails naming them, the option
// that allows an incomplete copy, its result, Home afterwards, and the
// restore wizard on that copy (names 4x-incompleta-…).
int shootIncomplete(QQuickWindow *window, Shooter &shooter, const QString &root,
                    const QString &pendrive)
{
    const QString company = root + QStringLiteral("/AT/empresas/0002");
    if (::mkfifo(QFile::encodeName(company + QStringLiteral("/fila-da-impressora")).constData(),
                 0644)
            != 0
        || !QFile::link(QStringLiteral("/etc/hostname"),
                        company + QStringLiteral("/atalho-para-outro-disco"))) {
        std::fprintf(stderr, "cannot make the files a backup cannot copy\n");
        return 1;
    }
    QMetaObject::invokeMethod(window, "showHome");
    QMetaObject::invokeMethod(window, "showBackup");
    settle();
    QObject *wizard = currentPage(window);
    QObject *settings = wizard->property("settings").value<QObject *>();
    QObject *job = wizard->property("job").value<QObject *>();
    settings->setProperty("destinationFolder", pendrive);
    wizard->setProperty("current", 3);
    settle();
    press(wizard, QStringLiteral("nextButton"));
    waitFor([&] {
        return !job->property("running").toBool() && wizard->property("current").toInt() == 5;
    });
    shooter.shoot(QStringLiteral("40-incompleta-falhou"));

    QMetaObject::invokeMethod(window, "showHome");
    QMetaObject::invokeMethod(window, "showBackup");
    settle();
    wizard = currentPage(window);
    settings = wizard->property("settings").value<QObject *>();
    job = wizard->property("job").value<QObject *>();
    settings->setProperty("destinationFolder", pendrive);
    wizard->setProperty("current", 1);
    settings->setProperty("allowIncomplete", true);
    settle();
    scrollTo(wizard, QStringLiteral("optionsStep"), QStringLiteral("allowIncompleteWarning"));
    shooter.shoot(QStringLiteral("41-incompleta-opcao"));
    wizard->setProperty("current", 3);
    shooter.shoot(QStringLiteral("42-incompleta-resumo"));
    press(wizard, QStringLiteral("nextButton"));
    waitFor([&] {
        return !job->property("running").toBool() && wizard->property("current").toInt() == 5;
    });
    shooter.shoot(QStringLiteral("43-incompleta-concluida"));
    press(wizard, QStringLiteral("nextButton")); // Finish: back Home
    QMetaObject::invokeMethod(window, "showHome");
    shooter.shoot(QStringLiteral("44-incompleta-inicio"));

    QMetaObject::invokeMethod(window, "showRestore");
    settle();
    wizard = currentPage(window);
    QObject *browser = wizard->property("browser").value<QObject *>();
    browser->setProperty("folder", pendrive);
    settle(400);
    QObject *restore = wizard->property("settings").value<QObject *>();
    const QString copy = pendrive + QStringLiteral("/CopiaAT.zip");
    browser->setProperty("selectedFile", copy);
    QMetaObject::invokeMethod(restore, "openCopy", Q_ARG(QString, copy));
    waitFor([&] {
        return restore->property("copyOpen").toBool() && !restore->property("planning").toBool();
    });
    shooter.shoot(QStringLiteral("45-incompleta-restauracao-copia"));
    wizard->setProperty("current", 1);
    shooter.shoot(QStringLiteral("46-incompleta-restauracao-empresas"));
    wizard->setProperty("current", 3);
    shooter.shoot(QStringLiteral("47-incompleta-restauracao-resumo"));
    return 0;
}

// A protected copy (names 5x-protegida-…): the options with the password
// typed twice and its strength, a weak one refused, the summary and the
// result, the restore asking for the password and refusing a wrong one,
// and Home showing the protected copy. Written to its own folder.
int shootProtected(QQuickWindow *window, Shooter &shooter, AppController &controller,
                   const QString &root, const QString &scratch)
{
    // What shootIncomplete left for the backup to fail on goes first.
    const QString company = root + QStringLiteral("/AT/empresas/0002");
    QFile::remove(company + QStringLiteral("/fila-da-impressora"));
    QFile::remove(company + QStringLiteral("/atalho-para-outro-disco"));
    if (!controller.openInstallation(root))
        return 1;
    controller.setSystemCode(QStringLiteral("AT"));
    const QString folder = scratch + QStringLiteral("/PENDRIVE-SENHA");
    QDir().mkpath(folder);
    const QString password = QStringLiteral("Senha-Forte-2026");
    QMetaObject::invokeMethod(window, "showHome");
    QMetaObject::invokeMethod(window, "showBackup");
    settle();
    QObject *wizard = currentPage(window);
    QObject *settings = wizard->property("settings").value<QObject *>();
    QObject *job = wizard->property("job").value<QObject *>();
    settings->setProperty("destinationFolder", folder);
    wizard->setProperty("current", 1);
    settings->setProperty("protect", true);
    settings->setProperty("password", QStringLiteral("curta-2026"));
    settle();
    scrollTo(wizard, QStringLiteral("optionsStep"), QStringLiteral("passwordProblem"));
    shooter.shoot(QStringLiteral("51-protegida-senha-fraca"));
    settings->setProperty("password", password);
    settings->setProperty("passwordRepeat", password);
    settle();
    scrollTo(wizard, QStringLiteral("optionsStep"), QStringLiteral("passwordBox"));
    shooter.shoot(QStringLiteral("50-protegida-opcoes"));
    wizard->setProperty("current", 3);
    QObject *summary = settings->property("summary").value<QObject *>();
    waitFor([&] { return !summary->property("busy").toBool(); });
    scrollTo(wizard, QStringLiteral("summaryStep"), QStringLiteral("summaryProtected"));
    shooter.shoot(QStringLiteral("52-protegida-resumo"));
    press(wizard, QStringLiteral("nextButton"));
    waitFor(
        [&] {
            return !job->property("running").toBool() && wizard->property("current").toInt() == 5;
        },
        180000);
    shooter.shoot(QStringLiteral("53-protegida-concluida"));
    const QStringList written = job->property("resultPaths").toStringList();
    press(wizard, QStringLiteral("nextButton")); // Finish: back Home
    QMetaObject::invokeMethod(window, "showHome");
    waitForHome(window);
    shooter.shoot(QStringLiteral("56-protegida-inicio"));

    QMetaObject::invokeMethod(window, "showRestore");
    settle();
    wizard = currentPage(window);
    QObject *browser = wizard->property("browser").value<QObject *>();
    browser->setProperty("folder", folder);
    settle(400);
    QObject *restore = wizard->property("settings").value<QObject *>();
    const QString copy = written.value(0);
    browser->setProperty("selectedFile", copy);
    QMetaObject::invokeMethod(restore, "openCopy", Q_ARG(QString, copy));
    waitFor([&] { return restore->property("copyNeedsPassword").toBool(); });
    shooter.shoot(QStringLiteral("54-protegida-restauracao-senha"));
    QMetaObject::invokeMethod(restore, "openWithPassword",
                              Q_ARG(QString, QStringLiteral("Senha-Errada-2026")));
    waitFor(
        [&] {
            return !restore->property("opening").toBool()
                && !restore->property("passwordError").toString().isEmpty();
        },
        180000);
    shooter.shoot(QStringLiteral("55-protegida-senha-errada"));
    QMetaObject::invokeMethod(restore, "openWithPassword", Q_ARG(QString, password));
    waitFor(
        [&] {
            return restore->property("copyOpen").toBool()
                && !restore->property("planning").toBool();
        },
        180000);
    shooter.shoot(QStringLiteral("57-protegida-restauracao-aberta"));
    QMetaObject::invokeMethod(window, "showHome");
    return 0;
}

// Dates everything below dir daysAgo days back (no link followed).
void ageTree(const QString &dir, int daysAgo)
{
    const time_t when = time_t(QDateTime::currentDateTime().addDays(-daysAgo).toSecsSinceEpoch());
    const timeval times[2] = {{when, 0}, {when, 0}};
    QDirIterator it(dir, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        ::lutimes(QFile::encodeName(it.next()).constData(), times);
}

// An office of companies whose copy is nine days old and whose companies
// at rows newer were worked on three days ago: the restore's preview with
// the newer-data warning and its confirmation (names 26-… to 28-…).
int shootNewerData(QQuickWindow *window, Shooter &shooter, AppController &controller,
                   const QString &base, int companies, const QList<int> &newer,
                   const QStringList &names)
{
    const QString root = base + QStringLiteral("/Escritorio%1").arg(companies);
    TestSupport::DemoFixture demo(companies, companies > 10 ? 1 : 2, 6, 7, 2026);
    if (demo.create(root))
        return 1;
    ageTree(root, 10);
    BackupOptions options;
    options.root = root;
    options.systemCode = QStringLiteral("AT");
    options.output = base + QStringLiteral("/copias-%1").arg(companies);
    options.now = QDateTime::currentDateTime().addDays(-9);
    const QString copy = TestSupport::makeCopy(options);
    if (copy.isEmpty())
        return 1;
    const QStringList codes
        = QDir(root + QStringLiteral("/AT/empresas")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (int row : newer) {
        QDirIterator it(root + QStringLiteral("/AT/empresas/") + codes.value(row), QDir::Files,
                        QDirIterator::Subdirectories);
        if (!it.hasNext())
            return 1;
        QFile file(it.next());
        if (!file.open(QIODevice::ReadWrite)
            || !file.setFileTime(QDateTime::currentDateTime().addDays(-3),
                                 QFileDevice::FileModificationTime))
            return 1;
    }
    if (!controller.openInstallation(root))
        return 1;
    controller.setSystemCode(QStringLiteral("AT"));
    QMetaObject::invokeMethod(window, "showHome");
    QMetaObject::invokeMethod(window, "showRestore");
    settle();
    QObject *wizard = currentPage(window);
    QObject *restore = wizard->property("settings").value<QObject *>();
    QMetaObject::invokeMethod(restore, "openCopy", Q_ARG(QString, copy));
    // Opened, planned and compared with the installation, on workers.
    const auto ready = [&] {
        return restore->property("copyOpen").toBool() && !restore->property("planning").toBool()
            && !restore->property("checkingNewerData").toBool();
    };
    waitFor(ready);
    wizard->setProperty("current", 1);
    if (!names.value(0).isEmpty())
        shooter.shoot(names.value(0));
    if (companies > 10) {
        // Some left out with "Substitui dados existentes": eliminated, a long group.
        QObject *model = restore->property("companies").value<QObject *>();
        const int rows = model->property("count").toInt();
        for (int row = rows - 12; row < rows; ++row)
            QMetaObject::invokeMethod(model, "setSelected", Q_ARG(int, row), Q_ARG(bool, false));
        restore->setProperty("replaceAll", true);
    }
    QMetaObject::invokeMethod(restore, "updatePlan");
    waitFor(ready);
    wizard->setProperty("current", 3);
    shooter.shoot(names.value(1));
    // A tap on the disabled Restore now, as the area over it reports it.
    wizard->setProperty("nextRefusedTap", true);
    QMetaObject::invokeMethod(wizard, "nextRefused");
    shooter.shoot(names.value(2));
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    // A kiosk types with Qt Virtual Keyboard, chosen when the application
    // starts; its window fills the screen, so the offscreen screen gets the
    // size asked for.
    QTemporaryDir platformDir;
    const bool kiosk = argc == 6 && qstrcmp(argv[5], "--kiosk") == 0;
    const QByteArray platform = qgetenv("QT_QPA_PLATFORM");
    if (kiosk && (platform.isEmpty() || platform == "offscreen")) {
        const QList<QByteArray> size = QByteArray(argv[2]).split('x');
        const QString config = platformDir.filePath(QStringLiteral("screen.json"));
        QFile file(config);
        if (size.size() != 2 || !file.open(QIODevice::WriteOnly)) {
            std::fprintf(stderr, "cannot set up the kiosk screen\n");
            return 2;
        }
        file.write(QStringLiteral(
                       R"({"screens": [{"name": "kiosk", "x": 0, "y": 0, "width": %1, "height": %2,
                                      "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]})")
                       .arg(QString::fromLatin1(size[0]), QString::fromLatin1(size[1]))
                       .toUtf8());
        file.close();
        qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" + QFile::encodeName(config));
    }
    if (kiosk)
        qputenv("QT_IM_MODULE", QByteArrayLiteral("qtvirtualkeyboard"));
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 5 && !kiosk) {
        std::fprintf(
            stderr,
            "usage: resguarda-screenshots OUTPUT_DIR WIDTHxHEIGHT LANG LOCKHOLDER [--kiosk]\n");
        return 2;
    }
    const QString outDir = args[1];
    const QStringList size = args[2].split(u'x');
    const QSize windowSize(size.value(0).toInt(), size.value(1).toInt());
    const QString lockholder = args[4];
    QDir().mkpath(outDir);

    // Never the user's home or settings: everything below this run's folder.
    QTemporaryDir dir;
    TestSupport::isolateHome(dir.path());
    // Two clouds set up with rclone, as an office has them (rclone reads
    // remotes from these variables too): the accountant's Google Drive,
    // only listed and chosen (nothing is ever sent to it from here), and a
    // server folder, a "local" remote over this run's folder, which the
    // copy is really sent to.
    qputenv("RCLONE_CONFIG_CONTADOR_TYPE", "drive");
    qputenv("RCLONE_CONFIG_SERVIDOR_TYPE", "local");
    qputenv("RCLONE_BWLIMIT", "1M");
    const QString cloud = dir.filePath(QStringLiteral("NUVEM"));
    installTranslations(app, QLocale(args[3]));
    QQuickStyle::setStyle(QStringLiteral("Basic"));

    // A realistic installation with some history: weekday sets on other days
    // and today's copy in Copias.
    const QString root = dir.filePath(QStringLiteral("Sistemas"));
    // Large enough (160 MiB) that the progress pages can be caught part-way.
    TestSupport::DemoFixture demo(14, 4, 160, 2026, 2026);
    if (demo.create(root))
        return 1;
    const QString pendrive = dir.filePath(QStringLiteral("PENDRIVE"));
    QDir().mkpath(pendrive);
    for (int daysAgo : {3, 2, 1}) {
        BackupOptions options;
        options.root = root;
        options.systemCode = QStringLiteral("AT");
        options.output = pendrive;
        options.rotation = BackupOptions::Rotation::Weekday;
        options.now = QDateTime::currentDateTime().addDays(-daysAgo);
        TestSupport::makeCopy(options);
    }

    AppController controller;
    AppController::setInstance(&controller);
    controller.setKiosk(kiosk);
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Resguarda/App/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().first());
    if (kiosk) {
        // Full screen by itself (Main.qml); show() would make it a normal window.
        settle();
        if (window->size() != windowSize) {
            std::fprintf(stderr,
                         "the kiosk window is %dx%d, not on a screen of the size asked for\n",
                         window->width(), window->height());
            return 1;
        }
    } else {
        window->resize(windowSize);
        window->show();
    }
    const QString suffix = QStringLiteral("%1x%2").arg(windowSize.width()).arg(windowSize.height());
    Shooter shooter(window, outDir, suffix);
    if (kiosk)
        return shootKiosk(window, shooter, controller, root, pendrive);

    shooter.shoot(QStringLiteral("00-boas-vindas"));
    QMetaObject::invokeMethod(&controller, "createDemo");
    waitFor([&] { return controller.demoProgress() > 0.2 || !controller.creatingDemo(); });
    shooter.shootNow(QStringLiteral("02-demo-criando"));
    waitFor([&] { return !controller.creatingDemo(); }, 180000);
    if (!controller.openInstallation(root)) {
        std::fprintf(stderr, "cannot open the demo installation: %s\n",
                     qPrintable(controller.installationError()));
        return 1;
    }
    controller.rememberDestination(pendrive);
    QMetaObject::invokeMethod(window, "showHome");
    waitForHome(window);
    shooter.shoot(QStringLiteral("01-inicio"));
    if (const int failed = shootForeignCopies(window, shooter, controller, root, dir.path()))
        return failed;
    // Backup wizard.
    QMetaObject::invokeMethod(window, "showBackup");
    settle();
    QObject *wizard = currentPage(window);
    // The clouds (rclone remotes; RCLONE_CONFIG_<NAME>_TYPE variables give
    // some) are asked on a worker thread: their answer first.
    QQuickItem *remoteList = findItem(wizard, QStringLiteral("remoteList"));
    if (QObject *remotes
        = remoteList ? remoteList->property("remotes").value<QObject *>() : nullptr)
        waitFor([&] { return remotes->property("ready").toBool(); });
    shooter.shoot(QStringLiteral("10-copia-destino"));
    if (QQuickItem *step = findItem(wizard, QStringLiteral("destinationStep"))) {
        QObject *choices = wizard->property("settings").value<QObject *>();
        choices->setProperty("remoteName", QStringLiteral("contador"));
        settle();
        QMetaObject::invokeMethod(step, "ensureVisible",
                                  Q_ARG(QVariant, QVariant::fromValue<QObject *>(remoteList)));
        shooter.shoot(QStringLiteral("10c-copia-destino-nuvem"));
        choices->setProperty("remoteName", QString());
        step->property("contentItem").value<QObject *>()->setProperty("contentY", 0);
    }
    // The folder browser naming a new folder, its error next to the field.
    wizard->setProperty("choosingFolder", true);
    press(wizard, QStringLiteral("newFolder"));
    if (QQuickItem *name = findItem(wizard, QStringLiteral("folderName")))
        name->setProperty("text", QStringLiteral("Cópias: março"));
    shooter.shoot(QStringLiteral("10b-copia-nova-pasta"));
    press(wizard, QStringLiteral("cancelNewFolder"));
    wizard->setProperty("choosingFolder", false);
    wizard->setProperty("current", 1);
    QObject *settings = wizard->property("settings").value<QObject *>();
    settings->setProperty("leaveOutArchived", true);
    settings->setProperty("templates", true);
    shooter.shoot(QStringLiteral("11-copia-opcoes"));
    // The keyboard on the title bar's Home, then what Home asks.
    if (QQuickItem *home = findItem(window, QStringLiteral("homeButton"))) {
        home->forceActiveFocus(Qt::TabFocusReason);
        shooter.shoot(QStringLiteral("11b-foco-inicio"));
        QMetaObject::invokeMethod(home, "clicked");
        shooter.shoot(QStringLiteral("11c-sair-do-assistente"));
        if (QObject *leave = window->property("leaveDialog").value<QObject *>())
            QMetaObject::invokeMethod(leave, "close");
    }
    settings->setProperty("leaveOutArchived", false);
    wizard->setProperty("current", 2);
    QObject *companies = wizard->property("companies").value<QObject *>();
    QMetaObject::invokeMethod(companies, "loadInstallation", Q_ARG(QString, controller.root()),
                              Q_ARG(QString, controller.systemCode()));
    shooter.shootNow(QStringLiteral("12a-copia-empresas-medindo"));
    waitFor([&] { return !companies->property("loading").toBool(); });
    shooter.shoot(QStringLiteral("12-copia-empresas"));
    settings->setProperty("leaveOutArchived", true);
    shooter.shoot(QStringLiteral("12b-copia-empresas-sem-mortos"));
    settings->setProperty("leaveOutArchived", false);
    settings->setProperty("destinationFolder", pendrive);
    // Sent to the server folder after it is made: the summary, the
    // progress and the result say so.
    settings->setProperty("remoteName", QStringLiteral("servidor"));
    settings->setProperty("remoteFolder", cloud);
    wizard->setProperty("current", 3);
    QObject *summary = settings->property("summary").value<QObject *>();
    const auto summaryReady = [&] {
        return !summary->property("busy").toBool();
    };
    waitFor(summaryReady);
    shooter.shoot(QStringLiteral("13-copia-resumo"));
    // "Gera Cópia dos Demais Sistemas" with one company of this system left
    // out: the summary says what each system's copy holds.
    settings->setProperty("allSystems", true);
    QMetaObject::invokeMethod(companies, "setSelected", Q_ARG(int, 1), Q_ARG(bool, false));
    wizard->setProperty("current", 2);
    wizard->setProperty("current", 3);
    waitFor(summaryReady);
    shooter.shoot(QStringLiteral("13-copia-resumo-sistemas"));
    settings->setProperty("allSystems", false);
    QMetaObject::invokeMethod(companies, "selectAll", Q_ARG(bool, true));
    wizard->setProperty("current", 2);
    wizard->setProperty("current", 3);
    waitFor(summaryReady);
    QObject *job = wizard->property("job").value<QObject *>();
    press(wizard, QStringLiteral("nextButton"));
    waitFor([&] {
        return job->property("progress").toDouble() > 0.25 || !job->property("running").toBool();
    });
    shooter.shoot(QStringLiteral("14-copia-andamento"));
    // Then sent, with rclone's progress (its bandwidth held back so that
    // the upload is caught part-way).
    const QString sending
        = QCoreApplication::translate("Resguarda::JobController", "Sending the copy off site…");
    waitFor(
        [&] {
            return (job->property("phaseText").toString() == sending
                    && job->property("progress").toDouble() > 0.2)
                || !job->property("running").toBool();
        },
        120000);
    shooter.shoot(QStringLiteral("14c-copia-enviando"));
    waitFor([&] { return !job->property("running").toBool(); }, 120000);
    shooter.shoot(QStringLiteral("15-copia-concluida"));

    // A copy cancelled part-way: Cancel asks first, and the end says so.
    QMetaObject::invokeMethod(window, "showHome");
    QMetaObject::invokeMethod(window, "showBackup");
    settle();
    wizard = currentPage(window);
    job = wizard->property("job").value<QObject *>();
    wizard->property("settings").value<QObject *>()->setProperty("destinationFolder", pendrive);
    wizard->setProperty("current", 3);
    settle();
    press(wizard, QStringLiteral("nextButton"));
    waitFor([&] {
        return job->property("progress").toDouble() > 0.1 || !job->property("running").toBool();
    });
    press(wizard, QStringLiteral("cancelJobButton"));
    shooter.shoot(QStringLiteral("14b-copia-cancelar"));
    QMetaObject::invokeMethod(job, "cancel");
    waitFor([&] {
        return !job->property("running").toBool() && wizard->property("current").toInt() == 5;
    });
    shooter.shoot(QStringLiteral("15b-copia-cancelada"));

    // The same wizard while somebody is connected.
    QProcess client;
    client.start(lockholder,
                 {root + QStringLiteral("/sessoes"), QStringLiteral("maria"),
                  QStringLiteral("CAIXA-01"), QStringLiteral("CP")});
    client.waitForReadyRead(10000);
    QMetaObject::invokeMethod(window, "showHome");
    QMetaObject::invokeMethod(window, "showBackup");
    settle();
    wizard = currentPage(window);
    job = wizard->property("job").value<QObject *>();
    wizard->setProperty("current", 3);
    settle();
    press(wizard, QStringLiteral("nextButton"));
    waitFor([&] {
        return !job->property("running").toBool() && wizard->property("current").toInt() == 5;
    });
    shooter.shoot(QStringLiteral("16-em-uso"));
    client.closeWriteChannel();
    client.waitForFinished(10000);

    // Restore wizard, from a cloud, then from the pen drive copy.
    if (shootRestoreFromCloud(window, shooter, dir.path(), pendrive, QStringLiteral("20c")))
        return 1;
    QMetaObject::invokeMethod(window, "showHome");
    QMetaObject::invokeMethod(window, "showRestore");
    settle();
    wizard = currentPage(window);
    QObject *browser = wizard->property("browser").value<QObject *>();
    browser->setProperty("folder", pendrive);
    settle(400);
    QObject *restore = wizard->property("settings").value<QObject *>();
    const QString copy = pendrive + QStringLiteral("/CopiaAT.zip");
    browser->setProperty("selectedFile", copy);
    QMetaObject::invokeMethod(restore, "openCopy", Q_ARG(QString, copy));
    shooter.shootNow(QStringLiteral("20a-restauracao-abrindo"));
    waitFor([&] { return restore->property("copyOpen").toBool(); });
    shooter.shoot(QStringLiteral("20-restauracao-copia"));
    // The same list reached by Tab: the current row's focus ring.
    if (QQuickItem *files = findItem(wizard, QStringLiteral("fileView"))) {
        files->forceActiveFocus(Qt::TabFocusReason);
        shooter.shoot(QStringLiteral("20b-restauracao-copia-teclado"));
    }
    wizard->setProperty("current", 1);
    shooter.shoot(QStringLiteral("21-restauracao-empresas"));
    restore->setProperty("replaceAll", true);
    QMetaObject::invokeMethod(restore, "updatePlan");
    wizard->setProperty("current", 2);
    shooter.shootNow(QStringLiteral("22a-restauracao-opcoes-planejando"));
    waitFor([&] { return !restore->property("planning").toBool(); });
    shooter.shoot(QStringLiteral("22-restauracao-opcoes"));
    restore->setProperty("replaceAll", false);
    QMetaObject::invokeMethod(restore, "updatePlan");
    wizard->setProperty("current", 3);
    waitFor([&] { return !restore->property("planning").toBool(); });
    shooter.shoot(QStringLiteral("23-restauracao-resumo"));
    if (QObject *confirmation = findByName(wizard, QStringLiteral("confirmation")))
        confirmation->setProperty("checked", true);
    job = wizard->property("job").value<QObject *>();
    press(wizard, QStringLiteral("nextButton"));
    waitFor([&] {
        return job->property("progress").toDouble() > 0.25 || !job->property("running").toBool();
    });
    shooter.shoot(QStringLiteral("24-restauracao-andamento"));
    waitFor([&] { return !job->property("running").toBool(); });
    shooter.shoot(QStringLiteral("25-restauracao-concluida"));
    if (const int failed = shootIncomplete(window, shooter, root, pendrive))
        return failed;
    if (shootNewerData(window, shooter, controller, dir.path(), 3, {1},
                       {QStringLiteral("26-restauracao-empresas-dados-mais-novos"),
                        QStringLiteral("27-restauracao-confirmacao-3-empresas"),
                        QStringLiteral("27b-restauracao-confirmacao-falta-marcar")})
        || shootNewerData(window, shooter, controller, dir.path(), 300, {1, 149},
                          {QString(), QStringLiteral("28-restauracao-confirmacao-300-empresas"),
                           QStringLiteral("28b-restauracao-confirmacao-300-falta-marcar")})) {
        std::fprintf(stderr, "cannot shoot the newer-data restore\n");
        return 1;
    }
    if (shootProtected(window, shooter, controller, root, dir.path())) {
        std::fprintf(stderr, "cannot shoot the protected copy\n");
        return 1;
    }
    return 0;
}
