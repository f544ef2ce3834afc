// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "demo/demodata.h"

#include <QByteArray>
#include <QRandomGenerator>

#include <vector>

// One record of a demonstration table: fixed-width fields in ISO-8859-1 and
// CR LF, as the legacy business system writes them (demodata.h says what
// each field type holds).
namespace Resguarda::DemoRecords {

// The company whose table is being written.
struct Owner
{
    const QByteArray &code;
    const QByteArray &name; // upper case, as the legacy tables store names
    const QByteArray &cnpj;
    const std::vector<QByteArray> &partners; // formatted CNPJs
};

// Writes record number sequence (1-based) of count at out, which has room
// for table.recordLength bytes; dates run from firstDay to lastDay (Julian
// days) through the file. Returns the end of the record.
char *write(char *out, const DemoData::TableDef &table, const Owner &owner, qint64 firstDay,
            qint64 lastDay, qint64 sequence, qint64 count, QRandomGenerator &random);

} // namespace Resguarda::DemoRecords
