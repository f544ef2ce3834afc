// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/jobprogress.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QString>

namespace Resguarda::Cli {

// Text output of resguarda-cli: results on stdout, errors and the progress
// bar on stderr, always UTF-8.
class Console
{
    Q_DECLARE_TR_FUNCTIONS(Console)

public:
    static void out(const QString &text);
    // JSON from QJsonDocument::toJson(), for scripts: the strings keep their
    // exact value, with the controls a terminal acts on escaped.
    static void outJson(const QByteArray &json);
    static void err(const QString &text);
    static bool stderrIsTerminal();
    static bool stdinIsTerminal();
    // Asks a yes/no question on the terminal; false on anything but yes.
    static bool confirm(const QString &question);
};

// The progress bar shown while a job runs on a terminal. Redraws at most a
// few times a second, and erases itself when done.
class ProgressBar
{
    Q_DECLARE_TR_FUNCTIONS(ProgressBar)

public:
    explicit ProgressBar(bool enabled);
    ~ProgressBar();
    void update(const JobProgress &progress);
    void clear();

private:
    bool m_enabled;
    bool m_drawn = false;
    QElapsedTimer m_sinceDraw;
};

} // namespace Resguarda::Cli
