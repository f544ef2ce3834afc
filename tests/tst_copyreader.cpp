// SPDX-License-Identifier: GPL-3.0-or-later
// CopyReader against every kind of invalid copy that restore must refuse
// (issue 3), on real ZIP files: a sound copy made by BackupJob from a demo
// installation, that copy truncated or with flipped bits, and copies crafted
// entry by entry with TestSupport::HostileCopy.

#include "backup/backupjob.h"
#include "copy/copyreader.h"
#include "copy/zipnames.h"
#include "core/displaytext.h"
#include "installation/codes.h"
#include "support/demofixture.h"
#include "support/hostilecopy.h"
#include "support/testinstallation.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace Resguarda;
using namespace TestSupport;

Q_DECLARE_METATYPE(Resguarda::CopyProblem::Kind)

namespace {

const QString manifestName = QString::fromUtf16(manifestEntryName);

QString kindName(CopyProblem::Kind kind)
{
    switch (kind) {
    case CopyProblem::Kind::NotZip:
        return QStringLiteral("NotZip");
    case CopyProblem::Kind::Truncated:
        return QStringLiteral("Truncated");
    case CopyProblem::Kind::NoManifest:
        return QStringLiteral("NoManifest");
    case CopyProblem::Kind::BadManifest:
        return QStringLiteral("BadManifest");
    case CopyProblem::Kind::NewerFormat:
        return QStringLiteral("NewerFormat");
    case CopyProblem::Kind::UnsafeName:
        return QStringLiteral("UnsafeName");
    case CopyProblem::Kind::NotRegularFile:
        return QStringLiteral("NotRegularFile");
    case CopyProblem::Kind::Encrypted:
        return QStringLiteral("Encrypted");
    case CopyProblem::Kind::DuplicateName:
        return QStringLiteral("DuplicateName");
    case CopyProblem::Kind::InvalidNameEncoding:
        return QStringLiteral("InvalidNameEncoding");
    case CopyProblem::Kind::MissingEntry:
        return QStringLiteral("MissingEntry");
    case CopyProblem::Kind::ExtraEntry:
        return QStringLiteral("ExtraEntry");
    case CopyProblem::Kind::SizeMismatch:
        return QStringLiteral("SizeMismatch");
    case CopyProblem::Kind::CrcMismatch:
        return QStringLiteral("CrcMismatch");
    case CopyProblem::Kind::ReadError:
        return QStringLiteral("ReadError");
    case CopyProblem::Kind::OutOfOrder:
        return QStringLiteral("OutOfOrder");
    }
    return QStringLiteral("?");
}

// Every problem on one line each, for failure messages.
QString describe(const QList<CopyProblem> &problems)
{
    QStringList lines;
    for (const auto &problem : problems)
        lines.append(kindName(problem.kind) + u" [" + problem.entry + u"] " + problem.message);
    return QStringLiteral("%1 problem(s): %2").arg(problems.size()).arg(lines.join(u" | "));
}

// Requires exactly count problems, all of kind, all about the same entry
// (entry itself unless it is null), each naming that entry in its message.
void requireOnly(const QList<CopyProblem> &problems, CopyProblem::Kind kind, const QString &entry,
                 int count = 1)
{
    QVERIFY2(problems.size() == count, qPrintable(describe(problems)));
    for (const auto &problem : problems) {
        QVERIFY2(problem.kind == kind, qPrintable(describe(problems)));
        QVERIFY2(problem.entry == (entry.isNull() ? problems.first().entry : entry),
                 qPrintable(describe(problems)));
        // The message names the entry as it can be shown (controls made visible).
        QVERIFY2(!problem.entry.isEmpty()
                     && problem.message.contains(DisplayText::displaySafe(problem.entry)),
                 qPrintable(problem.message));
    }
}

// Record-like, compressible content, different for each seed.
QByteArray records(int count, int seed)
{
    QByteArray data;
    for (int i = 0; i < count; ++i)
        data += QStringLiteral("%1;%2;BEM PATRIMONIAL %3;%4\n")
                    .arg(seed, 4, 10, QLatin1Char('0'))
                    .arg(i, 6, 10, QLatin1Char('0'))
                    .arg(i * 7 + seed)
                    .arg((i * 131 + seed) % 100000)
                    .toUtf8();
    return data;
}

// A small sound copy of system AT: two companies, templates, a stored entry,
// an empty file and a name with accents and spaces. Each hostile case below
// adds one defect to it, so that the defect alone explains the refusal.
HostileCopy soundCraftedCopy()
{
    HostileCopy copy;
    copy.addFile(QStringLiteral("AT/empresas/0001/empresa.json"),
                 QByteArray(R"({"codigo": "0001", "razaoSocial": "Ótica Ação Ltda"})"));
    copy.addFile(QStringLiteral("AT/empresas/0001/anual/2025/saldos.dat"), records(400, 1));
    copy.addFile(QStringLiteral("AT/empresas/0001/relatório de ação.dat"), records(20, 2));
    copy.addFile(QStringLiteral("AT/empresas/0001/vazio.dat"), QByteArray());
    copy.addFile(QStringLiteral("AT/empresas/0002/mensal/2025-03/lancamentos.dat"), records(50, 3),
                 false);
    copy.addFile(QStringLiteral("AT/modelos/consultas/bens.txt"),
                 QByteArray("CAMPOS codigo;descricao\nORDEM codigo\n"));
    return copy;
}

// The same files as a current copy holds them: in the order of their paths,
// with a manifest that only sums them up.
HostileCopy summaryCraftedCopy()
{
    HostileCopy copy;
    copy.setListsEntries(false);
    copy.addFile(QStringLiteral("AT/empresas/0001/anual/2025/saldos.dat"), records(400, 1));
    copy.addFile(QStringLiteral("AT/empresas/0001/empresa.json"),
                 QByteArray(R"({"codigo": "0001", "razaoSocial": "Ótica Ação Ltda"})"));
    copy.addFile(QStringLiteral("AT/empresas/0001/relatório de ação.dat"), records(20, 2));
    copy.addFile(QStringLiteral("AT/empresas/0002/mensal/2025-03/lancamentos.dat"), records(50, 3),
                 false);
    copy.addFile(QStringLiteral("AT/modelos/consultas/bens.txt"),
                 QByteArray("CAMPOS codigo;descricao\nORDEM codigo\n"));
    return copy;
}

// 16 MiB of zeros: a few KB once deflated.
QByteArray bombData()
{
    return QByteArray(16 * 1024 * 1024, '\0');
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QByteArray flipped(QByteArray bytes, qint64 offset, quint8 mask)
{
    bytes[offset] = char(quint8(bytes[offset]) ^ mask);
    return bytes;
}

} // namespace

class TestCopyReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void goodCopyIsSound();
    void verifyCanBeCancelled();
    void craftedSoundCopyIsSound();

    void missingFileIsAFailure();
    void notAZip_data();
    void notAZip();
    void plainZipWithoutManifest();
    void badManifest_data();
    void badManifest();
    void newerFormat_data();
    void newerFormat();

    void truncated_data();
    void truncated();
    void truncatedAnywhere();

    void flippedBitInEveryEntry();
    void flippedBitElsewhere_data();
    void flippedBitElsewhere();
    void flippedBitInStoredEntry();

    void unsafeName_data();
    void unsafeName();
    void notRegularFile_data();
    void notRegularFile();
    void encryptedEntry_data();
    void encryptedEntry();
    void duplicateName_data();
    void duplicateName();
    void duplicateManifest();
    void summaryCopyIsSound();
    void summaryEntryOutOfOrder();
    void summaryEntryTwice();
    void summaryFileNotCounted();
    void summaryCompanyNotDescribed();
    void summaryYearTotalsLie();
    void invalidNameEncoding_data();
    void invalidNameEncoding();
    void extraEntry();
    void entryOmittedFromManifest();
    void missingEntry();
    void manifestLies_data();
    void manifestLies();
    void crcLieInHeadersAndManifest_data();
    void crcLieInHeadersAndManifest();
    void dataShorterThanDeclared_data();
    void dataShorterThanDeclared();
    void zipBomb_data();
    void zipBomb();

