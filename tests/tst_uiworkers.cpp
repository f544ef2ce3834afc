// SPDX-License-Identifier: GPL-3.0-or-later
// The slow work behind the wizards (measuring an installation's companies,
// opening a packed copy of hundreds of companies, creating the demo,
// counting a pen drive's files) runs on worker threads: a timer on the GUI
// thread keeps firing all the while, and the result that arrives is right.
// The data is big enough that doing the same work on the GUI thread stops
// the timer for far longer than the largest gap allowed.

#include "installation/installation.h"
#include "installation/tablepath.h"
#include "producer/backupplan.h"
#include "storage/volume.h"
#include "support/demofixture.h"
#include "support/guithreadwatch.h"
#include "support/isolatedhome.h"
#include "support/testinstallation.h"
#include "support/tmpfsmount.h"
#include "support/uiwait.h"
#include "ui/backupsettings.h"
#include "ui/companymodel.h"
#include "ui/restoresettings.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Resguarda;
using namespace TestSupport;

namespace {

// The longest the GUI thread may stop: a tap in that time is answered late
// but answered. The work measured here takes seconds when done in one go.
constexpr qint64 maxGapMs = 400;
constexpr int minTicks = 10;

#define VERIFY_RESPONSIVE(counter)                                                                 \
    do {                                                                                           \
        QVERIFY2(                                                                                  \
            (counter).maxGapMs() < maxGapMs,                                                       \
            qPrintable(                                                                            \
                QStringLiteral("the GUI thread stopped for %1 ms").arg((counter).maxGapMs())));    \
        QVERIFY2((counter).ticks() >= minTicks,                                                    \
                 qPrintable(QStringLiteral("only %1 ticks").arg((counter).ticks())));              \
    } while (false)

struct Totals
{
    qint64 bytes = 0;
    qint64 files = 0;
    QList<int> years;
};

// What a copy of the years from archiveFrom (0: all) holds of a company, by
// walking its folder here, independently of the code under test.
Totals walkCompany(const QString &folder, int archiveFrom)
{
    Totals totals;
    QSet<int> years;
    QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QString relative = QDir(folder).relativeFilePath(it.filePath());
        const TableClass table = classifyCompanyPath(relative);
        if (!table.isKeptFrom(archiveFrom))
            continue;
        totals.bytes += it.fileInfo().size();
        ++totals.files;
        if (table.isDated())
            years.insert(table.year);
    }
    totals.years = QList<int>(years.begin(), years.end());
    std::sort(totals.years.begin(), totals.years.end());
    return totals;
}

} // namespace

class TestUiWorkers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void companiesLoadOnWorker();
    void newerLoadDropsOlderResult();
    void sizesFollowArchiveFromYear();
    void containerOpensOnWorker();
    void closingDropsUnfinishedOpening();
    void demoIsCreatedOnWorker();
    void wipeCountOnWorker();

private:
    QTemporaryDir m_dir;
    QString m_big; // 300 companies
    QString m_container; // a .7z holding a copy of m_big's AT
};

void TestUiWorkers::initTestCase()
{
    QVERIFY(m_dir.isValid());
    TestSupport::isolateHome(m_dir.path());

    m_big = m_dir.filePath(QStringLiteral("trezentas"));
    const OperationError error = TestSupport::DemoFixture(300, 2, 30, 7).create(m_big);
    QVERIFY2(!error, qPrintable(error.message));

    const QString copy = m_dir.filePath(QStringLiteral("pacote/CopiaAT.zip"));
    QDir().mkpath(QFileInfo(copy).absolutePath());
    const auto backup = runCli({QStringLiteral("backup"), QStringLiteral("--root"), m_big,
                                QStringLiteral("--system"), QStringLiteral("AT"),
                                QStringLiteral("--output"), copy, QStringLiteral("--quiet")});
    QVERIFY2(backup.exitCode == 0, backup.standardError.constData());

    QString sevenZip;
    for (const auto &name : {QStringLiteral("7z"), QStringLiteral("7zz"), QStringLiteral("7za")}) {
        sevenZip = QStandardPaths::findExecutable(name);
        if (!sevenZip.isEmpty())
            break;
    }
    QVERIFY2(!sevenZip.isEmpty(), "7z is needed (packaging/install-deps.sh installs it)");
    m_container = m_dir.filePath(QStringLiteral("copia.7z"));
    const auto packed = runProcess(
        sevenZip,
        {QStringLiteral("a"), QStringLiteral("-bd"), QStringLiteral("-y"), m_container, copy});
    QVERIFY2(packed.exitCode == 0, packed.standardError.constData());
}

