// SPDX-License-Identifier: GPL-3.0-or-later
#include "backup/offsitesend.h"

#include "core/logging.h"
#include "history/history.h"

#include <QDateTime>
#include <QFileInfo>

namespace Resguarda {

OperationError OffsiteSend::run(const Request &request, QList<Sent> *sent,
                                const RemoteStore::Progress &progress,
                                const RemoteStore::Cancelled &cancelled)
{
    sent->clear();
    const QDateTime startedAt = QDateTime::currentDateTime();
    // Once for all the copies: a remote that is not configured is named as
    // such (with the remotes that exist), not reported as a failed listing.
    OperationError error = RemoteStore::checkConfigured(request.folder);
    qint64 bytes = 0;
    for (qsizetype i = 0; !error && i < request.copies.size(); ++i) {
        Sent one;
        one.remote = request.folder.child(QFileInfo(request.copies.at(i)).fileName()).spec();
        error = RemoteStore::send(request.copies.at(i), request.folder, &one.result, progress,
                                  cancelled);
        if (!error) {
            bytes += one.result.bytes;
            sent->append(one);
        }
    }
    // The copies exist here whatever went wrong there (a remote not
    // configured included): the run's result is "not sent".
    if (error)
        error.code = ExitCode::Offsite;
    if (!request.root.isEmpty()) {
        const bool wasCancelled = error && cancelled && cancelled();
        HistoryRecord record
            = HistoryRecord::make(HistoryRecord::offsite, startedAt, error, wasCancelled);
        record.scheduled = request.scheduled;
        record.system = request.system;
        // The remote place is what a later reader needs; what failed is in
        // the message.
        for (const Sent &one : std::as_const(*sent))
            record.copies << one.remote;
        if (error)
            record.copies << request.folder.spec();
        record.bytes = bytes;
        QString problem;
        if (!History::append(request.root, record, &problem))
            qCWarning(lcBackup) << "off-site copy not recorded in the history:" << problem;
    }
    return error;
}

} // namespace Resguarda
