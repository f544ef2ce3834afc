// SPDX-License-Identifier: GPL-3.0-or-later
// The list models QML sees (Resguarda.Backend), on real data: a demo
// installation, real copies written by BackupJob and a real restore's safety
// copy, real mounted volumes. Every model runs under QAbstractItemModelTester
// while it is loaded, filtered, toggled and cleared.

#include "backup/backupjob.h"
#include "copy/copyreader.h"
#include "core/filesystem.h"
#include "history/history.h"
#include "installation/installation.h"
#include "installation/installationid.h"
#include "restore/restorejob.h"
#include "restore/restoreplan.h"
#include "storage/volume.h"
#include "support/demofixture.h"
#include "support/makecopy.h"
#include "support/testinstallation.h"
#include "support/tmpfsmount.h"
#include "support/uiwait.h"
#include "ui/companymodel.h"
#include "ui/drivesmodel.h"
#include "ui/historymodel.h"
#include "ui/restoreplanmodel.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#ifdef Q_OS_LINUX
#include <sys/mount.h>
#include <unistd.h>
#endif

using namespace Resguarda;
using namespace TestSupport;
using namespace Qt::StringLiterals;

namespace {

constexpr auto testerMode = QAbstractItemModelTester::FailureReportingMode::QtTest;

// Size and number of the regular files below dir, walked without the backend.
qint64 folderBytes(const QString &dir, qint64 *files = nullptr)
{
    qint64 bytes = 0;
    qint64 count = 0;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::NoSymLinks,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        bytes += it.fileInfo().size();
        ++count;
    }
    if (files)
        *files = count;
    return bytes;
}

// Years of the dated tables below a company folder, read from the folder names.
QList<int> folderYears(const QString &dir)
{
    static const QRegularExpression dated(
        u"^(?:morto/)?(?:anual/(\\d{4})|mensal/(\\d{4})-(?:0[1-9]|1[0-2]))/.+"_s);
    QList<int> years;
    const QDir base(dir);
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::NoSymLinks,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const auto match = dated.match(base.relativeFilePath(it.filePath()));
        if (!match.hasMatch())
            continue;
        const int year
            = (match.capturedView(1).isEmpty() ? match.capturedView(2) : match.capturedView(1))
                  .toInt();
        if (!years.contains(year))
            years.append(year);
    }
    std::sort(years.begin(), years.end());
    return years;
}

// HistoryModel reads the copies on a worker: wait until it delivered.
bool waitUntilRead(HistoryModel &model)
{
    return QTest::qWaitFor([&] { return !model.busy(); }, 60000);
}

QStringList column(const QAbstractItemModel &model, int role)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values << model.index(row, 0).data(role).toString();
    return values;
}

int rowOfCode(const QAbstractItemModel &model, const QString &code, int role)
{
    return int(column(model, role).indexOf(code));
}

QString onlyDigits(QString text)
{
    return text.remove(QRegularExpression(u"[^0-9]"_s));
}

QDateTime localTime(int year, int month, int day, int hour, int minute)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute));
}

// The 5,000-company installation: what each company is made of, to check
// the models against without the models' own code.
struct SyntheticCompany
{
    QString code;
    QString asciiName; // the name without accents, lower case
    QString cnpj;
    qint64 bytes = 0;
    bool hasYear = false;
};

const char16_t *const syntheticKinds[]
    = {u"Açougue", u"Padaria", u"Ótica", u"Mercearia", u"Farmácia"};
const char *const syntheticAsciiKinds[] = {"acougue", "padaria", "otica", "mercearia", "farmacia"};

qint64 writeBytes(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return -1;
    return file.write(data);
}

} // namespace

