// SPDX-License-Identifier: GPL-3.0-or-later
// The jobs the QML wizard starts (ui/jobcontroller.h), on a real demo
// installation: backups and restores run off the GUI thread, with progress,
// cancellation, and copies that leave files out.

#include "copy/copycontainer.h"
#include "copy/copyreader.h"
#include "copy/protectedcopy.h"
#include "core/appsettings.h"
#include "core/passwordpolicy.h"
#include "history/history.h"
#include "support/demofixture.h"
#include "support/isolatedhome.h"
#include "support/lockholderprocess.h"
#include "support/makecopy.h"
#include "support/testinstallation.h"
#include "support/uiwait.h"
#include "support/wizardsettings.h"
#include "ui/appcontroller.h"
#include "ui/backupsettings.h"
#include "ui/companymodel.h"
#include "ui/historymodel.h"
#include "ui/jobcontroller.h"
#include "ui/restoreplanmodel.h"
#include "ui/restoresettings.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <sys/stat.h>

using namespace Resguarda;
using namespace TestSupport;

namespace {

// A job on the small demo takes a few milliseconds; one table of random
// (incompressible) data makes it last long enough, on any machine, to watch
// the GUI thread turn and the rate appear while it runs.
void addLargeTable(const QString &root)
{
    writeFile(root + QStringLiteral("/AT/empresas/0001/grande.dat"),
              randomBytes(32 * 1024 * 1024, 5));
}

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

// The regular files below folder whose bytes hold needle, hidden ones too
// (never a FIFO: other tests leave some, and opening one waits for a writer).
QStringList filesHolding(const QString &folder, const QByteArray &needle)
{
    QStringList found;
    QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::NoSymLinks,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (!it.fileInfo().isFile())
            continue;
        QFile file(path);
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            found << path;
    }
    return found;
}

} // namespace

class TestJobController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
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
    void jobProtectedBackupAndRestore();
    void jobRefusesARefusedPassword();

private:
    // A fresh, writable copy of the demo installation.
    QString freshInstallation(const QString &name) const
    {
        return m_demo.freshCopy(m_dir.filePath(name));
    }

    QTemporaryDir m_dir;
    DemoFixture m_demo {3, 1, 4, 11};
};

void TestJobController::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // The settings and the demo folder of the app live below HOME: pointed
    // at the temporary folder, and in test mode, nothing of the user's is read
    // or written.
    isolateHome(m_dir.path());

    const OperationError error = m_demo.create(m_dir.filePath(QStringLiteral("pristine")));
    QVERIFY2(!error, qPrintable(error.message));
}

void TestJobController::jobBackupSucceeds()
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

