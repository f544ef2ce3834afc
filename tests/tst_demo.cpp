// SPDX-License-Identifier: GPL-3.0-or-later
// The demo installation generator and the CNPJ helpers: the demo is what the
// README, the benchmarks and many other suites run against, so every rule of
// the installation format is checked on it here.
#include "demo/demoinstallation.h"
#include "installation/cnpj.h"
#include "installation/installation.h"
#include "installation/tablepath.h"
#include "support/testinstallation.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Resguarda;

namespace {

constexpr int testLastYear = 2024;
constexpr int testSizeMb = 12;
constexpr qint64 mebibyte = 1024 * 1024;

DemoParameters testParameters()
{
    DemoParameters params;
    params.companies = 5;
    params.years = 3;
    params.sizeMb = testSizeMb;
    params.seed = 7;
    params.lastYear = testLastYear;
    return params;
}

struct TreeFile
{
    QString relativePath;
    qint64 size = 0;
    QDateTime modified;
};

QList<TreeFile> treeFiles(const QString &dir)
{
    QList<TreeFile> files;
    const QDir base(dir);
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        files.append({base.relativeFilePath(info.absoluteFilePath()), info.size(),
                      info.lastModified().toUTC()});
    }
    std::sort(files.begin(), files.end(),
              [](const TreeFile &a, const TreeFile &b) { return a.relativePath < b.relativePath; });
    return files;
}

qint64 treeSize(const QString &dir)
{
    qint64 total = 0;
    for (const auto &file : treeFiles(dir))
        total += file.size;
    return total;
}

QMap<QString, QDateTime> treeTimes(const QString &dir)
{
    QMap<QString, QDateTime> times;
    for (const auto &file : treeFiles(dir))
        times.insert(file.relativePath, file.modified);
    return times;
}

bool isAscii(const QString &text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 128; });
}

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QJsonParseError error;
    const auto document = QJsonDocument::fromJson(file.readAll(), &error);
    return error.error == QJsonParseError::NoError ? document.object() : QJsonObject();
}

} // namespace

class TestDemo : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void cnpjValid_data();
    void cnpjValid();
    void cnpjInvalid_data();
    void cnpjInvalid();
    void cnpjFromBase();
    void cnpjFormat();

    void systemsFile();
    void companies();
    void tableKinds();
    void accentedNames();
    void templatesAndProgramFiles();
    void sessionsFolderEmpty();
    void sizesAndContent();
    void modificationTimes();
    void installationReadsIt();

    void sizeWithinTolerance_data();
    void sizeWithinTolerance();
    void deterministic();
    void seedChangesTree();
    void currentYearDefault();
    void progressIsExact();
    void refusesNonEmptyRoot();
    void refusesFileAsRoot();
    void refusesBadParameters_data();
    void refusesBadParameters();

private:
    QTemporaryDir m_tmp;
    QString m_root; // the installation shared by the format checks
};

void TestDemo::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    m_root = m_tmp.filePath(QStringLiteral("instalação demo"));
    const auto error = DemoInstallation::create(m_root, testParameters());
    QVERIFY2(!error.isError(), qPrintable(error.message));
}

void TestDemo::cnpjValid_data()
{
    QTest::addColumn<QString>("cnpj");
    QTest::newRow("classic example") << QStringLiteral("11.222.333/0001-81");
    QTest::newRow("bare digits") << QStringLiteral("11222333000181");
    // Computed by hand: 1*5+2*4+3*3+4*2+5*9+6*8+7*7+8*6+1*2 = 222, 222 % 11 = 2 -> 9;
    // then 237 % 11 = 6 -> 5.
    QTest::newRow("spec example") << QStringLiteral("12.345.678/0001-95");
    // Sum 2 -> remainder 2 -> 9; sum 3 + 18 = 21 -> remainder 10 -> 1.
    QTest::newRow("leading zeros") << QStringLiteral("00.000.000/0001-91");
    // First remainder 0 gives check digit 0.
    QTest::newRow("zero check digit") << QStringLiteral("33.000.167/0001-01");
    QTest::newRow("branch") << QStringLiteral("11.222.333/0002-62");
}

