// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/rooteddir.h"

#include "core/filenames.h"
#include "core/rooteddirsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QList>

#include <atomic>
#include <cerrno>
#include <cstring>

#include <dirent.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace Resguarda {

using namespace RootedDirSupport;

namespace {

// Whether the kernel (or a seccomp filter in front of it) offers openat2;
// learnt on first use.
std::atomic<bool> openat2Missing {false};

} // namespace

RootedDir::RootedDir(int fd, QString path)
    : m_fd(fd)
    , m_path(std::move(path))
{
}

RootedDir::RootedDir(RootedDir &&other) noexcept
    : m_fd(std::exchange(other.m_fd, -1))
    , m_path(std::move(other.m_path))
{
}

RootedDir &RootedDir::operator=(RootedDir &&other) noexcept
{
    if (this != &other) {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = std::exchange(other.m_fd, -1);
        m_path = std::move(other.m_path);
    }
    return *this;
}

RootedDir::~RootedDir()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

std::optional<RootedDir> RootedDir::open(const QString &path, QString *error)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const QByteArray native = QFile::encodeName(absolute);
    int fd = ::open(native.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0 && errno == EACCES)
        fd = ::open(native.constData(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        *error = tr("%1 could not be opened: %2")
                     .arg(QDir::toNativeSeparators(absolute), errnoText(errno));
        return std::nullopt;
    }
    return RootedDir(fd, absolute);
}

void RootedDir::setOpenat2Enabled(bool enabled)
{
    openat2Missing.store(!enabled, std::memory_order_relaxed);
}

QString RootedDir::filePath(const QString &relative) const
{
    return relative.isEmpty() ? m_path : m_path + u'/' + relative;
}

bool RootedDir::isValidRelativePath(const QString &relative)
{
    if (relative.isEmpty() || relative.startsWith(u'/') || relative.contains(QChar(0)))
        return false;
    const auto parts = QStringView(relative).split(u'/');
    return std::none_of(parts.begin(), parts.end(), [](QStringView part) {
        return part.isEmpty() || part == u"." || part == u"..";
    });
}

int RootedDir::openBeneath(const QString &relative, int flags, mode_t mode) const
{
    if (!isValidRelativePath(relative)) {
        errno = EXDEV;
        return -1;
    }
    flags |= O_CLOEXEC;
    const QByteArray native = FileNames::encode(relative);
    if (!openat2Missing.load(std::memory_order_relaxed)) {
        open_how how {};
        how.flags = quint64(flags);
        how.mode = (flags & O_CREAT) ? mode : 0;
        how.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS;
        const long fd = ::syscall(SYS_openat2, m_fd, native.constData(), &how, sizeof how);
        if (fd >= 0 || (errno != ENOSYS && errno != ENAMETOOLONG))
            return int(fd);
        // A path longer than PATH_MAX is legal below a folder, and the
        // walk below reaches it one component at a time.
        if (errno == ENOSYS)
            openat2Missing.store(true, std::memory_order_relaxed);
    }
    // The same resolution by hand: one O_NOFOLLOW open per component.
    // With O_PATH, O_NOFOLLOW opens a link itself and O_DIRECTORY then fails
    // with ENOTDIR: that is reported as the link it is, like openat2 does.
    auto openStep = [](int dirFd, const QByteArray &name, int stepFlags, mode_t stepMode) {
        const int fd
            = ::openat(dirFd, name.constData(), stepFlags | O_NOFOLLOW | O_CLOEXEC, stepMode);
        if (fd < 0 && errno == ENOTDIR) {
            struct stat st
            {
            };
            if (::fstatat(dirFd, name.constData(), &st, AT_SYMLINK_NOFOLLOW) == 0
                && S_ISLNK(st.st_mode))
                errno = ELOOP;
            else
                errno = ENOTDIR;
        }
        return fd;
    };
    const auto parts = components(relative);
    FdGuard current(::openat(m_fd, ".", O_PATH | O_DIRECTORY | O_CLOEXEC));
    for (qsizetype i = 0; current.get() >= 0 && i + 1 < parts.size(); ++i)
        current.reset(openStep(current.get(), parts[i], O_PATH | O_DIRECTORY, 0));
    if (current.get() < 0)
        return -1;
    const int fd = openStep(current.get(), parts.last(), flags, mode);
    if (fd >= 0 && (flags & O_PATH) && !(flags & O_DIRECTORY)) {
        // O_PATH | O_NOFOLLOW opened a link itself: not what was asked for.
        struct stat st
        {
        };
        if (::fstat(fd, &st) == 0 && S_ISLNK(st.st_mode)) {
            ::close(fd);
            errno = ELOOP;
            return -1;
        }
    }
    return fd;
}

