// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/operationerror.h"
#include "installation/installation.h"
#include "producer/backupoptions.h"

#include <QList>
#include <QString>

namespace Resguarda {

// What one copy of a backup will hold, as the backup summary states it.
struct CopySummary
{
    SystemInfo system;
    int companies = 0; // in the copy
    int companiesInSystem = 0; // registered in the system
    qint64 files = 0;
    qint64 bytes = 0; // uncompressed, templates included
    QString target; // the file that will be written
};

// The copies BackupJob would write with these options, from the same
// selection (SystemSelector), plans (BackupPlan) and names (CopyNaming) it
// uses. Lists every company's tree: run it off the GUI thread.
class BackupSummary
{
public:
    static QList<CopySummary> make(const BackupOptions &options, OperationError *error);
};

} // namespace Resguarda
