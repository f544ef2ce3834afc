// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/operationerror.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace Resguarda {

// One backup or restore as the history keeps it: one line of
// <root>/Copias/historico.jsonl (its keys are listed in resguarda-cli.1).
struct HistoryRecord
{
    QDateTime when; // when the operation started
    QString operation; // "backup", "restore" or "offsite"
    bool scheduled = false; // the scheduled daily copy (resguarda-cli backup --scheduled)
    // "ok", "incomplete", "failed", "in-use", "invalid-copy", "password",
    // "offsite-failed", "cancelled" or "usage"
    QString result;
    int exitCode = 0; // as resguarda-cli returns it
    QString system; // the system's code; empty (null in JSON) for several systems or none yet
    QStringList copies; // the copies written (backup) or restored from (restore)
    qint64 bytes = 0; // data copied or restored, uncompressed
    QString machine;
    QString user;
    QString message; // the error as the user saw it (translated); empty on success

    static inline const QString backup = QStringLiteral("backup");
    static inline const QString restore = QStringLiteral("restore");
    // a copy sent to an rclone remote (resguarda-cli backup --remote, send)
    static inline const QString offsite = QStringLiteral("offsite");
    static inline const QString ok = QStringLiteral("ok");

    bool succeeded() const { return result == ok; }
    bool isBackup() const { return operation == backup; }

    // A record of this machine and user for an operation that started at
    // when and ended with error (cancelled: on the user's request).
    static HistoryRecord make(const QString &operation, const QDateTime &when,
                              const OperationError &error, bool cancelled);
    static QString resultOf(const OperationError &error, bool cancelled);

    QJsonObject toJson() const;
    // Nothing when the object is not a record (a newer format, garbage).
    static std::optional<HistoryRecord> fromJson(const QJsonObject &object);
};

// The history of backups and restores of an installation, kept inside it so
// that every machine that opens the installation (the app on any desk, the
// scheduled copy on the server) sees the same one. An append-only file of
// JSON lines: each record is written by a single append, so writers on
// several machines never interleave within a line, and a line torn by a
// crash or a share that does not honour appends is skipped when reading.
class History
{
    Q_DECLARE_TR_FUNCTIONS(History)

public:
    static QString filePath(const QString &root);

    // Appends record as one line, durably (fsync). Creates Copias/ and the
    // file when missing. On failure returns false with *error (translated).
    static bool append(const QString &root, const HistoryRecord &record, QString *error = nullptr);
    // The newest records first, at most maxRecords (all when <= 0). Lines
    // that are not records are skipped.
    static QList<HistoryRecord> read(const QString &root, int maxRecords = 0);
    // The newest failed scheduled backup that no later successful backup
    // (scheduled or not) superseded: what the Home screen shows in red.
    static std::optional<HistoryRecord> pendingFailure(const QString &root);

    // The off-site copies as Home shows them: the newest one sent, and the
    // newest failure since (any failure, scheduled or not: the off-site copy
    // is what a fire leaves).
    struct OffsiteState
    {
        std::optional<HistoryRecord> lastSent;
        std::optional<HistoryRecord> failedSince;
    };
    static OffsiteState offsiteState(const QString &root);

    // The result of a record in words ("failed", "in use"), translated.
    static QString describeResult(const QString &result);
    // The operation of a record in words ("backup", "restore"), translated.
    static QString describeOperation(const QString &operation);

private:
    // Calls visit for each record, oldest first.
    static void forEach(const QString &root, const std::function<void(HistoryRecord &&)> &visit);
};

} // namespace Resguarda
