// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo/demodata.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace Resguarda::DemoData {

namespace {

const QHash<QString, FieldType> &fieldTypes()
{
    static const QHash<QString, FieldType> types {
        {QStringLiteral("sequence"), FieldType::Sequence},
        {QStringLiteral("date"), FieldType::Date},
        {QStringLiteral("dateCompact"), FieldType::DateCompact},
        {QStringLiteral("partner"), FieldType::Partner},
        {QStringLiteral("partnerBySequence"), FieldType::PartnerBySequence},
        {QStringLiteral("ownCode"), FieldType::OwnCode},
        {QStringLiteral("ownName"), FieldType::OwnName},
        {QStringLiteral("ownCnpj"), FieldType::OwnCnpj},
        {QStringLiteral("amount"), FieldType::Amount},
        {QStringLiteral("quantity"), FieldType::Quantity},
        {QStringLiteral("text"), FieldType::Text},
        {QStringLiteral("choice"), FieldType::Choice},
        {QStringLiteral("digits"), FieldType::Digits},
    };
    return types;
}

[[noreturn]] void damaged(const QString &what)
{
    qFatal("demo-data.json: %s", qPrintable(what));
}

QStringList stringList(const QJsonValue &value, const QString &what)
{
    if (!value.isArray() || value.toArray().isEmpty())
        damaged(what + QStringLiteral(" must be a list of names"));
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list.append(item.toString());
    return list;
}

class Reader
{
public:
    explicit Reader(const QJsonObject &root)
        : m_root(root)
    {
    }

    Data read()
    {
        Data data;
        data.words.emplace_back(); // noWords
        const QJsonObject words = m_root.value(u"words").toObject();
        for (auto it = words.begin(); it != words.end(); ++it) {
            std::vector<QByteArray> list;
            for (const QString &word : stringList(it.value(), it.key())) {
                if (QString::fromLatin1(word.toLatin1()) != word)
                    damaged(word + QStringLiteral(" is not Latin-1"));
                list.push_back(word.toLatin1());
            }
            m_wordIndex.insert(it.key(), int(data.words.size()));
            data.words.push_back(std::move(list));
        }
        const QJsonObject names = m_root.value(u"companyNames").toObject();
        data.firstCompanyNames = stringList(names.value(u"first"), QStringLiteral("first"));
        data.companyKinds = stringList(names.value(u"kinds"), QStringLiteral("kinds"));
        data.companyNames = stringList(names.value(u"names"), QStringLiteral("names"));
        data.companySuffixes = stringList(names.value(u"suffixes"), QStringLiteral("suffixes"));
        const QString readme = m_root.value(u"readme").toString();
        for (const QJsonValue &value : m_root.value(u"systems").toArray()) {
            const QJsonObject object = value.toObject();
            SystemDef system;
            system.code = object.value(u"code").toString();
            system.name = object.value(u"name").toString();
            system.programName = object.value(u"program").toString();
            system.readme = readme.arg(system.code, system.name);
            system.permanent = tables(object.value(u"permanent"));
            system.annual = tables(object.value(u"annual"));
            system.monthly = tables(object.value(u"monthly"));
            for (const QJsonValue &item : object.value(u"templates").toArray()) {
                const QJsonObject entry = item.toObject();
                system.templates.push_back(
                    {entry.value(u"path").toString(), entry.value(u"text").toString()});
            }
            if (system.code.isEmpty() || system.permanent.empty())
                damaged(QStringLiteral("a system without a code or tables"));
            data.systems.push_back(std::move(system));
        }
        if (data.systems.empty())
            damaged(QStringLiteral("no systems"));
        return data;
    }

private:
    int wordList(const QJsonValue &name) const
    {
        if (name.isUndefined())
            return noWords;
        const auto found = m_wordIndex.constFind(name.toString());
        if (found == m_wordIndex.cend())
            damaged(QStringLiteral("no word list named ") + name.toString());
        return found.value();
    }

    std::vector<TableDef> tables(const QJsonValue &value) const
    {
        std::vector<TableDef> defs;
        for (const QJsonValue &item : value.toArray()) {
            const QJsonObject object = item.toObject();
            TableDef def;
            def.fileName = object.value(u"file").toString();
            def.weight = object.value(u"weight").toDouble(0);
            def.fixedRecords = object.value(u"records").toInt(0);
            def.recordLength = 2; // CR LF
            for (const QJsonValue &fieldValue : object.value(u"fields").toArray()) {
                const QJsonObject entry = fieldValue.toObject();
                const auto type = fieldTypes().constFind(entry.value(u"type").toString());
                if (type == fieldTypes().cend())
                    damaged(QStringLiteral("unknown field type in ") + def.fileName);
                Field field {type.value(), entry.value(u"width").toInt(),
                             wordList(entry.value(u"words")), wordList(entry.value(u"words2")),
                             entry.value(u"magnitude").toInt(0)};
                if (field.width <= 0)
                    damaged(QStringLiteral("a field without a width in ") + def.fileName);
                // An amount below 10^magnitude cents must fit with its comma.
                if (field.type == FieldType::Amount)
                    field.magnitude = std::clamp(field.magnitude, 3, field.width - 1);
                def.recordLength += field.width;
                def.fields.push_back(field);
            }
            if (def.fileName.isEmpty() || def.fields.empty())
                damaged(QStringLiteral("a table without a name or fields"));
            defs.push_back(std::move(def));
        }
        return defs;
    }

    QJsonObject m_root;
    QHash<QString, int> m_wordIndex;
};

Data load()
{
    QFile file(QStringLiteral(":/resguarda/demo/demo-data.json"));
    if (!file.open(QIODevice::ReadOnly))
        damaged(QStringLiteral("missing from the program's resources"));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError)
        damaged(error.errorString());
    return Reader(document.object()).read();
}

} // namespace

const Data &data()
{
    static const Data loaded = load();
    return loaded;
}

QString companyName(int index)
{
    const Data &data = DemoData::data();
    if (index < data.firstCompanyNames.size())
        return data.firstCompanyNames.at(index);
    const int k = index - int(data.firstCompanyNames.size());
    const int kinds = int(data.companyKinds.size()), names = int(data.companyNames.size()),
              suffixes = int(data.companySuffixes.size());
    QString name = data.companyKinds.at(k % kinds) + u' '
        + data.companyNames.at((k / kinds) % names) + u' '
        + data.companySuffixes.at((k / (kinds * names)) % suffixes);
    const int round = k / (kinds * names * suffixes);
    if (round > 0)
        name += QStringLiteral(" - Filial %1").arg(round + 1);
    return name;
}

} // namespace Resguarda::DemoData
