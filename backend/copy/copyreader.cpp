// SPDX-License-Identifier: GPL-3.0-or-later
#include "copy/copyreader.h"

#include "copy/entrycompressor.h"
#include "core/displaytext.h"
#include "core/filenames.h"
#include "core/filesystem.h"
#include "core/interruption.h"
#include "core/logging.h"
#include "installation/codes.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QLocale>
#include <QSet>

#include <algorithm>

#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <quazip/unzip.h>

#include <zlib.h>

namespace Resguarda {

namespace {

constexpr qint64 readChunk = 1024 * 1024;
// What a manifest may cost is proportional to what the copy really holds: a
// manifest lists every entry in about 160 bytes (a few times that once
// parsed), so its text may take at most this much per ZIP entry, plus room
// for the summaries of companies without files. A small copy can then never
// carry a huge manifest (a 475 kB copy with a 500 MB manifest is refused at
// once), and reading a copy costs memory in proportion to its files.
constexpr qint64 manifestBytesPerEntry = 1024;
constexpr qint64 manifestBaseBytes = 1024 * 1024;
// A real manifest holds six values per entry (an object and five members;
// seven with pathBytes), four per folder, and a dozen per company.
constexpr qint64 manifestValuesPerEntry = 8;
constexpr qint64 manifestBaseValues = 50000;
// Beyond this many files the whole-manifest design of this version needs
// more memory than a small office PC should give it.
constexpr qint64 maxSupportedFiles = 1000000;
// Paths are at most 4 KiB on every file system Resguarda runs on; names and
// labels are far shorter. Escapes (\uXXXX) take six bytes a character.
constexpr qint64 maxManifestStringBytes = 6 * 4096;
constexpr quint16 zipFlagEncrypted = 0x0001;
constexpr quint16 zipFlagUtf8 = 0x0800;
constexpr int hostUnix = 3;

bool isRegularFileEntry(const QString &name, quint16 versionMadeBy, quint32 externalAttr)
{
    if (name.endsWith(u'/'))
        return false;
    // Only Unix-made entries carry a file type in the upper attribute bits.
    if ((versionMadeBy >> 8) == hostUnix) {
        const quint32 type = (externalAttr >> 16) & 0170000;
        return type == 0 || type == 0100000;
    }
    return (externalAttr & 0x10) == 0; // MS-DOS directory attribute
}

bool isDirectoryEntry(quint16 versionMadeBy, quint32 externalAttr)
{
    if ((versionMadeBy >> 8) == hostUnix)
        return ((externalAttr >> 16) & 0170000) == 0040000;
    return (externalAttr & 0x10) != 0;
}

// Reads device to its end into out, but never more than limit bytes
// whatever the headers declare: false when there is more.
bool readBounded(QIODevice &device, qint64 limit, QByteArray *out)
{
    out->resize(0); // keeps what the caller reserved
    QByteArray chunk(readChunk, Qt::Uninitialized);
    for (;;) {
        const qint64 n = device.read(chunk.data(), chunk.size());
        if (n <= 0)
            return true; // an error shows in the ZIP error, checked by the caller
        if (out->size() + n > limit)
            return false;
        out->append(chunk.constData(), n);
    }
}

// Whether the JSON text stays within what parsing it may cost. Memory grows
// with the number of values, not with the bytes alone ("[[],[],...]" costs
// far more per byte than a real manifest): every array or object opens with
// a bracket and every further element or member follows a comma. And no
// string is longer than a path can be: one huge name would be copied whole
// into every line that shows it.
bool isWithinParseBounds(const QByteArray &json, qint64 maxManifestValues)
{
    qint64 values = 0;
    qint64 stringStart = -1;
    bool escaped = false;
    for (qint64 i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (stringStart >= 0) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                stringStart = -1;
            else if (i - stringStart > maxManifestStringBytes)
                return false;
        } else if (c == '"') {
            stringStart = i;
        } else if ((c == '{' || c == '[' || c == ',') && ++values > maxManifestValues) {
            return false;
        }
    }
    return true;
}

bool looksLikeZip(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = file.read(4);
    return head == QByteArray("PK\x03\x04", 4) || head == QByteArray("PK\x05\x06", 4);
}

// Whether the file ends exactly with a complete end-of-central-directory
// record. minizip reads a record cut short as if it were whole (a short read
// at the end of the file counts as success), so a copy missing its last bytes
// would otherwise open.
bool hasCompleteEndRecord(const QString &path)
{
    constexpr qint64 recordSize = 22;
    constexpr qint64 maxCommentSize = 0xffff;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() < recordSize)
        return false;
    const qint64 tailSize = std::min(file.size(), recordSize + maxCommentSize);
    if (!file.seek(file.size() - tailSize))
        return false;
    const QByteArray tail = file.read(tailSize);
    if (tail.size() != tailSize)
        return false;
    for (qint64 pos = tailSize - recordSize; pos >= 0; --pos) {
        if (tail.at(pos) != 'P' || tail.at(pos + 1) != 'K' || tail.at(pos + 2) != 5
            || tail.at(pos + 3) != 6)
            continue;
        const qint64 commentSize = quint8(tail.at(pos + 20)) | (quint8(tail.at(pos + 21)) << 8);
        if (pos + recordSize + commentSize == tailSize)
            return true;
    }
    return false;
}

} // namespace

