// SPDX-License-Identifier: GPL-3.0-or-later
#include "producer/backupplan.h"

#include "installation/folderselection.h"
#include "installation/tablepath.h"

#include <QSet>

#include <algorithm>

namespace Resguarda {

qint64 BackupPlan::totalBytes() const
{
    qint64 total = 0;
    for (const auto &company : companies)
        total += company.bytes;
    return total + templates.totalBytes();
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
    plan.requestedCompanies = options.companies;
    // A backup of every company leaves nothing among them out in silence.
    const auto companies = installation.companies(
        system.code, &plan.warnings, options.companies.isEmpty() ? &plan.skipped : nullptr);
    for (const auto &company : companies) {
        if (!options.companies.isEmpty() && !options.companies.contains(company.code))
            continue;
        PlannedCompany planned;
        planned.info = company;
        planned.archiveFromYear = options.archiveFromYear;
        const QString prefix = InstallationLayout::companyArchivePrefix(system.code, company.code);
        TreeListing listing = installation.listTree(company.relativePath);
        auto kept = [&](const QString &archivePath) {
            return classifyCompanyPath(QStringView(archivePath).mid(prefix.size()))
                .isKeptFrom(options.archiveFromYear);
        };
        // The folders that hold something. A folder's prefix ("a/b/")
        // stands for its files: their ancestors are its ancestors, and no
        // string per file is made.
        QStringList everything = listing.folders;
        everything += listing.files.folderPrefixesWithFiles();
        for (const auto &item : listing.skipped)
            everything.append(item.archivePath);
        const QSet<QString> withContent = foldersWithContent(everything);
        QSet<int> years;
        planned.files = std::move(listing.files);
        planned.files.removeIf([&](const SourceFile &file) {
            const TableClass table
                = classifyCompanyPath(QStringView(file.archivePath).mid(prefix.size()));
            if (!table.isKeptFrom(options.archiveFromYear))
                return true;
            if (table.isDated())
                years.insert(table.year);
            return false;
        });
        planned.bytes = planned.files.totalBytes();
        // A folder is classified as a file inside it would be: the folder
        // of a year left out is left out too, and so is one left empty only
        // because its years were.
        planned.folders = selectFolders(
            listing.folders, planned.files.folderPrefixesWithFiles(),
            [&](const QString &folder) {
                return folder.size() < prefix.size() || kept(folder + QStringLiteral("/x"));
            },
            [&](const QString &folder) { return withContent.contains(folder); });
        if (!listing.folders.isEmpty() && !planned.folders.contains(listing.folders.first()))
            planned.folders.prepend(listing.folders.first()); // the company's own folder
        for (const auto &item : listing.skipped) {
            if (item.archivePath.size() < prefix.size() || kept(item.archivePath))
                plan.skipped.append(item);
        }
        planned.years = QList<int>(years.begin(), years.end());
        std::sort(planned.years.begin(), planned.years.end());
        plan.companies.append(planned);
    }
    if (options.templates) {
        TreeListing listing
            = installation.listTree(InstallationLayout::templatesRelativePath(system.code));
        plan.templates = std::move(listing.files);
        plan.templateFolders = std::move(listing.folders);
        plan.skipped += listing.skipped;
    }
    plan.allowIncomplete = options.allowIncomplete;
    return plan;
}

} // namespace Resguarda
