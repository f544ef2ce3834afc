// SPDX-License-Identifier: GPL-3.0-or-later
// The backup wizard's choices and their rules (ui/backupsettings.h), on a
// real demo installation, and "Apaga conteúdo do disco de destino" on a
// real tmpfs.

#include "backup/backupjob.h"
#include "core/appsettings.h"
#include "core/passwordpolicy.h"
#include "storage/volume.h"
#include "support/demofixture.h"
#include "support/isolatedhome.h"
#include "support/testinstallation.h"
#include "support/tmpfsmount.h"
#include "support/uiwait.h"
#include "support/wizardsettings.h"
#include "ui/backupsettings.h"
#include "ui/backupsummarymodel.h"
#include "ui/companymodel.h"
#include "ui/jobcontroller.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <unistd.h>

using namespace Resguarda;
using namespace TestSupport;

namespace {

// For a scope, the tmpfs counts as a pen drive in this process (the wipe's
// own mechanics are tested here; which disks are removable, in tst_storage).
class RemovableMounts
{
public:
    explicit RemovableMounts(const QString &mountPoint)
    {
        Volume::setRemovableMountsForTesting({mountPoint});
    }
    ~RemovableMounts() { Volume::setRemovableMountsForTesting({}); }
};

// Every entry below dir, relative, without following links ("a/", "a/b").
QStringList entriesBelow(const QString &dir)
{
    QStringList result;
    QDirIterator it(dir, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        const QString relative = QDir(dir).relativeFilePath(it.filePath());
        result << (info.isDir() && !info.isSymLink() ? relative + u'/' : relative);
    }
    result.sort();
    return result;
}

} // namespace

class TestBackupSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void backupDefaults();
    void backupFileNameFollowsSystem();
    void backupTargetPathWeekday();
    void backupTargetPathExtra();
    void backupValidation();
    void backupValidationNotWritable();
    void backupToOptions();
    void backupSummaryPerSystem();
    void backupNameShownIsTheNameWritten();
    void passwordRuleIsPasswordPolicy();

    // "Apaga conteúdo do disco de destino"
    void wipeRefusedOnInstallationDisk();
    void wipeEmptiesRemovableDisk();
    void wipeKeepsPreviousCopyWhenNewOneFails();
    void wipeKeepsCopiesNamedByTheUser();

private:
    // A fresh, writable copy of the demo installation.
    QString freshInstallation(const QString &name) const
    {
        return m_demo.freshCopy(m_dir.filePath(name));
    }

    QTemporaryDir m_dir;
    DemoFixture m_demo {3, 1, 4, 11};
};

void TestBackupSettings::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // The settings and the demo folder of the app live below HOME: pointed
    // at the temporary folder, and in test mode, nothing of the user's is read
    // or written.
    isolateHome(m_dir.path());

    const OperationError error = m_demo.create(m_dir.filePath(QStringLiteral("pristine")));
    QVERIFY2(!error, qPrintable(error.message));
}

void TestBackupSettings::backupDefaults()
{
    BackupSettings settings;
    QVERIFY(settings.root().isEmpty());
    QCOMPARE(settings.templates(), false);
    QCOMPARE(settings.leaveOutArchived(), false);
    QCOMPARE(settings.allSystems(), false);
    QCOMPARE(settings.mode(), BackupSettings::Single);
    QCOMPARE(settings.wipeDestination(), false);
    const int year = QDate::currentDate().year();
    QCOMPARE(settings.minimumYear(), 1990);
    QCOMPARE(settings.maximumYear(), year + 1);
    QCOMPARE(settings.archiveFromYear(), year - 5);

    QSignalSpy changed(&settings, &BackupSettings::changed);
    settings.setRoot(m_demo.root());
    QVERIFY(changed.count() > 0);
    settings.setSystemCode(QStringLiteral("AT"));
    const QString copias = m_demo.root() + QStringLiteral("/Copias");
    QCOMPARE(settings.destinationFolder(), copias);
    QCOMPARE(settings.fileName(), QStringLiteral("CopiaAT.zip"));
    QCOMPARE(settings.targetPath(), copias + QStringLiteral("/CopiaAT.zip"));
    // The procedure's default is the installation's own disk, and the wizard
    // repeats its warning; Copias, not made yet, is no error.
    QVERIFY(!QFileInfo::exists(copias));
    QVERIFY(settings.destinationOnInstallationDisk());
    QVERIFY(!settings.destinationRemovable());
    QVERIFY(!settings.canWipeDestination());
    QCOMPARE(settings.wipeFileCount(), 0);
    QVERIFY(settings.destinationFreeBytes() > 0);
    QVERIFY(settings.destinationTotalBytes() >= settings.destinationFreeBytes());
    QVERIFY2(settings.valid(), qPrintable(settings.validationError()));

    // Another installation brings its own default folder.
    const QString other = m_dir.filePath(QStringLiteral("outra"));
    settings.setDestinationFolder(m_dir.path());
    settings.setRoot(other);
    QCOMPARE(settings.destinationFolder(), other + QStringLiteral("/Copias"));
}