CopyReader::~CopyReader() = default;

bool CopyReader::isSafeEntryName(const QString &name, const QString &systemCode)
{
    // ':' is a legal character of a Linux file name ("relatorio 10:30.txt");
    // '\\' and controls never appear in a canonical entry name (ZipNames).
    if (name.isEmpty() || name.startsWith(u'/') || name.contains(u'\\'))
        return false;
    const auto parts = QStringView(name).split(u'/');
    for (const auto &part : parts) {
        if (part.isEmpty() || part == u"." || part == u"..")
            return false;
        for (const QChar c : part) {
            if (c.unicode() < 0x20 || (c.unicode() >= 0x7f && c.unicode() <= 0x9f))
                return false;
        }
    }
    if (parts.size() < 3 || parts[0] != systemCode)
        return false;
    if (parts[1] == QStringView(InstallationLayout::companiesDirName))
        return parts.size() >= 4
            && Codes::isValidCompanyCode(parts[2]); // <SIS>/empresas/<COD>/<file>
    return parts[1] == QStringView(InstallationLayout::templatesDirName);
}

bool CopyReader::isSafeFolderName(const QString &name, const QString &systemCode)
{
    // A folder is safe where a file inside it would be: <SIS>/empresas/<COD>
    // and <SIS>/modelos themselves, and any folder below them.
    return isSafeEntryName(name + QStringLiteral("/x"), systemCode);
}

