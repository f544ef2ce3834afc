// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace Resguarda {

// Tells a kiosk when nobody has touched it for a while: an event filter on
// the application object sees every mouse, touch, wheel and key event of
// every window (including the on-screen keyboard's keys), so no page has to
// cooperate. `idle()` is emitted once when timeoutSeconds pass without
// input; the next input, or restart(), arms it again. QtCore only: QEvent's
// types are QtCore enums, so the backend stays free of Qt Gui.
class IdleWatcher : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool enabled READ enabled WRITE setEnabled NOTIFY enabledChanged)
    Q_PROPERTY(
        int timeoutSeconds READ timeoutSeconds WRITE setTimeoutSeconds NOTIFY timeoutSecondsChanged)
    // When the last input (or restart()) was seen, to within a second.
    Q_PROPERTY(QDateTime lastInputAt READ lastInputAt NOTIFY inputSeen)
    // Whole seconds since then; updated while it counts.
    Q_PROPERTY(int idleSeconds READ idleSeconds NOTIFY idleSecondsChanged)

public:
    explicit IdleWatcher(QObject *parent = nullptr);
    ~IdleWatcher() override;

    bool enabled() const { return m_enabled; }
    void setEnabled(bool enabled);
    int timeoutSeconds() const { return m_timeoutSeconds; }
    void setTimeoutSeconds(int seconds);
    QDateTime lastInputAt() const { return m_lastInputAt; }
    int idleSeconds() const;

    // Starts the count again as if there had been input: a page that
    // changes by itself (a job that ends) gets the whole timeout to be read.
    Q_INVOKABLE void restart();
    // Whether an event of this type is a person using the app.
    static bool isInput(int eventType);

Q_SIGNALS:
    void enabledChanged();
    void timeoutSecondsChanged();
    void inputSeen();
    void idleSecondsChanged();
    void idle();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void noteInput();
    void check();
    void updateTimer();

    bool m_enabled = true;
    int m_timeoutSeconds = 180;
    bool m_idleSignalled = false;
    int m_lastReportedSeconds = 0;
    QDateTime m_lastInputAt;
    QElapsedTimer m_sinceInput;
    QTimer m_tick;
};

} // namespace Resguarda
