// SPDX-License-Identifier: GPL-3.0-or-later
// The tools of the round-trip tests checked on their own: the torture tree
// holds what it promises, byte for byte, and a tree snapshot comparison
// sees every difference a bad restore could make (one byte, one second of
// mtime, one permission bit, an empty folder, a raw name), but none where
// there is none (the same tree twice, a sparse file and its dense copy).

#include "support/testinstallation.h"
#include "support/torturetree.h"
#include "support/treesnapshot.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace TestSupport;
using namespace Qt::StringLiterals;

namespace {

TortureOptions smallTree()
{
    TortureOptions options;
    options.smallFiles = 50;
    return options;
}

QByteArray raw(const QString &path)
{
    return QFile::encodeName(path);
}

// base/relative, raw.
QByteArray at(const QString &base, const QByteArray &relative)
{
    QByteArray path = QFile::encodeName(base);
    path += '/';
    path += relative;
    return path;
}

const TreeEntry *find(const TreeSnapshot &snapshot, const QByteArray &path)
{
    for (const auto &entry : snapshot.entries) {
        if (entry.path == path)
            return &entry;
    }
    return nullptr;
}

// Sets path's modification time back to what it was: the mutations below
// change one property at a time.
struct KeepTime
{
    KeepTime(const QByteArray &path)
        : m_path(path)
    {
        struct stat info;
        if (::lstat(path.constData(), &info) == 0)
            m_time = info.st_mtim;
    }
    ~KeepTime()
    {
        const timespec times[2] = {m_time, m_time};
        ::utimensat(AT_FDCWD, m_path.constData(), times, AT_SYMLINK_NOFOLLOW);
    }
    QByteArray m_path;
    timespec m_time {};
};

} // namespace

