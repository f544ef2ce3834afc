// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

namespace Resguarda {

// A snapshot of a long operation, emitted by backup and restore jobs and
// shown by the CLI's progress bar and, later, the QML job controller.
struct JobProgress
{
    // Each phase has its own measure: bytesDone counts up to bytesTotal
    // within it (Writing of several copies goes on where the previous copy
    // stopped; Verifying counts the copy being read back). Saving, Swapping
    // and Finishing have no measure.
    // Sending and Receiving are transfers to and from an rclone remote, as
    // rclone counts them.
    enum class Phase {
        Preparing,
        Writing,
        Verifying,
        Extracting,
        Saving,
        Swapping,
        Finishing,
        Sending,
        Receiving
    };

    Phase phase = Phase::Preparing;
    qint64 filesDone = 0;
    qint64 filesTotal = 0;
    qint64 bytesDone = 0;
    qint64 bytesTotal = 0;
    QString currentCompany; // code of the company being processed, empty for templates
    double bytesPerSecond = 0;

    double fraction() const
    {
        return bytesTotal > 0 ? double(bytesDone) / double(bytesTotal)
                              : (filesTotal > 0 ? double(filesDone) / double(filesTotal) : 0.0);
    }
};

} // namespace Resguarda

Q_DECLARE_METATYPE(Resguarda::JobProgress)
