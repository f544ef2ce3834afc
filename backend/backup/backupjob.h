// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/jobprogress.h"
#include "core/operationerror.h"
#include "producer/backupoptions.h"

#include <QDateTime>
#include <QObject>
#include <QStringList>

#include <atomic>

namespace Resguarda {

struct BackupPlan;

// Makes the copies the options ask for (the procedure's "Gera Cópia"). run() does
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
        qint64 leftOut = 0; // files and folders left out (--allow-incomplete)
        QStringList leftOutLines; // what each is and why, for the user
    };

    explicit BackupJob(BackupOptions options, QObject *parent = nullptr);

    // Every outcome, once the installation could be opened, is appended to
    // its history (history/history.h); a history that cannot be written is a
    // warning, never a failure of the copy.
    OperationError run();

    // The copies written, also when run() reports them incomplete
    // (ExitCode::Incomplete: written as asked, but leaving files out).
    const QList<WrittenCopy> &writtenCopies() const { return m_written; }
    // Things worth telling the user that did not stop the copy (an unreadable
    // empresa.json, a symbolic link that was skipped).
    const QStringList &warnings() const { return m_warnings; }

    // cancel() was called (from any thread): work done after run() for the
    // same request, such as sending the copies off site, stops too.
    bool isCancelled() const { return m_cancelled.load(); }

public Q_SLOTS:
    void cancel();

Q_SIGNALS:
    void progressChanged(const Resguarda::JobProgress &progress);
    void copyStarted(const QString &systemCode, const QString &targetPath);

private:
    OperationError execute();
    // ExitCode::Incomplete naming what the written copies left out, or none.
    OperationError incompleteResult() const;
    void recordInHistory(const OperationError &error);
    OperationError writeCopy(const BackupPlan &plan, const QString &target);
    OperationError checkWipe(const QString &installationRoot, const QStringList &targets,
                             QString *volume) const;
    OperationError wipeBeforeWriting(const QString &volume, const QStringList &targets);
    void removeOldCopies(const QString &volume);

    BackupOptions m_options;
    QList<WrittenCopy> m_written;
    QStringList m_warnings;
    QString m_copiesPath; // the installation's Copias, created when missing
    QStringList m_copyPrefixes; // names of previous copies a wipe keeps until the end
    QString m_historyRoot; // set once the installation is open: where run() records
    QString m_historySystem; // the system of the run, when it is one
    QDateTime m_startedAt;
    std::atomic_bool m_cancelled {false};
    JobProgress m_progress;
};

} // namespace Resguarda