void TestUiWorkers::companiesLoadOnWorker()
{
    CompanyModel model;
    QSignalSpy loaded(&model, &CompanyModel::loaded);
    GuiThreadWatch counter;
    model.loadInstallation(m_big, QStringLiteral("AT"));
    QVERIFY(model.loading());
    QCOMPARE(model.rowCount(), 0); // nothing half-measured is shown
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 120000);
    counter.stop();
    VERIFY_RESPONSIVE(counter);
    QVERIFY(loaded.first().first().toBool());
    QVERIFY(!model.loading());

    OperationError error;
    const auto installation = Installation::open(m_big, &error);
    QVERIFY(installation);
    const auto infos = installation->companies(QStringLiteral("AT"));
    QCOMPARE(model.rowCount(), infos.size());
    QVERIFY2(model.rowCount() >= 200, "too few companies to show that the GUI thread would block");
    qint64 files = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row);
        QCOMPARE(index.data(CompanyModel::CodeRole).toString(), infos.at(row).code);
        const Totals expected = walkCompany(infos.at(row).path, 0);
        QCOMPARE(index.data(CompanyModel::BytesRole).toLongLong(), expected.bytes);
        QCOMPARE(index.data(CompanyModel::FilesRole).toLongLong(), expected.files);
        QCOMPARE(index.data(CompanyModel::YearsRole).value<QList<int>>(), expected.years);
        files += expected.files;
    }
    qInfo("300 companies, %lld files: %d ticks, longest gap %lld ms", files, counter.ticks(),
          counter.maxGapMs());
    QVERIFY2(files >= 10000, "too little data to show that the GUI thread would block");
}

void TestUiWorkers::newerLoadDropsOlderResult()
{
    CompanyModel model;
    QSignalSpy loaded(&model, &CompanyModel::loaded);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.loadInstallation(m_big, QStringLiteral("AT"));
    // The user went back and chose another system before the first ended.
    model.loadInstallation(m_big, QStringLiteral("CP"));
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 120000);
    OperationError error;
    const auto installation = Installation::open(m_big, &error);
    const auto cp = installation->companies(QStringLiteral("CP"));
    QCOMPARE(model.rowCount(), cp.size());
    QCOMPARE(model.index(0).data(CompanyModel::CodeRole).toString(), cp.first().code);
    // The first load's result, ready later, never replaces it.
    const int resets = reset.count();
    QTest::qWait(3000);
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(reset.count(), resets);
    QCOMPARE(model.rowCount(), cp.size());

    // clear() drops an unfinished load the same way.
    loaded.clear();
    model.loadInstallation(m_big, QStringLiteral("AT"));
    model.clear();
    QVERIFY(!model.loading());
    QTest::qWait(3000);
    QVERIFY(loaded.isEmpty());
    QCOMPARE(model.rowCount(), 0);
}

