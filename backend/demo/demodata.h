// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

// What the demonstration installation is made of: its systems, their tables
// (record layouts and relative sizes), document templates, the word lists
// records are filled from, and company names. The data lives in
// demo-data.json, compiled in as a resource; this is its shape.
namespace Resguarda::DemoData {

enum class FieldType : quint8 {
    Sequence, // record number, zero-padded
    Date, // DD/MM/AAAA, increasing through the file's period
    DateCompact, // AAAAMMDD, same
    Partner, // a CNPJ from the company's partners
    PartnerBySequence, // the partner of this record number (partner registers)
    OwnCode, // the company code
    OwnName, // the company name, upper case
    OwnCnpj, // the company CNPJ
    Amount, // right-aligned, comma decimals: "    1234,56"
    Quantity, // zero-padded integer below 10^magnitude
    Text, // words of list, maybe of list2, maybe a document number
    Choice, // one word of list, left-aligned
    Digits, // random digits
};

// Index of a word list in Data::words; noWords is an empty list.
constexpr int noWords = 0;

struct Field
{
    FieldType type;
    int width;
    int list = noWords;
    int list2 = noWords;
    int magnitude = 0; // Amount: digits of cents; Quantity: digits; Text: digits of a number
};

struct TableDef
{
    QString fileName; // relative to the period folder, may hold a subfolder
    std::vector<Field> fields;
    double weight = 0; // relative share of the data; 0 = fixedRecords
    int fixedRecords = 0;
    int recordLength = 0; // with CR LF
};

struct TemplateDef
{
    QString path; // relative to modelos/
    QString text;
};

struct SystemDef
{
    QString code;
    QString name;
    QString programName; // programa/<programName>.bin
    QString readme;
    std::vector<TemplateDef> templates;
    std::vector<TableDef> permanent;
    std::vector<TableDef> annual;
    std::vector<TableDef> monthly;
};

struct Data
{
    // Tables are written in ISO-8859-1 like those of the legacy business
    // system, so one character is one byte and records keep their width.
    std::vector<std::vector<QByteArray>> words; // [noWords] is empty
    std::vector<SystemDef> systems;
    QStringList firstCompanyNames; // the first companies, in order
    QStringList companyKinds, companyNames, companySuffixes; // combined for the rest
};

// Read once from the resource. The resource is part of the program: a
// damaged one is a build defect, and the program stops saying what is wrong.
const Data &data();

// The name of company number index (0-based): the first names in order,
// then combinations of a kind, a name and a suffix, then branches of them,
// so that names never repeat.
QString companyName(int index);

} // namespace Resguarda::DemoData
