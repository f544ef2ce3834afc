// SPDX-License-Identifier: GPL-3.0-or-later
#include "copy/manifest.h"

#include "copy/zipnames.h"
#include "core/checkedmath.h"
#include "core/filenames.h"
#include "installation/codes.h"
#include "installation/installationid.h"
#include "installation/tablepath.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QtNumeric>

#include <algorithm>

namespace Resguarda {

namespace {

QJsonArray toJsonArray(const QList<int> &values)
{
    QJsonArray array;
    for (int value : values)
        array.append(value);
    return array;
}

QString isoWithOffset(const QDateTime &dateTime)
{
    // Qt writes "Z" for UTC and "+hh:mm" for an explicit offset; local time
    // is turned into an explicit offset so the reader knows the wall clock.
    const QDateTime withOffset = dateTime.toOffsetFromUtc(dateTime.offsetFromUtc());
    return withOffset.toString(Qt::ISODate);
}

QString modeText(int mode)
{
    return QString::number(mode, 8).rightJustified(4, u'0');
}

// The members every named item of format 2 has: its entry name and, when
// that differs from the real path, the real path's bytes. A null realPath
// (an item built in memory with its entry name only) is the entry name.
void insertName(QJsonObject *object, const QString &path, const QString &realPath)
{
    object->insert(u"path", path);
    if (!realPath.isNull() && realPath != path)
        object->insert(u"pathBytes", QString::fromLatin1(FileNames::encode(realPath).toBase64()));
}

void insertMetadata(QJsonObject *object, qint64 modified, int mode)
{
    if (modified >= 0)
        object->insert(u"modified", modified);
    if (mode >= 0)
        object->insert(u"mode", modeText(mode));
}

// Reads path (and pathBytes) of a format 2 item: false when the name is not
// the canonical form of a path or disagrees with the bytes it claims.
bool readName(const QJsonObject &object, int formatVersion, QString *path, QString *realPath)
{
    *path = object.value(u"path").toString();
    if (path->isEmpty())
        return false;
    if (formatVersion < 2) {
        *realPath = *path;
        return !object.contains(u"pathBytes");
    }
    const auto real = ZipNames::toPath(*path);
    if (!real)
        return false;
    *realPath = *real;
    const QJsonValue bytes = object.value(u"pathBytes");
    if (bytes.isUndefined())
        return true;
    return QByteArray::fromBase64(bytes.toString().toLatin1(),
                                  QByteArray::AbortOnBase64DecodingErrors)
        == FileNames::encode(*realPath);
}

// modified and mode of a format 2 item; both optional, both checked.
bool readMetadata(const QJsonObject &object, qint64 *modified, int *mode)
{
    const QJsonValue time = object.value(u"modified");
    if (!time.isUndefined()) {
        if (!time.isDouble())
            return false;
        *modified = time.toInteger(-1);
        if (*modified < 0)
            return false;
    }
    const QJsonValue bits = object.value(u"mode");
    if (!bits.isUndefined()) {
        bool ok = false;
        const QString text = bits.toString();
        *mode = text.toInt(&ok, 8);
        if (!ok || text.size() != 4 || *mode < 0 || *mode > 07777)
            return false;
    }
    return true;
}

// Reads the file and folder lists of a manifest of format 1 (or of a
// development build of format 2), and derives from them what a current
// manifest says directly: the templates and the dated tables by year.
bool readEntryList(const QJsonObject &root, Manifest *manifest, QString *problem)
{
    QSet<QString> seen;
    qint64 entriesBytes = 0;
    const int version = manifest->formatVersion;
    for (const auto &value : root.value(u"entries").toArray()) {
        const auto object = value.toObject();
        ManifestEntry entry;
        const bool named = readName(object, version, &entry.path, &entry.realPath);
        entry.size = object.value(u"size").toInteger(-1);
        bool crcOk = false;
        entry.crc32 = object.value(u"crc32").toString().toUInt(&crcOk, 16);
        // Sizes and their sum are bounded: a sum that wrapped around would
        // make a copy of exabytes pass the free space checks as a small one.
        if (!named || entry.size < 0 || !crcOk || seen.contains(entry.path)
            || (version >= 2 && !readMetadata(object, &entry.modified, &entry.mode))
            || !CheckedMath::add(entriesBytes, entry.size, &entriesBytes)
            || entriesBytes > CheckedMath::maxBytes) {
            *problem = QStringLiteral("entry %1").arg(entry.path);
            return false;
        }
        seen.insert(entry.path);
        manifest->entries.append(entry);
    }
    QSet<QString> seenFolders;
    for (const auto &value : root.value(u"folders").toArray()) {
        const auto object = value.toObject();
        ManifestFolder folder;
        if (version < 2 || !readName(object, version, &folder.path, &folder.realPath)
            || seenFolders.contains(folder.path)
            || !readMetadata(object, &folder.modified, &folder.mode)) {
            *problem = QStringLiteral("folder %1").arg(folder.path);
            return false;
        }
        seenFolders.insert(folder.path);
        manifest->folders.append(folder);
    }
    // The company summaries must agree with the entries: a restore preview
    // built from them must not promise what the copy does not hold.
    QHash<QString, std::pair<qint64, qint64>> totals; // company code -> files, bytes
    const QString companiesPrefix
        = manifest->system.code + u'/' + QStringView(InstallationLayout::companiesDirName) + u'/';
    for (const auto &entry : std::as_const(manifest->entries)) {
        if (!entry.path.startsWith(companiesPrefix))
            continue;
        const QString code = entry.path.mid(companiesPrefix.size()).section(u'/', 0, 0);
        auto &total = totals[code];
        total.first += 1;
        total.second += entry.size;
    }
    QSet<QString> listed;
    for (const auto &company : std::as_const(manifest->companies)) {
        const auto total = totals.value(company.code);
        if (listed.contains(company.code) || total.first != company.files
            || total.second != company.bytes) {
            *problem = QStringLiteral("company %1 totals").arg(company.code);
            return false;
        }
        listed.insert(company.code);
    }
    for (auto it = totals.cbegin(); it != totals.cend(); ++it) {
        if (!listed.contains(it.key())) {
            *problem = QStringLiteral("company %1 not described").arg(it.key());
            return false;
        }
    }
    const QString templatesPrefix
        = InstallationLayout::templatesArchivePrefix(manifest->system.code);
    for (const auto &entry : std::as_const(manifest->entries)) {
        if (entry.path.startsWith(templatesPrefix)) {
            manifest->templateEntries.append(entry);
            continue;
        }
        if (!entry.path.startsWith(companiesPrefix))
            continue;
        const QString rest = entry.path.mid(companiesPrefix.size());
        const QString code = rest.section(u'/', 0, 0);
        const TableClass table = classifyCompanyPath(QStringView(rest).mid(code.size() + 1));
        if (!table.isDated())
            continue;
        for (auto &company : manifest->companies) {
            if (company.code == code)
                company.addDated(table.year, entry.size);
        }
    }
    return true;
}

// Reads what a current manifest says instead of listing files: the dated
// tables of each company by year, and the templates. Every total is bounded
// and must add up: a restore preview is built from them.
bool readSummary(const QJsonObject &root, Manifest *manifest, QString *problem)
{
    QSet<QString> listed;
    const auto companies = root.value(u"companies").toArray();
    for (qsizetype i = 0; i < manifest->companies.size(); ++i) {
        auto &company = manifest->companies[i];
        const auto object = companies.at(i).toObject();
        if (listed.contains(company.code) || company.files < 0 || company.bytes < 0
            || company.bytes > CheckedMath::maxBytes) {
            *problem = QStringLiteral("company %1 totals").arg(company.code);
            return false;
        }
        qint64 files = 0;
        qint64 bytes = 0;
        int previousYear = 0;
        for (const auto &value : object.value(u"dated").toArray()) {
            const auto triple = value.toArray();
            const ManifestYearTotals year {triple.at(0).toInt(), triple.at(1).toInteger(-1),
                                           triple.at(2).toInteger(-1)};
            if (triple.size() != 3 || year.year <= previousYear || year.year > 9999
                || year.files < 0 || year.bytes < 0 || !CheckedMath::add(files, year.files, &files)
                || !CheckedMath::add(bytes, year.bytes, &bytes) || files > company.files
                || bytes > company.bytes) {
                *problem = QStringLiteral("company %1 dated totals").arg(company.code);
                return false;
            }
            previousYear = year.year;
            company.dated.append(year);
        }
        listed.insert(company.code);
    }
    const auto list = root.value(u"templates").toObject().value(u"list").toArray();
    QSet<QString> seen;
    qint64 bytes = 0;
    for (const auto &value : list) {
        const auto object = value.toObject();
        ManifestEntry entry;
        const bool named = readName(object, manifest->formatVersion, &entry.path, &entry.realPath);
        entry.size = object.value(u"size").toInteger(-1);
        if (!named || entry.size < 0 || seen.contains(entry.path)
            || !CheckedMath::add(bytes, entry.size, &bytes) || bytes > CheckedMath::maxBytes) {
            *problem = QStringLiteral("template %1").arg(entry.path);
            return false;
        }
        seen.insert(entry.path);
        manifest->templateEntries.append(entry);
    }
    if (manifest->templateEntries.size() != manifest->templateFiles
        || bytes != manifest->templateBytes) {
        *problem = QStringLiteral("templates totals");
        return false;
    }
    return true;
}

} // namespace

QString ManifestLeftOut::reasonId(Reason reason)
{
    switch (reason) {
    case Reason::Link:
        return QStringLiteral("link");
    case Reason::Special:
        return QStringLiteral("special");
    case Reason::Unreadable:
        return QStringLiteral("unreadable");
    case Reason::Vanished:
        return QStringLiteral("vanished");
    case Reason::Changed:
        return QStringLiteral("changed");
    case Reason::TooLong:
        return QStringLiteral("tooLong");
    case Reason::NotACompany:
        return QStringLiteral("notACompany");
    }
    return QString();
}

std::optional<ManifestLeftOut::Reason> ManifestLeftOut::reasonFromId(QStringView id)
{
    for (const Reason reason : {Reason::Link, Reason::Special, Reason::Unreadable, Reason::Vanished,
                                Reason::Changed, Reason::TooLong, Reason::NotACompany}) {
        if (id == reasonId(reason))
            return reason;
    }
    return std::nullopt;
}

qint64 Manifest::leftOutOfCompany(const QString &code) const
{
    const QString prefix = InstallationLayout::companyArchivePrefix(system.code, code);
    const QString folder = InstallationLayout::companyRelativePath(system.code, code);
    return std::count_if(leftOut.cbegin(), leftOut.cend(), [&](const ManifestLeftOut &item) {
        return item.path == folder || item.path.startsWith(prefix);
    });
}

void ManifestCompany::addDated(int year, qint64 size)
{
    auto it = std::lower_bound(
        dated.begin(), dated.end(), year,
        [](const ManifestYearTotals &totals, int value) { return totals.year < value; });
    if (it == dated.end() || it->year != year)
        it = dated.insert(it, ManifestYearTotals {year, 0, 0});
    it->files += 1;
    it->bytes += size;
}

qint64 ManifestCompany::filesFrom(int archiveFrom) const
{
    qint64 count = files;
    for (const auto &year : dated) {
        if (archiveFrom > 0 && year.year < archiveFrom)
            count -= year.files;
    }
    return count;
}

qint64 ManifestCompany::bytesFrom(int archiveFrom) const
{
    qint64 count = bytes;
    for (const auto &year : dated) {
        if (archiveFrom > 0 && year.year < archiveFrom)
            count -= year.bytes;
    }
    return count;
}

qint64 Manifest::totalFiles() const
{
    qint64 total = templateFiles;
    for (const auto &company : companies)
        total = CheckedMath::saturatingAdd(total, company.files);
    return total;
}

qint64 Manifest::totalBytes() const
{
    // fromJson() bounds every total; a manifest built in memory is summed
    // without wrapping all the same.
    qint64 total = templateBytes;
    for (const auto &company : companies)
        total = CheckedMath::saturatingAdd(total, company.bytes);
    return total;
}

QByteArray Manifest::toJson() const
{
    QJsonObject root;
    root.insert(u"format", QString::fromUtf16(copyFormatId));
    root.insert(u"formatVersion", formatVersion);
    root.insert(u"system", QJsonObject {{u"code"_qs, system.code}, {u"name"_qs, system.name}});
    if (!installationId.isEmpty())
        root.insert(u"installationId", installationId);
    root.insert(u"createdAt", isoWithOffset(createdAt));
    root.insert(u"tool", QJsonObject {{u"name"_qs, u"resguarda"_qs}, {u"version"_qs, toolVersion}});

    QJsonObject opts;
    opts.insert(u"templates", options.templates);
    opts.insert(u"archiveFrom",
                options.archiveFromYear > 0 ? QJsonValue(options.archiveFromYear)
                                            : QJsonValue(QJsonValue::Null));
    opts.insert(u"companies", QJsonArray::fromStringList(options.companies));
    opts.insert(u"allSystems", options.allSystems);
    opts.insert(u"rotation",
                options.rotation.isEmpty() ? QJsonValue(QJsonValue::Null)
                                           : QJsonValue(options.rotation));
    opts.insert(u"extra",
                options.extraLabel.isEmpty() ? QJsonValue(QJsonValue::Null)
                                             : QJsonValue(options.extraLabel));
    root.insert(u"options", opts);

    QJsonArray companyArray;
    for (const auto &company : companies) {
        QJsonObject object {
            {u"code"_qs, company.code},   {u"name"_qs, company.name},
            {u"cnpj"_qs, company.cnpj},   {u"files"_qs, company.files},
            {u"bytes"_qs, company.bytes}, {u"years"_qs, toJsonArray(company.years)}};
        if (company.archiveFromYear != options.archiveFromYear)
            object.insert(u"archiveFrom",
                          company.archiveFromYear > 0 ? QJsonValue(company.archiveFromYear)
                                                      : QJsonValue(QJsonValue::Null));
        if (!listsEntries) {
            QJsonArray dated;
            for (const auto &year : company.dated)
                dated.append(QJsonArray {year.year, year.files, year.bytes});
            object.insert(u"dated", dated);
        }
        companyArray.append(object);
    }
    root.insert(u"companies", companyArray);
    QJsonObject templates {{u"files"_qs, templateFiles}, {u"bytes"_qs, templateBytes}};
    if (!listsEntries) {
        QJsonArray list;
        for (const auto &entry : templateEntries) {
            QJsonObject object {{u"size"_qs, entry.size}};
            insertName(&object, entry.path, entry.realPath);
            list.append(object);
        }
        templates.insert(u"list", list);
    }
    root.insert(u"templates", templates);
    QJsonArray leftOutArray;
    for (const auto &item : leftOut) {
        QJsonObject object {{u"reason"_qs, ManifestLeftOut::reasonId(item.reason)}};
        insertName(&object, item.path, item.realPath);
        leftOutArray.append(object);
    }
    root.insert(u"leftOut", leftOutArray);
    if (!listsEntries)
        return QJsonDocument(root).toJson(QJsonDocument::Compact);

    QJsonArray entryArray;
    for (const auto &entry : entries) {
        QJsonObject object {
            {u"size"_qs, entry.size},
            {u"crc32"_qs, QString::number(entry.crc32, 16).rightJustified(8, u'0')}};
        insertName(&object, entry.path, entry.realPath);
        insertMetadata(&object, entry.modified, entry.mode);
        entryArray.append(object);
    }
    root.insert(u"entries", entryArray);
    QJsonArray folderArray;
    for (const auto &folder : folders) {
        QJsonObject object;
        insertName(&object, folder.path, folder.realPath);
        insertMetadata(&object, folder.modified, folder.mode);
        folderArray.append(object);
    }
    root.insert(u"folders", folderArray);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Manifest::ParseResult Manifest::fromJson(const QByteArray &json, Manifest *out, QString *problem)
{
    QJsonParseError parseError;
    const auto document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *problem = parseError.errorString();
        return ParseResult::NotAManifest;
    }
    const QJsonObject root = document.object();
    if (root.value(u"format").toString() != QStringView(copyFormatId)) {
        *problem = QStringLiteral("format id");
        return ParseResult::NotAManifest;
    }
    Manifest manifest;
    manifest.formatVersion = root.value(u"formatVersion").toInt();
    if (manifest.formatVersion > currentFormatVersion) {
        *problem = QString::number(manifest.formatVersion);
        return ParseResult::NewerFormat;
    }
    if (manifest.formatVersion < 1) {
        *problem = QStringLiteral("formatVersion");
        return ParseResult::NotAManifest;
    }
    const auto system = root.value(u"system").toObject();
    manifest.system = {system.value(u"code").toString(), system.value(u"name").toString()};
    // Only an id of the canonical form: anything else says nothing about
    // whose copy it is, but the copy's data is still restorable.
    const QString installationId = root.value(u"installationId").toString();
    if (InstallationId::isValid(installationId))
        manifest.installationId = installationId;
    manifest.createdAt = QDateTime::fromString(root.value(u"createdAt").toString(), Qt::ISODate);
    manifest.toolVersion = root.value(u"tool").toObject().value(u"version").toString();

    const auto opts = root.value(u"options").toObject();
    manifest.options.templates = opts.value(u"templates").toBool();
    manifest.options.archiveFromYear = opts.value(u"archiveFrom").toInt();
    for (const auto &code : opts.value(u"companies").toArray())
        manifest.options.companies.append(code.toString());
    manifest.options.allSystems = opts.value(u"allSystems").toBool();
    manifest.options.rotation = opts.value(u"rotation").toString();
    manifest.options.extraLabel = opts.value(u"extra").toString();

    for (const auto &value : root.value(u"companies").toArray()) {
        const auto object = value.toObject();
        ManifestCompany company;
        company.code = object.value(u"code").toString();
        company.name = object.value(u"name").toString();
        company.cnpj = object.value(u"cnpj").toString();
        company.files = object.value(u"files").toInteger();
        company.bytes = object.value(u"bytes").toInteger();
        for (const auto &year : object.value(u"years").toArray())
            company.years.append(year.toInt());
        company.archiveFromYear = object.contains(u"archiveFrom")
            ? object.value(u"archiveFrom").toInt()
            : manifest.options.archiveFromYear;
        manifest.companies.append(company);
    }
    const auto templates = root.value(u"templates").toObject();
    manifest.templateFiles = templates.value(u"files").toInteger();
    manifest.templateBytes = templates.value(u"bytes").toInteger();
    if (manifest.templateFiles < 0 || manifest.templateBytes < 0
        || manifest.templateBytes > CheckedMath::maxBytes) {
        *problem = QStringLiteral("templates totals");
        return ParseResult::NotAManifest;
    }

    const int version = manifest.formatVersion;
    manifest.listsEntries = version < 2 || root.contains(u"entries");
    if (manifest.listsEntries) {
        if (!readEntryList(root, &manifest, problem))
            return ParseResult::NotAManifest;
    } else if (!readSummary(root, &manifest, problem)) {
        return ParseResult::NotAManifest;
    }
    for (const auto &value : root.value(u"leftOut").toArray()) {
        const auto object = value.toObject();
        ManifestLeftOut item;
        const auto reason = ManifestLeftOut::reasonFromId(object.value(u"reason").toString());
        if (version < 2 || !reason || !readName(object, version, &item.path, &item.realPath)) {
            *problem = QStringLiteral("left-out item %1").arg(item.path);
            return ParseResult::NotAManifest;
        }
        item.reason = *reason;
        manifest.leftOut.append(item);
    }
    // Codes become folder names and journal steps: one rule for the
    // installation and for every copy (installation/codes.h).
    if (!Codes::isValidSystemCode(manifest.system.code)) {
        *problem = QStringLiteral("system code");
        return ParseResult::NotAManifest;
    }
    for (const auto &company : std::as_const(manifest.companies)) {
        if (!Codes::isValidCompanyCode(company.code)) {
            *problem = QStringLiteral("company code");
            return ParseResult::NotAManifest;
        }
    }
    *out = std::move(manifest);
    return ParseResult::Ok;
}

} // namespace Resguarda
