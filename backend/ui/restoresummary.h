// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "restore/newerdata.h"
#include "restore/restoreplan.h"

#include <QCoreApplication>
#include <QStringList>

namespace Resguarda {

// One group of the restore's confirmation: "3 companies will be
// ELIMINATED, 12,4 MB", with a line per company when expanded.
struct RestoreSummaryGroup
{
    enum class Kind { NewerData, Eliminated, Replaced, Added, Kept, Templates };
    // How the screen colours it: Danger is the warning colour.
    enum class Tone { Danger, Warning, Success, Muted };

    Kind kind = Kind::Kept;
    Tone tone = Tone::Muted;
    int count = 0;
    qint64 bytes = 0; // what the group's companies or templates hold
    QString title; // "3 companies will be ELIMINATED"
    QStringList lines; // one per company or template, in the plan's order
    bool expanded = true; // how it starts: a long group starts folded
};

// What the confirmation step shows at its top, decided here and not in
// QML: the groups of a plan, those that lose work first (companies whose
// data here is newer than the copy, then those eliminated), each counted
// and measured. Empty groups are left out (templates not restored too).
class RestoreSummary
{
    Q_DECLARE_TR_FUNCTIONS(RestoreSummary)

public:
    // A group longer than this starts folded, so that the groups after it
    // and the confirmation stay in view.
    static constexpr int expandedUpTo = 8;

    static QList<RestoreSummaryGroup> groups(const RestorePlan &plan,
                                             const QList<NewerCompany> &newer);

private:
    // "0003  Açougue Boa Esperança ME – 1,2 MB"
    static QString companyLine(const RestorePlanCompany &company, qint64 bytes);
};

} // namespace Resguarda