void TestBackupSettings::backupFileNameFollowsSystem()
{
    const auto settings = backupSettings(m_demo.root());
    QCOMPARE(settings->fileName(), QStringLiteral("CopiaAT.zip"));
    settings->setSystemCode(QStringLiteral("CP"));
    QCOMPARE(settings->fileName(), QStringLiteral("CopiaCP.zip"));
    settings->setFileName(QStringLiteral("Escritorio.zip"));
    settings->setSystemCode(QStringLiteral("LF"));
    QCOMPARE(settings->fileName(), QStringLiteral("Escritorio.zip"));
    QCOMPARE(settings->targetPath(), m_demo.root() + QStringLiteral("/Copias/Escritorio.zip"));
    // Typed back to the default, it follows the system again.
    settings->setFileName(QStringLiteral("CopiaLF.zip"));
    settings->setSystemCode(QStringLiteral("AT"));
    QCOMPARE(settings->fileName(), QStringLiteral("CopiaAT.zip"));
}

void TestBackupSettings::backupTargetPathWeekday()
{
    const auto settings = backupSettings(m_demo.root(), m_dir.path());
    const QDateTime wednesday(QDate(2026, 11, 25), QTime(15, 30));
    QCOMPARE(wednesday.date().dayOfWeek(), 3);
    settings->setNow(wednesday);
    settings->setMode(BackupSettings::Weekday);
    QCOMPARE(settings->targetPath(), m_dir.path() + QStringLiteral("/CopiaAT-quarta.zip"));
    settings->setNow(wednesday.addDays(4));
    QCOMPARE(settings->targetPath(), m_dir.path() + QStringLiteral("/CopiaAT-domingo.zip"));
    // A name of the user's own keeps the weekday.
    settings->setFileName(QStringLiteral("Escritorio.zip"));
    QCOMPARE(settings->targetPath(), m_dir.path() + QStringLiteral("/Escritorio-domingo.zip"));
}

void TestBackupSettings::backupTargetPathExtra()
{
    const auto settings = backupSettings(m_demo.root(), m_dir.path());
    settings->setNow(QDateTime(QDate(2026, 11, 25), QTime(15, 30)));
    settings->setMode(BackupSettings::Extra);
    QVERIFY(settings->targetPath().isEmpty()); // no label yet
    settings->setExtraLabel(QStringLiteral("Fechamento Anual Março"));
    QCOMPARE(settings->targetPath(),
             m_dir.path()
                 + QStringLiteral("/CopiaAT-extra-Fechamento-Anual-Marco-2026-11-25-1530.zip"));
    // The label is used only for an extra copy.
    settings->setMode(BackupSettings::Single);
    QCOMPARE(settings->targetPath(), m_dir.path() + QStringLiteral("/CopiaAT.zip"));
}

