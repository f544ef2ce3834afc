// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

namespace TestSupport {

// A real WebDAV server, "rclone serve webdav", over a folder of the test's,
// on 127.0.0.1 at a port the kernel chooses, and the environment that makes
// it an rclone remote for resguarda-cli. Nothing else is reached: the
// remote's URL is the loopback address, and rclone reads only configFile
// (never the user's ~/.config/rclone). Stopped when destroyed.
class RcloneWebdav
{
public:
    RcloneWebdav(const QString &folder, const QString &configFile);
    ~RcloneWebdav();
    RcloneWebdav(const RcloneWebdav &) = delete;
    RcloneWebdav &operator=(const RcloneWebdav &) = delete;

    // Starts the server and waits until it listens; false with *error.
    bool start(QString *error);
    // A kill -9, as a crash or a lost network would end it.
    void kill();
    bool isRunning() const { return m_server.state() != QProcess::NotRunning; }
    QString url() const { return m_url; }

    // RCLONE_CONFIG and RCLONE_CONFIG_<REMOTE>_* entries for the remote
    // called remoteName ("NAME=value", for runCli's extraEnv).
    QStringList environment(const QString &remoteName) const;

    // The rclone program, empty when it is not installed.
    static QString program();

private:
    QString m_folder;
    QString m_configFile;
    QString m_url;
    QProcess m_server;
};

} // namespace TestSupport
