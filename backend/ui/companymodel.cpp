// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/companymodel.h"

#include "copy/manifest.h"
#include "core/displaytext.h"
#include "core/filesystem.h"
#include "installation/installation.h"
#include "installation/tablepath.h"

#include <QSet>

#include <optional>

#include <algorithm>
#include <numeric>

namespace Resguarda {

namespace {

QString yearsText(const QList<int> &years)
{
    if (years.isEmpty())
        return {};
    if (years.first() == years.last())
        return QString::number(years.first());
    // An en dash, as a range is written in Portuguese and English alike.
    return QString::number(years.first()) + u'\u2013' + QString::number(years.last());
}

bool isDigitOrPunctuation(QChar c)
{
    return c.isDigit() || c.isPunct() || c.isSpace();
}

QString digitsOf(const QString &text)
{
    QString digits;
    digits.reserve(text.size());
    for (const QChar c : text) {
        if (c.isDigit())
            digits.append(c);
    }
    return digits;
}

} // namespace

CompanyModel::CompanyModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int CompanyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_companies.size());
}

QVariant CompanyModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return {};
    const Company &company = m_companies.at(index.row());
    switch (role) {
    // From the installation's files or a copy's manifest, for the screen:
    // display-safe (selectedCodes() keeps the real codes).
    case Qt::DisplayRole:
    case NameRole:
        return DisplayText::displaySafe(company.all.name);
    case CodeRole:
        return DisplayText::displaySafe(company.all.code);
    case CnpjRole:
        return DisplayText::displaySafe(company.all.cnpj);
    case BytesRole:
        return company.bytes;
    case SizeTextRole:
        // Formatted on demand so a change of the default locale shows at once.
        return FileSystem::formatSize(company.bytes);
    case FilesRole:
        return company.files;
    case YearsRole:
        return QVariant::fromValue(company.years);
    case YearsTextRole:
        return yearsText(company.years);
    case Qt::CheckStateRole:
        return company.selected ? Qt::Checked : Qt::Unchecked;
    case SelectedRole:
        return company.selected;
    case ExistsInInstallationRole:
        return company.existsInInstallation;
    case LeftOutRole:
        return company.leftOut;
    case RestoreTextRole:
        return restoreText(company);
    case NewerTextRole:
        return company.newerText;
    case NewerWarningRole:
        return company.selected && !company.newerText.isEmpty();
    default:
        return {};
    }
}

bool CompanyModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return false;
    if (role == SelectedRole) {
        setSelected(index.row(), value.toBool());
        return true;
    }
    if (role == Qt::CheckStateRole) {
        setSelected(index.row(), value.value<Qt::CheckState>() == Qt::Checked);
        return true;
    }
    return false;
}

Qt::ItemFlags CompanyModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable | Qt::ItemIsUserCheckable
        | Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> CompanyModel::roleNames() const
{
    return {
        {CodeRole, "code"},           {NameRole, "name"},
        {CnpjRole, "cnpj"},           {BytesRole, "bytes"},
        {SizeTextRole, "sizeText"},   {FilesRole, "files"},
        {YearsRole, "years"},         {YearsTextRole, "yearsText"},
        {SelectedRole, "selected"},   {ExistsInInstallationRole, "existsInInstallation"},
        {LeftOutRole, "leftOut"},     {RestoreTextRole, "restoreText"},
        {NewerTextRole, "newerText"}, {NewerWarningRole, "newerWarning"},
    };
}

void CompanyModel::loadInstallation(const QString &root, const QString &systemCode)
{
    const bool wasLoading = loading();
    reset({});
    m_loader.start(
        this,
        [root, systemCode](const std::atomic_bool &cancelled) {
            return readInstallation(root, systemCode, cancelled);
        },
        [this](const std::optional<QList<Company>> &companies) {
            m_loader.finished();
            m_fromCopy = false;
            reset(companies.value_or(QList<Company>()));
            Q_EMIT loadingChanged();
            Q_EMIT loaded(companies.has_value());
        });
    if (!wasLoading)
        Q_EMIT loadingChanged();
}