class TestTortureTools : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_expected;
    QString m_actual;

    // A fresh pair of identical trees for each mutation.
    void makePair(const QString &name)
    {
        m_expected = m_dir.filePath(name + u"-expected"_s);
        m_actual = m_dir.filePath(name + u"-actual"_s);
        QVERIFY(QDir().mkpath(m_expected) && QDir().mkpath(m_actual));
        for (const auto &folder : {m_expected, m_actual}) {
            const auto result = addTortureTree(folder, smallTree());
            QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
            // Both base folders get the same time, as every folder below.
        }
        const QString differences
            = describeDifferences(snapshotTree(m_expected), snapshotTree(m_actual));
        QVERIFY2(differences.isEmpty(), qPrintable(differences));
    }

    QString differences() const
    {
        return describeDifferences(snapshotTree(m_expected), snapshotTree(m_actual));
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // QTemporaryDir cannot remove raw names.
    void cleanupTestCase() { QVERIFY(removeTree(m_dir.path())); }

    void generatorMakesWhatItPromises()
    {
        const QString folder = m_dir.filePath(u"promises"_s);
        QVERIFY(QDir().mkpath(folder));
        const auto result = addTortureTree(folder, smallTree());
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        const auto snapshot = snapshotTree(folder);
        QVERIFY2(snapshot.errors.isEmpty(), qPrintable(snapshot.errors.join(u'\n')));
        QCOMPARE(snapshot.files, result.files);
        QCOMPARE(snapshot.bytes, result.bytes);

        // Raw names, stored as bytes, never as decoded text.
        for (const QByteArray path :
             {"tortura/codificacoes/hist\xf3rico.dat", "tortura/codificacoes/\x80uro.dat",
              "tortura/codificacoes/hist\xc3\xb3rico.dat", "tortura/reservados/a:b.dat",
              "tortura/reservados/c\\d.dat", "tortura/reservados/ctl\x01.dat",
              "tortura/reservados/line\nbreak.dat", "tortura/reservados/del\x7f.dat",
              "tortura/reservados/100%.dat", "tortura/normalizacao/Relat\xc3\xb3rio.dat",
              "tortura/normalizacao/Relato\xcc\x81rio.dat", "tortura/normalizacao/SALDO.DAT",
              "tortura/normalizacao/saldo.dat"}) {
            const TreeEntry *entry = find(snapshot, path);
            QVERIFY2(entry && entry->kind == 'f', qPrintable(escapedPath(path)));
        }
        // Long paths, exactly as long as asked.
        int longest = 0;
        bool over256 = false;
        for (const auto &entry : snapshot.entries) {
            if (entry.kind == 'f' && entry.path.startsWith("tortura/longo"))
                longest = qMax(longest, int(entry.path.size()));
            over256 = over256
                || (entry.path.startsWith("tortura/longo-300/") && entry.path.size() == 300);
        }
        QCOMPARE(longest, 4000);
        QVERIFY(over256);
        // Empty files and empty folders.
        QCOMPARE(find(snapshot, "tortura/vazios/vazio.dat")->size, 0);
        for (const QByteArray path :
             {"mensal/2026-11", "tortura/vazia", "tortura/vazia-aninhada/a/b/c",
              "tortura/codificacoes/vazia-\xe9"}) {
            const TreeEntry *entry = find(snapshot, path);
            QVERIFY2(entry && entry->kind == 'd', path.constData());
            const auto after = std::find_if(
                snapshot.entries.cbegin(), snapshot.entries.cend(),
                [&](const TreeEntry &e) { return e.path.startsWith(QByteArray(path + '/')); });
            QVERIFY2(after == snapshot.entries.cend(), path.constData());
        }
        // Modes, whatever the umask.
        QCOMPARE(find(snapshot, "tortura/permissoes/0600.dat")->mode, 0600u);
        QCOMPARE(find(snapshot, "tortura/permissoes/0640.dat")->mode, 0640u);
        QCOMPARE(find(snapshot, "tortura/permissoes/0660.dat")->mode, 0660u);
        QCOMPARE(find(snapshot, "tortura/permissoes/0755.sh")->mode, 0755u);
        QCOMPARE(find(snapshot, "tortura/permissoes/pasta-0750")->mode, 0750u);
        QCOMPARE(find(snapshot, "tortura/permissoes/pasta-0700")->mode, 0700u);
        // Past times, folders' set after their contents.
        QCOMPARE(find(snapshot, "tortura/datas/1979.dat")->mtime, 315532799);
        QCOMPARE(find(snapshot, "tortura/datas/impar.dat")->mtime, 1685620801);
        QCOMPARE(find(snapshot, "tortura/datas/antiga")->mtime, 297043200);
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        for (const auto &entry : snapshot.entries)
            QVERIFY2(entry.mtime < now - 24 * 3600, qPrintable(describeEntry(entry)));
        // The small files.
        qint64 small = 0;
        for (const auto &entry : snapshot.entries) {
            if (entry.path.startsWith("mensal/2026-10/nfe/")) {
                ++small;
                QVERIFY(entry.size >= 1500 && entry.size < 5000);
            }
        }
        QCOMPARE(small, 50);
    }

    void sameTreeTwiceHasNoDifferences() { makePair(u"same"_s); }

    // What the round trip asks of a restore is possible: cp -a, which keeps
    // raw names, modes, times and empty folders and walks with openat, makes
    // a tree with no difference, the 4000-byte path included.
    void faithfulCopyHasNoDifferences()
    {
        const QString from = m_dir.filePath(u"faithful"_s);
        const QString to = m_dir.filePath(u"faithful-copy"_s);
        QVERIFY(QDir().mkpath(from) && QDir().mkpath(to));
        auto options = smallTree();
        options.sparseFile = true;
        options.sparseFileBytes = qint64(20) << 20;
        const auto result = addTortureTree(from, options);
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        const auto copied = runProcess(u"cp"_s, {u"-a"_s, from + u"/."_s, to});
        QVERIFY2(copied.exitCode == 0, copied.standardError.constData());
        const auto expected = snapshotTree(from);
        QCOMPARE(expected.files, result.files);
        QCOMPARE(describeDifferences(expected, snapshotTree(to)), QString());
    }

    void changedByteIsADifference()
    {
        makePair(u"byte"_s);
        const QByteArray path = at(m_actual, "tortura/codificacoes/hist\xf3rico.dat");
        {
            KeepTime keep(path);
            const int fd = ::open(path.constData(), O_WRONLY);
            QVERIFY(fd >= 0);
            QCOMPARE(::pwrite(fd, "X", 1, 3), 1);
            ::close(fd);
        }
        const QString text = differences();
        QVERIFY2(
            text.contains(
                u"changed: file \"tortura/codificacoes/hist\\xf3rico.dat\": content differs"_s),
            qPrintable(text));
        QVERIFY2(!text.contains(u"mtime"_s), qPrintable(text));
    }

    void changedMtimeIsADifference()
    {
        makePair(u"mtime"_s);
        const QByteArray path = at(m_actual, "tortura/datas/impar.dat");
        const timespec times[2] = {{1685620802, 0}, {1685620802, 0}};
        QCOMPARE(::utimensat(AT_FDCWD, path.constData(), times, 0), 0);
        const QString text = differences();
        QVERIFY2(text.contains(u"changed: file \"tortura/datas/impar.dat\": mtime "
                               "2023-06-01T12:00:01Z -> 2023-06-01T12:00:02Z (1 s)"_s),
                 qPrintable(text));
    }

    // Only whole seconds count: a restore may lose the fraction.
    void subSecondMtimeIsNoDifference()
    {
        makePair(u"subsecond"_s);
        const QByteArray path = at(m_actual, "tortura/datas/impar.dat");
        const timespec times[2] = {{1685620801, 0}, {1685620801, 0}};
        QCOMPARE(::utimensat(AT_FDCWD, path.constData(), times, 0), 0);
        QCOMPARE(differences(), QString());
    }

    void changedModeIsADifference()
    {
        makePair(u"mode"_s);
        QCOMPARE(::chmod(at(m_actual, "tortura/permissoes/0640.dat").constData(), 0644), 0);
        QCOMPARE(::chmod(at(m_actual, "tortura/permissoes/pasta-0700").constData(), 0755), 0);
        const QString text = differences();
        QVERIFY2(
            text.contains(u"changed: file \"tortura/permissoes/0640.dat\": mode 0640 -> 0644"_s),
            qPrintable(text));
        QVERIFY2(text.contains(
                     u"changed: folder \"tortura/permissoes/pasta-0700\": mode 0700 -> 0755"_s),
                 qPrintable(text));
    }

    void missingEmptyFolderIsADifference()
    {
        makePair(u"emptyfolder"_s);
        {
            KeepTime keep(at(m_actual, "mensal"));
            QCOMPARE(::rmdir(at(m_actual, "mensal/2026-11").constData()), 0);
        }
        const QString text = differences();
        QVERIFY2(text.startsWith(u"missing: folder \"mensal/2026-11\" mode 0755"_s),
                 qPrintable(text));
        QVERIFY2(text.contains(u"1 difference(s)"_s), qPrintable(text));
    }

    // hist\xf3rico.dat and hist\xf4rico.dat decode alike (U+FFFD) from
    // UTF-8: a snapshot that decoded names would see no difference.
    void renamedRawNameIsADifference()
    {
        makePair(u"rename"_s);
        const QByteArray dir = at(m_actual, "tortura/codificacoes/");
        {
            KeepTime keep(dir);
            QCOMPARE(::rename(QByteArray(dir + "hist\xf3rico.dat").constData(),
                              QByteArray(dir + "hist\xf4rico.dat").constData()),
                     0);
        }
        const QString text = differences();
        QVERIFY2(text.contains(u"missing: file \"tortura/codificacoes/hist\\xf3rico.dat\""_s),
                 qPrintable(text));
        QVERIFY2(text.contains(u"unexpected: file \"tortura/codificacoes/hist\\xf4rico.dat\""_s),
                 qPrintable(text));
        QVERIFY2(text.contains(u"2 difference(s)"_s), qPrintable(text));
    }

    void changedLinkTargetAndKindAreDifferences()
    {
        makePair(u"kinds"_s);
        QCOMPARE(::symlink("a", at(m_expected, "atalho").constData()), 0);
        QCOMPARE(::symlink("b", at(m_actual, "atalho").constData()), 0);
        QCOMPARE(::mkfifo(at(m_expected, "fila").constData(), 0644), 0);
        QVERIFY(addFile(m_actual, "fila", {}).isEmpty());
        QCOMPARE(::chmod(at(m_actual, "fila").constData(), 0644), 0);
        const timespec times[2] = {{1600000000, 0}, {1600000000, 0}};
        for (const auto &root : {m_expected, m_actual}) {
            QCOMPARE(
                ::utimensat(AT_FDCWD, at(root, "atalho").constData(), times, AT_SYMLINK_NOFOLLOW),
                0);
            QCOMPARE(::utimensat(AT_FDCWD, at(root, "fila").constData(), times, 0), 0);
        }
        const QString text = differences();
        QVERIFY2(text.contains(u"changed: link \"atalho\": link target a -> b"_s),
                 qPrintable(text));
        QVERIFY2(text.contains(u"changed: FIFO \"fila\": kind FIFO -> file"_s), qPrintable(text));
    }

    // The sparse file hashes like its dense copy, and a byte written into
    // a hole changes the hash.
    void sparseFilesHashByContent()
    {
        TortureOptions options;
        options.legacyEncodings = options.reservedCharacters = options.longPaths = false;
        options.emptyFiles = options.normalisationAndCase = options.emptyFolders = false;
        options.variedModes = options.extremeTimes = false;
        options.smallFiles = 0;
        options.sparseFile = true;
        options.sparseFileBytes = qint64(48) << 20;
        m_expected = m_dir.filePath(u"sparse-expected"_s);
        m_actual = m_dir.filePath(u"sparse-actual"_s);
        QVERIFY(QDir().mkpath(m_expected) && QDir().mkpath(m_actual));
        const auto result = addTortureTree(m_expected, options);
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QVERIFY(copyTree(m_expected, m_actual)); // QFile::copy: dense
        const QByteArray path = at(m_actual, "tortura/esparso/grande.dat");
        struct stat info;
        QCOMPARE(::stat(at(m_expected, "tortura/esparso/grande.dat").constData(), &info), 0);
        const timespec times[2] = {info.st_mtim, info.st_mtim};
        QCOMPARE(::utimensat(AT_FDCWD, path.constData(), times, 0), 0);
        for (const QByteArray folder : {"", "/tortura", "/tortura/esparso"}) {
            QCOMPARE(::stat(QByteArray(raw(m_expected) + folder).constData(), &info), 0);
            const timespec folderTimes[2] = {info.st_mtim, info.st_mtim};
            QCOMPARE(::utimensat(AT_FDCWD, QByteArray(raw(m_actual) + folder).constData(),
                                 folderTimes, 0),
                     0);
        }
        QCOMPARE(differences(), QString());
        {
            KeepTime keep(path);
            const int fd = ::open(path.constData(), O_WRONLY);
            QVERIFY(fd >= 0);
            QCOMPARE(::pwrite(fd, "\1", 1, qint64(24) << 20), 1);
            ::close(fd);
        }
        const QString text = differences();
        QVERIFY2(text.contains(u"changed: file \"tortura/esparso/grande.dat\": content differs"_s),
                 qPrintable(text));
    }

    void escapedPathsAreUnambiguous()
    {
        QCOMPARE(escapedPath("a\\xf3"), u"a\\\\xf3"_s);
        QCOMPARE(escapedPath("a\xf3"), u"a\\xf3"_s);
        QCOMPARE(escapedPath("a\nb\x7f"), u"a\\x0ab\\x7f"_s);
    }

    // Root ignores permission bits; without CAP_DAC_OVERRIDE and
    // CAP_DAC_READ_SEARCH it cannot read what is unreadable.
    void uncopyableCasesAreUncopyable()
    {
        const QString folder = m_dir.filePath(u"uncopyable"_s);
        QVERIFY(QDir().mkpath(folder));
        const auto result = addUncopyableCases(folder, {});
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(result.paths,
                 QList<QByteArray>({"tortura-nao-copiavel/atalho.dat", "tortura-nao-copiavel/fila",
                                    "tortura-nao-copiavel/sem-leitura.dat",
                                    "tortura-nao-copiavel/pasta-sem-leitura/"}));
        const auto snapshot = snapshotTree(folder);
        QCOMPARE(find(snapshot, "tortura-nao-copiavel/atalho.dat")->kind, 'l');
        QCOMPARE(find(snapshot, "tortura-nao-copiavel/atalho.dat")->content,
                 QByteArray("../empresa.json"));
        QCOMPARE(find(snapshot, "tortura-nao-copiavel/fila")->kind, 'p');
        QCOMPARE(find(snapshot, "tortura-nao-copiavel/sem-leitura.dat")->mode, 0u);
        QCOMPARE(find(snapshot, "tortura-nao-copiavel/pasta-sem-leitura")->mode, 0u);

        // A device node needs CAP_MKNOD: checked only where it is permitted.
        UncopyableOptions deviceOnly;
        deviceOnly.symlink = deviceOnly.fifo = deviceOnly.unreadableFile = false;
        deviceOnly.unreadableFolder = false;
        deviceOnly.device = true;
        const QString deviceFolder = m_dir.filePath(u"device"_s);
        QVERIFY(QDir().mkpath(deviceFolder));
        const auto device = addUncopyableCases(deviceFolder, deviceOnly);
        if (device.error.isEmpty())
            QCOMPARE(find(snapshotTree(deviceFolder), "tortura-nao-copiavel/dispositivo")->kind,
                     'c');
        else
            qInfo("making a device node is not permitted here (%s): not checked",
                  qPrintable(device.error));

        const QString file = folder + u"/tortura-nao-copiavel/sem-leitura.dat"_s;
        const QString dir = folder + u"/tortura-nao-copiavel/pasta-sem-leitura"_s;
        const auto cat = withoutFileCapabilities(u"cat"_s, {file});
        const auto readFile = runProcess(cat.program, cat.arguments);
        QVERIFY2(readFile.exitCode == 1 && readFile.standardError.contains("Permission denied"),
                 readFile.standardError.constData());
        const auto ls = withoutFileCapabilities(u"ls"_s, {dir});
        const auto listDir = runProcess(ls.program, ls.arguments);
        QVERIFY2(listDir.exitCode == 2 && listDir.standardError.contains("Permission denied"),
                 listDir.standardError.constData());
        // And the wrapper itself runs the program: a readable file is read.
        QVERIFY(addFile(folder, "legivel.dat", "readable\n").isEmpty());
        const auto catReadable = withoutFileCapabilities(u"cat"_s, {folder + u"/legivel.dat"_s});
        QCOMPARE(runProcess(catReadable.program, catReadable.arguments).exitCode, 0);
        QCOMPARE(::chmod(dir.toLocal8Bit().constData(), 0755), 0);
    }
};

QTEST_GUILESS_MAIN(TestTortureTools)
#include "tst_torturetools.moc"
