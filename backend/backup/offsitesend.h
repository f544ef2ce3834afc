// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "offsite/remotestore.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace Resguarda {

// Sends copies to an rclone remote folder (each under its own name, so the
// weekday sets and extra copies keep theirs) and records the result in the
// installation's history as one "offsite" record: Home shows the last
// off-site copy, and a failed scheduled one in red, on every machine.
class OffsiteSend
{
    Q_DECLARE_TR_FUNCTIONS(OffsiteSend)

public:
    struct Request
    {
        RemoteLocation folder;
        QStringList copies; // local copy files, already verified
        QString root; // the installation whose history records it; empty: none
        QString system; // as the history names it
        bool scheduled = false;
    };
    struct Sent
    {
        QString remote; // "NAME:PATH/CopiaAT.zip"
        RemoteStore::SendResult result;
    };

    // Stops at the first copy that cannot be sent; those sent before stay
    // sent (each replaced its own remote copy whole).
    static OperationError run(const Request &request, QList<Sent> *sent,
                              const RemoteStore::Progress &progress = {},
                              const RemoteStore::Cancelled &cancelled = {});
};

} // namespace Resguarda
