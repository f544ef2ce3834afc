// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/historymodel.h"

#include "backup/copynaming.h"
#include "copy/copyreader.h"
#include "core/displaytext.h"
#include "core/filesystem.h"
#include "installation/installation.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QSet>

#include <algorithm>

namespace Resguarda {

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

} // namespace

HistoryModel::HistoryModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_copies.size());
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return {};
    const Copy &copy = m_copies.at(index.row());
    switch (role) {
    // Names found on a disk and codes from a manifest are shown: display-safe.
    case PathRole:
        return DisplayText::displaySafe(copy.path);
    case Qt::DisplayRole:
    case FileNameRole:
        return DisplayText::displaySafe(QFileInfo(copy.path).fileName());
    case SystemCodeRole:
        return DisplayText::displaySafe(copy.systemCode);
    case CreatedAtRole:
        return copy.createdAt;
    case DateTextRole:
        return QLocale().toString(copy.createdAt.toLocalTime(), QLocale::ShortFormat);
    case BytesRole:
        return copy.bytes;
    case SizeTextRole:
        return FileSystem::formatSize(copy.bytes);
    case CompaniesRole:
        return copy.companies;
    case WeekdaySetRole:
        return copy.weekdaySet;
    case IsExtraRole:
        return copy.extra;
    case IsSafetyCopyRole:
        return copy.safetyCopy;
    case OnInstallationDiskRole:
        return copy.onInstallationDisk;
    case ValidRole:
        return copy.valid;
    case IsIncompleteRole:
        return copy.leftOut > 0;
    case LeftOutRole:
        return copy.leftOut;
    default:
        return {};
    }
}

QHash<int, QByteArray> HistoryModel::roleNames() const
{
    return {
        {PathRole, "path"},
        {FileNameRole, "fileName"},
        {SystemCodeRole, "systemCode"},
        {CreatedAtRole, "createdAt"},
        {DateTextRole, "dateText"},
        {BytesRole, "bytes"},
        {SizeTextRole, "sizeText"},
        {CompaniesRole, "companies"},
        {WeekdaySetRole, "weekdaySet"},
        {IsExtraRole, "isExtra"},
        {IsSafetyCopyRole, "isSafetyCopy"},
        {OnInstallationDiskRole, "onInstallationDisk"},
        {ValidRole, "valid"},
        {IsIncompleteRole, "isIncomplete"},
        {LeftOutRole, "leftOut"},
    };
}

void HistoryModel::setRoot(const QString &root)
{
    // The same root still refreshes: the installation may have been opened
    // again because what lies under it was recreated, and Home must not
    // keep showing copies that were deleted or replaced.
    const bool changed = root != m_root;
    m_root = root;
    refresh();
    if (changed)
        Q_EMIT rootChanged();
}

void HistoryModel::setExtraFolders(const QStringList &folders)
{
    if (folders == m_extraFolders)
        return;
    m_extraFolders = folders;
    refresh();
    Q_EMIT extraFoldersChanged();
}

void HistoryModel::setNow(const QDateTime &now)
{
    m_now = now;
    // Every derived property (days, attention) depends on the clock.
    Q_EMIT countChanged();
}

QDateTime HistoryModel::now() const
{
    return m_now.isValid() ? m_now : QDateTime::currentDateTime();
}

HistoryModel::Copy HistoryModel::readCopy(const QString &path) const
{
    const QFileInfo file(path);
    Copy copy;
    copy.path = file.absoluteFilePath();
    copy.bytes = file.size();
    const QString name = file.fileName();
    copy.safetyCopy = name.contains(safetyCopyMarker, Qt::CaseInsensitive);
    OperationError error;
    // open() reads the central directory and the manifest only.
    if (const auto reader = CopyReader::open(copy.path, &error)) {
        const Manifest &manifest = reader->manifest();
        copy.valid = true;
        copy.systemCode = manifest.system.code;
        copy.createdAt = manifest.createdAt;
        copy.companies = int(manifest.companies.size());
        copy.extra = !manifest.options.extraLabel.isEmpty();
        copy.leftOut = manifest.leftOut.size();
    } else {
        // Still listed: the user should see that this file is not a usable copy.
        copy.createdAt = file.lastModified();
        copy.extra = name.contains(u"-extra-", Qt::CaseInsensitive);
    }
    // The set is what the name says: the next copy of that weekday replaces this file.
    if (!copy.extra && !copy.safetyCopy)
        copy.weekdaySet = weekdaySetOf(file.completeBaseName());
    // A safety copy records a label, but it is not one the user asked for.
    if (copy.safetyCopy)
        copy.extra = false;
    copy.onInstallationDisk = !m_root.isEmpty() && FileSystem::sameVolume(copy.path, m_root);
    return copy;
}