void TestDemo::cnpjValid()
{
    QFETCH(QString, cnpj);
    QVERIFY2(Cnpj::isValid(cnpj), qPrintable(cnpj));
}

void TestDemo::cnpjInvalid_data()
{
    QTest::addColumn<QString>("cnpj");
    QTest::newRow("empty") << QString();
    QTest::newRow("wrong first digit") << QStringLiteral("11.222.333/0001-71");
    QTest::newRow("wrong second digit") << QStringLiteral("11.222.333/0001-82");
    QTest::newRow("swapped digits") << QStringLiteral("12.222.333/0001-81");
    QTest::newRow("all zeros") << QStringLiteral("00.000.000/0000-00");
    QTest::newRow("all ones") << QStringLiteral("11111111111111");
    QTest::newRow("all nines formatted") << QStringLiteral("99.999.999/9999-99");
    QTest::newRow("too short") << QStringLiteral("1122233300018");
    QTest::newRow("too long") << QStringLiteral("112223330001810");
    QTest::newRow("letters") << QStringLiteral("11A22333000181");
    QTest::newRow("misplaced separators") << QStringLiteral("11.222.333.0001/81");
    QTest::newRow("partly formatted") << QStringLiteral("11222333/0001-81");
    QTest::newRow("surrounding space") << QStringLiteral(" 11.222.333/0001-81");
    QTest::newRow("non-ASCII digits") << QStringLiteral("١١٢٢٢٣٣٣٠٠٠١٨١");
}

void TestDemo::cnpjInvalid()
{
    QFETCH(QString, cnpj);
    QVERIFY2(!Cnpj::isValid(cnpj), qPrintable(cnpj));
}

void TestDemo::cnpjFromBase()
{
    QCOMPARE(Cnpj::fromBase(112223330001ULL), QStringLiteral("11.222.333/0001-81"));
    QCOMPARE(Cnpj::fromBase(123456780001ULL), QStringLiteral("12.345.678/0001-95"));
    QCOMPARE(Cnpj::fromBase(1ULL), QStringLiteral("00.000.000/0001-91"));
    QCOMPARE(Cnpj::fromBase(330001670001ULL), QStringLiteral("33.000.167/0001-01"));
    // Only the last twelve digits count.
    QCOMPARE(Cnpj::fromBase(9112223330001ULL), QStringLiteral("11.222.333/0001-81"));
    // Every generated number passes the validator.
    quint64 base = 1;
    for (int i = 0; i < 2000; ++i) {
        base = (base * 6364136223846793005ULL + 1442695040888963407ULL);
        const QString cnpj = Cnpj::fromBase((base >> 16) % 1000000000000ULL);
        if (cnpj.count(cnpj.front()) + 3 == cnpj.size())
            continue; // one repeated digit: rejected on purpose
        QVERIFY2(Cnpj::isValid(cnpj), qPrintable(cnpj));
    }
}

void TestDemo::cnpjFormat()
{
    QCOMPARE(Cnpj::format(u"11222333000181"), QStringLiteral("11.222.333/0001-81"));
    QCOMPARE(Cnpj::format(u"11.222.333/0001-81"), QStringLiteral("11.222.333/0001-81"));
    // Formatting does not judge the check digits.
    QCOMPARE(Cnpj::format(u"11222333000199"), QStringLiteral("11.222.333/0001-99"));
    QVERIFY(Cnpj::format(u"1122233300018").isEmpty());
    QVERIFY(Cnpj::format(u"11222333000x81").isEmpty());
    QVERIFY(Cnpj::format(u"").isEmpty());
}