std::unique_ptr<CopyReader> CopyReader::open(const QString &path, OperationError *error)
{
    const QString nativePath = QDir::toNativeSeparators(path);
    if (!QFile::exists(path)) {
        *error = OperationError::failed(tr("The copy %1 does not exist.").arg(nativePath));
        return nullptr;
    }
    std::unique_ptr<CopyReader> reader(new CopyReader);
    reader->m_path = path;
    reader->m_fileSize = QFileInfo(path).size();
    reader->m_zip = std::make_unique<QuaZip>(path);
    if (!reader->m_zip->open(QuaZip::mdUnzip) || !hasCompleteEndRecord(path)) {
        if (looksLikeZip(path))
            *error = OperationError::invalidCopy(
                tr("%1 is damaged: the end of the ZIP file is missing (the copy is truncated, "
                   "perhaps the disk was removed while it was being written). Use another copy.")
                    .arg(nativePath));
        else
            *error = OperationError::invalidCopy(
                tr("%1 is not a Resguarda copy: it is not a ZIP file.").arg(nativePath));
        return nullptr;
    }

    // Every entry costs memory to list and check (QuaZip indexes the names
    // too): a copy is refused at once for holding more than this build reads.
    // The zip64 count is 64 bits: read it whole, not as QuaZip's int.
    unz_global_info64 global {};
    if (unzGetGlobalInfo64(reader->m_zip->getUnzFile(), &global) != UNZ_OK
        || global.number_entry > quint64(maxSupportedFiles) + 1) {
        *error = OperationError::invalidCopy(
            tr("%1 is not a copy Resguarda can read: it holds %2 files, and Resguarda reads "
               "copies of up to %3 files.")
                .arg(nativePath, QLocale().toString(quint64(global.number_entry)),
                     QLocale().toString(maxSupportedFiles)));
        return nullptr;
    }
    // The manifest is read and parsed first, and its text freed, before the
    // central directory is listed: the two largest structures of a copy of
    // many files are never in memory together.
    const QString manifestName = QString::fromUtf16(manifestEntryName);
    if (!reader->m_zip->setCurrentFile(manifestName, QuaZip::csSensitive)) {
        *error = OperationError::invalidCopy(
            tr("%1 is a ZIP file but not a Resguarda copy: it has no manifest.").arg(nativePath));
        return nullptr;
    }
    if (!reader->readManifest(nativePath, qint64(global.number_entry), error))
        return nullptr;
    QList<CentralEntry> central;
    if (!reader->readCentralDirectory(&central)) {
        *error = OperationError::invalidCopy(
            tr("%1 is damaged: its list of files cannot be read.").arg(nativePath));
        return nullptr;
    }
    reader->checkStructure(central);
    return reader;
}

bool CopyReader::readManifest(const QString &nativePath, qint64 entries, OperationError *error)
{
    const qint64 sizeLimit = manifestBaseBytes + manifestBytesPerEntry * entries;
    const qint64 valueLimit = manifestBaseValues + manifestValuesPerEntry * entries;
    QuaZipFile manifestFile(m_zip.get());
    QByteArray json;
    bool tooLarge = false;
    if (manifestFile.open(QIODevice::ReadOnly)) {
        // The declared size is only a hint for the buffer; the limit holds
        // whatever the headers say.
        json.reserve(qsizetype(std::clamp<qint64>(manifestFile.usize(), 0, sizeLimit)));
        tooLarge = !readBounded(manifestFile, sizeLimit, &json)
            || !isWithinParseBounds(json, valueLimit);
        manifestFile.close();
    }
    if (tooLarge) {
        *error = OperationError::invalidCopy(
            tr("%1 is not a valid copy: its manifest is too large for the %2 files the copy holds "
               "(more than %3, more values than those files need, or a name longer than any "
               "path).")
                .arg(nativePath, QLocale().toString(entries), FileSystem::formatSize(sizeLimit)));
        return false;
    }
    if (json.isEmpty() || manifestFile.getZipError() != 0) {
        *error = OperationError::invalidCopy(
            tr("%1 is damaged: its manifest cannot be read.").arg(nativePath));
        return false;
    }
    QString problem;
    switch (Manifest::fromJson(json, &m_manifest, &problem)) {
    case Manifest::ParseResult::Ok:
        break;
    case Manifest::ParseResult::NewerFormat:
        *error = OperationError::invalidCopy(
            tr("%1 was made by a newer version of Resguarda (copy format %2). Update Resguarda "
               "to use it.")
                .arg(nativePath, DisplayText::displaySafe(problem)));
        return false;
    case Manifest::ParseResult::NotAManifest:
        *error
            = OperationError::invalidCopy(tr("%1 is damaged: its manifest is not valid (%2).")
                                              .arg(nativePath, DisplayText::displaySafe(problem)));
        return false;
    }
    return true;
}

struct CopyReader::CentralEntry
{
    QString name; // the stored bytes, decoded losslessly (FileNames)
    bool validName = false; // UTF-8 (flagged as such) or plain ASCII
    quint16 flags = 0;
    quint16 versionMadeBy = 0;
    quint32 externalAttr = 0;
    quint64 uncompressedSize = 0;
    quint32 crc = 0;
    unz64_file_pos position {};
};

