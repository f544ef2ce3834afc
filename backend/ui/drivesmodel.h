// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractListModel>
#include <QList>
#include <QtQml/qqmlregistration.h>

namespace Resguarda {

// The places a copy can go to (or come from): mounted volumes from
// QStorageInfo, removable ones (pen drives, external disks) first and
// labelled, the installation's own disk marked so the wizard can repeat the
// procedure's warning. Removable is Volume::isRemovable, the rule the wipe of the
// destination disk obeys: the list never offers what the wipe refuses.
// Pseudo file systems (proc, tmpfs of the system, snap loops) are left out.
class DrivesModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString installationRoot READ installationRoot WRITE setInstallationRoot NOTIFY
                   installationRootChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role {
        PathRole = Qt::UserRole + 1, // mount point (root path)
        LabelRole, // volume label, or a readable name when there is none
        DeviceRole,
        FreeBytesRole,
        TotalBytesRole,
        FreeTextRole, // "12,4 GB livres de 14,9 GB"
        RemovableRole,
        SameAsInstallationRole,
        ReadOnlyRole,
    };
    Q_ENUM(Role)

    explicit DrivesModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString installationRoot() const { return m_installationRoot; }
    void setInstallationRoot(const QString &root);

    Q_INVOKABLE void refresh();
    // Row of the volume holding path, -1 when none.
    Q_INVOKABLE int rowOf(const QString &path) const;
    // Whether the volume holding path is removable / the installation's.
    Q_INVOKABLE bool isRemovable(const QString &path) const;
    Q_INVOKABLE bool isInstallationDisk(const QString &path) const;
    // Where copies go on the drive mounted at drivePath, and where the
    // restore looks for them: the installation's Copias folder on the
    // installation's own disk (the procedure's default), the drive's root
    // anywhere else.
    Q_INVOKABLE QString copiesFolderOn(const QString &drivePath) const;

Q_SIGNALS:
    void installationRootChanged();
    void countChanged();

private:
    struct Drive
    {
        QString path;
        QString label;
        QString device;
        qint64 freeBytes = 0;
        qint64 totalBytes = 0;
        bool removable = false;
        bool sameAsInstallation = false;
        bool readOnly = false;
    };
    QList<Drive> m_drives;
    QString m_installationRoot;
};

} // namespace Resguarda
