// SPDX-License-Identifier: GPL-3.0-or-later
// resguarda-cli: the command-line front end. Everything it does lives in the
// backend library (backend/cli), where the tests reach it too.
#include "cli/commands.h"
#include "core/interruption.h"
#include "core/translation.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("resguarda-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Resguarda"));
    Resguarda::installTranslations(app);
    // Ctrl-C and SIGTERM stop the command cleanly instead of killing it
    // with its temporary files left behind.
    Resguarda::Interruption::installSignalHandlers();
    return Resguarda::Cli::run(QCoreApplication::arguments());
}
