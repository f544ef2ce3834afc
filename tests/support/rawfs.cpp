// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/rawfs.h"

#include <QList>

#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace TestSupport {

Fd::~Fd()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

Fd openPath(int dir, const QByteArray &path, int flags)
{
    const auto names = path.split('/');
    Fd current(::fcntl(dir, F_DUPFD_CLOEXEC, 0));
    for (qsizetype i = 0; i < names.size() && current.isValid(); ++i) {
        const bool last = i == names.size() - 1;
        current = Fd(::openat(current.get(), names[i].constData(),
                              (last ? flags : O_RDONLY | O_DIRECTORY) | O_NOFOLLOW | O_CLOEXEC));
    }
    return current;
}

bool makeFolders(int dir, const QByteArray &path, QString *error)
{
    Fd current(::fcntl(dir, F_DUPFD_CLOEXEC, 0));
    for (const auto &name : path.split('/')) {
        if (::mkdirat(current.get(), name.constData(), 0755) != 0 && errno != EEXIST) {
            *error = QStringLiteral("cannot create %1: %2")
                         .arg(QString::fromLocal8Bit(name),
                              QString::fromLocal8Bit(std::strerror(errno)));
            return false;
        }
        current = Fd(::openat(current.get(), name.constData(),
                              O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        if (!current.isValid()) {
            *error = QStringLiteral("cannot open %1: %2")
                         .arg(QString::fromLocal8Bit(name),
                              QString::fromLocal8Bit(std::strerror(errno)));
            return false;
        }
    }
    return true;
}

bool writeFileAt(int dir, const QByteArray &name, const QByteArray &data, int mode, timespec mtime)
{
    Fd fd(::openat(dir, name.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                   0600));
    if (!fd.isValid())
        return false;
    qsizetype written = 0;
    while (written < data.size()) {
        const ssize_t n
            = ::write(fd.get(), data.constData() + written, size_t(data.size() - written));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        written += n;
    }
    const timespec times[2] = {mtime, mtime};
    return ::fchmod(fd.get(), mode_t(mode)) == 0 && ::futimens(fd.get(), times) == 0;
}

bool removeAt(int dir, const QByteArray &name)
{
    if (::unlinkat(dir, name.constData(), 0) == 0 || errno == ENOENT)
        return true;
    if (errno != EISDIR && errno != EPERM)
        return false;
    // An unreadable folder (mode 000) of the tests cannot be listed otherwise.
    if (::fchmodat(dir, name.constData(), 0700, 0) != 0)
        return false;
    Fd folder(::openat(dir, name.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!folder.isValid())
        return false;
    DIR *stream = ::fdopendir(::fcntl(folder.get(), F_DUPFD_CLOEXEC, 0));
    if (!stream)
        return false;
    QList<QByteArray> names;
    while (const dirent *item = ::readdir(stream)) {
        const QByteArray child(item->d_name);
        if (child != "." && child != "..")
            names.append(child);
    }
    ::closedir(stream);
    bool ok = true;
    for (const auto &child : names)
        ok = removeAt(folder.get(), child) && ok;
    return ::unlinkat(dir, name.constData(), AT_REMOVEDIR) == 0 && ok;
}

} // namespace TestSupport