int RootedDir::openParent(const QString &relative, QByteArray *name) const
{
    if (!isValidRelativePath(relative)) {
        errno = EXDEV;
        return -1;
    }
    const qsizetype slash = relative.lastIndexOf(u'/');
    *name = FileNames::encode(QStringView(relative).mid(slash + 1));
    if (slash < 0)
        return ::openat(m_fd, ".", O_PATH | O_DIRECTORY | O_CLOEXEC);
    return openBeneath(relative.left(slash), O_PATH | O_DIRECTORY, 0);
}

RootedDir::Kind RootedDir::kind(const QString &relative) const
{
    QByteArray name;
    FdGuard parent(openParent(relative, &name));
    if (parent.get() < 0)
        return errno == ELOOP                     ? Kind::Link
            : errno == ENOENT || errno == ENOTDIR ? Kind::Missing
                                                  : Kind::Other;
    struct stat st
    {
    };
    if (::fstatat(parent.get(), name.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0)
        return errno == ENOENT ? Kind::Missing : Kind::Other;
    return kindOf(st);
}

qint64 RootedDir::fileSize(const QString &relative) const
{
    QByteArray name;
    FdGuard parent(openParent(relative, &name));
    struct stat st
    {
    };
    if (parent.get() < 0 || ::fstatat(parent.get(), name.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0
        || !S_ISREG(st.st_mode))
        return -1;
    return st.st_size;
}

bool RootedDir::statOf(const QString &relative, struct stat *status) const
{
    if (relative.isEmpty())
        return ::fstat(m_fd, status) == 0;
    QByteArray name;
    FdGuard parent(openParent(relative, &name));
    return parent.get() >= 0
        && ::fstatat(parent.get(), name.constData(), status, AT_SYMLINK_NOFOLLOW) == 0;
}

bool RootedDir::setModeAndTime(const QString &relative, int mode, qint64 modified,
                               QString *error) const
{
    // Opened as what it is (never a link), then changed through the
    // descriptor: nothing planted meanwhile can redirect the change.
    struct stat st
    {
    };
    if (!statOf(relative, &st)) {
        *error = errnoText(errno);
        return false;
    }
    const int flags
        = S_ISDIR(st.st_mode) ? O_RDONLY | O_DIRECTORY : O_RDONLY | O_NONBLOCK | O_NOCTTY;
    FdGuard fd(S_ISDIR(st.st_mode) || S_ISREG(st.st_mode) ? openBeneath(relative, flags, 0) : -1);
    if (fd.get() < 0) {
        *error = S_ISDIR(st.st_mode) || S_ISREG(st.st_mode) ? errnoText(errno)
                                                            : tr("it is not a file or folder");
        return false;
    }
    const struct timespec times[2] = {{time_t(modified), 0}, {time_t(modified), 0}};
    if ((mode >= 0 && ::fchmod(fd.get(), mode_t(mode & 07777)) != 0)
        || (modified >= 0 && ::futimens(fd.get(), times) != 0)) {
        *error = errnoText(errno);
        return false;
    }
    return true;
}

int RootedDir::openForReading(const QString &relative, QString *error) const
{
    FdGuard fd(openBeneath(relative, O_RDONLY | O_NOCTTY | O_NONBLOCK, 0));
    if (fd.get() < 0) {
        *error = errnoText(errno);
        return -1;
    }
    struct stat st
    {
    };
    if (::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode)) {
        *error = tr("it is not a regular file");
        return -1;
    }
    // O_NONBLOCK only kept a FIFO from blocking the open.
    ::fcntl(fd.get(), F_SETFL, ::fcntl(fd.get(), F_GETFL) & ~O_NONBLOCK);
    return fd.release();
}

int RootedDir::createFile(const QString &relative, mode_t mode, QString *error) const
{
    const int fd = openBeneath(relative, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW, mode);
    if (fd < 0) {
        const int code = errno;
        *error = code == EEXIST && kind(relative) == Kind::Link
            ? tr("a symbolic link is in the way (Resguarda never follows one here)")
            : errnoText(code);
        errno = code;
    }
    return fd;
}

int RootedDir::openForAppending(const QString &relative, mode_t mode, QString *error) const
{
    int fd = openBeneath(relative, O_RDWR | O_APPEND | O_CREAT | O_EXCL | O_NOFOLLOW, mode);
    if (fd < 0 && errno == EEXIST)
        fd = openBeneath(relative, O_RDWR | O_APPEND | O_NOFOLLOW | O_NONBLOCK, 0);
    if (fd < 0) {
        *error = errnoText(errno);
        return -1;
    }
    struct stat st
    {
    };
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        *error = tr("it is not a regular file");
        return -1;
    }
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    return fd;
}