void TestDemo::systemsFile()
{
    const auto systems = readJson(m_root + QStringLiteral("/sistemas.json"));
    QCOMPARE(systems.value(u"formato").toInt(), 1);
    const auto list = systems.value(u"sistemas").toArray();
    QVERIFY(list.size() >= 3);
    QStringList codes;
    for (const auto &value : list) {
        const auto object = value.toObject();
        codes.append(object.value(u"codigo").toString());
        QVERIFY(!object.value(u"nome").toString().isEmpty());
        QVERIFY2(QFileInfo(m_root + u'/' + codes.last()).isDir(), qPrintable(codes.last()));
    }
    QVERIFY(codes.contains(QStringLiteral("AT")));
    QVERIFY(codes.contains(QStringLiteral("CP")));
    QVERIFY(codes.contains(QStringLiteral("LF")));
}

void TestDemo::companies()
{
    const auto systems
        = readJson(m_root + QStringLiteral("/sistemas.json")).value(u"sistemas").toArray();
    QMap<QString, QString> cnpjByCode; // the same company in every system
    int registrations = 0;
    for (const auto &value : systems) {
        const QString code = value.toObject().value(u"codigo").toString();
        const QDir companiesDir(m_root + u'/' + code + QStringLiteral("/empresas"));
        QVERIFY(companiesDir.exists());
        const auto folders = companiesDir.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QVERIFY2(!folders.isEmpty(), qPrintable(code));
        for (const auto &folder : folders) {
            QVERIFY2(folder.size() == 4 && folder.toInt() >= 1 && folder.toInt() <= 5,
                     qPrintable(folder));
            const auto company
                = readJson(companiesDir.filePath(folder + QStringLiteral("/empresa.json")));
            QCOMPARE(company.value(u"codigo").toString(), folder);
            QVERIFY(!company.value(u"razaoSocial").toString().isEmpty());
            const QString cnpj = company.value(u"cnpj").toString();
            QVERIFY2(Cnpj::isValid(cnpj), qPrintable(cnpj));
            QCOMPARE(Cnpj::format(cnpj), cnpj); // stored formatted
            if (cnpjByCode.contains(folder))
                QCOMPARE(cnpjByCode.value(folder), cnpj);
            cnpjByCode.insert(folder, cnpj);
            ++registrations;
        }
    }
    QCOMPARE(cnpjByCode.size(), 5);
    // Most companies are in most systems.
    QVERIFY(registrations > 5 * systems.size() / 2);
    QVERIFY(QFileInfo::exists(m_root + QStringLiteral("/AT/empresas/0001/empresa.json")));
    QVERIFY(QFileInfo::exists(m_root + QStringLiteral("/CP/empresas/0001/empresa.json")));
    QVERIFY(QFileInfo::exists(m_root + QStringLiteral("/LF/empresas/0001/empresa.json")));
}

void TestDemo::tableKinds()
{
    QSet<TableKind> kinds;
    QSet<int> archivedYears, activeYears;
    QSet<QString> dated; // "anual/2024/saldos.dat" paths are files inside a dated folder
    for (const auto &system : {u"AT", u"CP", u"LF"}) {
        const QString companies
            = m_root + u'/' + QString::fromUtf16(system) + QStringLiteral("/empresas");
        for (const auto &folder : QDir(companies).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            const QString companyDir = companies + u'/' + folder;
            for (const auto &file : treeFiles(companyDir)) {
                const TableClass table = classifyCompanyPath(file.relativePath);
                kinds.insert(table.kind);
                if (table.isArchived())
                    archivedYears.insert(table.year);
                else if (table.isDated())
                    activeYears.insert(table.year);
                if (file.relativePath.startsWith(u"anual/")
                    || file.relativePath.startsWith(u"mensal/")
                    || file.relativePath.startsWith(u"morto/"))
                    QVERIFY2(table.isDated(), qPrintable(file.relativePath));
            }
        }
    }
    QVERIFY(kinds.contains(TableKind::Permanent));
    QVERIFY(kinds.contains(TableKind::Annual));
    QVERIFY(kinds.contains(TableKind::Monthly));
    QVERIFY(kinds.contains(TableKind::ArchivedAnnual));
    QVERIFY(kinds.contains(TableKind::ArchivedMonthly));
    QCOMPARE(activeYears, (QSet<int> {2022, 2023, 2024}));
    QVERIFY(archivedYears.size() >= 2);
    QVERIFY(archivedYears.contains(2021));
    QVERIFY(archivedYears.contains(2020));
    for (int year : archivedYears)
        QVERIFY(year < 2022);
    // Every month of an active year.
    for (int month = 1; month <= 12; ++month) {
        const QString dir = m_root
            + QStringLiteral("/CP/empresas/0001/mensal/2023-%1")
                  .arg(month, 2, 10, QLatin1Char('0'));
        QVERIFY2(QFileInfo(dir).isDir(), qPrintable(dir));
    }
}

