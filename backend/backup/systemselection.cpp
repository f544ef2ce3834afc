// SPDX-License-Identifier: GPL-3.0-or-later
#include "backup/systemselection.h"

#include <QDir>

namespace Resguarda {

QList<SystemSelection> SystemSelector::select(const Installation &installation,
                                              const BackupOptions &options, OperationError *error)
{
    *error = OperationError::none();
    const QList<SystemInfo> &installed = installation.systems();
    QStringList knownSystems;
    for (const auto &system : installed)
        knownSystems.append(system.code);
    if (installed.isEmpty()) {
        *error = OperationError::failed(tr("This installation has no systems to copy."));
        return {};
    }

    std::optional<SystemInfo> named;
    if (!options.systemCode.isEmpty()) {
        named = installation.system(options.systemCode, Qt::CaseInsensitive);
        if (!named) {
            *error = OperationError::usage(
                tr("The system %1 is not installed in %2. Installed systems: %3.")
                    .arg(options.systemCode, QDir::toNativeSeparators(installation.rootPath()),
                         knownSystems.join(u", ")));
            return {};
        }
    } else if (installed.size() == 1) {
        named = installed.first();
    } else if (!options.allSystems) {
        *error = OperationError::usage(
            tr("This installation has several systems (%1): choose one with --system, or copy "
               "all of them with --all-systems.")
                .arg(knownSystems.join(u", ")));
        return {};
    } else if (!options.companies.isEmpty()) {
        *error = OperationError::usage(
            tr("--companies names companies of one system, and this installation has several "
               "(%1): say with --system whose companies they are. The other systems are copied "
               "with all their companies.")
                .arg(knownSystems.join(u", ")));
        return {};
    }

    QList<SystemSelection> selections;
    if (named)
        selections.append({*named, options.companies});
    if (options.allSystems || !named) {
        for (const auto &system : installed) {
            if (!named || system.code != named->code)
                selections.append({system, {}});
        }
    }
    return selections;
}

} // namespace Resguarda
