// SPDX-License-Identifier: GPL-3.0-or-later
// The list of companies QML sees (ui/companymodel.h: CompanyModel and the
// search over it, CompanyFilterModel), on real data: a demo installation,
// real copies written by BackupJob, and 5,000 synthetic companies. The
// models run under QAbstractItemModelTester while they are loaded,
// filtered, toggled and cleared.

#include "copy/manifest.h"
#include "support/isolatedhome.h"
#include "support/uimodelfixture.h"
#include "support/uiwait.h"
#include "ui/companymodel.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Resguarda;
using namespace TestSupport;
using namespace Qt::StringLiterals;

namespace {

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

QString onlyDigits(QString text)
{
    return text.remove(QRegularExpression(u"[^0-9]"_s));
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

} // namespace

class TestCompanyModel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    UiModelFixture m_models;
    QList<SyntheticCompany> m_synthetic;
    QString m_syntheticRoot;
    QLocale m_previousLocale;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        isolateHome(m_dir.path());
        m_previousLocale = QLocale();
        m_models.create(m_dir.path());
    }

    void cleanupTestCase() { QLocale::setDefault(m_previousLocale); }

    void cleanup() { QLocale::setDefault(m_previousLocale); }

    void companySizesAndYearsComeFromTheFolders()
    {
        CompanyModel model;
        QAbstractItemModelTester tester(&model, testerMode);
        QSignalSpy count(&model, &CompanyModel::countChanged);
        QVERIFY(loadAndWait(model, m_models.root, u"CP"_s));
        // Emptied when the load starts, filled when it ends.
        QCOMPARE(count.count(), 2);
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.codes(),
                 QStringList({u"0001"_s, u"0002"_s, u"0003"_s, u"0004"_s, u"0005"_s, u"0006"_s}));
        qint64 total = 0;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex index = model.index(row);
            const QString dir
                = m_models.companyDir(m_models.root, index.data(CompanyModel::CodeRole).toString());
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
        QVERIFY(loadAndWait(model, m_models.root, u"AT"_s));
        QCOMPARE(model.codes(), QStringList({u"0001"_s, u"0002"_s, u"0003"_s, u"0005"_s}));
        QVERIFY(!loadAndWait(model, m_models.root, u"XX"_s));
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.selectedCount(), 0);
        QCOMPARE(model.selectedBytes(), 0);
        QVERIFY(!model.allSelected());
        QVERIFY(loadAndWait(model, m_models.root, u"cp"_s)); // codes are case-insensitive
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.index(0).data(CompanyModel::BytesRole).toLongLong(),
                 folderBytes(m_models.companyDir(m_models.root, u"0001"_s)));
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
        QVERIFY(loadAndWait(model, m_models.root, u"CP"_s));
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
        QVERIFY(loadAndWait(model, m_models.root, u"CP"_s));
        QVERIFY(!countSpy.isEmpty());
        QCOMPARE(column(filtered, CompanyModel::CodeRole), QStringList {u"0001"_s});
        // The cache of folded names follows the new rows (here, a manifest's).
        filtered.setFilterText(u"transportes"_s);
        QCOMPARE(column(filtered, CompanyModel::CodeRole), QStringList {u"0004"_s});
        model.loadManifest(manifestOf(m_models.root + u"/Copias/CopiaCP-segunda.zip"_s),
                           m_models.root);
        QCOMPARE(filtered.rowCount(), 0);
        filtered.setFilterText(u"padaria"_s);
        QCOMPARE(column(filtered, CompanyModel::CodeRole), QStringList {u"0001"_s});
        QVERIFY(loadAndWait(model, m_models.root, u"AT"_s));
        filtered.setFilterText(u"farmacia"_s);
        QCOMPARE(column(filtered, CompanyModel::CodeRole), QStringList {u"0005"_s});
        countSpy.clear();
        model.clear();
        QCOMPARE(filtered.rowCount(), 0);
        QVERIFY(!countSpy.isEmpty());
        {
            CompanyModel other;
            QVERIFY(loadAndWait(other, m_models.root, u"LF"_s));
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
        QVERIFY(loadAndWait(model, m_models.root, u"CP"_s));
        QList<qint64> bytes;
        qint64 total = 0;
        for (int row = 0; row < 6; ++row) {
            bytes << folderBytes(m_models.companyDir(m_models.root, model.codes().at(row)));
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
        QVERIFY(loadAndWait(model, m_models.root, u"CP"_s));
        QCOMPARE(model.selectedCount(), 6);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.selectedCount(), 0);
        QCOMPARE(model.selectedBytes(), 0);
    }

    // Whether the marked companies are enough to go on is one rule, here:
    // both wizards' Next, both jobs and the restore settings ask it.
    void selectionErrorIsTheOneRule()
    {
        CompanyModel model;
        // Nothing loaded is nothing marked.
        QVERIFY(!model.selectionError().isEmpty());
        QVERIFY(loadAndWait(model, m_models.root, u"CP"_s));
        QCOMPARE(model.selectionError(), QString());
        QSignalSpy selection(&model, &CompanyModel::selectionChanged);
        model.selectAll(false);
        QCOMPARE(selection.count(), 1);
        QCOMPARE(model.selectionError(), u"Mark at least one company to continue"_s);
        QCOMPARE(model.property("selectionError").toString(), model.selectionError());
        model.toggle(3);
        QCOMPARE(model.selectionError(), QString());
        model.toggle(3);
        QVERIFY(!model.selectionError().isEmpty());
        model.clear();
        QVERIFY(!model.selectionError().isEmpty());
    }

    void companiesOfAManifest()
    {
        const Manifest manifest = manifestOf(m_models.fullCopy);
        QCOMPARE(manifest.companies.size(), 6);
        CompanyModel model;
        QAbstractItemModelTester tester(&model, testerMode);
        model.loadManifest(manifest, m_models.root);
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
        const QString other = m_models.installationMissing0006();
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
};

QTEST_GUILESS_MAIN(TestCompanyModel)
#include "tst_companymodel.moc"
