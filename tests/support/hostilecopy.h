// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "copy/manifest.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

// Crafted copies for the tests that prove a reader refuses what it must: real
// ZIP files written entry by entry through minizip (bundled with QuaZip), so
// that every field a hostile or damaged copy may bend can be bent.
namespace TestSupport {

// One entry of a crafted ZIP, as its headers will describe it.
struct HostileEntry
{
    // "Version made by": the host in the high byte, ZIP 6.3 in the low one.
    static constexpr quint16 madeByUnix = (3u << 8) | 63u;
    static constexpr quint16 madeByMsDos = 63u;
    // Unix mode in the upper 16 bits of the external attributes.
    static constexpr quint32 regularFileAttributes = 0100644u << 16;
    static constexpr quint32 symlinkAttributes = 0120777u << 16;
    static constexpr quint32 directoryAttributes = (040755u << 16) | 0x10u;
    static constexpr quint32 fifoAttributes = 0010644u << 16;
    static constexpr quint32 deviceAttributes = 0020644u << 16;
    static constexpr quint32 msDosDirectoryAttribute = 0x10u;

    QByteArray rawName; // exactly the bytes written as the name
    QByteArray data; // the uncompressed content
    bool deflated = true; // method 8; otherwise stored (method 0)
    bool utf8Flag = true; // general purpose bit 11 (0x800): the name is UTF-8
    QByteArray password; // non-empty: traditional PKWARE encryption
    quint16 versionMadeBy = madeByUnix;
    quint32 externalAttributes = regularFileAttributes;
    // What the local and central headers declare instead of the truth: a
    // lying entry (its data inflates to more or less than it claims).
    std::optional<qint64> declaredSize;
    std::optional<quint32> declaredCrc;

    // A regular file with a UTF-8 name.
    static HostileEntry file(const QString &name, const QByteArray &data, bool deflated = true);

    qint64 headerSize() const { return declaredSize.value_or(data.size()); }
    quint32 headerCrc() const;
};

// Where one entry lies in a ZIP file, read from its central directory and
// local header: the offsets tests use to damage exactly that entry's data.
struct EntryLocation
{
    QByteArray rawName;
    int method = 0;
    qint64 localHeaderOffset = 0;
    qint64 centralHeaderOffset = 0;
    qint64 dataOffset = 0;
    qint64 compressedSize = 0;
};

// Builds a crafted copy of one system: ZIP entries and manifest lines are
// separate, so that each may disagree with the other. The manifest is written
// through Resguarda::Manifest, the one definition of the format.
class HostileCopy
{
public:
    explicit HostileCopy(const QString &systemCode = QStringLiteral("AT"),
                         const QString &systemName = QStringLiteral("Ativo Imobilizado"));

    // A regular entry, listed in the manifest with its true size and CRC.
    HostileCopy &addFile(const QString &name, const QByteArray &data, bool deflated = true);
    // An entry written to the ZIP only (declare() it to list it as well).
    // The same name may be added any number of times.
    HostileCopy &addEntry(const HostileEntry &entry);
    // A manifest line only.
    HostileCopy &declare(const QString &path, qint64 size, quint32 crc32);
    // A manifest line with the true size and CRC of entry's data.
    HostileCopy &declare(const HostileEntry &entry);

    // Ways for the manifest to lie about what the ZIP holds. Each returns
    // false when path is not declared.
    bool setDeclaredSize(const QString &path, qint64 size);
    bool setDeclaredCrc(const QString &path, quint32 crc32);
    bool undeclare(const QString &path);

    // The formatVersion written into the manifest's JSON (edited after
    // Manifest::toJson(), so any number can be written).
    void setManifestFormatVersion(int version) { m_formatVersion = version; }
    // Replaces the manifest's content with exactly these bytes.
    void setManifestJson(const QByteArray &json) { m_manifestOverride = json; }
    // A manifest that lists every entry, as format 1 did (the default, so
    // that each line can lie), or a current summary whose totals are those
    // of the declared lines.
    void setListsEntries(bool lists) { m_listsEntries = lists; }
    // Without a manifest the file is a plain ZIP.
    void setWritesManifest(bool writes) { m_writesManifest = writes; }

    const Resguarda::Manifest &manifest() const { return m_manifest; }
    QByteArray manifestJson() const;

    // Writes the ZIP (the manifest first, then the entries in the order they
    // were added). error receives the reason when it returns false.
    bool write(const QString &path, QString *error) const;

    static quint32 crc32(const QByteArray &data);
    // Raw deflate (no zlib header), as a ZIP entry of method 8 holds it.
    static QByteArray deflateRaw(const QByteArray &data);
    // What a raw deflate stream decodes to, independently of the code under
    // test; complete is set when the stream ends exactly at the end of data.
    static QByteArray inflateRaw(const QByteArray &data, bool *complete);
    // The entries of a (classic, non-zip64) ZIP file, in central directory
    // order; empty with error set when the file cannot be parsed.
    static QList<EntryLocation> locateEntries(const QString &zipPath, QString *error);

private:
    Resguarda::Manifest m_manifest;
    QList<HostileEntry> m_entries;
    std::optional<int> m_formatVersion;
    std::optional<QByteArray> m_manifestOverride;
    bool m_writesManifest = true;
    bool m_listsEntries = true;
};

} // namespace TestSupport
