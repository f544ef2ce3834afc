// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Resguarda {

// How the business system files a table inside a company folder
// (docs/installation-format.md): the options "Não Considera Arquivos Mortos"
// of backup and restore act on annual and monthly tables only.
enum class TableKind {
    Permanent,
    Annual, // anual/<AAAA>/**
    Monthly, // mensal/<AAAA-MM>/**
    ArchivedAnnual, // morto/anual/<AAAA>/**
    ArchivedMonthly, // morto/mensal/<AAAA-MM>/**
};

struct TableClass
{
    TableKind kind = TableKind::Permanent;
    int year = 0; // 0 for permanent tables

    bool isDated() const { return kind != TableKind::Permanent; }
    bool isArchived() const
    {
        return kind == TableKind::ArchivedAnnual || kind == TableKind::ArchivedMonthly;
    }
    // Whether an "--archive-from YEAR" filter keeps this table. YEAR 0 keeps all.
    bool isKeptFrom(int archiveFromYear) const
    {
        return !isDated() || archiveFromYear <= 0 || year >= archiveFromYear;
    }
};

// Classifies a '/'-separated path relative to a company folder. Anything that
// is not a well-formed dated table path is a permanent table, as the format says.
TableClass classifyCompanyPath(QStringView relativePath);

} // namespace Resguarda
