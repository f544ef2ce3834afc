// SPDX-License-Identifier: GPL-3.0-or-later
// Copies packed again by users (issue 3): a real copy made by resguarda-cli,
// packed with the real tar, 7z and rar, read by list and verify without the
// user unpacking it, and every way such a container must be refused.

#include "copy/copycontainer.h"
#include "copy/copyreader.h"
#include "support/hostilecopy.h"
#include "support/testinstallation.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstring>

using namespace Resguarda;
using namespace TestSupport;

namespace {

struct ToolResult
{
    bool ok = false;
    QByteArray output; // stdout and stderr, to explain a failure
};

ToolResult runTool(const QString &program, const QStringList &args, const QString &workDir)
{
    QProcess process;
    process.setWorkingDirectory(workDir);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, args);
    ToolResult result;
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
    }
    result.output = process.readAll();
    result.ok = process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    if (!result.ok)
        result.output.prepend(program.toUtf8() + ' ' + args.join(u' ').toUtf8() + ": ");
    return result;
}

QString sevenZip()
{
    for (const auto &name : {QStringLiteral("7z"), QStringLiteral("7zz"), QStringLiteral("7za")}) {
        const QString path = QStandardPaths::findExecutable(name);
        if (!path.isEmpty())
            return path;
    }
    return {};
}

// One entry of a POSIX ustar archive, built by hand so that tests can write
// names and entry types that tar itself would refuse or rewrite.
QByteArray ustarEntry(const QByteArray &name, const QByteArray &data, char type = '0',
                      const QByteArray &linkTarget = {})
{
    QByteArray header(512, '\0');
    auto put = [&](int offset, int width, const QByteArray &value) {
        std::memcpy(header.data() + offset, value.constData(), std::min<int>(width, value.size()));
    };
    auto octal = [](qint64 value, int digits) {
        return QByteArray::number(value, 8).rightJustified(digits, '0');
    };
    put(0, 100, name);
    put(100, 8, octal(0644, 7));
    put(108, 8, octal(0, 7));
    put(116, 8, octal(0, 7));
    put(124, 12, octal(data.size(), 11));
    put(136, 12, octal(1700000000, 11));
    put(148, 8, QByteArray(8, ' ')); // counted as spaces in the checksum
    header[156] = type;
    put(157, 100, linkTarget);
    put(257, 6, QByteArray("ustar\0", 6));
    put(263, 2, QByteArray("00"));
    int sum = 0;
    for (const char c : std::as_const(header))
        sum += quint8(c);
    put(148, 8, octal(sum, 6) + QByteArray("\0 ", 2));
    QByteArray entry = header + data;
    entry.append(QByteArray((512 - data.size() % 512) % 512, '\0'));
    return entry;
}

QByteArray ustarEnd()
{
    return QByteArray(1024, '\0');
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool isEmptyDir(const QString &path)
{
    return QDir(path).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden
                              | QDir::System);
}

} // namespace

