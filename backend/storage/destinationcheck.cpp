// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/destinationcheck.h"

#include "core/filesystem.h"
#include "storage/volume.h"

#include <QDir>
#include <QFileInfo>
#include <QStorageInfo>

namespace Resguarda {

OperationError DestinationCheck::checkFolder(const QString &installationRoot, const QString &folder,
                                             bool requireMounted)
{
    const QString absolute = QDir::cleanPath(QFileInfo(folder).absoluteFilePath());
    const QString nativeFolder = QDir::toNativeSeparators(absolute);
    const QString existing = FileSystem::existingAncestor(absolute);
    const QString canonicalExisting = QFileInfo(existing).canonicalFilePath();
    const QString where = canonicalExisting.isEmpty() ? existing : canonicalExisting;
    const QString installation = QFileInfo(installationRoot).canonicalFilePath();
    // The installation's own folders (its Copias) are where the user keeps
    // copies on purpose, wherever the installation itself lives.
    if (!installation.isEmpty() && FileSystem::FileSystem::isInside(where, installation))
        return OperationError::none();

    for (const auto &prefix : Volume::mountPrefixes()) {
        const QString canonicalPrefix = QFileInfo(prefix).canonicalFilePath();
        if (canonicalPrefix.isEmpty() || canonicalPrefix == u"/"
            || !FileSystem::FileSystem::isInside(where, canonicalPrefix))
            continue;
        // A disk mounted below the prefix is another volume than the one
        // holding the prefix's parent; an empty mount point is the same one
        // (the root file system for /media and /mnt, /run's tmpfs for
        // /run/media). A disk mounted on the prefix itself (/mnt) counts as
        // mounted too, which is why the parent is compared, not the prefix.
        const QString parent = QFileInfo(canonicalPrefix).absolutePath();
        if (FileSystem::sameVolume(where, parent)) {
            if (!QFileInfo(absolute).isDir()) {
                return OperationError::failed(
                    tr("The destination folder %1 does not exist: the pen drive or external disk "
                       "is not connected. Connect it and try again. No copy was made.")
                        .arg(nativeFolder));
            }
            return OperationError::failed(
                tr("The destination folder %1 is on this computer's own disk, in the place where "
                   "a pen drive or external disk appears when it is connected: the disk is not "
                   "connected. Connect the pen drive or external disk and try again. No copy was "
                   "made.")
                    .arg(nativeFolder));
        }
    }

    if (requireMounted) {
        const QStorageInfo storage(where);
        const QString root = storage.isValid() ? QDir::cleanPath(storage.rootPath()) : QString();
        if (root.isEmpty() || root == u"/" || storage.isRoot()
            || FileSystem::sameVolume(where, installationRoot)) {
            return OperationError::failed(
                tr("The destination folder %1 is not on a mounted pen drive or external disk, "
                   "but on the disk of the system or of the installation. Connect the pen drive "
                   "or external disk and try again. No copy was made.")
                    .arg(nativeFolder));
        }
    }
    return OperationError::none();
}

} // namespace Resguarda
