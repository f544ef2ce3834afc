// SPDX-License-Identifier: GPL-3.0-or-later
#include "restore/restorejournal.h"

#include "backup/copynaming.h"
#include "core/crashpoint.h"
#include "core/filesystem.h"
#include "installation/installation.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Resguarda {

namespace {

const QString stagingFolderName = QStringLiteral(".resguarda-restauracao");
const QString journalFileName = QStringLiteral("diario.json");

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

} // namespace

RestoreJournal::RestoreJournal(const QString &root)
    : m_root(root)
{
}

QString RestoreJournal::stagingPath(const QString &root)
{
    return root + u'/' + stagingFolderName;
}

QString RestoreJournal::newPath(const QString &relative) const
{
    return stagingPath() + u"/novo/" + relative;
}

QString RestoreJournal::oldPath(const QString &relative) const
{
    return stagingPath() + u"/antigo/" + relative;
}

QString RestoreJournal::installedPath(const QString &relative) const
{
    return m_root + u'/' + relative;
}

bool RestoreJournal::save(QString *error) const
{
    QJsonArray stepArray;
    for (const auto &step : steps)
        stepArray.append(QJsonObject{{u"action"_qs, actionName(step.action)}, {u"path"_qs, step.path}});
    const QJsonObject root{{u"state"_qs, stateName(state)}, {u"copy"_qs, copyPath}, {u"steps"_qs, stepArray}};

    const QString path = stagingPath() + u'/' + journalFileName;
    const QString temporary = path + u".novo";
    QFile file(temporary);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(QJsonDocument(root).toJson()) < 0 || !FileSystem::syncFile(file)) {
        *error = file.errorString();
        return false;
    }
    file.close();
    if (!FileSystem::replaceFile(temporary, path, error))
        return false;
    FileSystem::syncDirectory(stagingPath());
    return true;
}

std::optional<RestoreJournal> RestoreJournal::load(const QString &root, QString *error)
{
    RestoreJournal journal(root);
    QFile file(journal.stagingPath() + u'/' + journalFileName);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return std::nullopt;
    }
    const QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
    const QString state = object.value(u"state").toString();
    if (state == stateName(State::Staging))
        journal.state = State::Staging;
    else if (state == stateName(State::Swapping))
        journal.state = State::Swapping;
    else if (state == stateName(State::Committed))
        journal.state = State::Committed;
    else {
        *error = tr("the journal is not readable");
        return std::nullopt;
    }
    journal.copyPath = object.value(u"copy").toString();
    for (const auto &value : object.value(u"steps").toArray()) {
        const QJsonObject step = value.toObject();
        const QString action = step.value(u"action").toString();
        const QString path = step.value(u"path").toString();
        SwapStep parsed;
        parsed.path = path;
        if (action == actionName(SwapStep::Action::Replace))
            parsed.action = SwapStep::Action::Replace;
        else if (action == actionName(SwapStep::Action::Add))
            parsed.action = SwapStep::Action::Add;
        else if (action == actionName(SwapStep::Action::Eliminate))
            parsed.action = SwapStep::Action::Eliminate;
        else {
            *error = tr("the journal is not readable");
            return std::nullopt;
        }
        // A journal only ever names paths inside the installation.
        if (path.isEmpty() || path.startsWith(u'/') || path.split(u'/').contains(QStringLiteral(".."))) {
            *error = tr("the journal is not readable");
            return std::nullopt;
        }
        journal.steps.append(parsed);
    }
    return journal;
}

OperationError RestoreJournal::begin()
{
    QString error;
    // Anything left here belongs to no journal any more (recover() ran first).
    if (QFileInfo::exists(stagingPath()) && !removeStaging())
        error = tr("the old staging folder could not be removed");
    if (error.isEmpty() && (!QDir().mkpath(stagingPath() + u"/novo") || !QDir().mkpath(stagingPath() + u"/antigo")))
        error = tr("the folder could not be created");
    if (error.isEmpty())
        save(&error);
    if (!error.isEmpty())
        return OperationError::failed(tr("The restore could not prepare its work folder %1: %2. Nothing "
                                         "was changed in the installation.")
                                          .arg(QDir::toNativeSeparators(stagingPath()), error));
    return OperationError::none();
}

bool RestoreJournal::rename(const QString &from, const QString &to, QString *error) const
{
    const QString parent = QFileInfo(to).absolutePath();
    if (!QDir().mkpath(parent) || !QDir().rename(from, to)) {
        *error = tr("%1 could not be moved to %2").arg(QDir::toNativeSeparators(from), QDir::toNativeSeparators(to));
        return false;
    }
    FileSystem::syncDirectory(parent);
    FileSystem::syncDirectory(QFileInfo(from).absolutePath());
    return true;
}