    void isSafeEntryName_data();
    void isSafeEntryName();

    void cliVerify_data();
    void cliVerify();

private:
    QString scratchPath(const QString &suffix = QStringLiteral(".zip"));
    QString writeScratch(const QByteArray &bytes);
    std::unique_ptr<CopyReader> openCrafted(const HostileCopy &copy);
    EntryLocation goodLocation(const QString &name) const;

    QTemporaryDir m_dir;
    QString m_root;
    QString m_goodCopy;
    QByteArray m_goodBytes;
    QList<EntryLocation> m_goodLocations;
    int m_scratchCount = 0;
};

QString TestCopyReader::scratchPath(const QString &suffix)
{
    return m_dir.filePath(QStringLiteral("scratch/%1%2").arg(++m_scratchCount).arg(suffix));
}

QString TestCopyReader::writeScratch(const QByteArray &bytes)
{
    const QString path = scratchPath();
    writeFile(path, bytes);
    return path;
}

std::unique_ptr<CopyReader> TestCopyReader::openCrafted(const HostileCopy &copy)
{
    const QString path = scratchPath();
    QDir().mkpath(QFileInfo(path).absolutePath());
    QString writeError;
    if (!copy.write(path, &writeError)) {
        qWarning() << "cannot write the crafted copy:" << writeError;
        return nullptr;
    }
    OperationError error;
    auto reader = CopyReader::open(path, &error);
    if (!reader)
        qWarning() << "the crafted copy does not open:" << error.message;
    return reader;
}

EntryLocation TestCopyReader::goodLocation(const QString &name) const
{
    for (const auto &location : m_goodLocations) {
        if (location.rawName == name.toUtf8())
            return location;
    }
    return {};
}

void TestCopyReader::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_root = m_dir.filePath(QStringLiteral("instalacao"));
    const OperationError demoError = TestSupport::DemoFixture(2, 2, 2, 7, 2025).create(m_root);
    QVERIFY2(!demoError, qPrintable(demoError.message));

    BackupOptions options;
    options.root = m_root;
    options.systemCode = QStringLiteral("AT");
    options.templates = true;
    options.output = m_dir.filePath(QStringLiteral("copias"));
    QVERIFY(QDir().mkpath(options.output));
    BackupJob job(options);
    const OperationError error = job.run();
    QVERIFY2(!error, qPrintable(error.message));
    QCOMPARE(job.writtenCopies().size(), 1);
    m_goodCopy = job.writtenCopies().first().path;
    m_goodBytes = readFile(m_goodCopy);
    QVERIFY(m_goodBytes.size() > 1000);

    QString parseError;
    m_goodLocations = HostileCopy::locateEntries(m_goodCopy, &parseError);
    QVERIFY2(!m_goodLocations.isEmpty(), qPrintable(parseError));
    QVERIFY(!goodLocation(manifestName).rawName.isEmpty());
}

void TestCopyReader::goodCopyIsSound()
{
    OperationError error;
    const auto reader = CopyReader::open(m_goodCopy, &error);
    QVERIFY2(reader, qPrintable(error.message));
    QVERIFY(!error);
    QCOMPARE(reader->manifest().system.code, QStringLiteral("AT"));
    QVERIFY(!reader->manifest().companies.isEmpty());
    // Files, folders (so that unzip makes empty ones) and the manifest.
    QCOMPARE(copyEntries(*reader).size() + copyFolders(*reader).size() + 1, m_goodLocations.size());
    QVERIFY2(reader->structuralProblems().isEmpty(),
             qPrintable(describe(reader->structuralProblems())));

    bool templates = false;
    for (const auto &entry : copyEntries(*reader)) {
        QVERIFY2(CopyReader::isSafeEntryName(entry.path, QStringLiteral("AT")),
                 qPrintable(entry.path));
        templates = templates || entry.path.startsWith(u"AT/modelos/");
    }
    QVERIFY(templates);

    qint64 reported = 0;
    bool cancelled = true;
    const auto problems = reader->verify(
        [&](qint64 bytes) {
            reported += bytes;
            return true;
        },
        &cancelled);
    QVERIFY2(problems.isEmpty(), qPrintable(describe(problems)));
    QVERIFY(!cancelled);
    QCOMPARE(reported, reader->manifest().totalBytes());

    // Every entry comes out byte-identical to the installation's file.
    for (const auto &entry : copyEntries(*reader)) {
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        QString problem;
        CopyProblem::Kind failure = CopyProblem::Kind::NotZip;
        QVERIFY2(reader->extractEntry(entry, out, {}, &problem, &failure), qPrintable(problem));
        QCOMPARE(out.data(), readFile(m_root + u'/' + entry.path));
    }
}

void TestCopyReader::verifyCanBeCancelled()
{
    OperationError error;
    const auto reader = CopyReader::open(m_goodCopy, &error);
    QVERIFY2(reader, qPrintable(error.message));
    int calls = 0;
    bool cancelled = false;
    const auto problems = reader->verify(
        [&](qint64) {
            ++calls;
            return false;
        },
        &cancelled);
    QVERIFY(cancelled);
    QCOMPARE(calls, 1);
    QVERIFY2(problems.isEmpty(), qPrintable(describe(problems)));
}

void TestCopyReader::craftedSoundCopyIsSound()
{
    // The baseline every hostile case starts from must itself be accepted,
    // or the cases below would prove nothing.
    const HostileCopy copy = soundCraftedCopy();
    const auto reader = openCrafted(copy);
    QVERIFY(reader);
    QVERIFY2(reader->structuralProblems().isEmpty(),
             qPrintable(describe(reader->structuralProblems())));
    const auto problems = reader->verify();
    QVERIFY2(problems.isEmpty(), qPrintable(describe(problems)));
    const auto entries = copyEntries(*reader);
    QCOMPARE(entries.size(), 6);
    const auto &accented = entries.at(2);
    QCOMPARE(accented.path, QStringLiteral("AT/empresas/0001/relatório de ação.dat"));
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    QString problem;
    QVERIFY2(reader->extractEntry(accented, out, {}, &problem), qPrintable(problem));
    QCOMPARE(out.data(), records(20, 2));
}

void TestCopyReader::missingFileIsAFailure()
{
    OperationError error;
    const auto reader = CopyReader::open(m_dir.filePath(QStringLiteral("nao-existe.zip")), &error);
    QVERIFY(!reader);
    QCOMPARE(error.code, ExitCode::Failed);
    QVERIFY2(error.message.contains(u"does not exist"), qPrintable(error.message));
}

void TestCopyReader::notAZip_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QByteArray random(64 * 1024, Qt::Uninitialized);
    QRandomGenerator generator(7);
    for (auto &byte : random)
        byte = char(generator.bounded(256));
    random[0] = 'X'; // certainly not "PK"
    QTest::newRow("random bytes") << random;
    QTest::newRow("empty file") << QByteArray();
    QTest::newRow("text file")
        << QByteArray("Cópia de segurança do Ativo Imobilizado\n").repeated(100);
    QTest::newRow("pdf") << QByteArray("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n");
    QTest::newRow("gzip header") << QByteArray("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10);
}

void TestCopyReader::notAZip()
{
    QFETCH(QByteArray, bytes);
    const QString path = writeScratch(bytes);
    OperationError error;
    const auto reader = CopyReader::open(path, &error);
    QVERIFY(!reader);
    QCOMPARE(error.code, ExitCode::InvalidCopy);
    QVERIFY2(error.message.contains(u"not a ZIP"), qPrintable(error.message));
    QVERIFY2(error.message.contains(QDir::toNativeSeparators(path)), qPrintable(error.message));
}

