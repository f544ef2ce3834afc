// SPDX-License-Identifier: GPL-3.0-or-later
#include "offsite/remotestore.h"

#include "copy/copyfilenames.h"
#include "core/crashpoint.h"
#include "core/filesystem.h"
#include "offsite/rclonerunner.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QStorageInfo>

#include <algorithm>

namespace Resguarda {

namespace {

// An upload not yet checked, and one checked that waits to take the copy's
// name. rclone's moveto over an existing file deletes it first on Drive,
// OneDrive, SFTP and WebDAV: a run that dies between the two leaves only
// the checked upload, which the next run must give the copy's name, never
// delete.
const QString uploadingMark = QStringLiteral(".resguarda-parcial-");
const QString checkedMark = QStringLiteral(".resguarda-conferida-");

bool isStageOf(const QString &fileName, const QString &copyName, const QString &mark)
{
    const QString prefix = u'.' + copyName + mark;
    if (!fileName.startsWith(prefix) || fileName.size() != prefix.size() + 16)
        return false;
    return std::all_of(fileName.cbegin() + prefix.size(), fileName.cend(), [](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
    });
}

QString stageName(const QString &copyName, const QString &mark, quint64 random)
{
    return u'.' + copyName + mark + QStringLiteral("%1").arg(random, 16, 16, QLatin1Char('0'));
}

// rclone's exit statuses for "directory not found" and "file not found".
constexpr int rcloneFolderNotFound = 3;
constexpr int rcloneFileNotFound = 4;

// Room kept free beside a download, for the restore's own needs.
constexpr qint64 downloadMargin = 16 * 1024 * 1024;

QDateTime parseModTime(const QString &text)
{
    // rclone gives nanoseconds; Qt reads at most milliseconds.
    static const QRegularExpression fraction(QStringLiteral("(\\.\\d{3})\\d+"));
    QString trimmed = text;
    trimmed.replace(fraction, QStringLiteral("\\1"));
    QDateTime when = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
    return when.isValid() ? when.toUTC() : QDateTime();
}

struct Listed
{
    QString name;
    qint64 size = -1;
    bool isDir = false;
    QDateTime modified;
};

// lsjson's output; false when it is not that.
bool parseListing(const QByteArray &json, QList<Listed> *entries)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isArray())
        return false;
    for (const QJsonValue &value : document.array()) {
        const QJsonObject object = value.toObject();
        Listed entry;
        entry.name = object.value(u"Name").toString();
        entry.size = qint64(object.value(u"Size").toDouble(-1));
        entry.isDir = object.value(u"IsDir").toBool();
        entry.modified = parseModTime(object.value(u"ModTime").toString());
        // A name with a separator is not one entry of this folder.
        if (entry.name.isEmpty() || entry.name.contains(u'/') || entry.name.contains(u'\\'))
            continue;
        entries->append(entry);
    }
    return true;
}

using Cancelled = RcloneRunner::Cancelled;

OperationError listFolder(const RemoteLocation &folder, QList<Listed> *entries, bool *missing,
                          const Cancelled &cancelled = {})
{
    *missing = false;
    const auto result
        = RcloneRunner::run({QStringLiteral("lsjson"), QStringLiteral("--files-only"),
                             QStringLiteral("--no-mimetype"), QStringLiteral("--"), folder.spec()},
                            {}, cancelled);
    if (result.started && result.exitCode == rcloneFolderNotFound) {
        *missing = true;
        return {};
    }
    if (!result.succeeded())
        return OperationError::failed(RemoteStore::tr("The remote folder %1 cannot be listed: %2")
                                          .arg(folder.spec(), result.describe()));
    if (!parseListing(result.output, entries))
        return OperationError::failed(
            RemoteStore::tr("rclone listed the remote folder %1 in a form Resguarda does not know.")
                .arg(folder.spec()));
    return {};
}

// The copy's name hidden in a checked stage's, or empty.
QString copyNameOfChecked(const QString &fileName)
{
    static const QRegularExpression stage(
        QStringLiteral("^\\.(.+)\\.resguarda-conferida-[0-9a-f]{16}$"));
    const auto match = stage.match(fileName);
    return match.hasMatch() ? match.captured(1) : QString();
}

