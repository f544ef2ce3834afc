// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/rawfs.h"

#include <QList>

#include <cerrno>
#include <cstring>
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

} // namespace TestSupport
