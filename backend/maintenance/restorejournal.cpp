// SPDX-License-Identifier: GPL-3.0-or-later
#include "maintenance/restorejournal.h"

#include "copy/copyfilenames.h"
#include "copy/copyreader.h"
#include "copy/zipnames.h"
#include "core/crashpoint.h"
#include "installation/codes.h"
#include "installation/installation.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <unistd.h>

namespace Resguarda {

namespace {

const QString stagingFolderName = QStringLiteral(".resguarda-restauracao");
const QString journalFileName = QStringLiteral("diario.json");
// A journal names companies and templates: even thousands fit in this.
constexpr qint64 maxJournalSize = 16 * 1024 * 1024;

QString journalPath()
{
    return stagingFolderName + u'/' + journalFileName;
}

QString stateName(RestoreJournal::State state)
{
    switch (state) {
    case RestoreJournal::State::Staging:
        return QStringLiteral("staging");
    case RestoreJournal::State::Swapping:
        return QStringLiteral("swapping");
    case RestoreJournal::State::Committed:
        return QStringLiteral("committed");
    }
    return {};
}

QString actionName(SwapStep::Action action)
{
    switch (action) {
    case SwapStep::Action::Replace:
        return QStringLiteral("replace");
    case SwapStep::Action::Add:
        return QStringLiteral("add");
    case SwapStep::Action::Eliminate:
        return QStringLiteral("eliminate");
    }
    return {};
}

QString parentOf(const QString &relative)
{
    const qsizetype slash = relative.lastIndexOf(u'/');
    return slash < 0 ? QString() : relative.left(slash);
}

} // namespace

bool SwapStep::isValidPath(const QString &path, const QString &system)
{
    if (!Codes::isValidSystemCode(system) || !RootedDir::isValidRelativePath(path))
        return false;
    const auto parts = QStringView(path).split(u'/');
    if (parts.size() == 3 && parts[0] == system
        && parts[1] == QStringView(InstallationLayout::companiesDirName))
        return Codes::isValidCompanyCode(parts[2]);
    return path.startsWith(InstallationLayout::templatesArchivePrefix(system))
        && CopyReader::isSafeEntryName(path, system);
}

RestoreJournal::RestoreJournal(std::shared_ptr<const RootedDir> root)
    : m_root(std::move(root))
{
}

QString RestoreJournal::stagingName()
{
    return stagingFolderName;
}

QString RestoreJournal::stagingPath(const QString &root)
{
    return root + u'/' + stagingFolderName;
}

QString RestoreJournal::stagingPath() const
{
    return m_root->filePath(stagingFolderName);
}

QString RestoreJournal::newPath(const QString &relative)
{
    return stagingFolderName + u"/novo/" + relative;
}

QString RestoreJournal::oldPath(const QString &relative)
{
    return stagingFolderName + u"/antigo/" + relative;
}

bool RestoreJournal::save(QString *error) const
{
    QJsonArray stepArray;
    for (const auto &step : steps)
        stepArray.append(QJsonObject {{u"action"_qs, actionName(step.action)},
                                      {u"path"_qs, ZipNames::toEntryName(step.path)}});
    const QJsonObject object {{u"state"_qs, stateName(state)},
                              {u"paths"_qs, u"zip"_qs},
                              {u"system"_qs, system},
                              {u"copy"_qs, copyPath},
                              {u"steps"_qs, stepArray}};

    const QString temporary = journalPath() + u".novo";
    // A leftover of an interrupted save; never a link (removeFile unlinks a
    // link itself, and createFile below refuses to follow one).
    m_root->removeFile(temporary, error);
    const int fd = m_root->createFile(temporary, 0600, error);
    QFile file;
    if (fd < 0 || !file.open(fd, QIODevice::WriteOnly, QFileDevice::AutoCloseHandle))
        return false;
    if (file.write(QJsonDocument(object).toJson()) < 0 || !file.flush()
        || ::fsync(file.handle()) != 0) {
        *error = file.errorString();
        return false;
    }
    file.close();
    if (!m_root->rename(temporary, journalPath(), false, error))
        return false;
    m_root->syncDir(stagingFolderName);
    return true;
}

std::optional<RestoreJournal> RestoreJournal::load(const QString &root, QString *error)
{
    auto tree = RootedDir::open(root, error);
    if (!tree)
        return std::nullopt;
    return load(std::make_shared<const RootedDir>(std::move(*tree)), error);
}

std::optional<RestoreJournal> RestoreJournal::load(std::shared_ptr<const RootedDir> root,
                                                   QString *error)
{
    RestoreJournal journal(root);
    const int fd = root->openForReading(journalPath(), error);
    QFile file;
    if (fd < 0 || !file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle))
        return std::nullopt;
    const QByteArray data = file.read(maxJournalSize + 1);
    auto invalid = [&](const QString &why) {
        *error = tr("the journal is not valid (%1)").arg(why);
        return std::nullopt;
    };
    if (data.size() > maxJournalSize)
        return invalid(tr("too large"));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return invalid(tr("not JSON"));
    const QJsonObject object = document.object();
    const bool zipPaths = object.value(u"paths").toString() == u"zip";
    const QString state = object.value(u"state").toString();
    if (state == stateName(State::Staging))
        journal.state = State::Staging;
    else if (state == stateName(State::Swapping))
        journal.state = State::Swapping;
    else if (state == stateName(State::Committed))
        journal.state = State::Committed;
    else
        return invalid(tr("unknown state"));
    journal.system = object.value(u"system").toString();
    if (!Codes::isValidSystemCode(journal.system))
        return invalid(tr("invalid system code"));
    journal.copyPath = object.value(u"copy").toString();
    QSet<QString> seen;
    for (const auto &value : object.value(u"steps").toArray()) {
        const QJsonObject step = value.toObject();
        const QString action = step.value(u"action").toString();
        SwapStep parsed;
        // Paths are written as in a copy (ZipNames, "paths": "zip"): a
        // template's name may hold bytes that are not UTF-8, which JSON text
        // cannot. A journal of an older version has the path itself;
        // isValidPath checks either.
        const QString written = step.value(u"path").toString();
        parsed.path = zipPaths ? ZipNames::toPath(written).value_or(QString()) : written;
        if (action == actionName(SwapStep::Action::Replace))
            parsed.action = SwapStep::Action::Replace;
        else if (action == actionName(SwapStep::Action::Add))
            parsed.action = SwapStep::Action::Add;
        else if (action == actionName(SwapStep::Action::Eliminate))
            parsed.action = SwapStep::Action::Eliminate;
        else
            return invalid(tr("unknown action"));
        // Only a company folder or a template of the journal's own system,
        // each once: nothing else of the installation can be moved.
        if (!SwapStep::isValidPath(parsed.path, journal.system) || seen.contains(parsed.path))
            return invalid(tr("a step names an invalid path"));
        seen.insert(parsed.path);
        journal.steps.append(parsed);
    }
    return journal;
}

