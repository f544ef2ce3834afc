// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Whether the GUI thread kept answering while work ran in the background:
// a timer on it ticks every 10 ms, and the longest time between two ticks
// (or between the start and the first, or the last and stop()) is what a
// user waits for an answer to a tap.

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <QtGlobal>

namespace TestSupport {

class GuiThreadWatch
{
public:
    GuiThreadWatch()
    {
        m_timer.setInterval(10);
        QObject::connect(&m_timer, &QTimer::timeout, [this] { tick(); });
        m_clock.start();
        m_timer.start();
    }
    void stop()
    {
        tick();
        m_timer.stop();
    }
    int ticks() const { return m_ticks; }
    qint64 maxGapMs() const { return m_maxGap; }
    qint64 elapsedMs() const { return m_last; }

private:
    void tick()
    {
        const qint64 now = m_clock.elapsed();
        m_maxGap = qMax(m_maxGap, now - m_last);
        m_last = now;
        ++m_ticks;
    }
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_maxGap = 0;
    int m_ticks = 0;
};

} // namespace TestSupport
