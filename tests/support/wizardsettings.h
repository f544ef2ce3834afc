// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The wizard's settings as the tests of the controllers start them.

#include "ui/backupsettings.h"

#include <QString>

#include <memory>

namespace TestSupport {

// The backup wizard's defaults for the system AT of root, into folder.
inline std::unique_ptr<Resguarda::BackupSettings> backupSettings(const QString &root,
                                                                 const QString &folder = {})
{
    auto settings = std::make_unique<Resguarda::BackupSettings>();
    settings->setRoot(root);
    settings->setSystemCode(QStringLiteral("AT"));
    if (!folder.isEmpty())
        settings->setDestinationFolder(folder);
    return settings;
}

} // namespace TestSupport
