// SPDX-License-Identifier: GPL-3.0-or-later
#include "backup/backupsummary.h"

#include "backup/systemselection.h"
#include "producer/backupplan.h"
#include "producer/copynaming.h"

namespace Resguarda {

QList<CopySummary> BackupSummary::make(const BackupOptions &options, OperationError *error)
{
    const auto installation = Installation::open(options.root, error);
    if (!installation)
        return {};
    const auto selections = SystemSelector::select(*installation, options, error);
    if (*error)
        return {};
    const QDateTime nameTime = CopyNaming::nameTime(options);
    QList<CopySummary> result;
    for (const auto &selection : selections) {
        BackupOptions systemOptions = options;
        systemOptions.companies = selection.companies;
        const BackupPlan plan = BackupPlan::make(*installation, selection.system, systemOptions);
        CopySummary copy;
        copy.system = selection.system;
        copy.companies = int(plan.companies.size());
        copy.companiesInSystem = int(installation->companies(selection.system.code).size());
        copy.files = plan.totalFiles();
        copy.bytes = plan.totalBytes();
        copy.target = CopyNaming::targetPath(installation->rootPath(), selection.system.code,
                                             options, nameTime, error);
        if (*error)
            return {};
        result.append(copy);
    }
    return result;
}

} // namespace Resguarda
