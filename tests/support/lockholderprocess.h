// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QStringList>

namespace TestSupport {

// A client of the business system in another process (helpers/lockholder)
// holding its session lock until release() or destruction.
class LockHolderProcess
{
public:
    LockHolderProcess(const QString &sessionsDir, const QString &user, const QString &machine,
                      const QString &system);
    ~LockHolderProcess();
    LockHolderProcess(const LockHolderProcess &) = delete;
    LockHolderProcess &operator=(const LockHolderProcess &) = delete;

    // Waits until the lock is held; false when the helper failed.
    bool waitUntilLocked(int timeoutMs = 15000);
    QString lockFilePath() const { return m_lockFile; }
    // Ends the helper gracefully: it releases and deletes its session file.
    void release();
    // Ends the helper with SIGKILL: its session file stays, stale.
    void kill();

private:
    QProcess m_process;
    QString m_lockFile;
};

} // namespace TestSupport
