// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/operationerror.h"

#include <QCoreApplication>
#include <QString>

namespace Resguarda {

// Whether a folder may receive a copy: never the empty mount point of a pen
// drive that is not plugged in, where a copy would silently fill the
// computer's own disk instead.
class DestinationCheck
{
    Q_DECLARE_TR_FUNCTIONS(DestinationCheck)

public:
    // Whether a copy may go into folder (or its nearest existing parent).
    // Always refused: a folder below a mount prefix (Volume::mountPrefixes)
    // that sits on the volume holding the prefix (the root file system, or
    // the tmpfs of /run), which is the empty mount point of a pen drive that
    // is not plugged in. With requireMounted, also a folder on the root
    // volume or the installation's volume. Folders inside the installation
    // are always accepted.
    static OperationError checkFolder(const QString &installationRoot, const QString &folder,
                                      bool requireMounted);
};

} // namespace Resguarda
