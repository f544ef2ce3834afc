// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/isolatedhome.h"

#include "core/appsettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QStandardPaths>

namespace TestSupport {

void isolateHome(const QString &scratch)
{
    const QString home = QDir(scratch).filePath(QStringLiteral("home"));
    const struct
    {
        const char *variable;
        QString path;
    } folders[] = {
        {"HOME", home},
        {"XDG_CONFIG_HOME", home + QStringLiteral("/.config")},
        {"XDG_DATA_HOME", home + QStringLiteral("/.local/share")},
        {"XDG_CACHE_HOME", home + QStringLiteral("/.cache")},
        {"XDG_STATE_HOME", home + QStringLiteral("/.local/state")},
    };
    for (const auto &folder : folders) {
        QDir().mkpath(folder.path);
        qputenv(folder.variable, QFile::encodeName(folder.path));
    }
    QStandardPaths::setTestModeEnabled(true);
    Resguarda::AppSettings::setFilePath(
        QDir(scratch).filePath(QStringLiteral("settings/resguarda.conf")));
    QCoreApplication::setOrganizationName(QStringLiteral("Resguarda"));
    QCoreApplication::setApplicationName(QStringLiteral("resguarda"));
}

} // namespace TestSupport
