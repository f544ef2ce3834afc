// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <QQmlParserStatus>
#include <QRect>
#include <QWindow>
#include <QtQml/qqmlregistration.h>

class QScreen;

namespace Resguarda {

// Fits the app's window to its screen before it is shown, and again when
// the screen changes. A kiosk covers the whole screen by itself: without a
// window manager, or with one that ignores the full-screen request
// (matchbox), nobody else would size it. A plain window is never larger than
// the screen's available area, so a small screen without a window manager
// still shows the whole window.
class WindowFit : public QObject, public QQmlParserStatus
{
    Q_OBJECT
    Q_INTERFACES(QQmlParserStatus)
    QML_ELEMENT
    Q_PROPERTY(QWindow *window READ window WRITE setWindow NOTIFY windowChanged)
    Q_PROPERTY(bool kiosk READ kiosk WRITE setKiosk NOTIFY kioskChanged)

public:
    explicit WindowFit(QObject *parent = nullptr);

    QWindow *window() const { return m_window; }
    void setWindow(QWindow *window);
    bool kiosk() const { return m_kiosk; }
    void setKiosk(bool kiosk);

    // Where a window at `current` goes on a screen of `screen` whose
    // available area (without panels) is `available`: a kiosk takes the
    // whole screen; a plain window keeps its place and size while it fits
    // the available area, else is made as small and moved as far as needed.
    static QRect fitted(const QRect &current, bool kiosk, const QRect &screen,
                        const QRect &available);

    void classBegin() override { }
    // Runs before the window's own completion, which shows it: the window
    // is first mapped at its fitted size.
    void componentComplete() override;

Q_SIGNALS:
    void windowChanged();
    void kioskChanged();

private:
    void followScreen();
    void fit();

    QPointer<QWindow> m_window;
    QPointer<QScreen> m_screen;
    bool m_kiosk = false;
    bool m_complete = false;
};

} // namespace Resguarda
