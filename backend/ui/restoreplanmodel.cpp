// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/restoreplanmodel.h"

#include "core/displaytext.h"
#include "core/filesystem.h"

#include <algorithm>

namespace Resguarda {

namespace {

RestorePlanModel::Action actionOf(RestorePlanCompany::Action action)
{
    switch (action) {
    case RestorePlanCompany::Action::Replace:
        return RestorePlanModel::Replace;
    case RestorePlanCompany::Action::Add:
        return RestorePlanModel::Add;
    case RestorePlanCompany::Action::Eliminate:
        return RestorePlanModel::Eliminate;
    case RestorePlanCompany::Action::Keep:
        break;
    }
    return RestorePlanModel::Keep;
}

} // namespace

RestorePlanModel::RestorePlanModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int RestorePlanModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_plan.companies.size());
}

QVariant RestorePlanModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return {};
    const RestorePlanCompany &company = m_plan.companies.at(index.row());
    const Action action = actionOf(company.action);
    switch (role) {
    // From the copy or the installation, for the screen: display-safe.
    case Qt::DisplayRole:
    case NameRole:
        return DisplayText::displaySafe(company.name);
    case CodeRole:
        return DisplayText::displaySafe(company.code);
    case CnpjRole:
        return DisplayText::displaySafe(company.cnpj);
    case LeftOutRole:
        return leftOutOf(company);
    case NewerTextRole:
        if (action == Replace) {
            for (const auto &newer : m_newer) {
                if (newer.code == company.code)
                    return NewerData::describe(newer);
            }
        }
        return QString();
    case ActionRole:
        return action;
    case ActionTextRole:
        return actionText(action);
    case CopyBytesRole:
        return company.copyBytes;
    case InstalledBytesRole:
        return company.installedBytes;
    case SizeTextRole:
        // What is eliminated or kept comes from the installation, not the copy.
        return FileSystem::formatSize(action == Replace || action == Add ? company.copyBytes
                                                                         : company.installedBytes);
    default:
        return {};
    }
}

QHash<int, QByteArray> RestorePlanModel::roleNames() const
{
    return {
        {CodeRole, "code"},
        {NameRole, "name"},
        {CnpjRole, "cnpj"},
        {ActionRole, "action"},
        {ActionTextRole, "actionText"},
        {CopyBytesRole, "copyBytes"},
        {InstalledBytesRole, "installedBytes"},
        {SizeTextRole, "sizeText"},
        {LeftOutRole, "leftOut"},
        {NewerTextRole, "newerText"},
    };
}

QString RestorePlanModel::actionText(Action action)
{
    // The subject is "a empresa" in Portuguese: translations are feminine.
    switch (action) {
    case Replace:
        return tr("will be replaced");
    case Add:
        return tr("will be added");
    case Eliminate:
        return tr("will be ELIMINATED");
    case Keep:
        break;
    }
    return tr("will be kept");
}

void RestorePlanModel::setPlan(const RestorePlan &plan, const Manifest *manifest)
{
    beginResetModel();
    m_plan = plan;
    m_leftOut.clear();
    m_leftOutCount = manifest ? manifest->leftOut.size() : 0;
    if (manifest) {
        for (const auto &company : manifest->companies) {
            if (const qint64 count = manifest->leftOutOfCompany(company.code))
                m_leftOut.insert(company.code, count);
        }
    }
    endResetModel();
    Q_EMIT planChanged();
}

void RestorePlanModel::clear()
{
    setPlan({});
}

int RestorePlanModel::countOf(int action) const
{
    return int(std::count_if(m_plan.companies.begin(), m_plan.companies.end(),
                             [action](const RestorePlanCompany &company) {
                                 return actionOf(company.action) == action;
                             }));
}

int RestorePlanModel::replacedCount() const
{
    return countOf(Replace);
}

int RestorePlanModel::addedCount() const
{
    return countOf(Add);
}

int RestorePlanModel::eliminatedCount() const
{
    return countOf(Eliminate);
}

int RestorePlanModel::keptCount() const
{
    return countOf(Keep);
}

int RestorePlanModel::templatesReplaced() const
{
    return int(std::count_if(m_plan.templates.begin(), m_plan.templates.end(),
                             [](const RestorePlanTemplate &t) { return t.replaces; }));
}

int RestorePlanModel::templatesAdded() const
{
    return int(m_plan.templates.size()) - templatesReplaced();
}

qint64 RestorePlanModel::bytesToExtract() const
{
    return m_plan.bytesToExtract();
}

qint64 RestorePlanModel::bytesToSafeguard() const
{
    return m_plan.bytesToSafeguard();
}

bool RestorePlanModel::changesExistingData() const
{
    return m_plan.changesExistingData();
}

QStringList RestorePlanModel::eliminatedNames() const
{
    QStringList names;
    for (const auto &company : m_plan.companies) {
        if (company.action == RestorePlanCompany::Action::Eliminate)
            names.append(
                DisplayText::displaySafe(QString(company.code + u' ' + company.name).trimmed()));
    }
    return names;
}

} // namespace Resguarda

namespace Resguarda {

qint64 RestorePlanModel::leftOutOf(const RestorePlanCompany &company) const
{
    // Only what is read from the copy can lack something.
    const Action action = actionOf(company.action);
    return action == Replace || action == Add ? m_leftOut.value(company.code) : 0;
}

int RestorePlanModel::incompleteCompanies() const
{
    return int(std::count_if(
        m_plan.companies.begin(), m_plan.companies.end(),
        [this](const RestorePlanCompany &company) { return leftOutOf(company) > 0; }));
}

} // namespace Resguarda

namespace Resguarda {

void RestorePlanModel::setNewerData(const QList<NewerCompany> &newer)
{
    m_newer = newer;
    if (!m_plan.companies.isEmpty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1), {NewerTextRole});
    Q_EMIT planChanged();
}

QList<RestoreSummaryGroup> RestorePlanModel::groups() const
{
    return RestoreSummary::groups(m_plan, m_newer);
}

QVariantList RestorePlanModel::groupList() const
{
    static const char *const tones[] = {"danger", "warning", "success", "muted"};
    static const char *const kinds[]
        = {"newer", "eliminated", "replaced", "added", "kept", "templates"};
    QVariantList list;
    for (const auto &group : groups()) {
        list.append(QVariantMap {
            {QStringLiteral("kind"), QString::fromLatin1(kinds[int(group.kind)])},
            {QStringLiteral("tone"), QString::fromLatin1(tones[int(group.tone)])},
            {QStringLiteral("count"), group.count},
            {QStringLiteral("sizeText"), FileSystem::formatSize(group.bytes)},
            {QStringLiteral("title"), group.title},
            {QStringLiteral("lines"), group.lines},
            {QStringLiteral("expanded"), group.expanded},
        });
    }
    return list;
}

int RestorePlanModel::newerCount() const
{
    for (const auto &group : groups()) {
        if (group.kind == RestoreSummaryGroup::Kind::NewerData)
            return group.count;
    }
    return 0;
}

} // namespace Resguarda
