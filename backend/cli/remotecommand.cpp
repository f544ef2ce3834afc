// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/commandparser.h"
#include "cli/commands.h"
#include "cli/console.h"
#include "core/displaytext.h"
#include "core/exitcode.h"
#include "core/filesystem.h"
#include "offsite/remotestore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace Resguarda::Cli {

namespace {

class RemoteCommand
{
    Q_DECLARE_TR_FUNCTIONS(RemoteCommand)

public:
    static int run(const QStringList &arguments);
};

int RemoteCommand::run(const QStringList &arguments)
{
    CommandParser command(
        QStringLiteral("remote"),
        tr("Copies kept on rclone remotes.\n\n"
           "  remote list NAME:FOLDER   the copies in that folder, newest first"));
    auto &parser = command.parser();
    const QString json = QStringLiteral("json");
    parser.addPositionalArgument(QStringLiteral("list"), tr("What to do (list)."));
    parser.addPositionalArgument(QStringLiteral("NAME:FOLDER"),
                                 tr("A folder of a remote configured with \"rclone config\"."));
    parser.addOption({json, tr("Print the list as JSON.")});
    int exitCode = 0;
    if (!command.parse(arguments, &exitCode))
        return exitCode;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2 || positional.first() != u"list")
        return command.usageError(tr("Use: resguarda-cli remote list NAME:FOLDER"));
    QString problem;
    const auto folder = RemoteLocation::parse(positional.at(1), &problem);
    if (!folder)
        return command.usageError(problem);
    QList<RemoteCopyInfo> copies;
    if (const OperationError error = RemoteStore::listCopies(*folder, &copies)) {
        Console::err(error.message);
        return int(error.code);
    }
    if (parser.isSet(json)) {
        QJsonArray list;
        for (const auto &copy : std::as_const(copies))
            list.append(QJsonObject {{u"name"_qs, copy.name},
                                     {u"remote"_qs, folder->child(copy.name).spec()},
                                     {u"size"_qs, double(copy.size)},
                                     {u"modified"_qs, copy.modified.toString(Qt::ISODate)}});
        Console::outJson(QJsonDocument(list).toJson(QJsonDocument::Indented));
        return 0;
    }
    if (copies.isEmpty()) {
        Console::out(tr("No copies in %1.").arg(folder->spec()));
        return 0;
    }
    const QLocale locale;
    Console::out(tr("Copies in %1:").arg(folder->spec()));
    for (const auto &copy : std::as_const(copies))
        Console::out(QStringLiteral("  %1  %2  %3")
                         .arg(locale.toString(copy.modified.toLocalTime(), QLocale::ShortFormat),
                              FileSystem::formatSize(copy.size).rightJustified(10),
                              DisplayText::displaySafe(copy.name)));
    return 0;
}

} // namespace

int remoteCommand(const QStringList &arguments)
{
    return RemoteCommand::run(arguments);
}

} // namespace Resguarda::Cli
