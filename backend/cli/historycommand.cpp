// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/commandparser.h"
#include "cli/commands.h"
#include "cli/console.h"
#include "core/displaytext.h"
#include "core/filesystem.h"
#include "history/history.h"
#include "installation/installation.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

namespace Resguarda::Cli {

namespace {

class HistoryCommand
{
    Q_DECLARE_TR_FUNCTIONS(HistoryCommand)

public:
    static int run(const QStringList &arguments);

private:
    static QString describe(const HistoryRecord &record);
};

QString HistoryCommand::describe(const HistoryRecord &record)
{
    const QLocale locale;
    QString operation = History::describeOperation(record.operation);
    if (record.scheduled)
        operation = tr("%1 (scheduled)").arg(operation);
    QString detail;
    if (!record.succeeded()) {
        // The in-use message lists who is connected, one per line: one line
        // per record reads better in a terminal and in grep.
        detail = record.message.split(u'\n', Qt::SkipEmptyParts).join(u' ');
    } else {
        QStringList paths;
        for (const auto &copy : record.copies)
            paths << QDir::toNativeSeparators(copy);
        detail = paths.join(u", ");
        if (record.bytes > 0)
            detail += u"  (" + FileSystem::formatSize(record.bytes) + u')';
    }
    // One record, one line: the history file is anybody's to write, so no
    // value of it may break the line or act on the terminal.
    return DisplayText::displaySafe(
        QStringList {locale.toString(record.when.toLocalTime(), QLocale::ShortFormat), operation,
                     History::describeResult(record.result),
                     record.system.isEmpty() ? QStringLiteral("-") : record.system, detail}
            .join(QStringLiteral("  ")));
}

int HistoryCommand::run(const QStringList &arguments)
{
    CommandParser command(QStringLiteral("history"),
                          tr("Shows the backups and restores of an installation, newest first, "
                             "from every machine that uses it."));
    auto &parser = command.parser();
    const QString root = QStringLiteral("root");
    const QString json = QStringLiteral("json");
    const QString limit = QStringLiteral("limit");
    parser.addOptions({
        {root, tr("Installation folder of the system."), tr("DIR")},
        {json, tr("Print JSON for scripts: an array of records, newest first.")},
        {limit, tr("Only the newest N records. Default: all."), tr("N")},
    });
    int exitCode = 0;
    if (!command.parse(arguments, &exitCode))
        return exitCode;
    if (!parser.positionalArguments().isEmpty())
        return command.usageError(
            tr("Unexpected argument: %1").arg(parser.positionalArguments().first()));
    if (!parser.isSet(root))
        return command.usageError(tr("Say which installation with --root DIR."));
    int maxRecords = 0;
    if (!command.intValue(limit, 1, 1000000, &maxRecords, &exitCode))
        return exitCode;

    // Only read: no session lock, so the history can be looked at while
    // the system is in use.
    OperationError error;
    const auto installation = Installation::open(parser.value(root), &error);
    if (!installation) {
        Console::err(error.message);
        return int(error.code);
    }
    const QList<HistoryRecord> records = History::read(installation->rootPath(), maxRecords);
    if (parser.isSet(json)) {
        QJsonArray array;
        for (const auto &record : records)
            array.append(record.toJson());
        Console::outJson(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return 0;
    }
    if (records.isEmpty()) {
        Console::out(tr("No backup or restore of %1 has been recorded yet.")
                         .arg(QDir::toNativeSeparators(installation->rootPath())));
        return 0;
    }
    for (const auto &record : records)
        Console::out(describe(record));
    return 0;
}

} // namespace

int historyCommand(const QStringList &arguments)
{
    return HistoryCommand::run(arguments);
}

} // namespace Resguarda::Cli