OperationError RestoreJournal::begin()
{
    QString error;
    auto failed = [&](const QString &reason) {
        return OperationError::failed(
            tr("The restore could not prepare its work folder %1: %2. Nothing "
               "was changed in the installation.")
                .arg(QDir::toNativeSeparators(stagingPath()), reason));
    };
    switch (m_root->kind(stagingFolderName)) {
    case RootedDir::Kind::Missing:
        break;
    case RootedDir::Kind::Directory:
        // Anything left here belongs to no journal any more (recover() ran first).
        if (!removeStaging())
            return failed(tr("the old staging folder could not be removed"));
        break;
    default:
        return failed(tr(
            "a file or a symbolic link that Resguarda did not create is in its place; remove it"));
    }
    if (!m_root->makePath(stagingFolderName + u"/novo", &error, 0700)
        || !m_root->makePath(stagingFolderName + u"/antigo", &error, 0700) || !save(&error))
        return failed(error);
    return OperationError::none();
}

bool RestoreJournal::move(const QString &from, const QString &to, QString *error,
                          QList<Move> *done) const
{
    const QString parent = parentOf(to);
    // Never replaces: a rename onto something that is there would lose it.
    if ((!parent.isEmpty() && !m_root->makePath(parent, error))
        || !m_root->rename(from, to, true, error))
        return false;
    if (done)
        done->append({from, to});
    m_root->syncDir(parent);
    m_root->syncDir(parentOf(from));
    return true;
}

