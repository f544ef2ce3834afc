// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What rooteddir.cpp and rooteddirtree.cpp share: descriptors, names and
// errors at the level of the system calls. Not for use outside RootedDir.

#include "core/rooteddir.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <sys/stat.h>
#include <unistd.h>

namespace Resguarda::RootedDirSupport {

// Closes a descriptor at the end of a scope.
class FdGuard
{
public:
    explicit FdGuard(int fd = -1)
        : m_fd(fd)
    {
    }
    ~FdGuard()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    FdGuard(const FdGuard &) = delete;
    FdGuard &operator=(const FdGuard &) = delete;
    int get() const { return m_fd; }
    void reset(int fd)
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = fd;
    }
    int release()
    {
        const int fd = m_fd;
        m_fd = -1;
        return fd;
    }

private:
    int m_fd;
};

// The components of a relative path, as the bytes of their names.
QList<QByteArray> components(const QString &relative);
RootedDir::Kind kindOf(const struct stat &st);
// errno as the user reads it; a link in the way and a path leading out are
// named as such.
QString errnoText(int code);
// The names in a folder, "." and ".." aside; false with errno set when it
// cannot be read. The descriptor is duplicated: closedir() closes its own.
bool readNames(int dirFd, QList<QByteArray> *names);

} // namespace Resguarda::RootedDirSupport