OperationError RestoreJournal::swap()
{
    QString error;
    state = State::Swapping;
    if (!save(&error))
        return OperationError::failed(
            tr("The restore could not write its journal (%1). Nothing was changed in the installation.").arg(error));
    crashPoint("restore-before-swap");
    for (const auto &step : steps) {
        bool ok = true;
        switch (step.action) {
        case SwapStep::Action::Replace:
            ok = rename(installedPath(step.path), oldPath(step.path), &error);
            crashPoint("restore-swap-half");
            ok = ok && rename(newPath(step.path), installedPath(step.path), &error);
            break;
        case SwapStep::Action::Add:
            ok = rename(newPath(step.path), installedPath(step.path), &error);
            break;
        case SwapStep::Action::Eliminate:
            ok = rename(installedPath(step.path), oldPath(step.path), &error);
            break;
        }
        if (!ok) {
            const OperationError undone = rollBack();
            return OperationError::failed(
                tr("The restore could not replace the data (%1). %2")
                    .arg(error, undone ? undone.message
                                       : tr("Everything was put back as it was before the restore.")));
        }
        crashPoint("restore-swap-step");
    }
    state = State::Committed;
    if (!save(&error)) {
        // Without a durable "committed" a crash would undo the swap later;
        // undo it now, while the user is told.
        const OperationError undone = rollBack();
        return OperationError::failed(
            tr("The restore could not write its journal (%1). %2")
                .arg(error, undone ? undone.message
                                   : tr("Everything was put back as it was before the restore.")));
    }
    crashPoint("restore-committed");
    removeStaging();
    return OperationError::none();
}

OperationError RestoreJournal::rollBack()
{
    // Undo in reverse order, deciding each step from what is on disk: a
    // rename either happened or did not.
    QString error;
    for (auto it = steps.crbegin(); it != steps.crend(); ++it) {
        const QString installed = installedPath(it->path);
        const QString old = oldPath(it->path);
        const QString fresh = newPath(it->path);
        const bool hasOld = QFileInfo::exists(old);
        bool ok = true;
        switch (it->action) {
        case SwapStep::Action::Replace:
            if (hasOld) {
                if (QFileInfo::exists(installed))
                    ok = rename(installed, fresh, &error);
                ok = ok && rename(old, installed, &error);
            }
            break;
        case SwapStep::Action::Add:
            if (!QFileInfo::exists(fresh) && QFileInfo::exists(installed))
                ok = rename(installed, fresh, &error);
            break;
        case SwapStep::Action::Eliminate:
            if (hasOld)
                ok = rename(old, installed, &error);
            break;
        }
        if (!ok)
            return OperationError::failed(
                tr("The interrupted restore could not be undone: %1. The previous data is kept in %2; "
                   "do not delete that folder, and ask for support.")
                    .arg(error, QDir::toNativeSeparators(stagingPath() + u"/antigo")));
    }
    state = State::Staging;
    save(&error);
    removeStaging();
    return OperationError::none();
}

bool RestoreJournal::removeStaging() const
{
    const QString staging = stagingPath();
    bool ok = QDir(staging + u"/novo").removeRecursively() && QDir(staging + u"/antigo").removeRecursively();
    crashPoint("restore-cleanup");
    ok = ok && QDir(staging).removeRecursively();
    return ok;
}

OperationError RestoreJournal::recover(const QString &root, QString *report)
{
    report->clear();
    // A safety copy interrupted half-written is of no use to anybody.
    const QDir copies(root + u'/' + QStringView(InstallationLayout::copiesDirName));
    const auto names = copies.entryList({QStringLiteral(".*-antes-da-restauracao-*")}, QDir::Files | QDir::Hidden);
    for (const auto &name : names) {
        if (CopyNaming::isPartialName(name))
            QFile::remove(copies.absoluteFilePath(name));
    }
    const QString staging = stagingPath(root);
    if (!QFileInfo::exists(staging))
        return OperationError::none();

    QString error;
    auto journal = load(root, &error);
    if (!journal || journal->state == State::Staging) {
        // The swap had not started: the installation was never touched.
        RestoreJournal(root).removeStaging();
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
    const OperationError undone = journal->rollBack();
    if (undone)
        return undone;
    *report = tr("An interrupted restore was undone: every company is as it was before it.");
    return OperationError::none();
}

} // namespace Resguarda
