// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/operationerror.h"
#include "producer/backupoptions.h"

#include <QString>
#include <QStringList>

namespace TestSupport {

// Writes a copy with BackupJob, in this thread, as the app's worker does.
// Returns the path of the first copy written; empty when the job failed,
// with what went wrong in error when given, or as a warning otherwise. A
// copy allowed to leave files out (options.allowIncomplete) that did is a
// copy written.
QString makeCopy(const Resguarda::BackupOptions &options,
                 Resguarda::OperationError *error = nullptr);

// The same, with only the installation, its system, the output folder and
// (when not all) the companies chosen.
QString makeCopy(const QString &root, const QString &systemCode, const QString &output,
                 const QStringList &companies = {});

} // namespace TestSupport
