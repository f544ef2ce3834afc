// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/commandparser.h"
#include "cli/commands.h"
#include "cli/console.h"
#include "core/displaytext.h"
#include "core/exitcode.h"
#include "core/filesystem.h"
#include "core/interruption.h"
#include "installation/archiveyears.h"
#include "installation/installation.h"
#include "offsite/remotestore.h"
#include "restore/newerdata.h"
#include "restore/restorejob.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QTemporaryDir>

#include <optional>

namespace Resguarda::Cli {

namespace {

class RestoreCommand
{
    Q_DECLARE_TR_FUNCTIONS(RestoreCommand)

public:
    static int run(const QStringList &arguments);

private:
    static QString describe(const RestorePlan &plan, const RestoreOptions &options,
                            const QList<NewerCompany> &newer);
    static QList<NewerCompany> newerData(const RestoreJob &job, const RestoreOptions &options);
};

QList<NewerCompany> RestoreCommand::newerData(const RestoreJob &job, const RestoreOptions &options)
{
    OperationError error;
    const auto installation = Installation::open(options.root, &error);
    if (!installation || !job.manifest())
        return {};
    return NewerData::find(*job.manifest(), *installation);
}

QString RestoreCommand::describe(const RestorePlan &plan, const RestoreOptions &options,
                                 const QList<NewerCompany> &newer)
{
    QStringList lines;
    // First what loses work: companies replaced although newer here.
    QStringList newerLines;
    for (const auto &company : plan.companiesWith(RestorePlanCompany::Action::Replace)) {
        for (const auto &found : newer) {
            if (found.code == company.code)
                newerLines << QStringLiteral("  %1  %2: %3")
                                  .arg(DisplayText::displaySafe(company.code),
                                       DisplayText::displaySafe(company.name),
                                       NewerData::describe(found));
        }
    }
    if (!newerLines.isEmpty())
        lines << tr("WARNING: %n company(ies) have newer data here than the copy; restoring "
                    "loses that work:",
                    nullptr, int(newerLines.size()))
              << newerLines;
    auto section = [&](RestorePlanCompany::Action action, const QString &title) {
        const auto companies = plan.companiesWith(action);
        if (companies.isEmpty())
            return;
        lines << title;
        for (const auto &company : companies) {
            QString sizes;
            switch (action) {
            case RestorePlanCompany::Action::Replace:
                sizes = tr("%1 from the copy replace %2 now in the installation")
                            .arg(FileSystem::formatSize(company.copyBytes),
                                 FileSystem::formatSize(company.installedBytes));
                break;
            case RestorePlanCompany::Action::Add:
                sizes = tr("%1 from the copy").arg(FileSystem::formatSize(company.copyBytes));
                break;
            case RestorePlanCompany::Action::Eliminate:
            case RestorePlanCompany::Action::Keep:
                sizes = FileSystem::formatSize(company.installedBytes);
                break;
            }
            if (company.leftOutInCopy > 0)
                sizes += u"; "
                    + tr("INCOMPLETE in the copy: %n file(s) or folder(s) were left out when it "
                         "was made",
                         nullptr, int(company.leftOutInCopy));
            lines << QStringLiteral("  %1  %2  %3  (%4)")
                         .arg(DisplayText::displaySafe(company.code),
                              DisplayText::displaySafe(company.name),
                              DisplayText::displaySafe(company.cnpj), sizes);
        }
    };
    if (plan.copyLeftOut > 0)
        lines << tr("This copy is INCOMPLETE: %n file(s) or folder(s) were left out when it was "
                    "made (see resguarda-cli list); what it does not hold is not restored.",
                    nullptr, int(plan.copyLeftOut));
    section(RestorePlanCompany::Action::Replace,
            tr("Will be replaced by the copy (their current data is discarded):"));
    section(RestorePlanCompany::Action::Add, tr("Will be added from the copy:"));
    section(RestorePlanCompany::Action::Eliminate,
            tr("Will be ELIMINATED (Substitui dados existentes), because they are not being "
               "restored:"));
    section(RestorePlanCompany::Action::Keep, tr("Will be kept as they are:"));

    if (!options.templates) {
        lines << tr("Document templates: not touched.");
    } else {
        int replaced = 0;
        for (const auto &tmpl : plan.templates)
            replaced += tmpl.replaces ? 1 : 0;
        lines << tr("Document templates: %1 replaced, %2 added; templates that are only in the "
                    "installation are kept.")
                     .arg(replaced)
                     .arg(plan.templates.size() - replaced);
    }
    if (options.archiveFromYear > 0)
        lines << tr("Annual and monthly tables before %1 are left out: not read from the copy, and "
                    "those in the installation stay as they are.")
                     .arg(options.archiveFromYear);
    if (!plan.changesExistingData())
        lines << tr("No existing data is replaced or eliminated.");
    else if (options.safetyCopy)
        lines << tr("Before anything is replaced, a safety copy of the %1 that will be replaced or "
                    "eliminated is written to the Copias folder.")
                     .arg(FileSystem::formatSize(plan.bytesToSafeguard()));
    else
        lines << tr(
            "NO safety copy will be made (--no-safety-copy): what is replaced or eliminated "
            "cannot be recovered unless you have another copy.");
    return lines.join(u'\n');
}

int RestoreCommand::run(const QStringList &arguments)
{
    CommandParser command(QStringLiteral("restore"),
                          tr("Restores companies from a copy (Restauração de Dados)."));
    auto &parser = command.parser();
    const QString root = QStringLiteral("root");
    const QString companies = QStringLiteral("companies");
    const QString replaceAll = QStringLiteral("replace-all");
    const QString templates = QStringLiteral("templates");
    const QString archiveFrom = QStringLiteral("archive-from");
    const QString noSafetyCopy = QStringLiteral("no-safety-copy");
    const QString yes = QStringLiteral("yes");
    const QString quiet = QStringLiteral("quiet");
    parser.addPositionalArgument(QStringLiteral("COPY"), tr("The copy to restore from."));
    parser.addOptions({
        {root, tr("Installation folder of the system."), tr("DIR")},
        {companies,
         tr("Only these companies of the copy, by code, separated by commas. Default: all."),
         tr("C1,C2")},
        {replaceAll,
         tr("Substitui dados existentes: the other companies of the system are ELIMINATED from the "
            "installation.")},
        {templates,
         tr("Inclui Modelos de Documentos: the copy's templates replace those of the same name.")},
        {archiveFrom,
         tr("Não considera arquivos mortos: annual and monthly tables before YEAR are left out, "
            "and "
            "the installation's own stay as they are."),
         tr("YEAR")},
        {noSafetyCopy, tr("Do not copy what will be replaced or eliminated first.")},
        {yes, tr("Do not ask for confirmation.")},
        {quiet, tr("Print only the result and errors.")},
    });
    command.addPasswordOptions(false);
    int exitCode = 0;
    if (!command.parse(arguments, &exitCode))
        return exitCode;
    if (parser.positionalArguments().size() != 1)
        return command.usageError(tr("Name one copy file."));
    if (!parser.isSet(root))
        return command.usageError(tr("Say which installation to restore into with --root DIR."));

    RestoreOptions options;
    options.copyPath = parser.positionalArguments().first();
    options.root = parser.value(root);
    if (!command.companyCodes(companies, &options.companies, &exitCode))
        return exitCode;
    options.replaceAll = parser.isSet(replaceAll);
    options.templates = parser.isSet(templates);
    if (!command.intValue(archiveFrom, ArchiveYears::minimum, ArchiveYears::maximum(),
                          &options.archiveFromYear, &exitCode))
        return exitCode;
    options.safetyCopy = !parser.isSet(noSafetyCopy);
    if (!command.password(false, &options.password, &exitCode))
        return exitCode;
    const bool isQuiet = parser.isSet(quiet);

    // A copy on an rclone remote is fetched into a temporary folder and
    // then restored like any other; the folder goes when the command ends,
    // however it ends (Ctrl-C included).
    std::optional<QTemporaryDir> fetched;
    if (RemoteLocation::looksRemote(options.copyPath)) {
        QString problem;
        const auto remote = RemoteLocation::parse(options.copyPath, &problem);
        if (!remote)
            return command.usageError(problem);
        fetched.emplace(
            QDir(QDir::tempPath()).filePath(QStringLiteral("resguarda-fetched-XXXXXX")));
        if (!fetched->isValid()) {
            Console::err(
                tr("No temporary folder can be made in %1: %2")
                    .arg(QDir::toNativeSeparators(QDir::tempPath()), fetched->errorString()));
            return int(ExitCode::Failed);
        }
        ProgressBar bar(!isQuiet && Console::stderrIsTerminal());
        const OperationError error = RemoteStore::download(
            *remote, fetched->path(), &options.copyPath,
            [&bar](const JobProgress &progress) { bar.update(progress); },
            [] { return Interruption::requested(); });
        bar.clear();
        if (error) {
            Console::err(error.message);
            return int(error.code);
        }
        options.copyOrigin = remote->spec();
        if (!isQuiet)
            Console::out(tr("Fetched %1 (%2); it is checked before anything is restored.")
                             .arg(remote->spec(),
                                  FileSystem::formatSize(QFileInfo(options.copyPath).size())));
    }

    RestoreJob job(options);
    OperationError error = job.prepare();
    if (error) {
        Console::err(error.message);
        return int(error.code);
    }
    if (!parser.isSet(yes)) {
        if (!Console::stdinIsTerminal() || !Console::stderrIsTerminal()) {
            Console::err(
                tr("A restore replaces data and needs a confirmation: run it on a terminal, "
                   "or add --yes to confirm in advance."));
            return int(ExitCode::Usage);
        }
        Console::err(describe(job.plan(), options, newerData(job, options)));
        if (!Console::confirm(tr("Restore now?"))) {
            Console::err(tr("Nothing was restored."));
            return int(ExitCode::Usage);
        }
    } else if (!isQuiet) {
        Console::out(describe(job.plan(), options, newerData(job, options)));
    }

    ProgressBar bar(!isQuiet && Console::stderrIsTerminal());
    QObject::connect(&job, &RestoreJob::progressChanged, [&bar, &job](const JobProgress &progress) {
        if (Interruption::requested())
            job.cancel();
        bar.update(progress);
    });
    error = job.run();
    bar.clear();
    for (const auto &note : job.notes())
        Console::err(note);
    if (error) {
        Console::err(error.message);
        return int(error.code);
    }
    Console::out(tr("Data restored successfully from %1.")
                     .arg(options.copyOrigin.isEmpty() ? QDir::toNativeSeparators(options.copyPath)
                                                       : options.copyOrigin));
    if (!job.safetyCopyPath().isEmpty())
        Console::out(tr("Safety copy of the previous data: %1")
                         .arg(QDir::toNativeSeparators(job.safetyCopyPath())));
    return 0;
}

} // namespace

int restoreCommand(const QStringList &arguments)
{
    return RestoreCommand::run(arguments);
}

} // namespace Resguarda::Cli
