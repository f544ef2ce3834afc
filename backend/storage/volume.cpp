// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/volume.h"

#include "core/filesystem.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStorageInfo>

#ifdef Q_OS_LINUX
#include <sys/stat.h>
#include <sys/sysmacros.h>
#endif

namespace Resguarda {

namespace {

QStringList s_removableMountsForTesting;

// File systems with no disk of their own: in memory, layered, or across the
// network. Their device numbers are anonymous (major 0) anyway; the type is
// checked too so that a mislabelled device cannot make a share removable.
bool isVirtualOrNetwork(const QByteArray &type)
{
    static const QByteArrayList types = {
        "tmpfs", "ramfs", "overlay", "aufs",     "squashfs", "nfs",  "nfs4",      "cifs",
        "smb3",  "smbfs", "9p",      "virtiofs", "afs",      "ceph", "glusterfs", "autofs",
    };
    // FUSE, except fuseblk: NTFS and exFAT pen drives (ntfs-3g, exfat-fuse)
    // are FUSE file systems on a real block device, which the kernel then
    // describes like any other.
    return types.contains(type) || type == "fuse" || type.startsWith("fuse.");
}

QByteArray readSmallFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.read(64).trimmed();
}

// A block device's sysfs folder (canonical): removable when its disk says
// so, or when the disk sits on a USB or SD/MMC bus. depth bounds the walk
// through device-mapper slaves, which a hostile fake tree could make cyclic.
bool isRemovableBlock(const QString &sysfs, QString device, int depth)
{
    if (device.isEmpty() || depth > 4)
        return false;
    // A partition's folder sits inside its disk's folder.
    if (QFileInfo::exists(device + u"/partition"))
        device = QFileInfo(device).absolutePath();
    // A device-mapper disk (LUKS, LVM) is what lies below it.
    const QDir slaves(device + u"/slaves");
    const QStringList below = slaves.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    if (!below.isEmpty()) {
        for (const QString &name : below) {
            const QString slave = QFileInfo(slaves.filePath(name)).canonicalFilePath();
            if (!isRemovableBlock(sysfs, slave, depth + 1))
                return false;
        }
        return true;
    }
    if (readSmallFile(device + u"/removable") == "1")
        return true;
    // The bus is in the device's path: .../usb2/2-1/.../block/sdb, or
    // .../mmc_host/mmc0/mmc0:aaaa/block/mmcblk0. Only the part below the
    // sysfs root counts (a fake root may live anywhere).
    if (!device.startsWith(sysfs + u'/'))
        return false;
    const QStringList components = device.mid(sysfs.size()).split(u'/', Qt::SkipEmptyParts);
    for (const QString &component : components) {
        if (component.startsWith(u"usb") || component.startsWith(u"mmc"))
            return true;
    }
    return false;
}

} // namespace

QString Volume::mountPoint(const QString &path)
{
    const QStorageInfo storage(FileSystem::existingAncestor(path));
    if (!storage.isValid())
        return {};
    const QString root = QFileInfo(storage.rootPath()).canonicalFilePath();
    return root.isEmpty() ? QDir::cleanPath(storage.rootPath()) : root;
}

void Volume::setRemovableMountsForTesting(const QStringList &mountPoints)
{
    s_removableMountsForTesting.clear();
    for (const QString &mountPoint : mountPoints)
        s_removableMountsForTesting << QDir::cleanPath(mountPoint);
}

bool Volume::isRemovable(const QString &path)
{
    return isRemovable(path, QStringLiteral("/sys"));
}

bool Volume::isRemovable(const QString &path, const QString &sysfsRoot)
{
    if (path.isEmpty())
        return false;
    const QString existing = FileSystem::existingAncestor(path);
    const QStorageInfo storage(existing);
    const QString mountPoint = QDir::cleanPath(storage.rootPath());
    if (!storage.isValid() || storage.isRoot() || mountPoint == u"/")
        return false;
    if (s_removableMountsForTesting.contains(mountPoint))
        return true;
    if (isVirtualOrNetwork(storage.fileSystemType()))
        return false;
#ifdef Q_OS_LINUX
    struct stat info = {};
    if (::stat(QFile::encodeName(existing).constData(), &info) != 0)
        return false;
    return isRemovableDevice(major(info.st_dev), minor(info.st_dev), sysfsRoot);
#else
    Q_UNUSED(sysfsRoot);
    return false;
#endif
}

bool Volume::isRemovableDevice(quint32 deviceMajor, quint32 deviceMinor, const QString &sysfsRoot)
{
    // Major 0: an anonymous device, which every virtual and network file
    // system has (btrfs too, whose volumes are then never emptied: the safe
    // side).
    if (deviceMajor == 0)
        return false;
    const QString sysfs = QFileInfo(sysfsRoot).canonicalFilePath();
    if (sysfs.isEmpty())
        return false;
    const QString link
        = sysfs + QStringLiteral("/dev/block/%1:%2").arg(deviceMajor).arg(deviceMinor);
    return isRemovableBlock(sysfs, QFileInfo(link).canonicalFilePath(), 0);
}

QStringList Volume::mountPrefixes()
{
    QStringList prefixes {QStringLiteral("/media"), QStringLiteral("/run/media"),
                          QStringLiteral("/mnt")};
    const QStringList extra = QString::fromLocal8Bit(qgetenv("RESGUARDA_MOUNT_PREFIXES"))
                                  .split(u':', Qt::SkipEmptyParts);
    for (const auto &prefix : extra)
        prefixes << QDir::cleanPath(prefix);
    return prefixes;
}

} // namespace Resguarda
