// SPDX-License-Identifier: GPL-3.0-or-later
// Copies that users already keep were made by older versions: those of copy
// format version 1, written by the resguarda-cli of 643d8c1 and committed
// in tests/data/copy-format-1 (its README says how), must still list, verify
// and restore byte for byte with the current CLI. The files each copy holds
// were measured with sha256sum in the installation they were copied from,
// so nothing here trusts the code under test to say what a copy should hold.

#include "installation/installationid.h"
#include "support/hostilecopy.h"
#include "support/isolatedhome.h"
#include "support/testinstallation.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace TestSupport;
using Hashes = QMap<QString, QByteArray>;

namespace {

// One copy of the old format and what its maker asked for, known from the
// commands in the README, not read from the copy.
struct Witness
{
    QString file; // in tests/data/copy-format-1
    QString system;
    QString systemName;
    QString createdAt; // the manifest's, as ISO 8601
    bool templates = false;
    int archiveFrom = 0; // 0: every year
    QMap<QString, QString> companyNames; // code -> razão social
};

const QString padaria = QStringLiteral("Padaria São João Ltda");
const QString acougue = QStringLiteral("Açougue Boa Esperança ME");

const QList<Witness> &witnesses()
{
    static const QList<Witness> all = {
        {QStringLiteral("CopiaCP.zip"),
         QStringLiteral("CP"),
         QStringLiteral("Compras"),
         QStringLiteral("2026-11-27T15:46:12Z"),
         true,
         0,
         {{QStringLiteral("0001"), padaria},
          {QStringLiteral("0002"), QStringLiteral("Construções Ângelo & Filhos Ltda")},
          {QStringLiteral("0003"), acougue}}},
        {QStringLiteral("CopiaLF.zip"),
         QStringLiteral("LF"),
         QStringLiteral("Livros Fiscais"),
         QStringLiteral("2026-11-27T15:46:12Z"),
         false,
         2026,
         {{QStringLiteral("0001"), padaria}, {QStringLiteral("0003"), acougue}}},
        {QStringLiteral("CopiaAT.tar.gz"),
         QStringLiteral("AT"),
         QStringLiteral("Ativo Imobilizado"),
         QStringLiteral("2026-11-27T15:46:12Z"),
         true,
         0,
         {{QStringLiteral("0001"), padaria}, {QStringLiteral("0003"), acougue}}},
    };
    return all;
}

const Witness *witnessNamed(const QString &file)
{
    for (const auto &witness : witnesses())
        if (witness.file == file)
            return &witness;
    return nullptr;
}

QString dataDir()
{
    return QStringLiteral(RESGUARDA_SOURCE_DIR "/tests/data/copy-format-1");
}

// Copia<SIS>.files.tsv beside the copies: installation path -> SHA-256, and
// path -> size.
struct Recorded
{
    Hashes sha256;
    QMap<QString, qint64> sizes;
};

Recorded readRecorded(const QString &system, QString *error)
{
    Recorded recorded;
    QFile file(dataDir() + QStringLiteral("/Copia") + system + QStringLiteral(".files.tsv"));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.fileName() + u": " + file.errorString();
        return {};
    }
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().chopped(1);
        if (line.startsWith('#'))
            continue;
        const QList<QByteArray> fields = line.split('\t');
        bool sizeOk = false;
        const qint64 size = fields.value(1).toLongLong(&sizeOk);
        if (fields.size() != 5 || fields[0].size() != 64 || !sizeOk) {
            *error = QStringLiteral("bad line in %1: %2")
                         .arg(file.fileName(), QString::fromUtf8(line));
            return {};
        }
        const QString path = QString::fromUtf8(fields[4]);
        recorded.sha256.insert(path, fields[0]);
        recorded.sizes.insert(path, size);
    }
    if (recorded.sha256.isEmpty())
        *error = file.fileName() + QStringLiteral(" lists no file");
    return recorded;
}

