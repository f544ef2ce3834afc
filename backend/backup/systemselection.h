// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/operationerror.h"
#include "installation/installation.h"
#include "producer/backupoptions.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace Resguarda {

// One system a backup copies, with the companies asked of it.
struct SystemSelection
{
    SystemInfo system;
    QStringList companies; // codes; empty: every company of the system
};

// Which systems a backup copies, in order, and which companies of each.
//
// A company code names a company of one system: the same code in another
// system is another company (another CNPJ, other data). So the companies
// asked for (BackupOptions::companies) belong to the system named
// (BackupOptions::systemCode, or the only one installed), which is copied
// first; with "Gera Cópia dos Demais Sistemas" (allSystems) every other
// system follows, in the installation's order, with all its companies.
class SystemSelector
{
    Q_DECLARE_TR_FUNCTIONS(SystemSelector)

public:
    static QList<SystemSelection> select(const Installation &installation,
                                         const BackupOptions &options, OperationError *error);
};

} // namespace Resguarda
