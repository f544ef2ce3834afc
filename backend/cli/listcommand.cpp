// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/commandparser.h"
#include "cli/commands.h"
#include "cli/console.h"
#include "copy/copycontainer.h"
#include "copy/copyreader.h"
#include "core/displaytext.h"
#include "core/exitcode.h"
#include "core/filesystem.h"
#include "core/interruption.h"
#include "installation/installation.h"
#include "installation/sessionlock.h"
#include "maintenance/maintenanceaccess.h"
#include "maintenance/restorejournal.h"
#include "restore/newerdata.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSet>

namespace Resguarda::Cli {

namespace {

class ListCommand
{
    Q_DECLARE_TR_FUNCTIONS(ListCommand)

public:
    static int run(const QStringList &arguments);

private:
    // What a comparison with an installation (--root) found.
    struct Installed
    {
        QSet<QString> codes; // companies of the copy's system there
        QHash<QString, QDateTime> newestChanges; // NewerData::newestChanges()
        QHash<QString, NewerCompany> newer; // those newer than the copy
    };
    static QJsonObject toJson(OpenedCopy &copy, const Installed *installed, bool withFiles);
    static void printText(OpenedCopy &copy, const Installed *installed, bool withFiles);
};

QJsonObject ListCommand::toJson(OpenedCopy &copy, const Installed *installed, bool withFiles)
{
    CopyReader &reader = copy.reader();
    using DisplayText::displaySafe;
    const Manifest &manifest = reader.manifest();
    QJsonObject options;
    options.insert(u"templates", manifest.options.templates);
    options.insert(u"archiveFrom",
                   manifest.options.archiveFromYear > 0
                       ? QJsonValue(manifest.options.archiveFromYear)
                       : QJsonValue(QJsonValue::Null));
    options.insert(u"companies", QJsonArray::fromStringList(manifest.options.companies));
    options.insert(u"allSystems", manifest.options.allSystems);
    options.insert(u"rotation",
                   manifest.options.rotation.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                       : QJsonValue(manifest.options.rotation));
    options.insert(u"extra",
                   manifest.options.extraLabel.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                         : QJsonValue(manifest.options.extraLabel));
    QJsonArray companies;
    for (const auto &company : manifest.companies) {
        QJsonArray years;
        for (int year : company.years)
            years.append(year);
        QJsonObject object {{u"code"_qs, company.code},   {u"name"_qs, company.name},
                            {u"cnpj"_qs, company.cnpj},   {u"files"_qs, company.files},
                            {u"bytes"_qs, company.bytes}, {u"years"_qs, years}};
        if (installed) {
            object.insert(u"existsInRoot", installed->codes.contains(company.code));
            // The newest change of its files there, and whether restoring the
            // copy would throw newer work away.
            const QDateTime newest = installed->newestChanges.value(company.code);
            object.insert(u"newestChange",
                          newest.isValid() ? QJsonValue(
                              newest.toOffsetFromUtc(newest.offsetFromUtc()).toString(Qt::ISODate))
                                           : QJsonValue(QJsonValue::Null));
            object.insert(u"newerThanCopy", installed->newer.contains(company.code));
        }
        object.insert(u"leftOut", manifest.leftOutOfCompany(company.code));
        companies.append(object);
    }
    // Names as a person reads them ("path": bytes that are not UTF-8
    // replaced by U+FFFD) and as the copy holds them ("entry", exact).
    QJsonArray leftOut;
    for (const auto &item : manifest.leftOut)
        leftOut.append(QJsonObject {{u"path"_qs, displaySafe(item.realPath)},
                                    {u"entry"_qs, item.path},
                                    {u"reason"_qs, ManifestLeftOut::reasonId(item.reason)}});
    const QDateTime created
        = manifest.createdAt.toOffsetFromUtc(manifest.createdAt.offsetFromUtc());
    QJsonObject root {
        {u"system"_qs,
         QJsonObject {{u"code"_qs, manifest.system.code}, {u"name"_qs, manifest.system.name}}},
        {u"createdAt"_qs, created.toString(Qt::ISODate)},
        {u"formatVersion"_qs, manifest.formatVersion},
        {u"complete"_qs, !manifest.isIncomplete()},
        {u"protected"_qs, copy.isProtected()},
        {u"leftOut"_qs, leftOut},
        {u"options"_qs, options},
        {u"companies"_qs, companies},
    };
    if (withFiles) {
        // The copy's order; a damaged copy lists what can be read of it.
        QJsonArray files;
        QJsonArray folders;
        reader.scan(
            [&](const ManifestEntry &entry) {
                QJsonObject file {{u"path"_qs, displaySafe(entry.realPath)},
                                  {u"entry"_qs, entry.path},
                                  {u"size"_qs, entry.size}};
                if (entry.modified >= 0)
                    file.insert(u"modified", entry.modified);
                if (entry.mode >= 0)
                    file.insert(u"mode", QString::number(entry.mode, 8).rightJustified(4, u'0'));
                files.append(file);
                return true;
            },
            [&](const ManifestFolder &folder) {
                folders.append(QJsonObject {{u"path"_qs, displaySafe(folder.realPath)},
                                            {u"entry"_qs, folder.path}});
            });
        root.insert(u"files", files);
        root.insert(u"folders", folders);
    }
    return root;
}

void ListCommand::printText(OpenedCopy &copy, const Installed *installed, bool withFiles)
{
    using DisplayText::displaySafe;
    const Manifest &manifest = copy.reader().manifest();
    const QLocale locale;
    Console::out(tr("Copy: %1 (%2)")
                     .arg(displaySafe(QDir::toNativeSeparators(copy.originalPath())),
                          FileSystem::formatSize(copy.originalSize())));
    Console::out(tr("System: %1 - %2")
                     .arg(displaySafe(manifest.system.code), displaySafe(manifest.system.name)));
    Console::out(tr("Made on: %1 by Resguarda %2")
                     .arg(locale.toString(manifest.createdAt.toLocalTime(), QLocale::ShortFormat),
                          displaySafe(manifest.toolVersion)));
    if (copy.isProtected())
        Console::out(tr("Protected with a password (AES-256)."));
    if (manifest.isIncomplete()) {
        Console::out(tr("INCOMPLETE COPY: %n file(s) or folder(s) were left out when it was made "
                        "(--allow-incomplete). It is not a full backup.",
                        nullptr, int(manifest.leftOut.size())));
        for (const auto &item : manifest.leftOut)
            Console::out(
                QStringLiteral("  - %1: %2")
                    .arg(displaySafe(item.realPath), Installation::skipReasonText(item.reason)));
    }
    QStringList options;
    if (manifest.options.templates)
        options << tr("with document templates (%1 files)")
                       .arg(locale.toString(manifest.templateFiles));
    else
        options << tr("without document templates");
    if (manifest.options.archiveFromYear > 0)
        options << tr("annual and monthly tables from %1 on").arg(manifest.options.archiveFromYear);
    if (!manifest.options.extraLabel.isEmpty())
        options << tr("extra copy \"%1\"").arg(displaySafe(manifest.options.extraLabel));
    if (!manifest.options.rotation.isEmpty())
        options << tr("weekday set");
    Console::out(tr("Options: %1").arg(options.join(u"; ")));
    Console::out(tr("Companies (%1):").arg(locale.toString(manifest.companies.size())));
    for (const auto &company : manifest.companies) {
        QStringList years;
        for (int year : company.years)
            years << QString::number(year);
        QString line
            = QStringLiteral("  %1  %2  %3  %4  %5")
                  .arg(displaySafe(company.code), displaySafe(company.name),
                       displaySafe(company.cnpj), tr("%n file(s)", nullptr, int(company.files)),
                       FileSystem::formatSize(company.bytes));
        if (!years.isEmpty())
            line += u"  " + tr("years %1").arg(years.join(u", "));
        if (const qint64 leftOut = manifest.leftOutOfCompany(company.code))
            line += u"  " + tr("[INCOMPLETE: %n left out]", nullptr, int(leftOut));
        if (installed)
            line += u"  "
                + (installed->codes.contains(company.code) ? tr("[exists in the installation]")
                                                           : tr("[new]"));
        if (installed && installed->newer.contains(company.code))
            line += u"  "
                + tr("[NEWER here: %1]")
                      .arg(NewerData::describe(installed->newer.value(company.code)));
        Console::out(line);
    }
    if (!withFiles)
        return;
    // Printed as the copy is read, so that no list of a copy of any size
    // is held in memory; folders follow the files.
    Console::out(tr("Files (%1):").arg(locale.toString(manifest.totalFiles())));
    QStringList folders;
    copy.reader().scan(
        [&](const ManifestEntry &entry) {
            Console::out(QStringLiteral("  %1  %2")
                             .arg(displaySafe(entry.realPath), FileSystem::formatSize(entry.size)));
            return true;
        },
        [&](const ManifestFolder &folder) { folders.append(displaySafe(folder.realPath)); });
    Console::out(tr("Folders (%1):").arg(locale.toString(folders.size())));
    for (const auto &folder : std::as_const(folders))
        Console::out(QStringLiteral("  %1/").arg(folder));
}

int ListCommand::run(const QStringList &arguments)
{
    CommandParser command(QStringLiteral("list"),
                          tr("Shows what a copy holds, from its manifest."));
    auto &parser = command.parser();
    parser.addPositionalArgument(QStringLiteral("COPY"), tr("The copy file."));
    parser.addOptions({
        {QStringLiteral("root"), tr("Mark the companies that already exist in this installation."),
         tr("DIR")},
        {QStringLiteral("json"), tr("Print JSON for scripts.")},
        {QStringLiteral("files"),
         tr("Also list every file and folder (bytes of a name that are not UTF-8 are shown as "
            "a replacement mark; the copy holds them exactly).")},
    });
    command.addPasswordOptions(false);
    int exitCode = 0;
    if (!command.parse(arguments, &exitCode))
        return exitCode;
    if (parser.positionalArguments().size() != 1)
        return command.usageError(tr("Name one copy file."));
    QByteArray password;
    if (!command.password(false, &password, &exitCode))
        return exitCode;

    OperationError error;
    const auto copy
        = OpenedCopy::open(parser.positionalArguments().first(), QString(), &error, {}, password);
    if (!copy) {
        Console::err(error.message);
        return int(error.code);
    }
    // Reading a large manifest takes a while: Ctrl-C meanwhile stops here.
    if (Interruption::requested()) {
        Console::err(
            tr("Listing %1 was cancelled.").arg(QDir::toNativeSeparators(copy->originalPath())));
        return int(ExitCode::Failed);
    }
    Installed installed;
    const bool withRoot = parser.isSet(QStringLiteral("root"));
    if (withRoot) {
        const auto installation = Installation::open(parser.value(QStringLiteral("root")), &error);
        if (!installation) {
            Console::err(error.message);
            return int(error.code);
        }
        // A restore interrupted by a crash is settled first, so the marks
        // describe the companies as they really are.
        if (installation->tree().kind(RestoreJournal::stagingName()) != RootedDir::Kind::Missing) {
            std::unique_ptr<SessionLock> lock;
            QString recovered;
            error = beginMaintenance(*installation, &lock, &recovered);
            if (error) {
                Console::err(error.message);
                return int(error.code);
            }
            if (!recovered.isEmpty())
                Console::err(recovered);
        }
        const Manifest &manifest = copy->reader().manifest();
        QStringList codes;
        for (const auto &company : installation->companies(manifest.system.code)) {
            installed.codes.insert(company.code);
            codes.append(company.code);
        }
        installed.newestChanges
            = NewerData::newestChanges(*installation, manifest.system.code, codes);
        for (const auto &company : NewerData::compare(manifest, installed.newestChanges))
            installed.newer.insert(company.code, company);
    }
    const bool withFiles = parser.isSet(QStringLiteral("files"));
    if (parser.isSet(QStringLiteral("json")))
        Console::outJson(QJsonDocument(toJson(*copy, withRoot ? &installed : nullptr, withFiles))
                             .toJson(QJsonDocument::Indented));
    else
        printText(*copy, withRoot ? &installed : nullptr, withFiles);
    return 0;
}

} // namespace

int listCommand(const QStringList &arguments)
{
    return ListCommand::run(arguments);
}

} // namespace Resguarda::Cli