std::optional<RootedDir> RootedDir::openDir(const QString &relative, QString *error) const
{
    int fd = openBeneath(relative, O_RDONLY | O_DIRECTORY, 0);
    if (fd < 0 && errno == EACCES)
        fd = openBeneath(relative, O_PATH | O_DIRECTORY, 0);
    if (fd < 0) {
        *error = tr("%1 could not be opened: %2")
                     .arg(QDir::toNativeSeparators(filePath(relative)), errnoText(errno));
        return std::nullopt;
    }
    return RootedDir(fd, filePath(relative));
}

bool RootedDir::makePath(const QString &relative, QString *error, mode_t mode) const
{
    if (!isValidRelativePath(relative)) {
        *error = tr("%1 is not a valid path").arg(relative);
        return false;
    }
    FdGuard current(::openat(m_fd, ".", O_PATH | O_DIRECTORY | O_CLOEXEC));
    QString done;
    for (const auto &part : components(relative)) {
        done = done.isEmpty() ? FileNames::decode(part) : done + u'/' + FileNames::decode(part);
        int next = ::openat(current.get(), part.constData(),
                            O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (next < 0 && errno == ENOENT) {
            if (::mkdirat(current.get(), part.constData(), mode) != 0 && errno != EEXIST) {
                *error = tr("%1 could not be created: %2")
                             .arg(QDir::toNativeSeparators(filePath(done)), errnoText(errno));
                return false;
            }
            next = ::openat(current.get(), part.constData(),
                            O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        }
        if (next < 0) {
            const int code = errno;
            *error = code == ENOTDIR || code == ELOOP
                ? tr("%1 is not a folder (a file or a symbolic link is in the way)")
                      .arg(QDir::toNativeSeparators(filePath(done)))
                : tr("%1 could not be opened: %2")
                      .arg(QDir::toNativeSeparators(filePath(done)), errnoText(code));
            return false;
        }
        current.reset(next);
    }
    return true;
}

bool RootedDir::rename(const QString &from, const QString &to, bool noReplace, QString *error) const
{
    QByteArray fromName;
    QByteArray toName;
    FdGuard fromParent(openParent(from, &fromName));
    FdGuard toParent(fromParent.get() >= 0 ? openParent(to, &toName) : -1);
    if (fromParent.get() < 0 || toParent.get() < 0) {
        *error = tr("%1 could not be moved to %2: %3")
                     .arg(QDir::toNativeSeparators(filePath(from)),
                          QDir::toNativeSeparators(filePath(to)), errnoText(errno));
        return false;
    }
    int result = ::renameat2(fromParent.get(), fromName.constData(), toParent.get(),
                             toName.constData(), noReplace ? RENAME_NOREPLACE : 0);
    if (result != 0 && noReplace && errno == EINVAL) {
        // A file system without RENAME_NOREPLACE (some network shares).
        struct stat st
        {
        };
        if (::fstatat(toParent.get(), toName.constData(), &st, AT_SYMLINK_NOFOLLOW) == 0) {
            errno = EEXIST;
        } else {
            result = ::renameat(fromParent.get(), fromName.constData(), toParent.get(),
                                toName.constData());
        }
    }
    if (result != 0) {
        *error = tr("%1 could not be moved to %2: %3")
                     .arg(QDir::toNativeSeparators(filePath(from)),
                          QDir::toNativeSeparators(filePath(to)), errnoText(errno));
        return false;
    }
    return true;
}

bool RootedDir::hardLink(const QString &from, const QString &to, QString *error) const
{
    QByteArray fromName;
    QByteArray toName;
    FdGuard fromParent(openParent(from, &fromName));
    FdGuard toParent(fromParent.get() >= 0 ? openParent(to, &toName) : -1);
    // Without AT_SYMLINK_FOLLOW linkat never follows from itself.
    if (fromParent.get() < 0 || toParent.get() < 0
        || ::linkat(fromParent.get(), fromName.constData(), toParent.get(), toName.constData(), 0)
            != 0) {
        *error = errnoText(errno);
        return false;
    }
    return true;
}

bool RootedDir::removeFile(const QString &relative, QString *error) const
{
    QByteArray name;
    FdGuard parent(openParent(relative, &name));
    if (parent.get() < 0
        || (::unlinkat(parent.get(), name.constData(), 0) != 0 && errno != ENOENT)) {
        *error = tr("%1 could not be removed: %2")
                     .arg(QDir::toNativeSeparators(filePath(relative)), errnoText(errno));
        return false;
    }
    return true;
}

bool RootedDir::syncDir(const QString &relative) const
{
    FdGuard fd(relative.isEmpty() ? ::openat(m_fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                                  : openBeneath(relative, O_RDONLY | O_DIRECTORY, 0));
    return fd.get() >= 0 && ::fsync(fd.get()) == 0;
}

} // namespace Resguarda
