// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/commands.h"

#include "cli/console.h"
#include "core/exitcode.h"
#include "core/interruption.h"
#include "core/version.h"

#include <QCoreApplication>

namespace Resguarda::Cli {

namespace {

class Usage
{
    Q_DECLARE_TR_FUNCTIONS(Usage)

public:
    static QString text()
    {
        return tr("Usage: resguarda-cli <command> [options]\n"
                  "\n"
                  "Backup and restore of the companies of the system's installation.\n"
                  "\n"
                  "Commands:\n"
                  "  backup   make a copy of chosen companies (Cópia de Segurança)\n"
                  "  restore  restore chosen companies from a copy (Restauração de Dados)\n"
                  "  list     show what a copy holds\n"
                  "  verify   read a whole copy and check it\n"
                  "  demo     create a demonstration installation\n"
                  "  history  show the backups and restores of an installation\n"
                  "  send     send an existing copy to an rclone remote (off site)\n"
                  "  remote   list the copies on an rclone remote\n"
                  "\n"
                  "resguarda-cli <command> --help shows the options of a command.\n"
                  "Exit codes: 0 success, 1 failed, 2 usage error, 3 installation in use, "
                  "4 invalid or damaged copy, 5 incomplete copy written (--allow-incomplete), "
                  "6 protected copy whose password is missing or wrong, "
                  "7 copy made but not sent off site, "
                  "130 cancelled (Ctrl-C or SIGTERM).");
    }
};

} // namespace

namespace {

int runCommand(const QStringList &arguments)
{
    const QStringList rest = arguments.mid(1);
    if (rest.isEmpty()) {
        Console::err(Usage::text());
        return int(ExitCode::Usage);
    }
    const QString command = rest.first();
    if (command == u"--version" || command == u"-v") {
        Console::out(QStringLiteral("resguarda-cli ") + QString::fromLatin1(toolVersion));
        return int(ExitCode::Success);
    }
    if (command == u"--help" || command == u"-h" || command == u"help") {
        Console::out(Usage::text());
        return int(ExitCode::Success);
    }
    // QCommandLineParser expects the program name first.
    const QStringList commandArguments = QStringList {arguments.first()} + rest.mid(1);
    if (command == u"backup")
        return backupCommand(commandArguments);
    if (command == u"restore")
        return restoreCommand(commandArguments);
    if (command == u"list")
        return listCommand(commandArguments);
    if (command == u"verify")
        return verifyCommand(commandArguments);
    if (command == u"demo")
        return demoCommand(commandArguments);
    if (command == u"history")
        return historyCommand(commandArguments);
    if (command == u"send")
        return sendCommand(commandArguments);
    if (command == u"remote")
        return remoteCommand(commandArguments);
    Console::err(Usage::tr("Unknown command: %1").arg(command));
    Console::err(Usage::text());
    return int(ExitCode::Usage);
}

} // namespace

int run(const QStringList &arguments)
{
    const int exitCode = runCommand(arguments);
    // A command that finished despite the signal (a restore already
    // committed, say) reports its own result; one that stopped for it says
    // so in its code.
    if (exitCode != int(ExitCode::Success) && Interruption::requested()) {
        Console::err(Usage::tr("Cancelled: the operation was interrupted and stopped cleanly; "
                               "its temporary files were removed."));
        return cancelledExitCode;
    }
    return exitCode;
}

} // namespace Resguarda::Cli
