// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/hostilecopy.h"
#include "installation/tablepath.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

#include <quazip/quazip.h>
#include <quazip/zip.h>

#include <zlib.h>

namespace TestSupport {

namespace {

using Resguarda::Manifest;
using Resguarda::ManifestCompany;
using Resguarda::ManifestEntry;

constexpr quint32 localHeaderSignature = 0x04034b50;
constexpr quint32 centralHeaderSignature = 0x02014b50;
constexpr quint32 endOfCentralDirectorySignature = 0x06054b50;
constexpr qint64 localHeaderFixedSize = 30;
constexpr qint64 centralHeaderFixedSize = 46;
constexpr qint64 endOfCentralDirectorySize = 22;

// Little-endian fields of a ZIP file held in memory; false when out of range.
bool readLe(const QByteArray &bytes, qint64 offset, int width, quint32 *value)
{
    if (offset < 0 || offset + width > bytes.size())
        return false;
    *value = 0;
    for (int i = width - 1; i >= 0; --i)
        *value = (*value << 8) | quint8(bytes[offset + i]);
    return true;
}

bool writeEntry(zipFile handle, const HostileEntry &entry, QString *error)
{
    const QByteArray payload = entry.deflated ? HostileCopy::deflateRaw(entry.data) : entry.data;
    zip_fileinfo info {};
    // A fixed date keeps crafted files byte-identical from run to run.
    info.tmz_date.tm_year = 2025;
    info.tmz_date.tm_mon = 2;
    info.tmz_date.tm_mday = 1;
    info.tmz_date.tm_hour = 10;
    info.external_fa = entry.externalAttributes;
    const int method = entry.deflated ? Z_DEFLATED : 0;
    const int level = entry.deflated ? Z_DEFAULT_COMPRESSION : 0;
    const char *password = entry.password.isEmpty() ? nullptr : entry.password.constData();
    const uLong flagBase = entry.utf8Flag ? ZIP_ENCODING_UTF8 : 0;
    // Raw mode: the payload is written as it is and the sizes and CRC in the
    // headers are whatever zipCloseFileInZipRaw64 is told, true or not.
    if (zipOpenNewFileInZip4_64(handle, entry.rawName.constData(), &info, nullptr, 0, nullptr, 0,
                                nullptr, method, level, 1, -MAX_WBITS, DEF_MEM_LEVEL,
                                Z_DEFAULT_STRATEGY, password, uLong(HostileCopy::crc32(entry.data)),
                                entry.versionMadeBy, flagBase, 0)
        != ZIP_OK) {
        *error = QStringLiteral("cannot open the entry %1").arg(QString::fromLatin1(entry.rawName));
        return false;
    }
    if (!payload.isEmpty()
        && zipWriteInFileInZip(handle, payload.constData(), unsigned(payload.size())) != ZIP_OK) {
        *error
            = QStringLiteral("cannot write the entry %1").arg(QString::fromLatin1(entry.rawName));
        return false;
    }
    if (zipCloseFileInZipRaw64(handle, ZPOS64_T(entry.headerSize()), uLong(entry.headerCrc()))
        != ZIP_OK) {
        *error
            = QStringLiteral("cannot close the entry %1").arg(QString::fromLatin1(entry.rawName));
        return false;
    }
    return true;
}

} // namespace

HostileEntry HostileEntry::file(const QString &name, const QByteArray &data, bool deflated)
{
    HostileEntry entry;
    entry.rawName = name.toUtf8();
    entry.data = data;
    entry.deflated = deflated;
    return entry;
}

quint32 HostileEntry::headerCrc() const
{
    return declaredCrc.value_or(HostileCopy::crc32(data));
}

HostileCopy::HostileCopy(const QString &systemCode, const QString &systemName)
{
    m_manifest.system = {systemCode, systemName};
    m_manifest.createdAt = QDateTime(QDate(2025, 3, 1), QTime(10, 0), Qt::OffsetFromUTC, -3 * 3600);
    m_manifest.toolVersion = QStringLiteral("hostile-test");
    m_manifest.options.templates = true;
}

HostileCopy &HostileCopy::addFile(const QString &name, const QByteArray &data, bool deflated)
{
    const HostileEntry entry = HostileEntry::file(name, data, deflated);
    addEntry(entry);
    return declare(entry);
}

HostileCopy &HostileCopy::addEntry(const HostileEntry &entry)
{
    m_entries.append(entry);
    return *this;
}

HostileCopy &HostileCopy::declare(const QString &path, qint64 size, quint32 crc32)
{
    m_manifest.entries.append({path, size, crc32});
    return *this;
}

HostileCopy &HostileCopy::declare(const HostileEntry &entry)
{
    return declare(QString::fromUtf8(entry.rawName), entry.data.size(), crc32(entry.data));
}

bool HostileCopy::setDeclaredSize(const QString &path, qint64 size)
{
    for (auto &entry : m_manifest.entries) {
        if (entry.path == path) {
            entry.size = size;
            return true;
        }
    }
    return false;
}

bool HostileCopy::setDeclaredCrc(const QString &path, quint32 crc32)
{
    for (auto &entry : m_manifest.entries) {
        if (entry.path == path) {
            entry.crc32 = crc32;
            return true;
        }
    }
    return false;
}

bool HostileCopy::undeclare(const QString &path)
{
    return m_manifest.entries.removeIf([&](const ManifestEntry &entry) {
        return entry.path == path;
    }) > 0;
}

QByteArray HostileCopy::manifestJson() const
{
    if (m_manifestOverride)
        return *m_manifestOverride;
    // Company and template totals agree with the lines, as in a real copy.
    Manifest manifest = m_manifest;
    manifest.listsEntries = m_listsEntries;
    const QString companiesPrefix = manifest.system.code + u'/'
        + QString::fromUtf16(Resguarda::InstallationLayout::companiesDirName) + u'/';
    const QString templatesPrefix = manifest.system.code + u'/'
        + QString::fromUtf16(Resguarda::InstallationLayout::templatesDirName) + u'/';
    QMap<QString, ManifestCompany> companies;
    for (const auto &entry : manifest.entries) {
        if (entry.path.startsWith(companiesPrefix)) {
            const QString code = entry.path.mid(companiesPrefix.size()).section(u'/', 0, 0);
            ManifestCompany &company = companies[code];
            company.code = code;
            company.name = QStringLiteral("Empresa %1").arg(code);
            company.files += 1;
            // Hostile sizes may wrap around on purpose: in unsigned
            // arithmetic, where that is defined.
            company.bytes = qint64(quint64(company.bytes) + quint64(entry.size));
            const auto table = Resguarda::classifyCompanyPath(
                QStringView(entry.path).mid(companiesPrefix.size() + code.size() + 1));
            if (table.isDated())
                company.addDated(table.year, entry.size);
        } else if (entry.path.startsWith(templatesPrefix)) {
            manifest.templateEntries.append(entry);
            manifest.templateFiles += 1;
            manifest.templateBytes = qint64(quint64(manifest.templateBytes) + quint64(entry.size));
        }
    }
    manifest.companies = companies.values();
    QByteArray json = manifest.toJson();
    if (m_formatVersion) {
        QJsonObject root = QJsonDocument::fromJson(json).object();
        root.insert(u"formatVersion", *m_formatVersion);
        json = QJsonDocument(root).toJson(QJsonDocument::Indented);
    }
    return json;
}

bool HostileCopy::write(const QString &path, QString *error) const
{
    QFile::remove(path);
    QuaZip zip(path);
    // No setUtf8Enabled(): the UTF-8 flag is chosen entry by entry.
    if (!zip.open(QuaZip::mdCreate)) {
        *error = QStringLiteral("cannot create %1 (ZIP error %2)").arg(path).arg(zip.getZipError());
        return false;
    }
    QList<HostileEntry> entries;
    if (m_writesManifest)
        entries.append(
            HostileEntry::file(QString::fromUtf16(Resguarda::manifestEntryName), manifestJson()));
    entries += m_entries;
    for (const auto &entry : entries) {
        if (!writeEntry(zip.getZipFile(), entry, error)) {
            zip.close();
            return false;
        }
    }
    zip.close();
    if (zip.getZipError() != ZIP_OK) {
        *error = QStringLiteral("cannot finish %1 (ZIP error %2)").arg(path).arg(zip.getZipError());
        return false;
    }
    return true;
}

quint32 HostileCopy::crc32(const QByteArray &data)
{
    return quint32(::crc32(::crc32(0L, nullptr, 0),
                           reinterpret_cast<const Bytef *>(data.constData()), uInt(data.size())));
}

QByteArray HostileCopy::deflateRaw(const QByteArray &data)
{
    z_stream stream {};
    if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, DEF_MEM_LEVEL,
                     Z_DEFAULT_STRATEGY)
        != Z_OK)
        qFatal("deflateInit2 failed");
    QByteArray out(qsizetype(deflateBound(&stream, uLong(data.size()))), Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    const int result = deflate(&stream, Z_FINISH);
    out.resize(qsizetype(stream.total_out));
    deflateEnd(&stream);
    if (result != Z_STREAM_END)
        qFatal("deflate did not finish");
    return out;
}

