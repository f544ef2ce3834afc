// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/volumewalk.h"

#include <QDir>
#include <QFile>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

namespace Resguarda {

int VolumeWalk::countFiles(const QString &volumeRoot, int limit, const std::atomic_bool *cancelled)
{
    int count = 0;
    VolumeWalk walk;
    walk.onEntry = [&](const QFileInfo &) {
        if (cancelled && cancelled->load())
            return VolumeWalk::Visit::Stop;
        return ++count >= limit ? VolumeWalk::Visit::Stop : VolumeWalk::Visit::Kept;
    };
    walk.run(volumeRoot);
    return count;
}

bool VolumeWalk::run(const QString &volume)
{
#ifdef Q_OS_UNIX
    struct stat info = {};
    if (::lstat(QFile::encodeName(volume).constData(), &info) != 0)
        return true;
    m_device = quint64(info.st_dev);
#endif
    bool kept = false;
    return walk(volume, true, &kept);
}

bool VolumeWalk::sameDevice(const QString &folder) const
{
#ifdef Q_OS_UNIX
    struct stat info = {};
    return ::lstat(QFile::encodeName(folder).constData(), &info) == 0
        && quint64(info.st_dev) == m_device && S_ISDIR(info.st_mode);
#else
    Q_UNUSED(folder);
    return true;
#endif
}

bool VolumeWalk::walk(const QString &folder, bool isVolumeRoot, bool *keptInside)
{
    const QDir dir(folder);
    const auto entries = dir.entryInfoList(
        QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo &entry : entries) {
        const QString path = dir.filePath(entry.fileName());
        if (!entry.isSymLink() && entry.isDir()) {
            if ((isVolumeRoot && entry.fileName() == u"lost+found") || !sameDevice(path)) {
                *keptInside = true;
                continue;
            }
            bool kept = false;
            if (!walk(path, false, &kept))
                return false;
            if (afterFolder)
                afterFolder(path, kept);
            if (QFileInfo::exists(path) || QFileInfo(path).isSymLink())
                *keptInside = true;
            continue;
        }
        switch (onEntry(QFileInfo(path))) {
        case Visit::Stop:
            return false;
        case Visit::Kept:
            *keptInside = true;
            break;
        case Visit::Removed:
            break;
        }
    }
    return true;
}

} // namespace Resguarda
