// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcInstallation)
Q_DECLARE_LOGGING_CATEGORY(lcCopy)
Q_DECLARE_LOGGING_CATEGORY(lcBackup)
Q_DECLARE_LOGGING_CATEGORY(lcRestore)
Q_DECLARE_LOGGING_CATEGORY(lcLock)
