// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/appsettings.h"

#include <QStandardPaths>

namespace Resguarda {

namespace {

QString s_filePath;

} // namespace

QString AppSettings::filePath()
{
    if (!s_filePath.isEmpty())
        return s_filePath;
    // Named explicitly, not from QCoreApplication: the app reads "kiosk"
    // before its QGuiApplication exists, and the CLI has another name.
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
        + QStringLiteral("/Resguarda/resguarda.conf");
}

void AppSettings::setFilePath(const QString &path)
{
    s_filePath = path;
}

std::unique_ptr<QSettings> AppSettings::open()
{
    return std::make_unique<QSettings>(filePath(), QSettings::IniFormat);
}

} // namespace Resguarda
