// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/rooteddir.h"

#include "core/filenames.h"

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

namespace {

// Whether the kernel (or a seccomp filter in front of it) offers openat2;
// learnt on first use.
std::atomic<bool> openat2Missing {false};

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

QList<QByteArray> components(const QString &relative)
{
    return FileNames::encode(relative).split('/');
}

RootedDir::Kind kindOf(const struct stat &st)
{
    if (S_ISREG(st.st_mode))
        return RootedDir::Kind::File;
    if (S_ISDIR(st.st_mode))
        return RootedDir::Kind::Directory;
    if (S_ISLNK(st.st_mode))
        return RootedDir::Kind::Link;
    return RootedDir::Kind::Other;
}

QString errnoText(int code)
{
    if (code == ELOOP)
        return RootedDir::tr("a symbolic link is in the way (Resguarda never follows one here)");
    if (code == EXDEV)
        return RootedDir::tr("the path leads outside its folder");
    return QString::fromLocal8Bit(std::strerror(code));
}

// The names in a folder, "." and ".." aside; false with errno set when it
// cannot be read. The descriptor is duplicated: closedir() closes its own.
bool readNames(int dirFd, QList<QByteArray> *names)
{
    const int listFd = ::dup(dirFd);
    DIR *dir = listFd >= 0 ? ::fdopendir(listFd) : nullptr;
    if (!dir) {
        const int saved = errno;
        if (listFd >= 0)
            ::close(listFd);
        errno = saved;
        return false;
    }
    while (const dirent *entry = ::readdir(dir)) {
        const QByteArray name(entry->d_name);
        if (name != "." && name != "..")
            names->append(name);
    }
    ::closedir(dir);
    return true;
}

bool removeContents(int dirFd, dev_t device, const QString &where, QString *error);

// Removes name in dirFd, whatever it is, never following a link and never
// descending into another file system (a mount point is left as it is).
bool removeEntry(int dirFd, const QByteArray &name, dev_t device, const QString &where,
                 QString *error)
{
    struct stat st
    {
    };
    if (::fstatat(dirFd, name.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0)
        return errno == ENOENT;
    if (!S_ISDIR(st.st_mode)) {
        if (::unlinkat(dirFd, name.constData(), 0) == 0 || errno == ENOENT)
            return true;
        *error = RootedDir::tr("%1 could not be removed: %2").arg(where, errnoText(errno));
        return false;
    }
    if (st.st_dev != device) {
        *error = RootedDir::tr("%1 is another disk mounted inside the folder; it was left alone")
                     .arg(where);
        return false;
    }
    FdGuard sub(::openat(dirFd, name.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (sub.get() < 0 || !removeContents(sub.get(), device, where, error)) {
        if (sub.get() < 0)
            *error = RootedDir::tr("%1 could not be opened: %2").arg(where, errnoText(errno));
        return false;
    }
    if (::unlinkat(dirFd, name.constData(), AT_REMOVEDIR) == 0 || errno == ENOENT)
        return true;
    *error = RootedDir::tr("%1 could not be removed: %2").arg(where, errnoText(errno));
    return false;
}

bool removeContents(int dirFd, dev_t device, const QString &where, QString *error)
{
    // Names are read first and removed after: removing while reading may
    // make readdir skip entries.
    QList<QByteArray> names;
    if (!readNames(dirFd, &names)) {
        *error = RootedDir::tr("%1 could not be read: %2").arg(where, errnoText(errno));
        return false;
    }
    for (const auto &name : std::as_const(names)) {
        if (!removeEntry(dirFd, name, device, where + u'/' + FileNames::decode(name), error))
            return false;
    }
    return true;
}

// Reads a folder's entries with what fstatat says of each (never following
// a link); an entry that vanished or cannot be examined is Other.
bool readEntries(int dirFd, QList<std::pair<QByteArray, struct stat>> *entries)
{
    QList<QByteArray> names;
    if (!readNames(dirFd, &names))
        return false;
    for (const auto &name : std::as_const(names)) {
        struct stat st
        {
        };
        if (::fstatat(dirFd, name.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0)
            st.st_mode = 0;
        entries->append({name, st});
    }
    return true;
}

RootedDir::Kind kindOfEntry(const struct stat &st)
{
    return st.st_mode == 0 ? RootedDir::Kind::Other : kindOf(st);
}

struct WalkState
{
    const RootedDir::Visitor &visit;
    bool stopped = false;
};

void walkDir(int dirFd, const QString &relative, WalkState &state)
{
    QList<std::pair<QByteArray, struct stat>> entries;
    if (!readEntries(dirFd, &entries)) {
        state.stopped = !state.visit(relative, RootedDir::Kind::Other, -1);
        return;
    }
    for (const auto &[name, st] : std::as_const(entries)) {
        if (state.stopped)
            return;
        const QString path = relative.isEmpty() ? FileNames::decode(name)
                                                : relative + u'/' + FileNames::decode(name);
        const RootedDir::Kind kind = kindOfEntry(st);
        if (kind == RootedDir::Kind::Directory) {
            FdGuard sub(
                ::openat(dirFd, name.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
            if (sub.get() < 0) {
                state.stopped = !state.visit(path, RootedDir::Kind::Other, -1);
                continue;
            }
            if (!state.visit(path, kind, 0)) {
                state.stopped = true;
                return;
            }
            walkDir(sub.get(), path, state);
            continue;
        }
        const qint64 size = kind == RootedDir::Kind::File ? qint64(st.st_size)
            : st.st_mode == 0                             ? -1
                                                          : 0;
        if (!state.visit(path, kind, size)) {
            state.stopped = true;
            return;
        }
    }
}

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

bool RootedDir::removeTree(const QString &relative, QString *error) const
{
    QByteArray name;
    FdGuard parent(openParent(relative, &name));
    if (parent.get() < 0) {
        if (errno == ENOENT)
            return true;
        *error = tr("%1 could not be removed: %2")
                     .arg(QDir::toNativeSeparators(filePath(relative)), errnoText(errno));
        return false;
    }
    struct stat st
    {
    };
    if (::fstat(parent.get(), &st) != 0) {
        *error = errnoText(errno);
        return false;
    }
    return removeEntry(parent.get(), name, st.st_dev, QDir::toNativeSeparators(filePath(relative)),
                       error);
}

bool RootedDir::syncDir(const QString &relative) const
{
    FdGuard fd(relative.isEmpty() ? ::openat(m_fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                                  : openBeneath(relative, O_RDONLY | O_DIRECTORY, 0));
    return fd.get() >= 0 && ::fsync(fd.get()) == 0;
}

bool RootedDir::list(const QString &relative, QList<Entry> *entries, QString *error) const
{
    FdGuard fd(relative.isEmpty() ? ::openat(m_fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                                  : openBeneath(relative, O_RDONLY | O_DIRECTORY, 0));
    QList<std::pair<QByteArray, struct stat>> raw;
    if (fd.get() < 0 || !readEntries(fd.get(), &raw)) {
        *error = tr("%1 could not be read: %2")
                     .arg(QDir::toNativeSeparators(filePath(relative)), errnoText(errno));
        return false;
    }
    entries->clear();
    for (const auto &[name, st] : std::as_const(raw)) {
        const Kind kind = kindOfEntry(st);
        entries->append(
            {FileNames::decode(name), kind, kind == Kind::File ? qint64(st.st_size) : -1});
    }
    return true;
}

bool RootedDir::walk(const QString &relative, const Visitor &visit, QString *error) const
{
    FdGuard fd(relative.isEmpty() ? ::openat(m_fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                                  : openBeneath(relative, O_RDONLY | O_DIRECTORY, 0));
    if (fd.get() < 0) {
        *error = tr("%1 could not be read: %2")
                     .arg(QDir::toNativeSeparators(filePath(relative)), errnoText(errno));
        return false;
    }
    WalkState state {visit};
    walkDir(fd.get(), relative, state);
    return true;
}

} // namespace Resguarda
