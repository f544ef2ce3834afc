// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/operationerror.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>

namespace Resguarda {

// One session file of <root>/sessoes/ as docs/installation-format.md
// describes it. Fields are empty (and since invalid) when the file could
// not be read or parsed; filePath is always set.
struct SessionInfo
{
    QString user; // "usuario"
    QString machine; // "maquina"
    QString system; // "sistema", e.g. "CP", or "RESGUARDA" for ourselves
    QDateTime since; // "desde"
    QString filePath;
};

// A session of ours in sessoes/: a file describing who we are, kept under an
// exclusive lock for as long as this object lives (fcntl F_SETLK on POSIX,
// LockFileEx on Windows). Clients of the business system and other
// Resguarda processes see the installation as in use while it exists.
//
// POSIX record locks belong to the process and are dropped when the process
// closes any descriptor of the file. That is why activeSessions() never
// opens a file held by a SessionLock of this process.
class SessionLock
{
    Q_DECLARE_TR_FUNCTIONS(SessionLock)

public:
    ~SessionLock();
    SessionLock(const SessionLock &) = delete;
    SessionLock &operator=(const SessionLock &) = delete;

    // Creates sessionsDir if needed, writes a new uniquely named session
    // file describing info and locks it. Empty fields of info get defaults:
    // user from the environment, machine from the host name, since = now.
    // Returns null with *error (translated, may be null) on failure.
    static std::unique_ptr<SessionLock> acquire(const QString &sessionsDir, const SessionInfo &info,
                                                QString *error);

    // Maintenance access: takes our own lock first and only then looks for
    // other sessions, so that of two processes starting together at least
    // one sees the other (both may refuse, never both proceed). On success
    // *out holds the lock; with anybody else connected the lock is released
    // again and an ExitCode::InUse error names every session.
    static OperationError acquireExclusive(const QString &sessionsDir, const QString &purpose,
                                           std::unique_ptr<SessionLock> *out);

    // Every *.lock file of sessionsDir whose lock another process holds,
    // sorted by file name. Stale files are skipped and left where they are
    // (they belong to the clients). A held file that cannot be read or
    // parsed is still reported, with only filePath set. ownFilePath and the
    // files of every live SessionLock of this process are never opened.
    // A missing sessionsDir means no sessions.
    static QList<SessionInfo> activeSessions(const QString &sessionsDir,
                                             const QString &ownFilePath = {});

    // One translated line per session ("maria on CAIXA-01, system CP, since
    // 03/05/2024 14:02"), for the in-use message and the GUI.
    static QString describeSessions(const QList<SessionInfo> &sessions);

    // The user and machine this process runs as (environment USER or
    // USERNAME, QSysInfo::machineHostName()).
    static QString currentUser();
    static QString currentMachine();

    QString filePath() const { return m_info.filePath; }
    const SessionInfo &info() const { return m_info; }
    bool isHeld() const;

    // Removes the file and then drops the lock. Idempotent; the destructor
    // calls it.
    void release();

private:
    SessionLock() = default;

    SessionInfo m_info;
#ifdef Q_OS_WIN
    void *m_handle = nullptr; // HANDLE; INVALID_HANDLE_VALUE is never stored
#else
    int m_fd = -1;
#endif
};

} // namespace Resguarda