// The newest checked stage of the copy called name, when there is no file
// of that name: what an interrupted replacement left as the copy itself.
const Listed *orphanedCheckedStage(const QList<Listed> &entries, const QString &name)
{
    const Listed *newest = nullptr;
    for (const Listed &entry : entries) {
        if (entry.isDir)
            continue;
        if (entry.name == name)
            return nullptr;
        if (copyNameOfChecked(entry.name) == name && (!newest || entry.modified > newest->modified))
            newest = &entry;
    }
    return newest;
}

// The size of one remote file; -1 when it is not there.
OperationError remoteSize(const RemoteLocation &file, qint64 *size, const Cancelled &cancelled = {})
{
    *size = -1;
    QList<Listed> entries;
    bool missing = false;
    if (OperationError error = listFolder(file.parent(), &entries, &missing, cancelled))
        return error;
    for (const Listed &entry : std::as_const(entries))
        if (entry.name == file.fileName() && !entry.isDir)
            *size = entry.size;
    return {};
}

// The hash of target from "rclone hashsum": an error when rclone fails,
// an empty *hash when it succeeds without one (an S3 object uploaded without
// a checksum, OneDrive Personal today).
OperationError hashOf(const QString &type, const QString &target, QString *hash,
                      const Cancelled &cancelled)
{
    hash->clear();
    const auto result = RcloneRunner::run(
        {QStringLiteral("hashsum"), type, QStringLiteral("--"), target}, {}, cancelled);
    if (!result.succeeded())
        return OperationError::failed(RemoteStore::tr("the %1 hash of %2 could not be computed: %3")
                                          .arg(type.toUpper(), target, result.describe()));
    const QString first = QString::fromUtf8(result.output).section(u'\n', 0, 0);
    const QString value = first.section(u' ', 0, 0).trimmed();
    static const QRegularExpression hex(QStringLiteral("^[0-9a-fA-F]{8,}$"));
    if (hex.match(value).hasMatch())
        *hash = value.toLower();
    return {};
}

// The hash rclone can compare on this remote, preferring the common ones;
// empty when it offers none. An error when rclone cannot say: the check is
// never dropped for a failure.
OperationError hashTypeOf(const RemoteLocation &location, QString *chosen,
                          const Cancelled &cancelled)
{
    chosen->clear();
    const auto result = RcloneRunner::run(
        {QStringLiteral("backend"), QStringLiteral("features"), location.name() + u':'}, {},
        cancelled);
    if (!result.succeeded())
        return OperationError::failed(
            RemoteStore::tr("the remote's hash types could not be read: %1")
                .arg(result.describe()));
    const QJsonArray offered
        = QJsonDocument::fromJson(result.output).object().value(u"Hashes").toArray();
    QStringList types;
    for (const QJsonValue &value : offered)
        types << value.toString().toLower();
    for (const QString &preferred : {QStringLiteral("md5"), QStringLiteral("sha1"),
                                     QStringLiteral("sha256"), QStringLiteral("quickxor")})
        if (types.contains(preferred)) {
            *chosen = preferred;
            return {};
        }
    static const QRegularExpression plain(QStringLiteral("^[a-z0-9]{1,16}$"));
    for (const QString &type : std::as_const(types))
        if (plain.match(type).hasMatch()) {
            *chosen = type;
            return {};
        }
    return {};
}

// Free bytes on the remote, or -1 when the remote does not say.
qint64 remoteFree(const RemoteLocation &location, const Cancelled &cancelled)
{
    const auto result = RcloneRunner::run(
        {QStringLiteral("about"), QStringLiteral("--json"), location.name() + u':'}, {}, cancelled);
    if (!result.succeeded())
        return -1;
    const QJsonValue free = QJsonDocument::fromJson(result.output).object().value(u"free");
    return free.isDouble() ? qint64(free.toDouble()) : -1;
}

