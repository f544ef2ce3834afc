// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/commandparser.h"
#include "cli/commands.h"
#include "cli/console.h"
#include "copy/copycontainer.h"
#include "copy/copyreader.h"
#include "core/displaytext.h"
#include "core/exitcode.h"
#include "core/filesystem.h"

#include <QDir>
#include <QElapsedTimer>
#include <QLocale>

namespace Resguarda::Cli {

namespace {

class VerifyCommand
{
    Q_DECLARE_TR_FUNCTIONS(VerifyCommand)

public:
    static int run(const QStringList &arguments);
};

int VerifyCommand::run(const QStringList &arguments)
{
    CommandParser command(QStringLiteral("verify"),
                          tr("Reads every entry of a copy and checks it against its manifest."));
    auto &parser = command.parser();
    parser.addPositionalArgument(QStringLiteral("COPY"), tr("The copy file."));
    parser.addOption({QStringLiteral("quiet"), tr("Print only the verdict.")});
    command.addPasswordOptions(false);
    int exitCode = 0;
    if (!command.parse(arguments, &exitCode))
        return exitCode;
    if (parser.positionalArguments().size() != 1)
        return command.usageError(tr("Name one copy file."));
    QByteArray password;
    if (!command.password(false, &password, &exitCode))
        return exitCode;
    return verifyCopy(parser.positionalArguments().first(), password,
                      parser.isSet(QStringLiteral("quiet")));
}

} // namespace

int verifyCopy(const QString &copyPath, const QByteArray &password, bool quiet)
{
    OperationError error;
    const auto opened = OpenedCopy::open(copyPath, QString(), &error, {}, password);
    if (!opened) {
        Console::err(error.message);
        return int(error.code);
    }
    CopyReader *copy = &opened->reader();
    const QString path = QDir::toNativeSeparators(opened->originalPath());
    ProgressBar bar(!quiet && Console::stderrIsTerminal());
    JobProgress progress;
    progress.phase = JobProgress::Phase::Verifying;
    progress.bytesTotal = copy->manifest().totalBytes();
    progress.filesTotal = copy->manifest().totalFiles();
    QElapsedTimer clock;
    clock.start();
    bool cancelled = false;
    qint64 files = 0;
    const auto problems = copy->verify(
        [&](qint64 bytes) {
            progress.bytesDone += bytes;
            progress.bytesPerSecond
                = clock.elapsed() > 0 ? progress.bytesDone * 1000.0 / clock.elapsed() : 0;
            bar.update(progress);
            return true;
        },
        &cancelled, &files);
    bar.clear();
    if (cancelled) {
        Console::err(
            VerifyCommand::tr("Verifying %1 was cancelled: the copy was not fully checked.")
                .arg(path));
        return int(ExitCode::Failed);
    }
    for (const auto &problem : problems)
        Console::err(VerifyCommand::tr("Problem: %1").arg(problem.message));
    const QLocale locale;
    if (!problems.isEmpty()) {
        Console::err(
            VerifyCommand::tr(
                "The copy %1 is damaged: %n problem(s) found. Do not rely on it; use another "
                "copy and make a new one.",
                nullptr, int(problems.size()))
                .arg(path));
        return int(ExitCode::InvalidCopy);
    }
    Console::out(VerifyCommand::tr("The copy %1 is intact: %2 files, %3 of data checked.")
                     .arg(path, locale.toString(files),
                          FileSystem::formatSize(copy->manifest().totalBytes())));
    // Intact is not complete: what it left out when it was made is named.
    if (copy->manifest().isIncomplete()) {
        Console::out(
            VerifyCommand::tr("But it is an INCOMPLETE copy: %n file(s) or folder(s) were left out "
                              "when it was made (--allow-incomplete):",
                              nullptr, int(copy->manifest().leftOut.size())));
        for (const auto &item : copy->manifest().leftOut)
            Console::out(QStringLiteral("  - %1: %2")
                             .arg(DisplayText::displaySafe(item.realPath),
                                  Installation::skipReasonText(item.reason)));
    }
    return 0;
}

int verifyCommand(const QStringList &arguments)
{
    return VerifyCommand::run(arguments);
}

} // namespace Resguarda::Cli
