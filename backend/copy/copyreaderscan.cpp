// SPDX-License-Identifier: GPL-3.0-or-later
// CopyReader::scan: one pass over the central directory, checking every
// entry's name, kind, order and company against the manifest without holding
// anything per file (docs/copy-format.md).
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

} // namespace

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

} // namespace Resguarda