void TestDemo::accentedNames()
{
    OperationError error;
    const auto installation = Installation::open(m_root, &error);
    QVERIFY2(installation, qPrintable(error.message));
    QStringList names;
    for (const auto &system : installation->systems()) {
        for (const auto &company : installation->companies(system.code))
            names.append(company.name);
    }
    QVERIFY(names.contains(QStringLiteral("Padaria São João Ltda")));
    QVERIFY(std::any_of(names.begin(), names.end(),
                        [](const QString &name) { return !isAscii(name) && name.contains(u' '); }));

    // Table names with accents and spaces, in permanent and dated folders.
    QVERIFY(
        QFileInfo::exists(m_root + QStringLiteral("/AT/empresas/0001/histórico de baixas.dat")));
    QVERIFY(QFileInfo::exists(
        m_root + QStringLiteral("/LF/empresas/0001/mensal/2024-03/apuração ICMS.dat")));
    int accented = 0;
    for (const auto &file : treeFiles(m_root)) {
        if (!isAscii(file.relativePath) && file.relativePath.contains(u' '))
            ++accented;
    }
    QVERIFY(accented > 10);
}

void TestDemo::templatesAndProgramFiles()
{
    for (const auto &system : {u"AT", u"CP", u"LF"}) {
        const QString systemDir = m_root + u'/' + QString::fromUtf16(system);
        for (const auto &kind : {u"consultas", u"etiquetas", u"documentos"}) {
            const QDir dir(systemDir + QStringLiteral("/modelos/") + QString::fromUtf16(kind));
            QVERIFY2(!dir.entryList(QDir::Files).isEmpty(), qPrintable(dir.path()));
        }
        // Program files: anything under the system folder that is neither
        // companies nor templates.
        int programFiles = 0;
        for (const auto &file : treeFiles(systemDir)) {
            if (!file.relativePath.startsWith(u"empresas/")
                && !file.relativePath.startsWith(u"modelos/"))
                ++programFiles;
        }
        QVERIFY(programFiles >= 2);
        QVERIFY(QFileInfo::exists(systemDir + QStringLiteral("/leiame.txt")));
    }
    QVERIFY(QFileInfo(m_root + QStringLiteral("/AT/programa/ativo.bin")).size() > 0);
}

void TestDemo::sessionsFolderEmpty()
{
    const QDir sessions(m_root + QStringLiteral("/sessoes"));
    QVERIFY(sessions.exists());
    QVERIFY(sessions.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden));
    QVERIFY(!QFileInfo::exists(m_root + QStringLiteral("/Copias")));
}