std::optional<QList<CompanyModel::Company>>
CompanyModel::readInstallation(const QString &root, const QString &systemCode,
                               const std::atomic_bool &cancelled)
{
    OperationError error;
    const auto installation = Installation::open(root, &error);
    // Only shows companies: the code may come from what a person typed.
    const auto system
        = installation ? installation->system(systemCode, Qt::CaseInsensitive) : std::nullopt;
    if (!system)
        return std::nullopt;
    const auto infos = installation->companies(system->code);
    QList<Company> companies;
    companies.reserve(infos.size());
    for (const auto &info : infos) {
        if (cancelled)
            return std::nullopt;
        Company company;
        company.all.code = info.code;
        company.all.name = info.name;
        company.all.cnpj = info.cnpj;
        // The same walk backup makes, so the size shown is what a copy reads.
        const auto files = Installation::listFiles(info.path, QString());
        for (const auto &file : files) {
            company.all.bytes += file.size;
            const TableClass table = classifyCompanyPath(file.archivePath);
            if (table.isDated())
                company.all.addDated(table.year, file.size);
        }
        company.all.files = files.size();
        for (const auto &year : std::as_const(company.all.dated))
            company.all.years.append(year.year);
        companies.append(std::move(company));
    }
    return companies;
}

QSet<QString> CompanyModel::installedCodes(const QString &root, const QString &systemCode)
{
    QSet<QString> installed;
    if (root.isEmpty())
        return installed;
    OperationError error;
    const auto installation = Installation::open(root, &error);
    const auto system = installation ? installation->system(systemCode) : std::nullopt;
    if (system) {
        for (const auto &info : installation->companies(system->code))
            installed.insert(info.code);
    }
    return installed;
}

void CompanyModel::loadManifest(const Manifest &manifest, const QString &root)
{
    loadManifest(manifest, installedCodes(root, manifest.system.code));
}

void CompanyModel::loadManifest(const Manifest &manifest, const QSet<QString> &installed)
{
    if (loading()) {
        m_loader.cancel();
        Q_EMIT loadingChanged();
    }
    QList<Company> companies;
    companies.reserve(manifest.companies.size());
    for (const auto &entry : manifest.companies) {
        Company company;
        company.all = entry;
        company.existsInInstallation = installed.contains(entry.code);
        company.leftOut = manifest.leftOutOfCompany(entry.code);
        companies.append(std::move(company));
    }
    m_fromCopy = true;
    reset(std::move(companies));
}

void CompanyModel::clear()
{
    const bool wasLoading = loading();
    m_loader.cancel();
    m_fromCopy = false;
    reset({});
    if (wasLoading)
        Q_EMIT loadingChanged();
}

void CompanyModel::setArchiveFromYear(int year)
{
    year = qMax(0, year);
    if (year == m_archiveFromYear)
        return;
    m_archiveFromYear = year;
    // From the totals by year measured when loading: no walk again.
    m_selectedBytes = 0;
    for (auto &company : m_companies) {
        applyArchiveFrom(company);
        if (company.selected)
            m_selectedBytes += company.bytes;
    }
    if (!m_companies.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_companies.size()) - 1),
                           {BytesRole, SizeTextRole, FilesRole, YearsRole, YearsTextRole});
    Q_EMIT archiveFromYearChanged();
    Q_EMIT selectionChanged();
}

void CompanyModel::applyArchiveFrom(Company &company) const
{
    company.bytes = company.all.bytesFrom(m_archiveFromYear);
    company.files = company.all.filesFrom(m_archiveFromYear);
    company.years.clear();
    for (const int year : std::as_const(company.all.years)) {
        if (m_archiveFromYear <= 0 || year >= m_archiveFromYear)
            company.years.append(year);
    }
}

QString CompanyModel::restoreText(const Company &company) const
{
    if (!m_fromCopy)
        return {};
    // The subject is "a empresa" in Portuguese: translations are feminine.
    if (company.selected)
        return company.existsInInstallation ? tr("will be replaced") : tr("will be added");
    return company.existsInInstallation ? tr("not restored: kept as it is") : tr("not restored");
}

void CompanyModel::setNewerTexts(const QHash<QString, QString> &texts)
{
    for (int row = 0; row < m_companies.size(); ++row) {
        Company &company = m_companies[row];
        const QString text
            = company.existsInInstallation ? texts.value(company.all.code) : QString();
        if (text == company.newerText)
            continue;
        company.newerText = text;
        const QModelIndex changed = index(row);
        Q_EMIT dataChanged(changed, changed, {NewerTextRole, NewerWarningRole});
    }
}