void TestBackupSettings::backupValidation()
{
    const QString folder = m_dir.filePath(QStringLiteral("destino-validacao"));
    QVERIFY(QDir().mkpath(folder));
    auto check = [&](BackupSettings &settings, const QString &expectedPart) {
        const QString error = settings.validationError();
        if (!error.contains(expectedPart) || settings.valid())
            qWarning() << "validationError:" << error << "expected to mention" << expectedPart;
        return error.contains(expectedPart) && !settings.valid();
    };

    {
        BackupSettings settings;
        QVERIFY(check(settings, QStringLiteral("installation")));
    }
    {
        BackupSettings settings;
        settings.setRoot(m_demo.root());
        settings.setDestinationFolder(folder);
        QVERIFY(check(settings, QStringLiteral("system")));
        settings.setAllSystems(true); // every system: none needs choosing
        QVERIFY2(settings.valid(), qPrintable(settings.validationError()));
    }
    {
        const auto settings = backupSettings(m_demo.root(), folder);
        QVERIFY2(settings->valid(), qPrintable(settings->validationError()));
        const QString missing = m_dir.filePath(QStringLiteral("pen-desligado"));
        settings->setDestinationFolder(missing);
        QVERIFY(check(*settings, QStringLiteral("pen drive")));
        QVERIFY(settings->validationError().contains(QDir::toNativeSeparators(missing)));
    }
    {
        const auto settings = backupSettings(m_demo.root(), folder);
        settings->setFileName(QString());
        QVERIFY(check(*settings, QStringLiteral("name")));
        settings->setFileName(QStringLiteral("sub/Copia.zip"));
        QVERIFY(check(*settings, QStringLiteral("/")));
        settings->setFileName(QStringLiteral("sub\\Copia.zip"));
        QVERIFY(check(*settings, QStringLiteral("\\")));
        settings->setFileName(QStringLiteral("Copia de hoje.zip"));
        QVERIFY2(settings->valid(), qPrintable(settings->validationError()));
    }
    {
        const auto settings = backupSettings(m_demo.root(), folder);
        settings->setMode(BackupSettings::Extra);
        QVERIFY(check(*settings, QStringLiteral("label")));
        settings->setExtraLabel(QStringLiteral(" -- !! "));
        QVERIFY(check(*settings, QStringLiteral("label")));
        settings->setExtraLabel(QStringLiteral("Fechamento 2025"));
        QVERIFY2(settings->valid(), qPrintable(settings->validationError()));
    }
    {
        const auto settings = backupSettings(m_demo.root(), folder);
        settings->setArchiveFromYear(1980); // ignored while the option is off
        QVERIFY2(settings->valid(), qPrintable(settings->validationError()));
        settings->setLeaveOutArchived(true);
        QVERIFY(check(*settings, QStringLiteral("1990")));
        settings->setArchiveFromYear(settings->maximumYear() + 1);
        QVERIFY(check(*settings, QString::number(settings->maximumYear())));
        settings->setArchiveFromYear(settings->maximumYear());
        QVERIFY2(settings->valid(), qPrintable(settings->validationError()));
    }
    {
        // A plain folder of this disk is not removable: it cannot be emptied.
        const auto settings = backupSettings(m_demo.root(), folder);
        QVERIFY(!settings->canWipeDestination());
        settings->setWipeDestination(true);
        QVERIFY(check(*settings, QStringLiteral("removable")));
        settings->setWipeDestination(false);
        QVERIFY2(settings->valid(), qPrintable(settings->validationError()));
    }
}