void TestCopyReader::plainZipWithoutManifest()
{
    HostileCopy copy = soundCraftedCopy();
    copy.setWritesManifest(false);
    const QString path = scratchPath();
    QString writeError;
    QVERIFY2(copy.write(path, &writeError), qPrintable(writeError));
    OperationError error;
    const auto reader = CopyReader::open(path, &error);
    QVERIFY(!reader);
    QCOMPARE(error.code, ExitCode::InvalidCopy);
    QVERIFY2(error.message.contains(u"no manifest"), qPrintable(error.message));
}

void TestCopyReader::badManifest_data()
{
    QTest::addColumn<QByteArray>("json");
    const QJsonObject base = QJsonDocument::fromJson(soundCraftedCopy().manifestJson()).object();
    QVERIFY(!base.isEmpty());
    auto edited = [&](const std::function<void(QJsonObject &)> &edit) {
        QJsonObject root = base;
        edit(root);
        return QJsonDocument(root).toJson();
    };
    auto editFirstEntry = [&](const QString &key, const QJsonValue &value) {
        return edited([&](QJsonObject &root) {
            QJsonArray entries = root.value(u"entries").toArray();
            QJsonObject first = entries.first().toObject();
            first.insert(key, value);
            entries.replace(0, first);
            root.insert(u"entries", entries);
        });
    };

    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not JSON") << QByteArray("{ \"format\": \"resguarda.copy\", ");
    QTest::newRow("JSON array") << QByteArray("[1, 2, 3]");
    QTest::newRow("other format id")
        << edited([](QJsonObject &root) { root.insert(u"format", QStringLiteral("zip")); });
    QTest::newRow("format version 0")
        << edited([](QJsonObject &root) { root.insert(u"formatVersion", 0); });
    QTest::newRow("no format version")
        << edited([](QJsonObject &root) { root.remove(u"formatVersion"); });
    QTest::newRow("no system") << edited([](QJsonObject &root) { root.remove(u"system"); });
    QTest::newRow("negative size") << editFirstEntry(QStringLiteral("size"), -1);
    QTest::newRow("CRC not hexadecimal")
        << editFirstEntry(QStringLiteral("crc32"), QStringLiteral("xyz"));
    QTest::newRow("empty path") << editFirstEntry(QStringLiteral("path"), QString());
    auto editFirstCompany = [&](const QString &key, const QJsonValue &value) {
        return edited([&](QJsonObject &root) {
            QJsonArray companies = root.value(u"companies").toArray();
            QJsonObject first = companies.first().toObject();
            first.insert(key, value);
            companies.replace(0, first);
            root.insert(u"companies", companies);
        });
    };
    // The company summaries a restore preview shows must match the entries.
    QTest::newRow("company file count lies") << editFirstCompany(QStringLiteral("files"), 999);
    QTest::newRow("company bytes lie") << editFirstCompany(QStringLiteral("bytes"), 1);
    QTest::newRow("company not described") << edited([](QJsonObject &root) {
        QJsonArray companies = root.value(u"companies").toArray();
        companies.removeFirst();
        root.insert(u"companies", companies);
    });
    QTest::newRow("company described twice") << edited([](QJsonObject &root) {
        QJsonArray companies = root.value(u"companies").toArray();
        companies.append(companies.first());
        root.insert(u"companies", companies);
    });
    QTest::newRow("line listed twice") << edited([](QJsonObject &root) {
        QJsonArray entries = root.value(u"entries").toArray();
        entries.append(entries.first());
        root.insert(u"entries", entries);
    });
    // Two lines near 2^63 bytes: their sum wraps round, so a company total
    // that wrapped the same way would "agree", and the copy's total size
    // (free-space checks, progress) would come out negative.
    QTest::newRow("sizes overflow when added") << edited([](QJsonObject &root) {
        constexpr qint64 huge = 9'000'000'000'000'000'000;
        const QString company = QStringLiteral("0002");
        QJsonArray entries = root.value(u"entries").toArray();
        quint64 wrapped = 2 * quint64(huge);
        for (const auto &entry : std::as_const(entries)) {
            if (entry.toObject().value(u"path").toString().startsWith(u"AT/empresas/" + company
                                                                      + u'/'))
                wrapped += quint64(entry.toObject().value(u"size").toInteger());
        }
        for (const auto name : {u"a.dat", u"b.dat"})
            entries.append(QJsonObject {
                {QStringLiteral("path"), QString(u"AT/empresas/" + company + u'/' + name)},
                {QStringLiteral("size"), huge},
                {QStringLiteral("crc32"), QStringLiteral("00000000")}});
        root.insert(u"entries", entries);
        QJsonArray companies = root.value(u"companies").toArray();
        for (qsizetype i = 0; i < companies.size(); ++i) {
            QJsonObject object = companies.at(i).toObject();
            if (object.value(u"code").toString() != company)
                continue;
            object.insert(u"files", object.value(u"files").toInteger() + 2);
            object.insert(u"bytes", qint64(wrapped));
            companies.replace(i, object);
        }
        root.insert(u"companies", companies);
    });
}

void TestCopyReader::badManifest()
{
    QFETCH(QByteArray, json);
    HostileCopy copy = soundCraftedCopy();
    copy.setManifestJson(json);
    const QString path = scratchPath();
    QString writeError;
    QVERIFY2(copy.write(path, &writeError), qPrintable(writeError));
    OperationError error;
    const auto reader = CopyReader::open(path, &error);
    QVERIFY(!reader);
    QCOMPARE(error.code, ExitCode::InvalidCopy);
    QVERIFY2(error.message.contains(u"manifest"), qPrintable(error.message));
}

void TestCopyReader::newerFormat_data()
{
    QTest::addColumn<int>("version");
    QTest::newRow("next version") << Manifest::currentFormatVersion + 1;
    QTest::newRow("far future") << 99;
}

void TestCopyReader::newerFormat()
{
    QFETCH(int, version);
    HostileCopy copy = soundCraftedCopy();
    copy.setManifestFormatVersion(version);
    QVERIFY(copy.manifestJson().contains(
        QStringLiteral("\"formatVersion\": %1").arg(version).toUtf8()));
    const QString path = scratchPath();
    QString writeError;
    QVERIFY2(copy.write(path, &writeError), qPrintable(writeError));
    OperationError error;
    const auto reader = CopyReader::open(path, &error);
    QVERIFY(!reader);
    QCOMPARE(error.code, ExitCode::InvalidCopy);
    QVERIFY2(error.message.contains(u"newer version"), qPrintable(error.message));
    QVERIFY2(error.message.contains(QString::number(version)), qPrintable(error.message));
}

void TestCopyReader::truncated_data()
{
    QTest::addColumn<qint64>("length");
    QTest::addColumn<bool>("startsLikeZip");
    const qint64 size = m_goodBytes.size();
    qint64 centralDirectory = size;
    for (const auto &location : m_goodLocations)
        centralDirectory = std::min(centralDirectory, location.centralHeaderOffset);
    QTest::newRow("half") << size / 2 << true;
    QTest::newRow("minus 1 byte") << size - 1 << true;
    QTest::newRow("minus 100 bytes") << size - 100 << true;
    QTest::newRow("minus the end record") << size - 22 << true;
    QTest::newRow("before the central directory") << centralDirectory << true;
    QTest::newRow("first local header only") << qint64(40) << true;
    QTest::newRow("4 bytes") << qint64(4) << true;
    QTest::newRow("3 bytes") << qint64(3) << false;
}

void TestCopyReader::truncated()
{
    QFETCH(qint64, length);
    QFETCH(bool, startsLikeZip);
    const QString path = writeScratch(m_goodBytes.left(length));
    OperationError error;
    const auto reader = CopyReader::open(path, &error);
    QVERIFY2(!reader, "a truncated copy opened");
    QCOMPARE(error.code, ExitCode::InvalidCopy);
    if (startsLikeZip)
        QVERIFY2(error.message.contains(u"truncated"), qPrintable(error.message));
    else
        QVERIFY2(error.message.contains(u"not a ZIP"), qPrintable(error.message));
}

