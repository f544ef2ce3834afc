// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace TestSupport {

// A small tmpfs mounted at path for the lifetime of the object: a real full
// disk, or a real second volume (a pen drive), for the tests that need one.
// Mounting needs root (CI runs as root); where it is not permitted,
// isMounted() is false and error() says why, and only that test part skips.
// Folders it had to create for the mount point are removed afterwards, so a
// mount under /media or /mnt leaves nothing behind.
class TmpfsMount
{
public:
    // inodes, when not 0, limits the number of files and folders it holds:
    // a disk that is full although it has free bytes.
    TmpfsMount(const QString &path, qint64 bytes, bool readOnly = false, qint64 inodes = 0);
    ~TmpfsMount();
    TmpfsMount(const TmpfsMount &) = delete;
    TmpfsMount &operator=(const TmpfsMount &) = delete;

    bool isMounted() const { return m_mounted; }
    QString error() const { return m_error; }
    QString path() const { return m_path; }

private:
    QString m_path;
    QStringList m_created; // folders made for the mount point, deepest first
    bool m_mounted = false;
    QString m_error;
};

} // namespace TestSupport