void TestBackupSettings::backupValidationNotWritable()
{
    const QString folder = m_dir.filePath(QStringLiteral("somente-leitura"));
    std::unique_ptr<TmpfsMount> readOnly;
    if (::geteuid() == 0) {
        // Permissions do not stop root: a read-only file system does.
        readOnly = std::make_unique<TmpfsMount>(folder, 64 * 1024, true);
        if (!readOnly->isMounted())
            QSKIP(qPrintable(QStringLiteral("mounting a read-only tmpfs is not permitted here (%1)")
                                 .arg(readOnly->error())));
    } else {
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    }
    const auto settings = backupSettings(m_demo.root(), folder);
    const QString error = settings->validationError();
    QVERIFY2(error.contains(QStringLiteral("cannot be written")), qPrintable(error));
    QVERIFY(error.contains(QDir::toNativeSeparators(folder)));
    if (!readOnly)
        QFile::setPermissions(
            folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
}

void TestBackupSettings::backupToOptions()
{
    const QString folder = m_dir.filePath(QStringLiteral("destino-opcoes"));
    QVERIFY(QDir().mkpath(folder));
    const auto settings = backupSettings(m_demo.root(), folder);
    CompanyModel companies;
    QVERIFY(loadAndWait(companies, m_demo.root(), QStringLiteral("AT")));
    QVERIFY(companies.rowCount() >= 2);
    const QStringList all = companies.codes();

    BackupOptions options = settings->toOptions(&companies);
    QCOMPARE(options.root, m_demo.root());
    QCOMPARE(options.systemCode, QStringLiteral("AT"));
    QCOMPARE(options.output, folder + QStringLiteral("/CopiaAT.zip"));
    QVERIFY(options.companies.isEmpty()); // all selected: every company, as the procedure says
    QCOMPARE(options.templates, false);
    QCOMPARE(options.archiveFromYear, 0);
    QCOMPARE(options.allSystems, false);
    QCOMPARE(options.rotation, BackupOptions::Rotation::None);
    QVERIFY(options.extraLabel.isEmpty());
    QCOMPARE(options.wipeDestination, false);
    QVERIFY(!options.now.isValid());

    companies.setSelected(0, false);
    const QDateTime now(QDate(2026, 11, 26), QTime(9, 0));
    settings->setNow(now);
    settings->setTemplates(true);
    settings->setLeaveOutArchived(true);
    settings->setArchiveFromYear(2024);
    settings->setMode(BackupSettings::Weekday);
    settings->setExtraLabel(QStringLiteral("ignorado"));
    options = settings->toOptions(&companies);
    QCOMPARE(options.companies, all.mid(1));
    QCOMPARE(options.templates, true);
    QCOMPARE(options.archiveFromYear, 2024);
    QCOMPARE(options.rotation, BackupOptions::Rotation::Weekday);
    QVERIFY(options.extraLabel.isEmpty());
    QCOMPARE(options.now, now);

    settings->setMode(BackupSettings::Extra);
    settings->setAllSystems(true);
    settings->setLeaveOutArchived(false);
    options = settings->toOptions(&companies);
    QCOMPARE(options.rotation, BackupOptions::Rotation::None);
    QCOMPARE(options.extraLabel, QStringLiteral("ignorado"));
    QCOMPARE(options.allSystems, true);
    QCOMPARE(options.output, folder); // one copy per system goes into the folder
    QCOMPARE(options.archiveFromYear, 0);

    companies.selectAll(true);
    QVERIFY(settings->toOptions(&companies).companies.isEmpty());
}

// What the summary says each copy will hold, per system, read from the
// model's rows: the choice of companies is AT's; CP's copy holds all of CP.
void TestBackupSettings::backupSummaryPerSystem()
{
    const QString root = m_dir.filePath(QStringLiteral("resumo-sistemas"));
    QVERIFY(writeTwoSystemInstallation(root));
    const QString folder = m_dir.filePath(QStringLiteral("resumo-destino"));
    QVERIFY(QDir().mkpath(folder));
    const auto settings = backupSettings(root, folder);
    settings->setAllSystems(true);
    CompanyModel companies;
    QVERIFY(TestSupport::loadAndWait(companies, root, QStringLiteral("AT")));
    QCOMPARE(companies.codes(), QStringList({QStringLiteral("0001"), QStringLiteral("0002")}));
    companies.setSelected(1, false);

    const auto bytesBelow = [&](const QString &relative) {
        qint64 total = 0;
        QDirIterator it(root + u'/' + relative, QDir::Files | QDir::Hidden,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            it.next();
            total += it.fileInfo().size();
        }
        return total;
    };

    BackupSummaryModel *summary = settings->summary();
    QVERIFY(summary);
    settings->prepareSummary(&companies);
    QTRY_VERIFY_WITH_TIMEOUT(!summary->busy(), jobTimeoutMs);
    QVERIFY2(summary->errorText().isEmpty(), qPrintable(summary->errorText()));
    QCOMPARE(summary->rowCount(), 2);
    const auto value = [&](int row, int role) {
        return summary->data(summary->index(row), role);
    };
    QCOMPARE(value(0, BackupSummaryModel::SystemCodeRole).toString(), QStringLiteral("AT"));
    QCOMPARE(value(0, BackupSummaryModel::SystemNameRole).toString(),
             QStringLiteral("Ativo Imobilizado"));
    QCOMPARE(value(0, BackupSummaryModel::CompanyCountRole).toInt(), 1);
    QCOMPARE(value(0, BackupSummaryModel::CompanyTotalRole).toInt(), 2);
    QCOMPARE(value(0, BackupSummaryModel::BytesRole).toLongLong(),
             bytesBelow(QStringLiteral("AT/empresas/0001")));
    QCOMPARE(value(0, BackupSummaryModel::FileNameRole).toString(), QStringLiteral("CopiaAT.zip"));
    QCOMPARE(value(0, BackupSummaryModel::PathRole).toString(),
             folder + QStringLiteral("/CopiaAT.zip"));
    QCOMPARE(value(1, BackupSummaryModel::SystemCodeRole).toString(), QStringLiteral("CP"));
    QCOMPARE(value(1, BackupSummaryModel::SystemNameRole).toString(), QStringLiteral("Compras"));
    QCOMPARE(value(1, BackupSummaryModel::CompanyCountRole).toInt(), 2);
    QCOMPARE(value(1, BackupSummaryModel::CompanyTotalRole).toInt(), 2);
    QCOMPARE(value(1, BackupSummaryModel::BytesRole).toLongLong(),
             bytesBelow(QStringLiteral("CP/empresas")));
    QCOMPARE(value(1, BackupSummaryModel::FileNameRole).toString(), QStringLiteral("CopiaCP.zip"));
    const QString atText = value(0, BackupSummaryModel::DetailsRole).toString();
    QVERIFY2(atText.contains(QStringLiteral("1 of 2"))
                 && atText.contains(QStringLiteral("CopiaAT.zip")),
             qPrintable(atText));
    const QString cpText = value(1, BackupSummaryModel::DetailsRole).toString();
    QVERIFY2(cpText.contains(QStringLiteral("all 2"))
                 && cpText.contains(QStringLiteral("CopiaCP.zip")),
             qPrintable(cpText));

    // The copies written are the ones the rows promised.
    JobController job;
    QVERIFY(job.startBackup(settings.get(), &companies));
    QVERIFY(job.waitForFinished(jobTimeoutMs));
    QVERIFY2(job.state() == JobController::Succeeded, qPrintable(job.errorText()));
    QCOMPARE(job.resultPaths(),
             QStringList({value(0, BackupSummaryModel::PathRole).toString(),
                          value(1, BackupSummaryModel::PathRole).toString()}));
    OperationError error;
    QCOMPARE(CopyReader::open(folder + QStringLiteral("/CopiaCP.zip"), &error)
                 ->manifest()
                 .companies.size(),
             2);
    QCOMPARE(CopyReader::open(folder + QStringLiteral("/CopiaAT.zip"), &error)
                 ->manifest()
                 .companies.size(),
             1);

    // One system: one row.
    settings->setAllSystems(false);
    settings->prepareSummary(&companies);
    QTRY_VERIFY_WITH_TIMEOUT(!summary->busy(), jobTimeoutMs);
    QCOMPARE(summary->rowCount(), 1);
    QCOMPARE(value(0, BackupSummaryModel::SystemCodeRole).toString(), QStringLiteral("AT"));
}

// The name has the time of day in it (an extra copy): it is fixed when the
// summary is shown, and the file written has exactly that name even when
// the clock passes a minute before "Make the copy" is tapped.
void TestBackupSettings::backupNameShownIsTheNameWritten()
{
    const QString root = m_dir.filePath(QStringLiteral("nome-uma-vez"));
    QVERIFY(writeTwoSystemInstallation(root));
    const QString folder = m_dir.filePath(QStringLiteral("nome-uma-vez-destino"));
    QVERIFY(QDir().mkpath(folder));
    const auto settings = backupSettings(root, folder);
    settings->setMode(BackupSettings::Extra);
    settings->setExtraLabel(QStringLiteral("Fechamento"));
    CompanyModel companies;
    QVERIFY(TestSupport::loadAndWait(companies, root, QStringLiteral("AT")));
    const QDate day(2026, 11, 27);
    settings->setNow(QDateTime(day, QTime(12, 16, 59)));
    settings->prepareSummary(&companies);
    QTRY_VERIFY_WITH_TIMEOUT(!settings->summary()->busy(), jobTimeoutMs);
    const QString promised
        = folder + QStringLiteral("/CopiaAT-extra-Fechamento-2026-11-27-1216.zip");
    QCOMPARE(settings->targetPath(), promised);
    QCOMPARE(settings->summary()
                 ->data(settings->summary()->index(0), BackupSummaryModel::PathRole)
                 .toString(),
             promised);

    settings->setNow(QDateTime(day, QTime(12, 17, 1))); // the user reads the summary
    QCOMPARE(settings->targetPath(), promised);
    JobController job;
    QVERIFY(job.startBackup(settings.get(), &companies));
    QVERIFY(job.waitForFinished(jobTimeoutMs));
    QVERIFY2(job.state() == JobController::Succeeded, qPrintable(job.errorText()));
    QCOMPARE(job.resultPaths(), QStringList {promised});
    QVERIFY(QFile::exists(promised));
    QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden),
             QStringList {QFileInfo(promised).fileName()});

    // An extra copy is never replaced: shown again in the same minute, the
    // summary names the next free name, and that is the file written.
    const QByteArray first = fileHash(promised);
    settings->setNow(QDateTime(day, QTime(12, 16, 30)));
    settings->prepareSummary(&companies);
    QTRY_VERIFY_WITH_TIMEOUT(!settings->summary()->busy(), jobTimeoutMs);
    const QString second
        = folder + QStringLiteral("/CopiaAT-extra-Fechamento-2026-11-27-1216-2.zip");
    QCOMPARE(settings->targetPath(), second);
    job.reset();
    QVERIFY(job.startBackup(settings.get(), &companies));
    QVERIFY(job.waitForFinished(jobTimeoutMs));
    QVERIFY2(job.state() == JobController::Succeeded, qPrintable(job.errorText()));
    QCOMPARE(job.resultPaths(), QStringList {second});
    QCOMPARE(fileHash(promised), first);
}

