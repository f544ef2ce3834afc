// SPDX-License-Identifier: GPL-3.0-or-later
// The controllers the QML wizard drives (Resguarda.Backend), on a real demo
// installation: the choices and their rules (BackupSettings,
// RestoreSettings), jobs run off the GUI thread with progress and
// cancellation (JobController), the shared application state
// (AppController), and "Apaga conteúdo do disco de destino" on a real tmpfs.

#include "backup/backupjob.h"
#include "copy/copyfilenames.h"
#include "copy/copyreader.h"
#include "core/appsettings.h"
#include "core/filesystem.h"
#include "core/version.h"
#include "demo/demoinstallation.h"
#include "history/history.h"
#include "installation/archiveyears.h"
#include "storage/volume.h"
#include "support/hostilecopy.h"
#include "support/isolatedhome.h"
#include "support/lockholderprocess.h"
#include "support/testinstallation.h"
#include "support/tmpfsmount.h"
#include "support/uiwait.h"
#include "ui/appcontroller.h"
#include "ui/backupsettings.h"
#include "ui/backupsummarymodel.h"
#include "ui/companymodel.h"
#include "ui/historymodel.h"
#include "ui/jobcontroller.h"
#include "ui/restoreplanmodel.h"
#include "ui/restoresettings.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QQmlEngine>
#include <QSignalSpy>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cerrno>
#include <memory>
#include <sys/stat.h>
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

// A job on the small demo takes a few milliseconds; one table of random
// (incompressible) data makes it last long enough, on any machine, to watch
// the GUI thread turn and the rate appear while it runs.
void addLargeTable(const QString &root)
{
    writeFile(root + QStringLiteral("/AT/empresas/0001/grande.dat"),
              randomBytes(32 * 1024 * 1024, 5));
}

// The wizard's defaults for the system AT of root, into folder.
std::unique_ptr<BackupSettings> backupSettings(const QString &root, const QString &folder = {})
{
    auto settings = std::make_unique<BackupSettings>();
    settings->setRoot(root);
    settings->setSystemCode(QStringLiteral("AT"));
    if (!folder.isEmpty())
        settings->setDestinationFolder(folder);
    return settings;
}

} // namespace

class TestUiControllers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    // BackupSettings
    void backupDefaults();
    void backupFileNameFollowsSystem();
    void backupTargetPathWeekday();
    void backupTargetPathExtra();
    void backupValidation();
    void backupValidationNotWritable();
    void backupToOptions();
    void backupSummaryPerSystem();
    void backupNameShownIsTheNameWritten();

    // "Apaga conteúdo do disco de destino"
    void wipeRefusedOnInstallationDisk();
    void wipeEmptiesRemovableDisk();
    void wipeKeepsPreviousCopyWhenNewOneFails();
    void wipeKeepsCopiesNamedByTheUser();

    // JobController
    void jobBackupSucceeds();
    void jobBackupCancelledKeepsPreviousCopy();
    void jobRefusesInvalidChoices();
    void allowIncompleteIsOffUnlessChosenForOneCopy();
    void jobBackupOfUnreadableFilesFailsNamingThem();
    void jobIncompleteBackupIsShownAsIncomplete();
    void namesAreDisplaySafe();
    void jobRestoreSucceeds();
    void jobRestoreInUse();
    void jobRestoreInvalidCopy();

    // RestoreSettings
    void restoreRefusesInvalidCopies();
    void restorePlanFollowsChoices();
    void restoreSystemNotInstalled();
    void archiveYearRangeIsOneRule();

    // AppController
    void appOpenInstallation();
    void appRemembersAcrossInstances();
    void appConnectedSessions();
    void appFormatsInLocale();
    void appQmlSingleton();
    void appCreateDemo();

private:
    // A fresh, writable copy of the demo installation.
    QString freshInstallation(const QString &name);
    // A verified copy of the AT system of root, written by BackupJob.
    QString makeCopy(const QString &root, const QString &output, const QStringList &companies = {});

    QTemporaryDir m_dir;
    QString m_pristine;
};

void TestUiControllers::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // The settings and the demo folder of the app live below HOME: pointed
    // at the temporary folder, and in test mode, nothing of the user's is read
    // or written.
    isolateHome(m_dir.path());

    m_pristine = m_dir.filePath(QStringLiteral("pristine"));
    DemoParameters params;
    params.companies = 3;
    params.years = 1;
    params.sizeMb = 4;
    params.seed = 11;
    const OperationError error = DemoInstallation::create(m_pristine, params);
    QVERIFY2(!error, qPrintable(error.message));
}

QString TestUiControllers::freshInstallation(const QString &name)
{
    const QString root = m_dir.filePath(name);
    if (!copyTree(m_pristine, root))
        return {};
    return root;
}

QString TestUiControllers::makeCopy(const QString &root, const QString &output,
                                    const QStringList &companies)
{
    BackupOptions options;
    options.root = root;
    options.systemCode = QStringLiteral("AT");
    options.output = output;
    options.companies = companies;
    BackupJob job(options);
    const OperationError error = job.run();
    if (error) {
        qWarning() << error.message;
        return {};
    }
    return job.writtenCopies().value(0).path;
}

// ---- BackupSettings ----------------------------------------------------

void TestUiControllers::backupDefaults()
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
    settings.setRoot(m_pristine);
    QVERIFY(changed.count() > 0);
    settings.setSystemCode(QStringLiteral("AT"));
    const QString copias = m_pristine + QStringLiteral("/Copias");
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

void TestUiControllers::backupFileNameFollowsSystem()
{
    const auto settings = backupSettings(m_pristine);
    QCOMPARE(settings->fileName(), QStringLiteral("CopiaAT.zip"));
    settings->setSystemCode(QStringLiteral("CP"));
    QCOMPARE(settings->fileName(), QStringLiteral("CopiaCP.zip"));
    settings->setFileName(QStringLiteral("Escritorio.zip"));
    settings->setSystemCode(QStringLiteral("LF"));
    QCOMPARE(settings->fileName(), QStringLiteral("Escritorio.zip"));
    QCOMPARE(settings->targetPath(), m_pristine + QStringLiteral("/Copias/Escritorio.zip"));
    // Typed back to the default, it follows the system again.
    settings->setFileName(QStringLiteral("CopiaLF.zip"));
    settings->setSystemCode(QStringLiteral("AT"));
    QCOMPARE(settings->fileName(), QStringLiteral("CopiaAT.zip"));
}

