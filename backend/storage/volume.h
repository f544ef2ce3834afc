// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace Resguarda {

// What the kernel says about the volume holding a path: where it is mounted
// and whether it is a removable disk. The one place that decides which
// volumes "Apaga conteúdo do disco de destino" may empty and which the
// drive list calls removable, so the two can never disagree.
class Volume
{
public:
    // The mount point of the volume holding path (or its nearest existing
    // parent), canonical; empty when unknown.
    static QString mountPoint(const QString &path);

    // Whether the volume holding path (or its nearest existing parent) is on
    // a removable disk, as the kernel describes the device: the file's
    // st_dev leads to /sys/dev/block/MAJ:MIN, a partition to its disk, and
    // the disk is removable when its "removable" flag is 1 or it hangs off a
    // USB or SD/MMC bus (external disks on USB often say 0). A device-mapper
    // disk (an encrypted pen drive) is removable when everything below it is.
    // Never removable: the system's root volume, virtual and network file
    // systems (tmpfs, overlay, NFS, SMB; any device with major number 0),
    // and anything the kernel does not describe. Where the volume is
    // mounted says nothing: a NAS or a data disk is often mounted in /mnt.
    static bool isRemovable(const QString &path);
    // The same, with the kernel's sysfs read from sysfsRoot instead of /sys:
    // tests build a fake tree to cover USB, MMC and removable disks.
    static bool isRemovable(const QString &path, const QString &sysfsRoot);
    // The decision for a block device number alone (no file-system check).
    static bool isRemovableDevice(quint32 deviceMajor, quint32 deviceMinor,
                                  const QString &sysfsRoot);

    // For tests of the wipe itself, which need a volume they can fill and
    // empty (a tmpfs) to count as a pen drive: these mount points are
    // removable in this process (the root volume still never is). Not
    // reachable from outside the process (no environment variable, no
    // setting), so nothing a user or a hostile file sets can make a disk
    // erasable. Empty restores the kernel's word.
    static void setRemovableMountsForTesting(const QStringList &mountPoints);

    // Folders where pen drives and external disks are mounted: /media,
    // /run/media, /mnt, and those listed in the environment variable
    // RESGUARDA_MOUNT_PREFIXES (separated by ':'), a testing aid. Used to
    // recognise the empty mount point of a disk that is not plugged in,
    // never to decide that a volume is removable.
    static QStringList mountPrefixes();
};

} // namespace Resguarda