bool CopyReader::readCentralDirectory(QList<CentralEntry> *central)
{
    unzFile handle = m_zip->getUnzFile();
    // A ZIP name is at most 65535 bytes (a 16-bit length).
    QByteArray name(0x10000, Qt::Uninitialized);
    for (int status = unzGoToFirstFile(handle); status == UNZ_OK;
         status = unzGoToNextFile(handle)) {
        unz_file_info64 info {};
        if (unzGetCurrentFileInfo64(handle, &info, name.data(), uLong(name.size()), nullptr, 0,
                                    nullptr, 0)
            != UNZ_OK)
            return false;
        const QByteArrayView bytes(name.constData(), qsizetype(info.size_filename));
        CentralEntry entry;
        const bool ascii
            = std::all_of(bytes.begin(), bytes.end(), [](char c) { return quint8(c) < 0x80; });
        // Names are UTF-8 (flagged as such) or plain ASCII: anything else
        // is not from Resguarda, and would be read differently by every tool.
        entry.validName = ascii || ((info.flag & zipFlagUtf8) && FileNames::isValidUtf8(bytes));
        entry.name = entry.validName ? QString::fromUtf8(bytes) : FileNames::decode(bytes);
        entry.flags = quint16(info.flag);
        entry.versionMadeBy = quint16(info.version);
        entry.externalAttr = quint32(info.external_fa);
        entry.uncompressedSize = info.uncompressed_size;
        entry.crc = quint32(info.crc);
        if (unzGetFilePos64(handle, &entry.position) != UNZ_OK)
            return false;
        central->append(entry);
        if (central->size() > maxSupportedFiles + 1)
            return false;
    }
    return true;
}

void CopyReader::checkStructure(const QList<CentralEntry> &central)
{
    const QString manifestName = QString::fromUtf16(manifestEntryName);
    const QString system = m_manifest.system.code;
    QHash<QString, const ManifestEntry *> declared;
    for (const auto &entry : m_manifest.entries)
        declared.insert(entry.path, &entry);
    QSet<QString> declaredFolders;
    for (const auto &folder : m_manifest.folders)
        declaredFolders.insert(folder.path);
    for (const auto &entry : m_manifest.entries) {
        if (!isSafeEntryName(entry.path, system))
            m_structuralProblems.append({CopyProblem::Kind::UnsafeName, entry.path,
                                         tr("The manifest names an entry outside the system's "
                                            "companies and templates: %1")
                                             .arg(DisplayText::displaySafe(entry.path))});
    }
    for (const auto &folder : m_manifest.folders) {
        if (!isSafeFolderName(folder.path, system))
            m_structuralProblems.append({CopyProblem::Kind::UnsafeName, folder.path,
                                         tr("The manifest names a folder outside the system's "
                                            "companies and templates: %1")
                                             .arg(DisplayText::displaySafe(folder.path))});
    }

    QSet<QString> seen;
    for (const auto &info : central) {
        const QString &name = info.name;
        auto add = [&](CopyProblem::Kind kind, const QString &message) {
            m_structuralProblems.append({kind, name, message});
        };
        if (!info.validName) {
            add(CopyProblem::Kind::InvalidNameEncoding,
                tr("The entry name %1 is not valid UTF-8.").arg(DisplayText::displaySafe(name)));
            continue;
        }
        if (seen.contains(name)) {
            add(CopyProblem::Kind::DuplicateName,
                tr("The entry %1 appears more than once.").arg(DisplayText::displaySafe(name)));
            continue;
        }
        seen.insert(name);
        if (info.flags & zipFlagEncrypted) {
            add(CopyProblem::Kind::Encrypted,
                tr("The entry %1 is encrypted.").arg(DisplayText::displaySafe(name)));
            continue;
        }
        if (name.endsWith(u'/') && declaredFolders.contains(name.chopped(1))
            && isDirectoryEntry(info.versionMadeBy, info.externalAttr)
            && info.uncompressedSize == 0)
            continue; // a folder the manifest lists, made again by unzip
        if (!isRegularFileEntry(name, info.versionMadeBy, info.externalAttr)) {
            add(CopyProblem::Kind::NotRegularFile,
                tr("The entry %1 is not a regular file (a folder, link or device).")
                    .arg(DisplayText::displaySafe(name)));
            continue;
        }
        if (name == manifestName)
            continue;
        if (!isSafeEntryName(name, system)) {
            add(CopyProblem::Kind::UnsafeName,
                tr("The entry %1 points outside the system's companies and templates.")
                    .arg(DisplayText::displaySafe(name)));
            continue;
        }
        const ManifestEntry *entry = declared.value(name);
        if (!entry) {
            add(CopyProblem::Kind::ExtraEntry,
                tr("The entry %1 is not listed in the manifest.")
                    .arg(DisplayText::displaySafe(name)));
            continue;
        }
        if (qint64(info.uncompressedSize) != entry->size || info.crc != entry->crc32) {
            add(CopyProblem::Kind::SizeMismatch,
                tr("The entry %1 differs from the manifest (size or CRC).")
                    .arg(DisplayText::displaySafe(name)));
            continue;
        }
        m_positions.insert(name, {info.position.pos_in_zip_directory, info.position.num_of_file});
    }
    for (const auto &entry : m_manifest.entries) {
        if (!seen.contains(entry.path))
            m_structuralProblems.append(
                {CopyProblem::Kind::MissingEntry, entry.path,
                 tr("The entry %1 is missing.").arg(DisplayText::displaySafe(entry.path))});
    }
}

