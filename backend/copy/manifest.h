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
struct ManifestEntry
{
    QString path;
    qint64 size = 0;
    quint32 crc32 = 0;
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
    static constexpr int currentFormatVersion = 1;

    int formatVersion = currentFormatVersion;
    SystemInfo system;
    QDateTime createdAt; // with the UTC offset of the machine that made it
    QString toolVersion;
    ManifestOptions options;
    QList<ManifestCompany> companies;
    qint64 templateFiles = 0;
    qint64 templateBytes = 0;
    QList<ManifestEntry> entries;

    qint64 totalBytes() const;
    QByteArray toJson() const;

    enum class ParseResult { Ok, NotAManifest, NewerFormat };
    // Parses and checks the manifest's own consistency (company totals agree
    // with the entries). problem receives the reason when not Ok.
    static ParseResult fromJson(const QByteArray &json, Manifest *out, QString *problem);
};

inline constexpr char16_t manifestEntryName[] = u"resguarda-manifest.json";
inline constexpr char16_t copyFormatId[] = u"resguarda.copy";

} // namespace Resguarda