void TestUiControllers::backupTargetPathWeekday()
{
    const auto settings = backupSettings(m_pristine, m_dir.path());
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

void TestUiControllers::backupTargetPathExtra()
{
    const auto settings = backupSettings(m_pristine, m_dir.path());
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

void TestUiControllers::backupValidation()
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
        settings.setRoot(m_pristine);
        settings.setDestinationFolder(folder);
        QVERIFY(check(settings, QStringLiteral("system")));
        settings.setAllSystems(true); // every system: none needs choosing
        QVERIFY2(settings.valid(), qPrintable(settings.validationError()));
    }
    {
        const auto settings = backupSettings(m_pristine, folder);
        QVERIFY2(settings->valid(), qPrintable(settings->validationError()));
        const QString missing = m_dir.filePath(QStringLiteral("pen-desligado"));
        settings->setDestinationFolder(missing);
        QVERIFY(check(*settings, QStringLiteral("pen drive")));
        QVERIFY(settings->validationError().contains(QDir::toNativeSeparators(missing)));
    }
    {
        const auto settings = backupSettings(m_pristine, folder);
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
        const auto settings = backupSettings(m_pristine, folder);
        settings->setMode(BackupSettings::Extra);
        QVERIFY(check(*settings, QStringLiteral("label")));
        settings->setExtraLabel(QStringLiteral(" -- !! "));
        QVERIFY(check(*settings, QStringLiteral("label")));
        settings->setExtraLabel(QStringLiteral("Fechamento 2025"));
        QVERIFY2(settings->valid(), qPrintable(settings->validationError()));
    }
    {
        const auto settings = backupSettings(m_pristine, folder);
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
        const auto settings = backupSettings(m_pristine, folder);
        QVERIFY(!settings->canWipeDestination());
        settings->setWipeDestination(true);
        QVERIFY(check(*settings, QStringLiteral("removable")));
        settings->setWipeDestination(false);
        QVERIFY2(settings->valid(), qPrintable(settings->validationError()));
    }
}

void TestUiControllers::backupValidationNotWritable()
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
    const auto settings = backupSettings(m_pristine, folder);
    const QString error = settings->validationError();
    QVERIFY2(error.contains(QStringLiteral("cannot be written")), qPrintable(error));
    QVERIFY(error.contains(QDir::toNativeSeparators(folder)));
    if (!readOnly)
        QFile::setPermissions(
            folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
}

