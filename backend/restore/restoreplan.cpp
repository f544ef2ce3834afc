// SPDX-License-Identifier: GPL-3.0-or-later
#include "restore/restoreplan.h"

#include "core/checkedmath.h"
#include "core/displaytext.h"
#include "installation/folderselection.h"
#include "installation/tablepath.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <algorithm>

namespace Resguarda {

QString RestorePlan::companiesPrefix() const
{
    return system.code + u'/' + QStringView(InstallationLayout::companiesDirName) + u'/';
}

QStringView RestorePlan::companyOf(QStringView path) const
{
    const QString prefix = companiesPrefix();
    if (!path.startsWith(prefix))
        return {};
    const QStringView rest = path.mid(prefix.size());
    const qsizetype slash = rest.indexOf(u'/');
    return slash < 0 ? rest : rest.left(slash);
}

const RestorePlanCompany *RestorePlan::restored(QStringView code) const
{
    for (const auto &company : companies) {
        if (company.code == code
            && (company.action == RestorePlanCompany::Action::Replace
                || company.action == RestorePlanCompany::Action::Add))
            return &company;
    }
    return nullptr;
}

bool RestorePlan::extracts(const ManifestEntry &entry) const
{
    const QStringView code = companyOf(entry.path);
    if (code.isEmpty())
        return m_templates
            && entry.path.startsWith(InstallationLayout::templatesArchivePrefix(system.code));
    const RestorePlanCompany *company = restored(code);
    return company
        && classifyCompanyPath(
               QStringView(entry.path).mid(companiesPrefix().size() + code.size() + 1))
               .isKeptFrom(company->archiveFromYear);
}

bool RestorePlan::restoresFolderOf(const QString &folderPath) const
{
    const QStringView code = companyOf(folderPath);
    return !code.isEmpty() && restored(code);
}

bool RestorePlan::keepsEmptyFolder(const QString &folderPath) const
{
    const QStringView code = companyOf(folderPath);
    const RestorePlanCompany *company = code.isEmpty() ? nullptr : restored(code);
    if (!company)
        return false;
    // Classified as a file inside it would be.
    const QStringView rest = QStringView(folderPath).mid(companiesPrefix().size());
    return rest == code
        || classifyCompanyPath(QString(rest.mid(code.size() + 1) + u"/x"))
               .isKeptFrom(company->archiveFromYear);
}

qint64 RestorePlan::filesToExtract() const
{
    qint64 total = templates.size();
    for (const auto &company : companies)
        total = CheckedMath::saturatingAdd(total, company.copyFiles);
    return total;
}

qint64 RestorePlan::bytesToExtract() const
{
    qint64 total = 0;
    for (const auto &entry : templates)
        total = CheckedMath::saturatingAdd(total, entry.bytes);
    for (const auto &company : companies)
        total = CheckedMath::saturatingAdd(total, company.copyBytes);
    return total;
}

qint64 RestorePlan::bytesToSafeguard() const
{
    qint64 total = 0;
    for (const auto &company : companies) {
        if (company.action == RestorePlanCompany::Action::Replace
            || company.action == RestorePlanCompany::Action::Eliminate)
            total = CheckedMath::saturatingAdd(total, company.installedBytes);
    }
    // The safety copy also holds the templates the copy's replace.
    for (const auto &tmpl : templates) {
        if (tmpl.replaces)
            total = CheckedMath::saturatingAdd(total, tmpl.installedBytes);
    }
    return total;
}

bool RestorePlan::changesExistingData() const
{
    const bool templatesReplaced
        = std::any_of(templates.begin(), templates.end(),
                      [](const RestorePlanTemplate &t) { return t.replaces; });
    return templatesReplaced || !companiesWith(RestorePlanCompany::Action::Replace).isEmpty()
        || !companiesWith(RestorePlanCompany::Action::Eliminate).isEmpty();
}

QList<RestorePlanCompany> RestorePlan::companiesWith(RestorePlanCompany::Action action) const
{
    QList<RestorePlanCompany> result;
    std::copy_if(companies.begin(), companies.end(), std::back_inserter(result),
                 [action](const RestorePlanCompany &company) { return company.action == action; });
    return result;
}

TreeListing RestorePlan::contentAffected(const Installation &installation, const SystemInfo &system,
                                         const RestorePlanCompany &company)
{
    if (company.action != RestorePlanCompany::Action::Replace
        && company.action != RestorePlanCompany::Action::Eliminate)
        return {};
    const QString prefix = InstallationLayout::companyArchivePrefix(system.code, company.code);
    TreeListing listing
        = installation.listTree(InstallationLayout::companyRelativePath(system.code, company.code));
    if (company.action == RestorePlanCompany::Action::Replace && company.archiveFromYear > 0) {
        // Tables outside the operation stay where they are: they are not replaced.
        auto outside = [&](const QString &archivePath) {
            return archivePath.size() >= prefix.size()
                && !classifyCompanyPath(QStringView(archivePath).mid(prefix.size()))
                        .isKeptFrom(company.archiveFromYear);
        };
        listing.files.removeIf([&](const SourceFile &file) { return outside(file.archivePath); });
        listing.folders.removeIf(
            [&](const QString &folder) { return outside(folder + QStringLiteral("/x")); });
        listing.skipped.removeIf(
            [&](const SkippedItem &item) { return outside(item.archivePath); });
    }
    return listing;
}

std::optional<RestorePlan> RestorePlan::make(const Manifest &manifest,
                                             const Installation &installation,
                                             const RestoreOptions &options, OperationError *error)
{
    const auto system = installation.system(manifest.system.code);
    if (!system) {
        *error = OperationError::failed(
            tr("The copy is of the system %1 (%2), which is not installed in %3. Choose the "
               "installation of that system.")
                .arg(manifest.system.code, manifest.system.name,
                     QDir::toNativeSeparators(installation.rootPath())));
        return std::nullopt;
    }
    RestorePlan plan;
    plan.system = *system;

    QStringList inCopy;
    for (const auto &company : manifest.companies)
        inCopy << company.code;
    for (const auto &code : options.companies) {
        if (!inCopy.contains(code)) {
            *error = OperationError::usage(tr("The copy does not hold company %1. It holds: %2.")
                                               .arg(code, inCopy.join(u", ")));
            return std::nullopt;
        }
    }
    const QSet<QString> selected = options.companies.isEmpty()
        ? QSet<QString>(inCopy.begin(), inCopy.end())
        : QSet<QString>(options.companies.begin(), options.companies.end());

    QHash<QString, CompanyInfo> installed;
    for (const auto &company : installation.companies(system->code))
        installed.insert(company.code, company);
    auto measureInstalled = [&](RestorePlanCompany &planned) {
        const auto files = contentAffected(installation, *system, planned).files;
        planned.installedFiles = files.size();
        planned.installedBytes = 0;
        for (const auto &file : files)
            planned.installedBytes += file.size;
    };

    QHash<QString, int> archiveFrom;
    for (const auto &company : manifest.companies) {
        if (selected.contains(company.code))
            archiveFrom.insert(company.code,
                               std::max(options.archiveFromYear, company.archiveFromYear));
    }
    // Templates are few, and the manifest lists them: each is checked
    // against what the installation has at its place.
    plan.m_templates = options.templates;
    for (const auto &entry :
         options.templates ? manifest.templateEntries : QList<ManifestEntry>()) {
        const RootedDir::Kind installed = installation.tree().kind(entry.realPath);
        if (installed != RootedDir::Kind::Missing && installed != RootedDir::Kind::File) {
            // A link (or a folder, a device) where the template goes: the
            // restore would write wherever it points, or lose it.
            *error = OperationError::failed(
                tr("%1 is a symbolic link, a folder or a special file where the template of "
                   "the same "
                   "name would be restored. Resguarda never writes through it. Remove or "
                   "rename it, "
                   "or restore without the document templates. Nothing was changed in the "
                   "installation.")
                    .arg(DisplayText::displaySafe(
                        QDir::toNativeSeparators(installation.tree().filePath(entry.realPath)))));
            return std::nullopt;
        }
        const bool replaces = installed == RootedDir::Kind::File;
        plan.templates.append({entry.realPath, replaces, entry.size,
                               replaces ? installation.tree().fileSize(entry.realPath) : 0});
    }

    plan.copyLeftOut = manifest.leftOut.size();
    for (const auto &company : manifest.companies) {
        if (!selected.contains(company.code))
            continue;
        RestorePlanCompany planned;
        planned.code = company.code;
        planned.name = company.name;
        planned.cnpj = company.cnpj;
        planned.archiveFromYear = archiveFrom.value(company.code);
        planned.copyFiles = company.filesFrom(planned.archiveFromYear);
        planned.copyBytes = company.bytesFrom(planned.archiveFromYear);
        planned.leftOutInCopy = manifest.leftOutOfCompany(company.code);
        planned.action = installed.contains(company.code) ? RestorePlanCompany::Action::Replace
                                                          : RestorePlanCompany::Action::Add;
        measureInstalled(planned);
        plan.companies.append(planned);
    }
    for (const auto &company : installed) {
        if (selected.contains(company.code))
            continue;
        RestorePlanCompany planned;
        planned.code = company.code;
        planned.name = company.name;
        planned.cnpj = company.cnpj;
        planned.action = options.replaceAll ? RestorePlanCompany::Action::Eliminate
                                            : RestorePlanCompany::Action::Keep;
        // Kept companies are measured too, so the plan can show their size.
        const auto measured = installation.measure(company.relativePath);
        planned.installedFiles = measured.files;
        planned.installedBytes = measured.bytes;
        plan.companies.append(planned);
    }
    std::stable_sort(plan.companies.begin(), plan.companies.end(),
                     [](const RestorePlanCompany &a, const RestorePlanCompany &b) {
                         auto rank = [](RestorePlanCompany::Action action) {
                             return action == RestorePlanCompany::Action::Eliminate ? 1
                                 : action == RestorePlanCompany::Action::Keep       ? 2
                                                                                    : 0;
                         };
                         return rank(a.action) != rank(b.action) ? rank(a.action) < rank(b.action)
                                                                 : a.code < b.code;
                     });
    return plan;
}

} // namespace Resguarda
