// SPDX-License-Identifier: GPL-3.0-or-later
// The backup side of the procedure ("Cópia de Segurança"), every option, on a real
// demo installation: the copies are real ZIP files read back entry by entry.

#include "backup/backupjob.h"
#include "copy/copyfilenames.h"
#include "copy/copyreader.h"
#include "installation/installation.h"
#include "installation/tablepath.h"
#include "producer/copynaming.h"
#include "support/demofixture.h"
#include "support/lockholderprocess.h"
#include "support/testinstallation.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Resguarda;
using namespace TestSupport;

namespace {

// The files of the installation below relativeDir as archive paths -> hash.
QMap<QString, QByteArray> installationHashes(const QString &root, const QString &relativeDir)
{
    QMap<QString, QByteArray> result;
    const auto tree = treeHashes(root + u'/' + relativeDir);
    for (auto it = tree.cbegin(); it != tree.cend(); ++it) {
        if (!it.key().endsWith(u'/'))
            result.insert(relativeDir + u'/' + it.key(), it.value());
    }
    return result;
}

QMap<QString, QByteArray> filtered(const QMap<QString, QByteArray> &map,
                                   const std::function<bool(const QString &)> &keep)
{
    QMap<QString, QByteArray> result;
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        if (keep(it.key()))
            result.insert(it.key(), it.value());
    }
    return result;
}

} // namespace

