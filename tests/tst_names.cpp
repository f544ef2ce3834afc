// SPDX-License-Identifier: GPL-3.0-or-later
// File names as bytes (core/filenames.h) and their form inside a copy
// (copy/zipnames.h): every byte string survives the round trip, two names
// never share a form, and only canonical entry names are accepted back.
#include "copy/zipnames.h"
#include "core/displaytext.h"
#include "core/filenames.h"
#include "core/rooteddir.h"
#include "maintenance/restorejournal.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Resguarda;

class TestNames : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everySingleByteRoundTrips()
    {
        QSet<QString> decoded;
        for (int byte = 1; byte < 256; ++byte) {
            const QByteArray bytes(1, char(byte));
            const QString name = FileNames::decode(bytes);
            QCOMPARE(FileNames::encode(name), bytes);
            QCOMPARE(FileNames::hasRawBytes(name), byte >= 0x80);
            decoded.insert(name);
            const QString entry = ZipNames::toEntryName(name);
            QVERIFY(FileNames::isValidUtf8(entry.toUtf8()));
            QCOMPARE(ZipNames::toPath(entry), std::optional<QString>(name));
        }
        QCOMPARE(decoded.size(), 255);
    }

    void randomByteStringsRoundTrip()
    {
        // Fixed seed: a failure is reproducible.
        QRandomGenerator random(20261127);
        QSet<QString> entries;
        QSet<QByteArray> inputs;
        for (int i = 0; i < 20000; ++i) {
            QByteArray bytes(1 + random.bounded(12), Qt::Uninitialized);
            for (auto &byte : bytes)
                byte = char(1 + random.bounded(255));
            const QString name = FileNames::decode(bytes);
            QCOMPARE(FileNames::encode(name), bytes);
            const QString entry = ZipNames::toEntryName(name);
            QCOMPARE(ZipNames::toPath(entry), std::optional<QString>(name));
            if (!inputs.contains(bytes)) {
                inputs.insert(bytes);
                // One to one: a new name never takes an entry name in use.
                QVERIFY2(!entries.contains(entry), qPrintable(entry));
                entries.insert(entry);
            }
        }
    }

    void latin1AndUtf8NamesStayApart()
    {
        const QByteArray latin1("hist\xf3rico.dat");
        const QByteArray utf8("hist\xc3\xb3rico.dat");
        const QString a = FileNames::decode(latin1);
        const QString b = FileNames::decode(utf8);
        QVERIFY(a != b);
        QCOMPARE(b, QStringLiteral("hist\u00f3rico.dat"));
        QCOMPARE(ZipNames::toEntryName(a), QStringLiteral("hist%F3rico.dat"));
        QCOMPARE(ZipNames::toEntryName(b), QStringLiteral("hist\u00f3rico.dat"));
        // On screen the stray byte becomes the replacement mark, and only there.
        QCOMPARE(DisplayText::displaySafe(a), QStringLiteral("hist\ufffdrico.dat"));
    }

    void invalidUtf8FormsAreRawBytes_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("overlong slash") << QByteArray("\xc0\xaf");
        QTest::newRow("overlong NUL") << QByteArray("\xc0\x80");
        QTest::newRow("surrogate") << QByteArray("\xed\xa0\x80");
        QTest::newRow("escaped surrogate form") << QByteArray("\xed\xb3\xb3");
        QTest::newRow("above U+10FFFF") << QByteArray("\xf4\x90\x80\x80");
        QTest::newRow("truncated") << QByteArray("\xe2\x82");
        QTest::newRow("lone continuation") << QByteArray("\x80");
    }

    void invalidUtf8FormsAreRawBytes()
    {
        QFETCH(QByteArray, bytes);
        QVERIFY(!FileNames::isValidUtf8(bytes));
        const QString name = FileNames::decode(bytes);
        QCOMPARE(name.size(), bytes.size());
        QVERIFY(FileNames::hasRawBytes(name));
        QCOMPARE(FileNames::encode(name), bytes);
        // Never a '/' or a NUL in disguise.
        QVERIFY(!name.contains(u'/'));
        QVERIFY(!name.contains(QChar(0)));
    }

    void validUtf8IsText()
    {
        const QByteArray bytes("Constru\xc3\xa7\xc3\xb5"
                               "es \xe2\x82\xac \xf0\x9f\x93\x84");
        QVERIFY(FileNames::isValidUtf8(bytes));
        const QString name = FileNames::decode(bytes);
        QCOMPARE(name, QString::fromUtf8(bytes));
        QVERIFY(!FileNames::hasRawBytes(name));
        QCOMPARE(ZipNames::toEntryName(name), name);
    }

    void zipFormEscapesWhatToolsMisread_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("entry");
        QTest::newRow("colon stays") << u"a/relatorio 10:30.txt"_qs << u"a/relatorio 10:30.txt"_qs;
        QTest::newRow("backslash") << u"a/b\\c"_qs << u"a/b%5Cc"_qs;
        QTest::newRow("percent") << u"a/50%.txt"_qs << u"a/50%25.txt"_qs;
        QTest::newRow("tab") << u"a/x\ty"_qs << u"a/x%09y"_qs;
        QTest::newRow("newline") << u"a/x\ny"_qs << u"a/x%0Ay"_qs;
        QTest::newRow("DEL") << u"a/x\x7f"_qs << u"a/x%7F"_qs;
        QTest::newRow("C1 CSI") << u"a/x\u009b"_qs << u"a/x%C2%9B"_qs;
        QTest::newRow("NFD stays") << u"a/a\u0301"_qs << u"a/a\u0301"_qs;
    }

    void zipFormEscapesWhatToolsMisread()
    {
        QFETCH(QString, path);
        QFETCH(QString, entry);
        QCOMPARE(ZipNames::toEntryName(path), entry);
        QCOMPARE(ZipNames::toPath(entry), std::optional<QString>(path));
    }

    void nonCanonicalEntryNamesAreRefused_data()
    {
        QTest::addColumn<QString>("entry");
        QTest::newRow("escaped slash") << u"AT/empresas/0001/..%2F..%2Fx"_qs;
        QTest::newRow("escaped dot") << u"AT/empresas/0001/%2E%2E/x"_qs;
        QTest::newRow("escaped letter") << u"AT/empresas/0001/%41"_qs;
        QTest::newRow("lower-case hex") << u"AT/empresas/0001/hist%f3rico"_qs;
        QTest::newRow("NUL") << u"AT/empresas/0001/a%00b"_qs;
        QTest::newRow("bare percent") << u"AT/empresas/0001/50%.txt"_qs;
        QTest::newRow("short escape") << u"AT/empresas/0001/a%F"_qs;
        QTest::newRow("raw backslash") << u"AT\\empresas"_qs;
        QTest::newRow("raw control") << u"AT/empresas/0001/a\tb"_qs;
        QTest::newRow("escaped valid UTF-8") << u"AT/empresas/0001/%C3%B3"_qs;
    }

    void nonCanonicalEntryNamesAreRefused()
    {
        QFETCH(QString, entry);
        QVERIFY(!ZipNames::toPath(entry));
    }

    // A crash in the middle of a restore is finished from the journal: the
    // templates it names keep their exact bytes through the JSON text, and
    // a journal written before this form still reads as it meant.
    void journalKeepsExactTemplateNames()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString problem;
        auto opened = RootedDir::open(dir.path(), &problem);
        QVERIFY2(opened, qPrintable(problem));
        const auto tree = std::make_shared<const RootedDir>(std::move(*opened));
        RestoreJournal journal(tree);
        journal.system = QStringLiteral("AT");
        const QString latin1 = FileNames::decode("AT/modelos/hist\xf3rico.etq");
        const QString percent = QStringLiteral("AT/modelos/50%25 de desconto.txt");
        journal.steps = {{SwapStep::Action::Replace, latin1}, {SwapStep::Action::Add, percent}};
        QVERIFY(!journal.begin());
        const auto loaded = RestoreJournal::load(tree, &problem);
        QVERIFY2(loaded, qPrintable(problem));
        QCOMPARE(loaded->steps.size(), 2);
        QCOMPARE(FileNames::encode(loaded->steps[0].path), FileNames::encode(latin1));
        QCOMPARE(loaded->steps[1].path, percent);

        // As the previous version wrote it: the paths themselves.
        QFile old(dir.filePath(QStringLiteral(".resguarda-restauracao/diario.json")));
        QVERIFY(old.open(QIODevice::WriteOnly | QIODevice::Truncate));
        old.write(R"({"state": "staging", "system": "AT", "copy": "x.zip", "steps": [)"
                  R"({"action": "add", "path": "AT/modelos/50%25 de desconto.txt"}]})");
        old.close();
        const auto older = RestoreJournal::load(tree, &problem);
        QVERIFY2(older, qPrintable(problem));
        QCOMPARE(older->steps.first().path, percent);
        QVERIFY(journal.removeStaging());
    }
};

QTEST_GUILESS_MAIN(TestNames)
#include "tst_names.moc"