void TestBackupSettings::wipeRefusedOnInstallationDisk()
{
    const QString root = freshInstallation(QStringLiteral("wipe-installation"));
    QVERIFY(!root.isEmpty());
    const QString copias = root + QStringLiteral("/Copias");
    writeFile(copias + QStringLiteral("/CopiaAT.zip"), "previous copy");
    writeFile(copias + QStringLiteral("/leia-me.txt"), "not a copy");
    const auto before = treeHashes(root);

    // Even when somebody lists the installation's volume as removable.
    const RemovableMounts removable(QStorageInfo(root).rootPath());
    const auto settings = backupSettings(root, copias);
    QVERIFY(settings->destinationOnInstallationDisk());
    QVERIFY(!settings->canWipeDestination());
    QCOMPARE(settings->wipeFileCount(), 0);
    settings->setWipeDestination(true);
    QVERIFY(!settings->valid());

    BackupOptions options = settings->toOptions(nullptr);
    QVERIFY(options.wipeDestination);
    BackupJob job(options);
    const OperationError error = job.run();
    QCOMPARE(error.code, ExitCode::Usage);
    QVERIFY2(error.message.contains(QStringLiteral("installation's own disk")),
             qPrintable(error.message));
    QCOMPARE(treeHashes(root), before);

    // The command line refuses the same way.
    const auto result = runCli({QStringLiteral("backup"), QStringLiteral("--root"), root,
                                QStringLiteral("--system"), QStringLiteral("AT"),
                                QStringLiteral("--wipe-destination")});
    QCOMPARE(result.exitCode, int(ExitCode::Usage));
    QVERIFY2(result.standardError.contains("never emptied"), result.standardError.constData());
    QCOMPARE(treeHashes(root), before);
}

