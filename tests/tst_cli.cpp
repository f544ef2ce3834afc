// SPDX-License-Identifier: GPL-3.0-or-later
// resguarda-cli as scripts and schedulers see it: exit codes, list --json,
// verify, help, and messages in Portuguese when the locale is Portuguese.

#include "support/testinstallation.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Resguarda;
using namespace TestSupport;

namespace {

const QStringList portuguese
    = {QStringLiteral("LANG=pt_BR.UTF-8"), QStringLiteral("LC_ALL=pt_BR.UTF-8"),
       QStringLiteral("LANGUAGE=pt_BR")};

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_root;
    QString m_copy;
    QStringList m_companies; // codes of the companies of AT, all in m_copy

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_root = m_dir.filePath(QStringLiteral("inst"));
        auto result = runCli({QStringLiteral("demo"), QStringLiteral("--root"), m_root,
                              QStringLiteral("--companies"), QStringLiteral("3"),
                              QStringLiteral("--size-mb"), QStringLiteral("4"),
                              QStringLiteral("--seed"), QStringLiteral("11")});
        QVERIFY2(result.exitCode == 0, result.standardError.constData());
        m_companies = QDir(m_root + QStringLiteral("/AT/empresas"))
                          .entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QVERIFY(m_companies.size() >= 2);
        m_copy = m_dir.filePath(QStringLiteral("CopiaAT.zip"));
        result = runCli({QStringLiteral("backup"), QStringLiteral("--root"), m_root,
                         QStringLiteral("--system"), QStringLiteral("AT"),
                         QStringLiteral("--templates"), QStringLiteral("--archive-from"),
                         QStringLiteral("2024"), QStringLiteral("--output"), m_copy});
        QVERIFY2(result.exitCode == 0, result.standardError.constData());
    }

    void usageErrorsExitWithTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no command") << QStringList();
        QTest::newRow("unknown command") << QStringList {QStringLiteral("explode")};
        QTest::newRow("unknown option")
            << QStringList {QStringLiteral("backup"), QStringLiteral("--bogus")};
        QTest::newRow("backup without root") << QStringList {QStringLiteral("backup")};
        QTest::newRow("bad rotation")
            << QStringList {QStringLiteral("backup"), QStringLiteral("--root"), QStringLiteral("x"),
                            QStringLiteral("--rotation"), QStringLiteral("monthly")};
        QTest::newRow("list without copy") << QStringList {QStringLiteral("list")};
        QTest::newRow("verify two copies")
            << QStringList {QStringLiteral("verify"), QStringLiteral("a"), QStringLiteral("b")};
        QTest::newRow("demo bad size")
            << QStringList {QStringLiteral("demo"), QStringLiteral("--root"), QStringLiteral("x"),
                            QStringLiteral("--size-mb"), QStringLiteral("0")};
    }

    void usageErrorsExitWithTwo()
    {
        QFETCH(QStringList, args);
        const auto result = runCli(args);
        QCOMPARE(result.exitCode, 2);
        QVERIFY(!result.standardError.isEmpty());
        QVERIFY(result.standardOutput.isEmpty());
    }

    void helpAndVersion()
    {
        auto result = runCli({QStringLiteral("--version")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.standardOutput.startsWith("resguarda-cli "));
        result = runCli({QStringLiteral("--help")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.standardOutput.contains("backup"));
        result = runCli({QStringLiteral("backup"), QStringLiteral("--help")});
        QCOMPARE(result.exitCode, 0);
        for (const char *option :
             {"--root", "--system", "--output", "--companies", "--templates", "--archive-from",
              "--all-systems", "--rotation", "--extra", "--quiet"})
            QVERIFY2(result.standardOutput.contains(option), option);
    }

    // The procedure offers "Gera Cópia dos Demais Sistemas" from one system's
    // backup: that system (with the companies chosen in it) first, then
    // every other system whole.
    void backupOfOneSystemAndTheOthers()
    {
        const QString root = m_dir.filePath(QStringLiteral("dois-sistemas"));
        QVERIFY(writeTwoSystemInstallation(root));
        const QString folder = m_dir.filePath(QStringLiteral("dois-sistemas-copias"));
        QVERIFY(QDir().mkpath(folder));
        auto result = runCli({QStringLiteral("backup"), QStringLiteral("--root"), root,
                              QStringLiteral("--system"), QStringLiteral("AT"),
                              QStringLiteral("--all-systems"), QStringLiteral("--companies"),
                              QStringLiteral("0001"), QStringLiteral("--output"), folder,
                              QStringLiteral("--quiet")});
        QVERIFY2(result.exitCode == 0, result.standardError.constData());
        const QString at = folder + QStringLiteral("/CopiaAT.zip");
        const QString cp = folder + QStringLiteral("/CopiaCP.zip");
        const auto atLine = result.standardOutput.indexOf(QDir::toNativeSeparators(at).toUtf8());
        const auto cpLine = result.standardOutput.indexOf(QDir::toNativeSeparators(cp).toUtf8());
        QVERIFY2(atLine >= 0 && cpLine > atLine, result.standardOutput.constData());

        const auto codesAndCnpjs = [](const QString &copy) {
            OperationError error;
            const auto reader = CopyReader::open(copy, &error);
            QStringList result;
            if (!reader)
                return QStringList {error.message};
            for (const auto &company : reader->manifest().companies)
                result << company.code + u' ' + company.cnpj;
            return result;
        };
        QCOMPARE(codesAndCnpjs(at), QStringList {QStringLiteral("0001 12.345.678/0001-95")});
        QCOMPARE(codesAndCnpjs(cp),
                 QStringList({QStringLiteral("0001 11.444.777/0001-61"),
                              QStringLiteral("0002 33.000.167/0001-01")}));
        QMap<QString, QByteArray> cpFiles;
        const auto tree = treeHashes(root + QStringLiteral("/CP/empresas"));
        for (auto it = tree.cbegin(); it != tree.cend(); ++it) {
            if (!it.key().endsWith(u'/'))
                cpFiles.insert(QStringLiteral("CP/empresas/") + it.key(), it.value());
        }
        QCOMPARE(copyHashes(cp), cpFiles);

        // Companies with every system but no --system: whose companies? Refused.
        const QString other = m_dir.filePath(QStringLiteral("dois-sistemas-sem-sistema"));
        QVERIFY(QDir().mkpath(other));
        result = runCli({QStringLiteral("backup"), QStringLiteral("--root"), root,
                         QStringLiteral("--all-systems"), QStringLiteral("--companies"),
                         QStringLiteral("0001"), QStringLiteral("--output"), other});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.standardError.contains("--system"), result.standardError.constData());
        QVERIFY(QDir(other).isEmpty());
    }

    void listJsonDescribesTheCopy()
    {
        const auto result = runCli({QStringLiteral("list"), m_copy, QStringLiteral("--json")});
        QVERIFY2(result.exitCode == 0, result.standardError.constData());
        QJsonParseError parseError;
        const QJsonObject root
            = QJsonDocument::fromJson(result.standardOutput, &parseError).object();
        QCOMPARE(parseError.error, QJsonParseError::NoError);
        QCOMPARE(root.value(u"system").toObject().value(u"code").toString(), QStringLiteral("AT"));
        QCOMPARE(root.value(u"system").toObject().value(u"name").toString(),
                 QStringLiteral("Ativo Imobilizado"));
        const QDateTime created
            = QDateTime::fromString(root.value(u"createdAt").toString(), Qt::ISODate);
        QVERIFY(created.isValid());
        QVERIFY(qAbs(created.secsTo(QDateTime::currentDateTime())) < 600);
        QVERIFY(root.value(u"createdAt")
                    .toString()
                    .contains(QRegularExpression(QStringLiteral("(Z|[+-]\\d\\d:\\d\\d)$"))));
        const QJsonObject options = root.value(u"options").toObject();
        QCOMPARE(options.value(u"templates").toBool(), true);
        QCOMPARE(options.value(u"archiveFrom").toInt(), 2024);
        const QJsonArray companies = root.value(u"companies").toArray();
        QCOMPARE(companies.size(), m_companies.size());
        for (const auto &value : companies) {
            const QJsonObject company = value.toObject();
            for (const char *key : {"code", "name", "cnpj", "files", "bytes", "years"})
                QVERIFY2(company.contains(QLatin1String(key)), key);
            QVERIFY(!company.contains(u"existsInRoot"));
            QVERIFY(company.value(u"files").toInt() > 0);
            for (const auto &year : company.value(u"years").toArray())
                QVERIFY(year.toInt() >= 2024);
        }
    }

    void listMarksCompaniesOfTheInstallation()
    {
        // A company removed from the installation is no longer "existsInRoot".
        const QString removed = m_companies.last();
        QVERIFY(QDir(m_root + QStringLiteral("/AT/empresas/") + removed).removeRecursively());
        const auto result = runCli({QStringLiteral("list"), m_copy, QStringLiteral("--json"),
                                    QStringLiteral("--root"), m_root});
        QVERIFY2(result.exitCode == 0, result.standardError.constData());
        const QJsonArray companies
            = QJsonDocument::fromJson(result.standardOutput).object().value(u"companies").toArray();
        for (const auto &value : companies) {
            const QJsonObject company = value.toObject();
            QCOMPARE(company.value(u"existsInRoot").toBool(),
                     company.value(u"code").toString() != removed);
        }
        const auto text
            = runCli({QStringLiteral("list"), m_copy, QStringLiteral("--root"), m_root});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.standardOutput.contains("[new]"));
    }

    void listReadsOnlyTheManifest()
    {
        // A copy whose data is ruined but whose directory and manifest are intact
        // still lists, because list reads nothing else; verify finds the damage.
        const QString damaged = m_dir.filePath(QStringLiteral("damaged.zip"));
        QVERIFY(QFile::copy(m_copy, damaged));
        QFile file(damaged);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.seek(200));
        QCOMPARE(file.write(QByteArray(2000, '\0')), qint64(2000));
        file.close();
        QCOMPARE(runCli({QStringLiteral("list"), damaged}).exitCode, 0);
        const auto verify = runCli({QStringLiteral("verify"), damaged});
        QCOMPARE(verify.exitCode, 4);
        QVERIFY(verify.standardError.contains("damaged"));
    }

    void verifyAcceptsAGoodCopy()
    {
        const auto result = runCli({QStringLiteral("verify"), m_copy});
        QVERIFY2(result.exitCode == 0, result.standardError.constData());
        QVERIFY(result.standardOutput.contains("intact"));
    }

    void invalidCopiesExitWithFour()
    {
        const QString notZip = m_dir.filePath(QStringLiteral("not.zip"));
        writeFile(notZip, "this is not a zip file at all");
        for (const QString &command : {QStringLiteral("list"), QStringLiteral("verify")}) {
            const auto result = runCli({command, notZip});
            QCOMPARE(result.exitCode, 4);
            QVERIFY(result.standardError.contains("not a ZIP"));
        }
        const auto missing
            = runCli({QStringLiteral("list"), m_dir.filePath(QStringLiteral("nope.zip"))});
        QCOMPARE(missing.exitCode, 1);
    }

    void demoIsDeterministic()
    {
        const QStringList args = {QStringLiteral("--companies"), QStringLiteral("2"),
                                  QStringLiteral("--years"),     QStringLiteral("2"),
                                  QStringLiteral("--size-mb"),   QStringLiteral("2"),
                                  QStringLiteral("--seed"),      QStringLiteral("99")};
        const QString a = m_dir.filePath(QStringLiteral("demo-a"));
        const QString b = m_dir.filePath(QStringLiteral("demo-b"));
        QCOMPARE(runCli(QStringList {QStringLiteral("demo"), QStringLiteral("--root"), a} + args)
                     .exitCode,
                 0);
        QCOMPARE(runCli(QStringList {QStringLiteral("demo"), QStringLiteral("--root"), b} + args)
                     .exitCode,
                 0);
        QCOMPARE(treeHashes(a), treeHashes(b));
        QVERIFY(treeHashes(a).size() > 20);
        // An existing installation is never overwritten.
        const auto again
            = runCli(QStringList {QStringLiteral("demo"), QStringLiteral("--root"), a} + args);
        QCOMPARE(again.exitCode, 2);
    }

    void messagesFollowThePortugueseLocale()
    {
        auto result = runCli({QStringLiteral("list"), m_dir.filePath(QStringLiteral("not.zip"))},
                             portuguese);
        QCOMPARE(result.exitCode, 4);
        const QString message = QString::fromUtf8(result.standardError);
        QVERIFY2(message.contains(QStringLiteral("não é")), qPrintable(message));

        result = runCli({QStringLiteral("verify"), m_copy}, portuguese);
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(QString::fromUtf8(result.standardOutput).contains(QStringLiteral("íntegra")),
                 result.standardOutput.constData());

        result = runCli({QStringLiteral("backup"), QStringLiteral("--root"), m_root,
                         QStringLiteral("--system"), QStringLiteral("AT"),
                         QStringLiteral("--output"), m_dir.filePath(QStringLiteral("pt.zip"))},
                        portuguese);
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(QString::fromUtf8(result.standardOutput)
                     .contains(QStringLiteral("Cópia de Segurança Realizada com Sucesso")),
                 result.standardOutput.constData());

        result = runCli({QStringLiteral("backup"), QStringLiteral("--help")}, portuguese);
        QVERIFY2(QString::fromUtf8(result.standardOutput).contains(QStringLiteral("Inclui")),
                 result.standardOutput.constData());
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
