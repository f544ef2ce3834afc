// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/lockholderprocess.h"

#include <QDeadlineTimer>

namespace TestSupport {

LockHolderProcess::LockHolderProcess(const QString &sessionsDir, const QString &user,
                                     const QString &machine, const QString &system)
{
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start(QStringLiteral(RESGUARDA_LOCKHOLDER_PATH),
                    {sessionsDir, user, machine, system});
}

LockHolderProcess::~LockHolderProcess()
{
    release();
}

bool LockHolderProcess::waitUntilLocked(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!m_process.canReadLine()) {
        if (m_process.state() == QProcess::NotRunning || deadline.hasExpired())
            return false;
        m_process.waitForReadyRead(100);
    }
    const QByteArray line = m_process.readLine().trimmed();
    if (!line.startsWith("LOCKED "))
        return false;
    m_lockFile = QString::fromUtf8(line.mid(7));
    return true;
}

void LockHolderProcess::release()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.closeWriteChannel();
    if (!m_process.waitForFinished(15000)) {
        m_process.kill();
        m_process.waitForFinished();
    }
}

void LockHolderProcess::kill()
{
    m_process.kill();
    m_process.waitForFinished();
}

} // namespace TestSupport