OperationError RestoreJournal::swap()
{
    QString error;
    state = State::Swapping;
    if (!save(&error))
        return OperationError::failed(tr("The restore could not write its journal (%1). Nothing "
                                         "was changed in the installation.")
                                          .arg(error));
    crashPoint("restore-before-swap");
    QList<Move> done;
    for (const auto &step : steps) {
        bool ok = true;
        switch (step.action) {
        case SwapStep::Action::Replace:
            ok = move(step.path, oldPath(step.path), &error, &done);
            crashPoint("restore-swap-half");
            ok = ok && move(newPath(step.path), step.path, &error, &done);
            break;
        case SwapStep::Action::Add:
            ok = move(newPath(step.path), step.path, &error, &done);
            break;
        case SwapStep::Action::Eliminate:
            ok = move(step.path, oldPath(step.path), &error, &done);
            break;
        }
        if (!ok) {
            const OperationError undone = undo(done);
            return OperationError::failed(
                tr("The restore could not replace the data (%1). %2")
                    .arg(error,
                         undone ? undone.message
                                : tr("Everything was put back as it was before the restore.")));
        }
        crashPoint("restore-swap-step");
    }
    state = State::Committed;
    if (!save(&error)) {
        // Without a durable "committed" a crash would undo the swap later;
        // undo it now, while the user is told.
        const OperationError undone = undo(done);
        return OperationError::failed(
            tr("The restore could not write its journal (%1). %2")
                .arg(error,
                     undone ? undone.message
                            : tr("Everything was put back as it was before the restore.")));
    }
    crashPoint("restore-committed");
    removeStaging();
    return OperationError::none();
}

OperationError RestoreJournal::undoFailed(const QString &error) const
{
    return OperationError::failed(
        tr("The interrupted restore could not be undone: %1. The previous data "
           "is kept in %2; do not delete that folder, and ask for support.")
            .arg(error, QDir::toNativeSeparators(stagingPath() + u"/antigo")));
}

OperationError RestoreJournal::undone()
{
    // Everything is back in place: nothing is left to swap, so the staging
    // folder goes (the journal says so first, should that removal be cut short).
    QString error;
    state = State::Staging;
    save(&error);
    removeStaging();
    return OperationError::none();
}

OperationError RestoreJournal::undo(const QList<Move> &done)
{
    QString error;
    for (auto it = done.crbegin(); it != done.crend(); ++it) {
        if (!move(it->to, it->from, &error))
            return undoFailed(error);
    }
    return undone();
}

OperationError RestoreJournal::rollBackFromDisk()
{
    // After a crash the renames made are not known: each step is decided
    // from what is on disk (a rename either happened or did not), for the
    // checked steps of the journal only, and no rename replaces anything.
    QString error;
    // Only folders, files or nothing at the steps' places: a link there (or
    // on the way) was not made by the restore, and is not guessed at.
    for (const auto &step : std::as_const(steps)) {
        for (const QString &place : {step.path, oldPath(step.path), newPath(step.path)}) {
            const RootedDir::Kind kind = m_root->kind(place);
            if (kind == RootedDir::Kind::Link || kind == RootedDir::Kind::Other)
                return unreadableJournal(
                    m_root->path(),
                    tr("%1 is a symbolic link or cannot be examined")
                        .arg(QDir::toNativeSeparators(m_root->filePath(place))));
        }
    }
    for (auto it = steps.crbegin(); it != steps.crend(); ++it) {
        const QString &installed = it->path;
        const QString old = oldPath(it->path);
        const QString fresh = newPath(it->path);
        const bool hasOld = m_root->kind(old) != RootedDir::Kind::Missing;
        const bool hasInstalled = m_root->kind(installed) != RootedDir::Kind::Missing;
        const bool hasFresh = m_root->kind(fresh) != RootedDir::Kind::Missing;
        bool ok = true;
        switch (it->action) {
        case SwapStep::Action::Replace:
            if (hasOld) {
                if (hasInstalled)
                    ok = move(installed, fresh, &error);
                ok = ok && move(old, installed, &error);
            }
            break;
        case SwapStep::Action::Add:
            if (!hasFresh && hasInstalled)
                ok = move(installed, fresh, &error);
            break;
        case SwapStep::Action::Eliminate:
            if (hasOld)
                ok = move(old, installed, &error);
            break;
        }
        if (!ok)
            return undoFailed(error);
    }
    return undone();
}

