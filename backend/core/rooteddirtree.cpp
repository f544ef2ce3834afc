// SPDX-License-Identifier: GPL-3.0-or-later
// RootedDir's operations on whole trees: removing one, listing a folder and
// walking below it, never following a link and never leaving the volume.
#include "core/rooteddir.h"

#include "core/filenames.h"
#include "core/rooteddirsupport.h"

#include <QDir>

#include <cerrno>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Resguarda {

using namespace RootedDirSupport;

namespace {

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
