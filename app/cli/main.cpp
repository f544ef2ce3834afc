// SPDX-License-Identifier: GPL-3.0-or-later
// resguarda-cli: the command-line front end. Everything it does lives in the
// backend library (backend/cli), where the tests reach it too.
#include "cli/commands.h"
#include "core/translation.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("resguarda-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Resguarda"));
    Resguarda::installTranslations(app);
    return Resguarda::Cli::run(QCoreApplication::arguments());
}