// rclone's moveto skips a copy it takes for equal (on a remote without
// modification times: the same size) and only deletes the source: a new
// copy of the same size would be thrown away. --ignore-times always moves.
RcloneRunner::Result moveOver(const RemoteLocation &from, const RemoteLocation &to,
                              const Cancelled &cancelled = {})
{
    return RcloneRunner::run({QStringLiteral("moveto"), QStringLiteral("--ignore-times"),
                              QStringLiteral("--"), from.spec(), to.spec()},
                             {}, cancelled);
}

void removeQuietly(const RemoteLocation &file)
{
    RcloneRunner::run(QStringList {QStringLiteral("deletefile")} + RcloneRunner::quickFailureFlags()
                      + QStringList {QStringLiteral("--"), file.spec()});
}

RcloneRunner::Progress transferProgress(const RemoteStore::Progress &progress,
                                        JobProgress::Phase phase, qint64 expected)
{
    if (!progress)
        return {};
    return [progress, phase, expected](qint64 done, qint64 total, double speed) {
        JobProgress state;
        state.phase = phase;
        state.bytesDone = done;
        // Until rclone knows the size, the file's is the total.
        state.bytesTotal = total > 0 ? total : expected;
        state.filesTotal = 1;
        state.filesDone = total > 0 && done >= total ? 1 : 0;
        state.bytesPerSecond = speed;
        progress(state);
    };
}

} // namespace

bool RemoteStore::rcloneInstalled()
{
    return !RcloneRunner::program().isEmpty();
}

QString RemoteStore::temporaryName(const QString &copyName)
{
    return stageName(copyName, uploadingMark, QRandomGenerator::system()->generate64());
}

bool RemoteStore::isTemporaryOf(const QString &fileName, const QString &copyName)
{
    return isStageOf(fileName, copyName, uploadingMark)
        || isStageOf(fileName, copyName, checkedMark);
}

OperationError RemoteStore::remotes(QList<RemoteInfo> *remotes)
{
    remotes->clear();
    if (!rcloneInstalled())
        return OperationError::failed(
            tr("rclone is not installed. Install it (apt install rclone) and configure a remote "
               "with \"rclone config\"."));
    const auto result
        = RcloneRunner::run({QStringLiteral("listremotes"), QStringLiteral("--long")});
    if (!result.succeeded())
        return OperationError::failed(
            tr("The rclone remotes cannot be listed: %1").arg(result.describe()));
    for (const QString &line : QString::fromUtf8(result.output).split(u'\n', Qt::SkipEmptyParts)) {
        const qsizetype colon = line.indexOf(u':');
        if (colon <= 0)
            continue;
        const QString name = line.left(colon);
        if (!RemoteLocation::isValidName(name))
            continue;
        remotes->append({name, line.mid(colon + 1).trimmed()});
    }
    return {};
}

OperationError RemoteStore::checkConfigured(const RemoteLocation &location)
{
    QList<RemoteInfo> configured;
    if (OperationError error = remotes(&configured))
        return error;
    for (const RemoteInfo &remote : std::as_const(configured))
        if (remote.name == location.name())
            return {};
    QStringList names;
    for (const RemoteInfo &remote : std::as_const(configured))
        names << remote.name;
    return OperationError::usage(
        names.isEmpty()
            ? tr("No rclone remote is called \"%1\": no remote is configured for this user. "
                 "Create one with \"rclone config\".")
                  .arg(location.name())
            : tr("No rclone remote is called \"%1\". The remotes configured for this user are: "
                 "%2. Create another with \"rclone config\".")
                  .arg(location.name(), names.join(QStringLiteral(", "))));
}

OperationError RemoteStore::listCopies(const RemoteLocation &folder, QList<RemoteCopyInfo> *copies,
                                       const Cancelled &cancelled)
{
    copies->clear();
    if (OperationError error = checkConfigured(folder))
        return error;
    QList<Listed> entries;
    bool missing = false;
    if (OperationError error = listFolder(folder, &entries, &missing, cancelled))
        return error;
    QSet<QString> names;
    for (const Listed &entry : std::as_const(entries))
        if (!entry.isDir && CopyFileNames::isCopy(entry.name) && !entry.name.startsWith(u'.')) {
            copies->append({entry.name, entry.size, entry.modified});
            names.insert(entry.name);
        }
    // A replacement that died after the remote deleted the previous copy
    // left the copy under its checked name: it is listed (and restored)
    // under its own.
    for (const Listed &entry : std::as_const(entries)) {
        const QString name = copyNameOfChecked(entry.name);
        if (name.isEmpty() || names.contains(name) || !CopyFileNames::isCopy(name)
            || name.startsWith(u'.') || name.contains(u'/'))
            continue;
        if (const Listed *stage = orphanedCheckedStage(entries, name)) {
            copies->append({name, stage->size, stage->modified});
            names.insert(name);
        }
    }
    std::sort(copies->begin(), copies->end(), [](const auto &a, const auto &b) {
        return a.modified != b.modified ? a.modified > b.modified : a.name < b.name;
    });
    return {};
}

