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

// The modification time of an entry's extended timestamp field (0x5455),
// or -1. The fields are walked within their declared bounds only.
qint64 extendedTimestamp(const char *extra, qint64 size)
{
    qint64 pos = 0;
    while (pos + 4 <= size) {
        const quint16 id = qFromLittleEndian<quint16>(extra + pos);
        const quint16 length = qFromLittleEndian<quint16>(extra + pos + 2);
        if (pos + 4 + length > size)
            break;
        if (id == 0x5455 && length >= 5 && (quint8(extra[pos + 4]) & 1))
            return qFromLittleEndian<quint32>(extra + pos + 5);
        pos += 4 + length;
    }
    return -1;
}

// A structural problem list stays readable and small whatever a hostile
// copy holds: past this many, only the count grows.
constexpr qsizetype maxProblemsListed = 1000;

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

QList<CopyProblem> CopyReader::scan(const FileVisitor &onFile, const FolderVisitor &onFolder,
                                    bool *stopped)
{
    if (stopped)
        *stopped = false;
    QList<CopyProblem> problems;
    qint64 unlisted = 0;
    auto add = [&](CopyProblem::Kind kind, const QString &entry, const QString &message) {
        if (problems.size() < maxProblemsListed)
            problems.append({kind, entry, message});
        else
            ++unlisted;
    };
    const QString manifestName = QString::fromUtf16(manifestEntryName);
    const QString system = m_manifest.system.code;
    const QString companiesPrefix
        = system + u'/' + QStringView(InstallationLayout::companiesDirName) + u'/';
    const QString templatesPrefix = InstallationLayout::templatesArchivePrefix(system);
    const bool listed = m_manifest.listsEntries;

    // A manifest of format 1 lists every entry: the ZIP is checked against
    // that list (held in memory with the manifest).
    QHash<QString, const ManifestEntry *> declared;
    QSet<QString> declaredFolders;
    QSet<QString> seen;
    if (listed) {
        for (const auto &entry : m_manifest.entries)
            declared.insert(entry.path, &entry);
        for (const auto &folder : m_manifest.folders)
            declaredFolders.insert(folder.path);
        for (const auto &entry : m_manifest.entries) {
            if (!isSafeEntryName(entry.path, system))
                add(CopyProblem::Kind::UnsafeName, entry.path,
                    tr("The manifest names an entry outside the system's companies and "
                       "templates: %1")
                        .arg(DisplayText::displaySafe(entry.path)));
        }
        for (const auto &folder : m_manifest.folders) {
            if (!isSafeFolderName(folder.path, system))
                add(CopyProblem::Kind::UnsafeName, folder.path,
                    tr("The manifest names a folder outside the system's companies and "
                       "templates: %1")
                        .arg(DisplayText::displaySafe(folder.path)));
        }
    }
    // Otherwise the central directory is the list: file entries come in
    // strictly increasing order of their paths (so a name given twice is
    // seen at once, without remembering every name), inside companies the
    // manifest describes, adding up to its totals.
    struct Totals
    {
        qint64 files = 0;
        qint64 bytes = 0;
        QMap<int, std::pair<qint64, qint64>> dated;
    };
    QHash<QString, Totals> companyTotals;
    for (const auto &company : m_manifest.companies)
        companyTotals.insert(company.code, {});
    Totals templateTotals;
    QString previous;

    unzFile handle = m_zip->getUnzFile();
    // A ZIP name or extra field is at most 65535 bytes (a 16-bit length).
    QByteArray nameBuffer(0x10000, Qt::Uninitialized);
    QByteArray extraBuffer(0x10000, Qt::Uninitialized);
    quint64 index = 0;
    int status = unzGoToFirstFile(handle);
    for (; status == UNZ_OK; status = unzGoToNextFile(handle), ++index) {
        unz_file_info64 info {};
        unz64_file_pos position {};
        if (unzGetCurrentFileInfo64(handle, &info, nameBuffer.data(), uLong(nameBuffer.size()),
                                    extraBuffer.data(), uLong(extraBuffer.size()), nullptr, 0)
                != UNZ_OK
            || unzGetFilePos64(handle, &position) != UNZ_OK) {
            status = UNZ_ERRNO;
            break;
        }
        const QByteArrayView bytes(nameBuffer.constData(), qsizetype(info.size_filename));
        const bool ascii
            = std::all_of(bytes.begin(), bytes.end(), [](char c) { return quint8(c) < 0x80; });
        // Names are UTF-8 (flagged as such) or plain ASCII: anything else
        // is not from Resguarda, and would be read differently by every tool.
        const bool validName
            = ascii || ((info.flag & zipFlagUtf8) && FileNames::isValidUtf8(bytes));
        const QString name = validName ? QString::fromUtf8(bytes) : FileNames::decode(bytes);
        const QString shown = DisplayText::displaySafe(name);
        if (!validName) {
            add(CopyProblem::Kind::InvalidNameEncoding, name,
                tr("The entry name %1 is not valid UTF-8.").arg(shown));
            continue;
        }
        if (name == manifestName) {
            if (position.pos_in_zip_directory != m_manifestRecord)
                add(CopyProblem::Kind::DuplicateName, name,
                    tr("The entry %1 appears more than once.").arg(shown));
            continue;
        }
        if (listed) {
            if (seen.contains(name)) {
                add(CopyProblem::Kind::DuplicateName, name,
                    tr("The entry %1 appears more than once.").arg(shown));
                continue;
            }
            seen.insert(name);
        }
        if (info.flag & zipFlagEncrypted) {
            add(CopyProblem::Kind::Encrypted, name, tr("The entry %1 is encrypted.").arg(shown));
            continue;
        }
        const quint16 madeBy = quint16(info.version);
        const quint32 attributes = quint32(info.external_fa);
        const qint64 modified = extendedTimestamp(extraBuffer.constData(), info.size_file_extra);
        const int mode = (madeBy >> 8) == hostUnix ? int((attributes >> 16) & 07777) : -1;
        if (name.endsWith(u'/')) {
            const QString folder = name.chopped(1);
            const bool sound = isDirectoryEntry(madeBy, attributes) && info.uncompressed_size == 0
                && isSafeFolderName(folder, system);
            if (sound && listed && declaredFolders.contains(folder))
                continue; // a folder the manifest lists, made again by unzip
            const auto realPath = sound && !listed ? ZipNames::toPath(folder) : std::nullopt;
            if (!realPath) {
                add(CopyProblem::Kind::NotRegularFile, name,
                    tr("The entry %1 is not a regular file (a folder, link or device).")
                        .arg(shown));
                continue;
            }
            const QString code = folder.mid(companiesPrefix.size()).section(u'/', 0, 0);
            if (folder.startsWith(companiesPrefix) && !companyTotals.contains(code)) {
                add(CopyProblem::Kind::ExtraEntry, name,
                    tr("The entry %1 belongs to a company the manifest does not describe.")
                        .arg(shown));
                continue;
            }
            if (onFolder)
                onFolder({folder, modified, mode, *realPath});
            continue;
        }
        if (!isRegularFileEntry(name, madeBy, attributes)) {
            add(CopyProblem::Kind::NotRegularFile, name,
                tr("The entry %1 is not a regular file (a folder, link or device).").arg(shown));
            continue;
        }
        if (!isSafeEntryName(name, system)) {
            add(CopyProblem::Kind::UnsafeName, name,
                tr("The entry %1 points outside the system's companies and templates.").arg(shown));
            continue;
        }
        ManifestEntry entry;
        if (listed) {
            const ManifestEntry *declaredEntry = declared.value(name);
            if (!declaredEntry) {
                add(CopyProblem::Kind::ExtraEntry, name,
                    tr("The entry %1 is not listed in the manifest.").arg(shown));
                continue;
            }
            if (qint64(info.uncompressed_size) != declaredEntry->size
                || quint32(info.crc) != declaredEntry->crc32) {
                add(CopyProblem::Kind::SizeMismatch, name,
                    tr("The entry %1 differs from the manifest (size or CRC).").arg(shown));
                continue;
            }
            entry = *declaredEntry;
        } else {
            const auto realPath = ZipNames::toPath(name);
            if (!realPath) {
                add(CopyProblem::Kind::InvalidNameEncoding, name,
                    tr("The entry name %1 is not written the way Resguarda writes names.")
                        .arg(shown));
                continue;
            }
            if (!previous.isNull() && !(previous < *realPath)) {
                if (previous == *realPath)
                    add(CopyProblem::Kind::DuplicateName, name,
                        tr("The entry %1 appears more than once.").arg(shown));
                else
                    add(CopyProblem::Kind::OutOfOrder, name,
                        tr("The entry %1 is out of place in the copy's order (the copy was "
                           "altered).")
                            .arg(shown));
                continue;
            }
            previous = *realPath;
            if (info.uncompressed_size > quint64(CheckedMath::maxBytes)) {
                add(CopyProblem::Kind::SizeMismatch, name,
                    tr("The entry %1 declares an impossible size.").arg(shown));
                continue;
            }
            entry = {name,     qint64(info.uncompressed_size), quint32(info.crc), modified, mode,
                     *realPath};
            Totals *totals = nullptr;
            if (name.startsWith(templatesPrefix)) {
                totals = &templateTotals;
            } else {
                const QString rest = name.mid(companiesPrefix.size());
                const QString code = rest.section(u'/', 0, 0);
                const auto company = companyTotals.find(code);
                if (company == companyTotals.end()) {
                    add(CopyProblem::Kind::ExtraEntry, name,
                        tr("The entry %1 belongs to a company the manifest does not describe.")
                            .arg(shown));
                    continue;
                }
                totals = &company.value();
                const TableClass table
                    = classifyCompanyPath(QStringView(rest).mid(code.size() + 1));
                if (table.isDated()) {
                    auto &year = totals->dated[table.year];
                    year.first += 1;
                    year.second += entry.size;
                }
            }
            totals->files += 1;
            totals->bytes = CheckedMath::saturatingAdd(totals->bytes, entry.size);
        }
        entry.directoryOffset = position.pos_in_zip_directory;
        entry.directoryIndex = position.num_of_file;
        if (onFile) {
            m_moved = false;
            const bool goOn = onFile(entry);
            // The visitor may have read an entry: stand on this one again.
            if (m_moved && unzGoToFilePos64(handle, &position) != UNZ_OK) {
                status = UNZ_ERRNO;
                break;
            }
            if (!goOn) {
                if (stopped)
                    *stopped = true;
                return problems;
            }
        }
    }
    if (status != UNZ_END_OF_LIST_OF_FILE) {
        add(CopyProblem::Kind::Truncated, QString(),
            tr("The copy's list of files cannot be read to its end (the copy is damaged)."));
        return problems;
    }

    if (listed) {
        for (const auto &entry : m_manifest.entries) {
            if (!seen.contains(entry.path))
                add(CopyProblem::Kind::MissingEntry, entry.path,
                    tr("The entry %1 is missing.").arg(DisplayText::displaySafe(entry.path)));
        }
        if (onFolder) {
            for (const auto &folder : m_manifest.folders)
                onFolder(folder);
        }
    } else {
        auto compare = [&](const QString &what, const Totals &found, qint64 files, qint64 bytes,
                           const QList<ManifestYearTotals> *dated) {
            bool agrees = found.files == files && found.bytes == bytes;
            if (dated) {
                agrees = agrees && found.dated.size() == dated->size();
                for (const auto &year : *dated) {
                    const auto counted = found.dated.value(year.year);
                    agrees = agrees && counted.first == year.files && counted.second == year.bytes;
                }
            }
            if (agrees)
                return;
            const QString shown = DisplayText::displaySafe(what);
            if (found.files != files)
                add(found.files < files ? CopyProblem::Kind::MissingEntry
                                        : CopyProblem::Kind::ExtraEntry,
                    what,
                    tr("The copy holds %n file(s) of %1, and its manifest says %2 (files are "
                       "missing or were added).",
                       nullptr, int(std::min<qint64>(found.files, INT_MAX)))
                        .arg(shown, QLocale().toString(files)));
            else
                add(CopyProblem::Kind::SizeMismatch, what,
                    tr("The files of %1 in the copy differ in size from what its manifest "
                       "says.")
                        .arg(shown));
        };
        for (const auto &company : m_manifest.companies)
            compare(InstallationLayout::companyRelativePath(system, company.code),
                    companyTotals.value(company.code), company.files, company.bytes,
                    &company.dated);
        compare(InstallationLayout::templatesRelativePath(system), templateTotals,
                m_manifest.templateFiles, m_manifest.templateBytes, nullptr);
    }
    if (unlisted > 0)
        problems.append(
            {CopyProblem::Kind::ReadError, QString(),
             tr("… and %n more problem(s).", nullptr, int(std::min<qint64>(unlisted, INT_MAX)))});
    return problems;
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
