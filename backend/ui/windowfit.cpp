// SPDX-License-Identifier: GPL-3.0-or-later
#include "windowfit.h"

#include <QScreen>

namespace Resguarda {

WindowFit::WindowFit(QObject *parent)
    : QObject(parent)
{
}

void WindowFit::setWindow(QWindow *window)
{
    if (m_window == window)
        return;
    if (m_window)
        disconnect(m_window, nullptr, this, nullptr);
    m_window = window;
    if (m_window)
        connect(m_window, &QWindow::screenChanged, this, &WindowFit::followScreen);
    followScreen();
    emit windowChanged();
}

void WindowFit::setKiosk(bool kiosk)
{
    if (m_kiosk == kiosk)
        return;
    m_kiosk = kiosk;
    fit();
    emit kioskChanged();
}

QRect WindowFit::fitted(const QRect &current, bool kiosk, const QRect &screen,
                        const QRect &available)
{
    if (kiosk)
        return screen;
    if (available.isEmpty() || available.contains(current))
        return current;
    QRect result(current.topLeft(), current.size().boundedTo(available.size()));
    // Moved in only as far as needed, so a window manager's place is kept.
    if (result.right() > available.right())
        result.moveRight(available.right());
    if (result.bottom() > available.bottom())
        result.moveBottom(available.bottom());
    if (result.left() < available.left())
        result.moveLeft(available.left());
    if (result.top() < available.top())
        result.moveTop(available.top());
    return result;
}

void WindowFit::componentComplete()
{
    m_complete = true;
    fit();
}

void WindowFit::followScreen()
{
    if (m_screen)
        disconnect(m_screen, nullptr, this, nullptr);
    m_screen = m_window ? m_window->screen() : nullptr;
    if (m_screen) {
        connect(m_screen, &QScreen::geometryChanged, this, &WindowFit::fit);
        connect(m_screen, &QScreen::availableGeometryChanged, this, &WindowFit::fit);
    }
    fit();
}

void WindowFit::fit()
{
    if (!m_complete || !m_window || !m_screen)
        return;
    const QRect target = fitted(m_window->geometry(), m_kiosk, m_screen->geometry(),
                                m_screen->availableGeometry());
    if (target != m_window->geometry())
        m_window->setGeometry(target);
}

} // namespace Resguarda
