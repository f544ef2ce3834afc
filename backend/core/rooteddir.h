// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

#include <sys/types.h>

struct stat;

namespace Resguarda {

// A directory held open by descriptor, inside which every file is opened,
// created, renamed and removed by a path relative to it that is resolved
// without following any symbolic link and without leaving it ("..", an
// absolute path or a link on the way are refused). The installation tree and
// the copies' folders can be written by every user of the business system,
// and Resguarda may run as root: a link planted anywhere on a path must never
// make it read, write or remove something elsewhere, even if it appears
// between a check and the use (openat2 RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS,
// or a walk of O_NOFOLLOW opens where the kernel lacks openat2).
//
// The directory's own path may go through links: it is the one the user
// chose. Relative paths use '/' and are checked by isValidRelativePath().
class RootedDir
{
    Q_DECLARE_TR_FUNCTIONS(RootedDir)

public:
    enum class Kind { Missing, File, Directory, Link, Other };

    // Opens path, which must be a directory. error receives a sentence.
    static std::optional<RootedDir> open(const QString &path, QString *error);

    RootedDir(RootedDir &&other) noexcept;
    RootedDir &operator=(RootedDir &&other) noexcept;
    RootedDir(const RootedDir &) = delete;
    RootedDir &operator=(const RootedDir &) = delete;
    ~RootedDir();

    int fd() const { return m_fd; }
    QString path() const { return m_path; }
    // The absolute path of relative, for messages and for APIs that need one.
    QString filePath(const QString &relative) const;

    // Non-empty, not absolute, no empty, "." or ".." component, no NUL.
    static bool isValidRelativePath(const QString &relative);

    // What sits at relative, never following a link (a link on the way, or
    // at the end, is Link). Missing also when a parent is missing.
    Kind kind(const QString &relative) const;
    // Like kind() for a regular file, with its size (-1 when not a file).
    qint64 fileSize(const QString &relative) const;

    // lstat of relative (never following a link); false with errno set.
    bool statOf(const QString &relative, struct stat *status) const;
    // Sets the permission bits and the modification time (seconds; the
    // access time becomes the same) of relative, which must not be a link.
    bool setModeAndTime(const QString &relative, int mode, qint64 modified, QString *error) const;

    // Opens relative for reading; only a regular file is accepted. Returns a
    // descriptor the caller owns, or -1 with error set.
    int openForReading(const QString &relative, QString *error) const;
    // Creates relative exclusively (it must not exist, not even as a link)
    // with the given permission bits; parents must exist. Returns a
    // descriptor the caller owns, or -1 with error set (errno kept).
    int createFile(const QString &relative, mode_t mode, QString *error) const;
    // Opens an existing regular file for appending, or creates it
    // exclusively; never through a link.
    int openForAppending(const QString &relative, mode_t mode, QString *error) const;
    // Opens a sub-directory as a RootedDir of its own.
    std::optional<RootedDir> openDir(const QString &relative, QString *error) const;

    // Creates relative and its missing parents; every existing component
    // must be a real directory.
    bool makePath(const QString &relative, QString *error, mode_t mode = 0777) const;
    // Renames within this directory. With noReplace, an existing target
    // (even a link) makes it fail; without, a file target is replaced.
    bool rename(const QString &from, const QString &to, bool noReplace, QString *error) const;
    // Makes to a second name of the regular file from (no link followed).
    bool hardLink(const QString &from, const QString &to, QString *error) const;
    // Removes a file or a link (never what it points to).
    bool removeFile(const QString &relative, QString *error) const;
    // Removes relative and everything below it; links are removed, never
    // followed. True when nothing is left (also when it did not exist).
    bool removeTree(const QString &relative, QString *error) const;
    // fsync of the directory relative ("" for this one).
    bool syncDir(const QString &relative = QString()) const;

    struct Entry
    {
        QString name;
        Kind kind = Kind::Other;
        qint64 size = -1; // of a regular file
    };
    // The entries of the folder relative ("" for this one), never following
    // a link; false with error set when it cannot be read.
    bool list(const QString &relative, QList<Entry> *entries, QString *error) const;

    // Calls visit for every entry below relative (depth first, names in no
    // particular order), with the path relative to this directory and the
    // entry's kind and size; links and special files are reported, never
    // followed. A folder that cannot be opened, or an entry that cannot be
    // examined, is reported as Kind::Other with size -1 (a special file has
    // size 0). visit returns false to stop.
    using Visitor = std::function<bool(const QString &relative, Kind kind, qint64 size)>;
    bool walk(const QString &relative, const Visitor &visit, QString *error) const;

    // Tests only: resolve by the O_NOFOLLOW walk even where the kernel has
    // openat2, so that both ways are proven on any machine.
    static void setOpenat2Enabled(bool enabled);

private:
    RootedDir(int fd, QString path);
    int openBeneath(const QString &relative, int flags, mode_t mode) const;
    // Opens the parent of relative as a directory and gives the last name.
    int openParent(const QString &relative, QByteArray *name) const;

    int m_fd = -1;
    QString m_path;
};

} // namespace Resguarda
