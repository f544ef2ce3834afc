// SPDX-License-Identifier: GPL-3.0-or-later
#include "backup/backupplan.h"

#include "installation/tablepath.h"

#include <QSet>

#include <algorithm>

namespace Resguarda {

qint64 BackupPlan::totalBytes() const
{
    qint64 total = 0;
    for (const auto &company : companies)
        total += company.bytes;
    for (const auto &file : templates)
        total += file.size;
    return total;
}

qint64 BackupPlan::totalFiles() const
{
    qint64 total = templates.size();
    for (const auto &company : companies)
        total += company.files.size();
    return total;
}

BackupPlan BackupPlan::make(const Installation &installation, const SystemInfo &system,
                            const BackupOptions &options)
{
    BackupPlan plan;
    plan.system = system;
    plan.source = installation.sharedTree();
    plan.fileMode = installation.privateFileMode();
    const auto companies = installation.companies(system.code, &plan.warnings);
    for (const auto &company : companies) {
        if (!options.companies.isEmpty() && !options.companies.contains(company.code))
            continue;
        PlannedCompany planned;
        planned.info = company;
        planned.archiveFromYear = options.archiveFromYear;
        const QString prefix = InstallationLayout::companyArchivePrefix(system.code, company.code);
        const auto files = installation.filesBelow(company.relativePath, &plan.warnings);
        QSet<int> years;
        for (const auto &file : files) {
            const TableClass table
                = classifyCompanyPath(QStringView(file.archivePath).mid(prefix.size()));
            if (!table.isKeptFrom(options.archiveFromYear))
                continue;
            if (table.isDated())
                years.insert(table.year);
            planned.files.append(file);
            planned.bytes += file.size;
        }
        planned.years = QList<int>(years.begin(), years.end());
        std::sort(planned.years.begin(), planned.years.end());
        plan.companies.append(planned);
    }
    if (options.templates) {
        plan.templates = installation.filesBelow(
            InstallationLayout::templatesRelativePath(system.code), &plan.warnings);
    }
    return plan;
}

} // namespace Resguarda
