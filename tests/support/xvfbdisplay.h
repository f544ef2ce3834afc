// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QList>
#include <QProcess>
#include <QRect>
#include <QSize>
#include <QString>

struct xcb_connection_t;

namespace TestSupport {

// A real X server of the test's own (Xvfb) with one screen of a given size,
// and what a user would see on it, read through xcb: the windows shown and
// the screen's pixels. Lets a test start the real app on a small screen, with
// or without a window manager, and look at it from outside.
class XvfbDisplay
{
public:
    struct Window
    {
        QRect geometry; // in screen coordinates
        QString title; // _NET_WM_NAME, as a window manager shows it
    };

    // Empty when Xvfb is not installed.
    static QString executable();

    explicit XvfbDisplay(QSize screen);
    ~XvfbDisplay();
    XvfbDisplay(const XvfbDisplay &) = delete;
    XvfbDisplay &operator=(const XvfbDisplay &) = delete;

    // Starts the server and connects to it; false with a reason in *error.
    bool start(QString *error);
    QString name() const { return m_name; } // ":N", for DISPLAY

    // The windows of WM_CLASS `instance` that are shown (mapped), wherever a
    // window manager put them in the tree.
    QList<Window> shownWindows(const QString &instance) const;
    // Whether a window manager runs (it redirects the root's children).
    bool windowManagerRunning() const;
    // What the screen shows.
    QImage grabScreen() const;

private:
    QSize m_size;
    QProcess m_server;
    QString m_name;
    xcb_connection_t *m_connection = nullptr;
};

} // namespace TestSupport