void TestCopyReader::truncatedAnywhere()
{
    // Cut at 97 lengths spread over the whole file: never a crash, never a
    // copy that passes as valid.
    const qint64 size = m_goodBytes.size();
    for (int i = 1; i < 98; ++i) {
        const qint64 length = size * i / 98;
        const QString path = writeScratch(m_goodBytes.left(length));
        OperationError error;
        const auto reader = CopyReader::open(path, &error);
        QFile::remove(path);
        if (!reader) {
            QCOMPARE(error.code, ExitCode::InvalidCopy);
            QVERIFY(!error.message.isEmpty());
            continue;
        }
        const auto problems = reader->verify();
        QVERIFY2(
            !problems.isEmpty(),
            qPrintable(QStringLiteral("cut at %1 of %2 passed as valid").arg(length).arg(size)));
    }
}

void TestCopyReader::flippedBitInEveryEntry()
{
    // One bit flipped in the first byte (the first deflate block header), in
    // the middle and in the last byte of every entry's data. A flip that
    // changes what the entry holds must be noticed on that entry, as a CRC
    // mismatch, undecodable data or data of the wrong length. Deflate has a
    // few bits that change nothing (padding after the last block, some
    // header bits); zlib, independently of the reader, tells which flips are
    // such, and those must leave the copy valid: its data is intact.
    int entries = 0;
    int noticed[3] = {0, 0, 0}; // by spot: first, middle, last byte
    int harmless = 0;
    for (const auto &location : m_goodLocations) {
        const QString name = QString::fromUtf8(location.rawName);
        if (name == manifestName || location.compressedSize == 0)
            continue;
        const QByteArray original = m_goodBytes.mid(location.dataOffset, location.compressedSize);
        bool originalComplete = location.method == 0;
        const QByteArray decoded = location.method == 8
            ? HostileCopy::inflateRaw(original, &originalComplete)
            : original;
        QVERIFY2(originalComplete, qPrintable(name));
        ++entries;
        const std::pair<qint64, quint8> spots[] = {
            {0, 0x01},
            {location.compressedSize / 2, 0x10},
            {location.compressedSize - 1, 0x80},
        };
        for (int spot = 0; spot < 3; ++spot) {
            const auto [offset, mask] = spots[spot];
            const QString where = QStringLiteral("%1, byte %2 of its data (method %3)")
                                      .arg(name)
                                      .arg(offset)
                                      .arg(location.method);
            bool changesData = true;
            if (location.method == 8) {
                bool damagedComplete = false;
                const QByteArray damagedDecoded
                    = HostileCopy::inflateRaw(flipped(original, offset, mask), &damagedComplete);
                changesData = !damagedComplete || damagedDecoded != decoded;
            }
            const QString path
                = writeScratch(flipped(m_goodBytes, location.dataOffset + offset, mask));
            OperationError error;
            const auto reader = CopyReader::open(path, &error);
            QFile::remove(path);
            QVERIFY2(reader, qPrintable(where + u": " + error.message));
            QVERIFY2(reader->structuralProblems().isEmpty(),
                     qPrintable(where + u": " + describe(reader->structuralProblems())));
            const auto problems = reader->verify();
            if (!changesData) {
                QVERIFY2(problems.isEmpty(), qPrintable(where + u": " + describe(problems)));
                ++harmless;
                continue;
            }
            QVERIFY2(problems.size() == 1 && problems.first().entry == name,
                     qPrintable(where + u": " + describe(problems)));
            const auto kind = problems.first().kind;
            if (location.method == 0)
                QVERIFY2(kind == CopyProblem::Kind::CrcMismatch,
                         qPrintable(where + u": " + describe(problems)));
            else
                QVERIFY2(kind == CopyProblem::Kind::CrcMismatch
                             || kind == CopyProblem::Kind::ReadError
                             || kind == CopyProblem::Kind::SizeMismatch,
                         qPrintable(where + u": " + describe(problems)));
            ++noticed[spot];
        }
    }
    qInfo("%d entries; flips noticed: %d in the first byte, %d in the middle, %d in the last; "
          "%d flips changed no data",
          entries, noticed[0], noticed[1], noticed[2], harmless);
    QVERIFY(entries >= 20);
    // The first bit is the final-block flag: flipping it always shows.
    QCOMPARE(noticed[0], entries);
    QVERIFY(noticed[1] >= entries * 9 / 10);
}

void TestCopyReader::flippedBitElsewhere_data()
{
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<QString>("expectedEntry"); // null: open must fail
    QTest::addColumn<CopyProblem::Kind>("kind"); // of the problem verify() finds
    // Where scan() finds it without reading data: the entry itself (a copy
    // of format 1, whose manifest repeats every size and CRC), the totals of
    // its company (the manifest's summary), or nowhere (null).
    QTest::addColumn<QString>("structuralEntry");

    // A byte of the manifest's data whose flip changes what it decodes to.
    const EntryLocation manifest = goodLocation(manifestName);
    const QByteArray manifestData = m_goodBytes.mid(manifest.dataOffset, manifest.compressedSize);
    qint64 manifestSpot = manifest.compressedSize / 2;
    if (manifest.method == 8) {
        bool complete = false;
        const QByteArray decoded = HostileCopy::inflateRaw(manifestData, &complete);
        QVERIFY(complete);
        for (;; ++manifestSpot) {
            QVERIFY(manifestSpot < manifest.compressedSize);
            const QByteArray damaged
                = HostileCopy::inflateRaw(flipped(manifestData, manifestSpot, 0x04), &complete);
            if (!complete || damaged != decoded)
                break;
        }
    }
    QTest::newRow("manifest data") << manifest.dataOffset + manifestSpot << QString()
                                   << CopyProblem::Kind::ReadError << QString();
    QTest::newRow("manifest name in the central directory") << manifest.centralHeaderOffset + 46
            + 3 << QString() << CopyProblem::Kind::ReadError << QString();
    // The CRC the central directory records no longer matches the manifest.
    EntryLocation entry;
    for (const auto &location : m_goodLocations) {
        if (location.rawName != manifestName.toUtf8() && location.compressedSize > 0) {
            entry = location;
            break;
        }
    }
    const QString entryName = QString::fromUtf8(entry.rawName);
    QVERIFY(!entryName.isEmpty());
    // The central directory is the copy's file list: a CRC that no longer
    // matches the local header is found when the entry is read; a size adds
    // up to other totals than the manifest's at once.
    QTest::newRow("CRC in the central directory") << entry.centralHeaderOffset + 16 << entryName
                                                  << CopyProblem::Kind::SizeMismatch << QString();
    QTest::newRow("size in the central directory")
        << entry.centralHeaderOffset + 24 << entryName << CopyProblem::Kind::SizeMismatch
        << entryName.section(u'/', 0, 2);
}

void TestCopyReader::flippedBitElsewhere()
{
    QFETCH(qint64, offset);
    QFETCH(QString, expectedEntry);
    QFETCH(CopyProblem::Kind, kind);
    const QString path = writeScratch(flipped(m_goodBytes, offset, 0x04));
    OperationError error;
    const auto reader = CopyReader::open(path, &error);
    if (expectedEntry.isNull()) {
        QVERIFY2(!reader, "a copy with a damaged manifest opened");
        QCOMPARE(error.code, ExitCode::InvalidCopy);
        QVERIFY2(error.message.contains(u"manifest"), qPrintable(error.message));
        return;
    }
    QFETCH(QString, structuralEntry);
    QVERIFY2(reader, qPrintable(error.message));
    const auto structural = reader->structuralProblems();
    if (structuralEntry.isNull()) {
        QVERIFY2(structural.isEmpty(), qPrintable(describe(structural)));
        requireOnly(reader->verify(), kind, expectedEntry);
        return;
    }
    requireOnly(structural, CopyProblem::Kind::SizeMismatch, structuralEntry);
    const auto problems = reader->verify();
    QVERIFY2(std::any_of(problems.cbegin(), problems.cend(),
                         [&](const CopyProblem &problem) {
                             return problem.kind == kind && problem.entry == expectedEntry;
                         }),
             qPrintable(describe(problems)));
}