OperationError RemoteStore::send(const QString &localCopy, const RemoteLocation &folder,
                                 SendResult *result, const Progress &progress,
                                 const Cancelled &cancelled)
{
    *result = {};
    const QFileInfo local(localCopy);
    const QString name = local.fileName();
    if (!local.isFile() || !CopyFileNames::isCopy(name))
        return OperationError::usage(tr("%1 is not a copy file.").arg(localCopy));
    const qint64 size = local.size();
    auto failed = [&](const QString &why) {
        return OperationError::offsite(
            tr("The copy was not sent to %1; the copy there, if any, is unchanged. %2")
                .arg(folder.child(name).spec(), why));
    };

    // What an earlier interrupted run of this copy left behind: unchecked
    // uploads go; a checked one is the copy itself when a replacement died
    // after deleting the previous copy, and takes its name back.
    QList<Listed> entries;
    bool missing = false;
    if (OperationError error = listFolder(folder, &entries, &missing, cancelled))
        return failed(error.message);
    // The newest checked stage, when the copy's own name is gone, is the copy.
    QString orphan;
    if (const Listed *stage = orphanedCheckedStage(entries, name)) {
        orphan = stage->name;
        const auto back = moveOver(folder.child(orphan), folder.child(name), cancelled);
        if (!back.succeeded())
            return failed(tr("the checked copy %1 left by an interrupted run could not be "
                             "given its name back: %2")
                              .arg(folder.child(orphan).spec(), back.describe()));
        ++result->leftoversRemoved;
    }
    for (const Listed &entry : std::as_const(entries)) {
        if (entry.name == orphan || !isTemporaryOf(entry.name, name))
            continue;
        if (RcloneRunner::run({QStringLiteral("deletefile"), QStringLiteral("--"),
                               folder.child(entry.name).spec()},
                              {}, cancelled)
                .succeeded())
            ++result->leftoversRemoved;
    }

    const qint64 free = remoteFree(folder, cancelled);
    if (free >= 0 && free < size)
        return failed(tr("the remote has %1 free and the copy needs %2.")
                          .arg(FileSystem::formatSize(free), FileSystem::formatSize(size)));

    const RemoteLocation temporary = folder.child(temporaryName(name));
    crashPoint("offsite-uploading");
    const auto upload = RcloneRunner::run(
        {QStringLiteral("copyto"), QStringLiteral("--"), local.absoluteFilePath(),
         temporary.spec()},
        transferProgress(progress, JobProgress::Phase::Sending, size), cancelled);
    if (!upload.succeeded()) {
        removeQuietly(temporary);
        return upload.cancelled ? OperationError::offsite(tr("Sending the copy was cancelled; the "
                                                             "copy on the remote is unchanged."))
                                : failed(upload.describe());
    }

    // The upload is checked where it landed before it replaces anything.
    qint64 landed = -1;
    const OperationError sizeError = remoteSize(temporary, &landed, cancelled);
    if (sizeError || landed != size) {
        removeQuietly(temporary);
        return failed(sizeError
                          ? sizeError.message
                          : tr("the remote holds %1 bytes of the %2 sent.").arg(landed).arg(size));
    }
    QString type;
    if (OperationError error = hashTypeOf(folder, &type, cancelled)) {
        removeQuietly(temporary);
        return failed(error.message);
    }
    result->hashOffered = !type.isEmpty();
    if (!type.isEmpty()) {
        QString there;
        QString here;
        OperationError error = hashOf(type, temporary.spec(), &there, cancelled);
        if (!error && !there.isEmpty())
            error = hashOf(type, local.absoluteFilePath(), &here, cancelled);
        if (error) {
            removeQuietly(temporary);
            return failed(error.message);
        }
        // Offered, but not kept for this file: the size is all there is.
        if (!there.isEmpty()) {
            if (here != there) {
                removeQuietly(temporary);
                return failed(tr("what the remote holds differs from the copy (%1).").arg(type));
            }
            result->hashType = type;
        }
    }
    if (cancelled && cancelled()) {
        removeQuietly(temporary);
        return OperationError::offsite(
            tr("Sending the copy was cancelled; the copy on the remote is unchanged."));
    }

    crashPoint("offsite-checked");
    // Checked: renamed first to a name that says so (a rename to a new name
    // deletes nothing), then moved over the copy.
    const RemoteLocation checked
        = folder.child(stageName(name, checkedMark, QRandomGenerator::system()->generate64()));
    const auto mark = moveOver(temporary, checked);
    if (!mark.succeeded()) {
        removeQuietly(temporary);
        return failed(mark.describe());
    }
    const auto move = moveOver(checked, folder.child(name));
    if (!move.succeeded()) {
        // Left as it is: if the previous copy is gone, this is the copy now,
        // and the next run gives it its name.
        return OperationError::offsite(
            tr("The copy was sent and checked on the remote as %1, but could not take the name "
               "%2: %3 The next off-site copy completes it.")
                .arg(checked.spec(), folder.child(name).spec(), move.describe()));
    }
    qint64 final = -1;
    if (OperationError error = remoteSize(folder.child(name), &final); error || final != size)
        return OperationError::offsite(
            tr("The copy was sent to %1, but the remote does not show it there afterwards.")
                .arg(folder.child(name).spec()));
    result->bytes = size;
    return {};
}