bool CopyReader::extractEntry(const ManifestEntry &entry, QIODevice &out, const Progress &progress,
                              QString *error, CopyProblem::Kind *failure)
{
    CopyProblem::Kind unused;
    if (!failure)
        failure = &unused;
    *failure = CopyProblem::Kind::ReadError;
    const auto position = m_positions.constFind(entry.path);
    if (position == m_positions.cend()) {
        *error = tr("the entry %1 is missing").arg(DisplayText::displaySafe(entry.path));
        return false;
    }
    // Raw mode: the data is inflated here and not by minizip, which stops
    // quietly at the size the headers declare. A crafted or damaged entry
    // whose data goes on beyond that size must be reported, not cut short.
    unzFile handle = m_zip->getUnzFile();
    unz64_file_pos filePosition {position->first, position->second};
    int method = 0;
    int level = 0;
    if (unzGoToFilePos64(handle, &filePosition) != UNZ_OK
        || unzOpenCurrentFile3(handle, &method, &level, 1, nullptr) != UNZ_OK) {
        *error = tr("the entry %1 cannot be opened").arg(DisplayText::displaySafe(entry.path));
        return false;
    }
    struct CloseEntry
    {
        unzFile handle;
        ~CloseEntry() { unzCloseCurrentFile(handle); }
    } closeEntry {handle};
    if (method != 0 && method != Z_DEFLATED) {
        *error = tr("the entry %1 uses an unknown compression method (%2)")
                     .arg(DisplayText::displaySafe(entry.path))
                     .arg(method);
        return false;
    }
    z_stream stream {};
    if (method == Z_DEFLATED && inflateInit2(&stream, -MAX_WBITS) != Z_OK) {
        *error = tr("the entry %1 cannot be decompressed (out of memory)")
                     .arg(DisplayText::displaySafe(entry.path));
        return false;
    }
    struct InflateEnd
    {
        z_stream *stream;
        bool active;
        ~InflateEnd()
        {
            if (active)
                inflateEnd(stream);
        }
    } inflateEndGuard {&stream, method == Z_DEFLATED};

    QByteArray input(readChunk, Qt::Uninitialized);
    QByteArray output(method == Z_DEFLATED ? readChunk : 0, Qt::Uninitialized);
    quint32 crc = 0;
    qint64 total = 0;
    auto damaged = [&] {
        *error = tr("the entry %1 is damaged (its data cannot be decompressed)")
                     .arg(DisplayText::displaySafe(entry.path));
        return false;
    };
    auto deliver = [&](const char *data, qint64 n) {
        if (n == 0)
            return true;
        total += n;
        // Bounded by the manifest: a crafted entry cannot expand without limit.
        if (total > entry.size) {
            *error = tr("the entry %1 is larger than the manifest declares")
                         .arg(DisplayText::displaySafe(entry.path));
            *failure = CopyProblem::Kind::SizeMismatch;
            return false;
        }
        crc = EntryCompressor::crc32(crc, data, n);
        if (out.write(data, n) != n) {
            *error = out.errorString();
            return false;
        }
        if (progress && !progress(n)) {
            *error = tr("cancelled");
            return false;
        }
        return true;
    };
    bool streamEnded = method == 0;
    for (;;) {
        const int n = unzReadCurrentFile(handle, input.data(), unsigned(input.size()));
        if (n < 0)
            return damaged();
        if (n == 0)
            break;
        if (method == 0) {
            if (!deliver(input.constData(), n))
                return false;
            continue;
        }
        if (streamEnded)
            return damaged(); // data after the end of the deflate stream
        stream.next_in = reinterpret_cast<Bytef *>(input.data());
        stream.avail_in = uInt(n);
        do {
            stream.next_out = reinterpret_cast<Bytef *>(output.data());
            stream.avail_out = uInt(output.size());
            const int result = inflate(&stream, Z_NO_FLUSH);
            if (result != Z_OK && result != Z_STREAM_END && result != Z_BUF_ERROR)
                return damaged();
            if (!deliver(output.constData(), output.size() - qint64(stream.avail_out)))
                return false;
            streamEnded = result == Z_STREAM_END;
        } while (!streamEnded && stream.avail_out == 0);
        if (streamEnded && stream.avail_in > 0)
            return damaged();
    }
    if (!streamEnded)
        return damaged(); // the deflate stream stops before its end
    if (total != entry.size) {
        *error = tr("the entry %1 is shorter than the manifest declares")
                     .arg(DisplayText::displaySafe(entry.path));
        *failure = CopyProblem::Kind::SizeMismatch;
        return false;
    }
    if (crc != entry.crc32) {
        *error = tr("the entry %1 is damaged (CRC mismatch)")
                     .arg(DisplayText::displaySafe(entry.path));
        *failure = CopyProblem::Kind::CrcMismatch;
        return false;
    }
    return true;
}

QList<CopyProblem> CopyReader::verify(const Progress &progress, bool *cancelled)
{
    QList<CopyProblem> problems = m_structuralProblems;
    QSet<QString> skip;
    for (const auto &problem : m_structuralProblems)
        skip.insert(problem.entry);
    if (cancelled)
        *cancelled = false;

    // Reading into a sink that discards keeps memory flat for any entry size.
    class NullDevice : public QIODevice
    {
    public:
        NullDevice() { open(QIODevice::WriteOnly); }
        qint64 readData(char *, qint64) override { return -1; }
        qint64 writeData(const char *, qint64 len) override { return len; }
    } sink;

    bool stop = false;
    auto counting = [&](qint64 bytes) {
        if (Interruption::requested() || (progress && !progress(bytes)))
            stop = true;
        return !stop;
    };
    for (const auto &entry : m_manifest.entries) {
        if (skip.contains(entry.path))
            continue;
        QString problem;
        CopyProblem::Kind kind;
        if (!extractEntry(entry, sink, counting, &problem, &kind)) {
            if (stop) {
                if (cancelled)
                    *cancelled = true;
                break;
            }
            problems.append({kind, entry.path, problem});
        }
    }
    return problems;
}

} // namespace Resguarda