void CompanyModel::reset(QList<Company> companies)
{
    beginResetModel();
    m_companies = std::move(companies);
    for (auto &company : m_companies)
        applyArchiveFrom(company);
    m_selectedCount = 0;
    m_selectedBytes = 0;
    for (const auto &company : std::as_const(m_companies)) {
        if (company.selected) {
            ++m_selectedCount;
            m_selectedBytes += company.bytes;
        }
    }
    endResetModel();
    Q_EMIT countChanged();
    Q_EMIT selectionChanged();
}

bool CompanyModel::applySelected(int row, bool selected)
{
    Company &company = m_companies[row];
    if (company.selected == selected)
        return false;
    company.selected = selected;
    m_selectedCount += selected ? 1 : -1;
    m_selectedBytes += selected ? company.bytes : -company.bytes;
    return true;
}

void CompanyModel::setSelected(int row, bool selected)
{
    if (row < 0 || row >= m_companies.size() || !applySelected(row, selected))
        return;
    const QModelIndex changed = index(row);
    Q_EMIT dataChanged(changed, changed,
                       {SelectedRole, Qt::CheckStateRole, RestoreTextRole, NewerWarningRole});
    Q_EMIT selectionChanged();
}

void CompanyModel::toggle(int row)
{
    if (row < 0 || row >= m_companies.size())
        return;
    setSelected(row, !m_companies.at(row).selected);
}

void CompanyModel::selectAll(bool selected)
{
    QList<int> rows(m_companies.size());
    std::iota(rows.begin(), rows.end(), 0);
    setSelectedRows(rows, selected);
}

void CompanyModel::setSelectedRows(const QList<int> &rows, bool selected)
{
    // One dataChanged per run of consecutive changed rows and one
    // selectionChanged in all: thousands of rows must not mean thousands of
    // signals (each one re-evaluates the QML bindings on the totals).
    int runStart = -1;
    int runEnd = -1;
    bool anyChanged = false;
    auto flush = [&] {
        if (runStart >= 0)
            Q_EMIT dataChanged(
                index(runStart), index(runEnd),
                {SelectedRole, Qt::CheckStateRole, RestoreTextRole, NewerWarningRole});
        runStart = runEnd = -1;
    };
    for (const int row : rows) {
        if (row < 0 || row >= m_companies.size() || !applySelected(row, selected))
            continue;
        anyChanged = true;
        if (runStart >= 0 && row == runEnd + 1) {
            runEnd = row;
        } else {
            flush();
            runStart = runEnd = row;
        }
    }
    flush();
    if (anyChanged)
        Q_EMIT selectionChanged();
}

QStringList CompanyModel::selectedCodes() const
{
    QStringList codes;
    codes.reserve(m_selectedCount);
    for (const auto &company : m_companies) {
        if (company.selected)
            codes.append(company.all.code);
    }
    return codes;
}

QStringList CompanyModel::codes() const
{
    QStringList codes;
    codes.reserve(m_companies.size());
    for (const auto &company : m_companies)
        codes.append(company.all.code);
    return codes;
}

int CompanyModel::selectedCount() const
{
    return m_selectedCount;
}

qint64 CompanyModel::selectedBytes() const
{
    return m_selectedBytes;
}

QString CompanyModel::selectionError() const
{
    return m_selectedCount == 0 ? tr("Mark at least one company to continue") : QString();
}

bool CompanyModel::allSelected() const
{
    return !m_companies.isEmpty() && m_selectedCount == m_companies.size();
}

int CompanyModel::existingCount() const
{
    return int(std::count_if(m_companies.begin(), m_companies.end(),
                             [](const Company &company) { return company.existsInInstallation; }));
}

// --- CompanyFilterModel ---

CompanyFilterModel::CompanyFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    connect(this, &QAbstractItemModel::rowsInserted, this, &CompanyFilterModel::countChanged);
    connect(this, &QAbstractItemModel::rowsRemoved, this, &CompanyFilterModel::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &CompanyFilterModel::countChanged);
    connect(this, &QAbstractItemModel::layoutChanged, this, &CompanyFilterModel::countChanged);
}

CompanyModel *CompanyFilterModel::companies() const
{
    return m_companies;
}

