// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/historymodel.h"

#include "core/displaytext.h"
#include "core/filesystem.h"
#include "offsite/remotelocation.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QLocale>
#include <QPromise>
#include <QThreadPool>

#include <algorithm>
#include <memory>

namespace Resguarda {

HistoryModel::HistoryModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

// A reading still under way finishes on its own: it shares nothing with the
// model, and its watcher (a child) is gone with it, so nothing is delivered.
HistoryModel::~HistoryModel() = default;

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
    case IsOwnRole:
        return copy.own();
    case IsProtectedRole:
        return copy.protectedCopy;
    case OriginTextRole:
        switch (copy.origin) {
        case HistoryScan::Origin::Own:
            return QString();
        case HistoryScan::Origin::OtherInstallation:
            return tr("another installation");
        case HistoryScan::Origin::OtherSystem:
            return tr("system %1").arg(DisplayText::displaySafe(copy.systemCode));
        case HistoryScan::Origin::Unknown:
            return copy.valid ? tr("origin unknown") : tr("unreadable");
        }
        return {};
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
        {IsProtectedRole, "isProtected"},
        {IsOwnRole, "own"},
        {OriginTextRole, "originText"},
    };
}

void HistoryModel::setRoot(const QString &root)
{
    // The same root still refreshes: the installation may have been opened
    // again because what lies under it was recreated (another id, other
    // copies), and Home must not keep showing copies that were deleted,
    // replaced or are now another installation's.
    const bool changed = root != m_root;
    m_root = root;
    if (changed)
        clear();
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

void HistoryModel::setSystemCode(const QString &code)
{
    if (code == m_systemCode)
        return;
    m_systemCode = code;
    clear();
    refresh();
    Q_EMIT systemCodeChanged();
}

void HistoryModel::clear()
{
    const bool wasReady = m_ready;
    m_ready = false;
    if (!m_copies.isEmpty()) {
        beginResetModel();
        m_copies.clear();
        endResetModel();
        Q_EMIT countChanged();
    }
    if (m_pendingFailure || m_pendingIncomplete || hasOffsite()) {
        m_pendingFailure.reset();
        m_pendingIncomplete.reset();
        m_offsite = {};
        Q_EMIT pendingFailureChanged();
    }
    if (wasReady)
        Q_EMIT busyChanged();
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

void HistoryModel::refresh()
{
    const quint64 generation = ++m_generation;
    const HistoryScan::Request request {m_root, m_systemCode, m_extraFolders};
    // A promise fulfilled on the pool and a watcher of the model's thread:
    // the result crosses threads as a value, delivered by a queued signal.
    auto promise = std::make_shared<QPromise<HistoryScan::Result>>();
    auto *watcher = new QFutureWatcher<HistoryScan::Result>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        // Stale: the root, folders or system changed, or refresh() was
        // called again, while this one was read.
        if (generation != m_generation || watcher->future().resultCount() == 0)
            return;
        apply(watcher->future().takeResult());
    });
    watcher->setFuture(promise->future());
    promise->start();
    QThreadPool::globalInstance()->start([promise, request] {
        promise->addResult(HistoryScan::run(request));
        promise->finish();
    });
    if (!m_busy) {
        m_busy = true;
        Q_EMIT busyChanged();
    }
}

void HistoryModel::apply(HistoryScan::Result result)
{
    // The records first: the attention that countChanged announces looks
    // at the off-site copies too.
    m_pendingFailure = std::move(result.pendingFailure);
    m_pendingIncomplete = std::move(result.pendingIncomplete);
    m_offsite = std::move(result.offsite);
    beginResetModel();
    m_copies = std::move(result.copies);
    endResetModel();
    Q_EMIT countChanged();
    Q_EMIT pendingFailureChanged();
    m_busy = false;
    m_ready = true;
    Q_EMIT busyChanged();
}

int HistoryModel::ownCount() const
{
    return int(std::count_if(m_copies.cbegin(), m_copies.cend(),
                             [](const Copy &copy) { return copy.own(); }));
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

bool HistoryModel::lastCopyProtected() const
{
    const Copy *copy = newestCopy();
    return copy && copy->protectedCopy;
}

bool HistoryModel::offsiteAlarm() const
{
    if (!hasOffsite())
        return false;
    if (m_offsite.failedSince || !m_offsite.lastSent)
        return true;
    return m_offsite.lastSent->when.daysTo(now()) > offsiteStaleAfterDays;
}

QString HistoryModel::offsiteText() const
{
    if (!hasOffsite())
        return {};
    const QLocale locale;
    QString text;
    if (const auto &sent = m_offsite.lastSent) {
        // The folder the copy went to ("nuvem:Copias"; "nuvem:" for the top).
        const auto remote
            = sent->copies.isEmpty() ? std::nullopt : RemoteLocation::parse(sent->copies.first());
        const QString where
            = remote ? DisplayText::displaySafe(remote->parent().spec()) : QString();
        const qint64 days = sent->when.daysTo(now());
        text = tr("Last copy sent off site: %1, to %2.")
                   .arg(locale.toString(sent->when.toLocalTime(), QLocale::ShortFormat), where);
        if (days > offsiteStaleAfterDays)
            text += u' '
                + tr("That is %n day(s) ago: a copy kept only here is lost with the office "
                     "(fire, theft).",
                     nullptr, int(days));
    } else {
        text = tr("No copy has been sent off site yet.");
    }
    if (const auto &failed = m_offsite.failedSince) {
        const QString reason = failed->message.isEmpty()
            ? History::describeResult(failed->result)
            : DisplayText::terminalSafe(failed->message);
        text += u' '
            + tr("The sending of %1 failed: %2")
                  .arg(locale.toString(failed->when.toLocalTime(), QLocale::ShortFormat), reason);
    }
    return text;
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
    // What protects the installation: a readable copy the user made of this
    // installation and system. A safety copy holds only what one restore
    // replaced, so it does not count.
    for (const Copy &copy : m_copies) {
        if (copy.own() && copy.valid && !copy.safetyCopy)
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
        if (!copy.own() || !copy.valid || copy.safetyCopy)
            continue;
        if (!copy.onInstallationDisk)
            return false;
        any = true;
    }
    return any;
}

bool HistoryModel::noCopyAwayFromHere() const
{
    // A copy sent off site in the last week, by the newest sending, is a
    // copy away from this disk as much as a pen drive's.
    return allCopiesOnInstallationDisk() && (!hasOffsite() || offsiteAlarm());
}

bool HistoryModel::needsAttention() const
{
    return !newestCopy() || daysSinceLastCopy() > staleAfterDays || noCopyAwayFromHere();
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
    if (noCopyAwayFromHere())
        sentences << tr("Every copy is on the installation's own disk. Keep a copy on a pen drive "
                        "or external disk too.");
    return sentences.join(u' ');
}

} // namespace Resguarda