class TestUiModels : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_root;
    QString m_fullCopy; // CopiaCP.zip: every company of CP, with templates
    QString m_safetyCopy;
    QString m_damaged;
    QList<SyntheticCompany> m_synthetic;
    QString m_syntheticRoot;
    QLocale m_previousLocale;

    QString companyDir(const QString &root, const QString &code) const
    {
        return root + u"/CP/empresas/"_s + code;
    }

    QString backup(BackupOptions options)
    {
        options.root = m_root;
        options.systemCode = u"CP"_s;
        return makeCopy(options);
    }

    Manifest manifestOf(const QString &copyPath)
    {
        OperationError error;
        const auto reader = CopyReader::open(copyPath, &error);
        if (!reader) {
            qWarning() << error.message;
            return {};
        }
        // With the file list the copy's central directory gives, for the
        // sums the checks below make.
        Manifest manifest = reader->manifest();
        manifest.entries = TestSupport::copyEntries(*reader);
        return manifest;
    }

    std::optional<RestorePlan> planFor(const QString &root, const QStringList &companies,
                                       bool replaceAll, bool templates)
    {
        OperationError error;
        const auto installation = Installation::open(root, &error);
        if (!installation) {
            qWarning() << error.message;
            return std::nullopt;
        }
        RestoreOptions options;
        options.copyPath = m_fullCopy;
        options.root = root;
        options.companies = companies;
        options.replaceAll = replaceAll;
        options.templates = templates;
        auto plan = RestorePlan::make(manifestOf(m_fullCopy), *installation, options, &error);
        if (!plan)
            qWarning() << error.message;
        return plan;
    }

    // CP of m_root without company 0006 and without templates.
    QString installationMissing0006()
    {
        const QString root = m_dir.filePath(u"sem-0006"_s);
        if (!QFileInfo::exists(root)) {
            if (!copyTree(m_root + u"/CP/empresas"_s, root + u"/CP/empresas"_s)
                || !QFile::copy(m_root + u"/sistemas.json"_s, root + u"/sistemas.json"_s))
                return {};
            QDir(companyDir(root, u"0006"_s)).removeRecursively();
        }
        return root;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_previousLocale = QLocale();
        m_root = m_dir.filePath(u"instalacao"_s);
        const OperationError created = DemoFixture(6, 3, 4, 3, 2025).create(m_root);
        QVERIFY2(!created, qPrintable(created.message));
        // The cases below rely on these companies of CP.
        QCOMPARE(QDir(m_root + u"/CP/empresas"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot),
                 QStringList({u"0001"_s, u"0002"_s, u"0003"_s, u"0004"_s, u"0005"_s, u"0006"_s}));

        // The copies the history lists, each made the way the app makes it.
        BackupOptions full;
        full.templates = true;
        full.now = localTime(2025, 11, 25, 10, 0);
        m_fullCopy = backup(full);
        QCOMPARE(QFileInfo(m_fullCopy).fileName(), u"CopiaCP.zip"_s);

        BackupOptions wednesday;
        wednesday.rotation = BackupOptions::Rotation::Weekday;
        wednesday.now = localTime(2025, 11, 26, 15, 30);
        QCOMPARE(QFileInfo(backup(wednesday)).fileName(), u"CopiaCP-quarta.zip"_s);

        BackupOptions monday;
        monday.rotation = BackupOptions::Rotation::Weekday;
        monday.companies = QStringList {u"0001"_s};
        monday.now = localTime(2025, 11, 24, 9, 0);
        QCOMPARE(QFileInfo(backup(monday)).fileName(), u"CopiaCP-segunda.zip"_s);

        BackupOptions extra;
        extra.extraLabel = u"Fechamento Março"_s;
        extra.companies = QStringList {u"0002"_s};
        extra.now = localTime(2025, 11, 20, 10, 0);
        QCOMPARE(QFileInfo(backup(extra)).fileName(),
                 u"CopiaCP-extra-Fechamento-Marco-2025-11-20-1000.zip"_s);

        // A real restore of one company writes the safety copy beside the others.
        RestoreOptions restore;
        restore.copyPath = m_fullCopy;
        restore.root = m_root;
        restore.companies = QStringList {u"0001"_s};
        restore.now = localTime(2025, 11, 27, 8, 0);
        RestoreJob job(restore);
        const OperationError restored = job.run();
        QVERIFY2(!restored, qPrintable(restored.message));
        m_safetyCopy = job.safetyCopyPath();
        QVERIFY(QFileInfo(m_safetyCopy).fileName().contains(u"-antes-da-restauracao-"_s));

        // Not copies, or not readable ones.
        m_damaged = m_root + u"/Copias/CopiaCP-danificada.zip"_s;
        QVERIFY(writeBytes(m_damaged, "isto não é um ZIP") > 0);
        QFile damaged(m_damaged);
        QVERIFY(damaged.open(QIODevice::ReadWrite));
        QVERIFY(
            damaged.setFileTime(localTime(2025, 11, 28, 12, 0), QFileDevice::FileModificationTime));
        damaged.close();
        QVERIFY(writeBytes(m_root + u"/Copias/.CopiaCP-terca.zip.resguarda-parcial"_s, "parcial")
                > 0);
        QVERIFY(QFile::copy(m_fullCopy, m_root + u"/Copias/outro-arquivo.zip"_s));
    }

    void cleanupTestCase() { QLocale::setDefault(m_previousLocale); }

    void cleanup() { QLocale::setDefault(m_previousLocale); }

    // --- CompanyModel ---

    void companySizesAndYearsComeFromTheFolders()
    {
        CompanyModel model;
        QAbstractItemModelTester tester(&model, testerMode);
        QSignalSpy count(&model, &CompanyModel::countChanged);
        QVERIFY(loadAndWait(model, m_root, u"CP"_s));
        // Emptied when the load starts, filled when it ends.
        QCOMPARE(count.count(), 2);
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.codes(),
                 QStringList({u"0001"_s, u"0002"_s, u"0003"_s, u"0004"_s, u"0005"_s, u"0006"_s}));
        qint64 total = 0;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex index = model.index(row);
            const QString dir = companyDir(m_root, index.data(CompanyModel::CodeRole).toString());
            qint64 files = 0;
            const qint64 bytes = folderBytes(dir, &files);
            QVERIFY(bytes > 0);
            QCOMPARE(index.data(CompanyModel::BytesRole).toLongLong(), bytes);
            QCOMPARE(index.data(CompanyModel::FilesRole).toLongLong(), files);
            const QList<int> years = folderYears(dir);
            QVERIFY(years.size() >= 4); // three active years and some archived ones
            QCOMPARE(years.last(), 2025);
            QCOMPARE(index.data(CompanyModel::YearsRole).value<QList<int>>(), years);
            QCOMPARE(index.data(CompanyModel::YearsTextRole).toString(),
                     u"%1\u2013%2"_s.arg(years.first()).arg(years.last()));
            QCOMPARE(index.data(CompanyModel::SelectedRole).toBool(), true);
            QCOMPARE(index.data(CompanyModel::ExistsInInstallationRole).toBool(), false);
            total += bytes;
        }
        QCOMPARE(model.index(2).data(CompanyModel::NameRole).toString(),
                 u"Açougue Boa Esperança ME"_s);
        QCOMPARE(model.index(2).data(CompanyModel::CnpjRole).toString(), u"13.568.149/0001-13"_s);
        QCOMPARE(model.selectedCount(), 6);
        QCOMPARE(model.selectedBytes(), total);
        QVERIFY(model.allSelected());
        QCOMPARE(model.existingCount(), 0);

        // Sizes in the locale's words.
        QLocale::setDefault(QLocale(QLocale::Portuguese, QLocale::Brazil));
        const qint64 bytes = model.index(0).data(CompanyModel::BytesRole).toLongLong();
        QVERIFY(bytes > 1024 && bytes < 1024 * 1024);
        QCOMPARE(model.index(0).data(CompanyModel::SizeTextRole).toString(),
                 u"%1\u00a0kB"_s.arg(QLocale().toString(bytes / 1024.0, 'f', 1)));
        QVERIFY(model.index(0).data(CompanyModel::SizeTextRole).toString().contains(u','));

        // Another system of the same installation, then a failure that empties.
        QVERIFY(loadAndWait(model, m_root, u"AT"_s));
        QCOMPARE(model.codes(), QStringList({u"0001"_s, u"0002"_s, u"0003"_s, u"0005"_s}));
        QVERIFY(!loadAndWait(model, m_root, u"XX"_s));
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.selectedCount(), 0);
        QCOMPARE(model.selectedBytes(), 0);
        QVERIFY(!model.allSelected());
        QVERIFY(loadAndWait(model, m_root, u"cp"_s)); // codes are case-insensitive
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.index(0).data(CompanyModel::BytesRole).toLongLong(),
                 folderBytes(companyDir(m_root, u"0001"_s)));
        QVERIFY(!loadAndWait(model, m_dir.filePath(u"nada"_s), u"CP"_s));
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.roleNames().value(CompanyModel::SelectedRole), QByteArray("selected"));
    }

    void companyFilterFindsCodesNamesAndCnpjs_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QStringList>("codes");
        const QStringList all {u"0001"_s, u"0002"_s, u"0003"_s, u"0004"_s, u"0005"_s, u"0006"_s};
        QTest::newRow("empty") << QString() << all;
        QTest::newRow("blank") << u"   "_s << all;
        QTest::newRow("code") << u"0003"_s << QStringList {u"0003"_s};
        QTest::newRow("code prefix") << u"000"_s << all;
        // Digits are a code and a CNPJ fragment at once: 0005's CNPJ is 29.406.783/0001-90.
        QTest::newRow("code or cnpj") << u"06"_s << QStringList {u"0005"_s, u"0006"_s};
        QTest::newRow("accented") << u"Açougue"_s << QStringList {u"0003"_s};
        QTest::newRow("unaccented") << u"acougue"_s << QStringList {u"0003"_s};
        QTest::newRow("upper case") << u"AÇOUGUE"_s << QStringList {u"0003"_s};
        QTest::newRow("middle of a name") << u"esperanca"_s << QStringList {u"0003"_s};
        QTest::newRow("two words") << u"  sao   joao "_s << QStringList {u"0001"_s};
        QTest::newRow("words in any order") << u"esperança açougue"_s << QStringList {u"0003"_s};
        QTest::newRow("capital accent") << u"angelo"_s << QStringList {u"0002"_s};
        QTest::newRow("accent typed, none in name") << u"lúz"_s << QStringList {u"0006"_s};
        QTest::newRow("several") << u"ltda"_s
                                 << QStringList {u"0001"_s, u"0002"_s, u"0004"_s, u"0006"_s};
        QTest::newRow("cnpj digits") << u"13568149"_s << QStringList {u"0003"_s};
        QTest::newRow("cnpj punctuated") << u"13.568.149"_s << QStringList {u"0003"_s};
        QTest::newRow("whole cnpj") << u"13.568.149/0001-13"_s << QStringList {u"0003"_s};
        QTest::newRow("cnpj across punctuation") << u"149/0001"_s << QStringList {u"0003"_s};
        QTest::newRow("cnpj end") << u"0001-90"_s << QStringList {u"0005"_s};
        QTest::newRow("nothing") << u"xyz"_s << QStringList();
        QTest::newRow("letters are not cnpj digits") << u"a13568149"_s << QStringList();
    }

    void companyFilterFindsCodesNamesAndCnpjs()
    {
        QFETCH(QString, filter);
        QFETCH(QStringList, codes);
        CompanyModel model;
        CompanyFilterModel filtered;
        QAbstractItemModelTester sourceTester(&model, testerMode);
        QAbstractItemModelTester tester(&filtered, testerMode);
        filtered.setCompanies(&model);
        QVERIFY(loadAndWait(model, m_root, u"CP"_s));
        QCOMPARE(filtered.rowCount(), 6);
        QSignalSpy countSpy(&filtered, &CompanyFilterModel::countChanged);
        QSignalSpy textSpy(&filtered, &CompanyFilterModel::filterTextChanged);
        filtered.setFilterText(filter);
        QCOMPARE(textSpy.count(), filter.isEmpty() ? 0 : 1);
        QCOMPARE(filtered.filterText(), filter);
        QCOMPARE(column(filtered, CompanyModel::CodeRole), codes);
        QCOMPARE(filtered.property("count").toInt(), codes.size());
        QCOMPARE(countSpy.isEmpty(), codes.size() == 6);
        // Each visible row maps back to its company.
        for (int row = 0; row < filtered.rowCount(); ++row)
            QCOMPARE(model.index(filtered.sourceRow(row)).data(CompanyModel::CodeRole).toString(),
                     codes.at(row));
        QCOMPARE(filtered.sourceRow(filtered.rowCount()), -1);
        QCOMPARE(filtered.sourceRow(-1), -1);
    }

    void companyFilterFollowsReloads()
    {
        CompanyModel model;
        CompanyFilterModel filtered;
        QAbstractItemModelTester tester(&filtered, testerMode);
        QSignalSpy companiesSpy(&filtered, &CompanyFilterModel::companiesChanged);
        filtered.setFilterText(u"sao joao"_s);
        filtered.setCompanies(&model);
        QCOMPARE(companiesSpy.count(), 1);
        QCOMPARE(filtered.companies(), &model);
        QCOMPARE(filtered.rowCount(), 0);
        QSignalSpy countSpy(&filtered, &CompanyFilterModel::countChanged);
        QVERIFY(loadAndWait(model, m_root, u"CP"_s));
        QVERIFY(!countSpy.isEmpty());
        QCOMPARE(column(filtered, CompanyModel::CodeRole), QStringList {u"0001"_s});
        // The cache of folded names follows the new rows (here, a manifest's).
        filtered.setFilterText(u"transportes"_s);
        QCOMPARE(column(filtered, CompanyModel::CodeRole), QStringList {u"0004"_s});
        model.loadManifest(manifestOf(m_root + u"/Copias/CopiaCP-segunda.zip"_s), m_root);
        QCOMPARE(filtered.rowCount(), 0);
        filtered.setFilterText(u"padaria"_s);
        QCOMPARE(column(filtered, CompanyModel::CodeRole), QStringList {u"0001"_s});
        QVERIFY(loadAndWait(model, m_root, u"AT"_s));
        filtered.setFilterText(u"farmacia"_s);
        QCOMPARE(column(filtered, CompanyModel::CodeRole), QStringList {u"0005"_s});
        countSpy.clear();
        model.clear();
        QCOMPARE(filtered.rowCount(), 0);
        QVERIFY(!countSpy.isEmpty());
        {
            CompanyModel other;
            QVERIFY(loadAndWait(other, m_root, u"LF"_s));
            filtered.setCompanies(&other);
            QCOMPARE(column(filtered, CompanyModel::CodeRole), QStringList());
            filtered.setFilterText(u"comercio"_s);
            QCOMPARE(column(filtered, CompanyModel::CodeRole), QStringList {u"0006"_s});
        }
        // The source is gone: nothing left to show, and no dangling pointer.
        QCOMPARE(filtered.companies(), nullptr);
        QCOMPARE(filtered.rowCount(), 0);
        filtered.selectVisible(false);
    }

    void foldForSearchDropsAccentsAndCase()
    {
        QCOMPARE(CompanyFilterModel::foldForSearch(u"Açougue Boa Esperança ME"_s),
                 u"acougue boa esperanca me"_s);
        QCOMPARE(CompanyFilterModel::foldForSearch(u"CONSTRUÇÕES ÂNGELO"_s),
                 u"construcoes angelo"_s);
        QCOMPARE(CompanyFilterModel::foldForSearch(u"Ótica Visão, Mãe & Filhos"_s),
                 u"otica visao, mae & filhos"_s);
        // Already decomposed input (as macOS file names come) folds the same.
        QCOMPARE(CompanyFilterModel::foldForSearch(u"Sa\u0303o Joa\u0303o"_s), u"sao joao"_s);
        QCOMPARE(CompanyFilterModel::foldForSearch(QString()), QString());
    }

    void companySelection()
    {
        CompanyModel model;
        CompanyFilterModel filtered;
        QAbstractItemModelTester sourceTester(&model, testerMode);
        QAbstractItemModelTester tester(&filtered, testerMode);
        filtered.setCompanies(&model);
        QVERIFY(loadAndWait(model, m_root, u"CP"_s));
        QList<qint64> bytes;
        qint64 total = 0;
        for (int row = 0; row < 6; ++row) {
            bytes << folderBytes(companyDir(m_root, model.codes().at(row)));
            total += bytes.last();
        }
        QCOMPARE(model.selectedBytes(), total);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy selection(&model, &CompanyModel::selectionChanged);
        model.toggle(2);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 2);
        QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 2);
        QVERIFY(changed.at(0).at(2).value<QList<int>>().contains(CompanyModel::SelectedRole));
        QCOMPARE(selection.count(), 1);
        QCOMPARE(model.selectedCount(), 5);
        QCOMPARE(model.selectedBytes(), total - bytes[2]);
        QVERIFY(!model.allSelected());
        QCOMPARE(model.index(2).data(CompanyModel::SelectedRole).toBool(), false);

        // No change, no signal.
        model.setSelected(2, false);
        model.setSelected(-1, true);
        model.setSelected(6, false);
        model.toggle(99);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(selection.count(), 1);

        // The way QML's check box writes it.
        QVERIFY(model.setData(model.index(4), false, CompanyModel::SelectedRole));
        QVERIFY(!model.setData(model.index(4), u"x"_s, CompanyModel::NameRole));
        QVERIFY(model.flags(model.index(4)).testFlag(Qt::ItemIsEditable));
        QCOMPARE(model.selectedCount(), 4);
        QCOMPARE(model.selectedBytes(), total - bytes[2] - bytes[4]);
        QCOMPARE(model.selectedCodes(), QStringList({u"0001"_s, u"0002"_s, u"0004"_s, u"0006"_s}));
        model.toggle(2);
        QCOMPARE(model.selectedCount(), 5);
        QCOMPARE(model.selectedBytes(), total - bytes[4]);

        changed.clear();
        selection.clear();
        model.selectAll(false);
        QCOMPARE(selection.count(), 1);
        QCOMPARE(model.selectedCount(), 0);
        QCOMPARE(model.selectedBytes(), 0);
        QCOMPARE(model.selectedCodes(), QStringList());
        QVERIFY(!model.allSelected());
        // Rows 0–3 and 5 changed (row 4 already was clear): two runs.
        QCOMPARE(changed.count(), 2);
        model.selectAll(true);
        QCOMPARE(model.selectedCount(), 6);
        QCOMPARE(model.selectedBytes(), total);
        QVERIFY(model.allSelected());
        selection.clear();
        model.selectAll(true);
        QCOMPARE(selection.count(), 0);

        // Only what the search shows.
        filtered.setFilterText(u"ltda"_s);
        QCOMPARE(filtered.rowCount(), 4);
        filtered.selectVisible(false);
        QCOMPARE(model.selectedCodes(), QStringList({u"0003"_s, u"0005"_s}));
        QCOMPARE(model.selectedCount(), 2);
        QCOMPARE(model.selectedBytes(), bytes[2] + bytes[4]);
        QCOMPARE(filtered.rowCount(), 4); // selection does not filter
        QCOMPARE(filtered.index(0, 0).data(CompanyModel::SelectedRole).toBool(), false);
        filtered.setFilterText(u"acougue"_s);
        filtered.selectVisible(false);
        QCOMPARE(model.selectedCodes(), QStringList({u"0005"_s}));
        filtered.setFilterText(u"joao"_s);
        model.toggle(filtered.sourceRow(0));
        QCOMPARE(model.selectedCodes(), QStringList({u"0001"_s, u"0005"_s}));
        filtered.setFilterText(QString());
        filtered.selectVisible(true);
        QVERIFY(model.allSelected());
        QCOMPARE(model.selectedBytes(), total);

        // A reload selects everything again, as the procedure does.
        model.selectAll(false);
        QVERIFY(loadAndWait(model, m_root, u"CP"_s));
        QCOMPARE(model.selectedCount(), 6);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.selectedCount(), 0);
        QCOMPARE(model.selectedBytes(), 0);
    }

    void companiesOfAManifest()
    {
        const Manifest manifest = manifestOf(m_fullCopy);
        QCOMPARE(manifest.companies.size(), 6);
        CompanyModel model;
        QAbstractItemModelTester tester(&model, testerMode);
        model.loadManifest(manifest, m_root);
        QCOMPARE(model.codes(),
                 QStringList({u"0001"_s, u"0002"_s, u"0003"_s, u"0004"_s, u"0005"_s, u"0006"_s}));
        QCOMPARE(model.existingCount(), 6);
        for (int row = 0; row < 6; ++row) {
            const QModelIndex index = model.index(row);
            const ManifestCompany &company = manifest.companies.at(row);
            QCOMPARE(index.data(CompanyModel::NameRole).toString(), company.name);
            QCOMPARE(index.data(CompanyModel::CnpjRole).toString(), company.cnpj);
            QCOMPARE(index.data(CompanyModel::BytesRole).toLongLong(), company.bytes);
            QCOMPARE(index.data(CompanyModel::FilesRole).toLongLong(), company.files);
            QCOMPARE(index.data(CompanyModel::YearsRole).value<QList<int>>(), company.years);
            QVERIFY(index.data(CompanyModel::ExistsInInstallationRole).toBool());
        }
        QCOMPARE(model.selectedCount(), 6);

        // Against an installation without 0006, only that one is new.
        const QString other = installationMissing0006();
        QVERIFY(!other.isEmpty());
        QSignalSpy count(&model, &CompanyModel::countChanged);
        model.loadManifest(manifest, other);
        QCOMPARE(count.count(), 1);
        QCOMPARE(model.existingCount(), 5);
        QCOMPARE(model.index(5).data(CompanyModel::ExistsInInstallationRole).toBool(), false);
        QCOMPARE(model.index(4).data(CompanyModel::ExistsInInstallationRole).toBool(), true);
        // No installation given, or not one: nothing exists.
        model.loadManifest(manifest, QString());
        QCOMPARE(model.existingCount(), 0);
        model.loadManifest(manifest, m_dir.filePath(u"nada"_s));
        QCOMPARE(model.existingCount(), 0);
        QCOMPARE(model.rowCount(), 6);
        model.clear();
        QCOMPARE(model.existingCount(), 0);
    }

    void fiveThousandCompanies()
    {
        // A synthetic installation: empresa.json and one tiny file each.
        m_syntheticRoot = m_dir.filePath(u"cinco-mil"_s);
        QVERIFY(writeBytes(m_syntheticRoot + u"/sistemas.json"_s,
                           R"({"formato": 1, "sistemas": [{"codigo": "XX", "nome": "Teste"}]})")
                > 0);
        m_synthetic.clear();
        for (int i = 1; i <= 5000; ++i) {
            SyntheticCompany company;
            company.code = u"%1"_s.arg(i, 4, 10, QChar(u'0'));
            const int kind = i % 5;
            const QString name
                = QString::fromUtf16(syntheticKinds[kind]) + u" Filial "_s + QString::number(i);
            company.asciiName = QString::fromLatin1(syntheticAsciiKinds[kind]) + u" filial "_s
                + QString::number(i);
            const QString digits = u"%1"_s.arg((i * 7919) % 100000000, 8, 10, QChar(u'0'));
            company.cnpj
                = u"%1.%2.%3/0001-%4"_s.arg(digits.mid(0, 2), digits.mid(2, 3), digits.mid(5, 3))
                      .arg(i % 100, 2, 10, QChar(u'0'));
            const QString dir = m_syntheticRoot + u"/XX/empresas/"_s + company.code;
            const QJsonObject json {
                {u"codigo"_s, company.code}, {u"razaoSocial"_s, name}, {u"cnpj"_s, company.cnpj}};
            const qint64 jsonBytes
                = writeBytes(dir + u"/empresa.json"_s, QJsonDocument(json).toJson());
            company.hasYear = i % 3 == 0;
            const qint64 tinyBytes = writeBytes(
                dir + (company.hasYear ? u"/anual/2024/saldos.dat"_s : u"/cadastro.dat"_s),
                QByteArray(1 + i % 7, 'x'));
            QVERIFY(jsonBytes > 0 && tinyBytes > 0);
            company.bytes = jsonBytes + tinyBytes;
            m_synthetic.append(company);
        }

        CompanyModel model;
        CompanyFilterModel filtered;
        filtered.setCompanies(&model);
        QElapsedTimer timer;
        auto elapsedMs = [&timer] {
            return QString::number(timer.nsecsElapsed() / 1e6, 'f', 2);
        };
        timer.start();
        QVERIFY(loadAndWait(model, m_syntheticRoot, u"XX"_s));
        const QString loadMs = elapsedMs();
        QCOMPARE(model.rowCount(), 5000);
        QCOMPARE(filtered.rowCount(), 5000);
        qint64 total = 0;
        for (int row = 0; row < 5000; ++row) {
            const SyntheticCompany &expected = m_synthetic.at(row);
            const QModelIndex index = model.index(row);
            QCOMPARE(index.data(CompanyModel::CodeRole).toString(), expected.code);
            QCOMPARE(index.data(CompanyModel::CnpjRole).toString(), expected.cnpj);
            QCOMPARE(index.data(CompanyModel::BytesRole).toLongLong(), expected.bytes);
            QCOMPARE(index.data(CompanyModel::FilesRole).toLongLong(), 2);
            QCOMPARE(index.data(CompanyModel::YearsTextRole).toString(),
                     expected.hasYear ? u"2024"_s : QString());
            total += expected.bytes;
        }
        QCOMPARE(model.selectedBytes(), total);

        // Typing "açougue" one key at a time, as on the kiosk's keyboard.
        const QString typed = u"açougue"_s;
        QStringList keystrokes;
        for (int length = 1; length <= typed.size(); ++length) {
            timer.start();
            filtered.setFilterText(typed.left(length));
            const QString ms = elapsedMs();
            keystrokes
                << u"\"%1\" %2 ms (%3 rows)"_s.arg(typed.left(length), ms).arg(filtered.rowCount());
        }
        QCOMPARE(filtered.rowCount(), 1000);
        for (int row = 0; row < filtered.rowCount(); ++row)
            QVERIFY(m_synthetic.at(filtered.sourceRow(row)).asciiName.startsWith(u"acougue "_s));

        // Every other kind of search, checked against a plain scan.
        auto expectedCodes = [&](const QString &filter) {
            const QStringList words = filter.toLower().split(u' ', Qt::SkipEmptyParts);
            const bool numeric = !filter.contains(QRegularExpression(u"[^0-9./ -]"_s));
            QStringList codes;
            for (const auto &company : std::as_const(m_synthetic)) {
                bool match = company.code.contains(filter);
                match = match || std::all_of(words.begin(), words.end(), [&](const QString &w) {
                            return company.asciiName.contains(w);
                        });
                match = match || (numeric && onlyDigits(company.cnpj).contains(onlyDigits(filter)));
                if (match)
                    codes << company.code;
            }
            return codes;
        };
        const QString someCnpj = m_synthetic.at(4241).cnpj;
        const QStringList searches {u"acougue filial 12"_s,
                                    u"otica 4997"_s,
                                    u"0042"_s,
                                    u"farmacia 3"_s,
                                    someCnpj.left(10),
                                    onlyDigits(someCnpj.left(10)),
                                    someCnpj};
        QStringList searchTimes;
        for (const QString &search : searches) {
            timer.start();
            filtered.setFilterText(search);
            const QString ms = elapsedMs();
            searchTimes << u"\"%1\" %2 ms (%3 rows)"_s.arg(search, ms).arg(filtered.rowCount());
            const QStringList expected = expectedCodes(search);
            QVERIFY2(!expected.isEmpty(), qPrintable(search));
            QCOMPARE(column(filtered, CompanyModel::CodeRole), expected);
        }
        QCOMPARE(column(filtered, CompanyModel::CodeRole), QStringList {m_synthetic.at(4241).code});

        filtered.setFilterText(u"acougue"_s);
        timer.start();
        filtered.selectVisible(false);
        const QString selectVisibleMs = elapsedMs();
        QCOMPARE(model.selectedCount(), 4000);
        timer.start();
        model.selectAll(true);
        const QString selectAllMs = elapsedMs();
        QCOMPARE(model.selectedCount(), 5000);
        QCOMPARE(model.selectedBytes(), total);
        timer.start();
        filtered.setFilterText(QString());
        const QString clearFilterMs = elapsedMs();
        QCOMPARE(filtered.rowCount(), 5000);

        qInfo("5,000 companies: loadInstallation %s ms", qPrintable(loadMs));
        qInfo("5,000 companies, typing: %s", qPrintable(keystrokes.join(u", ")));
        qInfo("5,000 companies, searches: %s", qPrintable(searchTimes.join(u", ")));
        qInfo("5,000 companies: selectVisible (1,000 rows) %s ms, selectAll %s ms, clearing the "
              "filter %s ms",
              qPrintable(selectVisibleMs), qPrintable(selectAllMs), qPrintable(clearFilterMs));

        // The same operations under the model tester, at this size.
        QAbstractItemModelTester sourceTester(&model, testerMode);
        QAbstractItemModelTester tester(&filtered, testerMode);
        filtered.setFilterText(u"mercearia 1"_s);
        QCOMPARE(column(filtered, CompanyModel::CodeRole), expectedCodes(u"mercearia 1"_s));
        filtered.selectVisible(false);
        QCOMPARE(model.selectedCount(), 5000 - filtered.rowCount());
        model.toggle(filtered.sourceRow(0));
        QCOMPARE(model.selectedCount(), 5001 - filtered.rowCount());
        QVERIFY(loadAndWait(model, m_syntheticRoot, u"XX"_s));
        QCOMPARE(column(filtered, CompanyModel::CodeRole), expectedCodes(u"mercearia 1"_s));
        model.clear();
        QCOMPARE(filtered.rowCount(), 0);
    }

    // --- RestorePlanModel ---

    void planReplacesAndKeeps()
    {
        const auto plan = planFor(m_root, {u"0001"_s, u"0003"_s}, false, true);
        QVERIFY(plan);
        RestorePlanModel model;
        QAbstractItemModelTester tester(&model, testerMode);
        QSignalSpy changed(&model, &RestorePlanModel::planChanged);
        model.setPlan(*plan);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(column(model, RestorePlanModel::CodeRole),
                 QStringList({u"0001"_s, u"0003"_s, u"0002"_s, u"0004"_s, u"0005"_s, u"0006"_s}));
        const Manifest manifest = manifestOf(m_fullCopy);
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex index = model.index(row);
            const QString code = index.data(RestorePlanModel::CodeRole).toString();
            const qint64 installed = folderBytes(companyDir(m_root, code));
            const bool restored = row < 2;
            QCOMPARE(index.data(RestorePlanModel::ActionRole).toInt(),
                     int(restored ? RestorePlanModel::Replace : RestorePlanModel::Keep));
            QCOMPARE(index.data(RestorePlanModel::ActionTextRole).toString(),
                     restored ? u"will be replaced"_s : u"will be kept"_s);
            QCOMPARE(index.data(RestorePlanModel::InstalledBytesRole).toLongLong(), installed);
            const auto inCopy
                = std::find_if(manifest.companies.begin(), manifest.companies.end(),
                               [&](const ManifestCompany &c) { return c.code == code; });
            QVERIFY(inCopy != manifest.companies.end());
            QCOMPARE(index.data(RestorePlanModel::NameRole).toString(), inCopy->name);
            QCOMPARE(index.data(RestorePlanModel::CnpjRole).toString(), inCopy->cnpj);
            QCOMPARE(index.data(RestorePlanModel::CopyBytesRole).toLongLong(),
                     restored ? inCopy->bytes : 0);
            QCOMPARE(index.data(RestorePlanModel::SizeTextRole).toString(),
                     FileSystem::formatSize(restored ? inCopy->bytes : installed));
        }
        QCOMPARE(model.replacedCount(), 2);
        QCOMPARE(model.keptCount(), 4);
        QCOMPARE(model.addedCount(), 0);
        QCOMPARE(model.eliminatedCount(), 0);
        QCOMPARE(model.eliminatedNames(), QStringList());
        const auto templates = std::count_if(
            manifest.entries.begin(), manifest.entries.end(),
            [](const ManifestEntry &entry) { return entry.path.startsWith(u"CP/modelos/"_s); });
        QVERIFY(templates > 0);
        QCOMPARE(model.templatesReplaced(), int(templates));
        QCOMPARE(model.templatesAdded(), 0);
        QVERIFY(model.changesExistingData());
        // The safety copy holds the replaced companies and the installation's
        // versions of the templates the copy replaces.
        QCOMPARE(model.bytesToSafeguard(),
                 folderBytes(companyDir(m_root, u"0001"_s))
                     + folderBytes(companyDir(m_root, u"0003"_s))
                     + folderBytes(m_root + u"/CP/modelos"_s));
        qint64 extract = 0;
        for (const auto &entry : manifest.entries) {
            if (entry.path.startsWith(u"CP/empresas/0001/"_s)
                || entry.path.startsWith(u"CP/empresas/0003/"_s)
                || entry.path.startsWith(u"CP/modelos/"_s))
                extract += entry.size;
        }
        QCOMPARE(model.bytesToExtract(), extract);

        model.clear();
        QCOMPARE(changed.count(), 2);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.replacedCount(), 0);
        QCOMPARE(model.keptCount(), 0);
        QCOMPARE(model.templatesReplaced(), 0);
        QCOMPARE(model.bytesToExtract(), 0);
        QVERIFY(!model.changesExistingData());
    }

    void planEliminatesWithReplaceAll()
    {
        const auto plan = planFor(m_root, {u"0001"_s, u"0003"_s}, true, false);
        QVERIFY(plan);
        RestorePlanModel model;
        QAbstractItemModelTester tester(&model, testerMode);
        model.setPlan(*plan);
        QCOMPARE(model.replacedCount(), 2);
        QCOMPARE(model.eliminatedCount(), 4);
        QCOMPARE(model.keptCount(), 0);
        QCOMPARE(model.templatesReplaced(), 0);
        QCOMPARE(model.eliminatedNames(),
                 QStringList({u"0002 Construções Ângelo & Filhos Ltda"_s,
                              u"0004 Transportes Irmãos Araújo Ltda"_s,
                              u"0005 Farmácia Nossa Senhora Aparecida EIRELI"_s,
                              u"0006 Comércio de Materiais Elétricos Luz & Força Ltda"_s}));
        QCOMPARE(model.index(2).data(RestorePlanModel::ActionRole).toInt(),
                 int(RestorePlanModel::Eliminate));
        QCOMPARE(model.index(2).data(RestorePlanModel::ActionTextRole).toString(),
                 u"will be ELIMINATED"_s);
        QCOMPARE(model.index(2).data(RestorePlanModel::SizeTextRole).toString(),
                 FileSystem::formatSize(folderBytes(companyDir(m_root, u"0002"_s))));
        // Everything of CP's companies goes into the safety copy first.
        qint64 all = 0;
        for (const QString &code : model.property("eliminatedNames").toStringList())
            all += folderBytes(companyDir(m_root, code.left(4)));
        all += folderBytes(companyDir(m_root, u"0001"_s))
            + folderBytes(companyDir(m_root, u"0003"_s));
        QCOMPARE(model.bytesToSafeguard(), all);
        QVERIFY(model.changesExistingData());
        QCOMPARE(model.roleNames().value(RestorePlanModel::ActionTextRole),
                 QByteArray("actionText"));
    }

    void planAddsWhatTheInstallationLacks()
    {
        const QString other = installationMissing0006();
        QVERIFY(!other.isEmpty());
        const Manifest manifest = manifestOf(m_fullCopy);
        RestorePlanModel model;
        QAbstractItemModelTester tester(&model, testerMode);

        auto plan = planFor(other, {}, false, true);
        QVERIFY(plan);
        model.setPlan(*plan);
        QCOMPARE(model.replacedCount(), 5);
        QCOMPARE(model.addedCount(), 1);
        const int added = rowOfCode(model, u"0006"_s, RestorePlanModel::CodeRole);
        QVERIFY(added >= 0);
        const QModelIndex index = model.index(added);
        QCOMPARE(index.data(RestorePlanModel::ActionRole).toInt(), int(RestorePlanModel::Add));
        QCOMPARE(index.data(RestorePlanModel::ActionTextRole).toString(), u"will be added"_s);
        QCOMPARE(index.data(RestorePlanModel::InstalledBytesRole).toLongLong(), 0);
        QCOMPARE(index.data(RestorePlanModel::CopyBytesRole).toLongLong(),
                 manifest.companies.at(5).bytes);
        QCOMPARE(index.data(RestorePlanModel::SizeTextRole).toString(),
                 FileSystem::formatSize(manifest.companies.at(5).bytes));
        // The installation has no templates of CP: all are added.
        QVERIFY(model.templatesAdded() > 0);
        QCOMPARE(model.templatesReplaced(), 0);

        // Only a new company: nothing existing changes, nothing to safeguard.
        plan = planFor(other, {u"0006"_s}, false, false);
        QVERIFY(plan);
        model.setPlan(*plan);
        QCOMPARE(model.addedCount(), 1);
        QCOMPARE(model.keptCount(), 5);
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.templatesAdded(), 0);
        QVERIFY(!model.changesExistingData());
        QCOMPARE(model.bytesToSafeguard(), 0);
        QCOMPARE(model.bytesToExtract(), manifest.companies.at(5).bytes);
    }

    // --- DrivesModel ---

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
        model.setInstallationRoot(m_root);
        QCOMPARE(rootChanged.count(), 1);
        QCOMPARE(model.installationRoot(), m_root);
        const int installationRow = model.rowOf(m_root + u"/CP/empresas/0001"_s);
        QVERIFY(installationRow >= 0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), installationRow);
        for (int r = 0; r < model.rowCount(); ++r)
            QCOMPARE(model.index(r).data(DrivesModel::SameAsInstallationRole).toBool(),
                     r == installationRow);
        QVERIFY(model.isInstallationDisk(m_root + u"/CP/empresas/0001/cadastro.dat"_s));
        QVERIFY(model.isInstallationDisk(m_root + u"/Copias/pasta-nova/CopiaCP.zip"_s));
        QVERIFY(!model.isInstallationDisk(u"/proc"_s));
        QVERIFY(!model.isRemovable(m_root));
        // Copies go to, and are looked for in, the installation's Copias on
        // its own disk.
        const QString installationDrive
            = model.index(installationRow).data(DrivesModel::PathRole).toString();
        QCOMPARE(model.copiesFolderOn(installationDrive), m_root + u"/Copias"_s);
        model.refresh();
        QVERIFY(model.index(installationRow).data(DrivesModel::SameAsInstallationRole).toBool());
        model.setInstallationRoot(QString());
        QVERIFY(!model.index(installationRow).data(DrivesModel::SameAsInstallationRole).toBool());
        QVERIFY(!model.isInstallationDisk(m_root));
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

    // --- HistoryModel ---

    void historyListsEveryCopyNewestFirst()
    {
        HistoryModel model;
        QAbstractItemModelTester tester(&model, testerMode);
        QSignalSpy count(&model, &HistoryModel::countChanged);
        model.setRoot(m_root);
        QVERIFY(waitUntilRead(model));
        QVERIFY(!count.isEmpty());
        // Not the partial file, not outro-arquivo.zip.
        QCOMPARE(column(model, HistoryModel::FileNameRole),
                 QStringList({u"CopiaCP-danificada.zip"_s, QFileInfo(m_safetyCopy).fileName(),
                              u"CopiaCP-quarta.zip"_s, u"CopiaCP.zip"_s, u"CopiaCP-segunda.zip"_s,
                              u"CopiaCP-extra-Fechamento-Marco-2025-11-20-1000.zip"_s}));
        for (int row = 1; row < model.rowCount(); ++row)
            QVERIFY(model.index(row - 1).data(HistoryModel::CreatedAtRole).toDateTime()
                    > model.index(row).data(HistoryModel::CreatedAtRole).toDateTime());

        const QModelIndex damaged = model.index(0);
        QCOMPARE(damaged.data(HistoryModel::ValidRole).toBool(), false);
        QCOMPARE(damaged.data(HistoryModel::CreatedAtRole).toDateTime(),
                 localTime(2025, 11, 28, 12, 0));
        QCOMPARE(damaged.data(HistoryModel::PathRole).toString(), m_damaged);
        QCOMPARE(damaged.data(HistoryModel::BytesRole).toLongLong(), QFileInfo(m_damaged).size());

        const QModelIndex safety = model.index(1);
        QVERIFY(safety.data(HistoryModel::ValidRole).toBool());
        QVERIFY(safety.data(HistoryModel::IsSafetyCopyRole).toBool());
        QVERIFY(!safety.data(HistoryModel::IsExtraRole).toBool());
        QCOMPARE(safety.data(HistoryModel::WeekdaySetRole).toString(), QString());
        QCOMPARE(safety.data(HistoryModel::CompaniesRole).toInt(), 1);
        QCOMPARE(safety.data(HistoryModel::CreatedAtRole).toDateTime(),
                 localTime(2025, 11, 27, 8, 0));

        const QModelIndex wednesday = model.index(2);
        QCOMPARE(wednesday.data(HistoryModel::WeekdaySetRole).toString(), u"quarta"_s);
        QCOMPARE(wednesday.data(HistoryModel::SystemCodeRole).toString(), u"CP"_s);
        QCOMPARE(wednesday.data(HistoryModel::CompaniesRole).toInt(), 6);
        QCOMPARE(wednesday.data(HistoryModel::CreatedAtRole).toDateTime(),
                 localTime(2025, 11, 26, 15, 30));
        QVERIFY(!wednesday.data(HistoryModel::IsExtraRole).toBool());
        QVERIFY(!wednesday.data(HistoryModel::IsSafetyCopyRole).toBool());

        const QModelIndex plain = model.index(3);
        QCOMPARE(plain.data(HistoryModel::PathRole).toString(), m_fullCopy);
        QCOMPARE(plain.data(HistoryModel::WeekdaySetRole).toString(), QString());
        QCOMPARE(plain.data(HistoryModel::BytesRole).toLongLong(), QFileInfo(m_fullCopy).size());
        QCOMPARE(plain.data(HistoryModel::SizeTextRole).toString(),
                 FileSystem::formatSize(QFileInfo(m_fullCopy).size()));

        QCOMPARE(model.index(4).data(HistoryModel::WeekdaySetRole).toString(), u"segunda"_s);
        QCOMPARE(model.index(4).data(HistoryModel::CompaniesRole).toInt(), 1);

        const QModelIndex extra = model.index(5);
        QVERIFY(extra.data(HistoryModel::IsExtraRole).toBool());
        QVERIFY(!extra.data(HistoryModel::IsSafetyCopyRole).toBool());
        QCOMPARE(extra.data(HistoryModel::WeekdaySetRole).toString(), QString());

        for (int row = 0; row < model.rowCount(); ++row) {
            QVERIFY(model.index(row).data(HistoryModel::OnInstallationDiskRole).toBool());
            QCOMPARE(model.index(row).data(HistoryModel::ValidRole).toBool(), row != 0);
        }

        // Dates as the Brazilian clerk reads them.
        QLocale::setDefault(QLocale(QLocale::Portuguese, QLocale::Brazil));
        QCOMPARE(wednesday.data(HistoryModel::DateTextRole).toString(), u"26/11/2025 15:30"_s);

        // The last copy is the newest readable one made by the user.
        QCOMPARE(model.lastCopyPath(), m_root + u"/Copias/CopiaCP-quarta.zip"_s);
        QCOMPARE(model.lastCopyTime(), localTime(2025, 11, 26, 15, 30));
        QCOMPARE(model.lastCopySize(), QFileInfo(model.lastCopyPath()).size());
        QVERIFY(model.lastCopyOnInstallationDisk());

        // The same folder given again as a remembered destination adds nothing.
        model.setExtraFolders({m_root + u"/Copias"_s, m_root + u"/Copias/"_s});
        QVERIFY(waitUntilRead(model));
        QCOMPARE(model.rowCount(), 6);
        model.setRoot(QString());
        QVERIFY(waitUntilRead(model));
        QCOMPARE(model.rowCount(), 6);
        QVERIFY(!model.index(0).data(HistoryModel::OnInstallationDiskRole).toBool());
        model.setExtraFolders({});
        QVERIFY(waitUntilRead(model));
        QCOMPARE(model.rowCount(), 0);
    }

    // The same installation opened again after its copies were deleted or
    // replaced behind the model's back (another program, the CLI, a restore
    // of the whole folder): Home must show what is on disk, not what was.
    void historySameRootShowsWhatIsOnDisk()
    {
        const QString root = m_dir.filePath(u"recriada"_s);
        const QString copias = root + u"/Copias"_s;
        QVERIFY(QDir().mkpath(copias));
        // The same installation (its id) put back in place, with its copies.
        const QString idFile = u"/"_s + QString::fromUtf16(InstallationId::fileName);
        QVERIFY(QFile::copy(m_root + idFile, root + idFile));
        QVERIFY(QFile::copy(m_fullCopy, copias + u"/CopiaCP.zip"_s));
        QVERIFY(QFile::copy(m_root + u"/Copias/CopiaCP-quarta.zip"_s,
                            copias + u"/CopiaCP-quarta.zip"_s));

        HistoryModel model;
        QAbstractItemModelTester tester(&model, testerMode);
        model.setRoot(root);
        QVERIFY(waitUntilRead(model));
        QCOMPARE(column(model, HistoryModel::FileNameRole),
                 QStringList({u"CopiaCP-quarta.zip"_s, u"CopiaCP.zip"_s}));
        QCOMPARE(model.lastCopyTime(), localTime(2025, 11, 26, 15, 30));

        // The folder is recreated with only Monday's set in it.
        QVERIFY(QDir(root).removeRecursively());
        QVERIFY(QDir().mkpath(copias));
        QVERIFY(QFile::copy(m_root + idFile, root + idFile));
        QVERIFY(QFile::copy(m_root + u"/Copias/CopiaCP-segunda.zip"_s,
                            copias + u"/CopiaCP-segunda.zip"_s));
        QSignalSpy count(&model, &HistoryModel::countChanged);
        QSignalSpy rootChanged(&model, &HistoryModel::rootChanged);
        model.setRoot(root);
        QVERIFY(waitUntilRead(model));
        QVERIFY(!count.isEmpty());
        QCOMPARE(rootChanged.count(), 0); // the root itself did not change
        QCOMPARE(column(model, HistoryModel::FileNameRole), QStringList {u"CopiaCP-segunda.zip"_s});
        QCOMPARE(model.lastCopyTime(), localTime(2025, 11, 24, 9, 0));

        // Every copy gone: no last copy, and the warning.
        QVERIFY(QDir(copias).removeRecursively());
        model.setRoot(root);
        QVERIFY(waitUntilRead(model));
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.lastCopyPath().isEmpty());
        QVERIFY(model.needsAttention());
    }

    void historyAttention()
    {
        HistoryModel model;
        QAbstractItemModelTester tester(&model, testerMode);

        // An installation without any copy.
        model.setRoot(m_syntheticRoot.isEmpty() ? m_dir.filePath(u"vazia"_s) : m_syntheticRoot);
        QVERIFY(waitUntilRead(model));
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.daysSinceLastCopy(), -1);
        QVERIFY(!model.lastCopyTime().isValid());
        QCOMPARE(model.lastCopyPath(), QString());
        QCOMPARE(model.lastCopySize(), 0);
        QVERIFY(model.needsAttention());
        QCOMPARE(model.attentionText(), u"No copy of this installation was found. Make one now."_s);

        // Copies that are all on the installation's own disk (a temporary
        // folder is on one disk): recent, yet worth a warning.
        const QString onDisk = u"Every copy is on the installation's own disk. Keep a copy on a "
                               u"pen drive or external disk too."_s;
        model.setRoot(m_root);
        QVERIFY(waitUntilRead(model));
        QSignalSpy count(&model, &HistoryModel::countChanged);
        model.setNow(localTime(2025, 11, 27, 9, 0));
        QCOMPARE(count.count(), 1);
        QCOMPARE(model.daysSinceLastCopy(), 1);
        QVERIFY(model.needsAttention());
        QCOMPARE(model.attentionText(), onDisk);

        // Three days are tolerated (a weekend), the fourth is not.
        model.setNow(localTime(2025, 11, 29, 23, 59));
        QCOMPARE(model.daysSinceLastCopy(), 3);
        QCOMPARE(model.attentionText(), onDisk);
        model.setNow(localTime(2025, 11, 30, 0, 1));
        QCOMPARE(model.daysSinceLastCopy(), 4);
        QCOMPARE(model.attentionText(),
                 u"The last copy is 4 day(s) old. Make a copy every working day. "_s + onDisk);
        model.setNow(localTime(2026, 1, 5, 9, 0));
        QCOMPARE(model.daysSinceLastCopy(), 40);
        QVERIFY(model.attentionText().startsWith(u"The last copy is 40 day(s) old."_s));
    }

    void historyFreshCopyOnAnotherVolume()
    {
        const QString elsewhere = m_dir.filePath(u"outro-volume"_s);
        TmpfsMount volume(elsewhere, 32 * 1024 * 1024);
        if (!volume.isMounted())
            QSKIP(
                qPrintable(u"Cannot mount a tmpfs on %1 (%2): no second volume to test a copy "
                           u"kept off the installation's disk."_s.arg(elsewhere, volume.error())));
        QVERIFY(!FileSystem::sameVolume(elsewhere, m_root));

        BackupOptions options;
        options.output = elsewhere;
        options.rotation = BackupOptions::Rotation::Weekday;
        options.now = localTime(2025, 12, 5, 18, 0); // a Friday
        const QString copy = backup(options);
        QCOMPARE(copy, elsewhere + u"/CopiaCP-sexta.zip"_s);

        HistoryModel model;
        QAbstractItemModelTester tester(&model, testerMode);
        model.setRoot(m_root);
        QVERIFY(waitUntilRead(model));
        const int before = model.rowCount();
        QSignalSpy folders(&model, &HistoryModel::extraFoldersChanged);
        model.setExtraFolders({elsewhere, m_dir.filePath(u"nao-existe"_s)});
        QVERIFY(waitUntilRead(model));
        QCOMPARE(folders.count(), 1);
        QCOMPARE(model.rowCount(), before + 1);
        const QModelIndex newest = model.index(0);
        QCOMPARE(newest.data(HistoryModel::PathRole).toString(), copy);
        QCOMPARE(newest.data(HistoryModel::WeekdaySetRole).toString(), u"sexta"_s);
        QVERIFY(!newest.data(HistoryModel::OnInstallationDiskRole).toBool());
        QVERIFY(model.index(1).data(HistoryModel::OnInstallationDiskRole).toBool());

        model.setNow(localTime(2025, 12, 5, 19, 0));
        QCOMPARE(model.lastCopyPath(), copy);
        QVERIFY(!model.lastCopyOnInstallationDisk());
        QCOMPARE(model.daysSinceLastCopy(), 0);
        QVERIFY(!model.needsAttention());
        QCOMPARE(model.attentionText(), QString());
        // A week later the same copy is stale, though safely elsewhere.
        model.setNow(localTime(2025, 12, 12, 9, 0));
        QVERIFY(model.needsAttention());
        QCOMPARE(model.attentionText(),
                 u"The last copy is 7 day(s) old. Make a copy every working day."_s);
        // The pen drive is gone: every copy left is on the installation's disk.
        model.setNow(localTime(2025, 12, 5, 19, 0));
        model.setExtraFolders({});
        QVERIFY(waitUntilRead(model));
        QCOMPARE(model.rowCount(), before);
        QVERIFY(model.needsAttention());
        QVERIFY(model.attentionText().startsWith(u"The last copy is 9 day(s) old."_s));
    }

    // Which backup Home calls incomplete, from the history alone: the newest
    // incomplete copy stays red through later failures and refusals, and
    // only a complete copy clears it; an incomplete scheduled copy is not
    // reported as a failed one.
    void historyIncompleteUntilACompleteCopy()
    {
        const QString root = m_dir.filePath(u"historico-incompleto"_s);
        QVERIFY(QDir().mkpath(root));
        auto append = [&](const QString &result, ExitCode code, bool scheduled, int day) {
            HistoryRecord record = HistoryRecord::make(
                HistoryRecord::backup, localTime(2025, 12, day, 20, 0),
                {code, code == ExitCode::Success ? QString() : u"message of "_s + result}, false);
            record.scheduled = scheduled;
            QString error;
            QVERIFY2(History::append(root, record, &error), qPrintable(error));
        };
        HistoryModel model;
        model.setRoot(root);
        QVERIFY(waitUntilRead(model));
        QVERIFY(!model.hasPendingIncomplete());

        append(u"incomplete"_s, ExitCode::Incomplete, true, 1);
        model.refresh();
        QVERIFY(waitUntilRead(model));
        QVERIFY(model.hasPendingIncomplete());
        QVERIFY(!model.hasPendingFailure());
        QVERIFY2(model.pendingIncompleteText().contains(u"not a full backup"_s),
                 qPrintable(model.pendingIncompleteText()));

        append(u"in-use"_s, ExitCode::InUse, false, 2);
        append(u"failed"_s, ExitCode::Failed, true, 3);
        model.refresh();
        QVERIFY(waitUntilRead(model));
        QVERIFY(model.hasPendingIncomplete());
        QVERIFY(model.hasPendingFailure());

        append(u"ok"_s, ExitCode::Success, false, 4);
        model.refresh();
        QVERIFY(waitUntilRead(model));
        QVERIFY(!model.hasPendingIncomplete());
        QVERIFY(!model.hasPendingFailure());
        QVERIFY(model.pendingIncompleteText().isEmpty());

        append(u"incomplete"_s, ExitCode::Incomplete, false, 5);
        model.refresh();
        QVERIFY(waitUntilRead(model));
        QVERIFY(model.hasPendingIncomplete());
        QCOMPARE(History::describeResult(u"incomplete"_s), u"incomplete: files were left out"_s);
    }
};

QTEST_GUILESS_MAIN(TestUiModels)
#include "tst_uimodels.moc"