void TestCopyReader::flippedBitInStoredEntry()
{
    HostileCopy copy = soundCraftedCopy();
    const QString path = scratchPath();
    QString writeError;
    QVERIFY2(copy.write(path, &writeError), qPrintable(writeError));
    const QString name = QStringLiteral("AT/empresas/0002/mensal/2025-03/lancamentos.dat");
    const auto locations = HostileCopy::locateEntries(path, &writeError);
    QVERIFY2(!locations.isEmpty(), qPrintable(writeError));
    const auto stored
        = std::find_if(locations.begin(), locations.end(), [&](const EntryLocation &location) {
              return location.rawName == name.toUtf8();
          });
    QVERIFY(stored != locations.end());
    QCOMPARE(stored->method, 0);
    const QString damaged = writeScratch(
        flipped(readFile(path), stored->dataOffset + stored->compressedSize / 3, 0x80));
    OperationError error;
    const auto reader = CopyReader::open(damaged, &error);
    QVERIFY2(reader, qPrintable(error.message));
    QVERIFY(reader->structuralProblems().isEmpty());
    requireOnly(reader->verify(), CopyProblem::Kind::CrcMismatch, name);

    // extractEntry says the same, and the caller learns the kind.
    for (const auto &entry : copyEntries(*reader)) {
        if (entry.path != name)
            continue;
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        QString problem;
        CopyProblem::Kind failure = CopyProblem::Kind::NotZip;
        QVERIFY(!reader->extractEntry(entry, out, {}, &problem, &failure));
        QCOMPARE(failure, CopyProblem::Kind::CrcMismatch);
        QVERIFY2(problem.contains(name), qPrintable(problem));
        QVERIFY(out.size() <= entry.size);
    }
}

void TestCopyReader::unsafeName_data()
{
    QTest::addColumn<QByteArray>("rawName");
    QTest::addColumn<bool>("listed");
    const QByteArray names[] = {
        "../evil",
        "/etc/passwd",
        "AT/empresas/../../x",
        "AT/empresas/0001/../../../../etc/cron.d/x",
        "AT/programa/x.bin",
        "AT/sistemas.json",
        "sistemas.json",
        "sessoes/x.lock",
        "CP/empresas/0001/a",
        "C:\\x",
        "C:/x",
        "AT\\empresas\\0001\\a",
        "AT/empresas/0001\\..\\..\\x",
        "AT/empresas/0001/./a",
        "AT//empresas/0001/a",
        "AT/empresas/0001/a\tb",
    };
    for (const auto &name : names) {
        QTest::addRow("%s, listed", name.constData()) << name << true;
        QTest::addRow("%s, not listed", name.constData()) << name << false;
    }
}

void TestCopyReader::unsafeName()
{
    QFETCH(QByteArray, rawName);
    QFETCH(bool, listed);
    HostileCopy copy = soundCraftedCopy();
    const HostileEntry entry
        = HostileEntry::file(QString::fromUtf8(rawName), QByteArray("root:x:0:0\n"));
    copy.addEntry(entry);
    if (listed)
        copy.declare(entry);
    const QString name = QString::fromUtf8(rawName);
    // A manifest line below <SIS>/empresas/ names a company; when that code
    // breaks the code rule, the manifest itself is invalid and the copy does
    // not even open (installation/codes.h).
    const QString company = name.section(u'/', 2, 2);
    // Names in a manifest are in the canonical form of format 2
    // (copy/zipnames.h): one that is not ('\\', a control character)
    // makes the manifest invalid, and the copy does not open either.
    if (listed
        && ((name.startsWith(u"AT/empresas/") && !Codes::isValidCompanyCode(company))
            || !ZipNames::toPath(name))) {
        const QString path = scratchPath();
        QString writeError;
        QVERIFY2(copy.write(path, &writeError), qPrintable(writeError));
        OperationError error;
        QVERIFY(!CopyReader::open(path, &error));
        QCOMPARE(error.code, ExitCode::InvalidCopy);
        return;
    }
    const auto reader = openCrafted(copy);
    QVERIFY(reader);
    // Named once by the manifest line and once by the ZIP entry.
    requireOnly(reader->structuralProblems(), CopyProblem::Kind::UnsafeName, name, listed ? 2 : 1);
    requireOnly(reader->verify(), CopyProblem::Kind::UnsafeName, name, listed ? 2 : 1);
}

void TestCopyReader::notRegularFile_data()
{
    QTest::addColumn<QByteArray>("rawName");
    QTest::addColumn<int>("versionMadeBy");
    QTest::addColumn<quint32>("attributes");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<bool>("listed");
    const int madeByUnix = HostileEntry::madeByUnix;
    QTest::newRow("symlink to /etc/passwd")
        << QByteArray("AT/empresas/0001/senhas") << madeByUnix << HostileEntry::symlinkAttributes
        << QByteArray("/etc/passwd") << true;
    QTest::newRow("symlink to a parent")
        << QByteArray("AT/empresas/0001/acima") << madeByUnix << HostileEntry::symlinkAttributes
        << QByteArray("../../../..") << false;
    QTest::newRow("directory with a slash")
        << QByteArray("AT/empresas/0001/pasta/") << madeByUnix << HostileEntry::directoryAttributes
        << QByteArray() << false;
    QTest::newRow("slash with file attributes")
        << QByteArray("AT/empresas/0001/pasta/") << madeByUnix
        << HostileEntry::regularFileAttributes << QByteArray() << false;
    QTest::newRow("Unix directory without a slash")
        << QByteArray("AT/empresas/0001/pasta") << madeByUnix << (040755u << 16) << QByteArray()
        << true;
    QTest::newRow("MS-DOS directory without a slash")
        << QByteArray("AT/empresas/0001/pasta") << int(HostileEntry::madeByMsDos)
        << HostileEntry::msDosDirectoryAttribute << QByteArray() << true;
    QTest::newRow("fifo") << QByteArray("AT/empresas/0001/fila") << madeByUnix
                          << HostileEntry::fifoAttributes << QByteArray() << true;
    QTest::newRow("character device") << QByteArray("AT/modelos/disp") << madeByUnix
                                      << HostileEntry::deviceAttributes << QByteArray() << true;
}

void TestCopyReader::notRegularFile()
{
    QFETCH(QByteArray, rawName);
    QFETCH(int, versionMadeBy);
    QFETCH(quint32, attributes);
    QFETCH(QByteArray, data);
    QFETCH(bool, listed);
    HostileCopy copy = soundCraftedCopy();
    HostileEntry entry = HostileEntry::file(QString::fromUtf8(rawName), data, false);
    entry.versionMadeBy = quint16(versionMadeBy);
    entry.externalAttributes = attributes;
    copy.addEntry(entry);
    if (listed)
        copy.declare(entry);
    const QString name = QString::fromUtf8(rawName);
    // A manifest line below <SIS>/empresas/ names a company; when that code
    // breaks the code rule, the manifest itself is invalid and the copy does
    // not even open (installation/codes.h).
    const QString company = name.section(u'/', 2, 2);
    if (listed && name.startsWith(u"AT/empresas/") && !Codes::isValidCompanyCode(company)) {
        const QString path = scratchPath();
        QString writeError;
        QVERIFY2(copy.write(path, &writeError), qPrintable(writeError));
        OperationError error;
        QVERIFY(!CopyReader::open(path, &error));
        QCOMPARE(error.code, ExitCode::InvalidCopy);
        return;
    }
    const auto reader = openCrafted(copy);
    QVERIFY(reader);
    requireOnly(reader->structuralProblems(), CopyProblem::Kind::NotRegularFile, name);
    requireOnly(reader->verify(), CopyProblem::Kind::NotRegularFile, name);
}

void TestCopyReader::encryptedEntry_data()
{
    QTest::addColumn<bool>("deflated");
    QTest::newRow("deflated") << true;
    QTest::newRow("stored") << false;
}

