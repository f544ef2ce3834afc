// SPDX-License-Identifier: GPL-3.0-or-later
#include "backup/backupjob.h"
#include "cli/commandparser.h"
#include "cli/commands.h"
#include "cli/console.h"
#include "core/filesystem.h"
#include "core/interruption.h"
#include "installation/archiveyears.h"
#include "offsite/remotestore.h"

#include <QDir>
#include <QLocale>

#include <optional>

namespace Resguarda::Cli {

namespace {

class BackupCommand
{
    Q_DECLARE_TR_FUNCTIONS(BackupCommand)

public:
    static int run(const QStringList &arguments);
};

int BackupCommand::run(const QStringList &arguments)
{
    CommandParser command(QStringLiteral("backup"),
                          tr("Makes a copy (Cópia de Segurança) of the companies of a system."));
    auto &parser = command.parser();
    const QString root = QStringLiteral("root");
    const QString system = QStringLiteral("system");
    const QString output = QStringLiteral("output");
    const QString companies = QStringLiteral("companies");
    const QString templates = QStringLiteral("templates");
    const QString archiveFrom = QStringLiteral("archive-from");
    const QString allSystems = QStringLiteral("all-systems");
    const QString rotation = QStringLiteral("rotation");
    const QString extra = QStringLiteral("extra");
    const QString wipeDestination = QStringLiteral("wipe-destination");
    const QString scheduled = QStringLiteral("scheduled");
    const QString requireMounted = QStringLiteral("require-mounted");
    const QString quiet = QStringLiteral("quiet");
    const QString allowIncomplete = QStringLiteral("allow-incomplete");
    const QString remote = QStringLiteral("remote");
    parser.addOptions({
        {root, tr("Installation folder of the system."), tr("DIR")},
        {system,
         tr("System to copy (may be left out when only one is installed). With --all-systems, "
            "the system copied first, whose companies --companies names."),
         tr("SIS")},
        {output,
         tr("Copy file, or an existing folder to write Copia<SIS>.zip into. Default: "
            "<root>/Copias."),
         tr("PATH")},
        {companies,
         tr("Only these companies of the --system, by code, separated by commas. Default: all. "
            "With --all-systems the other systems are copied with all their companies: the same "
            "code in another system is another company."),
         tr("C1,C2")},
        {templates, tr("Include the document templates (Inclui Modelos de Documentos).")},
        {archiveFrom,
         tr("Leave out annual and monthly tables before YEAR, archived or not (Não Considera "
            "Arquivos Mortos). Data left out cannot be recovered from this copy."),
         tr("YEAR")},
        {allSystems,
         tr("One copy of every installed system (Gera Cópia dos Demais Sistemas): the --system "
            "first, then the others.")},
        {rotation, tr("Keep one set per weekday: today's set is replaced, the others are kept."),
         QStringLiteral("weekday")},
        {extra,
         tr("An extra copy (before an annual closing, say), with the label and date in its name."),
         tr("LABEL")},
        {wipeDestination,
         tr("Empty the removable destination disk (Apaga conteúdo do disco de destino): "
            "everything on it is deleted; previous copies only after the new one is verified.")},
        {scheduled,
         tr("Marks the run as the scheduled daily copy: a failure is shown in red on the app's "
            "Home until a later copy succeeds.")},
        {requireMounted,
         tr("Refuse to copy unless the --output folder is on a mounted disk of its own (not the "
            "system's disk nor the installation's): a pen drive that is not plugged in fails "
            "instead of filling its empty mount point.")},
        {allowIncomplete,
         tr("Write the copy even if some files or folders cannot be read (links, special files, "
            "no permission): it is marked incomplete everywhere it is shown, names what it left "
            "out, and the command exits with 5. Without it such a backup fails (exit 1).")},
        {remote,
         tr("Then send the copies off site, to NAME:FOLDER of a remote configured with \"rclone "
            "config\": each replaces the remote copy of its name only once it is there whole and "
            "checked. When sending fails the copies made here stay, and the command exits "
            "with 7."),
         tr("NAME:FOLDER")},
        {quiet, tr("Print only the result and errors.")},
    });
    command.addPasswordOptions(true);
    int exitCode = 0;
    if (!command.parse(arguments, &exitCode))
        return exitCode;
    if (!parser.positionalArguments().isEmpty())
        return command.usageError(
            tr("Unexpected argument: %1").arg(parser.positionalArguments().first()));
    if (!parser.isSet(root))
        return command.usageError(tr("Say which installation to copy with --root DIR."));

    BackupOptions options;
    options.root = parser.value(root);
    options.systemCode = parser.value(system);
    options.output = parser.value(output);
    if (!command.companyCodes(companies, &options.companies, &exitCode))
        return exitCode;
    options.templates = parser.isSet(templates);
    if (!command.intValue(archiveFrom, ArchiveYears::minimum, ArchiveYears::maximum(),
                          &options.archiveFromYear, &exitCode))
        return exitCode;
    options.allSystems = parser.isSet(allSystems);
    options.wipeDestination = parser.isSet(wipeDestination);
    options.scheduled = parser.isSet(scheduled);
    options.requireMountedDestination = parser.isSet(requireMounted);
    options.allowIncomplete = parser.isSet(allowIncomplete);
    if (parser.isSet(rotation)) {
        if (parser.value(rotation) != u"weekday")
            return command.usageError(tr("--rotation accepts only \"weekday\"."));
        options.rotation = BackupOptions::Rotation::Weekday;
    }
    options.extraLabel = parser.value(extra);
    if (parser.isSet(extra) && options.extraLabel.trimmed().isEmpty())
        return command.usageError(tr("--extra needs a label."));
    std::optional<RemoteLocation> offsite;
    // An empty value sends nothing: the scheduled unit passes its REMOTE=,
    // unset on most machines, as one word.
    if (parser.isSet(remote) && !parser.value(remote).isEmpty()) {
        QString problem;
        offsite = RemoteLocation::parse(parser.value(remote), &problem);
        if (!offsite)
            return command.usageError(problem);
        // A wrong remote is said before a long backup, not after. The
        // scheduled copy makes its local copy anyway, and records the failed
        // sending for Home.
        if (const OperationError error = RemoteStore::checkConfigured(*offsite);
            error && !options.scheduled) {
            Console::err(error.message);
            return int(error.code);
        }
    }
    QString passwordProblem;
    if (!command.password(true, &options.password, &exitCode, &passwordProblem)) {
        // A scheduled copy refused for its password file still says so in
        // the installation's history, which Home shows on every machine.
        if (!options.scheduled || passwordProblem.isEmpty())
            return exitCode;
        options.refusal = OperationError {ExitCode::Usage, passwordProblem};
    }

    const bool isQuiet = parser.isSet(quiet);
    ProgressBar bar(!isQuiet && Console::stderrIsTerminal());
    BackupJob job(options);
    QObject::connect(&job, &BackupJob::progressChanged, [&bar, &job](const JobProgress &progress) {
        if (Interruption::requested())
            job.cancel();
        bar.update(progress);
    });
    const OperationError error = job.run();
    bar.clear();
    for (const auto &warning : job.warnings())
        Console::err(tr("Warning: %1").arg(warning));
    if (error && error.code != ExitCode::Incomplete) {
        if (error.message != options.refusal.message) // that one was printed already
            Console::err(error.message);
        return int(error.code);
    }
    const QLocale locale;
    for (const auto &copy : job.writtenCopies()) {
        if (copy.leftOut > 0)
            Console::out(
                tr("INCOMPLETE copy written (%n item(s) left out): %1", nullptr, int(copy.leftOut))
                    .arg(QDir::toNativeSeparators(copy.path)));
        else
            Console::out(
                tr("Backup completed successfully: %1").arg(QDir::toNativeSeparators(copy.path)));
        if (!isQuiet)
            Console::out(tr("  system %1: %2 files, %3 of data in a copy of %4, verified.")
                             .arg(copy.systemCode, locale.toString(copy.files),
                                  FileSystem::formatSize(copy.bytes),
                                  FileSystem::formatSize(copy.copySize)));
    }
    if (error) {
        Console::err(error.message);
        if (offsite)
            Console::err(tr("The copy was not sent off site: it is incomplete, and would replace "
                            "a complete one there."));
        return int(error.code);
    }
    if (!offsite)
        return 0;
    OffsiteSend::Request request;
    request.folder = *offsite;
    for (const auto &copy : job.writtenCopies())
        request.copies << copy.path;
    request.root = options.root;
    request.system
        = job.writtenCopies().size() == 1 ? job.writtenCopies().first().systemCode : QString();
    request.scheduled = options.scheduled;
    return sendOffsite(request, isQuiet);
}

} // namespace

int backupCommand(const QStringList &arguments)
{
    return BackupCommand::run(arguments);
}

} // namespace Resguarda::Cli
