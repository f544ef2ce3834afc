// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

class QFile;

namespace Resguarda {

// File-system operations whose exact semantics the safety guarantees rely on:
// data reaching the disk before a rename, renames that replace atomically.
class FileSystem
{
    Q_DECLARE_TR_FUNCTIONS(FileSystem)

public:
    // Flushes Qt's buffer and asks the OS to write the file's data to the
    // device (fsync / FlushFileBuffers).
    static bool syncFile(QFile &file);
    // Makes a rename or a new file in dir durable (POSIX needs the directory
    // itself synced; a no-op on Windows).
    static bool syncDirectory(const QString &dirPath);
    // Drops the file's cached pages so a following read really reads the
    // device (after syncFile). Best effort.
    static void dropCachedPages(QFile &file);
    // Renames source over target atomically, replacing target if it exists.
    static bool replaceFile(const QString &source, const QString &target, QString *error);
    // path itself when it exists, else its nearest existing parent: where a
    // file or folder that does not exist yet would live (its volume, say).
    static QString existingAncestor(const QString &path);
    // Bytes available to an unprivileged user on the volume holding path (or
    // its nearest existing parent); -1 when unknown.
    static qint64 availableBytes(const QString &path);
    // Whether the volume holding path has no room left for data or for new
    // files (no free blocks, or no free inodes on file systems that count them).
    static bool isOutOfSpace(const QString &path);
    // Whether path is folder or lies below it; both clean and absolute.
    static bool isInside(const QString &path, const QString &folder);
    // Whether two paths live on the same mounted volume.
    static bool sameVolume(const QString &a, const QString &b);
    // Human-readable size in the current default locale ("1,5 GB").
    static QString formatSize(qint64 bytes);
};

} // namespace Resguarda