void TestBackupSettings::wipeEmptiesRemovableDisk()
{
    const QString root = freshInstallation(QStringLiteral("wipe-ok"));
    QVERIFY(!root.isEmpty());
    const QString pen = m_dir.filePath(QStringLiteral("pen"));
    const TmpfsMount disk(pen, 64 * 1024 * 1024);
    if (!disk.isMounted())
        QSKIP(qPrintable(QStringLiteral("mounting a tmpfs is not permitted here (%1); the wipe "
                                        "of a removable disk is not tested")
                             .arg(disk.error())));

    // Outside the volume, reachable only through links on it.
    const QString outsideFile = m_dir.filePath(QStringLiteral("fora/importante.txt"));
    writeFile(outsideFile, "must survive");
    const QString outsideDir = m_dir.filePath(QStringLiteral("fora/pasta"));
    writeFile(outsideDir + QStringLiteral("/dentro.txt"), "must survive too");

    writeFile(pen + QStringLiteral("/CopiaAT.zip"), randomBytes(50000, 1));
    writeFile(pen + QStringLiteral("/antigas/CopiaAT-quarta.zip"), randomBytes(30000, 2));
    writeFile(pen + QStringLiteral("/notas.txt"), "unrelated");
    writeFile(pen + QStringLiteral("/fotos/ferias/praia.jpg"), randomBytes(20000, 3));
    writeFile(pen + QStringLiteral("/.Trash-1000/files/x"), "trash");
    QVERIFY(QFile::link(outsideFile, pen + QStringLiteral("/atalho.txt")));
    QVERIFY(QFile::link(outsideDir, pen + QStringLiteral("/atalho-pasta")));
    const QByteArray previous = fileHash(pen + QStringLiteral("/CopiaAT.zip"));

    const RemovableMounts removable(pen);
    const auto settings = backupSettings(root, pen);
    QVERIFY(settings->destinationRemovable());
    QVERIFY(!settings->destinationOnInstallationDisk());
    QVERIFY(settings->canWipeDestination());
    QTRY_COMPARE_WITH_TIMEOUT(settings->wipeFileCount(), 7, 60000);
    QVERIFY(!settings->countingWipeFiles());
    QVERIFY(settings->destinationTotalBytes() >= 60 * 1024 * 1024);
    QVERIFY(!settings->destinationLabel().isEmpty());
    settings->setWipeDestination(true);
    QVERIFY2(settings->valid(), qPrintable(settings->validationError()));

    CompanyModel companies;
    QVERIFY(loadAndWait(companies, root, QStringLiteral("AT")));
    JobController job;
    QVERIFY(job.startBackup(settings.get(), &companies));
    QVERIFY(job.waitForFinished(jobTimeoutMs));
    QVERIFY2(job.state() == JobController::Succeeded, qPrintable(job.errorText()));
    QCOMPARE(job.resultPaths(), QStringList {pen + QStringLiteral("/CopiaAT.zip")});

    // The volume holds exactly the new copy; nothing outside was touched.
    QCOMPARE(entriesBelow(pen), QStringList {QStringLiteral("CopiaAT.zip")});
    QVERIFY(fileHash(pen + QStringLiteral("/CopiaAT.zip")) != previous);
    QVERIFY(copyIsSound(pen + QStringLiteral("/CopiaAT.zip")));
    QFile file(outsideFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("must survive"));
    QVERIFY(QFileInfo::exists(outsideDir + QStringLiteral("/dentro.txt")));
    QVERIFY(job.notes().isEmpty());
}

