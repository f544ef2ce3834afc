// SPDX-License-Identifier: GPL-3.0-or-later
// How paths inside a company folder are classified: the "arquivo morto"
// options of backup and restore depend on it.

#include "installation/tablepath.h"

#include <QTest>

using namespace Resguarda;

Q_DECLARE_METATYPE(Resguarda::TableKind)

class TestTablePath : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classify_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<TableKind>("kind");
        QTest::addColumn<int>("year");

        QTest::newRow("permanent") << QStringLiteral("cadastro.dat") << TableKind::Permanent << 0;
        QTest::newRow("permanent in folder")
            << QStringLiteral("tabelas/bens.dat") << TableKind::Permanent << 0;
        QTest::newRow("annual") << QStringLiteral("anual/2024/saldos.dat") << TableKind::Annual
                                << 2024;
        QTest::newRow("annual nested")
            << QStringLiteral("anual/2019/a/b.dat") << TableKind::Annual << 2019;
        QTest::newRow("monthly") << QStringLiteral("mensal/2025-03/notas.dat") << TableKind::Monthly
                                 << 2025;
        QTest::newRow("archived annual")
            << QStringLiteral("morto/anual/2015/x.dat") << TableKind::ArchivedAnnual << 2015;
        QTest::newRow("archived monthly")
            << QStringLiteral("morto/mensal/2016-12/x.dat") << TableKind::ArchivedMonthly << 2016;
        // Not a well-formed dated path: a permanent table, never silently dropped.
        QTest::newRow("year folder only")
            << QStringLiteral("anual/2024") << TableKind::Permanent << 0;
        QTest::newRow("three-digit year")
            << QStringLiteral("anual/202/x.dat") << TableKind::Permanent << 0;
        QTest::newRow("month 13") << QStringLiteral("mensal/2025-13/x.dat") << TableKind::Permanent
                                  << 0;
        QTest::newRow("month 00") << QStringLiteral("mensal/2025-00/x.dat") << TableKind::Permanent
                                  << 0;
        QTest::newRow("month without dash")
            << QStringLiteral("mensal/202503/x.dat") << TableKind::Permanent << 0;
        QTest::newRow("annual named")
            << QStringLiteral("anual/notas/x.dat") << TableKind::Permanent << 0;
        QTest::newRow("morto alone") << QStringLiteral("morto/x.dat") << TableKind::Permanent << 0;
        QTest::newRow("morto other")
            << QStringLiteral("morto/outros/2015/x.dat") << TableKind::Permanent << 0;
        QTest::newRow("arabic-indic digits")
            << QStringLiteral("anual/\u0662\u0660\u0662\u0664/x.dat") << TableKind::Permanent << 0;
        QTest::newRow("case matters")
            << QStringLiteral("Anual/2024/x.dat") << TableKind::Permanent << 0;
    }

    void classify()
    {
        QFETCH(QString, path);
        QFETCH(TableKind, kind);
        QFETCH(int, year);
        const TableClass table = classifyCompanyPath(path);
        QCOMPARE(table.kind, kind);
        QCOMPARE(table.year, year);
    }

    void archiveFromFilter()
    {
        const TableClass permanent = classifyCompanyPath(u"cadastro.dat");
        const TableClass old = classifyCompanyPath(u"morto/mensal/2010-01/x.dat");
        const TableClass recent = classifyCompanyPath(u"anual/2024/x.dat");
        QVERIFY(permanent.isKeptFrom(2030));
        QVERIFY(!old.isKeptFrom(2011));
        QVERIFY(old.isKeptFrom(2010));
        QVERIFY(old.isKeptFrom(0));
        QVERIFY(recent.isKeptFrom(2024));
        QVERIFY(!recent.isKeptFrom(2025));
        QVERIFY(old.isArchived());
        QVERIFY(!recent.isArchived());
    }
};

QTEST_GUILESS_MAIN(TestTablePath)
#include "tst_tablepath.moc"
