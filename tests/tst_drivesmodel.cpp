// SPDX-License-Identifier: GPL-3.0-or-later
// The drives QML offers as destinations (ui/drivesmodel.h), from the real
// mounted volumes and real tmpfs mounts, with a demo installation to tell
// its own disk apart. The model runs under QAbstractItemModelTester.

#include "core/filesystem.h"
#include "storage/volume.h"
#include "support/isolatedhome.h"
#include "support/tmpfsmount.h"
#include "support/uimodelfixture.h"
#include "ui/drivesmodel.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_LINUX
#include <sys/mount.h>
#include <unistd.h>
#endif

using namespace Resguarda;
using namespace TestSupport;
using namespace Qt::StringLiterals;

class TestDrivesModel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    UiModelFixture m_models;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        isolateHome(m_dir.path());
        m_models.create(m_dir.path());
    }

    void drivesListTheRealVolumes()
    {
        DrivesModel model;
        QAbstractItemModelTester tester(&model, testerMode);
        QVERIFY(model.rowCount() > 0);
        const QStorageInfo temp(QDir::tempPath());
        const int row = model.rowOf(QDir::tempPath());
        QVERIFY2(row >= 0, qPrintable(temp.rootPath()));
        const QModelIndex index = model.index(row);
        QCOMPARE(index.data(DrivesModel::PathRole).toString(), temp.rootPath());
        QCOMPARE(index.data(DrivesModel::DeviceRole).toString(),
                 QString::fromLocal8Bit(temp.device()));
        QCOMPARE(index.data(DrivesModel::TotalBytesRole).toLongLong(), temp.bytesTotal());
        const qint64 free = index.data(DrivesModel::FreeBytesRole).toLongLong();
        QVERIFY(free > 0 && free <= temp.bytesTotal());
        QCOMPARE(index.data(DrivesModel::FreeTextRole).toString(),
                 u"%1 free of %2"_s.arg(FileSystem::formatSize(free),
                                        FileSystem::formatSize(temp.bytesTotal())));
        QCOMPARE(index.data(DrivesModel::ReadOnlyRole).toBool(), temp.isReadOnly());
        const QString label = index.data(DrivesModel::LabelRole).toString();
        QVERIFY(!label.isEmpty());
        if (temp.name().isEmpty() && temp.rootPath() == u"/"_s)
            QCOMPARE(label, u"System disk"_s);
        // Nothing marked before the installation is known.
        for (int r = 0; r < model.rowCount(); ++r)
            QVERIFY(!model.index(r).data(DrivesModel::SameAsInstallationRole).toBool());
        QVERIFY(!model.isInstallationDisk(QDir::tempPath()));

        // Kernel file systems are no destination.
        const QStringList paths = column(model, DrivesModel::PathRole);
        QVERIFY(!paths.contains(u"/proc"_s));
        QVERIFY(!paths.contains(u"/sys"_s));
        QVERIFY(!paths.contains(u"/dev"_s));
        QVERIFY(!paths.contains(u"/dev/shm"_s));
        QCOMPARE(model.rowOf(u"/proc/self"_s), -1);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy rootChanged(&model, &DrivesModel::installationRootChanged);
        model.setInstallationRoot(m_models.root);
        QCOMPARE(rootChanged.count(), 1);
        QCOMPARE(model.installationRoot(), m_models.root);
        const int installationRow = model.rowOf(m_models.root + u"/CP/empresas/0001"_s);
        QVERIFY(installationRow >= 0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), installationRow);
        for (int r = 0; r < model.rowCount(); ++r)
            QCOMPARE(model.index(r).data(DrivesModel::SameAsInstallationRole).toBool(),
                     r == installationRow);
        QVERIFY(model.isInstallationDisk(m_models.root + u"/CP/empresas/0001/cadastro.dat"_s));
        QVERIFY(model.isInstallationDisk(m_models.root + u"/Copias/pasta-nova/CopiaCP.zip"_s));
        QVERIFY(!model.isInstallationDisk(u"/proc"_s));
        QVERIFY(!model.isRemovable(m_models.root));
        // Copies go to, and are looked for in, the installation's Copias on
        // its own disk.
        const QString installationDrive
            = model.index(installationRow).data(DrivesModel::PathRole).toString();
        QCOMPARE(model.copiesFolderOn(installationDrive), m_models.root + u"/Copias"_s);
        model.refresh();
        QVERIFY(model.index(installationRow).data(DrivesModel::SameAsInstallationRole).toBool());
        model.setInstallationRoot(QString());
        QVERIFY(!model.index(installationRow).data(DrivesModel::SameAsInstallationRole).toBool());
        QVERIFY(!model.isInstallationDisk(m_models.root));
    }

    void drivesPutRemovableOnesFirst()
    {
        const QString tag = u"resguarda-teste-%1"_s.arg(::getpid());
        TmpfsMount pen(u"/media/"_s + tag, 16 * 1024 * 1024);
        if (!pen.isMounted())
            QSKIP(qPrintable(u"Cannot mount a tmpfs on %1 (%2): the removable volumes are not "
                             u"tested here."_s.arg(pen.path(), pen.error())));
        TmpfsMount external(u"/run/media/"_s + tag + u"/Externo"_s, 8 * 1024 * 1024);
        TmpfsMount fixed(u"/mnt/"_s + tag, 4 * 1024 * 1024);
        QVERIFY2(external.isMounted(), qPrintable(external.error()));
        QVERIFY2(fixed.isMounted(), qPrintable(fixed.error()));
        // Where a volume is mounted says nothing: a tmpfs is no pen drive,
        // even in /media.
        QVERIFY(!DrivesModel().isRemovable(pen.path()));
        // The order and labels, with the two counted as pen drives.
        struct Reset
        {
            ~Reset() { Volume::setRemovableMountsForTesting({}); }
        } reset;
        Volume::setRemovableMountsForTesting({pen.path(), external.path()});

        DrivesModel model;
        QAbstractItemModelTester tester(&model, testerMode);
        const QStringList paths = column(model, DrivesModel::PathRole);
        const int penRow = model.rowOf(pen.path() + u"/pasta/CopiaCP.zip"_s);
        const int externalRow = model.rowOf(external.path());
        const int fixedRow = model.rowOf(fixed.path());
        QVERIFY2(penRow >= 0 && externalRow >= 0 && fixedRow >= 0, qPrintable(paths.join(u' ')));
        QCOMPARE(penRow, 0);
        QCOMPARE(externalRow, 1);
        QVERIFY(model.isRemovable(pen.path()));
        QVERIFY(model.isRemovable(external.path()));
        QVERIFY(!model.isRemovable(fixed.path()));
        QVERIFY(!model.isRemovable(QDir::tempPath()));
        // Any other drive: its root.
        QCOMPARE(model.copiesFolderOn(pen.path()), pen.path());
        QCOMPARE(model.index(penRow).data(DrivesModel::LabelRole).toString(), tag);
        QCOMPARE(model.index(externalRow).data(DrivesModel::LabelRole).toString(), u"Externo"_s);
        QCOMPARE(model.index(externalRow).data(DrivesModel::TotalBytesRole).toLongLong(),
                 8 * 1024 * 1024);
        // Removable first, then by path within each group.
        bool seenFixed = false;
        for (int row = 0; row < model.rowCount(); ++row) {
            const bool removable = model.index(row).data(DrivesModel::RemovableRole).toBool();
            QVERIFY2(!(removable && seenFixed), qPrintable(paths.join(u' ')));
            seenFixed = seenFixed || !removable;
            if (row > 0
                && removable == model.index(row - 1).data(DrivesModel::RemovableRole).toBool())
                QVERIFY2(paths.at(row - 1) < paths.at(row), qPrintable(paths.join(u' ')));
        }

        // Gone from the list once unmounted.
        QSignalSpy count(&model, &DrivesModel::countChanged);
        const int before = model.rowCount();
        ::umount2(QFile::encodeName(fixed.path()).constData(), MNT_DETACH);
        model.refresh();
        QCOMPARE(model.rowCount(), before - 1);
        QCOMPARE(count.count(), 1);
        QCOMPARE(model.rowOf(pen.path()), 0);
    }

    // Removable is what the kernel says (storage/volume.h, tested in
    // tst_storage), the rule the wipe of the destination disk obeys; no
    // longer a guess from where the volume is mounted.
    void drivesAreRemovableAsTheKernelSays()
    {
        DrivesModel model;
        QVERIFY(model.rowCount() > 0);
        for (int row = 0; row < model.rowCount(); ++row) {
            const QString path = model.data(model.index(row), DrivesModel::PathRole).toString();
            QCOMPARE(model.data(model.index(row), DrivesModel::RemovableRole).toBool(),
                     Volume::isRemovable(path));
            if (path == u"/"_s)
                QVERIFY(!model.isRemovable(path));
        }
    }
};

QTEST_GUILESS_MAIN(TestDrivesModel)
#include "tst_drivesmodel.moc"
