// SPDX-License-Identifier: GPL-3.0-or-later
#include "backup/offsitesend.h"
#include "cli/commandparser.h"
#include "cli/commands.h"
#include "cli/console.h"
#include "copy/copyfilenames.h"
#include "core/exitcode.h"
#include "core/filesystem.h"
#include "core/interruption.h"

#include <QDir>
#include <QFileInfo>

namespace Resguarda::Cli {

namespace {

class SendCommand
{
    Q_DECLARE_TR_FUNCTIONS(SendCommand)

public:
    static int run(const QStringList &arguments);
    static int send(const OffsiteSend::Request &request, bool quiet);
};

int SendCommand::send(const OffsiteSend::Request &request, bool quiet)
{
    ProgressBar bar(!quiet && Console::stderrIsTerminal());
    QList<OffsiteSend::Sent> sent;
    const OperationError error = OffsiteSend::run(
        request, &sent, [&bar](const JobProgress &progress) { bar.update(progress); },
        [] { return Interruption::requested(); });
    bar.clear();
    for (const auto &one : std::as_const(sent)) {
        Console::out(tr("Sent off site: %1").arg(one.remote));
        if (quiet)
            continue;
        const QString size = FileSystem::formatSize(one.result.bytes);
        if (!one.result.hashType.isEmpty())
            Console::out(tr("  %1, checked on the remote by its size and %2 hash.")
                             .arg(size, one.result.hashType.toUpper()));
        else if (one.result.hashOffered)
            Console::out(tr("  %1, checked on the remote by its size only (the remote keeps no "
                            "hash for this file).")
                             .arg(size));
        else
            Console::out(tr("  %1, checked on the remote by its size (the remote offers no "
                            "hash).")
                             .arg(size));
        if (one.result.leftoversRemoved > 0)
            Console::out(tr("  %n leftover(s) of an interrupted earlier run cleared.", nullptr,
                            one.result.leftoversRemoved));
    }
    if (error) {
        Console::err(error.message);
        return int(error.code);
    }
    return 0;
}

int SendCommand::run(const QStringList &arguments)
{
    CommandParser command(QStringLiteral("send"),
                          tr("Sends an existing copy to an rclone remote, after verifying it."));
    auto &parser = command.parser();
    const QString remote = QStringLiteral("remote");
    const QString root = QStringLiteral("root");
    const QString quiet = QStringLiteral("quiet");
    parser.addPositionalArgument(QStringLiteral("COPY"), tr("The copy file."));
    parser.addOptions({
        {remote,
         tr("Where to send it: NAME:FOLDER, NAME being a remote configured with \"rclone "
            "config\"."),
         tr("NAME:FOLDER")},
        {root, tr("Installation whose history records the off-site copy."), tr("DIR")},
        {quiet, tr("Print only the result and errors.")},
    });
    command.addPasswordOptions(false);
    int exitCode = 0;
    if (!command.parse(arguments, &exitCode))
        return exitCode;
    if (parser.positionalArguments().size() != 1)
        return command.usageError(tr("Name one copy file."));
    if (!parser.isSet(remote))
        return command.usageError(tr("Say where to send the copy with --remote NAME:FOLDER."));
    QString problem;
    const auto folder = RemoteLocation::parse(parser.value(remote), &problem);
    if (!folder)
        return command.usageError(problem);
    if (const OperationError error = RemoteStore::checkConfigured(*folder)) {
        Console::err(error.message);
        return int(error.code);
    }
    QByteArray password;
    if (!command.password(false, &password, &exitCode))
        return exitCode;
    const QString copy = parser.positionalArguments().first();
    if (!CopyFileNames::isCopy(QFileInfo(copy).fileName()))
        return command.usageError(
            tr("%1 is not named as a copy (Copia….zip): only copies are sent.").arg(copy));
    const bool isQuiet = parser.isSet(quiet);
    // A damaged copy is not sent: it would replace a good one off site.
    exitCode = verifyCopy(copy, password, true);
    password.fill('\0');
    if (exitCode != 0)
        return exitCode;
    OffsiteSend::Request request;
    request.folder = *folder;
    request.copies = {QFileInfo(copy).absoluteFilePath()};
    request.root = parser.value(root);
    return send(request, isQuiet);
}

} // namespace

int sendCommand(const QStringList &arguments)
{
    return SendCommand::run(arguments);
}

int sendOffsite(const OffsiteSend::Request &request, bool quiet)
{
    return SendCommand::send(request, quiet);
}

} // namespace Resguarda::Cli
