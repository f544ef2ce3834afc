// SPDX-License-Identifier: GPL-3.0-or-later
// The listing of an installation's files: the exact order and names a copy
// needs, and a memory that stays small for a million files.

#include "core/filenames.h"
#include "installation/filelist.h"
#include "installation/installation.h"
#include "support/rawfs.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdio>

#include <fcntl.h>
#include <malloc.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Resguarda;

namespace {

// path: raw bytes below base, never decoded.
bool makeFolder(const QByteArray &base, const QByteArray &path)
{
    return ::mkdir(QByteArray(base + '/' + path).constData(), 0755) == 0;
}

bool makeFile(const QByteArray &base, const QByteArray &path, qsizetype size)
{
    const int fd = ::open(QByteArray(base + '/' + path).constData(),
                          O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0)
        return false;
    const QByteArray data(size, 'x');
    const bool written = ::write(fd, data.constData(), size_t(size)) == ssize_t(size);
    return ::close(fd) == 0 && written;
}

// What the process holds in memory now, in bytes, once freed memory went
// back to the system.
qint64 residentBytes()
{
    ::malloc_trim(0);
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong() * 1024;
    }
    return -1;
}

struct Listed
{
    QStringList paths;
    QList<qint64> sizes;
};

Listed contents(const FileList &files)
{
    Listed listed;
    for (const auto &file : files) {
        listed.paths << file.archivePath;
        listed.sizes << file.size;
    }
    return listed;
}

} // namespace

