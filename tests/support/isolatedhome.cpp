// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/isolatedhome.h"

#include "core/appsettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QStandardPaths>

namespace TestSupport {

QStringList homeEnvironment(const QString &home)
{
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
    QStringList entries;
    for (const auto &folder : folders) {
        QDir().mkpath(folder.path);
        entries << QString::fromLatin1(folder.variable) + u'=' + folder.path;
    }
    return entries;
}

void isolateHome(const QString &scratch)
{
    for (const QString &entry : homeEnvironment(QDir(scratch).filePath(QStringLiteral("home")))) {
        const qsizetype equals = entry.indexOf(u'=');
        qputenv(entry.left(equals).toLatin1().constData(),
                QFile::encodeName(entry.mid(equals + 1)));
    }
    QStandardPaths::setTestModeEnabled(true);
    Resguarda::AppSettings::setFilePath(
        QDir(scratch).filePath(QStringLiteral("settings/resguarda.conf")));
    QCoreApplication::setOrganizationName(QStringLiteral("Resguarda"));
    QCoreApplication::setApplicationName(QStringLiteral("resguarda"));
}

} // namespace TestSupport