bool RestoreJournal::removeStaging() const
{
    QString error;
    bool ok = m_root->removeTree(stagingFolderName + u"/novo", &error)
        && m_root->removeTree(stagingFolderName + u"/antigo", &error);
    crashPoint("restore-cleanup");
    ok = ok && m_root->removeTree(stagingFolderName, &error);
    return ok;
}

OperationError RestoreJournal::unreadableJournal(const QString &root, const QString &problem)
{
    return OperationError::failed(tr("An interrupted restore left its work folder %1, but its "
                                     "journal cannot be trusted (%2). "
                                     "Resguarda will not guess what to undo, so nothing can be "
                                     "copied or restored until this is "
                                     "resolved. Do not delete that folder: the previous data of "
                                     "the companies may be in it. Ask "
                                     "for support.")
                                      .arg(QDir::toNativeSeparators(stagingPath(root)), problem));
}

OperationError RestoreJournal::recover(const Installation &installation, QString *report)
{
    report->clear();
    const RootedDir &tree = installation.tree();
    const auto root = installation.sharedTree();
    QString error;
    // A safety copy interrupted half-written is of no use to anybody.
    const QString copies = QString::fromUtf16(InstallationLayout::copiesDirName);
    QList<RootedDir::Entry> entries;
    if (tree.kind(copies) == RootedDir::Kind::Directory && tree.list(copies, &entries, &error)) {
        for (const auto &entry : std::as_const(entries)) {
            if (entry.kind == RootedDir::Kind::File
                && entry.name.contains(u"-antes-da-restauracao-")
                && CopyFileNames::isPartial(entry.name))
                tree.removeFile(copies + u'/' + entry.name, &error);
        }
    }
    switch (tree.kind(stagingFolderName)) {
    case RootedDir::Kind::Missing:
        return OperationError::none();
    case RootedDir::Kind::Directory:
        break;
    default:
        return OperationError::failed(
            tr("%1 is a file or a symbolic link that Resguarda did not create. Remove it; until "
               "then "
               "nothing can be copied or restored.")
                .arg(QDir::toNativeSeparators(stagingPath(installation.rootPath()))));
    }

    RestoreJournal cleaner(root);
    if (tree.kind(journalPath()) == RootedDir::Kind::Missing) {
        // A crash before the first journal was written: the folder was just
        // made, so nothing of the installation can be in it yet. Anything
        // in antigo/ says otherwise, and is not guessed at.
        QList<RootedDir::Entry> old;
        const bool oldEmpty = tree.kind(stagingFolderName + u"/antigo") == RootedDir::Kind::Missing
            || (tree.list(stagingFolderName + u"/antigo", &old, &error) && old.isEmpty());
        if (!oldEmpty)
            return unreadableJournal(installation.rootPath(), tr("it is missing"));
        cleaner.removeStaging();
        *report = tr("An interrupted restore was found; it had not changed the installation. Its "
                     "temporary files were removed.");
        return OperationError::none();
    }
    auto journal = load(root, &error);
    if (!journal)
        return unreadableJournal(installation.rootPath(), error);
    if (!installation.system(journal->system))
        return unreadableJournal(
            installation.rootPath(),
            tr("it names system %1, which is not installed").arg(journal->system));
    if (journal->state == State::Staging) {
        // The swap had not started: the installation was never touched.
        journal->removeStaging();
        *report = tr("An interrupted restore was found; it had not changed the installation. Its "
                     "temporary files were removed.");
        return OperationError::none();
    }
    if (journal->state == State::Committed) {
        journal->removeStaging();
        *report = tr("An interrupted restore had finished replacing the data; its temporary files "
                     "were removed.");
        return OperationError::none();
    }
    const OperationError undone = journal->rollBackFromDisk();
    if (undone)
        return undone;
    *report = tr("An interrupted restore was undone: every company is as it was before it.");
    return OperationError::none();
}

} // namespace Resguarda
