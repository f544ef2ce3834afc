// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <functional>

namespace Resguarda {

// Runs one rclone command and waits for it (on whatever thread calls it:
// QProcess's waits need no event loop). rclone's log is asked for as JSON
// lines, so its progress ("stats") and its last error are read from it, not
// guessed. rclone never prompts (standard input is closed and
// --ask-password=false): an encrypted configuration fails instead of
// waiting for a password nobody will type.
class RcloneRunner
{
    Q_DECLARE_TR_FUNCTIONS(RcloneRunner)

public:
    struct Result
    {
        bool started = false;
        bool cancelled = false;
        int exitCode = -1; // rclone's: 3 folder not found, 4 file not found…
        QByteArray output; // standard output (the JSON of lsjson, say)
        QString lastError; // the last error or notice rclone logged

        bool succeeded() const { return started && !cancelled && exitCode == 0; }
        // What went wrong, for the user (translated): lastError, or the
        // exit status when rclone logged nothing.
        QString describe() const;
    };
    // Bytes transferred and to transfer, and the speed, as rclone counts them.
    using Progress = std::function<void(qint64 done, qint64 total, double bytesPerSecond)>;
    using Cancelled = std::function<bool()>;

    // The rclone program found on PATH; empty when rclone is not installed.
    static QString program();

    // Every command gets the logging flags, then arguments. With progress,
    // rclone reports its stats about four times a second. cancelled is asked
    // every 100 ms: when true rclone is stopped (SIGTERM, then SIGKILL).
    static Result run(const QStringList &arguments, const Progress &progress = {},
                      const Cancelled &cancelled = {});

    // Limits for commands that must not hang when the network is gone (the
    // removal of a temporary upload after a failure).
    static QStringList quickFailureFlags();
};

} // namespace Resguarda