OperationError RemoteStore::download(const RemoteLocation &location, const QString &localFolder,
                                     QString *localPath, const Progress &progress,
                                     const Cancelled &cancelled)
{
    localPath->clear();
    const QString name = location.fileName();
    if (!CopyFileNames::isCopy(name) || name.startsWith(u'.'))
        return OperationError::usage(
            tr("%1 does not name a copy (Copia….zip).").arg(location.spec()));
    if (OperationError error = checkConfigured(location))
        return error;
    QList<Listed> entries;
    bool missing = false;
    if (OperationError error = listFolder(location.parent(), &entries, &missing, cancelled))
        return error;
    qint64 size = -1;
    RemoteLocation source = location;
    for (const Listed &entry : std::as_const(entries))
        if (entry.name == name && !entry.isDir)
            size = entry.size;
    if (const Listed *stage = orphanedCheckedStage(entries, name)) {
        source = location.parent().child(stage->name);
        size = stage->size;
    }
    if (size < 0)
        return OperationError::usage(tr("There is no copy %1.").arg(location.spec()));
    const QStorageInfo volume(localFolder);
    if (volume.bytesAvailable() < size + downloadMargin)
        return OperationError::failed(
            tr("The temporary folder %1 has %2 free; the copy %3 needs %4. Point TMPDIR at a "
               "folder with more room.")
                .arg(QDir::toNativeSeparators(localFolder),
                     FileSystem::formatSize(volume.bytesAvailable()), location.spec(),
                     FileSystem::formatSize(size + downloadMargin)));
    const QString target = QDir(localFolder).absoluteFilePath(name);
    const auto fetched = RcloneRunner::run(
        {QStringLiteral("copyto"), QStringLiteral("--"), source.spec(), target},
        transferProgress(progress, JobProgress::Phase::Receiving, size), cancelled);
    if (!fetched.succeeded() || QFileInfo(target).size() != size) {
        QFile::remove(target);
        if (fetched.cancelled)
            return OperationError::failed(tr("Fetching the copy was cancelled."));
        return OperationError::failed(
            tr("The copy %1 could not be fetched: %2")
                .arg(location.spec(),
                     fetched.succeeded() ? tr("its size differs.") : fetched.describe()));
    }
    *localPath = target;
    return {};
}

} // namespace Resguarda
