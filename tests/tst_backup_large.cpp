// SPDX-License-Identifier: GPL-3.0-or-later
// A table larger than 4 GiB (a sparse file, so it costs no disk): the copy
// needs zip64, and unzip and 7-Zip must still accept it. Labelled "slow".

#include "copy/copyreader.h"
#include "support/testinstallation.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Resguarda;
using namespace TestSupport;

class TestBackupLarge : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void entryLargerThan4GiB()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString root = dir.filePath(QStringLiteral("inst"));
        writeFile(root + QStringLiteral("/sistemas.json"),
                  R"({"formato": 1, "sistemas": [{"codigo": "AT", "nome": "Ativo Imobilizado"}]})");
        const QString company = root + QStringLiteral("/AT/empresas/0001");
        writeFile(
            company + QStringLiteral("/empresa.json"),
            R"({"codigo": "0001", "razaoSocial": "Grande Ltda", "cnpj": "11.222.333/0001-81"})");
        writeFile(company + QStringLiteral("/antes.dat"), "small file before the big one\n");
        writeFile(company + QStringLiteral("/depois.dat"), "small file after the big one\n");

        const qint64 bigSize = Q_INT64_C(4) * 1024 * 1024 * 1024 + 12345;
        QFile big(company + QStringLiteral("/bens grandes.dat"));
        QVERIFY(big.open(QIODevice::WriteOnly));
        QVERIFY(big.write("start of the table\n") > 0);
        QVERIFY(big.resize(bigSize - 17)); // sparse: no blocks for the zeros
        QVERIFY(big.seek(bigSize - 17));
        QCOMPARE(big.write("end of the table\n"), qint64(17));
        big.close();
        QCOMPARE(QFileInfo(big).size(), bigSize);

        const QString target = dir.filePath(QStringLiteral("big.zip"));
        const auto result = runCli({QStringLiteral("backup"), QStringLiteral("--root"), root,
                                    QStringLiteral("--output"), target},
                                   {}, 20 * 60 * 1000);
        QVERIFY2(result.exitCode == 0, result.standardError.constData());

        OperationError error;
        const auto copy = CopyReader::open(target, &error);
        QVERIFY2(copy, qPrintable(error.message));
        bool found = false;
        for (const auto &entry : copyEntries(*copy)) {
            if (entry.path.endsWith(u"bens grandes.dat")) {
                QCOMPARE(entry.size, bigSize);
                found = true;
            }
        }
        QVERIFY(found);
        QVERIFY(copy->structuralProblems().isEmpty());

        QProcess unzip;
        unzip.start(QStringLiteral("unzip"), {QStringLiteral("-tq"), target});
        QVERIFY(unzip.waitForFinished(20 * 60 * 1000));
        const QByteArray unzipOutput = unzip.readAllStandardOutput() + unzip.readAllStandardError();
        QVERIFY2(unzip.exitCode() == 0, unzipOutput.constData());

        QProcess sevenZip;
        sevenZip.start(QStringLiteral("7z"), {QStringLiteral("l"), QStringLiteral("-slt"), target});
        QVERIFY2(sevenZip.waitForStarted(), "7z is missing: packaging/install-deps.sh installs it");
        QVERIFY(sevenZip.waitForFinished(60000));
        const QByteArray listing = sevenZip.readAllStandardOutput();
        QCOMPARE(sevenZip.exitCode(), 0);
        const QByteArray sizeLine = QByteArray("Size = ") + QByteArray::number(bigSize);
        QVERIFY2(listing.contains(sizeLine), listing.constData());
    }
};

QTEST_GUILESS_MAIN(TestBackupLarge)
#include "tst_backup_large.moc"