void TestDemo::sizesAndContent()
{
    qint64 dated = 0, permanent = 0;
    QList<qint64> sizes;
    for (const auto &system : {u"AT", u"CP", u"LF"}) {
        const QString companies
            = m_root + u'/' + QString::fromUtf16(system) + QStringLiteral("/empresas");
        for (const auto &folder : QDir(companies).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            for (const auto &file : treeFiles(companies + u'/' + folder)) {
                if (!file.relativePath.endsWith(u".dat"))
                    continue;
                QVERIFY2(file.size > 0, qPrintable(file.relativePath));
                (classifyCompanyPath(file.relativePath).isDated() ? dated : permanent) += file.size;
                sizes.append(file.size);
            }
        }
    }
    QVERIFY2(dated > 4 * permanent, qPrintable(QStringLiteral("%1 %2").arg(dated).arg(permanent)));
    std::sort(sizes.begin(), sizes.end());
    const qint64 median = sizes.at(sizes.size() / 2);
    QVERIFY2(sizes.last() > 5 * median,
             qPrintable(QStringLiteral("largest %1, median %2").arg(sizes.last()).arg(median)));

    // Fixed-width records: every line of a table has the same length, and the
    // content compresses like real tables do.
    QFile table(m_root + QStringLiteral("/LF/empresas/0001/mensal/2024-12/livros/saidas.dat"));
    QVERIFY(table.open(QIODevice::ReadOnly));
    const QByteArray data = table.readAll();
    QVERIFY(data.startsWith("#TABELA saidas.dat"));
    const auto lines = data.split('\n');
    QVERIFY(lines.size() > 100);
    for (qsizetype i = 0; i + 1 < lines.size(); ++i)
        QCOMPARE(lines.at(i).size(), lines.first().size());
    QVERIFY(lines.last().isEmpty()); // ends with CR LF
    QVERIFY(data.contains("/12/2024"));
    QVERIFY(qCompress(data).size() < data.size() / 2);

    // Names are stored in ISO-8859-1 like in the legacy tables.
    QFile registerFile(m_root + QStringLiteral("/AT/empresas/0001/cadastro.dat"));
    QVERIFY(registerFile.open(QIODevice::ReadOnly));
    QVERIFY(registerFile.readAll().contains(QStringLiteral("PADARIA SÃO JOÃO LTDA").toLatin1()));
}

void TestDemo::modificationTimes()
{
    const auto times = treeTimes(m_root);
    const QDateTime endOfYear(QDate(testLastYear, 12, 31), QTime(18, 0), Qt::UTC);
    for (auto it = times.begin(); it != times.end(); ++it)
        QVERIFY2(it.value() <= endOfYear, qPrintable(it.key()));
    QCOMPARE(times.value(QStringLiteral("sistemas.json")), endOfYear);
    QCOMPARE(times.value(QStringLiteral("CP/empresas/0001/mensal/2023-02/itens.dat")),
             QDateTime(QDate(2023, 2, 28), QTime(18, 0), Qt::UTC));
    QCOMPARE(times.value(QStringLiteral("AT/empresas/0001/morto/anual/2020/saldos.dat")),
             QDateTime(QDate(2020, 12, 31), QTime(18, 0), Qt::UTC));
}

void TestDemo::installationReadsIt()
{
    OperationError error;
    const auto installation = Installation::open(m_root, &error);
    QVERIFY2(installation, qPrintable(error.message));
    QVERIFY(installation->systems().size() >= 3);
    QCOMPARE(installation->system(QStringLiteral("AT"))->name, QStringLiteral("Ativo Imobilizado"));
    for (const auto &system : installation->systems()) {
        QStringList warnings;
        const auto companies = installation->companies(system.code, &warnings);
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));
        QVERIFY(!companies.isEmpty());
        QCOMPARE(companies.first().code, QStringLiteral("0001"));
        for (const auto &company : companies) {
            QVERIFY(!company.name.isEmpty());
            QVERIFY(Cnpj::isValid(company.cnpj));
            const auto files = Installation::listFiles(
                company.path, InstallationLayout::companyArchivePrefix(system.code, company.code),
                &warnings);
            QVERIFY(files.size() > 20);
            QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));
        }
    }
}

void TestDemo::sizeWithinTolerance_data()
{
    QTest::addColumn<int>("companies");
    QTest::addColumn<int>("years");
    QTest::addColumn<int>("sizeMb");
    QTest::newRow("one small company") << 1 << 1 << 1;
    QTest::newRow("default shape") << 5 << 3 << 20;
    QTest::newRow("many years") << 2 << 8 << 30;
    QTest::newRow("generated company names") << 16 << 1 << 30;
}

