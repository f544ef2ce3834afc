// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/drivesmodel.h"

#include "core/displaytext.h"
#include "core/filesystem.h"
#include "installation/installation.h"
#include "storage/volume.h"

#include <QDir>
#include <QFileInfo>
#include <QStorageInfo>

#include <algorithm>

namespace Resguarda {

namespace {

// QStorageInfo of a path that may not exist yet (a destination folder to be
// created): the volume of its nearest existing ancestor.
QStorageInfo storageOf(const QString &path)
{
    if (path.isEmpty())
        return {};
    return QStorageInfo(FileSystem::existingAncestor(path));
}

bool isUnder(const QString &path, QStringView folder)
{
    return path.startsWith(folder) && path.size() > folder.size() && path.at(folder.size()) == u'/';
}

// Kernel and container file systems that are no place for a copy.
bool isPseudoFileSystem(const QByteArray &type, const QString &rootPath)
{
    static const QByteArrayList pseudo = {
        "proc",    "sysfs",       "devtmpfs", "devpts", "squashfs",  "tracefs", "securityfs",
        "pstore",  "bpf",         "autofs",   "mqueue", "hugetlbfs", "debugfs", "configfs",
        "fusectl", "binfmt_misc", "ramfs",    "nsfs",   "efivarfs",
    };
    if (pseudo.contains(type) || type.startsWith("cgroup"))
        return true;
    // A container's root is an overlay; other overlays are its plumbing.
    if (type == "overlay")
        return rootPath != u"/";
    // The system's tmpfs (/run, /dev/shm, /tmp) loses its content at boot;
    // one under the removable media folders is a deliberate mount.
    if (type == "tmpfs")
        return !isUnder(rootPath, u"/media") && !isUnder(rootPath, u"/mnt")
            && !isUnder(rootPath, u"/run/media");
    return false;
}

bool isVolumeOf(const QString &rootPath, const QString &device, const QStorageInfo &storage)
{
    return storage.isValid() && rootPath == storage.rootPath()
        && device == QString::fromLocal8Bit(storage.device());
}

} // namespace

DrivesModel::DrivesModel(QObject *parent)
    : QAbstractListModel(parent)
{
    refresh();
}

int DrivesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_drives.size());
}

QVariant DrivesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return {};
    const Drive &drive = m_drives.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case LabelRole:
        // A pen drive names itself: shown display-safe. PathRole stays
        // the real path, which the wizards open.
        return DisplayText::displaySafe(drive.label);
    case PathRole:
        return drive.path;
    case DeviceRole:
        return drive.device;
    case FreeBytesRole:
        return drive.freeBytes;
    case TotalBytesRole:
        return drive.totalBytes;
    case FreeTextRole:
        return tr("%1 free of %2")
            .arg(FileSystem::formatSize(drive.freeBytes), FileSystem::formatSize(drive.totalBytes));
    case RemovableRole:
        return drive.removable;
    case SameAsInstallationRole:
        return drive.sameAsInstallation;
    case ReadOnlyRole:
        return drive.readOnly;
    default:
        return {};
    }
}

QHash<int, QByteArray> DrivesModel::roleNames() const
{
    return {
        {PathRole, "path"},
        {LabelRole, "label"},
        {DeviceRole, "device"},
        {FreeBytesRole, "freeBytes"},
        {TotalBytesRole, "totalBytes"},
        {FreeTextRole, "freeText"},
        {RemovableRole, "removable"},
        {SameAsInstallationRole, "sameAsInstallation"},
        {ReadOnlyRole, "readOnly"},
    };
}

void DrivesModel::setInstallationRoot(const QString &root)
{
    if (root == m_installationRoot)
        return;
    m_installationRoot = root;
    // Only one role changes: the rows (and the view's position) stay.
    const QStorageInfo installation = storageOf(m_installationRoot);
    for (int row = 0; row < m_drives.size(); ++row) {
        Drive &drive = m_drives[row];
        const bool same = isVolumeOf(drive.path, drive.device, installation);
        if (same != drive.sameAsInstallation) {
            drive.sameAsInstallation = same;
            Q_EMIT dataChanged(index(row), index(row), {SameAsInstallationRole});
        }
    }
    Q_EMIT installationRootChanged();
}

void DrivesModel::refresh()
{
    const QStorageInfo installation = storageOf(m_installationRoot);
    QList<Drive> drives;
    const auto volumes = QStorageInfo::mountedVolumes();
    for (const auto &volume : volumes) {
        if (!volume.isValid() || !volume.isReady())
            continue;
        const QString rootPath = volume.rootPath();
        if (isPseudoFileSystem(volume.fileSystemType(), rootPath))
            continue;
        // Files bind-mounted by containers (/etc/hosts) are not places.
        if (!QFileInfo(rootPath).isDir())
            continue;
        Drive drive;
        drive.path = rootPath;
        drive.device = QString::fromLocal8Bit(volume.device());
        drive.label = volume.name();
        if (drive.label.isEmpty()) {
            drive.label = rootPath == u"/"
                ? tr("System disk")
                : QDir::toNativeSeparators(rootPath).section(QDir::separator(), -1, -1,
                                                             QString::SectionSkipEmpty);
        }
        if (drive.label.isEmpty())
            drive.label = QDir::toNativeSeparators(rootPath);
        drive.freeBytes = volume.bytesAvailable();
        drive.totalBytes = volume.bytesTotal();
        drive.removable = Volume::isRemovable(rootPath);
        drive.readOnly = volume.isReadOnly();
        drive.sameAsInstallation = isVolumeOf(drive.path, drive.device, installation);
        drives.append(drive);
    }
    std::sort(drives.begin(), drives.end(), [](const Drive &a, const Drive &b) {
        if (a.removable != b.removable)
            return a.removable;
        return a.path < b.path;
    });

    const bool countChanges = drives.size() != m_drives.size();
    beginResetModel();
    m_drives = std::move(drives);
    endResetModel();
    if (countChanges)
        Q_EMIT countChanged();
}

int DrivesModel::rowOf(const QString &path) const
{
    const QStorageInfo storage = storageOf(path);
    for (int row = 0; row < m_drives.size(); ++row) {
        if (isVolumeOf(m_drives.at(row).path, m_drives.at(row).device, storage))
            return row;
    }
    return -1;
}

bool DrivesModel::isRemovable(const QString &path) const
{
    const int row = rowOf(path);
    return row >= 0 && m_drives.at(row).removable;
}

bool DrivesModel::isInstallationDisk(const QString &path) const
{
    return !m_installationRoot.isEmpty() && !path.isEmpty()
        && FileSystem::sameVolume(path, m_installationRoot);
}

QString DrivesModel::copiesFolderOn(const QString &drivePath) const
{
    if (!isInstallationDisk(drivePath))
        return drivePath;
    return QDir::cleanPath(m_installationRoot + u'/'
                           + QStringView(InstallationLayout::copiesDirName));
}

} // namespace Resguarda
