// SPDX-License-Identifier: GPL-3.0-or-later
// Renders every page of the app, offscreen, to PNG files: what
// docs/make-screenshots.sh runs to fill docs/screenshots/, and what a
// developer opens to check a page by looking.
//
//   resguarda-screenshots OUTPUT_DIR WIDTHxHEIGHT LANG LOCKHOLDER
//
// It builds a demo installation with a few copies of history, opens the real
// Main.qml and walks through the wizards by setting their step, pressing
// their buttons and running real jobs.
#include "backup/backupjob.h"
#include "core/translation.h"
#include "demo/demoinstallation.h"
#include "ui/appcontroller.h"

#include <QDir>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QProcess>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtQml/QQmlExtensionPlugin>

#include <cstdio>

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

} // namespace

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 5) {
        std::fprintf(stderr, "usage: resguarda-screenshots OUTPUT_DIR WIDTHxHEIGHT LANG LOCKHOLDER\n");
        return 2;
    }
    const QString outDir = args[1];
    const QStringList size = args[2].split(u'x');
    const QSize windowSize(size.value(0).toInt(), size.value(1).toInt());
    const QString lockholder = args[4];
    QDir().mkpath(outDir);

    QStandardPaths::setTestModeEnabled(true);
    installTranslations(app, QLocale(args[3]));
    QQuickStyle::setStyle(QStringLiteral("Basic"));

    // A realistic installation with some history: weekday sets on other days
    // and today's copy in Copias.
    QTemporaryDir dir;
    const QString root = dir.filePath(QStringLiteral("Sistemas"));
    DemoParameters params;
    params.companies = 14;
    params.years = 4;
    params.sizeMb = 30;
    params.seed = 2026;
    params.lastYear = 2026;
    if (DemoInstallation::create(root, params))
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
        BackupJob(options).run();
    }

    AppController controller;
    AppController::setInstance(&controller);
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Resguarda/App/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().first());
    window->resize(windowSize);
    window->show();
    const QString suffix = QStringLiteral("%1x%2").arg(windowSize.width()).arg(windowSize.height());
    Shooter shooter(window, outDir, suffix);

    shooter.shoot(QStringLiteral("00-boas-vindas"));
    if (!controller.openInstallation(root)) {
        std::fprintf(stderr, "cannot open the demo installation: %s\n", qPrintable(controller.installationError()));
        return 1;
    }
    controller.rememberDestination(pendrive);
    QMetaObject::invokeMethod(window, "showHome");
    shooter.shoot(QStringLiteral("01-inicio"));

    // Backup wizard.
    QMetaObject::invokeMethod(window, "showBackup");
    settle();
    QObject *wizard = currentPage(window);
    shooter.shoot(QStringLiteral("10-copia-destino"));
    wizard->setProperty("current", 1);
    QObject *settings = wizard->property("settings").value<QObject *>();
    settings->setProperty("leaveOutArchived", true);
    settings->setProperty("templates", true);
    shooter.shoot(QStringLiteral("11-copia-opcoes"));
    settings->setProperty("leaveOutArchived", false);
    wizard->setProperty("current", 2);
    shooter.shoot(QStringLiteral("12-copia-empresas"));
    wizard->setProperty("current", 3);
    shooter.shoot(QStringLiteral("13-copia-resumo"));
    settings->setProperty("destinationFolder", pendrive);
    QObject *job = wizard->property("job").value<QObject *>();
    press(wizard, QStringLiteral("nextButton"));
    waitFor([&] { return job->property("progress").toDouble() > 0.25 || !job->property("running").toBool(); });
    shooter.shoot(QStringLiteral("14-copia-andamento"));
    waitFor([&] { return !job->property("running").toBool(); });
    shooter.shoot(QStringLiteral("15-copia-concluida"));

    // The same wizard while somebody is connected.
    QProcess client;
    client.start(lockholder, {root + QStringLiteral("/sessoes"), QStringLiteral("maria"),
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
    waitFor([&] { return !job->property("running").toBool() && wizard->property("current").toInt() == 5; });
    shooter.shoot(QStringLiteral("16-em-uso"));
    client.closeWriteChannel();
    client.waitForFinished(10000);

    // Restore wizard, from the pen drive copy.
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
    shooter.shoot(QStringLiteral("20-restauracao-copia"));
    wizard->setProperty("current", 1);
    shooter.shoot(QStringLiteral("21-restauracao-empresas"));
    restore->setProperty("replaceAll", true);
    QMetaObject::invokeMethod(restore, "updatePlan");
    wizard->setProperty("current", 2);
    shooter.shoot(QStringLiteral("22-restauracao-opcoes"));
    restore->setProperty("replaceAll", false);
    QMetaObject::invokeMethod(restore, "updatePlan");
    wizard->setProperty("current", 3);
    shooter.shoot(QStringLiteral("23-restauracao-resumo"));
    if (QObject *confirmation = findByName(wizard, QStringLiteral("confirmation")))
        confirmation->setProperty("checked", true);
    job = wizard->property("job").value<QObject *>();
    press(wizard, QStringLiteral("nextButton"));
    waitFor([&] { return job->property("progress").toDouble() > 0.25 || !job->property("running").toBool(); });
    shooter.shoot(QStringLiteral("24-restauracao-andamento"));
    waitFor([&] { return !job->property("running").toBool(); });
    shooter.shoot(QStringLiteral("25-restauracao-concluida"));
    return 0;
}