void TestDemo::sizeWithinTolerance()
{
    QFETCH(int, companies);
    QFETCH(int, years);
    QFETCH(int, sizeMb);
    QTemporaryDir tmp;
    DemoParameters params;
    params.companies = companies;
    params.years = years;
    params.sizeMb = sizeMb;
    params.lastYear = testLastYear;
    const QString root = tmp.filePath(QStringLiteral("root"));
    const auto error = DemoInstallation::create(root, params);
    QVERIFY2(!error.isError(), qPrintable(error.message));
    const double ratio = double(treeSize(root)) / double(qint64(sizeMb) * mebibyte);
    QVERIFY2(ratio > 0.85 && ratio < 1.15, qPrintable(QString::number(ratio)));
    OperationError openError;
    const auto installation = Installation::open(root, &openError);
    QVERIFY(installation);
    QSet<QString> names, cnpjs;
    int registrations = 0;
    for (const auto &system : installation->systems()) {
        QStringList warnings;
        const auto list = installation->companies(system.code, &warnings);
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));
        QVERIFY(!list.isEmpty());
        QCOMPARE(list.first().code, QStringLiteral("0001"));
        for (const auto &company : list) {
            QVERIFY(Cnpj::isValid(company.cnpj));
            names.insert(company.name);
            cnpjs.insert(company.cnpj);
            ++registrations;
        }
    }
    // The same company has the same name and CNPJ in every system, and no
    // two companies share either.
    QCOMPARE(names.size(), companies);
    QCOMPARE(cnpjs.size(), companies);
    QVERIFY(registrations >= companies);
}

void TestDemo::deterministic()
{
    QTemporaryDir tmp;
    const QString again = tmp.filePath(QStringLiteral("again"));
    const auto error = DemoInstallation::create(again, testParameters());
    QVERIFY2(!error.isError(), qPrintable(error.message));
    const auto first = TestSupport::treeHashes(m_root);
    const auto second = TestSupport::treeHashes(again);
    QVERIFY(first.size() > 1000);
    QCOMPARE(second.keys(), first.keys());
    QVERIFY(second == first);
    QVERIFY(treeTimes(again) == treeTimes(m_root));
}

void TestDemo::seedChangesTree()
{
    QTemporaryDir tmp;
    const QString other = tmp.filePath(QStringLiteral("other"));
    auto params = testParameters();
    params.seed = 8;
    const auto error = DemoInstallation::create(other, params);
    QVERIFY2(!error.isError(), qPrintable(error.message));
    const auto first = TestSupport::treeHashes(m_root);
    const auto second = TestSupport::treeHashes(other);
    QVERIFY(second != first);
    // The content differs, not only the shape of the tree.
    const QString table = QStringLiteral("/AT/empresas/0001/mensal/2024-01/movimentos.dat");
    QVERIFY(TestSupport::fileHash(m_root + table) != TestSupport::fileHash(other + table));
}

void TestDemo::currentYearDefault()
{
    QTemporaryDir tmp;
    const QString root = tmp.filePath(QStringLiteral("now"));
    DemoParameters params;
    params.companies = 1;
    params.years = 1;
    params.sizeMb = 2;
    const auto error = DemoInstallation::create(root, params);
    QVERIFY2(!error.isError(), qPrintable(error.message));
    const int year = QDate::currentDate().year();
    QVERIFY(QFileInfo(root + QStringLiteral("/AT/empresas/0001/anual/%1").arg(year)).isDir());
    QVERIFY(!QFileInfo::exists(root + QStringLiteral("/AT/empresas/0001/anual/%1").arg(year - 1)));
    QVERIFY(
        QFileInfo(root + QStringLiteral("/AT/empresas/0001/morto/anual/%1").arg(year - 1)).isDir());
    // No modification time lies in the future.
    const QDateTime now = QDateTime::currentDateTimeUtc().addSecs(5);
    const auto times = treeTimes(root);
    for (auto it = times.begin(); it != times.end(); ++it)
        QVERIFY2(it.value() <= now, qPrintable(it.key()));
}