void HistoryModel::refresh()
{
    QStringList folders;
    if (!m_root.isEmpty())
        folders << m_root + u'/' + QStringView(InstallationLayout::copiesDirName);
    folders << m_extraFolders;

    QList<Copy> copies;
    QSet<QString> seen; // the same file reached twice (a remembered <root>/Copias)
    for (const QString &folder : std::as_const(folders)) {
        if (folder.isEmpty())
            continue;
        // Without QDir::Hidden: copies being written are ".<name>.resguarda-parcial".
        const auto files
            = QDir(folder).entryInfoList({QStringLiteral("Copia*.zip")}, QDir::Files, QDir::Name);
        for (const QFileInfo &file : files) {
            if (CopyNaming::isPartialName(file.fileName()))
                continue;
            const QString key = file.canonicalFilePath();
            if (key.isEmpty() || seen.contains(key))
                continue;
            seen.insert(key);
            copies.append(readCopy(file.absoluteFilePath()));
        }
    }
    std::sort(copies.begin(), copies.end(), [](const Copy &a, const Copy &b) {
        if (a.createdAt != b.createdAt)
            return a.createdAt > b.createdAt;
        return a.path < b.path;
    });

    beginResetModel();
    m_copies = std::move(copies);
    endResetModel();
    Q_EMIT countChanged();

    // The history, not the copies found: a failed scheduled copy leaves no
    // file, and the copies of other days would hide that today's failed.
    m_pendingFailure = m_root.isEmpty() ? std::nullopt : History::pendingFailure(m_root);
    // An incomplete copy is not a failure, and is shown whether it was
    // scheduled or made in the app.
    if (m_pendingFailure && m_pendingFailure->result == incompleteResult)
        m_pendingFailure.reset();
    m_pendingIncomplete
        = m_root.isEmpty() ? std::nullopt : pendingIncompleteOf(History::read(m_root));
    Q_EMIT pendingFailureChanged();
}

QString HistoryModel::pendingIncompleteText() const
{
    if (!m_pendingIncomplete)
        return {};
    const QString when
        = QLocale().toString(m_pendingIncomplete->when.toLocalTime(), QLocale::ShortFormat);
    // The count comes from the copy itself, when it is still found.
    qint64 leftOut = 0;
    for (const QString &path : m_pendingIncomplete->copies) {
        const QString absolute = QFileInfo(path).absoluteFilePath();
        for (const Copy &copy : m_copies) {
            if (copy.path == absolute)
                leftOut += copy.leftOut;
        }
    }
    if (leftOut > 0)
        return tr("The copy of %1 left %n file(s) or folder(s) out: it is not a full backup. Make "
                  "a complete copy as soon as they can be read.",
                  nullptr, int(leftOut))
            .arg(when);
    return tr("The copy of %1 left files or folders out: it is not a full backup. Make a "
              "complete copy as soon as they can be read.")
        .arg(when);
}

bool HistoryModel::lastCopyIncomplete() const
{
    const Copy *copy = newestCopy();
    return copy && copy->leftOut > 0;
}

QString HistoryModel::pendingFailureText() const
{
    if (!m_pendingFailure)
        return {};
    const QString when
        = QLocale().toString(m_pendingFailure->when.toLocalTime(), QLocale::ShortFormat);
    // The history is a file anyone may write: its message is shown safely.
    const QString reason = m_pendingFailure->message.isEmpty()
        ? History::describeResult(m_pendingFailure->result)
        : DisplayText::terminalSafe(m_pendingFailure->message);
    return tr("The scheduled copy of %1 failed: %2").arg(when, reason);
}

QDateTime HistoryModel::pendingFailureTime() const
{
    return m_pendingFailure ? m_pendingFailure->when : QDateTime();
}

const HistoryModel::Copy *HistoryModel::newestCopy() const
{
    // What protects the installation: a readable copy the user made. A
    // safety copy holds only what one restore replaced, so it does not count.
    for (const Copy &copy : m_copies) {
        if (copy.valid && !copy.safetyCopy)
            return &copy;
    }
    return nullptr;
}

QDateTime HistoryModel::lastCopyTime() const
{
    const Copy *copy = newestCopy();
    return copy ? copy->createdAt : QDateTime();
}

QString HistoryModel::lastCopyPath() const
{
    const Copy *copy = newestCopy();
    return copy ? DisplayText::displaySafe(copy->path) : QString();
}

qint64 HistoryModel::lastCopySize() const
{
    const Copy *copy = newestCopy();
    return copy ? copy->bytes : 0;
}

bool HistoryModel::lastCopyOnInstallationDisk() const
{
    const Copy *copy = newestCopy();
    return copy && copy->onInstallationDisk;
}

int HistoryModel::daysSinceLastCopy() const
{
    const Copy *copy = newestCopy();
    if (!copy)
        return -1;
    // Calendar days, as people count them: yesterday's copy is 1 day old.
    const qint64 days = copy->createdAt.toLocalTime().date().daysTo(now().toLocalTime().date());
    return int(std::max<qint64>(0, days));
}

bool HistoryModel::allCopiesOnInstallationDisk() const
{
    bool any = false;
    for (const Copy &copy : m_copies) {
        if (!copy.valid || copy.safetyCopy)
            continue;
        if (!copy.onInstallationDisk)
            return false;
        any = true;
    }
    return any;
}

bool HistoryModel::needsAttention() const
{
    return !newestCopy() || daysSinceLastCopy() > staleAfterDays || allCopiesOnInstallationDisk();
}

QString HistoryModel::attentionText() const
{
    if (!newestCopy())
        return tr("No copy of this installation was found. Make one now.");
    QStringList sentences;
    const int days = daysSinceLastCopy();
    if (days > staleAfterDays)
        sentences << tr("The last copy is %n day(s) old. Make a copy every working day.", nullptr,
                        days);
    if (allCopiesOnInstallationDisk())
        sentences << tr("Every copy is on the installation's own disk. Keep a copy on a pen drive "
                        "or external disk too.");
    return sentences.join(u' ');
}

} // namespace Resguarda