void TestCopyReader::encryptedEntry()
{
    QFETCH(bool, deflated);
    HostileCopy copy = soundCraftedCopy();
    HostileEntry entry = HostileEntry::file(QStringLiteral("AT/empresas/0001/secreto.dat"),
                                            records(30, 9), deflated);
    entry.password = "segredo";
    copy.addEntry(entry);
    copy.declare(entry); // the manifest agrees: only the encryption is wrong
    const auto reader = openCrafted(copy);
    QVERIFY(reader);
    requireOnly(reader->structuralProblems(), CopyProblem::Kind::Encrypted,
                QStringLiteral("AT/empresas/0001/secreto.dat"));
    requireOnly(reader->verify(), CopyProblem::Kind::Encrypted,
                QStringLiteral("AT/empresas/0001/secreto.dat"));
}

void TestCopyReader::duplicateName_data()
{
    QTest::addColumn<QByteArray>("secondData");
    QTest::newRow("different content") << records(10, 66);
    QTest::newRow("same content") << records(400, 1);
}

void TestCopyReader::duplicateName()
{
    QFETCH(QByteArray, secondData);
    HostileCopy copy = soundCraftedCopy();
    const QString name = QStringLiteral("AT/empresas/0001/anual/2025/saldos.dat");
    copy.addEntry(HostileEntry::file(name, secondData));
    const auto reader = openCrafted(copy);
    QVERIFY(reader);
    requireOnly(reader->structuralProblems(), CopyProblem::Kind::DuplicateName, name);
    requireOnly(reader->verify(), CopyProblem::Kind::DuplicateName, name);
}

void TestCopyReader::duplicateManifest()
{
    HostileCopy copy = soundCraftedCopy();
    copy.addEntry(HostileEntry::file(manifestName, copy.manifestJson()));
    const auto reader = openCrafted(copy);
    QVERIFY(reader);
    requireOnly(reader->structuralProblems(), CopyProblem::Kind::DuplicateName, manifestName);
}

void TestCopyReader::summaryCopyIsSound()
{
    const HostileCopy copy = summaryCraftedCopy();
    const auto reader = openCrafted(copy);
    QVERIFY(reader);
    QVERIFY(!reader->manifest().listsEntries);
    QVERIFY2(reader->structuralProblems().isEmpty(),
             qPrintable(describe(reader->structuralProblems())));
    const auto problems = reader->verify();
    QVERIFY2(problems.isEmpty(), qPrintable(describe(problems)));
    const auto entries = copyEntries(*reader);
    QCOMPARE(entries.size(), 5);
    QCOMPARE(entries.at(2).path, QStringLiteral("AT/empresas/0001/relatório de ação.dat"));
    QCOMPARE(reader->manifest().templateEntries.size(), 1);
    QCOMPARE(reader->manifest().companies.at(0).filesFrom(2026), 2);
}

void TestCopyReader::summaryEntryOutOfOrder()
{
    // Files come in the order of their paths: one out of place means the
    // copy was rearranged, and a name given twice could hide that way.
    HostileCopy copy = summaryCraftedCopy();
    copy.addFile(QStringLiteral("AT/empresas/0001/aaa.dat"), records(3, 9));
    const auto reader = openCrafted(copy);
    QVERIFY(reader);
    // Not counted either: its company is one file short.
    const auto problems = reader->structuralProblems();
    QCOMPARE(problems.size(), 2);
    QCOMPARE(problems.at(0).kind, CopyProblem::Kind::OutOfOrder);
    QCOMPARE(problems.at(0).entry, QStringLiteral("AT/empresas/0001/aaa.dat"));
    QCOMPARE(problems.at(1).kind, CopyProblem::Kind::MissingEntry);
}

void TestCopyReader::summaryEntryTwice()
{
    // Right after itself or anywhere later: both are refused, though the
    // reader remembers no list of names.
    const QString name = QStringLiteral("AT/modelos/consultas/bens.txt");
    HostileCopy adjacent = summaryCraftedCopy();
    adjacent.addEntry(HostileEntry::file(name, "other"));
    auto reader = openCrafted(adjacent);
    QVERIFY(reader);
    requireOnly(reader->structuralProblems(), CopyProblem::Kind::DuplicateName, name);

    const QString early = QStringLiteral("AT/empresas/0001/empresa.json");
    HostileCopy later = summaryCraftedCopy();
    later.addEntry(HostileEntry::file(early, "{}"));
    reader = openCrafted(later);
    QVERIFY(reader);
    requireOnly(reader->structuralProblems(), CopyProblem::Kind::OutOfOrder, early);
}

void TestCopyReader::summaryFileNotCounted()
{
    // A file slipped into a company's folder: the company's totals in the
    // manifest no longer add up.
    HostileCopy copy = summaryCraftedCopy();
    copy.addEntry(HostileEntry::file(QStringLiteral("AT/modelos/zz.txt"), "planted"));
    copy.addEntry(HostileEntry::file(QStringLiteral("AT/modelos/zzz.txt"), "planted"));
    const auto reader = openCrafted(copy);
    QVERIFY(reader);
    requireOnly(reader->structuralProblems(), CopyProblem::Kind::ExtraEntry,
                QStringLiteral("AT/modelos"));
}

void TestCopyReader::summaryCompanyNotDescribed()
{
    // Files of a company the manifest does not describe, placed where their
    // name belongs in the order: no restore preview would show them.
    const QString planted = QStringLiteral("AT/empresas/0009/x.dat");
    HostileCopy copy;
    copy.setListsEntries(false);
    copy.addFile(QStringLiteral("AT/empresas/0001/empresa.json"), "{}");
    copy.addEntry(HostileEntry::file(planted, "planted"));
    const auto reader = openCrafted(copy);
    QVERIFY(reader);
    requireOnly(reader->structuralProblems(), CopyProblem::Kind::ExtraEntry, planted);
}

void TestCopyReader::summaryYearTotalsLie()
{
    // The years' totals decide what a restore of recent years promises:
    // a manifest whose years do not add up is refused at once, and one
    // whose years disagree with the files is damaged.
    HostileCopy copy = summaryCraftedCopy();
    QJsonObject root = QJsonDocument::fromJson(copy.manifestJson()).object();
    QJsonArray companies = root.value(u"companies").toArray();
    QJsonObject first = companies.at(0).toObject();
    // Built element by element: "QJsonArray {QJsonArray {...}}" is a copy
    // for clang and a nested array for gcc.
    auto dated = [](int year, int files, int bytes) {
        QJsonArray years;
        years.append(QJsonArray {year, files, bytes});
        return years;
    };
    first.insert(u"dated", dated(2025, 5, 1));
    companies.replace(0, first);
    root.insert(u"companies", companies);
    copy.setManifestJson(QJsonDocument(root).toJson());
    OperationError error;
    QString writeError;
    const QString path = scratchPath();
    QVERIFY2(copy.write(path, &writeError), qPrintable(writeError));
    QVERIFY2(!CopyReader::open(path, &error), "a manifest whose years exceed its files opened");
    QCOMPARE(error.code, ExitCode::InvalidCopy);

    first.insert(u"dated", dated(2024, 1, 4));
    companies.replace(0, first);
    root.insert(u"companies", companies);
    copy.setManifestJson(QJsonDocument(root).toJson());
    const auto reader = openCrafted(copy);
    QVERIFY(reader);
    requireOnly(reader->structuralProblems(), CopyProblem::Kind::SizeMismatch,
                QStringLiteral("AT/empresas/0001"));
}

