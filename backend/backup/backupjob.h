// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backup/backupoptions.h"
#include "core/jobprogress.h"
#include "core/operationerror.h"

#include <QObject>
#include <QStringList>

#include <atomic>

namespace Resguarda {

struct BackupPlan;

// Makes the copies the options ask for (the seed's "Gera Cópia"). run() does
// the work synchronously in the calling thread: the CLI calls it directly,
// the GUI from a worker thread. Progress is a signal; cancel() may be called
// from any thread.
//
// The previous good copy is never damaged: each copy is written beside its
// target, synced, read back and verified, and only then renamed over it.
class BackupJob : public QObject
{
    Q_OBJECT

public:
    struct WrittenCopy
    {
        QString systemCode;
        QString path;
        qint64 files = 0;
        qint64 bytes = 0; // uncompressed
        qint64 copySize = 0; // the ZIP file's size
    };

    explicit BackupJob(BackupOptions options, QObject *parent = nullptr);

    OperationError run();

    const QList<WrittenCopy> &writtenCopies() const { return m_written; }
    // Things worth telling the user that did not stop the copy (an unreadable
    // empresa.json, a symbolic link that was skipped).
    const QStringList &warnings() const { return m_warnings; }

public Q_SLOTS:
    void cancel();

Q_SIGNALS:
    void progressChanged(const Resguarda::JobProgress &progress);
    void copyStarted(const QString &systemCode, const QString &targetPath);

private:
    OperationError writeCopy(const BackupPlan &plan, const QString &target);
    bool isCancelled() const { return m_cancelled.load(); }

    BackupOptions m_options;
    QList<WrittenCopy> m_written;
    QStringList m_warnings;
    std::atomic_bool m_cancelled{false};
    JobProgress m_progress;
};

} // namespace Resguarda