// The entries of hashes below prefix ("CP/empresas/0001/"), keyed relative
// to it.
Hashes below(const Hashes &hashes, const QString &prefix)
{
    Hashes result;
    for (auto it = hashes.cbegin(); it != hashes.cend(); ++it)
        if (it.key().startsWith(prefix))
            result.insert(it.key().mid(prefix.size()), it.value());
    return result;
}

// hashes without the entries below any of prefixes.
Hashes outside(const Hashes &hashes, const QStringList &prefixes)
{
    Hashes result;
    for (auto it = hashes.cbegin(); it != hashes.cend(); ++it) {
        const bool inside
            = std::any_of(prefixes.cbegin(), prefixes.cend(),
                          [&](const QString &prefix) { return it.key().startsWith(prefix); });
        if (!inside)
            result.insert(it.key(), it.value());
    }
    return result;
}

// The year of a dated table, from its path inside the company folder
// (docs/installation-format.md), or 0 for a permanent one. Written here
// rather than taken from the backend, so that the test does not share the
// code it checks.
int tableYear(const QString &pathInCompany)
{
    static const QRegularExpression dated(
        QStringLiteral("^(?:morto/)?(?:anual/(\\d{4})|mensal/(\\d{4})-(?:0[1-9]|1[0-2]))/"));
    const auto match = dated.match(pathInCompany);
    if (!match.hasMatch())
        return 0;
    return (match.captured(1).isEmpty() ? match.captured(2) : match.captured(1)).toInt();
}

// Every difference between two trees, one line each; empty when equal.
QByteArray differences(const Hashes &actual, const Hashes &expected)
{
    QStringList lines;
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        if (!actual.contains(it.key()))
            lines << QStringLiteral("missing: ") + it.key();
        else if (actual.value(it.key()) != it.value())
            lines << QStringLiteral("different: ") + it.key();
    }
    for (auto it = actual.cbegin(); it != actual.cend(); ++it)
        if (!expected.contains(it.key()))
            lines << QStringLiteral("unexpected: ") + it.key();
    return lines.join(u'\n').toUtf8();
}

#define COMPARE_TREES(actual, expected)                                                            \
    do {                                                                                           \
        const QByteArray diff = differences(actual, expected);                                     \
        QVERIFY2(diff.isEmpty(), diff.constData());                                                \
    } while (false)

QByteArray describe(const ProcessResult &result)
{
    return "exit " + QByteArray::number(result.exitCode) + "\nstdout:\n" + result.standardOutput
        + "\nstderr:\n" + result.standardError;
}

} // namespace

