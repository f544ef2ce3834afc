// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 11, defect 1: where the app's window goes on its screen
// (WindowFit::fitted); tst_kioskscreen sees it on a real X server.
#include "ui/windowfit.h"

#include <QTest>

using Resguarda::WindowFit;

class tst_WindowFit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fitted_data()
    {
        QTest::addColumn<QRect>("current");
        QTest::addColumn<bool>("kiosk");
        QTest::addColumn<QRect>("screen");
        QTest::addColumn<QRect>("available");
        QTest::addColumn<QRect>("expected");

        const QRect small(0, 0, 800, 480);
        const QRect wide(0, 0, 1920, 1080);
        const QRect widePanel(0, 32, 1920, 1048);
        QTest::newRow("kiosk on a small screen")
            << QRect(0, 0, 1280, 800) << true << small << small << small;
        QTest::newRow("kiosk covers a panel too")
            << QRect(0, 0, 1280, 800) << true << wide << widePanel << wide;
        QTest::newRow("kiosk on a second screen")
            << QRect(0, 0, 1280, 800) << true << QRect(1920, 0, 1024, 600)
            << QRect(1920, 0, 1024, 600) << QRect(1920, 0, 1024, 600);
        QTest::newRow("plain on a small screen")
            << QRect(0, 0, 1280, 800) << false << small << small << small;
        QTest::newRow("plain fits: kept where it is") << QRect(100, 100, 1280, 800) << false << wide
                                                      << widePanel << QRect(100, 100, 1280, 800);
        QTest::newRow("plain under a top panel: moved down")
            << QRect(0, 0, 1280, 800) << false << wide << widePanel << QRect(0, 32, 1280, 800);
        QTest::newRow("plain off the right edge: moved in")
            << QRect(1000, 100, 1280, 800) << false << wide << widePanel
            << QRect(640, 100, 1280, 800);
        QTest::newRow("plain on a screen lower than the window")
            << QRect(0, 0, 1280, 800) << false << QRect(0, 0, 1024, 600) << QRect(0, 24, 1024, 576)
            << QRect(0, 24, 1024, 576);
    }

    void fitted()
    {
        QFETCH(QRect, current);
        QFETCH(bool, kiosk);
        QFETCH(QRect, screen);
        QFETCH(QRect, available);
        QFETCH(QRect, expected);
        QCOMPARE(WindowFit::fitted(current, kiosk, screen, available), expected);
    }
};

QTEST_GUILESS_MAIN(tst_WindowFit)

#include "tst_windowfit.moc"