void TestCopyReader::invalidNameEncoding_data()
{
    QTest::addColumn<QByteArray>("rawName");
    QTest::addColumn<bool>("utf8Flag");
    QTest::newRow("bytes FF FE, UTF-8 flag") << QByteArray("AT/empresas/0001/\xff\xfe.dat") << true;
    QTest::newRow("bytes FF FE, no flag") << QByteArray("AT/empresas/0001/\xff\xfe.dat") << false;
    QTest::newRow("Latin-1, UTF-8 flag") << QByteArray("AT/empresas/0001/a\xe7\xe3o.dat") << true;
    QTest::newRow("Latin-1, no flag") << QByteArray("AT/empresas/0001/a\xe7\xe3o.dat") << false;
    QTest::newRow("overlong slash") << QByteArray("AT/empresas/0001/..\xc0\xaf..\xc0\xafx") << true;
    QTest::newRow("encoded surrogate") << QByteArray("AT/empresas/0001/\xed\xa0\x80.dat") << true;
    QTest::newRow("cut sequence") << QByteArray("AT/empresas/0001/a\xc3") << true;
    // Without the flag a reader must guess the code page: refused as well.
    QTest::newRow("UTF-8 without the flag")
        << QByteArray("AT/empresas/0001/a\xc3\xa7\xc3\xa3o.dat") << false;
}

void TestCopyReader::invalidNameEncoding()
{
    QFETCH(QByteArray, rawName);
    QFETCH(bool, utf8Flag);
    HostileCopy copy = soundCraftedCopy();
    HostileEntry entry;
    entry.rawName = rawName;
    entry.data = records(5, 4);
    entry.utf8Flag = utf8Flag;
    copy.addEntry(entry);
    const auto reader = openCrafted(copy);
    QVERIFY(reader);
    requireOnly(reader->structuralProblems(), CopyProblem::Kind::InvalidNameEncoding, QString());
    requireOnly(reader->verify(), CopyProblem::Kind::InvalidNameEncoding, QString());
    QVERIFY(reader->structuralProblems().first().entry.startsWith(u"AT/empresas/0001/"));
}

void TestCopyReader::extraEntry()
{
    HostileCopy copy = soundCraftedCopy();
    const QString name = QStringLiteral("AT/empresas/0001/intruso.dat");
    copy.addEntry(HostileEntry::file(name, records(5, 5)));
    const auto reader = openCrafted(copy);
    QVERIFY(reader);
    requireOnly(reader->structuralProblems(), CopyProblem::Kind::ExtraEntry, name);
    requireOnly(reader->verify(), CopyProblem::Kind::ExtraEntry, name);
}

void TestCopyReader::entryOmittedFromManifest()
{
    HostileCopy copy = soundCraftedCopy();
    const QString name = QStringLiteral("AT/modelos/consultas/bens.txt");
    QVERIFY(copy.undeclare(name));
    const auto reader = openCrafted(copy);
    QVERIFY(reader);
    requireOnly(reader->structuralProblems(), CopyProblem::Kind::ExtraEntry, name);
}

void TestCopyReader::missingEntry()
{
    HostileCopy copy = soundCraftedCopy();
    const QString name = QStringLiteral("AT/empresas/0002/permanente/bens.dat");
    copy.declare(name, 1234, 0x12345678);
    const auto reader = openCrafted(copy);
    QVERIFY(reader);
    requireOnly(reader->structuralProblems(), CopyProblem::Kind::MissingEntry, name);
    requireOnly(reader->verify(), CopyProblem::Kind::MissingEntry, name);

    // Extracting it fails instead of producing anything.
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    QString problem;
    CopyProblem::Kind failure = CopyProblem::Kind::NotZip;
    QVERIFY(!reader->extractEntry({name, 1234, 0x12345678}, out, {}, &problem, &failure));
    QVERIFY2(problem.contains(name), qPrintable(problem));
    QCOMPARE(out.size(), 0);
}

void TestCopyReader::manifestLies_data()
{
    QTest::addColumn<qint64>("sizeDelta");
    QTest::addColumn<quint32>("crcMask");
    QTest::newRow("size one byte larger") << qint64(1) << 0u;
    QTest::newRow("size one byte smaller") << qint64(-1) << 0u;
    QTest::newRow("size 4 GiB larger") << (qint64(1) << 32) << 0u;
    QTest::newRow("CRC one bit off") << qint64(0) << 1u;
    QTest::newRow("CRC and size") << qint64(10) << 0xffffffffu;
}

void TestCopyReader::manifestLies()
{
    QFETCH(qint64, sizeDelta);
    QFETCH(quint32, crcMask);
    HostileCopy copy = soundCraftedCopy();
    const QString name = QStringLiteral("AT/empresas/0001/anual/2025/saldos.dat");
    const QByteArray data = records(400, 1);
    QVERIFY(copy.setDeclaredSize(name, data.size() + sizeDelta));
    QVERIFY(copy.setDeclaredCrc(name, HostileCopy::crc32(data) ^ crcMask));
    const auto reader = openCrafted(copy);
    QVERIFY(reader);
    requireOnly(reader->structuralProblems(), CopyProblem::Kind::SizeMismatch, name);
    requireOnly(reader->verify(), CopyProblem::Kind::SizeMismatch, name);
}

void TestCopyReader::crcLieInHeadersAndManifest_data()
{
    QTest::addColumn<bool>("deflated");
    QTest::newRow("deflated") << true;
    QTest::newRow("stored") << false;
}

void TestCopyReader::crcLieInHeadersAndManifest()
{
    // The central directory and the manifest agree with each other; only
    // reading the data shows that neither tells the truth.
    QFETCH(bool, deflated);
    HostileCopy copy = soundCraftedCopy();
    const QString name = QStringLiteral("AT/empresas/0002/anual/2025/depreciacao.dat");
    HostileEntry entry = HostileEntry::file(name, records(300, 8), deflated);
    entry.declaredCrc = HostileCopy::crc32(entry.data) ^ 0x00010000u;
    copy.addEntry(entry);
    copy.declare(name, entry.headerSize(), entry.headerCrc());
    const auto reader = openCrafted(copy);
    QVERIFY(reader);
    QVERIFY2(reader->structuralProblems().isEmpty(),
             qPrintable(describe(reader->structuralProblems())));
    requireOnly(reader->verify(), CopyProblem::Kind::CrcMismatch, name);
}

void TestCopyReader::dataShorterThanDeclared_data()
{
    QTest::addColumn<bool>("deflated");
    QTest::newRow("deflated") << true;
    QTest::newRow("stored") << false;
}

void TestCopyReader::dataShorterThanDeclared()
{
    QFETCH(bool, deflated);
    HostileCopy copy = soundCraftedCopy();
    const QString name = QStringLiteral("AT/empresas/0002/anual/2025/depreciacao.dat");
    HostileEntry entry = HostileEntry::file(name, records(300, 8), deflated);
    entry.declaredSize = entry.data.size() + 100;
    copy.addEntry(entry);
    copy.declare(name, entry.headerSize(), entry.headerCrc());
    const auto reader = openCrafted(copy);
    QVERIFY(reader);
    QVERIFY2(reader->structuralProblems().isEmpty(),
             qPrintable(describe(reader->structuralProblems())));
    requireOnly(reader->verify(), CopyProblem::Kind::SizeMismatch, name);
}

void TestCopyReader::zipBomb_data()
{
    QTest::addColumn<bool>("deflated");
    QTest::addColumn<bool>("crcOfDeclaredPrefix");
    // The CRC of all the data, as a careless bomb would carry.
    QTest::newRow("deflated, CRC of everything") << true << false;
    // The CRC of just the declared bytes: only the data beyond them is wrong.
    QTest::newRow("deflated, CRC of the declared bytes") << true << true;
    QTest::newRow("stored, CRC of the declared bytes") << false << true;
}

