// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/restoresummary.h"

#include "core/displaytext.h"
#include "core/filesystem.h"

#include <QHash>

namespace Resguarda {

QString RestoreSummary::companyLine(const RestorePlanCompany &company, qint64 bytes)
{
    QString line
        = DisplayText::displaySafe(QStringLiteral("%1  %2").arg(company.code, company.name))
        + QStringLiteral(" \u2013 ") + FileSystem::formatSize(bytes);
    // Restored from an incomplete copy: comes back without what it left out.
    const bool fromCopy = company.action == RestorePlanCompany::Action::Replace
        || company.action == RestorePlanCompany::Action::Add;
    if (fromCopy && company.leftOutInCopy > 0)
        line += QStringLiteral(" \u2013 ") + tr("INCOMPLETE");
    return line;
}

QList<RestoreSummaryGroup> RestoreSummary::groups(const RestorePlan &plan,
                                                  const QList<NewerCompany> &newer)
{
    using Action = RestorePlanCompany::Action;
    using Kind = RestoreSummaryGroup::Kind;
    using Tone = RestoreSummaryGroup::Tone;

    QList<RestoreSummaryGroup> groups;
    auto finish = [&groups](RestoreSummaryGroup group) {
        if (group.count == 0)
            return;
        group.expanded = group.count <= expandedUpTo;
        groups.append(std::move(group));
    };

    // Only the companies that will really be replaced lose newer work.
    QHash<QString, const NewerCompany *> newerByCode;
    for (const auto &company : newer)
        newerByCode.insert(company.code, &company);
    RestoreSummaryGroup newerGroup {Kind::NewerData, Tone::Danger};
    for (const auto &company : plan.companies) {
        const auto found = newerByCode.constFind(company.code);
        if (company.action != Action::Replace || found == newerByCode.constEnd())
            continue;
        ++newerGroup.count;
        newerGroup.bytes += company.installedBytes;
        newerGroup.lines.append(
            DisplayText::displaySafe(QStringLiteral("%1  %2").arg(company.code, company.name))
            + QStringLiteral(": ") + NewerData::describe(**found));
    }
    newerGroup.title = tr("%n company(ies) have newer data here than the copy: that work is lost",
                          nullptr, newerGroup.count);
    finish(std::move(newerGroup));

    struct Section
    {
        Action action;
        Kind kind;
        Tone tone;
    };
    const Section sections[] = {
        {Action::Eliminate, Kind::Eliminated, Tone::Danger},
        {Action::Replace, Kind::Replaced, Tone::Warning},
        {Action::Add, Kind::Added, Tone::Success},
        {Action::Keep, Kind::Kept, Tone::Muted},
    };
    for (const auto &section : sections) {
        RestoreSummaryGroup group {section.kind, section.tone};
        for (const auto &company : plan.companies) {
            if (company.action != section.action)
                continue;
            // Eliminated and kept data is the installation's; the rest comes from the copy.
            const bool fromCopy
                = section.action == Action::Replace || section.action == Action::Add;
            const qint64 bytes = fromCopy ? company.copyBytes : company.installedBytes;
            ++group.count;
            group.bytes += bytes;
            group.lines.append(companyLine(company, bytes));
        }
        switch (section.kind) {
        case Kind::Eliminated:
            group.title = tr("%n company(ies) will be ELIMINATED", nullptr, group.count);
            break;
        case Kind::Replaced:
            group.title = tr("%n company(ies) will be replaced by the copy", nullptr, group.count);
            break;
        case Kind::Added:
            group.title = tr("%n company(ies) will be added", nullptr, group.count);
            break;
        default:
            group.title = tr("%n company(ies) will be kept as they are", nullptr, group.count);
            break;
        }
        finish(std::move(group));
    }

    {
        RestoreSummaryGroup group {Kind::Templates, Tone::Muted};
        int replaced = 0;
        for (const auto &tmpl : plan.templates) {
            ++group.count;
            group.bytes += tmpl.bytes;
            replaced += tmpl.replaces ? 1 : 0;
            group.lines.append(DisplayText::displaySafe(tmpl.path) + QStringLiteral(" \u2013 ")
                               + (tmpl.replaces ? tr("replaced") : tr("added")));
        }
        group.title = tr("%n document template(s): %1 replaced, %2 added", nullptr, group.count)
                          .arg(replaced)
                          .arg(group.count - replaced);
        finish(std::move(group));
    }
    return groups;
}

} // namespace Resguarda