class TestFileList : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // QTemporaryDir cannot remove names that are not UTF-8.
    void cleanupTestCase()
    {
        const int dir = ::open(QFile::encodeName(m_dir.path()).constData(),
                               O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        QVERIFY(dir >= 0);
        QVERIFY(TestSupport::removeAt(dir, "order"));
        ::close(dir);
    }

    // The files come in the order of their archive paths as QString
    // compares them, whatever the bytes of the names: UTF-8, Latin-1 bytes
    // that are not UTF-8, characters outside the BMP (which UTF-16 puts
    // before U+E000..U+FFFF, unlike UTF-8), and names that sort around '/'.
    // Each path gives back its exact bytes, and each file its size.
    void ordersAndNamesAsTheCopyNeedsThem()
    {
        const QByteArray base = QFile::encodeName(m_dir.filePath(QStringLiteral("order")));
        QVERIFY(::mkdir(base.constData(), 0755) == 0);
        const QList<QByteArray> folders {
            "a",
            "a.b",
            "a/vazia", // an empty folder
            "a/sub",
            "\xe7\xe3o", // Latin-1 "ção": not UTF-8
            "\xc3\xa7\xc3\xa3o", // UTF-8 "ção"
            "\xf0\x9f\x98\x80", // U+1F600, a surrogate pair in UTF-16
            "\xef\xbc\xa1", // U+FF21, after the pair in UTF-16
            "z",
            "z/y",
            "z/y/x",
        };
        for (const auto &folder : folders)
            QVERIFY2(makeFolder(base, folder), folder.constData());
        QList<QByteArray> files {
            "a-",
            "a.txt",
            "a0",
            "a/x",
            "a/sub.dat",
            "a/sub/1",
            "a.b/2",
            "a.b-",
            "\xe7\xe3o/x",
            "\xe7\xe3o.dat",
            "\xc3\xa7\xc3\xa3o/x",
            "\xf0\x9f\x98\x80/e",
            "\xf0\x9f\x98\x80.dat",
            "\xef\xbc\xa1/f",
            "\xef\xbc\xa1.dat",
            "\xed\xa0\x80", // a surrogate in UTF-8: bytes
            "\xc3", // a sequence cut short
            "\xc3(",
            "z/y/x/fundo",
            "z/y.dat",
            "z/ya",
            "Z",
        };
        QMap<QByteArray, qsizetype> sizes;
        for (qsizetype i = 0; i < files.size(); ++i) {
            QVERIFY2(makeFile(base, files[i], i * 7), files[i].constData());
            sizes.insert(files[i], i * 7);
        }

        QStringList warnings;
        const QString prefix = QStringLiteral("AT/empresas/0001/");
        const FileList listed = Installation::listFiles(QFile::decodeName(base), prefix, &warnings);
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));

        QStringList expected;
        for (const auto &file : std::as_const(files))
            expected << prefix + FileNames::decode(file);
        std::sort(expected.begin(), expected.end()); // as QString compares
        const Listed got = contents(listed);
        QCOMPARE(got.paths, expected);
        QCOMPARE(listed.size(), files.size());
        qint64 total = 0;
        for (qsizetype i = 0; i < got.paths.size(); ++i) {
            const QByteArray bytes
                = FileNames::encode(QStringView(got.paths[i]).mid(prefix.size()));
            QVERIFY2(sizes.contains(bytes), bytes.constData());
            QCOMPARE(got.sizes[i], qint64(sizes.value(bytes)));
            total += got.sizes[i];
        }
        QCOMPARE(listed.totalBytes(), total);

        // The same through an installation, with its folders, empty ones
        // included; counting alone gives the same numbers.
        QFile systems(QFile::decodeName(base) + QStringLiteral("/sistemas.json"));
        QVERIFY(systems.open(QIODevice::WriteOnly));
        systems.write(R"({"formato": 1, "sistemas": [{"codigo": "AT", "nome": "Ativo"}]})");
        systems.close();
        OperationError error;
        const auto installation = Installation::open(QFile::decodeName(base), &error);
        QVERIFY2(installation, qPrintable(error.message));
        const TreeListing tree = installation->listTree(QStringLiteral("a"));
        QCOMPARE(contents(tree.files).paths,
                 QStringList({u"a/sub.dat"_qs, u"a/sub/1"_qs, u"a/x"_qs}));
        QCOMPARE(tree.folders, QStringList({u"a"_qs, u"a/sub"_qs, u"a/vazia"_qs}));
        QVERIFY(tree.skipped.isEmpty());
        const auto measured = installation->measure(QStringLiteral("z"));
        QCOMPARE(measured.files, qint64(3));
        QCOMPARE(measured.bytes, qint64((18 + 19 + 20) * 7));
    }

    // Dropping files keeps the order of the others and where each folder
    // comes among its parent's files.
    void removeIfKeepsTheOrder()
    {
        const QByteArray base = QFile::encodeName(m_dir.filePath(QStringLiteral("remove")));
        QVERIFY(::mkdir(base.constData(), 0755) == 0);
        for (const QByteArray folder : {"b", "b/c", "d"})
            QVERIFY(makeFolder(base, folder));
        for (const QByteArray file :
             {"a", "b.0", "b/c.0", "b/c/1", "b/c/2", "b/d", "b0", "d/1", "e"})
            QVERIFY(makeFile(base, file, 1));
        FileList files = Installation::listFiles(QFile::decodeName(base), QString());
        const FileList before = files; // shares the data until one changes
        QCOMPARE(files.size(), qsizetype(9));
        files.removeIf([](const SourceFile &file) {
            return file.archivePath.endsWith(u'0') || file.archivePath == u"b/c/1";
        });
        QCOMPARE(contents(files).paths,
                 QStringList({u"a"_qs, u"b/c/2"_qs, u"b/d"_qs, u"d/1"_qs, u"e"_qs}));
        QCOMPARE(files.size(), qsizetype(5));
        QCOMPARE(files.totalBytes(), qint64(5));
        QCOMPARE(before.size(), qsizetype(9));
        QCOMPARE(contents(before).paths.size(), 9);
        QStringList prefixes = files.folderPrefixesWithFiles();
        prefixes.sort();
        QCOMPARE(prefixes, QStringList({QString(), u"b/"_qs, u"b/c/"_qs, u"d/"_qs}));

        // A few files from elsewhere, in any order.
        const FileList loose = FileList::fromFiles(
            {{u"x/\U0001F600"_qs, 1}, {u"x/\uFF21"_qs, 2}, {u"x.y"_qs, 3}, {u"x/a"_qs, 4}});
        QCOMPARE(contents(loose).paths,
                 QStringList({u"x.y"_qs, u"x/a"_qs, u"x/\U0001F600"_qs, u"x/\uFF21"_qs}));
        QCOMPARE(contents(loose).sizes, QList<qint64>({3, 4, 1, 2}));
    }

    // The order of names is decided without decoding them: it must be
    // exactly the order of the decoded strings, for any bytes.
    void comparesNamesAsTheirDecodedStrings()
    {
        auto *random = QRandomGenerator::global();
        // Bytes that make every kind of sequence, valid or not.
        const QByteArray alphabet("a/.\x7f\x80\xbf\xc2\xc3\xdf\xe0\xed\xee\xef\xf0\xf4\xf5\xff"
                                  "\x9f\xa0\xbc\x90\x8f");
        for (int round = 0; round < 200000; ++round) {
            QByteArray a;
            QByteArray b;
            const int length = random->bounded(1, 7);
            for (int i = 0; i < length; ++i)
                a.append(alphabet[random->bounded(int(alphabet.size()))]);
            // Often the same start, so that the difference is anywhere.
            b = a.left(random->bounded(length + 1));
            for (int i = random->bounded(4); i >= 0; --i)
                b.append(alphabet[random->bounded(int(alphabet.size()))]);
            const int expected = FileNames::decode(a).compare(FileNames::decode(b));
            const int got = FileNames::compareDecoded(a, b);
            QVERIFY2((expected < 0) == (got < 0) && (expected == 0) == (got == 0),
                     QByteArray(a.toHex() + " vs " + b.toHex()).constData());
        }
    }

    // A million small files must not cost hundreds of bytes each: what the
    // listing keeps per file is about its name (here 52 bytes) and a few
    // bytes more. The files are empty, so the tree is cheap to make.
    void listingMemoryStaysSmallPerFile()
    {
        constexpr int folders = 20;
        constexpr int perFolder = 10000;
        const QByteArray base = QFile::encodeName(m_dir.filePath(QStringLiteral("many")));
        QVERIFY(makeFolder(base, QByteArray()));
        QVERIFY(makeFolder(base, "AT"));
        QVERIFY(makeFolder(base, "AT/empresas"));
        QVERIFY(makeFolder(base, "AT/empresas/0001"));
        for (int folder = 0; folder < folders; ++folder) {
            const QByteArray path = "AT/empresas/0001/" + QByteArray::number(2000 + folder);
            QVERIFY(makeFolder(base, path));
            char name[64];
            for (int i = 0; i < perFolder; ++i) {
                std::snprintf(name, sizeof name, "/35%04d12345678000199550010%09d1%08d-nfe.xml",
                              folder, i, i);
                const int fd = ::open(QByteArray(base + '/' + path + name).constData(),
                                      O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
                QVERIFY(fd >= 0);
                ::close(fd);
            }
        }
        QFile systems(QFile::decodeName(base) + QStringLiteral("/sistemas.json"));
        QVERIFY(systems.open(QIODevice::WriteOnly));
        systems.write(R"({"formato": 1, "sistemas": [{"codigo": "AT", "nome": "Ativo"}]})");
        systems.close();
        OperationError error;
        const auto installation = Installation::open(QFile::decodeName(base), &error);
        QVERIFY2(installation, qPrintable(error.message));

        const qint64 before = residentBytes();
        const TreeListing listing = installation->listTree(QStringLiteral("AT/empresas/0001"));
        const qint64 after = residentBytes();
        QCOMPARE(listing.files.size(), qsizetype(folders * perFolder));
        const double perFile = double(after - before) / (folders * perFolder);
        qInfo("listing: %.1f bytes per file", perFile);
        QVERIFY2(perFile < 120, qPrintable(QString::number(perFile)));
        // And the list is whole: the last file of the last folder is there.
        QString last;
        for (const auto &file : listing.files)
            last = file.archivePath;
        QCOMPARE(last,
                 QStringLiteral(
                     "AT/empresas/0001/2019/35001912345678000199550010000009999100009999-nfe.xml"));
    }
};

QTEST_GUILESS_MAIN(TestFileList)
#include "tst_filelist.moc"
