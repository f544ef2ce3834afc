// SPDX-License-Identifier: GPL-3.0-or-later
// The ZIP that CopyWriter writes (its own streaming writer, entries
// compressed on several threads), read by the tools an office uses to open a
// copy without Resguarda: Info-ZIP unzip, 7-Zip, Python's zipfile and
// libarchive (which, reading as a stream, trusts the local headers alone).
// zip64 records are proven at thresholds lowered for the test, and once for
// real with more than 65535 entries.

#include "copy/copywriter.h"
#include "core/rooteddir.h"
#include "support/sanitizers.h"
#include "support/testinstallation.h"
#include "support/tmpfsmount.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <archive.h>
#include <archive_entry.h>

#include <fcntl.h>
#include <sys/stat.h>

using namespace Resguarda;
using namespace TestSupport;

namespace {

// Checks an archive with Python's zipfile against the expectation
// (name -> {sha256, mode, modified}, in the order the entries were added):
// every entry present in that order with those bytes, offsets growing,
// UTF-8 flag, made by Unix, mode in the external attributes, the extended
// timestamp, and with "zip64" in argv, zip64 fields for every entry.
const char *pythonCheck = R"PY(
import hashlib, json, struct, sys, zipfile
path, expected_path = sys.argv[1], sys.argv[2]
zip64 = len(sys.argv) > 3 and sys.argv[3] == "zip64"
expected = json.load(open(expected_path))
z = zipfile.ZipFile(path)
bad = z.testzip()
if bad is not None:
    sys.exit("bad CRC in " + bad)
infos = z.infolist()
names = [i.filename for i in infos]
want = [e["name"] for e in expected]
if names != want:
    sys.exit("names differ: %r... vs %r..." % (names[:5], want[:5]))
last = -1
for info, e in zip(infos, expected):
    if info.header_offset <= last:
        sys.exit("offsets do not grow at " + info.filename)
    last = info.header_offset
    if not info.flag_bits & 0x800:
        sys.exit("no UTF-8 flag on " + info.filename)
    if info.create_system != 3 or info.create_version != 63:
        sys.exit("not made by Unix 6.3: " + info.filename)
    if info.extract_version not in (10, 20, 45):
        sys.exit("needs version %d: %s" % (info.extract_version, info.filename))
    mode = info.external_attr >> 16
    if mode != e["mode"]:
        sys.exit("mode %o instead of %o on %s" % (mode, e["mode"], info.filename))
    if info.filename.endswith("/") != bool(info.external_attr & 0x10):
        sys.exit("MS-DOS folder attribute wrong on " + info.filename)
    extra = info.extra
    fields = {}
    while len(extra) >= 4:
        tag, size = struct.unpack("<HH", extra[:4])
        fields[tag] = extra[4:4 + size]
        extra = extra[4 + size:]
    if 0x5455 not in fields or (e["modified"] >= 0 and struct.unpack("<BI", fields[0x5455])[1] != e["modified"]):
        sys.exit("no extended timestamp on " + info.filename)
    if zip64 and (0x0001 not in fields or info.extract_version != 45):
        sys.exit("no zip64 field on " + info.filename)
    if not zip64 and 0x0001 in fields:
        sys.exit("needless zip64 field on " + info.filename)
    if e.get("sha256") is not None:
        data = z.read(info)
        if hashlib.sha256(data).hexdigest() != e["sha256"]:
            sys.exit("content differs: " + info.filename)
print("OK", len(infos))
)PY";

QByteArray sha256(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

// Text that compresses like the tables of a real installation.
QByteArray recordText(qint64 size, quint32 seed)
{
    QRandomGenerator random(seed);
    QByteArray text;
    text.reserve(size + 128);
    while (text.size() < size) {
        text += "<registro><conta>" + QByteArray::number(random.bounded(100000)) + "</conta><valor>"
            + QByteArray::number(random.bounded(1000000)) + ","
            + QByteArray::number(random.bounded(100)) + "</valor></registro>\n";
    }
    text.resize(size);
    return text;
}

QByteArray noise(qint64 size, quint32 seed)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator random(seed);
    for (qint64 i = 0; i < size; ++i)
        data[i] = char(random.bounded(256));
    return data;
}