void TestBackupSettings::wipeKeepsPreviousCopyWhenNewOneFails()
{
    const QString root = freshInstallation(QStringLiteral("wipe-fails"));
    QVERIFY(!root.isEmpty());
    const QString pen = m_dir.filePath(QStringLiteral("pen-pequeno"));
    const TmpfsMount disk(pen, 256 * 1024);
    if (!disk.isMounted())
        QSKIP(qPrintable(QStringLiteral("mounting a tmpfs is not permitted here (%1); the wipe "
                                        "of a removable disk is not tested")
                             .arg(disk.error())));

    // The previous copies fill most of the disk: the new one cannot fit.
    // One has the name this run writes, the other is another weekday's set.
    const QString sameName = pen + QStringLiteral("/CopiaAT.zip");
    const QString otherSet = pen + QStringLiteral("/conjuntos/CopiaAT-segunda.zip");
    writeFile(sameName, randomBytes(100 * 1024, 4));
    writeFile(otherSet, randomBytes(100 * 1024, 6));
    writeFile(pen + QStringLiteral("/notas.txt"), "unrelated");
    const QByteArray previous = fileHash(sameName);
    const QByteArray previousSet = fileHash(otherSet);

    const RemovableMounts removable(pen);
    const auto settings = backupSettings(root, pen);
    QVERIFY(settings->canWipeDestination());
    QTRY_COMPARE_WITH_TIMEOUT(settings->wipeFileCount(), 3, 60000);
    settings->setWipeDestination(true);
    QVERIFY2(settings->valid(), qPrintable(settings->validationError()));

    JobController job;
    QVERIFY(job.startBackup(settings.get(), nullptr));
    QVERIFY(job.waitForFinished(jobTimeoutMs));
    QCOMPARE(job.state(), JobController::Failed);
    QCOMPARE(job.exitCode(), int(ExitCode::Failed));
    QVERIFY(!job.errorText().isEmpty());
    QVERIFY(job.resultPaths().isEmpty());

    // Everything else was erased before writing; the previous copies, never.
    QCOMPARE(entriesBelow(pen),
             (QStringList {QStringLiteral("CopiaAT.zip"), QStringLiteral("conjuntos/"),
                           QStringLiteral("conjuntos/CopiaAT-segunda.zip")}));
    QCOMPARE(fileHash(sameName), previous);
    QCOMPARE(fileHash(otherSet), previousSet);
    QVERIFY(partialFiles(pen).isEmpty());
}

void TestBackupSettings::wipeKeepsCopiesNamedByTheUser()
{
    const QString root = freshInstallation(QStringLiteral("wipe-named"));
    QVERIFY(!root.isEmpty());
    const QString pen = m_dir.filePath(QStringLiteral("pen-nomeado"));
    const TmpfsMount disk(pen, 256 * 1024);
    if (!disk.isMounted())
        QSKIP(qPrintable(QStringLiteral("mounting a tmpfs is not permitted here (%1); the wipe "
                                        "of a removable disk is not tested")
                             .arg(disk.error())));
    // Monday's set of a copy the user named: today (Wednesday) it is not
    // replaced, and the new copy does not fit.
    const QString monday = pen + QStringLiteral("/Escritorio-segunda.zip");
    writeFile(monday, randomBytes(200 * 1024, 7));
    writeFile(pen + QStringLiteral("/notas.txt"), "unrelated");
    const QByteArray previous = fileHash(monday);

    const RemovableMounts removable(pen);
    const auto settings = backupSettings(root, pen);
    settings->setFileName(QStringLiteral("Escritorio.zip"));
    settings->setMode(BackupSettings::Weekday);
    settings->setNow(QDateTime(QDate(2026, 11, 25), QTime(10, 0)));
    QCOMPARE(settings->targetPath(), pen + QStringLiteral("/Escritorio-quarta.zip"));
    settings->setWipeDestination(true);
    QTRY_VERIFY_WITH_TIMEOUT(!settings->countingWipeFiles(), 60000);
    QVERIFY2(settings->valid(), qPrintable(settings->validationError()));

    JobController job;
    QVERIFY(job.startBackup(settings.get(), nullptr));
    QVERIFY(job.waitForFinished(jobTimeoutMs));
    QCOMPARE(job.state(), JobController::Failed);
    QCOMPARE(entriesBelow(pen), QStringList {QStringLiteral("Escritorio-segunda.zip")});
    QCOMPARE(fileHash(monday), previous);
}

