// SPDX-License-Identifier: GPL-3.0-or-later
#include "copy/copyreader.h"

#include "copy/entryinflater.h"
#include "copy/windowedfile.h"
#include "copy/zipend.h"
#include "copy/zipnames.h"
#include "core/checkedmath.h"
#include "core/displaytext.h"
#include "core/filenames.h"
#include "core/filesystem.h"
#include "core/interruption.h"
#include "core/logging.h"
#include "installation/codes.h"
#include "installation/tablepath.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QLocale>
#include <QMap>
#include <QSet>
#include <QtEndian>

#include <algorithm>
#include <climits>

#include <quazip/quazip.h>
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

} // namespace

CopyReader::CopyReader()
    : m_inflater(std::make_unique<EntryInflater>())
{
}

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
    QFile file(path);
    std::optional<ZipEnd> end;
    if (file.open(QIODevice::ReadOnly)) {
        reader->m_fileSize = file.size();
        end = ZipEnd::read(file);
    }
    reader->m_file = std::make_unique<WindowedFile>(path);
    reader->m_zip = std::make_unique<QuaZip>(reader->m_file.get());
    if (!end || !reader->m_zip->open(QuaZip::mdUnzip)) {
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

    // Resguarda writes the manifest last: its record closes the central
    // directory, and reading it costs a few KiB whatever the copy holds.
    // A copy written otherwise is searched, as every copy was before.
    const QString manifestName = QString::fromUtf16(manifestEntryName);
    unzFile handle = reader->m_zip->getUnzFile();
    const auto last = end->lastRecordNamed(file, manifestName.toUtf8());
    unz64_file_pos position {last.value_or(0), end->entries - 1};
    const bool found = last ? unzGoToFilePos64(handle, &position) == UNZ_OK
                            : reader->m_zip->setCurrentFile(manifestName, QuaZip::csSensitive);
    if (!found) {
        *error = OperationError::invalidCopy(
            tr("%1 is a ZIP file but not a Resguarda copy: it has no manifest.").arg(nativePath));
        return nullptr;
    }
    unz64_file_pos manifestPosition {};
    unzGetFilePos64(handle, &manifestPosition);
    reader->m_manifestRecord = manifestPosition.pos_in_zip_directory;
    if (!reader->readManifest(nativePath, qint64(end->entries), error))
        return nullptr;
    // A manifest that lists every file (format 1) is held whole with that
    // list: beyond this many files it is refused at once.
    if (reader->m_manifest.listsEntries && end->entries > quint64(maxSupportedFiles) + 1) {
        *error = OperationError::invalidCopy(
            tr("%1 is not a copy Resguarda can read: it holds %2 files, and Resguarda reads "
               "copies of this format of up to %3 files.")
                .arg(nativePath, QLocale().toString(end->entries),
                     QLocale().toString(maxSupportedFiles)));
        return nullptr;
    }
    return reader;
}