void TestJobController::jobBackupCancelledKeepsPreviousCopy()
{
    const QString root = freshInstallation(QStringLiteral("job-cancel"));
    QVERIFY(!root.isEmpty());
    const QString previousPath = makeCopy(root, QStringLiteral("AT"), QString());
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

void TestJobController::jobRefusesInvalidChoices()
{
    const auto settings
        = backupSettings(m_demo.root(), m_dir.filePath(QStringLiteral("nao-existe")));
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
    const auto valid = backupSettings(m_demo.root());
    CompanyModel companies;
    QVERIFY(loadAndWait(companies, m_demo.root(), QStringLiteral("AT")));
    companies.selectAll(false);
    QVERIFY(!job.startBackup(valid.get(), &companies));
    QCOMPARE(job.state(), JobController::Failed);
    QCOMPARE(job.errorText(), companies.selectionError());
    QVERIFY(!QFileInfo::exists(m_demo.root() + QStringLiteral("/Copias")));

    RestoreSettings restore; // no copy open
    QVERIFY(!job.startRestore(&restore));
    QCOMPARE(job.state(), JobController::Failed);
    QCOMPARE(job.kind(), JobController::Restore);
}

void TestJobController::allowIncompleteIsOffUnlessChosenForOneCopy()
{
    BackupSettings fresh;
    QCOMPARE(fresh.allowIncomplete(), false);
    QCOMPARE(fresh.toOptions(nullptr).allowIncomplete, false);

    const auto settings = backupSettings(m_demo.root());
    QSignalSpy changed(settings.get(), &BackupSettings::changed);
    settings->setAllowIncomplete(true);
    QCOMPARE(changed.count(), 1);
    QVERIFY(settings->allowIncomplete());
    QVERIFY(settings->toOptions(nullptr).allowIncomplete);
    // Nothing of it is written to the app's settings: a new wizard starts off.
    QVERIFY(!AppSettings::open()->allKeys().join(u' ').contains(QStringLiteral("ncomplete")));
    BackupSettings next;
    next.setRoot(m_demo.root());
    QCOMPARE(next.allowIncomplete(), false);
}

void TestJobController::jobBackupOfUnreadableFilesFailsNamingThem()
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

void TestJobController::jobIncompleteBackupIsShownAsIncomplete()
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
void TestJobController::namesAreDisplaySafe()
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

    const QString copy
        = makeCopy(root, QStringLiteral("AT"), m_dir.filePath(QStringLiteral("CopiaAT-nomes.zip")));
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

void TestJobController::jobRestoreSucceeds()
{
    const QString root = freshInstallation(QStringLiteral("job-restore"));
    QVERIFY(!root.isEmpty());
    addLargeTable(root);
    const QString copy = makeCopy(root, QStringLiteral("AT"),
                                  m_dir.filePath(QStringLiteral("copia-restauracao.zip")));
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
    QVERIFY(!job.wroteProtected());
}

void TestJobController::jobRestoreInUse()
{
    const QString root = freshInstallation(QStringLiteral("job-in-use"));
    QVERIFY(!root.isEmpty());
    const QString copy
        = makeCopy(root, QStringLiteral("AT"), m_dir.filePath(QStringLiteral("copia-em-uso.zip")));
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

void TestJobController::jobRestoreInvalidCopy()
{
    // A copy that was fine when chosen and is damaged by the time it runs.
    const QString root = freshInstallation(QStringLiteral("job-invalid"));
    QVERIFY(!root.isEmpty());
    const QString copy = makeCopy(root, QStringLiteral("AT"),
                                  m_dir.filePath(QStringLiteral("copia-estragada.zip")));
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

void TestJobController::jobProtectedBackupAndRestore()
{
    // Everything below m_dir is searched for the password at the end: the
    // test HOME (the app's settings), the installation and its history, the
    // copy and the safety copy.
    const QString root = freshInstallation(QStringLiteral("job-protegida"));
    QVERIFY(!root.isEmpty());
    const QString password = QStringLiteral("Senha-Forte-2026");

    const auto settings = backupSettings(root);
    settings->setProtect(true);
    settings->setPassword(password);
    settings->setPasswordRepeat(password);
    CompanyModel companies;
    QVERIFY(loadAndWait(companies, root, QStringLiteral("AT")));
    JobController job;
    QVERIFY(job.startBackup(settings.get(), &companies));
    QVERIFY(job.waitForFinished(jobTimeoutMs));
    QVERIFY2(job.state() == JobController::Succeeded, qPrintable(job.errorText()));
    QVERIFY(job.wroteProtected());
    QCOMPARE(job.resultPaths().size(), 1);
    const QString copy = job.resultPaths().first();
    QCOMPARE(ProtectedCopy::protectedSystem(copy), std::optional<QString>(QStringLiteral("AT")));
    OperationError error;
    QVERIFY(!OpenedCopy::open(copy, m_dir.path(), &error));
    QCOMPARE(error.code, ExitCode::Password);
    const auto opened = OpenedCopy::open(copy, m_dir.path(), &error, {}, password.toUtf8());
    QVERIFY2(opened, qPrintable(error.message));
    QCOMPARE(opened->reader().manifest().companies.size(), qsizetype(companies.codes().size()));

    // Restored through the wizard's path: the password typed once.
    RestoreSettings restore;
    restore.setRoot(root);
    QSignalSpy opening(&restore, &RestoreSettings::copyOpened);
    restore.openCopy(copy);
    QVERIFY(opening.wait(uiWaitMs));
    QVERIFY(restore.copyNeedsPassword());
    restore.openWithPassword(password);
    QVERIFY(opening.wait(uiWaitMs));
    QVERIFY2(restore.copyOpen(), qPrintable(restore.passwordError() + restore.copyError()));
    QVERIFY(planAndWait(restore));
    QVERIFY(QTest::qWaitFor([&] { return !restore.checkingNewerData(); }, uiWaitMs));
    QCOMPARE(restore.toOptions().password, password.toUtf8());
    QVERIFY(job.startRestore(&restore));
    QVERIFY(job.waitForFinished(jobTimeoutMs));
    QVERIFY2(job.state() == JobController::Succeeded, qPrintable(job.errorText()));
    QVERIFY(!job.safetyCopyPath().isEmpty());
    QVERIFY(ProtectedCopy::protectedSystem(job.safetyCopyPath()).has_value());
    QVERIFY(job.wroteProtected()); // the result page says the safety copy is protected

    // The password is in no file: not in the settings, the history, the
    // copies, nor anywhere in the installation.
    QVERIFY(QFileInfo::exists(AppSettings::open()->fileName()));
    const QByteArray utf16(reinterpret_cast<const char *>(password.utf16()), password.size() * 2);
    for (const QByteArray &form : {password.toUtf8(), utf16})
        QCOMPARE(filesHolding(m_dir.path(), form), QStringList());
}

void TestJobController::jobRefusesARefusedPassword()
{
    const QString root = freshInstallation(QStringLiteral("job-senha-recusada"));
    QVERIFY(!root.isEmpty());
    const auto settings = backupSettings(root);
    settings->setProtect(true);
    settings->setPassword(QStringLiteral("Senha-Forte-2026"));
    settings->setPasswordRepeat(QStringLiteral("Senha-Forte-2062"));
    JobController job;
    QVERIFY(!job.startBackup(settings.get(), nullptr));
    QCOMPARE(job.state(), JobController::Failed);
    QCOMPARE(job.exitCode(), int(ExitCode::Usage));
    QCOMPARE(job.errorText(), settings->passwordProblem());
    QVERIFY(!job.errorText().isEmpty());
    // A password the policy refuses, typed twice the same, too.
    settings->setPassword(QStringLiteral("curta"));
    settings->setPasswordRepeat(QStringLiteral("curta"));
    QVERIFY(!job.startBackup(settings.get(), nullptr));
    QCOMPARE(job.errorText(), PasswordPolicy::problem(QStringLiteral("curta")));
    QVERIFY(!QFileInfo::exists(root + QStringLiteral("/Copias/CopiaAT.zip")));
}

QTEST_GUILESS_MAIN(TestJobController)
#include "tst_jobcontroller.moc"