void TestBackupSettings::passwordRuleIsPasswordPolicy()
{
    const auto settings = backupSettings(m_demo.root());
    // Off: no rule, no password in the options.
    QCOMPARE(settings->protect(), false);
    QVERIFY(settings->passwordProblem().isEmpty());
    QCOMPARE(settings->passwordStrength(), 0);
    QVERIFY(settings->toOptions(nullptr).password.isEmpty());

    QSignalSpy changed(settings.get(), &BackupSettings::changed);
    settings->setProtect(true);
    QCOMPARE(changed.count(), 1);
    QVERIFY(!settings->passwordProblem().isEmpty()); // nothing typed yet

    // Refused for PasswordPolicy's reason, word for word.
    const QString weak = QStringLiteral("curta-1");
    settings->setPassword(weak);
    settings->setPasswordRepeat(weak);
    QVERIFY(!PasswordPolicy::problem(weak).isEmpty());
    QCOMPARE(settings->passwordProblem(), PasswordPolicy::problem(weak));
    QCOMPARE(settings->passwordStrength(), 0);
    QCOMPARE(settings->passwordStrengthText(), QStringLiteral("Too weak"));
    const QString oneKind = QStringLiteral("aaaaaaaaaaaaaaaa");
    settings->setPassword(oneKind);
    QCOMPARE(settings->passwordProblem(), PasswordPolicy::problem(oneKind));

    // A good password, not repeated, then repeated wrong, then right.
    const QString password = QStringLiteral("Senha-Forte-2026");
    settings->setPassword(password);
    settings->setPasswordRepeat(QString());
    QVERIFY(!settings->passwordProblem().isEmpty());
    settings->setPasswordRepeat(QStringLiteral("Senha-Forte-2025"));
    QCOMPARE(settings->passwordProblem(),
             QStringLiteral("The two passwords differ. Type the same password in both fields."));
    // The destination's rules are apart: the destination step is not held up.
    QVERIFY2(settings->valid(), qPrintable(settings->validationError()));
    settings->setPasswordRepeat(password);
    QVERIFY2(settings->passwordProblem().isEmpty(), qPrintable(settings->passwordProblem()));
    QCOMPARE(settings->passwordStrength(), PasswordPolicy::strength(password));
    QVERIFY(settings->passwordStrength() >= 1);
    QVERIFY(!settings->passwordStrengthText().isEmpty());
    QCOMPARE(settings->toOptions(nullptr).password, password.toUtf8());
    // Non-ASCII passwords go as UTF-8.
    const QString accented = QStringLiteral("Coração-de-Ção-7");
    settings->setPassword(accented);
    settings->setPasswordRepeat(accented);
    QVERIFY(settings->passwordProblem().isEmpty());
    QCOMPARE(settings->toOptions(nullptr).password, accented.toUtf8());

    // Turned off: kept in the fields, but the copy is plain.
    settings->setProtect(false);
    QVERIFY(settings->passwordProblem().isEmpty());
    QVERIFY(settings->toOptions(nullptr).password.isEmpty());

    // Nothing of it is ever written to the app's settings.
    settings->setProtect(true);
    const auto stored = AppSettings::open();
    for (const QString &key : stored->allKeys()) {
        QVERIFY(!key.contains(QStringLiteral("assword"), Qt::CaseInsensitive));
        QVERIFY(!stored->value(key).toString().contains(accented));
    }

    // Forgotten when the wizard closes.
    settings->clearPassword();
    QCOMPARE(settings->protect(), false);
    QVERIFY(settings->password().isEmpty());
    QVERIFY(settings->passwordRepeat().isEmpty());
    QVERIFY(settings->toOptions(nullptr).password.isEmpty());
}

QTEST_GUILESS_MAIN(TestBackupSettings)
#include "tst_backupsettings.moc"