void CompanyFilterModel::setCompanies(CompanyModel *companies)
{
    if (companies == m_companies)
        return;
    for (const auto &connection : std::as_const(m_sourceConnections))
        disconnect(connection);
    m_sourceConnections.clear();
    m_companies = companies;
    // Connected before setSourceModel() so these run before the proxy's own
    // handlers, which call filterAcceptsRow() on the new rows.
    if (m_companies) {
        m_sourceConnections << connect(m_companies, &QAbstractItemModel::modelReset, this,
                                       &CompanyFilterModel::rebuildCache)
                            << connect(m_companies, &QAbstractItemModel::rowsInserted, this,
                                       &CompanyFilterModel::rebuildCache)
                            << connect(m_companies, &QAbstractItemModel::rowsRemoved, this,
                                       &CompanyFilterModel::rebuildCache)
                            // QSortFilterProxyModel drops a destroyed source by itself; the
                            // cache and the property follow.
                            << connect(m_companies, &QObject::destroyed, this, [this] {
                                   rebuildCache();
                                   Q_EMIT companiesChanged();
                               });
    }
    rebuildCache();
    setSourceModel(m_companies);
    Q_EMIT companiesChanged();
}

void CompanyFilterModel::rebuildCache()
{
    m_foldedNames.clear();
    m_codes.clear();
    m_cnpjDigits.clear();
    if (!m_companies)
        return;
    const int rows = m_companies->rowCount();
    m_foldedNames.reserve(rows);
    m_codes.reserve(rows);
    m_cnpjDigits.reserve(rows);
    for (int row = 0; row < rows; ++row) {
        const QModelIndex index = m_companies->index(row);
        m_foldedNames.append(foldForSearch(index.data(CompanyModel::NameRole).toString()));
        m_codes.append(foldForSearch(index.data(CompanyModel::CodeRole).toString()));
        m_cnpjDigits.append(digitsOf(index.data(CompanyModel::CnpjRole).toString()));
    }
}

void CompanyFilterModel::setFilterText(const QString &text)
{
    if (text == m_filterText)
        return;
    m_filterText = text;
    const QString trimmed = text.simplified();
    m_foldedFilter = foldForSearch(trimmed);
    m_filterWords = m_foldedFilter.split(u' ', Qt::SkipEmptyParts);
    // "12.345.678/0001" and "12345678" both find a CNPJ by its digits.
    const bool numeric
        = !trimmed.isEmpty() && std::all_of(trimmed.begin(), trimmed.end(), isDigitOrPunctuation);
    m_digitsFilter = numeric ? digitsOf(trimmed) : QString();
    invalidateFilter();
    Q_EMIT filterTextChanged();
}

int CompanyFilterModel::sourceRow(int row) const
{
    const QModelIndex source = mapToSource(index(row, 0));
    return source.isValid() ? source.row() : -1;
}

void CompanyFilterModel::selectVisible(bool selected)
{
    if (!m_companies)
        return;
    QList<int> rows;
    const int count = rowCount();
    rows.reserve(count);
    for (int row = 0; row < count; ++row)
        rows.append(sourceRow(row));
    std::sort(rows.begin(), rows.end());
    m_companies->setSelectedRows(rows, selected);
}

QString CompanyFilterModel::foldForSearch(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_D);
    QString folded;
    folded.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() != QChar::Mark_NonSpacing)
            folded.append(c);
    }
    return folded.toLower();
}

bool CompanyFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid() || !m_companies)
        return false;
    if (m_foldedFilter.isEmpty())
        return true;
    if (sourceRow < 0 || sourceRow >= m_foldedNames.size())
        return false;
    const QString &code = m_codes.at(sourceRow);
    if (code.contains(m_foldedFilter))
        return true;
    const QString &name = m_foldedNames.at(sourceRow);
    // Every word typed, in any order: "esperanca acougue" finds
    // "Açougue Boa Esperança ME".
    const bool nameMatches = std::all_of(m_filterWords.begin(), m_filterWords.end(),
                                         [&](const QString &word) { return name.contains(word); });
    if (nameMatches)
        return true;
    return !m_digitsFilter.isEmpty() && m_cnpjDigits.at(sourceRow).contains(m_digitsFilter);
}

} // namespace Resguarda
