// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/idlewatcher.h"

#include <QCoreApplication>
#include <QEvent>

#include <algorithm>

namespace Resguarda {

IdleWatcher::IdleWatcher(QObject *parent)
    : QObject(parent)
{
    m_sinceInput.start();
    m_lastInputAt = QDateTime::currentDateTime();
    connect(&m_tick, &QTimer::timeout, this, &IdleWatcher::check);
    // On the application object the filter sees the events of every window
    // before they reach it, whichever item ends up handling them.
    if (QCoreApplication *app = QCoreApplication::instance())
        app->installEventFilter(this);
    updateTimer();
}

IdleWatcher::~IdleWatcher()
{
    if (QCoreApplication *app = QCoreApplication::instance())
        app->removeEventFilter(this);
}

void IdleWatcher::setEnabled(bool enabled)
{
    if (enabled == m_enabled)
        return;
    m_enabled = enabled;
    restart();
    updateTimer();
    Q_EMIT enabledChanged();
}

void IdleWatcher::setTimeoutSeconds(int seconds)
{
    seconds = std::max(1, seconds);
    if (seconds == m_timeoutSeconds)
        return;
    m_timeoutSeconds = seconds;
    updateTimer();
    Q_EMIT timeoutSecondsChanged();
}

int IdleWatcher::idleSeconds() const
{
    return int(m_sinceInput.elapsed() / 1000);
}

void IdleWatcher::restart()
{
    m_sinceInput.restart();
    m_lastInputAt = QDateTime::currentDateTime();
    m_idleSignalled = false;
    if (m_lastReportedSeconds != 0) {
        m_lastReportedSeconds = 0;
        Q_EMIT idleSecondsChanged();
    }
    Q_EMIT inputSeen();
}

bool IdleWatcher::isInput(int eventType)
{
    switch (eventType) {
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonRelease:
    case QEvent::MouseButtonDblClick:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::KeyPress:
    case QEvent::KeyRelease:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::TouchEnd:
    case QEvent::TabletPress:
    case QEvent::TabletMove:
    case QEvent::TabletRelease:
    case QEvent::NativeGesture:
        return true;
    default:
        return false;
    }
}

bool IdleWatcher::eventFilter(QObject *watched, QEvent *event)
{
    if (m_enabled && isInput(event->type()))
        noteInput();
    return QObject::eventFilter(watched, event);
}

void IdleWatcher::noteInput()
{
    // One event reaches the filter several times on its way (window, then
    // items); restarting the clock each time is cheap, signalling is not.
    m_sinceInput.restart();
    m_idleSignalled = false;
    if (m_lastReportedSeconds != 0) {
        m_lastReportedSeconds = 0;
        Q_EMIT idleSecondsChanged();
    }
    const QDateTime now = QDateTime::currentDateTime();
    if (m_lastInputAt.msecsTo(now) >= 1000) {
        m_lastInputAt = now;
        Q_EMIT inputSeen();
    }
}

void IdleWatcher::check()
{
    const int seconds = idleSeconds();
    if (seconds != m_lastReportedSeconds) {
        m_lastReportedSeconds = seconds;
        Q_EMIT idleSecondsChanged();
    }
    if (!m_idleSignalled && m_sinceInput.elapsed() >= qint64(m_timeoutSeconds) * 1000) {
        m_idleSignalled = true;
        Q_EMIT idle();
    }
}

void IdleWatcher::updateTimer()
{
    if (!m_enabled) {
        m_tick.stop();
        return;
    }
    // A quarter of the timeout, at most a second: idle() comes at most that
    // late, and a long timeout costs one wake-up a second.
    m_tick.start(std::clamp(m_timeoutSeconds * 250, 100, 1000));
}

} // namespace Resguarda