void TestUiWorkers::sizesFollowArchiveFromYear()
{
    // "Não Considera Arquivos Mortos": the list shows what a copy of the
    // years from the one chosen holds, the same as the backup plan.
    CompanyModel model;
    QVERIFY(loadAndWait(model, m_big, QStringLiteral("AT")));
    OperationError error;
    const auto installation = Installation::open(m_big, &error);
    QVERIFY(installation);
    const auto infos = installation->companies(QStringLiteral("AT"));
    const auto system = installation->system(QStringLiteral("AT"));
    QVERIFY(system);

    // The demo's years: the active ones and older ones in the arquivo morto.
    const Totals all = walkCompany(infos.first().path, 0);
    QVERIFY2(all.years.size() >= 3, "the demo has too few years to leave some out");
    const int from = all.years.at(all.years.size() - 2); // keeps the last two years

    QSignalSpy selection(&model, &CompanyModel::selectionChanged);
    QSignalSpy data(&model, &QAbstractItemModel::dataChanged);
    const qint64 selectedBefore = model.selectedBytes();
    model.setArchiveFromYear(from);
    QVERIFY(!data.isEmpty());
    QVERIFY(!selection.isEmpty());

    BackupOptions options;
    options.root = m_big;
    options.systemCode = QStringLiteral("AT");
    options.archiveFromYear = from;
    const BackupPlan plan = BackupPlan::make(*installation, *system, options);
    QCOMPARE(plan.companies.size(), model.rowCount());
    qint64 selected = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row);
        const Totals expected = walkCompany(infos.at(row).path, from);
        QCOMPARE(index.data(CompanyModel::BytesRole).toLongLong(), expected.bytes);
        QCOMPARE(index.data(CompanyModel::BytesRole).toLongLong(), plan.companies.at(row).bytes);
        QCOMPARE(index.data(CompanyModel::FilesRole).toLongLong(), expected.files);
        QCOMPARE(index.data(CompanyModel::FilesRole).toLongLong(),
                 plan.companies.at(row).files.size());
        QCOMPARE(index.data(CompanyModel::YearsRole).value<QList<int>>(), expected.years);
        QCOMPARE(index.data(CompanyModel::YearsRole).value<QList<int>>(),
                 plan.companies.at(row).years);
        QVERIFY(expected.years.first() >= from);
        selected += expected.bytes;
    }
    QCOMPARE(model.selectedBytes(), selected);
    QVERIFY(selected < selectedBefore);
    QCOMPARE(model.index(0).data(CompanyModel::YearsTextRole).toString(),
             QString::number(from) + u'\u2013' + QString::number(all.years.last()));

    // Turned off again: every year, as measured.
    model.setArchiveFromYear(0);
    QCOMPARE(model.selectedBytes(), selectedBefore);
    QCOMPARE(model.index(0).data(CompanyModel::BytesRole).toLongLong(), all.bytes);
    QCOMPARE(model.index(0).data(CompanyModel::YearsRole).value<QList<int>>(), all.years);
}

void TestUiWorkers::containerOpensOnWorker()
{
    RestoreSettings settings;
    settings.setRoot(m_big);
    QSignalSpy opened(&settings, &RestoreSettings::copyOpened);
    GuiThreadWatch counter;
    settings.openCopy(m_container);
    QVERIFY(settings.opening());
    QCOMPARE(settings.openingName(), QStringLiteral("copia.7z"));
    QVERIFY(!settings.valid()); // nothing can go on with a copy half open
    QTRY_VERIFY_WITH_TIMEOUT(!opened.isEmpty(), 120000);
    // Then the plan, which reads the whole installation, on a worker too.
    QVERIFY(settings.planning());
    QVERIFY(!settings.valid());
    // And the comparison with the installation's newest data, which the
    // confirmation needs: valid() waits for both.
    QTRY_VERIFY_WITH_TIMEOUT(!settings.planning() && !settings.checkingNewerData(), 120000);
    counter.stop();
    VERIFY_RESPONSIVE(counter);
    qInfo("a .7z of 300 companies: %d ticks, longest gap %lld ms", counter.ticks(),
          counter.maxGapMs());
    QVERIFY2(opened.first().first().toBool(), qPrintable(settings.copyError()));
    QVERIFY(!settings.opening());
    QVERIFY(settings.copyOpen());
    QCOMPARE(settings.copySystemCode(), QStringLiteral("AT"));
    OperationError error;
    const auto installation = Installation::open(m_big, &error);
    const int companies = int(installation->companies(QStringLiteral("AT")).size());
    QVERIFY(companies >= 200);
    QCOMPARE(settings.companies()->rowCount(), companies);
    // Every company of the copy is already in the installation it came from.
    QCOMPARE(settings.companies()->existingCount(), companies);
    QCOMPARE(settings.plan()->replacedCount(), companies);
    QVERIFY2(settings.valid(), qPrintable(settings.validationError()));

    // A change of choice plans again on the worker; a newer change drops
    // the plan of the older one.
    GuiThreadWatch again;
    settings.companies()->setSelected(0, false);
    settings.updatePlan();
    QVERIFY(settings.planning());
    settings.companies()->setSelected(1, false);
    settings.updatePlan();
    QTRY_VERIFY_WITH_TIMEOUT(!settings.planning(), 120000);
    again.stop();
    VERIFY_RESPONSIVE(again);
    QCOMPARE(settings.plan()->replacedCount(), companies - 2);
}

