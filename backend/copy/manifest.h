// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "installation/installation.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Resguarda {

// The manifest of a copy (docs/copy-format.md): what the copy claims to hold.
// A copy whose entries differ in any way from its manifest is damaged.
//
// One file of a copy. Entry names are the ZIP form of a path
// (copy/zipnames.h): realPath is the path below the installation root it
// stands for, byte for byte (a FileNames-decoded string). In format 1 the two
// are always the same.
struct ManifestEntry
{
    QString path; // the ZIP entry name
    qint64 size = 0;
    quint32 crc32 = 0;
    qint64 modified = -1; // seconds since the epoch; -1: not recorded (format 1)
    int mode = -1; // permission bits (07777); -1: not recorded (format 1)
    QString realPath;
    // Where its record is in the ZIP's central directory (file offset) and
    // its index there; set by CopyReader::scan(), which reads them.
    quint64 directoryOffset = 0;
    quint64 directoryIndex = 0;
};

// A folder of a company or of the templates, the company's own folder
// included: empty ones are part of the data (an empty "mensal/2026-11" is
// a period opened in the system), and each has its mode and time.
struct ManifestFolder
{
    QString path; // the ZIP form, without the trailing '/'
    qint64 modified = -1;
    int mode = -1;
    QString realPath;
};

// Something the backup could not copy, in a copy made with
// --allow-incomplete: the copy says so everywhere it is shown.
struct ManifestLeftOut
{
    using Reason = SkipReason;
    QString path; // the ZIP form of its path
    Reason reason = Reason::Unreadable;
    QString realPath;

    static QString reasonId(Reason reason);
    static std::optional<Reason> reasonFromId(QStringView id);
};

// How many files (and bytes) of a company's dated tables belong to one year:
// what a restore limited to recent years leaves out is known without reading
// the file list.
struct ManifestYearTotals
{
    int year = 0;
    qint64 files = 0;
    qint64 bytes = 0;
};

struct ManifestCompany
{
    QString code;
    QString name;
    QString cnpj;
    qint64 files = 0;
    qint64 bytes = 0;
    QList<int> years; // years of the dated tables present, ascending
    // Dated tables of years before this are not in the copy for this company
    // (0: every year is). Usually options.archiveFromYear; a safety copy
    // taken before a restore mixes whole and partial companies.
    int archiveFromYear = 0;
    QList<ManifestYearTotals> dated; // by year, ascending

    // Counts one more file of a dated table of year.
    void addDated(int year, qint64 size);
    // What of it a restore of the years from archiveFrom reads (0: all).
    qint64 filesFrom(int archiveFrom) const;
    qint64 bytesFrom(int archiveFrom) const;
};

struct ManifestOptions
{
    bool templates = false; // "Inclui Modelos de Documentos"
    int archiveFromYear = 0; // "Não Considera Arquivos Mortos": 0 = every year
    QStringList companies; // codes asked for; empty = all companies
    bool allSystems = false; // "Gera Cópia dos Demais Sistemas"
    QString rotation; // "weekday" or empty
    QString extraLabel; // label of an extra copy, or empty
};

struct Manifest
{
    // 2: names as ZipNames, modes and times, folders, left-out items; the
    // files are listed by the ZIP's central directory alone, and the
    // manifest is a summary read in one small piece.
    static constexpr int currentFormatVersion = 2;

    int formatVersion = currentFormatVersion;
    SystemInfo system;
    // The installation the copy is of (installation/installationid.h), so
    // that Home counts only this installation's copies wherever they lie;
    // empty for copies made before it was recorded, or from an installation
    // whose id file is unusable. Optional in format 2.
    QString installationId;
    QDateTime createdAt; // with the UTC offset of the machine that made it
    QString toolVersion;
    ManifestOptions options;
    QList<ManifestCompany> companies;
    qint64 templateFiles = 0;
    qint64 templateBytes = 0;
    // The document templates in the copy (few: a preview lists them).
    QList<ManifestEntry> templateEntries;
    QList<ManifestLeftOut> leftOut; // format 2; empty for a complete copy

    // A manifest of format 1 (or of a development build of format 2)
    // lists every file and folder: the reader then checks the ZIP against
    // that list. Current copies leave the list to the central directory.
    bool listsEntries = false;
    QList<ManifestEntry> entries; // listsEntries only: every file
    QList<ManifestFolder> folders; // listsEntries only

    qint64 totalFiles() const;
    qint64 totalBytes() const;
    bool isIncomplete() const { return !leftOut.isEmpty(); }
    // How many of the left-out items belong to the company (by code).
    qint64 leftOutOfCompany(const QString &code) const;
    QByteArray toJson() const;

    enum class ParseResult { Ok, NotAManifest, NewerFormat };
    // Parses and checks the manifest's own consistency (company totals agree
    // with the entries). problem receives the reason when not Ok.
    static ParseResult fromJson(const QByteArray &json, Manifest *out, QString *problem);
};

inline constexpr char16_t manifestEntryName[] = u"resguarda-manifest.json";
inline constexpr char16_t copyFormatId[] = u"resguarda.copy";

} // namespace Resguarda