bool CopyReader::readManifest(const QString &nativePath, qint64 entries, OperationError *error)
{
    const qint64 sizeLimit = manifestBaseBytes + manifestBytesPerEntry * entries;
    const qint64 valueLimit = manifestBaseValues + manifestValuesPerEntry * entries;
    // Read with minizip's own calls: open() positions on the manifest's
    // record directly, which QuaZip does not know about.
    unzFile handle = m_zip->getUnzFile();
    unz_file_info64 info {};
    QByteArray json;
    bool tooLarge = false;
    bool readError = true;
    if (unzGetCurrentFileInfo64(handle, &info, nullptr, 0, nullptr, 0, nullptr, 0) == UNZ_OK
        && unzOpenCurrentFile(handle) == UNZ_OK) {
        // The declared size is only a hint for the buffer; the limit holds
        // whatever the headers say.
        json.reserve(qsizetype(std::clamp<qint64>(qint64(info.uncompressed_size), 0, sizeLimit)));
        QByteArray chunk(readChunk, Qt::Uninitialized);
        int n = 0;
        while ((n = unzReadCurrentFile(handle, chunk.data(), unsigned(chunk.size()))) > 0) {
            if (json.size() + n > sizeLimit) {
                tooLarge = true;
                break;
            }
            json.append(chunk.constData(), n);
        }
        // Closing checks the CRC of what was read to its end.
        const int closed = unzCloseCurrentFile(handle);
        readError = n < 0 || (!tooLarge && closed != UNZ_OK);
        tooLarge = tooLarge || !isWithinParseBounds(json, valueLimit);
    }
    if (tooLarge) {
        *error = OperationError::invalidCopy(
            tr("%1 is not a valid copy: its manifest is too large for the %2 files the copy holds "
               "(more than %3, more values than those files need, or a name longer than any "
               "path).")
                .arg(nativePath, QLocale().toString(entries), FileSystem::formatSize(sizeLimit)));
        return false;
    }
    if (json.isEmpty() || readError) {
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

const QList<CopyProblem> &CopyReader::structuralProblems()
{
    if (!m_structuralProblems)
        m_structuralProblems = scan();
    return *m_structuralProblems;
}

bool CopyReader::extractEntry(const ManifestEntry &entry, QIODevice &out, const Progress &progress,
                              QString *error, CopyProblem::Kind *failure)
{
    CopyProblem::Kind unused;
    if (!failure)
        failure = &unused;
    *failure = CopyProblem::Kind::ReadError;
    const QString shown = DisplayText::displaySafe(entry.path);
    // Raw mode: the data is inflated here and not by minizip, which stops
    // quietly at the size the headers declare. A crafted or damaged entry
    // whose data goes on beyond that size must be reported, not cut short.
    unzFile handle = m_zip->getUnzFile();
    m_moved = true;
    unz64_file_pos position {entry.directoryOffset, entry.directoryIndex};
    unz_file_info64 info {};
    int method = 0;
    int level = 0;
    if (unzGoToFilePos64(handle, &position) != UNZ_OK
        || unzGetCurrentFileInfo64(handle, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK) {
        *error = tr("the entry %1 cannot be opened").arg(shown);
        return false;
    }
    const int opened = unzOpenCurrentFile3(handle, &method, &level, 1, nullptr);
    if (opened == UNZ_BADZIPFILE) {
        // minizip compares the entry's local header with its record in the
        // central directory: they disagree on its name, size or CRC.
        *failure = CopyProblem::Kind::SizeMismatch;
        *error = tr("the entry %1 is damaged: its headers disagree on its size or CRC").arg(shown);
        return false;
    }
    if (opened != UNZ_OK) {
        *error = tr("the entry %1 cannot be opened").arg(shown);
        return false;
    }
    struct CloseEntry
    {
        unzFile handle;
        ~CloseEntry() { unzCloseCurrentFile(handle); }
    } closeEntry {handle};
    bool cancelled = false;
    const auto result = m_inflater->inflate(
        method, qint64(info.compressed_size), entry.size, entry.crc32,
        [&](char *data, qint64 size) {
            return qint64(unzReadCurrentFile(handle, data,
                                             unsigned(std::min<qint64>(size, 64 * 1024 * 1024))));
        },
        [&](const char *data, qint64 size) {
            if (out.write(data, size) != size) {
                *error = out.errorString();
                return false;
            }
            if (progress && !progress(size)) {
                cancelled = true;
                *error = tr("cancelled");
                return false;
            }
            return true;
        });
    switch (result) {
    case EntryInflater::Result::Ok:
        return true;
    case EntryInflater::Result::Stopped:
        return false;
    case EntryInflater::Result::UnknownMethod:
        *error = tr("the entry %1 uses an unknown compression method (%2)").arg(shown).arg(method);
        return false;
    case EntryInflater::Result::ReadError:
    case EntryInflater::Result::Damaged:
        *error = tr("the entry %1 is damaged (its data cannot be decompressed)").arg(shown);
        return false;
    case EntryInflater::Result::Larger:
        *failure = CopyProblem::Kind::SizeMismatch;
        *error = tr("the entry %1 is larger than the manifest declares").arg(shown);
        return false;
    case EntryInflater::Result::Shorter:
        *failure = CopyProblem::Kind::SizeMismatch;
        *error = tr("the entry %1 is shorter than the manifest declares").arg(shown);
        return false;
    case EntryInflater::Result::CrcMismatch:
        *failure = CopyProblem::Kind::CrcMismatch;
        *error = tr("the entry %1 is damaged (CRC mismatch)").arg(shown);
        return false;
    }
    return false;
}

QList<CopyProblem> CopyReader::verify(const Progress &progress, bool *cancelled, qint64 *files)
{
    if (cancelled)
        *cancelled = false;
    if (files)
        *files = 0;
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
    QList<CopyProblem> dataProblems;
    bool stopped = false;
    QList<CopyProblem> problems = scan(
        [&](const ManifestEntry &entry) {
            QString problem;
            CopyProblem::Kind kind;
            if (files)
                ++*files;
            if (!extractEntry(entry, sink, counting, &problem, &kind)) {
                if (stop)
                    return false;
                if (dataProblems.size() < maxProblemsListed)
                    dataProblems.append({kind, entry.path, problem});
            }
            return true;
        },
        {}, &stopped);
    if (stopped && cancelled)
        *cancelled = true;
    if (!stopped)
        m_structuralProblems = problems;
    return problems + dataProblems;
}

} // namespace Resguarda