void TestCopyReader::zipBomb()
{
    QFETCH(bool, deflated);
    QFETCH(bool, crcOfDeclaredPrefix);
    constexpr qint64 declared = 4096;
    const QString name = QStringLiteral("AT/empresas/0001/bomba.dat");
    HostileCopy copy = soundCraftedCopy();
    HostileEntry entry = HostileEntry::file(name, bombData(), deflated);
    entry.declaredSize = declared;
    entry.declaredCrc
        = HostileCopy::crc32(crcOfDeclaredPrefix ? entry.data.left(declared) : entry.data);
    copy.addEntry(entry);
    // Headers and manifest agree: nothing is visible without reading the data.
    copy.declare(name, declared, *entry.declaredCrc);
    const auto reader = openCrafted(copy);
    QVERIFY(reader);
    QVERIFY2(reader->structuralProblems().isEmpty(),
             qPrintable(describe(reader->structuralProblems())));
    if (deflated)
        QVERIFY(QFileInfo(reader->path()).size() < 64 * 1024);

    const auto entries = copyEntries(*reader);
    const ManifestEntry *bomb = nullptr;
    for (const auto &line : entries)
        bomb = line.path == name ? &line : bomb;
    QVERIFY(bomb);
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    qint64 reported = 0;
    QString problem;
    CopyProblem::Kind failure = CopyProblem::Kind::NotZip;
    const bool extracted = reader->extractEntry(
        *bomb, out,
        [&](qint64 bytes) {
            reported += bytes;
            return true;
        },
        &problem, &failure);
    QVERIFY2(!extracted, "an entry whose data is larger than declared was extracted as sound");
    QCOMPARE(failure, CopyProblem::Kind::SizeMismatch);
    QVERIFY2(problem.contains(name) && problem.contains(u"larger"), qPrintable(problem));
    // Never more than declared reaches the output (or the progress count).
    QVERIFY2(out.size() <= declared, qPrintable(QString::number(out.size())));
    QVERIFY2(reported <= declared, qPrintable(QString::number(reported)));

    requireOnly(reader->verify(), CopyProblem::Kind::SizeMismatch, name);
}

void TestCopyReader::isSafeEntryName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("system");
    QTest::addColumn<bool>("safe");
    const QString at = QStringLiteral("AT");
    auto row = [&](const char *tag, const QString &name, bool safe, const QString &system) {
        QTest::newRow(tag) << name << system << safe;
    };
    auto safe = [&](const char *tag, const char16_t *name) {
        row(tag, QString::fromUtf16(name), true, at);
    };
    auto unsafe = [&](const char *tag, const char16_t *name) {
        row(tag, QString::fromUtf16(name), false, at);
    };

    safe("company file", u"AT/empresas/0001/empresa.json");
    safe("annual table", u"AT/empresas/0001/anual/2024/saldos.dat");
    safe("archived table", u"AT/empresas/0001/morto/mensal/2019-01/lanc.dat");
    safe("template", u"AT/modelos/consultas/bens.txt");
    safe("template at the top", u"AT/modelos/x");
    // A legal Linux name ("relatorio 10:30.txt"); Resguarda restores on Linux.
    safe("colon", u"AT/empresas/0001/relatorio 10:30.txt");
    safe("escaped byte", u"AT/empresas/0001/hist%F3rico.dat");
    safe("accents and spaces", u"AT/empresas/0001/relatório de ação.dat");
    safe("hidden file", u"AT/empresas/0001/.oculto");
    safe("dots inside a name", u"AT/empresas/0001/a..b");
    safe("three dots", u"AT/empresas/0001/...");
    row("other system", QStringLiteral("CP/empresas/0001/a"), true, QStringLiteral("CP"));

    unsafe("empty", u"");
    unsafe("system only", u"AT");
    unsafe("system folder", u"AT/");
    unsafe("companies folder", u"AT/empresas");
    unsafe("companies folder slash", u"AT/empresas/");
    unsafe("company folder itself", u"AT/empresas/0001");
    unsafe("company folder slash", u"AT/empresas/0001/");
    unsafe("file directly in empresas", u"AT/empresas/x.dat");
    unsafe("templates folder", u"AT/modelos");
    unsafe("templates folder slash", u"AT/modelos/");
    unsafe("trailing slash", u"AT/empresas/0001/a/");
    unsafe("parent", u"../evil");
    unsafe("absolute", u"/etc/passwd");
    unsafe("absolute with system", u"/AT/empresas/0001/a");
    unsafe("climbs out", u"AT/empresas/../../x");
    unsafe("climbs from a company", u"AT/empresas/0001/../../../x");
    unsafe("climbs into another company", u"AT/empresas/0001/../0002/a");
    unsafe("dot component", u"AT/empresas/0001/./a");
    unsafe("leading dot", u"./AT/empresas/0001/a");
    unsafe("double slash", u"AT//empresas/0001/a");
    unsafe("program files", u"AT/programa/x.bin");
    unsafe("system file", u"AT/sistemas.json");
    unsafe("installation file", u"sistemas.json");
    unsafe("sessions", u"sessoes/x.lock");
    unsafe("copies", u"Copias/CopiaAT.zip");
    unsafe("manifest", u"resguarda-manifest.json");
    unsafe("another system", u"CP/empresas/0001/a");
    unsafe("system in lower case", u"at/empresas/0001/a");
    unsafe("companies in upper case", u"AT/EMPRESAS/0001/a");
    unsafe("drive letter", u"C:\\x");
    unsafe("drive letter with slash", u"C:/x");
    unsafe("backslashes", u"AT\\empresas\\0001\\a");
    unsafe("backslash climb", u"AT/empresas/0001\\..\\..\\x");
    unsafe("UNC", u"\\\\server\\share\\x");
    unsafe("newline", u"AT/empresas/0001/a\nb");
    unsafe("tab", u"AT/empresas/0001/a\tb");
    unsafe("DEL", u"AT/empresas/0001/a\x7f");
    // C1 controls: U+009B is CSI to terminals that take 8-bit controls.
    unsafe("C1 CSI", u"AT/empresas/0001/a\u009b8m");
    unsafe("C1 NEL", u"AT/empresas/0001/a\u0085b");
    row("system code is dot-dot", QStringLiteral("../empresas/0001/a"), false,
        QStringLiteral(".."));
    row("empty system code", QStringLiteral("/empresas/0001/a"), false, QString());
}

void TestCopyReader::isSafeEntryName()
{
    QFETCH(QString, name);
    QFETCH(QString, system);
    QFETCH(bool, safe);
    QCOMPARE(CopyReader::isSafeEntryName(name, system), safe);
}

void TestCopyReader::cliVerify_data()
{
    QTest::addColumn<QString>("copyKind");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("good copy") << QStringLiteral("good") << 0;
    QTest::newRow("truncated") << QStringLiteral("truncated") << 4;
    QTest::newRow("flipped bit") << QStringLiteral("flipped") << 4;
    QTest::newRow("unsafe name") << QStringLiteral("unsafe") << 4;
}

void TestCopyReader::cliVerify()
{
    QFETCH(QString, copyKind);
    QFETCH(int, exitCode);
    QString path;
    if (copyKind == u"good") {
        path = m_goodCopy;
    } else if (copyKind == u"truncated") {
        path = writeScratch(m_goodBytes.left(m_goodBytes.size() * 2 / 3));
    } else if (copyKind == u"flipped") {
        // The middle of the largest entry's data.
        EntryLocation largest;
        for (const auto &location : m_goodLocations) {
            if (location.rawName != manifestName.toUtf8()
                && location.compressedSize > largest.compressedSize)
                largest = location;
        }
        QVERIFY(largest.compressedSize > 0);
        path = writeScratch(
            flipped(m_goodBytes, largest.dataOffset + largest.compressedSize / 2, 0x20));
    } else {
        HostileCopy copy = soundCraftedCopy();
        copy.addFile(QStringLiteral("AT/programa/x.bin"), QByteArray("MZ"));
        path = scratchPath();
        QString writeError;
        QVERIFY2(copy.write(path, &writeError), qPrintable(writeError));
    }
    const ProcessResult result
        = runCli({QStringLiteral("verify"), QStringLiteral("--quiet"), path});
    QVERIFY2(result.exitCode == exitCode,
             qPrintable(QStringLiteral("exit %1, stderr: %2")
                            .arg(result.exitCode)
                            .arg(QString::fromLocal8Bit(result.standardError))));
    if (exitCode == 0) {
        QVERIFY(!result.standardOutput.trimmed().isEmpty());
        QVERIFY2(result.standardError.trimmed().isEmpty(), result.standardError.constData());
    } else {
        QVERIFY(!result.standardError.trimmed().isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestCopyReader)
#include "tst_copyreader.moc"
