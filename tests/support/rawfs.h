// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <ctime>
#include <utility>

// File system steps on raw names relative to open folders (openat and
// friends), for the torture tree and the tree snapshots: names are never
// decoded, and paths may be longer than PATH_MAX.
namespace TestSupport {

// An owned file descriptor.
class Fd
{
public:
    Fd() = default;
    explicit Fd(int fd)
        : m_fd(fd)
    {
    }
    Fd(Fd &&other) noexcept
        : m_fd(std::exchange(other.m_fd, -1))
    {
    }
    Fd &operator=(Fd &&other) noexcept
    {
        std::swap(m_fd, other.m_fd);
        return *this;
    }
    Fd(const Fd &) = delete;
    Fd &operator=(const Fd &) = delete;
    ~Fd();

    bool isValid() const { return m_fd >= 0; }
    int get() const { return m_fd; }

private:
    int m_fd = -1;
};

// Opens path ('/'-separated, relative) below dir one component at a time,
// following no link; the last component with flags (O_NOFOLLOW and
// O_CLOEXEC are added). Invalid on failure, errno set.
Fd openPath(int dir, const QByteArray &path, int flags);

// Creates the folders of path below dir that are missing (mode 0755).
bool makeFolders(int dir, const QByteArray &path, QString *error);

// Creates the file name in dir (which must not exist) with data, then gives
// it mode (whatever the umask) and the modification time mtime.
bool writeFileAt(int dir, const QByteArray &name, const QByteArray &data, int mode, timespec mtime);

// Removes name (a file, or a folder and all it holds) from dir, raw names
// and deep paths included, making unreadable folders readable on the way.
bool removeAt(int dir, const QByteArray &name);

} // namespace TestSupport
