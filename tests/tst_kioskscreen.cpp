// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 11, defect 1: the real app, started with --kiosk on a real X server
// (Xvfb) whose screen is 800×480, fits the screen with or without a window
// manager, and its footer's primary button ("Avançar") is on the screen.
// Without --kiosk and without a window manager the window fits too.
#include "support/demofixture.h"
#include "support/isolatedhome.h"
#include "support/xvfbdisplay.h"

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Resguarda;
using TestSupport::XvfbDisplay;

namespace {

const QSize kScreen(800, 480);
const QRgb kPrimary = qRgb(0x15, 0x65, 0xc0); // Theme.primary

// The primary button as the screen shows it: rows from belowY down that
// each hold at least 100 pixels of the primary colour (the button is at
// least 160 px wide; its white text takes some), at least 40 rows on end
// (it is 64 px high, with rounded corners). Null when there is none.
QRect primaryButtonOn(const QImage &screen, int belowY)
{
    int firstRow = -1;
    QRect found;
    for (int y = belowY; y <= screen.height(); ++y) {
        int count = 0, left = screen.width(), right = -1;
        for (int x = 0; y < screen.height() && x < screen.width(); ++x) {
            if ((screen.pixel(x, y) & 0xffffff) == (kPrimary & 0xffffff)) {
                ++count;
                left = std::min(left, x);
                right = x;
            }
        }
        if (count >= 100) {
            if (firstRow < 0)
                firstRow = y;
            found = found.united(QRect(left, y, right - left + 1, 1));
        } else if (firstRow >= 0) {
            if (y - firstRow >= 40)
                return found;
            firstRow = -1;
            found = {};
        }
    }
    return {};
}

} // namespace

class tst_KioskScreen : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        TestSupport::isolateHome(m_dir.path());
        QVERIFY(!TestSupport::DemoFixture(3, 2, 2, 11)
                     .create(m_dir.filePath(QStringLiteral("instalação"))));
    }

    void fitsTheScreen_data()
    {
        QTest::addColumn<bool>("kiosk");
        QTest::addColumn<bool>("windowManager");
        QTest::newRow("kiosk, no window manager") << true << false;
        QTest::newRow("kiosk, matchbox") << true << true;
        QTest::newRow("plain, no window manager") << false << false;
    }

    void fitsTheScreen()
    {
        QFETCH(bool, kiosk);
        QFETCH(bool, windowManager);
        if (XvfbDisplay::executable().isEmpty())
            QSKIP("Xvfb is not installed (Debian package xvfb): no real X server to start the app "
                  "on");
        const QString matchbox
            = QStandardPaths::findExecutable(QStringLiteral("matchbox-window-manager"));
        if (windowManager && matchbox.isEmpty())
            QSKIP("matchbox-window-manager is not installed (Debian package of that name): "
                  "only the rows without a window manager run");

        XvfbDisplay display(kScreen);
        QString error;
        QVERIFY2(display.start(&error), qPrintable(error));

        // The app's home, settings and runtime folders are this run's own.
        QTemporaryDir home;
        QVERIFY(home.isValid());
        QDir(home.path()).mkpath(QStringLiteral("runtime"));
        QFile::setPermissions(home.filePath(QStringLiteral("runtime")),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("DISPLAY"), display.name());
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
        environment.insert(QStringLiteral("HOME"), home.path());
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"),
                           home.filePath(QStringLiteral(".config")));
        environment.insert(QStringLiteral("XDG_DATA_HOME"),
                           home.filePath(QStringLiteral(".local/share")));
        environment.insert(QStringLiteral("XDG_CACHE_HOME"),
                           home.filePath(QStringLiteral(".cache")));
        environment.insert(QStringLiteral("XDG_RUNTIME_DIR"),
                           home.filePath(QStringLiteral("runtime")));
        environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
        environment.remove(QStringLiteral("QT_IM_MODULE"));

        QProcess windowManagerProcess;
        if (windowManager) {
            windowManagerProcess.setProcessEnvironment(environment);
            // As a kiosk runs it: no title bar.
            windowManagerProcess.start(matchbox,
                                       {QStringLiteral("-use_titlebar"), QStringLiteral("no")});
            QVERIFY2(windowManagerProcess.waitForStarted(),
                     qPrintable(windowManagerProcess.errorString()));
            // The app comes up under a window manager that already manages.
            QTRY_VERIFY_WITH_TIMEOUT(display.windowManagerRunning(), 30000);
        }

        QProcess app;
        app.setProcessEnvironment(environment);
        app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        app.start(QStringLiteral(RESGUARDA_GUI_PATH),
                  {kiosk ? QStringLiteral("--kiosk") : QStringLiteral("--no-kiosk"),
                   QStringLiteral("--root"), m_dir.filePath(QStringLiteral("instalação")),
                   QStringLiteral("--backup"), QStringLiteral("--lang"), QStringLiteral("pt_BR")});
        QVERIFY2(app.waitForStarted(), qPrintable(app.errorString()));

        QTRY_COMPARE_WITH_TIMEOUT(display.shownWindows(QStringLiteral("resguarda")).size(), 1,
                                  60000);

        // "Avançar", the wizard's primary button, drawn on the screen in its
        // bottom 100 px, where the footer is.
        QImage shown;
        QRect button;
        const bool buttonShown = QTest::qWaitFor(
            [&] {
                shown = display.grabScreen();
                button = primaryButtonOn(shown, kScreen.height() - 100);
                return button.isValid();
            },
            30000);
        if (!buttonShown) {
            QString tag = QString::fromLatin1(QTest::currentDataTag());
            tag.replace(QRegularExpression(QStringLiteral("\\W+")), QStringLiteral("-"));
            const QString path
                = QDir::current().filePath(QStringLiteral("tst_kioskscreen-%1.png").arg(tag));
            shown.save(path);
            QFAIL(qPrintable(
                QStringLiteral("no primary button on the screen (saved as %1)").arg(path)));
        }
        // The footer's button ends at the right margin (not a button of Home,
        // caught while the wizard slides in).
        QTRY_VERIFY2_WITH_TIMEOUT(
            (button = primaryButtonOn(display.grabScreen(), kScreen.height() - 100)).right()
                >= kScreen.width() - 40,
            qPrintable(QStringLiteral("the primary button is at %1,%2 %3×%4, not at the right")
                           .arg(button.x())
                           .arg(button.y())
                           .arg(button.width())
                           .arg(button.height())),
            10000);

        // The window itself: a kiosk covers the screen, a plain window fits.
        const QRect screen(QPoint(0, 0), kScreen);
        if (kiosk)
            QTRY_COMPARE_WITH_TIMEOUT(
                display.shownWindows(QStringLiteral("resguarda")).value(0).geometry, screen, 10000);
        const XvfbDisplay::Window window
            = display.shownWindows(QStringLiteral("resguarda")).value(0);
        QVERIFY2(screen.contains(window.geometry),
                 qPrintable(QStringLiteral("the window is at %1,%2 %3×%4")
                                .arg(window.geometry.x())
                                .arg(window.geometry.y())
                                .arg(window.geometry.width())
                                .arg(window.geometry.height())));
        // The title a window manager shows names the app once.
        QCOMPARE(window.title.count(QStringLiteral("Resguarda")), 1);

        app.kill(); // a kiosk asks before closing: this is the power switch
        app.waitForFinished();
        if (windowManager) {
            windowManagerProcess.kill();
            windowManagerProcess.waitForFinished();
        }
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(tst_KioskScreen)

#include "tst_kioskscreen.moc"
