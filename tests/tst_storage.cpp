// SPDX-License-Identifier: GPL-3.0-or-later
// Which volumes are removable (storage/volume.h): the one rule behind the
// drive list and "Apaga conteúdo do disco de destino". A fake /sys covers
// the hardware this machine does not have (USB, SD cards, encrypted pen
// drives); the real kernel shows that a tmpfs and a loop-mounted ext4 disk
// are not removable, wherever they are mounted, and that the command line
// refuses to empty them and erases nothing.

#include "core/exitcode.h"
#include "storage/volume.h"
#include "support/demofixture.h"
#include "support/loopdisk.h"
#include "support/testinstallation.h"
#include "support/tmpfsmount.h"
#include "ui/backupsettings.h"
#include "ui/drivesmodel.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_LINUX
#include <sys/stat.h>
#include <sys/sysmacros.h>
#endif

using namespace Resguarda;
using namespace TestSupport;

namespace {

// A fake sysfs: the device folder at <root>/<devicePath> with its
// "removable" flag (none when empty) or "partition" marker, and the
// <root>/dev/block/MAJ:MIN link to it, relative like the kernel's.
void addDevice(const QString &root, const QString &devicePath, const QString &majMin,
               const QByteArray &removable, bool partition = false)
{
    const QString dir = root + u'/' + devicePath;
    QVERIFY(QDir().mkpath(dir));
    if (!removable.isEmpty())
        writeFile(dir + QStringLiteral("/removable"), removable + '\n');
    if (partition)
        writeFile(dir + QStringLiteral("/partition"), "1\n");
    QVERIFY(QDir().mkpath(root + QStringLiteral("/dev/block")));
    QVERIFY(QFile::link(QStringLiteral("../../") + devicePath,
                        root + QStringLiteral("/dev/block/") + majMin));
}

// A device-mapper disk (LUKS, LVM) over the block devices at slavePaths.
void addMapper(const QString &root, const QString &name, const QString &majMin,
               const QStringList &slavePaths)
{
    const QString devicePath = QStringLiteral("devices/virtual/block/") + name;
    addDevice(root, devicePath, majMin, "0");
    const QString slaves = root + u'/' + devicePath + QStringLiteral("/slaves");
    QVERIFY(QDir().mkpath(slaves));
    for (const QString &slave : slavePaths)
        QVERIFY(QFile::link(root + u'/' + slave, slaves + u'/' + QFileInfo(slave).fileName()));
}

const QString usbDisk = QStringLiteral(
    "devices/pci0000:00/0000:00:14.0/usb2/2-1/2-1:1.0/host6/target6:0:0/6:0:0:0/block/sdb");
const QString sdCard
    = QStringLiteral("devices/platform/soc/fe340000.mmc/mmc_host/mmc0/mmc0:aaaa/block/mmcblk0");
const QString sataDisk
    = QStringLiteral("devices/pci0000:00/0000:00:17.0/ata1/host0/target0:0:0/0:0:0:0/block/sda");
const QString cardReader
    = QStringLiteral("devices/pci0000:00/0000:00:17.0/ata2/host1/target1:0:0/1:0:0:0/block/sdc");
const QString nvmeDisk
    = QStringLiteral("devices/pci0000:00/0000:00:1d.0/0000:3d:00.0/nvme/nvme0/nvme0n1");

#ifdef Q_OS_LINUX
// The block device number of the volume holding path.
bool deviceNumber(const QString &path, quint32 *deviceMajor, quint32 *deviceMinor)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return false;
    *deviceMajor = major(info.st_dev);
    *deviceMinor = minor(info.st_dev);
    return true;
}
#endif

// A temporary folder below /mnt, where administrators mount NAS shares and
// data disks, and where the old rule called every volume removable.
std::unique_ptr<QTemporaryDir> folderBelowMnt()
{
    auto dir = std::make_unique<QTemporaryDir>(QStringLiteral("/mnt/resguarda-test-XXXXXX"));
    if (!dir->isValid())
        return {};
    return dir;
}

} // namespace

