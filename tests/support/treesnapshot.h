// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// What a folder holds, in the detail a copy must keep: raw names (bytes,
// never decoded), kinds, permission bits, modification times to the second,
// sizes and contents, empty folders included. Two snapshots compare equal
// exactly when a restore gave back the tree that was copied.
namespace TestSupport {

struct TreeEntry
{
    // 'd' folder, 'f' regular file, 'l' symbolic link, 'p' FIFO,
    // 'c'/'b' device, 's' socket.
    char kind = 'f';
    QByteArray path; // raw, '/'-separated, relative to the snapshot's folder
    uint mode = 0; // permission bits, 07777
    qint64 mtime = 0; // seconds since the epoch
    qint64 size = 0; // files only; 0 for the rest
    // Files: SHA-256 over the non-zero 1 MiB blocks with their index, so a
    // sparse file and its dense copy hash alike and holes are not read.
    // Links: the raw target.
    QByteArray content;

    bool operator==(const TreeEntry &other) const
    {
        return kind == other.kind && path == other.path && mode == other.mode
            && mtime == other.mtime && size == other.size && content == other.content;
    }
};

struct TreeSnapshot
{
    QList<TreeEntry> entries; // sorted by raw path bytes; the folder itself is not one
    QStringList errors; // what could not be read
    qint64 files = 0;
    qint64 folders = 0;
    qint64 bytes = 0;
};

// Walks dir without following links (openat/fdopendir/fstatat on raw
// names). Paths whose first bytes are one of excludedPrefixes are left out.
TreeSnapshot snapshotTree(const QString &dir, const QList<QByteArray> &excludedPrefixes = {});

// One line per entry: kind, mode, mtime, size, content, escaped path. The
// canonical listing; its SHA-256 is a hash of the whole tree.
QByteArray snapshotListing(const TreeSnapshot &snapshot);

// The first maxShown differences between expected and actual (missing,
// unexpected and changed entries, field by field), then their number, and
// the errors of either walk; empty when they are identical.
QString describeDifferences(const TreeSnapshot &expected, const TreeSnapshot &actual,
                            int maxShown = 12);

// One entry, readably, for messages.
QString describeEntry(const TreeEntry &entry);

} // namespace TestSupport