void TestUiControllers::backupToOptions()
{
    const QString folder = m_dir.filePath(QStringLiteral("destino-opcoes"));
    QVERIFY(QDir().mkpath(folder));
    const auto settings = backupSettings(m_pristine, folder);
    CompanyModel companies;
    QVERIFY(loadAndWait(companies, m_pristine, QStringLiteral("AT")));
    QVERIFY(companies.rowCount() >= 2);
    const QStringList all = companies.codes();

    BackupOptions options = settings->toOptions(&companies);
    QCOMPARE(options.root, m_pristine);
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
void TestUiControllers::backupSummaryPerSystem()
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
void TestUiControllers::backupNameShownIsTheNameWritten()
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

// ---- "Apaga conteúdo do disco de destino" ------------------------------

void TestUiControllers::wipeRefusedOnInstallationDisk()
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

void TestUiControllers::wipeEmptiesRemovableDisk()
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

void TestUiControllers::wipeKeepsPreviousCopyWhenNewOneFails()
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

void TestUiControllers::wipeKeepsCopiesNamedByTheUser()
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

// ---- JobController -----------------------------------------------------

void TestUiControllers::jobBackupSucceeds()
{
    const QString root = freshInstallation(QStringLiteral("job-backup"));
    QVERIFY(!root.isEmpty());
    addLargeTable(root);
    const auto settings = backupSettings(root);
    CompanyModel companies;
    QVERIFY(loadAndWait(companies, root, QStringLiteral("AT")));

    JobController job;
    QCOMPARE(job.state(), JobController::Idle);
    QCOMPARE(job.kind(), JobController::NoJob);
    QSignalSpy progressSpy(&job, &JobController::progressChanged);
    QSignalSpy stateSpy(&job, &JobController::stateChanged);
    QSignalSpy finishedSpy(&job, &JobController::finished);
    QList<double> progressSeen;
    QStringList phasesSeen;
    QString rateSeen;
    QString companySeen;
    connect(&job, &JobController::progressChanged, this, [&] {
        progressSeen << job.progress();
        if (!job.phaseText().isEmpty() && !phasesSeen.contains(job.phaseText()))
            phasesSeen << job.phaseText();
        if (!job.rateText().isEmpty())
            rateSeen = job.rateText();
        if (!job.currentCompany().isEmpty())
            companySeen = job.currentCompany();
    });
    // The GUI thread keeps turning while the job runs.
    int ticks = 0;
    int ticksAtFinish = -1;
    QTimer ticker;
    ticker.setInterval(10);
    connect(&ticker, &QTimer::timeout, this, [&] { ++ticks; });
    connect(&job, &JobController::finished, this, [&] { ticksAtFinish = ticks; });
    ticker.start();

    QVERIFY(job.startBackup(settings.get(), &companies));
    QCOMPARE(job.state(), JobController::Running);
    QVERIFY(job.running());
    QCOMPARE(job.kind(), JobController::Backup);
    QCOMPARE(ticks, 0);
    QVERIFY(job.waitForFinished(jobTimeoutMs));
    ticker.stop();

    QVERIFY2(job.state() == JobController::Succeeded, qPrintable(job.errorText()));
    QCOMPARE(finishedSpy.count(), 1);
    QVERIFY2(ticksAtFinish > 0, "the GUI thread was blocked while the job ran");
    QCOMPARE(job.exitCode(), 0);
    QCOMPARE(job.progress(), 1.0);
    QCOMPARE(job.resultText(), QStringLiteral("Backup completed successfully"));
    QVERIFY(job.errorText().isEmpty());
    QVERIFY(stateSpy.count() >= 2);
    QVERIFY(progressSpy.count() >= 3);
    QVERIFY(phasesSeen.contains(QStringLiteral("Copying")));
    QVERIFY(phasesSeen.contains(QStringLiteral("Checking the copy")));
    // Progress is per phase (tst_jobprogress checks it report by report).
    QVERIFY(progressSeen.size() >= 3);
    QVERIFY2(rateSeen.endsWith(QStringLiteral("B/s")), qPrintable(rateSeen));
    QVERIFY(companies.codes().contains(companySeen));
    QVERIFY(job.rateText().isEmpty()); // nothing runs any more
    QVERIFY(job.filesTotal() > 0);
    QCOMPARE(job.filesDone(), job.filesTotal());
    QCOMPARE(job.bytesDone(), job.bytesTotal());
    QCOMPARE(job.etaSeconds(), -1); // nothing left to estimate
    QCOMPARE(job.resultPaths(), QStringList {root + QStringLiteral("/Copias/CopiaAT.zip")});
    for (const auto &path : job.resultPaths())
        QVERIFY(copyIsSound(path));
    // The folder that received the copy is remembered by the controller,
    // whatever the page does next (Finish, Home, or closing the window).
    QCOMPARE(AppController().recentDestinations().value(0), settings->destinationFolder());

    job.reset();
    QCOMPARE(job.state(), JobController::Idle);
    QVERIFY(job.resultPaths().isEmpty());
    QCOMPARE(job.progress(), 0.0);
}

void TestUiControllers::jobBackupCancelledKeepsPreviousCopy()
{
    const QString root = freshInstallation(QStringLiteral("job-cancel"));
    QVERIFY(!root.isEmpty());
    const QString previousPath = makeCopy(root, QString());
    QVERIFY(!previousPath.isEmpty());
    const QByteArray previous = fileHash(previousPath);

    const auto settings = backupSettings(root);
    JobController job;
    QVERIFY(job.startBackup(settings.get(), nullptr));
    job.cancel();
    QVERIFY(job.waitForFinished(jobTimeoutMs));
    QCOMPARE(job.state(), JobController::Cancelled);
    QCOMPARE(job.exitCode(), int(ExitCode::Failed));
    QVERIFY2(job.errorText().contains(QStringLiteral("cancelled")), qPrintable(job.errorText()));
    QVERIFY(job.resultPaths().isEmpty());
    QCOMPARE(fileHash(previousPath), previous);
    QVERIFY(partialFiles(QFileInfo(previousPath).absolutePath()).isEmpty());
}

void TestUiControllers::jobRefusesInvalidChoices()
{
    const auto settings = backupSettings(m_pristine, m_dir.filePath(QStringLiteral("nao-existe")));
    JobController job;
    QSignalSpy stateSpy(&job, &JobController::stateChanged);
    QVERIFY(!job.startBackup(settings.get(), nullptr));
    QCOMPARE(job.state(), JobController::Failed);
    QCOMPARE(job.exitCode(), int(ExitCode::Usage));
    // A folder that received no copy is not remembered.
    QVERIFY(!AppController().recentDestinations().contains(settings->destinationFolder()));
    QCOMPARE(job.errorText(), settings->validationError());
    QVERIFY(stateSpy.count() > 0);

    // No company ticked is not "all of them".
    const auto valid = backupSettings(m_pristine);
    CompanyModel companies;
    QVERIFY(loadAndWait(companies, m_pristine, QStringLiteral("AT")));
    companies.selectAll(false);
    QVERIFY(!job.startBackup(valid.get(), &companies));
    QCOMPARE(job.state(), JobController::Failed);
    QVERIFY(job.errorText().contains(QStringLiteral("company")));
    QVERIFY(!QFileInfo::exists(m_pristine + QStringLiteral("/Copias")));

    RestoreSettings restore; // no copy open
    QVERIFY(!job.startRestore(&restore));
    QCOMPARE(job.state(), JobController::Failed);
    QCOMPARE(job.kind(), JobController::Restore);
}

// ---- Incomplete copies -------------------------------------------------

namespace {

// Two things no backup can copy, even as root: a FIFO and a symbolic link,
// both in the folder of the company code of AT. Returns their paths.
QStringList addUncopyableFiles(const QString &root, const QString &code)
{
    const QString folder = root + QStringLiteral("/AT/empresas/") + code;
    const QString fifo = folder + QStringLiteral("/fila-do-caixa");
    const QString link = folder + QStringLiteral("/atalho");
    if (::mkfifo(QFile::encodeName(fifo).constData(), 0644) != 0)
        return {};
    if (!QFile::link(QStringLiteral("/etc/hostname"), link))
        return {};
    return {fifo, link};
}

} // namespace

void TestUiControllers::allowIncompleteIsOffUnlessChosenForOneCopy()
{
    BackupSettings fresh;
    QCOMPARE(fresh.allowIncomplete(), false);
    QCOMPARE(fresh.toOptions(nullptr).allowIncomplete, false);

    const auto settings = backupSettings(m_pristine);
    QSignalSpy changed(settings.get(), &BackupSettings::changed);
    settings->setAllowIncomplete(true);
    QCOMPARE(changed.count(), 1);
    QVERIFY(settings->allowIncomplete());
    QVERIFY(settings->toOptions(nullptr).allowIncomplete);
    // Nothing of it is written to the app's settings: a new wizard starts off.
    QVERIFY(!AppSettings::open()->allKeys().join(u' ').contains(QStringLiteral("ncomplete")));
    BackupSettings next;
    next.setRoot(m_pristine);
    QCOMPARE(next.allowIncomplete(), false);
}

void TestUiControllers::jobBackupOfUnreadableFilesFailsNamingThem()
{
    const QString root = freshInstallation(QStringLiteral("job-unreadable"));
    QVERIFY(!root.isEmpty());
    CompanyModel companies;
    QVERIFY(loadAndWait(companies, root, QStringLiteral("AT")));
    const QStringList codes = companies.codes();
    QVERIFY(codes.size() >= 2);
    const QStringList uncopyable = addUncopyableFiles(root, codes[0]);
    QCOMPARE(uncopyable.size(), 2);
    const auto settings = backupSettings(root);

    JobController job;
    QVERIFY(job.startBackup(settings.get(), &companies));
    QVERIFY(job.waitForFinished(jobTimeoutMs));
    QCOMPARE(job.state(), JobController::Failed);
    QCOMPARE(job.exitCode(), int(ExitCode::Failed));
    for (const QString &path : uncopyable)
        QVERIFY2(job.errorText().contains(path), qPrintable(job.errorText()));
    QVERIFY(job.resultText().isEmpty());
    QCOMPARE(job.leftOutCount(), 0);
    QVERIFY(!QFileInfo::exists(root + QStringLiteral("/Copias/CopiaAT.zip")));
    QCOMPARE(History::read(root).value(0).result, QStringLiteral("failed"));

    // Home does not call a refused copy incomplete.
    HistoryModel history;
    history.setRoot(root);
    QVERIFY(QTest::qWaitFor([&] { return !history.busy(); }, 60000));
    QVERIFY(!history.hasPendingIncomplete());
    QVERIFY(!history.lastCopyIncomplete());
}

void TestUiControllers::jobIncompleteBackupIsShownAsIncomplete()
{
    const QString root = freshInstallation(QStringLiteral("job-incomplete"));
    QVERIFY(!root.isEmpty());
    CompanyModel companies;
    QVERIFY(loadAndWait(companies, root, QStringLiteral("AT")));
    const QStringList codes = companies.codes();
    QVERIFY(codes.size() >= 2);
    const QStringList uncopyable = addUncopyableFiles(root, codes[0]);
    QCOMPARE(uncopyable.size(), 2);
    const auto settings = backupSettings(root);
    settings->setAllowIncomplete(true);
    const QString target = root + QStringLiteral("/Copias/CopiaAT.zip");

    JobController job;
    QVERIFY(job.startBackup(settings.get(), &companies));
    QVERIFY(job.waitForFinished(jobTimeoutMs));
    QVERIFY2(job.state() == JobController::Incomplete, qPrintable(job.errorText()));
    QCOMPARE(job.exitCode(), int(ExitCode::Incomplete));
    QCOMPARE(job.resultText(), QStringLiteral("Incomplete copy: 2 file(s) left out"));
    QCOMPARE(job.leftOutCount(), 2);
    QCOMPARE(job.leftOutLines().size(), 2);
    for (const QString &path : uncopyable)
        QVERIFY2(job.leftOutLines().join(u'\n').contains(path),
                 qPrintable(job.leftOutLines().join(u'\n')));
    QCOMPARE(job.resultPaths(), QStringList {target});
    QCOMPARE(job.progress(), 1.0);
    // Chosen for this copy only.
    QCOMPARE(settings->allowIncomplete(), false);

    // The copy is there, sound, and says it is incomplete.
    QVERIFY(copyIsSound(target));
    {
        OperationError error;
        const auto reader = CopyReader::open(target, &error);
        QVERIFY2(reader, qPrintable(error.message));
        QVERIFY(reader->manifest().isIncomplete());
        QCOMPARE(reader->manifest().leftOutOfCompany(codes[0]), 2);
        QCOMPARE(reader->manifest().leftOutOfCompany(codes[1]), 0);
    }
    QCOMPARE(History::read(root).value(0).result, QStringLiteral("incomplete"));

    // Home: in red until a complete copy succeeds; the copy tagged.
    HistoryModel history;
    history.setRoot(root);
    QVERIFY(QTest::qWaitFor([&] { return !history.busy(); }, 60000));
    QVERIFY(history.hasPendingIncomplete());
    QVERIFY(!history.hasPendingFailure());
    QVERIFY2(history.pendingIncompleteText().contains(QStringLiteral("2 file(s) or folder(s)")),
             qPrintable(history.pendingIncompleteText()));
    QVERIFY(history.lastCopyIncomplete());
    QCOMPARE(history.rowCount(), 1);
    QVERIFY(history.index(0).data(HistoryModel::IsIncompleteRole).toBool());
    QCOMPARE(history.index(0).data(HistoryModel::LeftOutRole).toLongLong(), 2);

    // Restore: the copy, its companies and the plan say what is missing.
    RestoreSettings restore;
    restore.setRoot(root);
    QVERIFY2(openAndWait(restore, target), qPrintable(restore.copyError()));
    QVERIFY(restore.copyIncomplete());
    QCOMPARE(restore.copyLeftOutCount(), 2);
    QCOMPARE(restore.copyLeftOutLines().size(), 2);
    QVERIFY(restore.copyLeftOutLines().join(u'\n').contains(QStringLiteral("fila-do-caixa")));
    CompanyModel *inCopy = restore.companies();
    QHash<QString, qint64> leftOutByCode;
    for (int row = 0; row < inCopy->rowCount(); ++row) {
        const QModelIndex index = inCopy->index(row);
        leftOutByCode.insert(index.data(CompanyModel::CodeRole).toString(),
                             index.data(CompanyModel::LeftOutRole).toLongLong());
    }
    QCOMPARE(leftOutByCode.value(codes[0]), 2);
    QCOMPARE(leftOutByCode.value(codes[1]), 0);
    QVERIFY(planAndWait(restore));
    RestorePlanModel *plan = restore.plan();
    QCOMPARE(plan->leftOutCount(), 2);
    QCOMPARE(plan->incompleteCompanies(), 1);
    for (int row = 0; row < plan->rowCount(); ++row) {
        const QModelIndex index = plan->index(row);
        const QString code = index.data(RestorePlanModel::CodeRole).toString();
        QCOMPARE(index.data(RestorePlanModel::LeftOutRole).toLongLong(), code == codes[0] ? 2 : 0);
    }
    restore.closeCopy();

    // Fixed, and copied again in full: the red goes away.
    for (const QString &path : uncopyable)
        QVERIFY(QFile::remove(path));
    QVERIFY(job.startBackup(settings.get(), &companies));
    QVERIFY(job.waitForFinished(jobTimeoutMs));
    QVERIFY2(job.state() == JobController::Succeeded, qPrintable(job.errorText()));
    QCOMPARE(job.leftOutCount(), 0);
    QVERIFY(job.leftOutLines().isEmpty());
    history.refresh();
    QVERIFY(QTest::qWaitFor([&] { return !history.busy(); }, 60000));
    QVERIFY(!history.hasPendingIncomplete());
    QVERIFY(history.pendingIncompleteText().isEmpty());
    QVERIFY(!history.lastCopyIncomplete());
    QVERIFY(!history.index(0).data(HistoryModel::IsIncompleteRole).toBool());
}

// Names from the installation and the copy (an empresa.json anyone may
// write) reach QML only display-safe: an escape sequence or a bidi override
// is shown as U+FFFD, never acted on.
void TestUiControllers::namesAreDisplaySafe()
{
    const QString root = freshInstallation(QStringLiteral("hostile-names"));
    QVERIFY(!root.isEmpty());
    const QString hostileName = QStringLiteral("Loja\x1b[8m\u202eX");
    const QString shown = QStringLiteral("Loja\ufffd[8m\ufffdX");
    const QString json = root + QStringLiteral("/AT/empresas/0001/empresa.json");
    QFile file(json);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonObject company = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    QVERIFY(company.contains(QStringLiteral("razaoSocial")));
    company.insert(QStringLiteral("razaoSocial"), hostileName);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QVERIFY(file.write(QJsonDocument(company).toJson()) > 0);
    file.close();

    CompanyModel installed;
    QVERIFY(loadAndWait(installed, root, QStringLiteral("AT")));
    QCOMPARE(installed.index(0).data(CompanyModel::CodeRole).toString(), QStringLiteral("0001"));
    QCOMPARE(installed.index(0).data(CompanyModel::NameRole).toString(), shown);

    const QString copy = makeCopy(root, m_dir.filePath(QStringLiteral("CopiaAT-nomes.zip")));
    QVERIFY(!copy.isEmpty());
    RestoreSettings restore;
    restore.setRoot(root);
    restore.setReplaceAll(true);
    QVERIFY2(openAndWait(restore, copy), qPrintable(restore.copyError()));
    QCOMPARE(restore.companies()->index(0).data(CompanyModel::NameRole).toString(), shown);
    QVERIFY(planAndWait(restore));
    bool found = false;
    for (int row = 0; row < restore.plan()->rowCount(); ++row) {
        const QModelIndex index = restore.plan()->index(row);
        if (index.data(RestorePlanModel::CodeRole).toString() == QStringLiteral("0001")) {
            QCOMPARE(index.data(RestorePlanModel::NameRole).toString(), shown);
            found = true;
        }
    }
    QVERIFY(found);
    // Eliminated companies are named in the warning, safely too.
    restore.companies()->setSelected(0, false);
    QVERIFY(planAndWait(restore));
    QVERIFY2(restore.plan()->eliminatedNames().contains(QStringLiteral("0001 ") + shown),
             qPrintable(restore.plan()->eliminatedNames().join(u'|')));

    // The system's name, from the installation's own list of systems.
    const QString systemsPath = root + u'/' + QStringView(InstallationLayout::systemsFileName);
    QFile systemsFile(systemsPath);
    QVERIFY(systemsFile.open(QIODevice::ReadOnly));
    QJsonObject systems = QJsonDocument::fromJson(systemsFile.readAll()).object();
    systemsFile.close();
    QJsonArray list = systems.value(QStringLiteral("sistemas")).toArray();
    for (int i = 0; i < list.size(); ++i) {
        QJsonObject system = list[i].toObject();
        if (system.value(QStringLiteral("codigo")).toString() == QStringLiteral("AT"))
            system.insert(QStringLiteral("nome"), hostileName);
        list[i] = system;
    }
    systems.insert(QStringLiteral("sistemas"), list);
    QVERIFY(systemsFile.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QVERIFY(systemsFile.write(QJsonDocument(systems).toJson()) > 0);
    systemsFile.close();
    AppController app;
    QVERIFY2(app.openInstallation(root), qPrintable(app.installationError()));
    app.setSystemCode(QStringLiteral("AT"));
    QCOMPARE(app.systemName(), shown);
}

void TestUiControllers::jobRestoreSucceeds()
{
    const QString root = freshInstallation(QStringLiteral("job-restore"));
    QVERIFY(!root.isEmpty());
    addLargeTable(root);
    const QString copy = makeCopy(root, m_dir.filePath(QStringLiteral("copia-restauracao.zip")));
    QVERIFY(!copy.isEmpty());

    CompanyModel installed;
    QVERIFY(loadAndWait(installed, root, QStringLiteral("AT")));
    const QStringList codes = installed.codes();
    QVERIFY(codes.size() >= 2);
    const QString companies = root + QStringLiteral("/AT/empresas/");
    // Every company changes after the copy; all but the last are restored.
    QMap<QString, QMap<QString, QByteArray>> inCopy;
    for (const auto &code : codes) {
        inCopy.insert(code, treeHashes(companies + code));
        writeFile(companies + code + QStringLiteral("/depois-da-copia.dat"), "new data");
        writeFile(companies + code + QStringLiteral("/empresa.json"), QByteArray());
    }
    const QString kept = codes.last();
    const auto keptBefore = treeHashes(companies + kept);

    RestoreSettings settings;
    settings.setRoot(root);
    QSignalSpy copySpy(&settings, &RestoreSettings::copyChanged);
    QVERIFY2(openAndWait(settings, copy), qPrintable(settings.copyError()));
    QVERIFY(copySpy.count() > 0);
    QVERIFY(settings.copyOpen());
    QVERIFY(settings.copyError().isEmpty());
    QCOMPARE(settings.copyPath(), copy);
    QCOMPARE(settings.copySystemCode(), QStringLiteral("AT"));
    QCOMPARE(settings.copySystemName(), QStringLiteral("Ativo Imobilizado"));
    QVERIFY(settings.copyCreatedAt().isValid());
    QCOMPARE(settings.copyCreatedText(),
             QLocale().toString(settings.copyCreatedAt().toLocalTime(), QLocale::ShortFormat));
    QCOMPARE(settings.copyFileSize(), QFileInfo(copy).size());
    QCOMPARE(settings.copyArchiveFromYear(), 0);
    QCOMPARE(settings.companies()->codes(), codes);
    QCOMPARE(settings.companies()->selectedCount(), int(codes.size()));
    QCOMPARE(settings.plan()->replacedCount(), int(codes.size()));

    settings.companies()->setSelected(int(codes.size()) - 1, false);
    QVERIFY(planAndWait(settings));
    QCOMPARE(settings.toOptions().companies, codes.mid(0, codes.size() - 1));
    QCOMPARE(settings.plan()->replacedCount(), int(codes.size()) - 1);
    QCOMPARE(settings.plan()->keptCount(), 1);
    QVERIFY2(settings.valid(), qPrintable(settings.validationError()));

    JobController job;
    int ticks = 0;
    int ticksAtFinish = -1;
    QTimer ticker;
    ticker.setInterval(10);
    connect(&ticker, &QTimer::timeout, this, [&] { ++ticks; });
    connect(&job, &JobController::finished, this, [&] { ticksAtFinish = ticks; });
    ticker.start();
    QVERIFY(job.startRestore(&settings));
    QCOMPARE(job.kind(), JobController::Restore);
    QVERIFY(job.waitForFinished(jobTimeoutMs));
    QVERIFY2(job.state() == JobController::Succeeded, qPrintable(job.errorText()));
    QVERIFY2(ticksAtFinish > 0, "the GUI thread was blocked while the job ran");
    QCOMPARE(job.resultText(), QStringLiteral("Data restored successfully"));
    QCOMPARE(job.progress(), 1.0);
    QCOMPARE(job.exitCode(), 0);

    // Restored companies are exactly as in the copy; the other one is untouched.
    for (const auto &code : codes.mid(0, codes.size() - 1))
        QCOMPARE(treeHashes(companies + code), inCopy.value(code));
    QCOMPARE(treeHashes(companies + kept), keptBefore);
    // What was replaced went to a verified safety copy first.
    QVERIFY(!job.safetyCopyPath().isEmpty());
    QVERIFY(copyIsSound(job.safetyCopyPath()));
}

void TestUiControllers::jobRestoreInUse()
{
    const QString root = freshInstallation(QStringLiteral("job-in-use"));
    QVERIFY(!root.isEmpty());
    const QString copy = makeCopy(root, m_dir.filePath(QStringLiteral("copia-em-uso.zip")));
    QVERIFY(!copy.isEmpty());
    writeFile(root + QStringLiteral("/AT/empresas/0001/alterado.dat"), "changed after the copy");

    RestoreSettings settings;
    settings.setRoot(root);
    QVERIFY2(openAndWait(settings, copy), qPrintable(settings.copyError()));
    LockHolderProcess holder(root + QStringLiteral("/sessoes"), QStringLiteral("maria"),
                             QStringLiteral("CAIXA-01"), QStringLiteral("CP"));
    QVERIFY(holder.waitUntilLocked());
    auto before = treeHashes(root);

    JobController job;
    QVERIFY(job.startRestore(&settings));
    QVERIFY(job.waitForFinished(jobTimeoutMs));
    QCOMPARE(job.state(), JobController::InUse);
    QCOMPARE(job.exitCode(), int(ExitCode::InUse));
    QVERIFY2(job.errorText().contains(QStringLiteral("maria")), qPrintable(job.errorText()));
    QVERIFY(job.errorText().contains(QStringLiteral("CAIXA-01")));
    QCOMPARE(treeHashes(root), before);
}

void TestUiControllers::jobRestoreInvalidCopy()
{
    // A copy that was fine when chosen and is damaged by the time it runs.
    const QString root = freshInstallation(QStringLiteral("job-invalid"));
    QVERIFY(!root.isEmpty());
    const QString copy = makeCopy(root, m_dir.filePath(QStringLiteral("copia-estragada.zip")));
    QVERIFY(!copy.isEmpty());
    RestoreSettings settings;
    settings.setRoot(root);
    QVERIFY2(openAndWait(settings, copy), qPrintable(settings.copyError()));
    {
        QFile file(copy);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.resize(file.size() / 2));
    }
    const auto before = treeHashes(root);
    JobController job;
    QVERIFY(job.startRestore(&settings));
    QVERIFY(job.waitForFinished(jobTimeoutMs));
    QCOMPARE(job.state(), JobController::InvalidCopy);
    QCOMPARE(job.exitCode(), int(ExitCode::InvalidCopy));
    QVERIFY(!job.errorText().isEmpty());
    QCOMPARE(treeHashes(root), before);
}

// ---- RestoreSettings ---------------------------------------------------

void TestUiControllers::restoreRefusesInvalidCopies()
{
    RestoreSettings settings;
    settings.setRoot(m_pristine);
    QVERIFY(!settings.valid());

    const QString notACopy = m_dir.filePath(QStringLiteral("nao-e-copia.zip"));
    writeFile(notACopy, "just some text, not a ZIP");
    QSignalSpy copySpy(&settings, &RestoreSettings::copyChanged);
    QVERIFY(!openAndWait(settings, notACopy));
    QVERIFY(copySpy.count() > 0);
    QVERIFY(!settings.copyOpen());
    QVERIFY(!settings.copyError().isEmpty());
    QCOMPARE(settings.companies()->rowCount(), 0);
    QVERIFY(!settings.valid());

    // A ZIP with a manifest, but a name that climbs out of the installation.
    HostileCopy hostile;
    hostile.addFile(QStringLiteral("AT/empresas/0001/empresa.json"), "{}");
    hostile.addFile(QStringLiteral("AT/empresas/0001/../../../escapou.dat"), "payload");
    const QString damaged = m_dir.filePath(QStringLiteral("CopiaAT-hostil.zip"));
    QString error;
    QVERIFY2(hostile.write(damaged, &error), qPrintable(error));
    QVERIFY(!openAndWait(settings, damaged));
    QVERIFY(!settings.copyOpen());
    QVERIFY2(settings.copyError().contains(QStringLiteral("damaged")),
             qPrintable(settings.copyError()));
    QVERIFY(settings.copyError().contains(QDir::toNativeSeparators(damaged)));

    settings.closeCopy();
    QVERIFY(settings.copyError().isEmpty());
    QVERIFY(!settings.valid());
}

void TestUiControllers::restorePlanFollowsChoices()
{
    const QString root = freshInstallation(QStringLiteral("plan"));
    QVERIFY(!root.isEmpty());
    CompanyModel installed;
    QVERIFY(loadAndWait(installed, root, QStringLiteral("AT")));
    const QStringList codes = installed.codes();
    const QString only = codes.first();
    const QString copy
        = makeCopy(root, m_dir.filePath(QStringLiteral("copia-parcial.zip")), {only});
    QVERIFY(!copy.isEmpty());

    RestoreSettings settings;
    settings.setRoot(root);
    QVERIFY2(openAndWait(settings, copy), qPrintable(settings.copyError()));
    QCOMPARE(settings.companies()->codes(), QStringList {only});
    QCOMPARE(settings.plan()->replacedCount(), 1);
    QCOMPARE(settings.plan()->keptCount(), int(codes.size()) - 1);
    QCOMPARE(settings.plan()->eliminatedCount(), 0);
    QVERIFY(settings.toOptions().companies.isEmpty()); // all of the copy
    QCOMPARE(settings.toOptions().replaceAll, false);
    QCOMPARE(settings.toOptions().safetyCopy, true);

    // "Substitui dados existentes": the plan follows without being asked.
    QSignalSpy changed(&settings, &RestoreSettings::changed);
    settings.setReplaceAll(true);
    QVERIFY(changed.count() > 0);
    QTRY_COMPARE(settings.plan()->eliminatedCount(), int(codes.size()) - 1);
    QCOMPARE(settings.plan()->keptCount(), 0);
    QVERIFY(settings.plan()->changesExistingData());
    QVERIFY(settings.toOptions().replaceAll);

    settings.setTemplates(true);
    settings.setSafetyCopy(false);
    settings.setLeaveOutArchived(true);
    settings.setArchiveFromYear(2020);
    RestoreOptions options = settings.toOptions();
    QCOMPARE(options.templates, true);
    QCOMPARE(options.safetyCopy, false);
    QCOMPARE(options.archiveFromYear, 2020);
    QCOMPARE(options.copyPath, copy);
    QCOMPARE(options.root, root);
    settings.setArchiveFromYear(1900);
    QVERIFY(settings.validationError().contains(QStringLiteral("1990")));
    settings.setLeaveOutArchived(false);
    QCOMPARE(settings.toOptions().archiveFromYear, 0);

    // Nothing selected is refused, and the plan shows nothing.
    settings.companies()->setSelected(0, false);
    QCOMPARE(settings.validationError(), QStringLiteral("Choose at least one company to restore."));
    QTRY_COMPARE(settings.plan()->rowCount(), 0);
    settings.companies()->setSelected(0, true);
    QTRY_COMPARE(settings.plan()->replacedCount(), 1);
    QVERIFY2(settings.valid(), qPrintable(settings.validationError()));

    settings.closeCopy();
    QVERIFY(!settings.copyOpen());
    QCOMPARE(settings.companies()->rowCount(), 0);
    QCOMPARE(settings.plan()->rowCount(), 0);
    QVERIFY(!settings.valid());
}

void TestUiControllers::restoreSystemNotInstalled()
{
    const QString root = freshInstallation(QStringLiteral("sem-at"));
    QVERIFY(!root.isEmpty());
    const QString copy = makeCopy(root, m_dir.filePath(QStringLiteral("copia-at.zip")));
    QVERIFY(!copy.isEmpty());
    // The installation no longer has the system AT.
    QFile systems(root + QStringLiteral("/sistemas.json"));
    QVERIFY(systems.open(QIODevice::ReadOnly));
    QJsonObject json = QJsonDocument::fromJson(systems.readAll()).object();
    systems.close();
    QJsonArray list;
    for (const auto &system : json.value(QStringLiteral("sistemas")).toArray()) {
        if (system.toObject().value(QStringLiteral("codigo")).toString() != u"AT")
            list.append(system);
    }
    json.insert(QStringLiteral("sistemas"), list);
    writeFile(systems.fileName(), QJsonDocument(json).toJson());

    RestoreSettings settings;
    settings.setRoot(root);
    QVERIFY2(openAndWait(settings, copy), qPrintable(settings.copyError()));
    QVERIFY(!settings.valid());
    QVERIFY2(settings.validationError().contains(QStringLiteral("not installed")),
             qPrintable(settings.validationError()));
    QCOMPARE(settings.plan()->rowCount(), 0);
}

// ---- AppController -----------------------------------------------------

void TestUiControllers::appOpenInstallation()
{
    AppController app;
    QVERIFY(!app.hasInstallation());
    QSignalSpy installationSpy(&app, &AppController::installationChanged);
    QVERIFY(app.openInstallation(m_pristine));
    QVERIFY(installationSpy.count() > 0);
    QVERIFY(app.hasInstallation());
    QCOMPARE(app.root(), m_pristine);
    QVERIFY(app.installationError().isEmpty());
    const QVariantList systems = app.systems();
    QCOMPARE(systems.size(), 3);
    const QVariantMap first = systems.first().toMap();
    QCOMPARE(first.value(QStringLiteral("code")).toString(), QStringLiteral("AT"));
    QCOMPARE(first.value(QStringLiteral("name")).toString(), QStringLiteral("Ativo Imobilizado"));
    QCOMPARE(app.systemCode(), QStringLiteral("AT"));
    QCOMPARE(app.systemName(), QStringLiteral("Ativo Imobilizado"));
    app.setSystemCode(QStringLiteral("XX")); // not installed: refused
    QCOMPARE(app.systemCode(), QStringLiteral("AT"));

    const QString notAnInstallation = m_dir.filePath(QStringLiteral("vazia"));
    QVERIFY(QDir().mkpath(notAnInstallation));
    QVERIFY(!app.openInstallation(notAnInstallation));
    QVERIFY(!app.installationError().isEmpty());
    // What was open stays open.
    QCOMPARE(app.root(), m_pristine);
    QVERIFY(app.hasInstallation());
    QCOMPARE(app.version(), QString::fromLatin1(toolVersion));
    QVERIFY(!app.version().isEmpty());
}

void TestUiControllers::appRemembersAcrossInstances()
{
    const QString root = freshInstallation(QStringLiteral("lembrada"));
    QVERIFY(!root.isEmpty());
    const QString pen = m_dir.filePath(QStringLiteral("pen-lembrado"));
    {
        AppController first;
        QVERIFY(first.openInstallation(root));
        first.setSystemCode(QStringLiteral("CP"));
        first.rememberDestination(m_dir.path());
        QSignalSpy recentSpy(&first, &AppController::recentDestinationsChanged);
        first.rememberDestination(pen);
        QCOMPARE(recentSpy.count(), 1);
        first.rememberDestination(pen); // no duplicates; newest first
        // (Earlier tests' backups put their folders further down.)
        QCOMPARE(first.recentDestinations().mid(0, 2), (QStringList {pen, m_dir.path()}));
        QCOMPARE(first.recentDestinations().count(pen), 1);
    }
    AppController second;
    QVERIFY(second.openRemembered());
    QCOMPARE(second.root(), root);
    QCOMPARE(second.systemCode(), QStringLiteral("CP"));
    QCOMPARE(second.systemName(), QStringLiteral("Compras"));
    QCOMPARE(second.recentDestinations().mid(0, 2), (QStringList {pen, m_dir.path()}));
}

void TestUiControllers::appConnectedSessions()
{
    const QString root = freshInstallation(QStringLiteral("sessoes"));
    QVERIFY(!root.isEmpty());
    AppController app;
    QVERIFY(app.connectedSessions().isEmpty()); // nothing open
    QVERIFY(app.openInstallation(root));
    QVERIFY(app.connectedSessions().isEmpty());
    {
        LockHolderProcess joana(root + QStringLiteral("/sessoes"), QStringLiteral("joana"),
                                QStringLiteral("BALCAO-02"), QStringLiteral("LF"));
        LockHolderProcess pedro(root + QStringLiteral("/sessoes"), QStringLiteral("pedro"),
                                QStringLiteral("ESCRITORIO"), QStringLiteral("AT"));
        QVERIFY(joana.waitUntilLocked());
        QVERIFY(pedro.waitUntilLocked());
        const QStringList sessions = app.connectedSessions();
        QCOMPARE(sessions.size(), 2);
        const QString all = sessions.join(u'\n');
        QVERIFY2(all.contains(QStringLiteral("joana")) && all.contains(QStringLiteral("BALCAO-02"))
                     && all.contains(QStringLiteral("pedro")),
                 qPrintable(all));
        for (const auto &line : sessions)
            QVERIFY2(!line.contains(u'\n') && !line.startsWith(u'-'), qPrintable(line));
    }
    QVERIFY(app.connectedSessions().isEmpty());
}

void TestUiControllers::appFormatsInLocale()
{
    const QLocale previous;
    QLocale::setDefault(QLocale(QLocale::Portuguese, QLocale::Brazil));
    AppController app;
    const QString number = app.formatNumber(1234567);
    const QString size = app.formatSize(1536 * 1024);
    const QString date = app.formatDateTime(QDateTime(QDate(2026, 11, 26), QTime(15, 30)));
    const QString invalid = app.formatDateTime(QDateTime());
    QLocale::setDefault(previous);
    QCOMPARE(number, QStringLiteral("1.234.567"));
    QCOMPARE(size, QStringLiteral("1,5\u00a0MB")); // no-break space: never split over two lines
    QCOMPARE(date, QStringLiteral("26/11/2026 15:30"));
    QVERIFY(invalid.isEmpty());
}

void TestUiControllers::appQmlSingleton()
{
    {
        // main() configures the instance; QML receives that one and never owns it.
        AppController configured;
        AppController::setInstance(&configured);
        QCOMPARE(AppController::instance(), &configured);
        QQmlEngine engine;
        QCOMPARE(AppController::create(&engine, &engine), &configured);
        QCOMPARE(QJSEngine::objectOwnership(&configured), QJSEngine::CppOwnership);
    }
    QCOMPARE(AppController::instance(), nullptr); // gone with its owner
    QQmlEngine engine;
    AppController *created = AppController::create(&engine, &engine);
    QVERIFY(created);
    QCOMPARE(created->parent(), &engine);
    QCOMPARE(AppController::instance(), created);
}

void TestUiControllers::appCreateDemo()
{
    AppController app;
    const QString demo = app.demoRoot();
    QVERIFY2(demo.startsWith(m_dir.path()), qPrintable(demo)); // test mode, temporary HOME
    QVERIFY(demo.endsWith(QStringLiteral("/demonstracao")));
    QVERIFY(!QFileInfo::exists(demo));
    QVERIFY2(createDemoAndWait(app), qPrintable(app.installationError()));
    QCOMPARE(app.root(), demo);
    CompanyModel companies;
    QVERIFY(loadAndWait(companies, demo, app.systemCode()));
    QVERIFY(companies.rowCount() > 0);
    // A second call opens what is there, without writing it again.
    const QString marker = demo + QStringLiteral("/AT/empresas/0001/marca.dat");
    writeFile(marker, "still here");
    AppController again;
    QVERIFY(createDemoAndWait(again));
    QCOMPARE(again.root(), demo);
    QVERIFY(QFileInfo::exists(marker));
}

// The restore wizard's year field offered 1990 to 2100 while its validation
// refused anything after next year: one range now, from ArchiveYears, for
// both wizards, their validation and the CLI.
void TestUiControllers::archiveYearRangeIsOneRule()
{
    const int nextYear = QDate::currentDate().year() + 1;
    BackupSettings backup;
    RestoreSettings restore;
    QCOMPARE(backup.minimumYear(), ArchiveYears::minimum);
    QCOMPARE(restore.property("minimumYear").toInt(), ArchiveYears::minimum);
    QCOMPARE(backup.maximumYear(), nextYear);
    QCOMPARE(restore.property("maximumYear").toInt(), nextYear);
    QCOMPARE(backup.archiveFromYear(), restore.archiveFromYear());
    QVERIFY(ArchiveYears::isValid(backup.archiveFromYear()));

    // The restore refuses a year past the range with the range it offers.
    const QString root = freshInstallation(QStringLiteral("anos"));
    QVERIFY(!root.isEmpty());
    const QString copy = makeCopy(root, m_dir.filePath(QStringLiteral("copia-anos.zip")));
    QVERIFY(!copy.isEmpty());
    restore.setRoot(root);
    QVERIFY2(openAndWait(restore, copy), qPrintable(restore.copyError()));
    restore.setLeaveOutArchived(true);
    restore.setArchiveFromYear(nextYear);
    QVERIFY(planAndWait(restore));
    QVERIFY2(restore.valid(), qPrintable(restore.validationError()));
    restore.setArchiveFromYear(nextYear + 1);
    QVERIFY(!restore.valid());
    QVERIFY2(restore.validationError().contains(QString::number(nextYear)),
             qPrintable(restore.validationError()));

    // The CLI takes the same range.
    for (const QString &command : {QStringLiteral("backup"), QStringLiteral("restore")}) {
        QStringList args {command};
        if (command == u"restore")
            args << copy << QStringLiteral("--yes");
        args << QStringLiteral("--root") << root << QStringLiteral("--archive-from")
             << QString::number(nextYear + 1);
        const ProcessResult result
            = runCli(args,
                     {QStringLiteral("LANG=C.UTF-8"), QStringLiteral("LC_ALL=C.UTF-8"),
                      QStringLiteral("LANGUAGE=")});
        QVERIFY2(result.exitCode == int(ExitCode::Usage),
                 qPrintable(command + u": "_qs + QString::fromUtf8(result.standardError)));
    }
}

QTEST_GUILESS_MAIN(TestUiControllers)
#include "tst_uicontrollers.moc"