class TestOldFormat : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_copies; // the committed copies, copied here: the source tree is never written
    QString m_temp; // TMPDIR of every CLI run
    QStringList m_env;
    int m_installations = 0;

    QString copyPath(const Witness &witness) const { return m_copies + u'/' + witness.file; }

    ProcessResult cli(const QStringList &args) const { return runCli(args, m_env); }

    // An installation with just the witness's system and nothing in it.
    QString freshInstallation(const Witness &witness)
    {
        const QString root = m_dir.filePath(QStringLiteral("fresh-%1").arg(++m_installations));
        writeFile(root + QStringLiteral("/sistemas.json"),
                  QStringLiteral(R"({"formato": 1, "sistemas": [{"codigo": "%1", "nome": "%2"}]})")
                      .arg(witness.system, witness.systemName)
                      .toUtf8());
        for (const QString &folder :
             QStringList {witness.system + QStringLiteral("/empresas"), QStringLiteral("sessoes")})
            if (!QDir().mkpath(root + u'/' + folder))
                return {};
        return root;
    }

    // A demonstration installation made by the current code: every system
    // has companies of its own, some with the codes of the copy's, and one
    // company no copy holds.
    QString populatedInstallation(const Witness &witness)
    {
        const QString root = m_dir.filePath(QStringLiteral("populated-%1").arg(++m_installations));
        const auto demo
            = cli({QStringLiteral("demo"), QStringLiteral("--root"), root,
                   QStringLiteral("--companies"), QStringLiteral("3"), QStringLiteral("--years"),
                   QStringLiteral("3"), QStringLiteral("--size-mb"), QStringLiteral("1"),
                   QStringLiteral("--seed"), QStringLiteral("23"), QStringLiteral("--quiet")});
        if (demo.exitCode != 0) {
            qWarning() << describe(demo);
            return {};
        }
        const QString other = root + u'/' + witness.system + QStringLiteral("/empresas/0042");
        writeFile(
            other + QStringLiteral("/empresa.json"),
            R"({"codigo": "0042", "razaoSocial": "Outra Empresa Ltda", "cnpj": "11.222.333/0001-81"})");
        writeFile(other + QStringLiteral("/anual/2025/saldos.dat"), "dados de outra empresa\n");
        return root;
    }

    QStringList restoreArgs(const Witness &witness, const QString &root) const
    {
        QStringList args = {QStringLiteral("restore"), copyPath(witness), QStringLiteral("--root"),
                            root, QStringLiteral("--yes")};
        if (witness.templates)
            args << QStringLiteral("--templates");
        return args;
    }

    bool tempIsEmpty() const
    {
        return QDir(m_temp).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    }

    static void addWitnessRows()
    {
        QTest::addColumn<QString>("file");
        for (const auto &witness : witnesses())
            QTest::newRow(qPrintable(witness.file)) << witness.file;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_copies = m_dir.filePath(QStringLiteral("copies"));
        m_temp = m_dir.filePath(QStringLiteral("tmp"));
        const QString home = m_dir.filePath(QStringLiteral("home"));
        QVERIFY(QDir().mkpath(m_temp));
        QVERIFY(QDir().mkpath(home));
        QVERIFY(copyTree(dataDir(), m_copies));
        m_env = QStringList {QStringLiteral("LANG=C.UTF-8"), QStringLiteral("LC_ALL=C.UTF-8"),
                             QStringLiteral("LANGUAGE="), QStringLiteral("TMPDIR=") + m_temp}
            + homeEnvironment(home);
    }

    // The witnesses are the bytes 643d8c1 wrote, not something a checkout
    // or an editor converted: witnesses.sha256 was made when they were.
    void witnessesAreTheOriginalBytes()
    {
        QFile sums(dataDir() + QStringLiteral("/witnesses.sha256"));
        QVERIFY2(sums.open(QIODevice::ReadOnly), qPrintable(sums.errorString()));
        QSet<QString> listed;
        while (!sums.atEnd()) {
            const QByteArray line = sums.readLine().trimmed();
            const qsizetype space = line.indexOf("  ");
            QVERIFY2(space == 64, line.constData());
            const QString name = QString::fromUtf8(line.mid(space + 2));
            QCOMPARE(fileHash(dataDir() + u'/' + name), line.left(64));
            listed.insert(name);
        }
        for (const auto &witness : witnesses()) {
            QVERIFY2(listed.contains(witness.file), qPrintable(witness.file));
            QVERIFY2(listed.contains(QStringLiteral("Copia%1.files.tsv").arg(witness.system)),
                     qPrintable(witness.file));
        }
    }

    void listShowsTheCompanies_data() { addWitnessRows(); }
    void listShowsTheCompanies()
    {
        QFETCH(QString, file);
        const Witness &witness = *witnessNamed(file);
        QString error;
        const Recorded recorded = readRecorded(witness.system, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        const auto json
            = cli({QStringLiteral("list"), copyPath(witness), QStringLiteral("--json")});
        QVERIFY2(json.exitCode == 0, describe(json).constData());
        QJsonParseError parseError;
        const QJsonObject root = QJsonDocument::fromJson(json.standardOutput, &parseError).object();
        QCOMPARE(parseError.error, QJsonParseError::NoError);
        QCOMPARE(root.value(u"system").toObject().value(u"code").toString(), witness.system);
        QCOMPARE(root.value(u"system").toObject().value(u"name").toString(), witness.systemName);
        QCOMPARE(root.value(u"createdAt").toString(), witness.createdAt);
        const QJsonObject options = root.value(u"options").toObject();
        QCOMPARE(options.value(u"templates").toBool(), witness.templates);
        if (witness.archiveFrom > 0)
            QCOMPARE(options.value(u"archiveFrom").toInt(), witness.archiveFrom);
        else
            QVERIFY(options.value(u"archiveFrom").isNull());

        const QJsonArray companies = root.value(u"companies").toArray();
        QStringList codes;
        for (const auto &value : companies) {
            const QJsonObject company = value.toObject();
            const QString code = company.value(u"code").toString();
            codes << code;
            const QString prefix = witness.system + QStringLiteral("/empresas/") + code + u'/';
            qint64 bytes = 0;
            QSet<int> years;
            int files = 0;
            for (auto it = recorded.sizes.cbegin(); it != recorded.sizes.cend(); ++it) {
                if (!it.key().startsWith(prefix))
                    continue;
                ++files;
                bytes += it.value();
                if (const int year = tableYear(it.key().mid(prefix.size())))
                    years.insert(year);
            }
            QVERIFY2(files > 0, qPrintable(code));
            QCOMPARE(company.value(u"name").toString(), witness.companyNames.value(code));
            QCOMPARE(company.value(u"files").toInt(), files);
            QCOMPARE(company.value(u"bytes").toInteger(), bytes);
            QList<int> listedYears;
            for (const auto &year : company.value(u"years").toArray())
                listedYears << year.toInt();
            QList<int> expectedYears = years.values();
            std::sort(expectedYears.begin(), expectedYears.end());
            QCOMPARE(listedYears, expectedYears);
            if (witness.archiveFrom > 0)
                QVERIFY(expectedYears.first() >= witness.archiveFrom);
        }
        QCOMPARE(codes, witness.companyNames.keys());

        // The text a person reads says the same.
        const auto text = cli({QStringLiteral("list"), copyPath(witness)});
        QVERIFY2(text.exitCode == 0, describe(text).constData());
        const QString out = QString::fromUtf8(text.standardOutput);
        QVERIFY2(
            out.contains(QStringLiteral("System: %1 - %2").arg(witness.system, witness.systemName)),
            text.standardOutput.constData());
        QVERIFY2(out.contains(QStringLiteral("Companies (%1):").arg(witness.companyNames.size())),
                 text.standardOutput.constData());
        const int templateFiles
            = int(below(recorded.sha256, witness.system + QStringLiteral("/modelos/")).size());
        QVERIFY2(out.contains(
                     witness.templates
                         ? QStringLiteral("with document templates (%1 files)").arg(templateFiles)
                         : QStringLiteral("without document templates")),
                 text.standardOutput.constData());
        if (witness.archiveFrom > 0)
            QVERIFY2(out.contains(QStringLiteral("annual and monthly tables from %1 on")
                                      .arg(witness.archiveFrom)),
                     text.standardOutput.constData());
        for (auto it = witness.companyNames.cbegin(); it != witness.companyNames.cend(); ++it) {
            const int files
                = int(below(recorded.sha256,
                            witness.system + QStringLiteral("/empresas/") + it.key() + u'/')
                          .size());
            const QRegularExpression line(QStringLiteral("^  %1  %2  .*  %3 file\\(s\\)  ")
                                              .arg(it.key(), QRegularExpression::escape(it.value()))
                                              .arg(files),
                                          QRegularExpression::MultilineOption);
            QVERIFY2(line.match(out).hasMatch(), qPrintable(line.pattern() + u'\n' + out));
        }
        QVERIFY(tempIsEmpty());
    }

    void verifyAcceptsTheCopy_data() { addWitnessRows(); }
    void verifyAcceptsTheCopy()
    {
        QFETCH(QString, file);
        const Witness &witness = *witnessNamed(file);
        QString error;
        const Recorded recorded = readRecorded(witness.system, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const auto result = cli({QStringLiteral("verify"), copyPath(witness)});
        QVERIFY2(result.exitCode == 0, describe(result).constData());
        const QByteArray verdict
            = "is intact: " + QByteArray::number(recorded.sha256.size()) + " files";
        QVERIFY2(result.standardOutput.contains(verdict), result.standardOutput.constData());
        QVERIFY(result.standardError.isEmpty());
        QVERIFY(tempIsEmpty());
    }

    // (i) Into an installation of the system with no company yet: the copy's
    // companies and templates are exactly the files it was made of.
    void restoreIntoAFreshInstallation_data() { addWitnessRows(); }
    void restoreIntoAFreshInstallation()
    {
        QFETCH(QString, file);
        const Witness &witness = *witnessNamed(file);
        QString error;
        const Recorded recorded = readRecorded(witness.system, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QString root = freshInstallation(witness);
        QVERIFY(!root.isEmpty());
        const QString system = witness.system + u'/';
        const Hashes before = treeHashes(root);

        const auto result = cli(restoreArgs(witness, root));
        QVERIFY2(result.exitCode == 0, describe(result).constData());

        const Hashes after = treeHashes(root);
        COMPARE_TREES(below(after, system + QStringLiteral("empresas/")),
                      below(recorded.sha256, system + QStringLiteral("empresas/")));
        COMPARE_TREES(below(after, system + QStringLiteral("modelos/")),
                      witness.templates
                          ? below(recorded.sha256, system + QStringLiteral("modelos/"))
                          : Hashes());
        // Nothing else changed, and nothing of the restore was left behind.
        COMPARE_TREES(
            outside(after,
                    {system + QStringLiteral("empresas/"), system + QStringLiteral("modelos/")}),
            outside(before, {system + QStringLiteral("empresas/")}));
        QVERIFY(!QFileInfo::exists(root + QStringLiteral("/.resguarda-restauracao")));
        QVERIFY(tempIsEmpty());
    }

    // (ii) Into an installation that already has data in the system: the
    // copy's companies replace theirs (keeping their own tables older than
    // the copy's archive-from year), the copy's templates overwrite those of
    // the same name, and everything else stays as it was.
    void restoreOverExistingData_data() { addWitnessRows(); }
    void restoreOverExistingData()
    {
        QFETCH(QString, file);
        const Witness &witness = *witnessNamed(file);
        QString error;
        const Recorded recorded = readRecorded(witness.system, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QString root = populatedInstallation(witness);
        QVERIFY(!root.isEmpty());
        const QString companies = witness.system + QStringLiteral("/empresas/");
        const QString templates = witness.system + QStringLiteral("/modelos/");
        const Hashes before = treeHashes(root);
        QVERIFY2(!below(before, companies).isEmpty(), "the installation has no data in the system");
        QVERIFY(below(before, companies + QStringLiteral("0042/")).size() == 2);

        const auto result = cli(restoreArgs(witness, root));
        QVERIFY2(result.exitCode == 0, describe(result).constData());

        const Hashes after = treeHashes(root);
        QStringList restored;
        int replaced = 0;
        int keptOwnTables = 0;
        for (const QString &code : witness.companyNames.keys()) {
            const QString prefix = companies + code + u'/';
            restored << prefix;
            Hashes expected = below(recorded.sha256, prefix);
            const Hashes own = below(before, prefix);
            if (!own.isEmpty())
                ++replaced;
            if (witness.archiveFrom > 0) {
                for (auto it = own.cbegin(); it != own.cend(); ++it) {
                    const int year = tableYear(it.key());
                    if (year > 0 && year < witness.archiveFrom && !expected.contains(it.key())) {
                        expected.insert(it.key(), it.value());
                        ++keptOwnTables;
                    }
                }
            }
            COMPARE_TREES(below(after, prefix), expected);
        }
        // The cases above really happened: a company of the installation was
        // replaced, and with archive-from its older tables were kept.
        QVERIFY(replaced > 0);
        QVERIFY(witness.archiveFrom == 0 || keptOwnTables > 0);
        Hashes expectedTemplates = below(before, templates);
        if (witness.templates) {
            const Hashes copied = below(recorded.sha256, templates);
            for (auto it = copied.cbegin(); it != copied.cend(); ++it)
                expectedTemplates.insert(it.key(), it.value());
        }
        COMPARE_TREES(below(after, templates), expectedTemplates);
        // The safety copy goes to Copias/, and records the installation's id
        // (created when missing); the rest, including the company the copy
        // does not hold, is untouched.
        const QStringList changed = restored
            + QStringList {templates, QStringLiteral("Copias/"),
                           QStringLiteral(".resguarda-instalacao")};
        COMPARE_TREES(outside(after, changed), outside(before, changed));
        QVERIFY(Resguarda::InstallationId::isValid(Resguarda::InstallationId::read(root)));
        QVERIFY(below(after, companies + QStringLiteral("0042/")).size() == 2);
        QVERIFY(!QFileInfo::exists(root + QStringLiteral("/.resguarda-restauracao")));
        QVERIFY(tempIsEmpty());
    }

    // The checks above can fail: one byte changed inside one entry's stored
    // data makes verify call the copy damaged and restore refuse it before
    // anything in the installation changes.
    void damagedOldCopyIsRefused_data()
    {
        QTest::addColumn<QString>("file");
        for (const auto &witness : witnesses())
            if (witness.file.endsWith(QStringLiteral(".zip")))
                QTest::newRow(qPrintable(witness.file)) << witness.file;
    }
    void damagedOldCopyIsRefused()
    {
        QFETCH(QString, file);
        const Witness &witness = *witnessNamed(file);
        const QString damaged
            = m_dir.filePath(QStringLiteral("damaged-") + witness.system) + u'/' + witness.file;
        QVERIFY(QDir().mkpath(QFileInfo(damaged).absolutePath()));
        QVERIFY(QFile::copy(copyPath(witness), damaged));

        QString error;
        const auto entries = HostileCopy::locateEntries(damaged, &error);
        QVERIFY2(!entries.isEmpty(), qPrintable(error));
        // The entry with the most stored data, so that the byte is well
        // inside it.
        const EntryLocation target = *std::max_element(
            entries.cbegin(), entries.cend(), [](const EntryLocation &a, const EntryLocation &b) {
                return a.compressedSize < b.compressedSize;
            });
        QVERIFY(target.rawName != "resguarda-manifest.json");
        QVERIFY(target.compressedSize > 100);
        {
            QFile zip(damaged);
            QVERIFY(zip.open(QIODevice::ReadWrite));
            const qint64 offset = target.dataOffset + target.compressedSize / 2;
            QVERIFY(zip.seek(offset));
            char byte = 0;
            QVERIFY(zip.getChar(&byte));
            QVERIFY(zip.seek(offset));
            QVERIFY(zip.putChar(char(byte ^ 0xff)));
        }
        QVERIFY(fileHash(damaged) != fileHash(copyPath(witness)));

        const auto verify = cli({QStringLiteral("verify"), damaged});
        QVERIFY2(verify.exitCode == 4, describe(verify).constData());
        QVERIFY2(verify.standardError.contains("is damaged"), describe(verify).constData());
        QVERIFY2(verify.standardError.contains(target.rawName), describe(verify).constData());

        const QString root = populatedInstallation(witness);
        QVERIFY(!root.isEmpty());
        const Hashes before = treeHashes(root);
        QStringList args = restoreArgs(witness, root);
        args[1] = damaged;
        const auto restore = cli(args);
        QVERIFY2(restore.exitCode == 4, describe(restore).constData());
        COMPARE_TREES(treeHashes(root), before);
        QVERIFY(tempIsEmpty());
    }
};

QTEST_GUILESS_MAIN(TestOldFormat)
#include "tst_oldformat.moc"