void TestUiWorkers::closingDropsUnfinishedOpening()
{
    RestoreSettings settings;
    settings.setRoot(m_big);
    QSignalSpy opened(&settings, &RestoreSettings::copyOpened);
    settings.openCopy(m_container);
    QVERIFY(settings.opening());
    settings.closeCopy(); // the user tapped another file, or left
    QVERIFY(!settings.opening());
    QTest::qWait(3000);
    QVERIFY(opened.isEmpty());
    QVERIFY(!settings.copyOpen());
    QCOMPARE(settings.companies()->rowCount(), 0);

    // A damaged file chosen after a good one: only the last answer counts.
    const QString damaged = m_dir.filePath(QStringLiteral("danificada.7z"));
    QFile file(damaged);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'x'));
    file.close();
    settings.openCopy(m_container);
    settings.openCopy(damaged);
    QTRY_VERIFY_WITH_TIMEOUT(!opened.isEmpty(), 120000);
    QTest::qWait(2000);
    QCOMPARE(opened.count(), 1);
    QCOMPARE(opened.first().first().toBool(), false);
    QVERIFY(!settings.copyOpen());
    QVERIFY(!settings.copyError().isEmpty());
}

void TestUiWorkers::demoIsCreatedOnWorker()
{
    AppController app;
    QVERIFY(app.demoRoot().startsWith(m_dir.path()));
    QSignalSpy created(&app, &AppController::demoCreated);
    GuiThreadWatch counter;
    app.createDemo();
    QVERIFY(app.creatingDemo());
    QTRY_VERIFY_WITH_TIMEOUT(!created.isEmpty(), 180000);
    counter.stop();
    VERIFY_RESPONSIVE(counter);
    qInfo("the demo: %d ticks, longest gap %lld ms", counter.ticks(), counter.maxGapMs());
    QVERIFY2(created.first().first().toBool(), qPrintable(app.installationError()));
    QVERIFY(!app.creatingDemo());
    QCOMPARE(app.root(), app.demoRoot());
    QVERIFY(!QFileInfo::exists(app.demoRoot() + QStringLiteral(".parcial")));
    CompanyModel companies;
    QVERIFY(loadAndWait(companies, app.root(), app.systemCode()));
    QCOMPARE(companies.rowCount(), 12);
}

void TestUiWorkers::wipeCountOnWorker()
{
    const QString pen = m_dir.filePath(QStringLiteral("pen"));
    const TmpfsMount disk(pen, 256 * 1024 * 1024);
    if (!disk.isMounted())
        QSKIP(qPrintable(QStringLiteral("mounting a tmpfs is not permitted here (%1); the count "
                                        "of a removable disk's files is not tested")
                             .arg(disk.error())));
    // More files than the count goes to: it stops at 100,000.
    constexpr int folders = 101, perFolder = 1000;
    for (int f = 0; f < folders; ++f) {
        const QString folder = pen + QStringLiteral("/pasta%1").arg(f);
        QVERIFY(QDir().mkpath(folder));
        for (int i = 0; i < perFolder; ++i) {
            QFile file(folder + QStringLiteral("/%1.txt").arg(i));
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
    }
    Volume::setRemovableMountsForTesting({pen});
    BackupSettings settings;
    settings.setRoot(m_big);
    QSignalSpy changed(&settings, &BackupSettings::changed);
    GuiThreadWatch counter;
    settings.setDestinationFolder(pen);
    QVERIFY(settings.canWipeDestination());
    QVERIFY(settings.countingWipeFiles());
    settings.setWipeDestination(true);
    QVERIFY(!settings.valid()); // the confirmation waits for the count
    QTRY_VERIFY_WITH_TIMEOUT(!settings.countingWipeFiles(), 120000);
    counter.stop();
    Volume::setRemovableMountsForTesting({});
    VERIFY_RESPONSIVE(counter);
    qInfo("counting 100,000 files: %d ticks, longest gap %lld ms", counter.ticks(),
          counter.maxGapMs());
    QCOMPARE(settings.wipeFileCount(), 100000);
}

QTEST_GUILESS_MAIN(TestUiWorkers)
#include "tst_uiworkers.moc"