class TestContainer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_copy; // the plain copy made by resguarda-cli backup
    QByteArray m_plainJson; // list --json of the plain copy
    QStringList m_companyNames;
    QString m_cliTemp; // TMPDIR of every CLI run: must be empty after each
    QStringList m_cliEnv;
    int m_rows = 0;

    // A fresh folder for one test row.
    QString newDir(const QString &prefix)
    {
        const QString path = m_dir.filePath(QStringLiteral("%1-%2").arg(prefix).arg(++m_rows));
        QDir().mkpath(path);
        return path;
    }

    // A folder to pack: the copy at each of copyPaths (relative) and, with
    // others, files that are not copies beside it: a text, a ZIP that is not
    // named Copia*.zip, an empty folder.
    QString makeLayout(const QStringList &copyPaths, bool others)
    {
        const QString layout = newDir(QStringLiteral("layout"));
        for (const auto &relative : copyPaths) {
            QDir().mkpath(QFileInfo(layout + u'/' + relative).absolutePath());
            if (!QFile::copy(m_copy, layout + u'/' + relative))
                qWarning() << "cannot copy to" << relative;
        }
        if (others) {
            writeFile(layout + QStringLiteral("/LEIAME.txt"), "Backup do fim do ano.\n");
            writeFile(layout + QStringLiteral("/fotos/ferias.zip"), readAll(m_copy).left(4096));
            QDir().mkpath(layout + QStringLiteral("/vazio"));
        }
        return layout;
    }

    // Packs the top-level entries of layout into out with the real tool.
    ToolResult pack(const QString &packer, const QString &layout, const QString &out,
                    const QStringList &options = {})
    {
        const QStringList names = QDir(layout).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);
        if (packer == u"tar")
            return runTool(QStringLiteral("tar"), QStringList {QStringLiteral("-cf"), out} + names,
                           layout);
        if (packer == u"tar.gz")
            return runTool(QStringLiteral("tar"), QStringList {QStringLiteral("-czf"), out} + names,
                           layout);
        if (packer == u"tar.xz")
            return runTool(QStringLiteral("tar"), QStringList {QStringLiteral("-cJf"), out} + names,
                           layout);
        if (packer == u"tar.zst")
            return runTool(
                QStringLiteral("tar"),
                QStringList {QStringLiteral("--zstd"), QStringLiteral("-cf"), out} + names, layout);
        if (packer == u"7z")
            return runTool(
                sevenZip(),
                QStringList {QStringLiteral("a"), QStringLiteral("-bd"), QStringLiteral("-y")}
                    + options + QStringList {out} + names,
                layout);
        if (packer == u"rar")
            return runTool(
                QStringLiteral("rar"),
                QStringList {QStringLiteral("a"), QStringLiteral("-r"), QStringLiteral("-idq")}
                    + options + QStringList {out} + names,
                layout);
        return {false, "unknown packer " + packer.toUtf8()};
    }

    static void compareManifests(const Manifest &actual, const Manifest &expected)
    {
        QCOMPARE(actual.system.code, expected.system.code);
        QCOMPARE(actual.createdAt, expected.createdAt);
        QCOMPARE(actual.companies.size(), expected.companies.size());
        QCOMPARE(actual.entries.size(), expected.entries.size());
        for (qsizetype i = 0; i < expected.entries.size(); ++i) {
            QCOMPARE(actual.entries[i].path, expected.entries[i].path);
            QCOMPARE(actual.entries[i].size, expected.entries[i].size);
            QCOMPARE(actual.entries[i].crc32, expected.entries[i].crc32);
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString root = m_dir.filePath(QStringLiteral("inst"));
        auto result = runCli({QStringLiteral("demo"), QStringLiteral("--root"), root,
                              QStringLiteral("--companies"), QStringLiteral("2"),
                              QStringLiteral("--size-mb"), QStringLiteral("3"),
                              QStringLiteral("--seed"), QStringLiteral("5")});
        QVERIFY2(result.exitCode == 0, result.standardError.constData());
        m_copy = m_dir.filePath(QStringLiteral("CopiaAT.zip"));
        result = runCli({QStringLiteral("backup"), QStringLiteral("--root"), root,
                         QStringLiteral("--system"), QStringLiteral("AT"),
                         QStringLiteral("--templates"), QStringLiteral("--output"), m_copy});
        QVERIFY2(result.exitCode == 0, result.standardError.constData());

        m_cliTemp = m_dir.filePath(QStringLiteral("cli-temp"));
        QVERIFY(QDir().mkpath(m_cliTemp));
        // English messages whatever the developer's locale; the CLI's
        // temporary files go where the tests can see them.
        m_cliEnv = {QStringLiteral("LANG=C.UTF-8"), QStringLiteral("LC_ALL=C.UTF-8"),
                    QStringLiteral("LANGUAGE="), QStringLiteral("TMPDIR=") + m_cliTemp};

        result = runCli({QStringLiteral("list"), m_copy, QStringLiteral("--json")}, m_cliEnv);
        QVERIFY2(result.exitCode == 0, result.standardError.constData());
        m_plainJson = result.standardOutput;
        const QJsonArray companies
            = QJsonDocument::fromJson(m_plainJson).object().value(u"companies").toArray();
        QVERIFY(!companies.isEmpty());
        for (const auto &company : companies)
            m_companyNames << company.toObject().value(u"name").toString();
        QVERIFY2(!sevenZip().isEmpty(), "7z is needed (packaging/install-deps.sh installs it)");
    }

    void containerIsReadLikeThePlainCopy_data()
    {
        QTest::addColumn<QString>("packer");
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QString>("copyPath");
        QTest::addColumn<bool>("others");
        const QString nested = QStringLiteral("backup/2026/CopiaAT.zip");
        const QString flat = QStringLiteral("CopiaAT.zip");
        QTest::newRow("tar, in a subfolder") << u"tar"_qs << u"backup.tar"_qs << nested << true;
        QTest::newRow("tar.gz, in a subfolder")
            << u"tar.gz"_qs << u"backup.tar.gz"_qs << nested << true;
        QTest::newRow("tar.gz, alone") << u"tar.gz"_qs << u"backup.tgz"_qs << flat << false;
        QTest::newRow("tar.xz, in a subfolder")
            << u"tar.xz"_qs << u"backup.tar.xz"_qs << nested << true;
        QTest::newRow("tar.zst, in a subfolder")
            << u"tar.zst"_qs << u"backup.tar.zst"_qs << nested << true;
        QTest::newRow("tar.zst, beside other files")
            << u"tar.zst"_qs << u"backup.tar.zst"_qs << flat << true;
        QTest::newRow("7z, in a subfolder") << u"7z"_qs << u"backup.7z"_qs << nested << true;
        QTest::newRow("7z, alone") << u"7z"_qs << u"backup.7z"_qs << flat << false;
        QTest::newRow("7z, name in other case")
            << u"7z"_qs << u"backup.7z"_qs << u"pendrive/COPIAAT-SEGUNDA.ZIP"_qs << true;
        QTest::newRow("rar, in a subfolder") << u"rar"_qs << u"backup.rar"_qs << nested << true;
    }

    void containerIsReadLikeThePlainCopy()
    {
        QFETCH(QString, packer);
        QFETCH(QString, fileName);
        QFETCH(QString, copyPath);
        QFETCH(bool, others);
        if (packer == u"rar" && QStandardPaths::findExecutable(QStringLiteral("rar")).isEmpty())
            QSKIP("no rar program to make a .rar (Debian's rar is non-free and libarchive only "
                  "reads RAR); install rar to run this row");

        const QString container = newDir(QStringLiteral("container")) + u'/' + fileName;
        const auto packed = pack(packer, makeLayout({copyPath}, others), container);
        QVERIFY2(packed.ok, packed.output.constData());
        QVERIFY(CopyContainer::isContainer(container));

        // list --json says exactly what it says of the plain copy.
        auto result
            = runCli({QStringLiteral("list"), container, QStringLiteral("--json")}, m_cliEnv);
        QVERIFY2(result.exitCode == 0, result.standardError.constData());
        QCOMPARE(QJsonDocument::fromJson(result.standardOutput),
                 QJsonDocument::fromJson(m_plainJson));
        QVERIFY(isEmptyDir(m_cliTemp));

        result = runCli({QStringLiteral("list"), container}, m_cliEnv);
        QVERIFY2(result.exitCode == 0, result.standardError.constData());
        const QString text = QString::fromUtf8(result.standardOutput);
        QVERIFY2(text.contains(QStringLiteral("Copy: ") + QDir::toNativeSeparators(container)),
                 qPrintable(text));
        for (const auto &name : std::as_const(m_companyNames))
            QVERIFY2(text.contains(name), qPrintable(name));
        QVERIFY(isEmptyDir(m_cliTemp));

        result = runCli({QStringLiteral("verify"), container}, m_cliEnv);
        QVERIFY2(result.exitCode == 0, result.standardError.constData());
        QVERIFY2(result.standardOutput.contains(QStringLiteral("The copy %1 is intact")
                                                    .arg(QDir::toNativeSeparators(container))
                                                    .toUtf8()),
                 result.standardOutput.constData());
        QVERIFY(isEmptyDir(m_cliTemp));

        // The backend object restore will use.
        OperationError error;
        const auto plain = CopyReader::open(m_copy, &error);
        QVERIFY2(plain, qPrintable(error.message));
        const QString scratch = newDir(QStringLiteral("scratch"));
        auto opened = OpenedCopy::open(container, scratch, &error);
        QVERIFY2(opened, qPrintable(error.message));
        QVERIFY(opened->wasUnpacked());
        QCOMPARE(opened->originalPath(), container);
        QCOMPARE(opened->entryPath(), copyPath);
        QCOMPARE(opened->displayName(),
                 QStringLiteral("%1 → %2").arg(QDir::toNativeSeparators(container), copyPath));
        QCOMPARE(QFileInfo(opened->reader().path()).absolutePath(),
                 QFileInfo(scratch).absoluteFilePath());
        QCOMPARE(fileHash(opened->reader().path()), fileHash(m_copy));
        compareManifests(opened->reader().manifest(), plain->manifest());
        if (QTest::currentTestFailed())
            return;
        QVERIFY(opened->reader().structuralProblems().isEmpty());
        QVERIFY(opened->reader().verify().isEmpty());
        QVERIFY(!isEmptyDir(scratch));
        opened.reset();
        QVERIFY2(isEmptyDir(scratch),
                 qPrintable(QDir(scratch).entryList(QDir::AllEntries | QDir::Hidden).join(u' ')));
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("listExit");
        QTest::addColumn<int>("verifyExit");
        QTest::addColumn<QStringList>("expected"); // fragments of the message
        QTest::newRow("two copies")
            << u"two"_qs << 4 << 4
            << QStringList {u"holds more than one copy"_qs, u"backup/CopiaAT.zip"_qs,
                            u"antigas/copiaAT-segunda.ZIP"_qs, u"Choose one"_qs};
        QTest::newRow("no copy") << u"none"_qs << 4 << 4
                                 << QStringList {u"holds no Resguarda copy (Copia*.zip)"_qs};
        QTest::newRow("copy only as a link")
            << u"symlink"_qs << 4 << 4 << QStringList {u"holds no Resguarda copy (Copia*.zip)"_qs};
        QTest::newRow("truncated tar.gz")
            << u"truncated"_qs << 4 << 4 << QStringList {u"is damaged"_qs, u"Use another copy"_qs};
        QTest::newRow("7z with a flipped byte")
            << u"flipped7z"_qs << 4 << 4 << QStringList {u"damaged"_qs, u"Use another copy"_qs};
        QTest::newRow("stored 7z with a flipped byte")
            << u"flipped7zStored"_qs << 4 << 4 << QStringList {u"damaged"_qs, u"CRC"_qs};
        QTest::newRow("7z with a password and hidden names")
            << u"encryptedHeaders"_qs << 4 << 4 << QStringList {u"encrypted"_qs, u"password"_qs};
        QTest::newRow("7z with a password")
            << u"encrypted"_qs << 4 << 4 << QStringList {u"encrypted"_qs, u"password"_qs};
        QTest::newRow("truncated copy inside")
            << u"truncatedInner"_qs << 4 << 4
            << QStringList {u" → backup/CopiaAT.zip is damaged"_qs, u"truncated"_qs};
        QTest::newRow("flipped bit in the copy inside")
            << u"flippedInner"_qs << 0 << 4 << QStringList {u"is damaged"_qs, u"Problem: "_qs};
    }

    void refusals()
    {
        QFETCH(QString, kind);
        QFETCH(int, listExit);
        QFETCH(int, verifyExit);
        QFETCH(QStringList, expected);

        const QString dir = newDir(QStringLiteral("refused"));
        QString container;
        ToolResult packed {true, {}};
        if (kind == u"two") {
            container = dir + QStringLiteral("/two.tar");
            packed = pack(
                u"tar"_qs,
                makeLayout({u"backup/CopiaAT.zip"_qs, u"backup/antigas/copiaAT-segunda.ZIP"_qs},
                           true),
                container);
        } else if (kind == u"none") {
            container = dir + QStringLiteral("/none.tar.gz");
            packed = pack(u"tar.gz"_qs, makeLayout({}, true), container);
        } else if (kind == u"symlink") {
            // A link named like a copy is not a copy, even to a real one.
            container = dir + QStringLiteral("/link.tar");
            writeFile(container,
                      ustarEntry("CopiaAT.zip", {}, '2', QFile::encodeName(m_copy)) + ustarEnd());
        } else if (kind == u"truncated") {
            container = dir + QStringLiteral("/cut.tar.gz");
            packed = pack(u"tar.gz"_qs, makeLayout({u"backup/CopiaAT.zip"_qs}, true), container);
            QVERIFY(QFile::resize(container, QFileInfo(container).size() / 2));
        } else if (kind == u"flipped7z" || kind == u"flipped7zStored") {
            // Compressed, the flip breaks decompression; stored, only the
            // 7z CRC of the entry can tell.
            container = dir + QStringLiteral("/flip.7z");
            const QStringList options = kind == u"flipped7zStored"
                ? QStringList {QStringLiteral("-mx=0")}
                : QStringList {};
            packed = pack(u"7z"_qs, makeLayout({u"CopiaAT.zip"_qs}, false), container, options);
            QByteArray data = readAll(container);
            QVERIFY(data.size() > 1000);
            data[data.size() / 2] = char(data.at(data.size() / 2) ^ 0x10);
            writeFile(container, data);
        } else if (kind == u"encryptedHeaders" || kind == u"encrypted") {
            container = dir + QStringLiteral("/secret.7z");
            QStringList options {QStringLiteral("-pSECRET")};
            if (kind == u"encryptedHeaders")
                options << QStringLiteral("-mhe=on");
            packed
                = pack(u"7z"_qs, makeLayout({u"backup/CopiaAT.zip"_qs}, true), container, options);
        } else if (kind == u"truncatedInner" || kind == u"flippedInner") {
            const QString layout = makeLayout({u"backup/CopiaAT.zip"_qs}, true);
            const QString inner = layout + QStringLiteral("/backup/CopiaAT.zip");
            QByteArray data = readAll(inner);
            if (kind == u"truncatedInner") {
                data.truncate(data.size() * 2 / 3);
            } else {
                // A bit of the largest data entry (not the manifest, which
                // list reads): the central directory and the manifest stay
                // sound, so only verify can tell.
                QString error;
                auto entries = HostileCopy::locateEntries(inner, &error);
                QVERIFY2(!entries.isEmpty(), qPrintable(error));
                entries.removeIf([](const EntryLocation &entry) {
                    return entry.rawName == QString::fromUtf16(manifestEntryName).toUtf8();
                });
                QVERIFY(!entries.isEmpty());
                const auto largest = *std::max_element(
                    entries.begin(), entries.end(), [](const auto &a, const auto &b) {
                        return a.compressedSize < b.compressedSize;
                    });
                QVERIFY(largest.compressedSize > 16);
                const qint64 at = largest.dataOffset + largest.compressedSize / 2;
                data[at] = char(data.at(at) ^ 0x01);
            }
            writeFile(inner, data);
            container = dir + QStringLiteral("/inner.tar.xz");
            packed = pack(u"tar.xz"_qs, layout, container);
        }
        QVERIFY2(packed.ok, packed.output.constData());
        QVERIFY(CopyContainer::isContainer(container));

        const QByteArray name = QDir::toNativeSeparators(container).toUtf8();
        for (const auto &[command, exitCode] : {std::pair {QStringLiteral("list"), listExit},
                                                std::pair {QStringLiteral("verify"), verifyExit}}) {
            const auto result = runCli({command, container}, m_cliEnv);
            QVERIFY2(result.exitCode == exitCode,
                     qPrintable(QStringLiteral("%1 exited with %2: %3")
                                    .arg(command)
                                    .arg(result.exitCode)
                                    .arg(QString::fromUtf8(result.standardError))));
            QVERIFY(isEmptyDir(m_cliTemp));
            if (exitCode == 0)
                continue;
            const QString message = QString::fromUtf8(result.standardError);
            QVERIFY2(message.contains(QString::fromUtf8(name)), qPrintable(message));
            for (const auto &fragment : std::as_const(expected))
                QVERIFY2(message.contains(fragment), qPrintable(command + u": " + message));
            // The temporary file is ours, not the user's: never named.
            QVERIFY2(!message.contains(u"resguarda-unpacked"), qPrintable(message));
        }

        // The backend object refuses the same way and leaves nothing behind.
        if (listExit != 0) {
            const QString scratch = newDir(QStringLiteral("scratch"));
            OperationError error;
            QVERIFY(!OpenedCopy::open(container, scratch, &error));
            QCOMPARE(int(error.code), listExit);
            QVERIFY(isEmptyDir(scratch));
        }
    }

    void entryNamesAreNeverPaths()
    {
        // Names a crafted tar may carry; the copy must land in the scratch
        // folder under a name of ours whatever they say. Directories, links
        // and hard links named like a copy are not copies.
        const QByteArray copy = readAll(m_copy);
        const QString escapeDir = m_dir.filePath(QStringLiteral("deep/escape"));
        const QByteArray absolute
            = QFile::encodeName(m_dir.filePath(QStringLiteral("absolute/CopiaAT.zip")));
        const QString container
            = newDir(QStringLiteral("crafted")) + QStringLiteral("/crafted.tar");
        for (const QByteArray &name : {QByteArray("../../../escape/CopiaAT.zip"), absolute}) {
            writeFile(container,
                      ustarEntry("CopiaAT.zip/", {}, '5')
                          + ustarEntry("link/CopiaAT.zip", {}, '2', "../x") + ustarEntry(name, copy)
                          + ustarEntry("hard/CopiaAT.zip", {}, '1', name) + ustarEnd());
            const QString scratch = newDir(QStringLiteral("deep/a/b/scratch"));
            QString unpacked;
            QString entryPath;
            const auto error
                = CopyContainer::unpackSingleCopy(container, scratch, &unpacked, {}, &entryPath);
            QVERIFY2(!error, qPrintable(error.message));
            QCOMPARE(entryPath, QString::fromUtf8(name));
            QCOMPARE(QFileInfo(unpacked).absolutePath(), QFileInfo(scratch).absoluteFilePath());
            QVERIFY(QFileInfo(unpacked).fileName().startsWith(u"resguarda-unpacked-"));
            QCOMPARE(readAll(unpacked), copy);
            QCOMPARE(QDir(scratch)
                         .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)
                         .size(),
                     1);
            QVERIFY(!QFileInfo::exists(escapeDir));
            QVERIFY(!QFileInfo::exists(QString::fromUtf8(absolute)));
            QVERIFY(QFile::remove(unpacked));
        }
    }

    void unpackStreamsInBlocksAndNeverOverwrites()
    {
        // Larger than the 1 MiB buffer, so the data comes in several blocks.
        QByteArray data(3 * 1024 * 1024 + 123, Qt::Uninitialized);
        QRandomGenerator generator(42);
        generator.fillRange(reinterpret_cast<quint32 *>(data.data()), data.size() / 4);
        const QString layout = newDir(QStringLiteral("big"));
        writeFile(layout + QStringLiteral("/CopiaAT.zip"), data);
        const QString container
            = newDir(QStringLiteral("container")) + QStringLiteral("/big.tar.zst");
        const auto packed = pack(u"tar.zst"_qs, layout, container);
        QVERIFY2(packed.ok, packed.output.constData());

        const QString scratch = newDir(QStringLiteral("scratch"));
        // A file already there under the entry's own name stays untouched.
        writeFile(scratch + QStringLiteral("/CopiaAT.zip"), "not to be overwritten");
        qint64 total = 0;
        int calls = 0;
        QString unpacked;
        const auto error
            = CopyContainer::unpackSingleCopy(container, scratch, &unpacked, [&](qint64 bytes) {
                  total += bytes;
                  ++calls;
                  return true;
              });
        QVERIFY2(!error, qPrintable(error.message));
        QCOMPARE(total, qint64(data.size()));
        QVERIFY(calls >= 4);
        QCOMPARE(readAll(unpacked), data);
        QCOMPARE(readAll(scratch + QStringLiteral("/CopiaAT.zip")),
                 QByteArray("not to be overwritten"));
        QVERIFY(unpacked != scratch + QStringLiteral("/CopiaAT.zip"));
        QVERIFY(QFile::remove(unpacked));

        // Cancelled after the first block: nothing is left behind.
        QVERIFY(QFile::remove(scratch + QStringLiteral("/CopiaAT.zip")));
        unpacked.clear();
        const auto cancelled = CopyContainer::unpackSingleCopy(container, scratch, &unpacked,
                                                               [](qint64) { return false; });
        QCOMPARE(cancelled.code, ExitCode::Failed);
        QVERIFY2(cancelled.message.contains(u"cancelled"), qPrintable(cancelled.message));
        QVERIFY(unpacked.isEmpty());
        QVERIFY(isEmptyDir(scratch));

        // A scratch folder that does not exist is an error, not a crash.
        const auto missing = CopyContainer::unpackSingleCopy(
            container, scratch + QStringLiteral("/missing"), &unpacked);
        QCOMPARE(missing.code, ExitCode::Failed);
        QVERIFY2(missing.message.contains(u"Cannot create a temporary file"),
                 qPrintable(missing.message));
        QVERIFY(isEmptyDir(scratch));
    }

    void detectionIsByContent()
    {
        const QString dir = newDir(QStringLiteral("content"));
        // A plain copy is the copy, whatever its name says.
        QVERIFY(!CopyContainer::isContainer(m_copy));
        const QString zipNamed7z = dir + QStringLiteral("/backup.7z");
        QVERIFY(QFile::copy(m_copy, zipNamed7z));
        QVERIFY(!CopyContainer::isContainer(zipNamed7z));
        auto result
            = runCli({QStringLiteral("list"), zipNamed7z, QStringLiteral("--json")}, m_cliEnv);
        QVERIFY2(result.exitCode == 0, result.standardError.constData());
        QCOMPARE(QJsonDocument::fromJson(result.standardOutput),
                 QJsonDocument::fromJson(m_plainJson));

        // A tar named like a copy is a container.
        const QString layout = makeLayout({u"CopiaAT.zip"_qs}, false);
        const QString tarNamedZip = dir + QStringLiteral("/CopiaAT-pacote.zip");
        const auto packed = pack(u"tar"_qs, layout, tarNamedZip);
        QVERIFY2(packed.ok, packed.output.constData());
        QVERIFY(CopyContainer::isContainer(tarNamedZip));
        result = runCli({QStringLiteral("list"), tarNamedZip, QStringLiteral("--json")}, m_cliEnv);
        QVERIFY2(result.exitCode == 0, result.standardError.constData());
        QCOMPARE(QJsonDocument::fromJson(result.standardOutput),
                 QJsonDocument::fromJson(m_plainJson));

        // Random bytes are neither, even named .7z; a ZIP compressed on its
        // own (no tar) is not a container either.
        QByteArray noise(64 * 1024, Qt::Uninitialized);
        QRandomGenerator generator(7);
        generator.fillRange(reinterpret_cast<quint32 *>(noise.data()), noise.size() / 4);
        const QString random7z = dir + QStringLiteral("/random.7z");
        writeFile(random7z, noise);
        const QString gzipped = dir + QStringLiteral("/CopiaAT.zip.gz");
        const auto gzip = runTool(
            QStringLiteral("sh"),
            {QStringLiteral("-c"), QStringLiteral("gzip -c \"$0\" > \"$1\""), m_copy, gzipped},
            dir);
        QVERIFY2(gzip.ok, gzip.output.constData());
        for (const QString &path : {random7z, gzipped}) {
            QVERIFY(!CopyContainer::isContainer(path));
            result = runCli({QStringLiteral("list"), path}, m_cliEnv);
            QCOMPARE(result.exitCode, 4);
            QVERIFY2(result.standardError.contains("not a ZIP"), result.standardError.constData());
        }
        QVERIFY(!CopyContainer::isContainer(dir + QStringLiteral("/missing.tar")));
        QVERIFY(isEmptyDir(m_cliTemp));
    }

    void restoreFromContainer_data()
    {
        QTest::addColumn<QString>("packer");
        QTest::newRow("7z") << u"7z"_qs;
        QTest::newRow("tar.zst") << u"tar.zst"_qs;
    }

    void restoreFromContainer()
    {
        QFETCH(QString, packer);
        const QString container
            = newDir(QStringLiteral("restore")) + QStringLiteral("/copia.") + packer;
        const auto packed = pack(packer, makeLayout({u"backup/CopiaAT.zip"_qs}, true), container);
        QVERIFY2(packed.ok, packed.output.constData());

        // The installation the copy was made of, with work lost since.
        const QString original = m_dir.filePath(QStringLiteral("inst"));
        const QString root = newDir(QStringLiteral("installation"));
        QVERIFY(QDir(root).removeRecursively());
        QVERIFY(copyTree(original, root));
        const QString companies = root + QStringLiteral("/AT/empresas");
        const QStringList codes = QDir(companies).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QVERIFY(QDir(companies + u'/' + codes.first()).removeRecursively());
        writeFile(companies + u'/' + codes.last() + QStringLiteral("/cadastro.dat"),
                  "damaged by a power cut\n");

        const auto result = runCli({QStringLiteral("restore"), container, QStringLiteral("--root"),
                                    root, QStringLiteral("--yes"), QStringLiteral("--templates")},
                                   m_cliEnv);
        QVERIFY2(result.exitCode == 0, result.standardError.constData());
        QCOMPARE(treeHashes(companies), treeHashes(original + QStringLiteral("/AT/empresas")));
        QCOMPARE(treeHashes(root + QStringLiteral("/AT/modelos")),
                 treeHashes(original + QStringLiteral("/AT/modelos")));
        QVERIFY2(QDir(m_cliTemp).isEmpty(), "the unpacked copy was left behind");
    }
};

QTEST_GUILESS_MAIN(TestContainer)
#include "tst_container.moc"
