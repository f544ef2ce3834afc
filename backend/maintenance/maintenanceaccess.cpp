// SPDX-License-Identifier: GPL-3.0-or-later
#include "maintenance/maintenanceaccess.h"

#include "installation/installation.h"
#include "maintenance/restorejournal.h"

namespace Resguarda {

OperationError beginMaintenance(const Installation &installation,
                                std::unique_ptr<SessionLock> *lock, QString *note)
{
    OperationError error = SessionLock::acquireExclusive(installation.sessionsPath(),
                                                         QStringLiteral("RESGUARDA"), lock);
    if (error)
        return error;
    error = RestoreJournal::recover(installation, note);
    if (error)
        lock->reset();
    return error;
}

} // namespace Resguarda
