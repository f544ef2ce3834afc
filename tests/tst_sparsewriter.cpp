// SPDX-License-Identifier: GPL-3.0-or-later
// Restored files keep their holes: SparseWriter writes what is data and
// leaves whole blocks of zeros as holes, and the file reads back the same.
#include "core/sparsewriter.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Resguarda;

class TestSparseWriter : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // Writes content through a SparseWriter in pieces of pieceSize, returns
    // the blocks (512 bytes) the file takes on disk, -1 on failure.
    qint64 writeSparse(const QString &path, const QByteArray &content, qint64 pieceSize)
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return -1;
        SparseWriter writer(file);
        for (qint64 offset = 0; offset < content.size(); offset += pieceSize) {
            const qint64 n = std::min<qint64>(pieceSize, content.size() - offset);
            if (writer.write(content.constData() + offset, n) != n)
                return -1;
        }
        if (!writer.finish())
            return -1;
        file.close();
        struct stat status
        {
        };
        return ::stat(QFile::encodeName(path).constData(), &status) == 0 ? status.st_blocks : -1;
    }

private Q_SLOTS:
    void holesAreLeftAndContentIsKept_data()
    {
        QTest::addColumn<qint64>("pieceSize");
        QTest::newRow("1 MiB pieces") << qint64(1024 * 1024);
        QTest::newRow("odd pieces") << qint64(1000);
        QTest::newRow("one piece") << qint64(64 * 1024 * 1024);
    }

    void holesAreLeftAndContentIsKept()
    {
        QFETCH(qint64, pieceSize);
        // 8 MiB of zeros, 10,000 random bytes at an unaligned offset, zeros
        // to the end: the trailing hole needs finish() to give the size.
        QByteArray content(16 * 1024 * 1024, '\0');
        QRandomGenerator random(9);
        for (int i = 0; i < 10000; ++i)
            content[8 * 1024 * 1024 + 123 + i] = char(random.bounded(256));
        const QString path = m_dir.filePath(QStringLiteral("esparso-%1.dat").arg(pieceSize));
        const qint64 blocks = writeSparse(path, content, pieceSize);
        QVERIFY(blocks >= 0);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.size(), content.size());
        QCOMPARE(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256),
                 QCryptographicHash::hash(content, QCryptographicHash::Sha256));
        // Three 4 KiB blocks hold the data; a file system without holes
        // would take all 16 MiB (32768 blocks of 512 bytes).
        QVERIFY2(blocks <= 64, qPrintable(QString::number(blocks)));
    }

    void dataWithoutZerosIsWrittenWhole()
    {
        QByteArray content(300000, Qt::Uninitialized);
        QRandomGenerator random(10);
        for (auto &byte : content)
            byte = char(1 + random.bounded(255));
        const QString path = m_dir.filePath(QStringLiteral("denso.dat"));
        QVERIFY(writeSparse(path, content, 7777) > 0);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), content);
    }

    void allZerosGivesTheSize()
    {
        const QByteArray content(5 * 4096, '\0');
        const QString path = m_dir.filePath(QStringLiteral("zeros.dat"));
        QVERIFY(writeSparse(path, content, 4096) >= 0);
        QCOMPARE(QFileInfo(path).size(), content.size());
    }
};

QTEST_GUILESS_MAIN(TestSparseWriter)
#include "tst_sparsewriter.moc"
