// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo/demoinstallation.h"

#include "demo/demodata.h"
#include "demo/demorecords.h"

#include "installation/cnpj.h"
#include "installation/installation.h"

#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSet>
#include <QTime>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <initializer_list>
#include <vector>

namespace Resguarda {

namespace {

constexpr qint64 mebibyte = 1024 * 1024;
// Records are generated into this buffer and written in one call: large
// enough for throughput, small enough to keep memory bounded.
constexpr qint64 writeBufferSize = mebibyte;

constexpr int minCompanies = 1, maxCompanies = 9999;
constexpr int minYears = 1, maxYears = 50;
constexpr int minSizeMb = 1, maxSizeMb = 1000000;
constexpr int minLastYear = 1900, maxLastYear = 2100;
// The arquivo morto of each company holds this many years before the active ones.
constexpr int minArchivedYears = 2, maxArchivedYears = 4;

using DemoData::SystemDef;
using DemoData::TableDef;

// FNV-1a: a hash that, unlike qHash, is the same in every process and on
// every machine, so seeds derived from paths are reproducible.
quint64 stableHash(const QByteArray &bytes, quint64 hash = 0xcbf29ce484222325ULL)
{
    for (char c : bytes) {
        hash ^= quint8(c);
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

QRandomGenerator seededGenerator(quint32 seed, quint32 tag, quint64 hash)
{
    const quint32 words[] = {seed, tag, quint32(hash), quint32(hash >> 32)};
    return QRandomGenerator(words);
}

struct Company
{
    int index = 0;
    QString code;
    QString name;
    QString cnpj;
    QByteArray codeLatin1;
    QByteArray nameLatin1; // upper case, as the legacy tables store names
    QByteArray cnpjLatin1;
    quint32 systemsMask = 0; // bit i: registered in system i
    double factor = 1; // relative size of its data
    int archivedYears = minArchivedYears;
    std::vector<QByteArray> partners; // formatted CNPJs of suppliers and customers
};

enum class Content { Bytes, Binary, Table };

struct PlannedFile
{
    QString relativePath; // from the root, '/'-separated
    Content content = Content::Bytes;
    QByteArray bytes; // Content::Bytes
    qint64 binarySize = 0; // Content::Binary
    const TableDef *table = nullptr; // Content::Table
    const Company *company = nullptr;
    const SystemDef *system = nullptr;
    double weight = 0;
    qint64 firstDay = 0, lastDay = 0; // Julian days of the records' dates
    QDateTime modified;
};

class Generator
{
public:
    Generator(const QString &root, const DemoParameters &params, int lastYear, bool clampToNow)
        : m_root(root)
        , m_params(params)
        , m_lastYear(lastYear)
        , m_clampToNow(clampToNow)
        , m_now(QDateTime::currentDateTimeUtc())
        , m_systems(DemoData::data().systems)
    {
    }

    OperationError run(const std::function<void(qint64, qint64)> &progress);

private:
    template<typename Visit> bool enumerate(Visit &&visit) const;
    Company makeCompany(int index) const;
    QDateTime fileTime(const QDate &date) const;
    qint64 tableRecords(const PlannedFile &file) const;
    qint64 plannedSize(const PlannedFile &file) const;
    double periodJitter(const QString &relativePath) const;

    OperationError writePlanned(const PlannedFile &file);
    bool fillTable(const PlannedFile &file, QFile &out);
    bool fillBinary(const PlannedFile &file, QFile &out);
    bool flushBuffer(QFile &out, qint64 used);
    OperationError writeError(const QString &path, const QString &reason) const;

    QString m_root;
    DemoParameters m_params;
    int m_lastYear;
    bool m_clampToNow;
    QDateTime m_now;
    const std::vector<SystemDef> &m_systems;

    // Sizing: every table gets its minimum plus weight * m_scale bytes.
    double m_scale = 0;
    qint64 m_programSize = 0;

    QByteArray m_buffer;
    QSet<QString> m_createdDirs;
    qint64 m_written = 0;
    qint64 m_total = 0;
    std::function<void(qint64, qint64)> m_progress;
};

Company Generator::makeCompany(int index) const
{
    // Everything about a company comes from its own generator, so it is the
    // same company (name, CNPJ, partners) in every system it is registered in.
    auto random = seededGenerator(m_params.seed, 0xC0C0, quint64(index));
    Company company;
    company.index = index;
    company.code = QStringLiteral("%1").arg(index + 1, 4, 10, QLatin1Char('0'));
    company.name = DemoData::companyName(index);
    // Eight-digit roots run through a permutation of their range, so no two
    // companies share a CNPJ whatever their number; the branch is 0001, the
    // head office.
    constexpr quint64 rootFirst = 10000000, rootRange = 90000000;
    constexpr quint64 rootStride = 7919317; // coprime with rootRange (no factor 2, 3 or 5)
    const quint64 rootOffset
        = seededGenerator(m_params.seed, 0xC0DE, 0).bounded(quint32(rootRange));
    const quint64 root = rootFirst + (rootOffset + quint64(index) * rootStride) % rootRange;
    company.cnpj = Cnpj::fromBase(root * 10000 + 1);
    company.codeLatin1 = company.code.toLatin1();
    company.nameLatin1 = company.name.toUpper().toLatin1();
    company.cnpjLatin1 = company.cnpj.toLatin1();

    // The first company is in every system and the largest; the others are
    // in most systems, never in none.
    const int systemCount = int(m_systems.size());
    const quint32 allSystems = (1u << systemCount) - 1;
    if (index == 0) {
        company.systemsMask = allSystems;
        company.factor = 3.0;
        company.archivedYears = maxArchivedYears;
    } else {
        for (int i = 0; i < systemCount; ++i) {
            if (random.bounded(100) < 80)
                company.systemsMask |= 1u << i;
        }
        if (company.systemsMask == 0)
            company.systemsMask = 1u << random.bounded(systemCount);
        company.factor = 0.3 + 1.7 * random.generateDouble();
        company.archivedYears = int(random.bounded(minArchivedYears, maxArchivedYears + 1));
    }

    const int partnerCount = 48;
    company.partners.reserve(partnerCount);
    for (int i = 0; i < partnerCount; ++i) {
        const quint64 root = random.bounded(1000000u, 99999999u);
        const quint64 branch = 1 + random.bounded(3);
        company.partners.push_back(Cnpj::fromBase(root * 10000 + branch).toLatin1());
    }
    return company;
}

QDateTime Generator::fileTime(const QDate &date) const
{
    // End of the working day, in UTC so the tree does not depend on the time zone.
    QDateTime time(date, QTime(18, 0), Qt::UTC);
    // ZIP's DOS timestamps start in 1980.
    const QDateTime earliest(QDate(1980, 1, 1), QTime(12, 0), Qt::UTC);
    if (time < earliest)
        time = earliest;
    if (m_clampToNow && time > m_now)
        time = m_now;
    return time;
}

double Generator::periodJitter(const QString &relativePath) const
{
    // ±20% per table and period, the same for the same seed.
    const quint64 hash = stableHash(relativePath.toUtf8(), m_params.seed * 0x9E3779B97F4A7C15ULL);
    return 0.8 + 0.4 * double(hash % 1000) / 1000.0;
}

template<typename Visit> bool Generator::enumerate(Visit &&visit) const
{
    PlannedFile file;
    auto visitBytes = [&](const QString &path, const QByteArray &bytes, const QDateTime &time) {
        file = PlannedFile();
        file.relativePath = path;
        file.content = Content::Bytes;
        file.bytes = bytes;
        file.modified = time;
        return visit(file);
    };
    const QDateTime referenceTime = fileTime(QDate(m_lastYear, 12, 31));
    const int firstActiveYear = m_lastYear - m_params.years + 1;

    QJsonArray systemList;
    for (const auto &system : m_systems)
        systemList.append(QJsonObject {{QStringLiteral("codigo"), system.code},
                                       {QStringLiteral("nome"), system.name}});
    const QJsonObject systems {{QStringLiteral("formato"), 1},
                               {QStringLiteral("sistemas"), systemList}};
    if (!visitBytes(QString::fromUtf16(InstallationLayout::systemsFileName),
                    QJsonDocument(systems).toJson(QJsonDocument::Indented), referenceTime))
        return false;

    for (int s = 0; s < int(m_systems.size()); ++s) {
        const SystemDef &system = m_systems[s];
        const QString systemDir = system.code + u'/';

        // Program files: part of the tree, never part of a copy.
        if (!visitBytes(systemDir + QStringLiteral("leiame.txt"), system.readme.toUtf8(),
                        referenceTime))
            return false;
        const QString config
            = QStringLiteral(
                  "[Sistema]\r\nCodigo=%1\r\nNome=%2\r\nVersao=%3.12\r\nDados=empresas\r\n"
                  "Modelos=modelos\r\n")
                  .arg(system.code, system.name)
                  .arg(m_lastYear);
        if (!visitBytes(systemDir + QStringLiteral("programa/config.ini"), config.toUtf8(),
                        referenceTime))
            return false;
        file = PlannedFile();
        file.relativePath
            = systemDir + QStringLiteral("programa/") + system.programName + QStringLiteral(".bin");
        file.content = Content::Binary;
        file.binarySize = m_programSize;
        file.modified = referenceTime;
        if (!visit(file))
            return false;

        const QString templatesDir
            = systemDir + QString::fromUtf16(InstallationLayout::templatesDirName) + u'/';
        for (const auto &templateDef : system.templates) {
            if (!visitBytes(templatesDir + templateDef.path, templateDef.text.toUtf8(),
                            referenceTime))
                return false;
        }

        const QString companiesDir
            = systemDir + QString::fromUtf16(InstallationLayout::companiesDirName) + u'/';
        for (int c = 0; c < m_params.companies; ++c) {
            const Company company = makeCompany(c);
            if (!(company.systemsMask & (1u << s)))
                continue;
            const QString companyDir = companiesDir + company.code + u'/';
            const QJsonObject companyJson {{QStringLiteral("codigo"), company.code},
                                           {QStringLiteral("razaoSocial"), company.name},
                                           {QStringLiteral("cnpj"), company.cnpj}};
            if (!visitBytes(companyDir + QString::fromUtf16(InstallationLayout::companyFileName),
                            QJsonDocument(companyJson).toJson(QJsonDocument::Indented),
                            referenceTime))
                return false;

            const int firstYear = firstActiveYear - company.archivedYears;
            auto visitTable = [&](const QString &path, const TableDef &def, double weight,
                                  const QDate &first, const QDate &last) {
                file = PlannedFile();
                file.relativePath = path;
                file.content = Content::Table;
                file.table = &def;
                file.company = &company;
                file.system = &system;
                file.weight = weight * company.factor * periodJitter(path);
                file.firstDay = first.toJulianDay();
                file.lastDay = last.toJulianDay();
                file.modified = fileTime(last);
                return visit(file);
            };

            for (const auto &def : system.permanent) {
                if (!visitTable(companyDir + def.fileName, def, def.weight, QDate(firstYear, 1, 1),
                                QDate(m_lastYear, 12, 31)))
                    return false;
            }
            for (int year = firstYear; year <= m_lastYear; ++year) {
                const bool archived = year < firstActiveYear;
                const QString datedDir
                    = companyDir + (archived ? QStringLiteral("morto/") : QString());
                // A business grows: later years hold more records.
                const double growth = 1.0 + 0.15 * (year - firstYear);
                for (const auto &def : system.annual) {
                    const QString path
                        = datedDir + QStringLiteral("anual/%1/").arg(year) + def.fileName;
                    if (!visitTable(path, def, def.weight * growth, QDate(year, 1, 1),
                                    QDate(year, 12, 31)))
                        return false;
                }
                for (int month = 1; month <= 12; ++month) {
                    const QDate first(year, month, 1);
                    const QDate last(year, month, first.daysInMonth());
                    // December closes the year and holds the most movement.
                    const double season = month == 12 ? 1.5 : month == 1 ? 0.8 : 1.0;
                    const QString monthDir = datedDir
                        + QStringLiteral("mensal/%1-%2/")
                              .arg(year)
                              .arg(month, 2, 10, QLatin1Char('0'));
                    for (const auto &def : system.monthly) {
                        if (!visitTable(monthDir + def.fileName, def, def.weight * growth * season,
                                        first, last))
                            return false;
                    }
                }
            }
        }
    }
    return true;
}

qint64 Generator::tableRecords(const PlannedFile &file) const
{
    const TableDef &def = *file.table;
    if (def.weight == 0)
        return def.fixedRecords;
    return 1 + std::llround(file.weight * m_scale / def.recordLength);
}

qint64 Generator::plannedSize(const PlannedFile &file) const
{
    switch (file.content) {
    case Content::Bytes:
        return file.bytes.size();
    case Content::Binary:
        return file.binarySize;
    case Content::Table:
        // A header record, then the data records.
        return (1 + tableRecords(file)) * file.table->recordLength;
    }
    return 0;
}

OperationError Generator::writeError(const QString &path, const QString &reason) const
{
    return OperationError::failed(
        DemoInstallation::tr("%1 could not be written: %2. The demo installation in %3 is "
                             "incomplete; delete that folder and try again.")
            .arg(QDir::toNativeSeparators(path), reason, QDir::toNativeSeparators(m_root)));
}

bool Generator::flushBuffer(QFile &out, qint64 used)
{
    if (used == 0)
        return true;
    if (out.write(m_buffer.constData(), used) != used)
        return false;
    m_written += used;
    if (m_progress)
        m_progress(m_written, m_total);
    return true;
}

bool Generator::fillTable(const PlannedFile &file, QFile &out)
{
    const TableDef &def = *file.table;
    const qint64 length = def.recordLength;
    const qint64 count = tableRecords(file);
    auto random = seededGenerator(m_params.seed, 0x7AB1E, stableHash(file.relativePath.toUtf8()));
    char *const begin = m_buffer.data();
    char *const limit = begin + m_buffer.size();
    const Company &company = *file.company;
    const DemoRecords::Owner owner {company.codeLatin1, company.nameLatin1, company.cnpjLatin1,
                                    company.partners};

    // The header record names the table, as the legacy format does.
    QByteArray header = QByteArray("#TABELA ") + QFileInfo(def.fileName).fileName().toLatin1()
        + " SISTEMA " + file.system->code.toLatin1() + " EMPRESA " + file.company->codeLatin1
        + " REGISTRO " + QByteArray::number(length) + " REGISTROS " + QByteArray::number(count);
    header = header.leftJustified(length - 2, ' ', true) + "\r\n";
    std::memcpy(begin, header.constData(), size_t(length));
    char *p = begin + length;

    for (qint64 sequence = 1; sequence <= count; ++sequence) {
        if (limit - p < length) {
            if (!flushBuffer(out, p - begin))
                return false;
            p = begin;
        }
        p = DemoRecords::write(p, def, owner, file.firstDay, file.lastDay, sequence, count, random);
    }
    return flushBuffer(out, p - begin);
}

bool Generator::fillBinary(const PlannedFile &file, QFile &out)
{
    // Program files only need to exist and have a plausible size; random
    // bytes keep them from compressing unrealistically well.
    auto random = seededGenerator(m_params.seed, 0xB1A, stableHash(file.relativePath.toUtf8()));
    qint64 remaining = file.binarySize;
    while (remaining > 0) {
        const qint64 chunk = std::min<qint64>(remaining, m_buffer.size()) & ~qint64(3);
        if (chunk == 0) {
            std::memset(m_buffer.data(), 0, size_t(remaining));
            return flushBuffer(out, remaining);
        }
        random.fillRange(reinterpret_cast<quint32 *>(m_buffer.data()), chunk / 4);
        if (!flushBuffer(out, chunk))
            return false;
        remaining -= chunk;
    }
    return true;
}

OperationError Generator::writePlanned(const PlannedFile &file)
{
    const QString path = m_root + u'/' + file.relativePath;
    const QString dir = path.left(path.lastIndexOf(u'/'));
    if (!m_createdDirs.contains(dir)) {
        if (!QDir().mkpath(dir))
            return writeError(dir, DemoInstallation::tr("the folder could not be created"));
        // Folder creation is slow on busy file systems: remember the recent
        // ones, forgetting them now and then to keep memory bounded.
        if (m_createdDirs.size() > 4096)
            m_createdDirs.clear();
        m_createdDirs.insert(dir);
    }

    QFile out(path);
    // Unbuffered: records are already batched, and the modification time set
    // below must not be overwritten by a late flush on close.
    if (!out.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return writeError(path, out.errorString());
    bool written = true;
    switch (file.content) {
    case Content::Bytes:
        written = out.write(file.bytes) == file.bytes.size();
        if (written) {
            m_written += file.bytes.size();
            if (m_progress)
                m_progress(m_written, m_total);
        }
        break;
    case Content::Binary:
        written = fillBinary(file, out);
        break;
    case Content::Table:
        written = fillTable(file, out);
        break;
    }
    if (!written)
        return writeError(path, out.errorString());
    if (!out.setFileTime(file.modified, QFileDevice::FileModificationTime))
        return writeError(path, out.errorString());
    out.close();
    if (out.error() != QFileDevice::NoError)
        return writeError(path, out.errorString());
    return OperationError::none();
}

OperationError Generator::run(const std::function<void(qint64, qint64)> &progress)
{
    const qint64 target = qint64(m_params.sizeMb) * mebibyte;
    // One program file per system: about 1% of the data, within sane bounds.
    m_programSize = std::clamp<qint64>(target / 100, 16 * 1024, 2 * mebibyte);

    // First pass: what is fixed (small files, programs, one record per table)
    // and the total weight over which the rest is shared.
    double totalWeight = 0;
    qint64 fixedBytes = 0;
    enumerate([&](const PlannedFile &file) {
        fixedBytes += plannedSize(file); // m_scale is still 0: minimum sizes
        if (file.content == Content::Table)
            totalWeight += file.weight;
        return true;
    });
    m_scale = totalWeight > 0 ? std::max(0.0, double(target - fixedBytes) / totalWeight) : 0.0;

    // Second pass: the exact total, so progress is exact from the start.
    m_total = 0;
    enumerate([&](const PlannedFile &file) {
        m_total += plannedSize(file);
        return true;
    });

    m_progress = progress;
    m_written = 0;
    m_buffer.resize(writeBufferSize);
    if (m_progress)
        m_progress(0, m_total);

    OperationError error;
    enumerate([&](const PlannedFile &file) {
        error = writePlanned(file);
        return !error.isError();
    });
    if (error)
        return error;

    // Sessions are created by the clients; an installation with nobody
    // connected has the folder and nothing in it.
    const QString sessions
        = m_root + u'/' + QString::fromUtf16(InstallationLayout::sessionsDirName);
    if (!QDir().mkpath(sessions))
        return writeError(sessions, DemoInstallation::tr("the folder could not be created"));
    return OperationError::none();
}

} // namespace

OperationError DemoInstallation::create(const QString &root, const DemoParameters &params,
                                        const std::function<void(qint64, qint64)> &progress)
{
    if (root.isEmpty())
        return OperationError::usage(
            tr("Give the folder where the demo installation is to be created."));
    if (params.companies < minCompanies || params.companies > maxCompanies)
        return OperationError::usage(
            tr("The number of companies must be between %1 and %2; %3 was given.")
                .arg(minCompanies)
                .arg(maxCompanies)
                .arg(params.companies));
    if (params.years < minYears || params.years > maxYears)
        return OperationError::usage(
            tr("The number of years must be between %1 and %2; %3 was given.")
                .arg(minYears)
                .arg(maxYears)
                .arg(params.years));
    if (params.sizeMb < minSizeMb || params.sizeMb > maxSizeMb)
        return OperationError::usage(tr("The size must be between %1 and %2 MB; %3 was given.")
                                         .arg(minSizeMb)
                                         .arg(maxSizeMb)
                                         .arg(params.sizeMb));
    if (params.lastYear != 0 && (params.lastYear < minLastYear || params.lastYear > maxLastYear))
        return OperationError::usage(tr("The last year must be between %1 and %2; %3 was given.")
                                         .arg(minLastYear)
                                         .arg(maxLastYear)
                                         .arg(params.lastYear));

    const QFileInfo rootInfo(root);
    if (rootInfo.exists() || rootInfo.isSymLink()) {
        if (!rootInfo.isDir())
            return OperationError::usage(
                tr("%1 is not a folder. Give a new or empty folder for the demo installation.")
                    .arg(QDir::toNativeSeparators(root)));
        const QDir dir(root);
        if (!dir.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System))
            return OperationError::usage(
                tr("%1 is not empty. Give a new or empty folder for the demo installation; "
                   "existing files are never overwritten.")
                    .arg(QDir::toNativeSeparators(root)));
    }
    if (!QDir().mkpath(root))
        return OperationError::failed(
            tr("The folder %1 could not be created. Check the path and its permissions.")
                .arg(QDir::toNativeSeparators(root)));

    const bool currentYear = params.lastYear == 0;
    const int lastYear = currentYear ? QDate::currentDate().year() : params.lastYear;
    Generator generator(QFileInfo(root).absoluteFilePath(), params, lastYear, currentYear);
    return generator.run(progress);
}

} // namespace Resguarda
