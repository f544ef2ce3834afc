// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/filesystem.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QStorageInfo>

#include <filesystem>
#include <system_error>

#ifdef Q_OS_WIN
#include <io.h>
#else
#include <fcntl.h>
#include <sys/statvfs.h>
#include <unistd.h>
#endif

namespace Resguarda {

QString FileSystem::existingAncestor(const QString &path)
{
    QFileInfo info(path);
    while (!info.exists()) {
        const QString parent = info.absolutePath();
        if (parent == info.absoluteFilePath())
            break;
        info = QFileInfo(parent);
    }
    return info.absoluteFilePath();
}

bool FileSystem::syncFile(QFile &file)
{
    if (!file.flush())
        return false;
#ifdef Q_OS_WIN
    return _commit(file.handle()) == 0;
#else
    return ::fsync(file.handle()) == 0;
#endif
}

bool FileSystem::syncDirectory(const QString &dirPath)
{
#ifdef Q_OS_WIN
    Q_UNUSED(dirPath);
    return true;
#else
    const int fd
        = ::open(QFile::encodeName(dirPath).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
#endif
}

void FileSystem::dropCachedPages(QFile &file)
{
#if defined(Q_OS_LINUX)
    ::posix_fadvise(file.handle(), 0, 0, POSIX_FADV_DONTNEED);
#else
    Q_UNUSED(file);
#endif
}

bool FileSystem::replaceFile(const QString &source, const QString &target, QString *error)
{
    // std::filesystem::rename replaces the target atomically on POSIX and
    // uses MoveFileEx(MOVEFILE_REPLACE_EXISTING) on Windows; QFile::rename
    // refuses an existing target.
    std::error_code ec;
    std::filesystem::rename(std::filesystem::path(source.toStdU16String()),
                            std::filesystem::path(target.toStdU16String()), ec);
    if (ec && error)
        *error = QString::fromLocal8Bit(ec.message().c_str());
    return !ec;
}

qint64 FileSystem::availableBytes(const QString &path)
{
    const QStorageInfo storage(existingAncestor(path));
    return storage.isValid() ? storage.bytesAvailable() : -1;
}

bool FileSystem::isOutOfSpace(const QString &path)
{
#ifdef Q_OS_UNIX
    struct statvfs stats
    {
    };
    if (::statvfs(QFile::encodeName(existingAncestor(path)).constData(), &stats) == 0) {
        // A little slack: the file system may keep a few blocks in reserve.
        const bool noBlocks = stats.f_bavail * stats.f_frsize < 64 * 1024;
        const bool noInodes = stats.f_files > 0 && stats.f_favail == 0;
        return noBlocks || noInodes;
    }
#endif
    return availableBytes(path) == 0;
}

bool FileSystem::isInside(const QString &path, const QString &folder)
{
    return path == folder || path.startsWith(folder.endsWith(u'/') ? folder : folder + u'/');
}

bool FileSystem::sameVolume(const QString &a, const QString &b)
{
    const QStorageInfo first(existingAncestor(a));
    const QStorageInfo second(existingAncestor(b));
    return first.isValid() && second.isValid() && first.rootPath() == second.rootPath()
        && first.device() == second.device();
}

QString FileSystem::formatSize(qint64 bytes)
{
    // A no-break space keeps "16,8 MB" on one line when a sentence wraps.
    return QLocale()
        .formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat)
        .replace(u' ', QChar::Nbsp);
}

} // namespace Resguarda
