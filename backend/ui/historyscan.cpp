// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/historyscan.h"

#include "copy/copyfilenames.h"
#include "copy/copyreader.h"
#include "copy/protectedcopy.h"
#include "core/filesystem.h"
#include "installation/installation.h"
#include "installation/installationid.h"
#include "producer/copynaming.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>

#include <algorithm>

namespace Resguarda::HistoryScan {

namespace {

const QString safetyCopyMarker = QStringLiteral("-antes-da-restauracao-");
const QString incompleteResult = QStringLiteral("incomplete");

// The newest backup that wrote an incomplete copy, unless a complete copy
// succeeded after it. records: newest first, as History::read gives them.
std::optional<HistoryRecord> pendingIncompleteOf(const QList<HistoryRecord> &records)
{
    for (const auto &record : records) {
        if (!record.isBackup())
            continue;
        if (record.succeeded())
            return std::nullopt;
        if (record.result == incompleteResult)
            return record;
    }
    return std::nullopt;
}

// "CopiaAT-quarta" -> "quarta"; empty when the name is not of a weekday set.
QString weekdaySetOf(const QString &baseName)
{
    for (int day = 1; day <= 7; ++day) {
        const QString set = CopyNaming::weekdaySetName(day);
        if (baseName.endsWith(u'-' + set, Qt::CaseInsensitive))
            return set;
    }
    return {};
}

// The files this installation's history says its backups wrote, in
// absolute and in canonical form, with when the backup started: what
// vouches for a copy without an id (or with its manifest encrypted).
QHash<QString, QDateTime> copiesWrittenBy(const QList<HistoryRecord> &records)
{
    QHash<QString, QDateTime> paths;
    for (const auto &record : records) {
        if (!record.isBackup() || (!record.succeeded() && record.result != incompleteResult))
            continue;
        for (const QString &path : record.copies) {
            // Newest first: a file written again keeps its newest time.
            const QFileInfo file(path);
            if (!paths.contains(file.absoluteFilePath()))
                paths.insert(file.absoluteFilePath(), record.when);
            const QString canonical = file.canonicalFilePath();
            if (!canonical.isEmpty() && !paths.contains(canonical))
                paths.insert(canonical, record.when);
        }
    }
    return paths;
}

struct Context
{
    QString root;
    QString systemCode;
    QString installationId;
    QString copiesFolder; // <root>/Copias, absolute and clean
    QHash<QString, QDateTime> recorded;
};

Copy readCopy(const QFileInfo &file, const Context &context)
{
    Copy copy;
    copy.path = file.absoluteFilePath();
    copy.bytes = file.size();
    const QString name = file.fileName();
    copy.safetyCopy = name.contains(safetyCopyMarker, Qt::CaseInsensitive);
    OperationError error;
    // open() reads the central directory's end and the manifest only.
    if (const auto reader = CopyReader::open(copy.path, &error)) {
        const Manifest &manifest = reader->manifest();
        copy.valid = true;
        copy.systemCode = manifest.system.code;
        copy.createdAt = manifest.createdAt;
        copy.companies = int(manifest.companies.size());
        copy.extra = !manifest.options.extraLabel.isEmpty();
        copy.leftOut = manifest.leftOut.size();
        // Whose copy it is, by what the copy says, never by where it lies:
        // a remembered pen drive holds the copies of every installation
        // that used it, under the same names.
        bool thisInstallation = false;
        if (!manifest.installationId.isEmpty()) {
            thisInstallation = manifest.installationId == context.installationId;
            copy.origin = Origin::OtherInstallation;
        } else {
            thisInstallation = context.recorded.contains(copy.path)
                || context.recorded.contains(file.canonicalFilePath());
            copy.origin = Origin::Unknown;
        }
        if (thisInstallation) {
            const bool sameSystem
                = context.systemCode.isEmpty() || copy.systemCode == context.systemCode;
            copy.origin = sameSystem ? Origin::Own : Origin::OtherSystem;
        }
    } else if (const auto system = ProtectedCopy::protectedSystem(copy.path)) {
        // Protected: told by its end record alone, which is cheap; the
        // history could say it too, but not of a copy whose history is
        // elsewhere, and the file is what the restore will meet. Its
        // manifest (installation id, date) needs the password, so whose
        // copy it is comes from this installation's history, as for an
        // older copy without an id; the mark is checked when it is opened.
        copy.valid = true;
        copy.protectedCopy = true;
        copy.systemCode = *system;
        copy.extra = name.contains(u"-extra-", Qt::CaseInsensitive);
        const QString canonical = file.canonicalFilePath();
        const auto recorded = context.recorded.contains(copy.path)
            ? context.recorded.constFind(copy.path)
            : context.recorded.constFind(canonical);
        copy.createdAt = recorded != context.recorded.cend() && recorded->isValid()
            ? *recorded
            : file.lastModified();
        copy.origin = Origin::Unknown;
        if (recorded != context.recorded.cend()) {
            const bool sameSystem
                = context.systemCode.isEmpty() || copy.systemCode == context.systemCode;
            copy.origin = sameSystem ? Origin::Own : Origin::OtherSystem;
        }
    } else {
        // Still listed: the user should see that this file is not a usable
        // copy. In the installation's own Copias it is shown with its
        // copies; elsewhere nothing says whose it is.
        copy.createdAt = file.lastModified();
        copy.extra = name.contains(u"-extra-", Qt::CaseInsensitive);
        copy.origin = !context.copiesFolder.isEmpty()
                && QDir::cleanPath(file.absolutePath()) == context.copiesFolder
            ? Origin::Own
            : Origin::Unknown;
    }
    // The set is what the name says: the next copy of that weekday replaces this file.
    if (!copy.extra && !copy.safetyCopy)
        copy.weekdaySet = weekdaySetOf(file.completeBaseName());
    // A safety copy records a label, but it is not one the user asked for.
    if (copy.safetyCopy)
        copy.extra = false;
    copy.onInstallationDisk
        = !context.root.isEmpty() && FileSystem::sameVolume(copy.path, context.root);
    return copy;
}

} // namespace

Result run(const Request &request)
{
    Result result;
    Context context;
    context.root = request.root;
    context.systemCode = request.systemCode;
    QList<HistoryRecord> records;
    QStringList folders;
    if (!request.root.isEmpty()) {
        context.installationId = InstallationId::read(request.root);
        context.copiesFolder = QDir::cleanPath(QFileInfo(request.root).absoluteFilePath() + u'/'
                                               + QStringView(InstallationLayout::copiesDirName));
        folders << context.copiesFolder;
        records = History::read(request.root);
        context.recorded = copiesWrittenBy(records);
    }
    folders << request.extraFolders;

    QSet<QString> seen; // the same file reached twice (a remembered <root>/Copias)
    for (const QString &folder : std::as_const(folders)) {
        if (folder.isEmpty())
            continue;
        // Without QDir::Hidden: copies being written are ".<name>.resguarda-parcial".
        const auto files = QDir(folder).entryInfoList(QDir::Files, QDir::Name);
        for (const QFileInfo &file : files) {
            if (!CopyFileNames::isCopy(file.fileName())
                || CopyFileNames::isPartial(file.fileName()))
                continue;
            const QString key = file.canonicalFilePath();
            if (key.isEmpty() || seen.contains(key))
                continue;
            seen.insert(key);
            result.copies.append(readCopy(file, context));
        }
    }
    std::sort(result.copies.begin(), result.copies.end(), [](const Copy &a, const Copy &b) {
        if (a.own() != b.own())
            return a.own();
        if (a.createdAt != b.createdAt)
            return a.createdAt > b.createdAt;
        return a.path < b.path;
    });

    if (!request.root.isEmpty()) {
        // The history, not the copies found: a failed scheduled copy leaves
        // no file, and the copies of other days would hide that today's failed.
        result.pendingFailure = History::pendingFailure(request.root);
        // An incomplete copy is not a failure, and is shown whether it was
        // scheduled or made in the app.
        if (result.pendingFailure && result.pendingFailure->result == incompleteResult)
            result.pendingFailure.reset();
        result.pendingIncomplete = pendingIncompleteOf(records);
        result.offsite = History::offsiteState(request.root);
    }
    return result;
}

} // namespace Resguarda::HistoryScan