class TestBackup : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_root;

    QString freshFolder(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        QDir(path).removeRecursively();
        QDir().mkpath(path);
        return path;
    }

    OperationError backup(BackupOptions options)
    {
        if (options.root.isEmpty())
            options.root = m_root;
        BackupJob job(options);
        return job.run();
    }

    OperationError backupTo(const QString &systemCode, const QString &output)
    {
        BackupOptions options;
        options.systemCode = systemCode;
        options.output = output;
        return backup(options);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_root = m_dir.filePath(QStringLiteral("instalação"));
        const auto error = TestSupport::DemoFixture(3, 3, 6, 42, 2025).create(m_root);
        QVERIFY2(!error, qPrintable(error.message));
    }

    void defaultDestinationHoldsEveryCompanyFile()
    {
        const auto result = runCli({QStringLiteral("backup"), QStringLiteral("--root"), m_root,
                                    QStringLiteral("--system"), QStringLiteral("AT")});
        QVERIFY2(result.exitCode == 0, result.standardError.constData());
        const QString copy = m_root + QStringLiteral("/Copias/CopiaAT.zip");
        QVERIFY(QFile::exists(copy));
        QVERIFY(result.standardOutput.contains(copy.toUtf8()));

        // Exactly the company data of AT: no templates, no program files, no other system.
        const auto expected = installationHashes(m_root, QStringLiteral("AT/empresas"));
        QVERIFY(expected.size() > 20);
        QCOMPARE(copyHashes(copy), expected);
        QVERIFY(partialFiles(m_root + QStringLiteral("/Copias")).isEmpty());
    }

    void manifestDescribesTheCopy()
    {
        const QString target = m_dir.filePath(QStringLiteral("manifest.zip"));
        BackupOptions options;
        options.systemCode = QStringLiteral("AT");
        options.output = target;
        options.now = QDateTime(QDate(2026, 3, 4), QTime(15, 30), Qt::OffsetFromUTC, -3 * 3600);
        QVERIFY(!backup(options));
        OperationError error;
        const auto copy = CopyReader::open(target, &error);
        QVERIFY2(copy, qPrintable(error.message));
        const Manifest &manifest = copy->manifest();
        QCOMPARE(manifest.formatVersion, Manifest::currentFormatVersion);
        QCOMPARE(manifest.system.code, QStringLiteral("AT"));
        QCOMPARE(manifest.system.name, QStringLiteral("Ativo Imobilizado"));
        QCOMPARE(manifest.createdAt, options.now);
        QCOMPARE(manifest.createdAt.offsetFromUtc(), -3 * 3600);
        QVERIFY(!manifest.toolVersion.isEmpty());

        const auto installation = Installation::open(m_root, &error);
        QVERIFY(installation);
        const auto companies = installation->companies(QStringLiteral("AT"));
        QCOMPARE(manifest.companies.size(), companies.size());
        for (int i = 0; i < companies.size(); ++i) {
            const auto &described = manifest.companies[i];
            QCOMPARE(described.code, companies[i].code);
            QCOMPARE(described.name, companies[i].name);
            QCOMPARE(described.cnpj, companies[i].cnpj);
            const auto files = Installation::listFiles(companies[i].path, QString());
            qint64 bytes = 0;
            QSet<int> years;
            for (const auto &file : files) {
                bytes += file.size;
                const auto table = classifyCompanyPath(file.archivePath);
                if (table.isDated())
                    years.insert(table.year);
            }
            QCOMPARE(described.files, files.size());
            QCOMPARE(described.bytes, bytes);
            QList<int> sortedYears(years.begin(), years.end());
            std::sort(sortedYears.begin(), sortedYears.end());
            QCOMPARE(described.years, sortedYears);
        }
        QVERIFY(copy->structuralProblems().isEmpty());
        QVERIFY(copy->verify().isEmpty());
    }

    void systemMustBeChosenWhenSeveralAreInstalled()
    {
        const auto result
            = runCli({QStringLiteral("backup"), QStringLiteral("--root"), m_root,
                      QStringLiteral("--output"), m_dir.filePath(QStringLiteral("x.zip"))});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.standardError.contains("--system"));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("x.zip"))));
    }

    void singleSystemNeedsNoSystemOption()
    {
        // An installation of one system: the same data with sistemas.json listing AT only.
        const QString single = freshFolder(QStringLiteral("single"));
        QVERIFY(QDir().mkpath(single + QStringLiteral("/AT")));
        writeFile(single + QStringLiteral("/sistemas.json"),
                  R"({"formato": 1, "sistemas": [{"codigo": "AT", "nome": "Ativo Imobilizado"}]})");
        writeFile(
            single + QStringLiteral("/AT/empresas/0001/empresa.json"),
            R"({"codigo": "0001", "razaoSocial": "Única Ltda", "cnpj": "11.222.333/0001-81"})");
        writeFile(single + QStringLiteral("/AT/empresas/0001/cadastro.dat"), "registro\n");
        const auto result = runCli({QStringLiteral("backup"), QStringLiteral("--root"), single});
        QVERIFY2(result.exitCode == 0, result.standardError.constData());
        QCOMPARE(copyHashes(single + QStringLiteral("/Copias/CopiaAT.zip")).keys(),
                 QStringList({QStringLiteral("AT/empresas/0001/cadastro.dat"),
                              QStringLiteral("AT/empresas/0001/empresa.json")}));
    }

    void outputMayBeAFolderOrAFile()
    {
        const QString folder = freshFolder(QStringLiteral("pendrive"));
        auto result = runCli({QStringLiteral("backup"), QStringLiteral("--root"), m_root,
                              QStringLiteral("--system"), QStringLiteral("CP"),
                              QStringLiteral("--output"), folder});
        QVERIFY2(result.exitCode == 0, result.standardError.constData());
        QVERIFY(QFile::exists(folder + QStringLiteral("/CopiaCP.zip")));

        const QString file = folder + QStringLiteral("/minha cópia.zip");
        result = runCli({QStringLiteral("backup"), QStringLiteral("--root"), m_root,
                         QStringLiteral("--system"), QStringLiteral("CP"),
                         QStringLiteral("--output"), file});
        QVERIFY2(result.exitCode == 0, result.standardError.constData());
        QVERIFY(QFile::exists(file));
        QCOMPARE(copyHashes(file), copyHashes(folder + QStringLiteral("/CopiaCP.zip")));

        // A missing destination (an unplugged pen drive) is an error; nothing is created.
        const QString missing = m_dir.filePath(QStringLiteral("unplugged/CopiaCP.zip"));
        result = runCli({QStringLiteral("backup"), QStringLiteral("--root"), m_root,
                         QStringLiteral("--system"), QStringLiteral("CP"),
                         QStringLiteral("--output"), missing});
        QCOMPARE(result.exitCode, 1);
        QVERIFY(result.standardError.contains("unplugged"));
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("unplugged"))));
    }

    void companiesOptionSelectsCompanies()
    {
        const QString target = m_dir.filePath(QStringLiteral("some.zip"));
        auto result = runCli({QStringLiteral("backup"), QStringLiteral("--root"), m_root,
                              QStringLiteral("--system"), QStringLiteral("AT"),
                              QStringLiteral("--companies"), QStringLiteral("0001,0003"),
                              QStringLiteral("--output"), target});
        QVERIFY2(result.exitCode == 0, result.standardError.constData());
        const auto expected = filtered(installationHashes(m_root, QStringLiteral("AT/empresas")),
                                       [](const QString &path) {
                                           return path.startsWith(u"AT/empresas/0001/")
                                               || path.startsWith(u"AT/empresas/0003/");
                                       });
        QCOMPARE(copyHashes(target), expected);
        OperationError error;
        QCOMPARE(CopyReader::open(target, &error)->manifest().options.companies,
                 QStringList({QStringLiteral("0001"), QStringLiteral("0003")}));

        result = runCli({QStringLiteral("backup"), QStringLiteral("--root"), m_root,
                         QStringLiteral("--system"), QStringLiteral("AT"),
                         QStringLiteral("--companies"), QStringLiteral("0001,9999"),
                         QStringLiteral("--output"), m_dir.filePath(QStringLiteral("bad.zip"))});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.standardError.contains("9999"));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("bad.zip"))));
    }

    void templatesOptionIncludesTemplates()
    {
        const QString target = m_dir.filePath(QStringLiteral("templates.zip"));
        const auto result
            = runCli({QStringLiteral("backup"), QStringLiteral("--root"), m_root,
                      QStringLiteral("--system"), QStringLiteral("LF"),
                      QStringLiteral("--templates"), QStringLiteral("--output"), target});
        QVERIFY2(result.exitCode == 0, result.standardError.constData());
        auto expected = installationHashes(m_root, QStringLiteral("LF/empresas"));
        const auto templates = installationHashes(m_root, QStringLiteral("LF/modelos"));
        QVERIFY(!templates.isEmpty());
        expected.insert(templates);
        QCOMPARE(copyHashes(target), expected);
        OperationError error;
        const auto copy = CopyReader::open(target, &error);
        QVERIFY(copy->manifest().options.templates);
        QCOMPARE(copy->manifest().templateFiles, templates.size());
    }

    void archiveFromLeavesOutOlderDatedTables()
    {
        const QString target = m_dir.filePath(QStringLiteral("recent.zip"));
        const auto result = runCli({QStringLiteral("backup"), QStringLiteral("--root"), m_root,
                                    QStringLiteral("--system"), QStringLiteral("AT"),
                                    QStringLiteral("--archive-from"), QStringLiteral("2025"),
                                    QStringLiteral("--output"), target});
        QVERIFY2(result.exitCode == 0, result.standardError.constData());
        const auto all = installationHashes(m_root, QStringLiteral("AT/empresas"));
        int leftOut = 0;
        const auto expected = filtered(all, [&](const QString &path) {
            const QString inCompany = path.section(u'/', 3);
            const bool keep = classifyCompanyPath(inCompany).isKeptFrom(2025);
            leftOut += keep ? 0 : 1;
            return keep;
        });
        QVERIFY(leftOut > 0);
        // Permanent tables always stay.
        QVERIFY(expected.contains(QStringLiteral("AT/empresas/0001/empresa.json")));
        QCOMPARE(copyHashes(target), expected);
        OperationError error;
        const auto copy = CopyReader::open(target, &error);
        QCOMPARE(copy->manifest().options.archiveFromYear, 2025);
        for (const auto &company : copy->manifest().companies) {
            for (int year : company.years)
                QVERIFY(year >= 2025);
        }
        QCOMPARE(runCli({QStringLiteral("backup"), QStringLiteral("--root"), m_root,
                         QStringLiteral("--system"), QStringLiteral("AT"),
                         QStringLiteral("--archive-from"), QStringLiteral("20x5")})
                     .exitCode,
                 2);
    }

    void allSystemsWritesOneCopyPerSystem()
    {
        const QString folder = freshFolder(QStringLiteral("all"));
        auto result = runCli({QStringLiteral("backup"), QStringLiteral("--root"), m_root,
                              QStringLiteral("--all-systems"), QStringLiteral("--output"), folder});
        QVERIFY2(result.exitCode == 0, result.standardError.constData());
        OperationError error;
        const auto installation = Installation::open(m_root, &error);
        QVERIFY(installation->systems().size() >= 2);
        for (const auto &system : installation->systems()) {
            const QString copy
                = folder + QStringLiteral("/Copia") + system.code + QStringLiteral(".zip");
            QCOMPARE(copyHashes(copy),
                     installationHashes(m_root, system.code + QStringLiteral("/empresas")));
            QVERIFY(CopyReader::open(copy, &error)->manifest().options.allSystems);
        }
        QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden).size(),
                 installation->systems().size());

        result = runCli({QStringLiteral("backup"), QStringLiteral("--root"), m_root,
                         QStringLiteral("--all-systems"), QStringLiteral("--output"),
                         folder + QStringLiteral("/one.zip")});
        QCOMPARE(result.exitCode, 2);
    }

    // "Gera Cópia dos Demais Sistemas": the companies chosen belong to the
    // system named, which is copied first; the same code in another system
    // is another company (another CNPJ, other data) and is copied whole
    // with its system.
    void allSystemsKeepsTheChoiceOfCompaniesInItsSystem()
    {
        const QString root = m_dir.filePath(QStringLiteral("dois-sistemas"));
        QVERIFY(writeTwoSystemInstallation(root));
        const QString folder = freshFolder(QStringLiteral("dois-sistemas-copias"));
        const auto companyFiles = [&](const QString &system, const QString &code) {
            const QString prefix = system + QStringLiteral("/empresas/") + code + u'/';
            return filtered(installationHashes(root, system + QStringLiteral("/empresas")),
                            [&](const QString &path) { return path.startsWith(prefix); });
        };

        BackupOptions options;
        options.root = root;
        options.systemCode = QStringLiteral("AT");
        options.allSystems = true;
        options.companies = {QStringLiteral("0001")};
        options.output = folder;
        QStringList started;
        {
            BackupJob job(options);
            connect(&job, &BackupJob::copyStarted, this,
                    [&](const QString &system, const QString &) { started << system; });
            const auto error = job.run();
            QVERIFY2(!error, qPrintable(error.message));
        }
        QCOMPARE(started, QStringList({QStringLiteral("AT"), QStringLiteral("CP")}));
        QCOMPARE(copyHashes(folder + QStringLiteral("/CopiaAT.zip")),
                 companyFiles(QStringLiteral("AT"), QStringLiteral("0001")));
        QCOMPARE(copyHashes(folder + QStringLiteral("/CopiaCP.zip")),
                 installationHashes(root, QStringLiteral("CP/empresas")));
        OperationError error;
        QCOMPARE(CopyReader::open(folder + QStringLiteral("/CopiaAT.zip"), &error)
                     ->manifest()
                     .options.companies,
                 QStringList {QStringLiteral("0001")});
        QVERIFY(CopyReader::open(folder + QStringLiteral("/CopiaCP.zip"), &error)
                    ->manifest()
                    .options.companies.isEmpty());

        // Named CP: CP first with its own choice, AT whole.
        options.systemCode = QStringLiteral("CP");
        options.companies = {QStringLiteral("0002")};
        started.clear();
        {
            BackupJob job(options);
            connect(&job, &BackupJob::copyStarted, this,
                    [&](const QString &system, const QString &) { started << system; });
            const auto runError = job.run();
            QVERIFY2(!runError, qPrintable(runError.message));
        }
        QCOMPARE(started, QStringList({QStringLiteral("CP"), QStringLiteral("AT")}));
        QCOMPARE(copyHashes(folder + QStringLiteral("/CopiaCP.zip")),
                 companyFiles(QStringLiteral("CP"), QStringLiteral("0002")));
        QCOMPARE(copyHashes(folder + QStringLiteral("/CopiaAT.zip")),
                 installationHashes(root, QStringLiteral("AT/empresas")));

        // Without a system, the companies would belong to no system in
        // particular: refused, nothing written.
        const QString other = freshFolder(QStringLiteral("dois-sistemas-sem-sistema"));
        options.systemCode.clear();
        options.output = other;
        BackupJob job(options);
        QCOMPARE(job.run().code, ExitCode::Usage);
        QVERIFY(QDir(other).isEmpty());
    }

    void weekdayRotationReplacesOnlyTodaysSet()
    {
        const QString folder = freshFolder(QStringLiteral("rotation"));
        BackupOptions options;
        options.systemCode = QStringLiteral("AT");
        options.output = folder;
        options.rotation = BackupOptions::Rotation::Weekday;
        const QDateTime wednesday(QDate(2026, 11, 25), QTime(18, 0));
        const QDateTime thursday = wednesday.addDays(1);
        const QDateTime nextWednesday = wednesday.addDays(7);

        options.now = wednesday;
        QVERIFY(!backup(options));
        const QString quarta = folder + QStringLiteral("/CopiaAT-quarta.zip");
        QVERIFY(QFile::exists(quarta));
        const QByteArray quartaBefore = fileHash(quarta);

        options.now = thursday;
        QVERIFY(!backup(options));
        const QString quinta = folder + QStringLiteral("/CopiaAT-quinta.zip");
        QVERIFY(QFile::exists(quinta));
        QCOMPARE(fileHash(quarta), quartaBefore);
        const QByteArray quintaBefore = fileHash(quinta);

        options.now = nextWednesday;
        QVERIFY(!backup(options));
        OperationError error;
        QCOMPARE(CopyReader::open(quarta, &error)->manifest().createdAt, nextWednesday);
        QCOMPARE(fileHash(quinta), quintaBefore);
        QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden).size(), 2);

        // Every weekday has its own set name.
        QSet<QString> names;
        for (int day = 1; day <= 7; ++day)
            names.insert(CopyNaming::weekdaySetName(day));
        QCOMPARE(names.size(), 7);
    }

    void extraCopiesAreNeverReplaced()
    {
        const QString folder = freshFolder(QStringLiteral("extra"));
        const auto args = QStringList {QStringLiteral("backup"),
                                       QStringLiteral("--root"),
                                       m_root,
                                       QStringLiteral("--system"),
                                       QStringLiteral("AT"),
                                       QStringLiteral("--output"),
                                       folder,
                                       QStringLiteral("--extra"),
                                       QStringLiteral("Fechamento Anual 2025")};
        auto result = runCli(args);
        QVERIFY2(result.exitCode == 0, result.standardError.constData());
        result = runCli(args);
        QVERIFY2(result.exitCode == 0, result.standardError.constData());
        const auto names = QDir(folder).entryList(QDir::Files | QDir::Hidden, QDir::Name);
        QCOMPARE(names.size(), 2);
        const QString today = QDate::currentDate().toString(QStringLiteral("yyyy-MM-dd"));
        for (const auto &name : names) {
            QVERIFY2(
                name.startsWith(QStringLiteral("CopiaAT-extra-Fechamento-Anual-2025-") + today),
                qPrintable(name));
            OperationError error;
            QCOMPARE(CopyReader::open(folder + u'/' + name, &error)->manifest().options.extraLabel,
                     QStringLiteral("Fechamento Anual 2025"));
        }
        // Rotation in the same folder leaves extra copies alone.
        const QByteArray first = fileHash(folder + u'/' + names.first());
        result
            = runCli({QStringLiteral("backup"), QStringLiteral("--root"), m_root,
                      QStringLiteral("--system"), QStringLiteral("AT"), QStringLiteral("--output"),
                      folder, QStringLiteral("--rotation"), QStringLiteral("weekday")});
        QVERIFY2(result.exitCode == 0, result.standardError.constData());
        QCOMPARE(fileHash(folder + u'/' + names.first()), first);
        QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden).size(), 3);

        QCOMPARE(runCli({QStringLiteral("backup"), QStringLiteral("--root"), m_root,
                         QStringLiteral("--system"), QStringLiteral("AT"),
                         QStringLiteral("--extra"), QStringLiteral("***")})
                     .exitCode,
                 2);
    }

    void refusesWhileAClientIsConnected()
    {
        const QString target = m_dir.filePath(QStringLiteral("inuse.zip"));
        QVERIFY(!backupTo(QStringLiteral("AT"), target));
        const QByteArray before = fileHash(target);

        LockHolderProcess client(m_root + QStringLiteral("/sessoes"), QStringLiteral("maria"),
                                 QStringLiteral("CAIXA-01"), QStringLiteral("CP"));
        QVERIFY(client.waitUntilLocked());
        const auto result = runCli({QStringLiteral("backup"), QStringLiteral("--root"), m_root,
                                    QStringLiteral("--system"), QStringLiteral("AT"),
                                    QStringLiteral("--output"), target});
        QCOMPARE(result.exitCode, 3);
        QVERIFY(result.standardError.contains("maria"));
        QVERIFY(result.standardError.contains("CAIXA-01"));
        QVERIFY(result.standardError.contains("CP"));
        QCOMPARE(fileHash(target), before);
        QVERIFY(partialFiles(m_dir.path()).isEmpty());

        // Once the client is gone its file is stale (killed) and does not block.
        client.kill();
        QVERIFY(QFile::exists(client.lockFilePath()));
        const auto after = runCli({QStringLiteral("backup"), QStringLiteral("--root"), m_root,
                                   QStringLiteral("--system"), QStringLiteral("AT"),
                                   QStringLiteral("--output"), target});
        QVERIFY2(after.exitCode == 0, after.standardError.constData());
        QFile::remove(client.lockFilePath());
    }

    void companyCodesThatSortBeforeTheSlash()
    {
        // "0002-1" sorts before "0002" as a path ("0002-1/" < "0002/"), and
        // after it as a code: the copy must follow its paths' order, which
        // the reader checks, or the backup fails its own read-back.
        const QString root = m_dir.filePath(QStringLiteral("codigos"));
        QVERIFY(copyTree(m_root, root));
        QVERIFY(copyTree(root + QStringLiteral("/AT/empresas/0002"),
                         root + QStringLiteral("/AT/empresas/0002-1")));
        const QString target = m_dir.filePath(QStringLiteral("codigos.zip"));
        const auto result = runCli({QStringLiteral("backup"), QStringLiteral("--root"), root,
                                    QStringLiteral("--system"), QStringLiteral("AT"),
                                    QStringLiteral("--output"), target});
        QVERIFY2(result.exitCode == 0, result.standardError.constData());
        QCOMPARE(copyHashes(target), installationHashes(root, QStringLiteral("AT/empresas")));
    }

    void unicodeNamesSurviveTheCopy()
    {
        const QString company = m_root + QStringLiteral("/AT/empresas/0002");
        const QStringList names = {QStringLiteral("relatórios/Ação de cobrança – março.dat"),
                                   QStringLiteral("Ñandú ÇÃÕ ü.dat"), QStringLiteral("日本語.dat"),
                                   QStringLiteral("com espaço/e mais espaço.txt")};
        for (const auto &name : names)
            writeFile(company + u'/' + name, name.toUtf8().repeated(50));
        const QString target = m_dir.filePath(QStringLiteral("unicode.zip"));
        const auto result = runCli({QStringLiteral("backup"), QStringLiteral("--root"), m_root,
                                    QStringLiteral("--system"), QStringLiteral("AT"),
                                    QStringLiteral("--output"), target});
        QVERIFY2(result.exitCode == 0, result.standardError.constData());
        const auto hashes = copyHashes(target);
        for (const auto &name : names) {
            const QString entry = QStringLiteral("AT/empresas/0002/") + name;
            QVERIFY2(hashes.contains(entry), qPrintable(entry));
            QCOMPARE(hashes.value(entry), fileHash(company + u'/' + name));
        }
        // Other tools see the same UTF-8 names.
        QProcess unzip;
        unzip.start(QStringLiteral("unzip"), {QStringLiteral("-Z1"), target});
        QVERIFY(unzip.waitForFinished());
        const QString listing = QString::fromUtf8(unzip.readAllStandardOutput());
        for (const auto &name : names)
            QVERIFY2(listing.contains(name), qPrintable(name));
        for (const auto &name : names)
            QFile::remove(company + u'/' + name);
        QDir(company + QStringLiteral("/relatórios")).removeRecursively();
        QDir(company + QStringLiteral("/com espaço")).removeRecursively();
    }

    void otherToolsAcceptTheCopy()
    {
        const QString target = m_dir.filePath(QStringLiteral("tools.zip"));
        const auto result
            = runCli({QStringLiteral("backup"), QStringLiteral("--root"), m_root,
                      QStringLiteral("--system"), QStringLiteral("CP"),
                      QStringLiteral("--templates"), QStringLiteral("--output"), target});
        QVERIFY2(result.exitCode == 0, result.standardError.constData());

        QProcess unzip;
        unzip.start(QStringLiteral("unzip"), {QStringLiteral("-t"), target});
        QVERIFY(unzip.waitForFinished(60000));
        const QByteArray unzipOutput = unzip.readAllStandardOutput();
        QVERIFY2(unzip.exitCode() == 0, unzipOutput.constData());
        QVERIFY(unzipOutput.contains("No errors detected"));

        QProcess sevenZip;
        sevenZip.start(QStringLiteral("7z"), {QStringLiteral("t"), target});
        QVERIFY2(sevenZip.waitForStarted(), "7z is missing: packaging/install-deps.sh installs it");
        QVERIFY(sevenZip.waitForFinished(60000));
        const QByteArray sevenZipOutput = sevenZip.readAllStandardOutput();
        QVERIFY2(sevenZip.exitCode() == 0, sevenZipOutput.constData());
        QVERIFY(sevenZipOutput.contains("Everything is Ok"));

        // unzip restores the exact bytes.
        const QString extracted = freshFolder(QStringLiteral("unzipped"));
        unzip.start(QStringLiteral("unzip"),
                    {QStringLiteral("-q"), target, QStringLiteral("-d"), extracted});
        QVERIFY(unzip.waitForFinished(60000));
        QCOMPARE(unzip.exitCode(), 0);
        QFile::remove(extracted + QStringLiteral("/resguarda-manifest.json"));
        auto expected = treeHashes(m_root + QStringLiteral("/CP/empresas"));
        QCOMPARE(treeHashes(extracted + QStringLiteral("/CP/empresas")), expected);
    }

    void withoutTerminalPrintsOnlyTheResult()
    {
        const QString target = m_dir.filePath(QStringLiteral("quiet.zip"));
        const auto result = runCli({QStringLiteral("backup"), QStringLiteral("--root"), m_root,
                                    QStringLiteral("--system"), QStringLiteral("AT"),
                                    QStringLiteral("--output"), target, QStringLiteral("--quiet")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(!result.standardError.contains('\r'));
        QCOMPARE(result.standardOutput.count('\n'), 1);
        QVERIFY(result.standardOutput.contains(target.toUtf8()));
    }

    void progressAndCancellation()
    {
        BackupOptions options;
        options.root = m_root;
        options.systemCode = QStringLiteral("AT");
        const QString target = m_dir.filePath(QStringLiteral("cancel.zip"));
        options.output = target;
        // A good copy first: cancelling the next one must leave it as it is.
        {
            BackupJob job(options);
            QList<JobProgress> seen;
            connect(&job, &BackupJob::progressChanged, this,
                    [&](const JobProgress &p) { seen.append(p); });
            QVERIFY(!job.run());
            QVERIFY(seen.size() >= 2);
            QCOMPARE(seen.last().filesDone, seen.last().filesTotal);
            QCOMPARE(seen.last().bytesDone, seen.last().bytesTotal);
            bool sawCompany = false;
            for (const auto &p : seen)
                sawCompany = sawCompany || p.currentCompany == u"0001";
            QVERIFY(sawCompany);
            QCOMPARE(job.writtenCopies().size(), 1);
        }
        const QByteArray before = fileHash(target);
        BackupJob job(options);
        connect(&job, &BackupJob::progressChanged, &job, [&](const JobProgress &p) {
            if (p.filesDone >= 3)
                job.cancel();
        });
        const auto error = job.run();
        QCOMPARE(error.code, ExitCode::Failed);
        QVERIFY(error.message.contains(QStringLiteral("cancel")));
        QCOMPARE(fileHash(target), before);
        QVERIFY(partialFiles(m_dir.path()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestBackup)
#include "tst_backup.moc"
