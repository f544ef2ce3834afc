// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/commandparser.h"
#include "cli/commands.h"
#include "cli/console.h"
#include "core/filesystem.h"
#include "demo/demoinstallation.h"

#include <QDir>

namespace Resguarda::Cli {

namespace {

class DemoCommand
{
    Q_DECLARE_TR_FUNCTIONS(DemoCommand)

public:
    static int run(const QStringList &arguments);
};

int DemoCommand::run(const QStringList &arguments)
{
    CommandParser command(QStringLiteral("demo"),
                          tr("Creates a demonstration installation with realistic data."));
    auto &parser = command.parser();
    parser.addOptions({
        {QStringLiteral("root"), tr("Folder to create (must be empty or missing)."), tr("DIR")},
        {QStringLiteral("companies"), tr("Companies per system (default 5)."), tr("N")},
        {QStringLiteral("years"), tr("Years of current data (default 3)."), tr("N")},
        {QStringLiteral("size-mb"), tr("Approximate size of the data in MiB (default 20)."),
         tr("M")},
        {QStringLiteral("seed"), tr("Seed: the same seed makes the same installation (default 1)."),
         tr("S")},
        {QStringLiteral("quiet"), tr("Print only the result and errors.")},
    });
    int exitCode = 0;
    if (!command.parse(arguments, &exitCode))
        return exitCode;
    if (!parser.isSet(QStringLiteral("root")))
        return command.usageError(tr("Say where to create the installation with --root DIR."));
    DemoParameters params;
    int seed = int(params.seed);
    if (!command.intValue(QStringLiteral("companies"), 1, 9999, &params.companies, &exitCode)
        || !command.intValue(QStringLiteral("years"), 1, 50, &params.years, &exitCode)
        || !command.intValue(QStringLiteral("size-mb"), 1, 1000000, &params.sizeMb, &exitCode)
        || !command.intValue(QStringLiteral("seed"), 0, 2147483647, &seed, &exitCode))
        return exitCode;
    params.seed = quint32(seed);

    const QString root = QDir(parser.value(QStringLiteral("root"))).absolutePath();
    ProgressBar bar(!parser.isSet(QStringLiteral("quiet")) && Console::stderrIsTerminal());
    JobProgress progress;
    progress.phase = JobProgress::Phase::Writing;
    const OperationError error
        = DemoInstallation::create(root, params, [&](qint64 done, qint64 total) {
              progress.bytesDone = done;
              progress.bytesTotal = total;
              bar.update(progress);
          });
    bar.clear();
    if (error) {
        Console::err(error.message);
        return int(error.code);
    }
    Console::out(
        tr("Demonstration installation created in %1").arg(QDir::toNativeSeparators(root)));
    return 0;
}

} // namespace

int demoCommand(const QStringList &arguments)
{
    return DemoCommand::run(arguments);
}

} // namespace Resguarda::Cli