class TestStorage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_root; // a demo installation
    QString m_sys; // the fake sysfs

    // Files on the destination volume that a wipe would erase.
    static void fillVolume(const QString &volume)
    {
        writeFile(volume + QStringLiteral("/CopiaAT.zip"), "previous copy");
        writeFile(volume + QStringLiteral("/dados/planilha.ods"), "the NAS's own data");
        writeFile(volume + QStringLiteral("/dados/fotos/foto.jpg"), QByteArray(4096, 'x'));
        writeFile(volume + QStringLiteral("/notas.txt"), "unrelated");
    }

    // Runs a backup onto volume with --wipe-destination and checks that it
    // is refused as not removable and that nothing on the volume changed.
    void checkWipeRefused(const QString &volume)
    {
        const auto before = treeHashes(volume);
        QVERIFY(!before.isEmpty());
        const auto result
            = runCli({QStringLiteral("backup"), QStringLiteral("--root"), m_root,
                      QStringLiteral("--system"), QStringLiteral("AT"), QStringLiteral("--output"),
                      volume, QStringLiteral("--wipe-destination")});
        QVERIFY2(result.exitCode == int(ExitCode::Usage),
                 qPrintable(QStringLiteral("exit code %1: %2")
                                .arg(result.exitCode)
                                .arg(QString::fromUtf8(result.standardError))));
        QVERIFY2(result.standardError.contains("Only a removable disk"),
                 result.standardError.constData());
        QCOMPARE(treeHashes(volume), before);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_root = m_dir.filePath(QStringLiteral("instalacao"));
        QVERIFY(!TestSupport::DemoFixture(2, 1, 2, 5).create(m_root));

        // Below a folder named "usb": only the path inside the tree counts.
        m_sys = m_dir.filePath(QStringLiteral("usb/sys"));
        addDevice(m_sys, usbDisk, QStringLiteral("8:16"), "0");
        addDevice(m_sys, usbDisk + QStringLiteral("/sdb1"), QStringLiteral("8:17"), {}, true);
        addDevice(m_sys, sdCard, QStringLiteral("179:0"), "0");
        addDevice(m_sys, sdCard + QStringLiteral("/mmcblk0p1"), QStringLiteral("179:1"), {}, true);
        addDevice(m_sys, sataDisk, QStringLiteral("8:0"), "0");
        addDevice(m_sys, sataDisk + QStringLiteral("/sda2"), QStringLiteral("8:2"), {}, true);
        addDevice(m_sys, cardReader, QStringLiteral("8:32"), "1");
        addDevice(m_sys, cardReader + QStringLiteral("/sdc1"), QStringLiteral("8:33"), {}, true);
        addDevice(m_sys, nvmeDisk, QStringLiteral("259:0"), "0");
        addDevice(m_sys, nvmeDisk + QStringLiteral("/nvme0n1p3"), QStringLiteral("259:3"), {},
                  true);
        addDevice(m_sys, QStringLiteral("devices/virtual/block/loop0"), QStringLiteral("7:0"), "0");
        addMapper(m_sys, QStringLiteral("dm-0"), QStringLiteral("253:0"),
                  {usbDisk + QStringLiteral("/sdb1")});
        addMapper(m_sys, QStringLiteral("dm-1"), QStringLiteral("253:1"),
                  {sataDisk + QStringLiteral("/sda2")});
        addMapper(m_sys, QStringLiteral("dm-2"), QStringLiteral("253:2"),
                  {usbDisk + QStringLiteral("/sdb1"), sataDisk + QStringLiteral("/sda2")});
    }

    // --- The rule, on a fake /sys ---

    void usbDiskIsRemovable()
    {
        // External disks on USB usually say removable 0: the bus decides.
        QVERIFY(Volume::isRemovableDevice(8, 16, m_sys));
        QVERIFY(Volume::isRemovableDevice(8, 17, m_sys)); // its partition
    }

    void sdCardIsRemovable()
    {
        QVERIFY(Volume::isRemovableDevice(179, 0, m_sys));
        QVERIFY(Volume::isRemovableDevice(179, 1, m_sys));
    }

    void removableFlagIsRemovable()
    {
        // A card reader on the SATA bus whose disk says removable 1.
        QVERIFY(Volume::isRemovableDevice(8, 32, m_sys));
        QVERIFY(Volume::isRemovableDevice(8, 33, m_sys));
    }

    void encryptedPenDriveIsRemovable()
    {
        QVERIFY(Volume::isRemovableDevice(253, 0, m_sys));
        // Over an internal disk, or partly: not removable.
        QVERIFY(!Volume::isRemovableDevice(253, 1, m_sys));
        QVERIFY(!Volume::isRemovableDevice(253, 2, m_sys));
    }

    void internalDisksAreNotRemovable()
    {
        QVERIFY(!Volume::isRemovableDevice(8, 0, m_sys));
        QVERIFY(!Volume::isRemovableDevice(8, 2, m_sys));
        QVERIFY(!Volume::isRemovableDevice(259, 0, m_sys));
        QVERIFY(!Volume::isRemovableDevice(259, 3, m_sys));
        QVERIFY(!Volume::isRemovableDevice(7, 0, m_sys)); // a loop device
    }

    void unknownDevicesAreNotRemovable()
    {
        QVERIFY(!Volume::isRemovableDevice(8, 99, m_sys)); // not in /sys
        QVERIFY(!Volume::isRemovableDevice(0, 39, m_sys)); // tmpfs, NFS, overlay...
        QVERIFY(!Volume::isRemovableDevice(8, 16, m_dir.filePath(QStringLiteral("no-sys"))));
        QVERIFY(!Volume::isRemovable(QString()));
    }

    // --- The rule, on the real kernel ---

    void rootVolumeIsNeverRemovable()
    {
        QVERIFY(!Volume::isRemovable(QStringLiteral("/")));
        QVERIFY(!Volume::isRemovable(QStringLiteral("/"), m_sys));
        QVERIFY(!Volume::isRemovable(QStringLiteral("/does/not/exist")));
    }

    void realDiskAsTheKernelSaysIt()
    {
#ifdef Q_OS_LINUX
        // The volume of the temporary folder, a real disk on most machines:
        // the rule reads /sys as the kernel wrote it.
        quint32 deviceMajor = 0;
        quint32 deviceMinor = 0;
        QVERIFY(deviceNumber(m_dir.path(), &deviceMajor, &deviceMinor));
        const QString block
            = QFileInfo(QStringLiteral("/sys/dev/block/%1:%2").arg(deviceMajor).arg(deviceMinor))
                  .canonicalFilePath();
        if (block.isEmpty())
            QSKIP("The temporary folder is not on a block device here.");
        const QString disk = QFileInfo::exists(block + QStringLiteral("/partition"))
            ? QFileInfo(block).absolutePath()
            : block;
        QFile flag(disk + QStringLiteral("/removable"));
        const bool flagged = flag.open(QIODevice::ReadOnly) && flag.readAll().trimmed() == "1";
        const bool expected = flagged || disk.contains(QStringLiteral("/usb"))
            || disk.contains(QStringLiteral("/mmc"));
        QCOMPARE(Volume::isRemovableDevice(deviceMajor, deviceMinor, QStringLiteral("/sys")),
                 expected);
#else
        QSKIP("sysfs is a Linux feature.");
#endif
    }

    void tmpfsIsNotRemovable()
    {
        const QString folder = m_dir.filePath(QStringLiteral("tmpfs"));
        const TmpfsMount disk(folder, 1024 * 1024);
        if (!disk.isMounted())
            QSKIP(qPrintable(
                QStringLiteral("mounting a tmpfs is not permitted here (%1)").arg(disk.error())));
        QCOMPARE(Volume::mountPoint(folder + QStringLiteral("/not/yet")), folder);
        QVERIFY(!Volume::isRemovable(folder));
        // Whatever the fake /sys claims: a tmpfs has no disk.
        QVERIFY(!Volume::isRemovable(folder, m_sys));
    }

    // The attack of the report: a tmpfs mounted under /mnt (a NAS, a data
    // disk) was emptied by "Apaga conteúdo do disco de destino".
    void wipeRefusedOnTmpfsBelowMnt()
    {
        const auto mnt = folderBelowMnt();
        if (!mnt)
            QSKIP("/mnt is not writable here; the refusal below /mnt is not tested.");
        const QString volume = mnt->path();
        const TmpfsMount disk(volume, 4 * 1024 * 1024);
        if (!disk.isMounted())
            QSKIP(qPrintable(
                QStringLiteral("mounting a tmpfs is not permitted here (%1)").arg(disk.error())));
        fillVolume(volume);
        QVERIFY(!Volume::isRemovable(volume));
        checkWipeRefused(volume);
    }

    // A real block device (what a NAS's iSCSI disk or a second internal disk
    // looks like), mounted under /mnt: not removable, never emptied.
    void wipeRefusedOnLoopDiskBelowMnt()
    {
        const auto mnt = folderBelowMnt();
        if (!mnt)
            QSKIP("/mnt is not writable here; the refusal below /mnt is not tested.");
        const QString volume = mnt->path();
        const LoopDisk disk(m_dir.filePath(QStringLiteral("disk.img")), volume, 16 * 1024 * 1024);
        if (!disk.isMounted())
            QSKIP(qPrintable(QStringLiteral("a loop device cannot be set up here (%1); a real "
                                            "block device is not tested")
                                 .arg(disk.error())));
        fillVolume(volume);
        QCOMPARE(Volume::mountPoint(volume + QStringLiteral("/dados")), volume);
        QVERIFY(!Volume::isRemovable(volume));
        checkWipeRefused(volume);
    }

    // The drive list and the wizard ask the same question: the list's
    // "removable" is the wipe's.
    void drivesModelUsesTheSameRule()
    {
        const auto mnt = folderBelowMnt();
        if (!mnt)
            QSKIP("/mnt is not writable here; a drive below /mnt is not tested.");
        const TmpfsMount disk(mnt->path(), 1024 * 1024);
        if (!disk.isMounted())
            QSKIP(qPrintable(
                QStringLiteral("mounting a tmpfs is not permitted here (%1)").arg(disk.error())));
        DrivesModel model;
        const int row = model.rowOf(mnt->path());
        QVERIFY2(row >= 0, "a tmpfs below /mnt is listed");
        QCOMPARE(model.data(model.index(row), DrivesModel::RemovableRole).toBool(), false);
        QVERIFY(!model.isRemovable(mnt->path()));
        // The wizard offers the wipe by the same rule.
        BackupSettings settings;
        settings.setRoot(m_root);
        settings.setSystemCode(QStringLiteral("AT"));
        settings.setDestinationFolder(mnt->path());
        QCOMPARE(settings.destinationRemovable(), model.isRemovable(mnt->path()));
        QVERIFY(!settings.canWipeDestination());
        for (int i = 0; i < model.rowCount(); ++i) {
            const QString path = model.data(model.index(i), DrivesModel::PathRole).toString();
            QCOMPARE(model.data(model.index(i), DrivesModel::RemovableRole).toBool(),
                     Volume::isRemovable(path));
        }
    }
};

QTEST_GUILESS_MAIN(TestStorage)
#include "tst_storage.moc"
