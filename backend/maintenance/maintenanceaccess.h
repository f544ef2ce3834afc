// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/operationerror.h"
#include "installation/sessionlock.h"

#include <QString>

#include <memory>

namespace Resguarda {

class Installation;

// What every operation that reads or writes an installation's data does
// first: take the exclusive maintenance lock (nobody connected), then finish
// or undo a restore a crash interrupted, so the data is never seen half
// swapped. note receives a sentence when a restore was settled.
OperationError beginMaintenance(const Installation &installation,
                                std::unique_ptr<SessionLock> *lock, QString *note);

} // namespace Resguarda
