// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/rclonewebdav.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QStandardPaths>

namespace TestSupport {

RcloneWebdav::RcloneWebdav(const QString &folder, const QString &configFile)
    : m_folder(folder)
    , m_configFile(configFile)
{
}

RcloneWebdav::~RcloneWebdav()
{
    if (isRunning()) {
        m_server.terminate();
        if (!m_server.waitForFinished(5000)) {
            m_server.kill();
            m_server.waitForFinished();
        }
    }
}

QString RcloneWebdav::program()
{
    return QStandardPaths::findExecutable(QStringLiteral("rclone"));
}

bool RcloneWebdav::start(QString *error)
{
    if (program().isEmpty()) {
        *error = QStringLiteral("rclone is not installed (packaging/install-deps.sh installs it)");
        return false;
    }
    if (!QFile::exists(m_configFile)) {
        QFile config(m_configFile);
        config.open(QIODevice::WriteOnly);
    }
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("RCLONE_CONFIG"), m_configFile);
    m_server.setProcessEnvironment(environment);
    // Its log goes to a file: a pipe nobody reads would stop the server
    // once full.
    const QString logFile = m_configFile + QStringLiteral(".serve.log");
    QFile::remove(logFile);
    m_server.setProcessChannelMode(QProcess::MergedChannels);
    m_server.setStandardOutputFile(logFile);
    m_server.start(program(),
                   {QStringLiteral("serve"), QStringLiteral("webdav"), m_folder,
                    QStringLiteral("--addr"), QStringLiteral("127.0.0.1:0"),
                    // Tests put files behind its back (a damaged copy, a
                    // leftover): no cached listings.
                    QStringLiteral("--dir-cache-time=0s")});
    static const QRegularExpression started(
        QStringLiteral("started on (http://127\\.0\\.0\\.1:\\d+)/"));
    QByteArray log;
    const QDeadlineTimer deadline(30000);
    while (!deadline.hasExpired() && isRunning()) {
        m_server.waitForFinished(100);
        QFile file(logFile);
        if (file.open(QIODevice::ReadOnly))
            log = file.readAll();
        const auto match = started.match(QString::fromUtf8(log));
        if (match.hasMatch()) {
            m_url = match.captured(1);
            return true;
        }
    }
    *error = QStringLiteral("rclone serve webdav did not start: ") + QString::fromUtf8(log);
    return false;
}

void RcloneWebdav::kill()
{
    m_server.kill();
    m_server.waitForFinished();
}

QStringList RcloneWebdav::environment(const QString &remoteName) const
{
    const QString prefix = u"RCLONE_CONFIG_" + remoteName.toUpper() + u'_';
    return {u"RCLONE_CONFIG=" + m_configFile, prefix + u"TYPE=webdav", prefix + u"URL=" + m_url,
            prefix + u"VENDOR=other"};
}

} // namespace TestSupport
