// SPDX-License-Identifier: GPL-3.0-or-later
// RootedDir, the one way Resguarda touches the installation tree: every
// attack a planted link or a crafted path can make, on real files and links,
// both with openat2 and with the O_NOFOLLOW walk used where the kernel lacks it.

#include "core/rooteddir.h"
#include "support/testinstallation.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Resguarda;
using namespace TestSupport;
using namespace Qt::StringLiterals;

namespace {

bool symlink(const QString &target, const QString &link)
{
    return ::symlink(QFile::encodeName(target).constData(), QFile::encodeName(link).constData())
        == 0;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestRootedDir : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_root;
    QString m_outside;
    std::optional<RootedDir> m_tree;

private Q_SLOTS:
    void initTestCase_data()
    {
        QTest::addColumn<bool>("openat2");
        QTest::newRow("openat2") << true;
        QTest::newRow("O_NOFOLLOW walk") << false;
    }

    void init()
    {
        QFETCH_GLOBAL(bool, openat2);
        RootedDir::setOpenat2Enabled(openat2);
        static int serial = 0;
        const QString base = m_dir.filePath(QString::number(++serial));
        m_root = base + u"/raiz"_s;
        m_outside = base + u"/fora"_s;
        writeFile(m_root + u"/AT/empresas/0001/cadastro.dat"_s, "dentro");
        writeFile(m_outside + u"/segredo.dat"_s, "fora");
        QVERIFY(symlink(m_outside, m_root + u"/AT/atalho"_s));
        QVERIFY(symlink(m_outside + u"/segredo.dat"_s, m_root + u"/AT/empresas/0001/link.dat"_s));
        QVERIFY(symlink(m_outside + u"/novo.dat"_s, m_root + u"/AT/pendente"_s));
        QString error;
        m_tree = RootedDir::open(m_root, &error);
        QVERIFY2(m_tree, qPrintable(error));
    }

    void cleanupTestCase() { RootedDir::setOpenat2Enabled(true); }

    void refusesPathsThatLeave_data()
    {
        QTest::addColumn<QString>("relative");
        QTest::newRow("dot-dot") << u"AT/../../fora/segredo.dat"_s;
        QTest::newRow("absolute") << (m_dir.path() + u"/1/fora/segredo.dat"_s);
        QTest::newRow("through a linked folder") << u"AT/atalho/segredo.dat"_s;
        QTest::newRow("a linked file") << u"AT/empresas/0001/link.dat"_s;
        QTest::newRow("empty component") << u"AT//empresas"_s;
        QTest::newRow("dot") << u"./AT"_s;
    }

    void refusesPathsThatLeave()
    {
        QFETCH(QString, relative);
        QString error;
        const int fd = m_tree->openForReading(relative, &error);
        if (fd >= 0)
            ::close(fd);
        QVERIFY2(fd < 0, qPrintable(relative));
        QVERIFY(!error.isEmpty());
        QVERIFY(m_tree->kind(relative) != RootedDir::Kind::File);
    }

    void readsWhatIsInside()
    {
        QString error;
        const int fd = m_tree->openForReading(u"AT/empresas/0001/cadastro.dat"_s, &error);
        QVERIFY2(fd >= 0, qPrintable(error));
        char buffer[16] = {};
        QCOMPARE(::read(fd, buffer, sizeof buffer), ssize_t(6));
        ::close(fd);
        QCOMPARE(m_tree->kind(u"AT/atalho"_s), RootedDir::Kind::Link);
        QCOMPARE(m_tree->kind(u"AT/atalho/segredo.dat"_s), RootedDir::Kind::Link);
        QCOMPARE(m_tree->kind(u"AT/empresas"_s), RootedDir::Kind::Directory);
        QCOMPARE(m_tree->kind(u"AT/nada/x"_s), RootedDir::Kind::Missing);
        QCOMPARE(m_tree->fileSize(u"AT/empresas/0001/cadastro.dat"_s), qint64(6));
        QCOMPARE(m_tree->fileSize(u"AT/empresas/0001/link.dat"_s), qint64(-1));
    }

    // A FIFO planted where a file is expected must not block the reader.
    void aFifoIsNotAFile()
    {
        const QString fifo = m_root + u"/AT/empresas/0001/fila"_s;
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0644), 0);
        QString error;
        QCOMPARE(m_tree->openForReading(u"AT/empresas/0001/fila"_s, &error), -1);
        QCOMPARE(m_tree->kind(u"AT/empresas/0001/fila"_s), RootedDir::Kind::Other);
    }

    void createsExclusivelyNeverThroughALink()
    {
        QString error;
        QCOMPARE(m_tree->createFile(u"AT/pendente"_s, 0600, &error), -1);
        QVERIFY2(error.contains(u"symbolic link"_s), qPrintable(error));
        QVERIFY(!QFileInfo::exists(m_outside + u"/novo.dat"_s));
        QCOMPARE(m_tree->createFile(u"AT/atalho/criado.dat"_s, 0600, &error), -1);
        QVERIFY(!QFileInfo::exists(m_outside + u"/criado.dat"_s));
        QCOMPARE(m_tree->openForAppending(u"AT/empresas/0001/link.dat"_s, 0600, &error), -1);
        QCOMPARE(readAll(m_outside + u"/segredo.dat"_s), QByteArray("fora"));

        const int fd = m_tree->createFile(u"AT/empresas/0001/novo.dat"_s, 0600, &error);
        QVERIFY2(fd >= 0, qPrintable(error));
        ::close(fd);
        QCOMPARE(m_tree->createFile(u"AT/empresas/0001/novo.dat"_s, 0600, &error), -1);
    }

    void makesPathsNeverThroughALink()
    {
        QString error;
        QVERIFY(!m_tree->makePath(u"AT/atalho/nova/pasta"_s, &error));
        QVERIFY(!QFileInfo::exists(m_outside + u"/nova"_s));
        QVERIFY2(m_tree->makePath(u"AT/empresas/0002/anual"_s, &error), qPrintable(error));
        QVERIFY(QFileInfo(m_root + u"/AT/empresas/0002/anual"_s).isDir());
    }

    void renamesWithoutReplacingOrFollowing()
    {
        QString error;
        writeFile(m_root + u"/AT/a.dat"_s, "a");
        writeFile(m_root + u"/AT/b.dat"_s, "b");
        QVERIFY(!m_tree->rename(u"AT/a.dat"_s, u"AT/b.dat"_s, true, &error));
        QCOMPARE(readAll(m_root + u"/AT/b.dat"_s), QByteArray("b"));
        QVERIFY(!m_tree->rename(u"AT/a.dat"_s, u"AT/atalho/a.dat"_s, false, &error));
        QVERIFY(!QFileInfo::exists(m_outside + u"/a.dat"_s));
        // Replacing a link replaces the link itself, never what it points to.
        QVERIFY2(m_tree->rename(u"AT/a.dat"_s, u"AT/pendente"_s, false, &error), qPrintable(error));
        QCOMPARE(readAll(m_root + u"/AT/pendente"_s), QByteArray("a"));
        QVERIFY(!QFileInfo::exists(m_outside + u"/novo.dat"_s));
    }

    void removesTreesWithoutFollowingLinks()
    {
        QString error;
        QVERIFY(symlink(m_outside, m_root + u"/AT/empresas/0001/pasta-link"_s));
        const auto before = treeHashes(m_outside);
        QVERIFY2(m_tree->removeTree(u"AT"_s, &error), qPrintable(error));
        QVERIFY(!QFileInfo::exists(m_root + u"/AT"_s));
        QCOMPARE(treeHashes(m_outside), before);
        // A link given as the tree to remove is removed itself.
        QVERIFY(symlink(m_outside, m_root + u"/ligado"_s));
        QVERIFY(m_tree->removeTree(u"ligado"_s, &error));
        QCOMPARE(treeHashes(m_outside), before);
        QVERIFY(m_tree->removeTree(u"nunca-existiu"_s, &error));
    }

    void walkReportsLinksWithoutFollowing()
    {
        QStringList files;
        QStringList links;
        QString error;
        QVERIFY(m_tree->walk(
            u"AT"_s,
            [&](const QString &relative, RootedDir::Kind kind, qint64) {
                if (kind == RootedDir::Kind::File)
                    files << relative;
                if (kind == RootedDir::Kind::Link)
                    links << relative;
                return true;
            },
            &error));
        QCOMPARE(files, QStringList {u"AT/empresas/0001/cadastro.dat"_s});
        links.sort();
        QCOMPARE(links,
                 (QStringList {u"AT/atalho"_s, u"AT/empresas/0001/link.dat"_s, u"AT/pendente"_s}));
        QVERIFY(!m_tree->walk(
            u"AT/atalho"_s, [](const QString &, RootedDir::Kind, qint64) { return true; }, &error));
    }
};

QTEST_GUILESS_MAIN(TestRootedDir)
#include "tst_rooteddir.moc"
