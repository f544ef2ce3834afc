// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/loopdisk.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

#include <cerrno>
#include <cstring>

#ifdef Q_OS_LINUX
#include <sys/mount.h>
#endif

namespace TestSupport {

namespace {

// losetup and mkfs live in /sbin, which is not on every user's PATH.
QString findTool(const QString &name)
{
    const QString found = QStandardPaths::findExecutable(name);
    if (!found.isEmpty())
        return found;
    return QStandardPaths::findExecutable(name,
                                          {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")});
}

} // namespace

LoopDisk::LoopDisk(const QString &imagePath, const QString &mountPath, qint64 bytes)
    : m_imagePath(imagePath)
    , m_mountPath(mountPath)
{
#ifdef Q_OS_LINUX
    if (!QFileInfo::exists(QStringLiteral("/dev/loop-control"))) {
        m_error = QStringLiteral("there is no /dev/loop-control");
        return;
    }
    QFile image(imagePath);
    if (!image.open(QIODevice::WriteOnly) || !image.resize(bytes)) {
        m_error = QStringLiteral("cannot create the image %1").arg(imagePath);
        return;
    }
    image.close();
    QByteArray device;
    if (!run(QStringLiteral("losetup"),
             {QStringLiteral("--find"), QStringLiteral("--show"), imagePath}, &device))
        return;
    m_device = QString::fromLocal8Bit(device.trimmed());
    if (!run(QStringLiteral("mkfs.ext4"), {QStringLiteral("-q"), QStringLiteral("-F"), m_device}))
        return;
    QDir().mkpath(mountPath);
    if (::mount(QFile::encodeName(m_device).constData(), QFile::encodeName(mountPath).constData(),
                "ext4", 0, nullptr)
        != 0) {
        m_error = QStringLiteral("mount: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return;
    }
    m_mounted = true;
#else
    Q_UNUSED(bytes);
    m_error = QStringLiteral("loop devices are a Linux feature");
#endif
}

LoopDisk::~LoopDisk()
{
#ifdef Q_OS_LINUX
    if (m_mounted)
        ::umount2(QFile::encodeName(m_mountPath).constData(), MNT_DETACH);
    if (!m_device.isEmpty())
        run(QStringLiteral("losetup"), {QStringLiteral("--detach"), m_device});
#endif
    QFile::remove(m_imagePath);
}

bool LoopDisk::run(const QString &tool, const QStringList &arguments, QByteArray *output)
{
    const QString program = findTool(tool);
    if (program.isEmpty()) {
        m_error = QStringLiteral("%1 is not installed").arg(tool);
        return false;
    }
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        m_error = QStringLiteral("%1 failed: %2")
                      .arg(QFileInfo(program).fileName(),
                           QString::fromLocal8Bit(process.readAllStandardError()).trimmed());
        return false;
    }
    if (output)
        *output = process.readAllStandardOutput();
    return true;
}

} // namespace TestSupport
