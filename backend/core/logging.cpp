// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logging.h"

Q_LOGGING_CATEGORY(lcInstallation, "resguarda.installation", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCopy, "resguarda.copy", QtInfoMsg)
Q_LOGGING_CATEGORY(lcBackup, "resguarda.backup", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRestore, "resguarda.restore", QtInfoMsg)
Q_LOGGING_CATEGORY(lcLock, "resguarda.lock", QtInfoMsg)