qint64 peakResidentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

struct Expected
{
    QString name;
    QByteArray sha; // empty for a folder
    int mode = 0;
    qint64 modified = 0;
};

} // namespace

class TestZipWriter : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_source;
    QString m_output;
    std::optional<RootedDir> m_sourceDir;
    std::optional<RootedDir> m_outputDir;
    QList<Expected> m_expected;

    // A new writer on "<output>/.copy.zip.resguarda-parcial".
    std::unique_ptr<CopyWriter> openWriter(int workers = 0,
                                           const ZipStreamWriter::Limits &limits = {},
                                           const QString &folder = {})
    {
        const QString where = folder.isEmpty() ? m_output : folder;
        QString error;
        auto dir = RootedDir::open(where, &error);
        if (!dir) {
            qWarning() << error;
            return nullptr;
        }
        const QString name = QStringLiteral(".copy.zip.resguarda-parcial");
        QFile::remove(where + u'/' + name);
        auto writer = std::make_unique<CopyWriter>(where + u'/' + name);
        writer->setZipLimits(limits);
        if (workers > 0)
            writer->setWorkerCount(workers);
        const int fd = dir->createFile(name, 0640, &error);
        if (fd < 0 || !writer->open(fd, *dir, &error)) {
            qWarning() << error;
            return nullptr;
        }
        m_expected.clear();
        return writer;
    }

    QString archivePath() const
    {
        return m_output + QStringLiteral("/.copy.zip.resguarda-parcial");
    }

    // Writes a source file and adds it; false when the writer did not take it.
    bool addSourceFile(CopyWriter &writer, const QString &relative, const QByteArray &data,
                       int mode = 0640)
    {
        const QString path = m_source + u'/' + relative;
        QFile::remove(path);
        writeFile(path, data);
        ::chmod(QFile::encodeName(path).constData(), mode_t(mode));
        CompressedEntry entry;
        CopyWriter::FileMetadata metadata;
        ManifestLeftOut::Reason reason {};
        QString error;
        const auto added = writer.addFile(*m_sourceDir, relative, relative, {}, &entry, &metadata,
                                          &reason, &error);
        if (added != CopyWriter::AddResult::Added) {
            qWarning() << "not added:" << relative << error;
            return false;
        }
        if (entry.uncompressedSize != data.size()
            || entry.crc32 != EntryCompressor::crc32(0, data.constData(), data.size())) {
            qWarning() << "wrong size or CRC reported for" << relative;
            return false;
        }
        m_expected.append({relative, sha256(data), int(S_IFREG | mode), metadata.modified});
        return true;
    }

    bool addFolder(CopyWriter &writer, const QString &name, int mode = 0750)
    {
        QString error;
        const qint64 modified = 1764163800;
        if (!writer.addFolder(name, {modified, mode}, &error))
            return false;
        m_expected.append({name + u'/', {}, int(S_IFDIR | mode), modified});
        return true;
    }

    bool addData(CopyWriter &writer, const QString &name, const QByteArray &data)
    {
        CompressedEntry entry;
        QString error;
        const qint64 before = QDateTime::currentSecsSinceEpoch();
        if (!writer.addData(name, data, &entry, &error))
            return false;
        // The time is the writer's own clock: present, to the second or so.
        Q_UNUSED(before);
        m_expected.append({name, sha256(data), int(S_IFREG | 0644), -1});
        return entry.uncompressedSize == data.size();
    }

    // The same content every reader must accept.
    bool addMixedContent(CopyWriter &writer)
    {
        return addSourceFile(writer, QStringLiteral("vazio.dat"), {})
            && addSourceFile(writer, QStringLiteral("saldos.xml"), recordText(300 * 1024, 1), 0660)
            && addSourceFile(writer, QStringLiteral("imagem.jpg"), noise(200 * 1024, 2), 0600)
            && addFolder(writer, QStringLiteral("mensal"))
            && addSourceFile(writer, QStringLiteral("acentuação/relatório 10:30.txt"),
                             recordText(5000, 3))
            // Over the whole-buffer limit: streamed in chunks deflated apart.
            && addSourceFile(
                   writer, QStringLiteral("tabela grande.dat"),
                   recordText(EntryCompressor::wholeBufferLimit + 3 * 1024 * 1024 + 77, 4))
            && addSourceFile(writer, QStringLiteral("depois.dat"), recordText(1000, 5))
            && addData(writer, QStringLiteral("resguarda-manifest.json"), "{\"format\": 1}\n");
    }

    QString writeExpectation()
    {
        QJsonArray array;
        for (const auto &e : std::as_const(m_expected)) {
            QJsonObject object {{QStringLiteral("name"), e.name},
                                {QStringLiteral("mode"), e.mode},
                                {QStringLiteral("modified"), e.modified}};
            if (!e.sha.isEmpty())
                object.insert(QStringLiteral("sha256"), QString::fromLatin1(e.sha));
            array.append(object);
        }
        const QString path = m_dir.filePath(QStringLiteral("expected.json"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        file.write(QJsonDocument(array).toJson(QJsonDocument::Compact));
        return path;
    }

    // unzip -t, 7z t, Python's zipfile (content, order and every header
    // field) and libarchive reading as a stream all accept the archive.
    void checkWithEveryReader(const QString &path, bool zip64 = false)
    {
        const auto unzip = runProcess(QStringLiteral("unzip"), {QStringLiteral("-tq"), path});
        QVERIFY2(unzip.exitCode == 0,
                 QByteArray(unzip.standardOutput + unzip.standardError).constData());
        const auto sevenZip
            = runProcess(QStringLiteral("7z"), {QStringLiteral("t"), QStringLiteral("-bd"), path});
        QVERIFY2(sevenZip.exitCode == 0,
                 QByteArray(sevenZip.standardOutput + sevenZip.standardError).constData());
        QVERIFY2(sevenZip.standardOutput.contains("Everything is Ok"),
                 sevenZip.standardOutput.constData());

        const QString expectation = writeExpectation();
        QStringList args {QStringLiteral("-c"), QString::fromUtf8(pythonCheck), path, expectation};
        if (zip64)
            args << QStringLiteral("zip64");
        const auto python = runProcess(QStringLiteral("python3"), args, {}, 300000);
        QVERIFY2(python.exitCode == 0,
                 QByteArray(python.standardOutput + python.standardError).constData());
        QVERIFY2(python.standardOutput.startsWith("OK"), python.standardOutput.constData());

        // libarchive's streaming ZIP reader never looks at the central
        // directory: the local headers alone must say where data ends.
        archive *reader = archive_read_new();
        archive_read_support_format_zip_streamable(reader);
        QCOMPARE(archive_read_open_filename(reader, QFile::encodeName(path).constData(), 64 * 1024),
                 ARCHIVE_OK);
        archive_entry *entry = nullptr;
        int index = 0;
        int rc = ARCHIVE_OK;
        while ((rc = archive_read_next_header(reader, &entry)) == ARCHIVE_OK) {
            QVERIFY(index < m_expected.size());
            const Expected &want = m_expected.at(index++);
            QCOMPARE(QString::fromUtf8(archive_entry_pathname_utf8(entry)), want.name);
            QCryptographicHash hash(QCryptographicHash::Sha256);
            char buffer[65536];
            la_ssize_t n = 0;
            while ((n = archive_read_data(reader, buffer, sizeof buffer)) > 0)
                hash.addData(QByteArrayView(buffer, n));
            QVERIFY2(n == 0, archive_error_string(reader));
            if (!want.sha.isEmpty())
                QCOMPARE(hash.result().toHex(), want.sha);
        }
        QVERIFY2(rc == ARCHIVE_EOF, archive_error_string(reader));
        QCOMPARE(index, m_expected.size());
        archive_read_free(reader);
    }

    static QByteArray tail(const QString &path, qint64 bytes)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        file.seek(std::max<qint64>(0, file.size() - bytes));
        return file.readAll();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_source = m_dir.filePath(QStringLiteral("source"));
        m_output = m_dir.filePath(QStringLiteral("output"));
        QVERIFY(QDir().mkpath(m_source));
        QVERIFY(QDir().mkpath(m_output));
        QString error;
        m_sourceDir = RootedDir::open(m_source, &error);
        m_outputDir = RootedDir::open(m_output, &error);
        QVERIFY2(m_sourceDir && m_outputDir, qPrintable(error));
        for (const char *tool : {"unzip", "7z", "python3"}) {
            if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty())
                QSKIP(
                    qPrintable(QStringLiteral("%1 is not installed: the archives cannot be read "
                                              "by it here (packaging/install-deps.sh installs it)")
                                   .arg(QString::fromLatin1(tool))));
        }
    }

    // First, before other tests raise the peak: the writer keeps nothing per
    // entry (minizip kept about 130 bytes of central directory for each).
    void memoryDoesNotGrowWithTheNumberOfEntries()
    {
        auto write = [&](int entries) {
            auto writer = openWriter();
            QVERIFY(writer);
            QString error;
            CompressedEntry entry;
            for (int i = 0; i < entries; ++i) {
                const QString name = QStringLiteral("AT/empresas/0001/mensal/2026-%1/nota-%2.xml")
                                         .arg(i % 12 + 1)
                                         .arg(i, 8, 10, QLatin1Char('0'));
                QVERIFY2(writer->addData(name, QByteArray::number(i), &entry, &error),
                         qPrintable(error));
            }
            QVERIFY2(writer->finish(&error), qPrintable(error));
        };
        write(2000); // every buffer and thread reaches its size
        if (builtWithAddressSanitizer)
            QSKIP("AddressSanitizer keeps freed memory in quarantine, so the peak grows with "
                  "every allocation made and freed: the writer's own memory is measured in the "
                  "plain build");
        const qint64 before = peakResidentKiB();
        QVERIFY(before > 0);
        write(200000);
        const qint64 growth = peakResidentKiB() - before;
        QVERIFY2(
            growth < 4 * 1024,
            qPrintable(QStringLiteral("200,000 entries raised the peak by %1 KiB").arg(growth)));
    }

    void everyReaderAcceptsTheCopy()
    {
        auto writer = openWriter();
        QVERIFY(writer);
        QVERIFY(addMixedContent(*writer));
        QString error;
        QVERIFY2(writer->finish(&error), qPrintable(error));
        checkWithEveryReader(archivePath());
        // No zip64 record where nothing needs one.
        QVERIFY(!tail(archivePath(), 200).contains(QByteArray("PK\x06\x06", 4)));
    }

    void zip64RecordsAtLoweredThresholds()
    {
        // Every size, offset and count "overflows": every zip64 field and
        // both zip64 end records are written, as past 4 GiB or 65535 entries.
        ZipStreamWriter::Limits limits;
        limits.localZip64Size = 0;
        limits.field32 = 0;
        limits.entries16 = 0;
        auto writer = openWriter(0, limits);
        QVERIFY(writer);
        QVERIFY(addMixedContent(*writer));
        QString error;
        QVERIFY2(writer->finish(&error), qPrintable(error));
        checkWithEveryReader(archivePath(), true);

        const QByteArray end = tail(archivePath(), 22 + 20 + 56);
        QCOMPARE(end.left(4), QByteArray("PK\x06\x06", 4));
        QCOMPARE(end.mid(56, 4), QByteArray("PK\x06\x07", 4));
        QCOMPARE(qFromLittleEndian<quint64>(end.constData() + 32), quint64(m_expected.size()));
        QCOMPARE(qFromLittleEndian<quint16>(end.constData() + 76 + 10), quint16(0xFFFF));
        QCOMPARE(qFromLittleEndian<quint32>(end.constData() + 76 + 16), quint32(0xFFFFFFFF));
    }

    void moreThan65535Entries()
    {
        auto writer = openWriter();
        QVERIFY(writer);
        QString error;
        const int entries = 70000;
        for (int i = 0; i < entries; ++i) {
            const bool ok = i % 1000 == 0
                ? addFolder(*writer, QStringLiteral("pasta-%1").arg(i))
                : addData(*writer, QStringLiteral("nota-%1.xml").arg(i, 6, 10, QLatin1Char('0')),
                          i % 3 == 0 ? QByteArray() : QByteArray::number(i));
            QVERIFY(ok);
        }
        QVERIFY2(writer->finish(&error), qPrintable(error));
        const QByteArray end = tail(archivePath(), 22 + 20 + 56);
        QCOMPARE(end.left(4), QByteArray("PK\x06\x06", 4));
        QCOMPARE(qFromLittleEndian<quint64>(end.constData() + 32), quint64(entries));
        QCOMPARE(qFromLittleEndian<quint16>(end.constData() + 76 + 10), quint16(0xFFFF));
        checkWithEveryReader(archivePath());
    }

    void entriesKeepTheirOrderWithSeveralWorkers()
    {
        // Four workers and entries whose compression takes very different
        // times: later small ones finish before earlier large ones, and must
        // still be written after them.
        auto writer = openWriter(4);
        QVERIFY(writer);
        QRandomGenerator random(11);
        for (int i = 0; i < 300; ++i) {
            const qint64 size = i % 50 == 0 ? 3 * 1024 * 1024 : random.bounded(40000);
            const QByteArray data
                = i % 7 == 0 ? noise(size, quint32(i)) : recordText(size, quint32(i));
            QVERIFY(addSourceFile(*writer,
                                  QStringLiteral("f%1.dat").arg(i, 3, 10, QLatin1Char('0')), data));
            if (i % 40 == 0)
                QVERIFY(addFolder(*writer, QStringLiteral("pasta-%1").arg(i)));
        }
        QVERIFY(addSourceFile(*writer, QStringLiteral("grande.dat"),
                              recordText(EntryCompressor::wholeBufferLimit + 1, 12)));
        QVERIFY(addSourceFile(*writer, QStringLiteral("ultimo.dat"), "last"));
        QString error;
        QVERIFY2(writer->finish(&error), qPrintable(error));
        checkWithEveryReader(archivePath());
    }

    void streamedFilesOneAfterAnother()
    {
        // Chunks of one large file must never be primed with the data of
        // another: every stream starts with an empty window.
        auto writer = openWriter();
        QVERIFY(writer);
        for (int i = 0; i < 3; ++i) {
            QVERIFY(addSourceFile(
                *writer, QStringLiteral("tabela%1.dat").arg(i),
                recordText(EntryCompressor::wholeBufferLimit + 1024 * 1024 + i, quint32(20 + i))));
        }
        QString error;
        QVERIFY2(writer->finish(&error), qPrintable(error));
        checkWithEveryReader(archivePath());
    }

    void oneWorkerIsEnough()
    {
        auto writer = openWriter(1);
        QVERIFY(writer);
        QVERIFY(addMixedContent(*writer));
        QString error;
        QVERIFY2(writer->finish(&error), qPrintable(error));
        checkWithEveryReader(archivePath());
    }

    void theDirectorySpoolLeavesNoName()
    {
        auto writer = openWriter();
        QVERIFY(writer);
        for (int i = 0; i < 2000; ++i)
            QVERIFY(
                addSourceFile(*writer, QStringLiteral("n%1.xml").arg(i % 50), recordText(900, i)));
        // While writing, and after, the folder holds the copy's file alone.
        QCOMPARE(QDir(m_output).entryList(QDir::Files | QDir::Hidden | QDir::System),
                 QStringList {QStringLiteral(".copy.zip.resguarda-parcial")});
        QString error;
        QVERIFY2(writer->finish(&error), qPrintable(error));
        QCOMPARE(QDir(m_output).entryList(QDir::Files | QDir::Hidden | QDir::System),
                 QStringList {QStringLiteral(".copy.zip.resguarda-parcial")});
    }

    void aFullDiskIsReportedAsSuch()
    {
        const QString mountPoint = m_dir.filePath(QStringLiteral("tiny"));
        TmpfsMount disk(mountPoint, 1024 * 1024);
        if (!disk.isMounted())
            QSKIP(
                qPrintable(QStringLiteral("mounting a small tmpfs is not permitted here (%1); "
                                          "the full-disk behaviour is not checked on this machine")
                               .arg(disk.error())));
        auto writer = openWriter(0, {}, mountPoint);
        QVERIFY(writer);
        bool failed = false;
        // 3 MB that does not compress, on a 1 MB disk: a queued entry fails
        // to be written, and a later call says the disk is full.
        for (int i = 0; i < 60 && !failed; ++i) {
            const QString relative = QStringLiteral("ruido%1.bin").arg(i);
            writeFile(m_source + u'/' + relative, noise(50 * 1024, quint32(i)));
            CompressedEntry entry;
            CopyWriter::FileMetadata metadata;
            ManifestLeftOut::Reason reason {};
            QString error;
            const auto added = writer->addFile(*m_sourceDir, relative, relative, {}, &entry,
                                               &metadata, &reason, &error);
            if (added == CopyWriter::AddResult::Failed) {
                QCOMPARE(error, QStringLiteral("the disk is full"));
                failed = true;
            } else {
                QCOMPARE(added, CopyWriter::AddResult::Added);
            }
        }
        QString error;
        if (!failed) {
            QVERIFY(!writer->finish(&error));
            QCOMPARE(error, QStringLiteral("the disk is full"));
        }
        QVERIFY(writer->deviceFull());
        writer->abandon();
    }

    void theCliCopyIsReadByEveryTool()
    {
        // A real backup, with a file streamed in chunks, read by every
        // reader and by resguarda-cli verify.
        const QString root = m_dir.filePath(QStringLiteral("inst"));
        const auto demo
            = runCli({QStringLiteral("demo"), QStringLiteral("--root"), root,
                      QStringLiteral("--companies"), QStringLiteral("2"), QStringLiteral("--years"),
                      QStringLiteral("1"), QStringLiteral("--size-mb"), QStringLiteral("5"),
                      QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("--quiet")});
        QVERIFY2(demo.exitCode == 0, demo.standardError.constData());
        const QStringList companies = QDir(root + QStringLiteral("/AT/empresas"))
                                          .entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QVERIFY(!companies.isEmpty());
        writeFile(root + QStringLiteral("/AT/empresas/") + companies.first()
                      + QStringLiteral("/razao completo.dat"),
                  recordText(EntryCompressor::wholeBufferLimit + 2 * 1024 * 1024 + 5, 9));
        const QString out = m_dir.filePath(QStringLiteral("copies"));
        QVERIFY(QDir().mkpath(out));
        const auto backup = runCli({QStringLiteral("backup"), QStringLiteral("--root"), root,
                                    QStringLiteral("--system"), QStringLiteral("AT"),
                                    QStringLiteral("--output"), out, QStringLiteral("--quiet")});
        QVERIFY2(backup.exitCode == 0, backup.standardError.constData());
        const QString copy = out + QStringLiteral("/CopiaAT.zip");
        const auto verify = runCli({QStringLiteral("verify"), copy});
        QVERIFY2(verify.exitCode == 0,
                 QByteArray(verify.standardOutput + verify.standardError).constData());
        const auto unzip = runProcess(QStringLiteral("unzip"), {QStringLiteral("-tq"), copy});
        QVERIFY2(unzip.exitCode == 0,
                 QByteArray(unzip.standardOutput + unzip.standardError).constData());
        const auto sevenZip
            = runProcess(QStringLiteral("7z"), {QStringLiteral("t"), QStringLiteral("-bd"), copy});
        QVERIFY2(sevenZip.exitCode == 0,
                 QByteArray(sevenZip.standardOutput + sevenZip.standardError).constData());
        const auto python
            = runProcess(QStringLiteral("python3"),
                         {QStringLiteral("-c"),
                          QStringLiteral("import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); "
                                         "sys.exit(z.testzip() or 0)"),
                          copy});
        QVERIFY2(python.exitCode == 0,
                 QByteArray(python.standardOutput + python.standardError).constData());
        // The tree comes back equal, through unzip.
        const QString extracted = m_dir.filePath(QStringLiteral("extracted"));
        const auto extract = runProcess(
            QStringLiteral("unzip"), {QStringLiteral("-q"), copy, QStringLiteral("-d"), extracted});
        QVERIFY2(extract.exitCode == 0,
                 QByteArray(extract.standardOutput + extract.standardError).constData());
        auto original = treeHashes(root + QStringLiteral("/AT/empresas"));
        auto restored = treeHashes(extracted + QStringLiteral("/AT/empresas"));
        QCOMPARE(restored, original);
    }
};

QTEST_GUILESS_MAIN(TestZipWriter)
#include "tst_zipwriter.moc"
