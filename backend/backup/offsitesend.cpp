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
    OperationError error;
    qint64 bytes = 0;
    for (const QString &copy : request.copies) {
        Sent one;
        one.remote = request.folder.child(QFileInfo(copy).fileName()).spec();
        error = RemoteStore::send(copy, request.folder, &one.result, progress, cancelled);
        if (error) {
            // The copies exist here whatever went wrong there (a remote not
            // configured included): the run's result is "not sent".
            error.code = ExitCode::Offsite;
            break;
        }
        bytes += one.result.bytes;
        sent->append(one);
    }
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
