// SPDX-License-Identifier: GPL-3.0-or-later
// Reading an installation root as docs/installation-format.md describes it.

#include "installation/installation.h"
#include "support/testinstallation.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Resguarda;
using namespace TestSupport;

class TestInstallation : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString makeRoot(const QString &name, const QByteArray &systemsJson)
    {
        const QString root = m_dir.filePath(name);
        writeFile(root + QStringLiteral("/sistemas.json"), systemsJson);
        return root;
    }

private Q_SLOTS:
    void readsSystemsAndCompanies()
    {
        const QString root = makeRoot(QStringLiteral("ok"), R"({"formato": 1, "sistemas": [
            {"codigo": "AT", "nome": "Ativo Imobilizado"}, {"codigo": "CP", "nome": "Compras"}]})");
        writeFile(
            root + QStringLiteral("/AT/empresas/0002/empresa.json"),
            R"({"codigo": "0002", "razaoSocial": "Açougue Boa Esperança ME", "cnpj": "11.222.333/0001-81"})");
        writeFile(
            root + QStringLiteral("/AT/empresas/0001/empresa.json"),
            R"({"codigo": "0001", "razaoSocial": "Padaria São João", "cnpj": "11.444.777/0001-61"})");
        // A company whose empresa.json is damaged is still a company: its data must not be skipped.
        writeFile(root + QStringLiteral("/AT/empresas/0003/empresa.json"), "{not json");
        writeFile(root + QStringLiteral("/AT/empresas/0003/cadastro.dat"), "x");

        OperationError error;
        const auto installation = Installation::open(root, &error);
        QVERIFY2(installation, qPrintable(error.message));
        QCOMPARE(installation->systems().size(), 2);
        QCOMPARE(installation->systems().at(1).name, QStringLiteral("Compras"));
        // Codes are compared exactly; only what a person typed may differ in case.
        QVERIFY(installation->system(QStringLiteral("CP")));
        QVERIFY(!installation->system(QStringLiteral("cp")));
        QVERIFY(installation->system(QStringLiteral("cp"), Qt::CaseInsensitive));
        QVERIFY(!installation->system(QStringLiteral("LF")));

        QStringList warnings;
        const auto companies = installation->companies(QStringLiteral("AT"), &warnings);
        QCOMPARE(companies.size(), 3);
        QCOMPARE(companies[0].code, QStringLiteral("0001"));
        QCOMPARE(companies[0].name, QStringLiteral("Padaria São João"));
        QCOMPARE(companies[1].name, QStringLiteral("Açougue Boa Esperança ME"));
        QCOMPARE(companies[1].cnpj, QStringLiteral("11.222.333/0001-81"));
        QCOMPARE(companies[2].code, QStringLiteral("0003"));
        QCOMPARE(warnings.size(), 1);
        QVERIFY(warnings.first().contains(QStringLiteral("0003")));
        QVERIFY(installation->companies(QStringLiteral("CP")).isEmpty());
    }

    void refusesWhatIsNotAnInstallation()
    {
        OperationError error;
        QVERIFY(!Installation::open(m_dir.filePath(QStringLiteral("missing")), &error));
        QCOMPARE(error.code, ExitCode::Failed);
        QVERIFY(error.message.contains(QStringLiteral("missing")));

        QDir().mkpath(m_dir.filePath(QStringLiteral("empty")));
        QVERIFY(!Installation::open(m_dir.filePath(QStringLiteral("empty")), &error));
        QVERIFY(error.message.contains(QStringLiteral("sistemas.json")));

        QVERIFY(!Installation::open(
            makeRoot(QStringLiteral("newer"), R"({"formato": 2, "sistemas": []})"), &error));
        QVERIFY(!Installation::open(
            makeRoot(QStringLiteral("evil"),
                     R"({"formato": 1, "sistemas": [{"codigo": "../x", "nome": "x"}]})"),
            &error));
        QVERIFY(error.message.contains(QStringLiteral("../x")));
    }

    void listsFilesWithoutFollowingLinks()
    {
        const QString dir = m_dir.filePath(QStringLiteral("files"));
        writeFile(dir + QStringLiteral("/b.dat"), "bb");
        writeFile(dir + QStringLiteral("/a/ç.dat"), "a");
        writeFile(dir + QStringLiteral("/.oculto"), "hidden files are data too");
        writeFile(m_dir.filePath(QStringLiteral("outside/secret.dat")), "secret");
        QVERIFY(
            QFile::link(m_dir.filePath(QStringLiteral("outside")), dir + QStringLiteral("/link")));
        QStringList warnings;
        const auto files
            = Installation::listFiles(dir, QStringLiteral("AT/empresas/0001/"), &warnings);
        QStringList names;
        QList<qint64> sizes;
        for (const auto &file : files) {
            names << file.archivePath;
            sizes << file.size;
        }
        QCOMPARE(names,
                 QStringList({QStringLiteral("AT/empresas/0001/.oculto"),
                              QStringLiteral("AT/empresas/0001/a/ç.dat"),
                              QStringLiteral("AT/empresas/0001/b.dat")}));
        QCOMPARE(sizes, QList<qint64>({25, 1, 2}));
        QCOMPARE(warnings.size(), 1);
        QVERIFY(warnings.first().contains(QStringLiteral("link")));
    }
};

QTEST_GUILESS_MAIN(TestInstallation)
#include "tst_installation.moc"