void TestDemo::progressIsExact()
{
    QTemporaryDir tmp;
    const QString root = tmp.filePath(QStringLiteral("progress"));
    DemoParameters params;
    params.companies = 2;
    params.sizeMb = 5;
    params.lastYear = testLastYear;
    qint64 lastWritten = -1, total = -1;
    int calls = 0;
    bool monotonic = true, sameTotal = true;
    const auto error = DemoInstallation::create(root, params, [&](qint64 written, qint64 all) {
        if (total >= 0 && all != total)
            sameTotal = false;
        if (written < lastWritten || written > all)
            monotonic = false;
        lastWritten = written;
        total = all;
        ++calls;
    });
    QVERIFY2(!error.isError(), qPrintable(error.message));
    QVERIFY(calls > 10);
    QVERIFY(monotonic);
    QVERIFY(sameTotal);
    QCOMPARE(lastWritten, total);
    QCOMPARE(total, treeSize(root));
}

void TestDemo::refusesNonEmptyRoot()
{
    QTemporaryDir tmp;
    const QString root = tmp.filePath(QStringLiteral("existing"));
    TestSupport::writeFile(root + QStringLiteral("/nota.txt"), "dados do cliente");
    const auto before = TestSupport::treeHashes(root);
    const auto error = DemoInstallation::create(root, testParameters());
    QCOMPARE(error.code, ExitCode::Usage);
    QVERIFY(error.message.contains(QDir::toNativeSeparators(root)));
    QCOMPARE(TestSupport::treeHashes(root), before);

    // An existing empty folder is fine.
    const QString empty = tmp.filePath(QStringLiteral("empty"));
    QVERIFY(QDir().mkpath(empty));
    DemoParameters small;
    small.companies = 1;
    small.sizeMb = 1;
    small.lastYear = testLastYear;
    const auto created = DemoInstallation::create(empty, small);
    QVERIFY2(!created.isError(), qPrintable(created.message));
    QVERIFY(QFileInfo::exists(empty + QStringLiteral("/sistemas.json")));
}

void TestDemo::refusesFileAsRoot()
{
    QTemporaryDir tmp;
    const QString file = tmp.filePath(QStringLiteral("arquivo"));
    TestSupport::writeFile(file, "x");
    const auto error = DemoInstallation::create(file, testParameters());
    QCOMPARE(error.code, ExitCode::Usage);
    QCOMPARE(TestSupport::fileHash(file), TestSupport::fileHash(file)); // still readable
    QCOMPARE(QFileInfo(file).size(), 1);
}

void TestDemo::refusesBadParameters_data()
{
    QTest::addColumn<int>("companies");
    QTest::addColumn<int>("years");
    QTest::addColumn<int>("sizeMb");
    QTest::addColumn<int>("lastYear");
    QTest::newRow("no companies") << 0 << 3 << 20 << 0;
    QTest::newRow("too many companies") << 10000 << 3 << 20 << 0;
    QTest::newRow("no years") << 5 << 0 << 20 << 0;
    QTest::newRow("too many years") << 5 << 51 << 20 << 0;
    QTest::newRow("no size") << 5 << 3 << 0 << 0;
    QTest::newRow("negative size") << 5 << 3 << -5 << 0;
    QTest::newRow("too large") << 5 << 3 << 1000001 << 0;
    QTest::newRow("odd last year") << 5 << 3 << 20 << 99;
}

void TestDemo::refusesBadParameters()
{
    QFETCH(int, companies);
    QFETCH(int, years);
    QFETCH(int, sizeMb);
    QFETCH(int, lastYear);
    QTemporaryDir tmp;
    const QString root = tmp.filePath(QStringLiteral("bad"));
    DemoParameters params;
    params.companies = companies;
    params.years = years;
    params.sizeMb = sizeMb;
    params.lastYear = lastYear;
    const auto error = DemoInstallation::create(root, params);
    QCOMPARE(error.code, ExitCode::Usage);
    QVERIFY(!error.message.isEmpty());
    QVERIFY(!QFileInfo::exists(root)); // nothing created
}

QTEST_GUILESS_MAIN(TestDemo)
#include "tst_demo.moc"
