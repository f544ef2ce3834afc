// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/tmpfsmount.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>

#ifdef Q_OS_LINUX
#include <sys/mount.h>
#endif

namespace TestSupport {

TmpfsMount::TmpfsMount(const QString &path, qint64 bytes, bool readOnly, qint64 inodes)
    : m_path(path)
{
    for (QString dir = path; !QFileInfo::exists(dir); dir = QFileInfo(dir).absolutePath())
        m_created.append(dir);
    if (!QDir().mkpath(path)) {
        m_error = QStringLiteral("cannot create %1").arg(path);
        return;
    }
#ifdef Q_OS_LINUX
    QByteArray options = "size=" + QByteArray::number(bytes);
    if (inodes > 0)
        options += ",nr_inodes=" + QByteArray::number(inodes);
    m_mounted = ::mount("tmpfs", QFile::encodeName(path).constData(), "tmpfs",
                        readOnly ? MS_RDONLY : 0, options.constData())
        == 0;
    if (!m_mounted)
        m_error = QString::fromLocal8Bit(std::strerror(errno));
#else
    Q_UNUSED(bytes);
    Q_UNUSED(readOnly);
    Q_UNUSED(inodes);
    m_error = QStringLiteral("tmpfs mounts are a Linux feature");
#endif
}

TmpfsMount::~TmpfsMount()
{
#ifdef Q_OS_LINUX
    // Detached, so a file a test still holds open cannot keep it mounted.
    if (m_mounted)
        ::umount2(QFile::encodeName(m_path).constData(), MNT_DETACH);
#endif
    for (const QString &dir : std::as_const(m_created))
        QDir().rmdir(dir);
}

} // namespace TestSupport
