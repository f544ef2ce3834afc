// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/jobprogress.h"
#include "core/operationerror.h"
#include "offsite/remotelocation.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>

namespace Resguarda {

// A remote configured in rclone, as "rclone listremotes --long" gives it.
struct RemoteInfo
{
    QString name;
    QString type; // "drive", "onedrive", "s3", "sftp", "webdav"…
};

// A copy found in a remote folder.
struct RemoteCopyInfo
{
    QString name; // "CopiaAT.zip"
    qint64 size = 0;
    QDateTime modified; // as the remote gives it, UTC
};

// Copies on rclone remotes: sending one (all or nothing), listing them and
// fetching one. rclone does the talking; what is sent is checked on the
// remote before it takes the place of the previous copy. Every call blocks
// until rclone is done, so the app calls them on its worker thread.
class RemoteStore
{
    Q_DECLARE_TR_FUNCTIONS(RemoteStore)

public:
    using Progress = std::function<void(const JobProgress &)>;
    using Cancelled = std::function<bool()>;

    struct SendResult
    {
        qint64 bytes = 0;
        // The hash compared on the remote ("md5", "quickxor"…); empty when
        // only the size was compared: the remote offers none (hashOffered
        // false), or it keeps none for this file (an S3 object uploaded
        // without a checksum).
        QString hashType;
        bool hashOffered = false;
        int leftoversRemoved = 0; // temporary uploads of earlier runs
    };

    static bool rcloneInstalled();
    // The remotes configured for this user (rclone's configuration file and
    // its RCLONE_CONFIG_<NAME>_* variables).
    static OperationError remotes(QList<RemoteInfo> *remotes);
    // rclone is installed and location's remote is configured.
    static OperationError checkConfigured(const RemoteLocation &location);

    // The copies in folder, newest first. A folder that does not exist holds
    // none.
    // cancelled stops rclone (a listing of an unreachable server can take
    // minutes of retries).
    static OperationError listCopies(const RemoteLocation &folder, QList<RemoteCopyInfo> *copies,
                                     const Cancelled &cancelled = {});

    // Sends the local copy into folder under its own name: first under a
    // temporary hidden name, then, once its size (and a hash, where the
    // remote has one) match, moved over the previous copy of that name. The
    // temporary uploads this copy name left behind before are removed first.
    // An error is ExitCode::Offsite; whatever happens the previous remote
    // copy stays as it was. The caller has asked checkConfigured() first,
    // once for all the copies it sends.
    static OperationError send(const QString &localCopy, const RemoteLocation &folder,
                               SendResult *result, const Progress &progress = {},
                               const Cancelled &cancelled = {});

    // Fetches the copy at location into localFolder, under its own name,
    // after checking that localFolder has room for it. *localPath is the
    // file written (removed again on failure).
    static OperationError download(const RemoteLocation &location, const QString &localFolder,
                                   QString *localPath, const Progress &progress = {},
                                   const Cancelled &cancelled = {});

    // The hidden name a copy is uploaded under before it is checked.
    static QString temporaryName(const QString &copyName);
    static bool isTemporaryOf(const QString &fileName, const QString &copyName);
};

} // namespace Resguarda