QByteArray HostileCopy::inflateRaw(const QByteArray &data, bool *complete)
{
    *complete = false;
    z_stream stream {};
    if (inflateInit2(&stream, -MAX_WBITS) != Z_OK)
        qFatal("inflateInit2 failed");
    QByteArray out;
    QByteArray chunk(64 * 1024, Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    int result = Z_OK;
    do {
        stream.next_out = reinterpret_cast<Bytef *>(chunk.data());
        stream.avail_out = uInt(chunk.size());
        result = inflate(&stream, Z_NO_FLUSH);
        out.append(chunk.constData(), chunk.size() - qsizetype(stream.avail_out));
    } while (result == Z_OK && (stream.avail_in > 0 || stream.avail_out == 0));
    *complete = result == Z_STREAM_END && stream.avail_in == 0;
    inflateEnd(&stream);
    return out;
}

QList<EntryLocation> HostileCopy::locateEntries(const QString &zipPath, QString *error)
{
    QFile file(zipPath);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    // Test copies are a few MB: reading them whole keeps the parser simple.
    const QByteArray bytes = file.readAll();
    qint64 end = -1;
    for (qint64 pos = bytes.size() - endOfCentralDirectorySize; pos >= 0; --pos) {
        quint32 signature = 0;
        if (readLe(bytes, pos, 4, &signature) && signature == endOfCentralDirectorySignature) {
            end = pos;
            break;
        }
    }
    quint32 count = 0;
    quint32 centralOffset = 0;
    if (end < 0 || !readLe(bytes, end + 10, 2, &count)
        || !readLe(bytes, end + 16, 4, &centralOffset) || count == 0xffff
        || centralOffset == 0xffffffff) {
        *error = QStringLiteral("no classic end of central directory in %1").arg(zipPath);
        return {};
    }
    QList<EntryLocation> result;
    qint64 pos = centralOffset;
    for (quint32 i = 0; i < count; ++i) {
        quint32 signature = 0, method = 0, compressed = 0, nameLength = 0, extraLength = 0,
                commentLength = 0, localOffset = 0, localSignature = 0, localNameLength = 0,
                localExtraLength = 0;
        if (!readLe(bytes, pos, 4, &signature) || signature != centralHeaderSignature
            || !readLe(bytes, pos + 10, 2, &method) || !readLe(bytes, pos + 20, 4, &compressed)
            || !readLe(bytes, pos + 28, 2, &nameLength) || !readLe(bytes, pos + 30, 2, &extraLength)
            || !readLe(bytes, pos + 32, 2, &commentLength)
            || !readLe(bytes, pos + 42, 4, &localOffset)
            || !readLe(bytes, localOffset, 4, &localSignature)
            || localSignature != localHeaderSignature
            || !readLe(bytes, localOffset + 26, 2, &localNameLength)
            || !readLe(bytes, localOffset + 28, 2, &localExtraLength)) {
            *error = QStringLiteral("central directory entry %1 of %2 cannot be parsed")
                         .arg(i)
                         .arg(zipPath);
            return {};
        }
        EntryLocation location;
        location.rawName = bytes.mid(pos + centralHeaderFixedSize, nameLength);
        location.method = int(method);
        location.centralHeaderOffset = pos;
        location.localHeaderOffset = localOffset;
        location.dataOffset
            = localOffset + localHeaderFixedSize + localNameLength + localExtraLength;
        location.compressedSize = compressed;
        result.append(location);
        pos += centralHeaderFixedSize + nameLength + extraLength + commentLength;
    }
    return result;
}

} // namespace TestSupport
