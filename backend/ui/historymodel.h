// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "history/history.h"
#include "ui/historyscan.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QList>
#include <QtQml/qqmlregistration.h>

#include <optional>

namespace Resguarda {

// Past copies of an installation, newest first, for the Home screen's
// "state of protection": found in <root>/Copias and in the folders given in
// extraFolders (the destinations used before, remembered by the app). Only
// the manifest of each copy is read, on a worker thread (busy meanwhile):
// with a few copies of hundreds of companies it takes seconds.
//
// Only the copies whose manifest says they are of this installation (its id,
// installation/installationid.h; for an older copy without one, the
// installation's history saying it wrote that file) and of the system chosen
// protect it: they come first (ownCount rows) and give the last copy. The
// copies of other installations or systems found in the same folders follow
// (otherCount rows, "own" false), shown apart and never as the last copy.
class HistoryModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString root READ root WRITE setRoot NOTIFY rootChanged)
    Q_PROPERTY(
        QStringList extraFolders READ extraFolders WRITE setExtraFolders NOTIFY extraFoldersChanged)
    Q_PROPERTY(QString systemCode READ systemCode WRITE setSystemCode NOTIFY systemCodeChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int ownCount READ ownCount NOTIFY countChanged)
    Q_PROPERTY(int otherCount READ otherCount NOTIFY countChanged)
    // Reading the copies: what is shown is of an earlier reading (or nothing
    // yet, when ready is false).
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    // A reading of the current root and folders was delivered.
    Q_PROPERTY(bool ready READ ready NOTIFY busyChanged)
    Q_PROPERTY(bool hasLastCopy READ hasLastCopy NOTIFY countChanged)
    // The newest copy (or invalid/empty when there is none).
    Q_PROPERTY(QDateTime lastCopyTime READ lastCopyTime NOTIFY countChanged)
    Q_PROPERTY(QString lastCopyPath READ lastCopyPath NOTIFY countChanged)
    // Sizes are double for QML: JS gets a number either way, and Qt 6.4's
    // tooling (qmllint) knows no qint64. Exact up to 2^53.
    Q_PROPERTY(double lastCopySize READ lastCopySize NOTIFY countChanged)
    Q_PROPERTY(bool lastCopyOnInstallationDisk READ lastCopyOnInstallationDisk NOTIFY countChanged)
    // Days since the newest copy; -1 without copies.
    Q_PROPERTY(int daysSinceLastCopy READ daysSinceLastCopy NOTIFY countChanged)
    // True when no copy is newer than a few days, or all are on the
    // installation's own disk: the Home screen shows the warning.
    Q_PROPERTY(bool needsAttention READ needsAttention NOTIFY countChanged)
    Q_PROPERTY(QString attentionText READ attentionText NOTIFY countChanged)
    // The newest scheduled copy failed and no copy succeeded since (from the
    // installation's history, history/history.h): the Home screen shows it
    // in red with the reason, until a later copy succeeds.
    Q_PROPERTY(bool hasPendingFailure READ hasPendingFailure NOTIFY pendingFailureChanged)
    Q_PROPERTY(QString pendingFailureText READ pendingFailureText NOTIFY pendingFailureChanged)
    Q_PROPERTY(QDateTime pendingFailureTime READ pendingFailureTime NOTIFY pendingFailureChanged)
    // The newest backup (scheduled or not) wrote an incomplete copy and no
    // complete copy was made since (from the history): shown in red like a
    // failure, with its own words, until a later complete copy succeeds.
    Q_PROPERTY(bool hasPendingIncomplete READ hasPendingIncomplete NOTIFY pendingFailureChanged)
    Q_PROPERTY(
        QString pendingIncompleteText READ pendingIncompleteText NOTIFY pendingFailureChanged)
    // The newest copy found leaves files out (its manifest says so).
    // The copies sent off site (resguarda-cli --remote): whether any was
    // ever tried, what Home says of it, and whether that is in red (none
    // sent for more than offsiteStaleAfterDays, or the newest one failed).
    Q_PROPERTY(bool hasOffsite READ hasOffsite NOTIFY pendingFailureChanged)
    Q_PROPERTY(QString offsiteText READ offsiteText NOTIFY pendingFailureChanged)
    Q_PROPERTY(bool offsiteAlarm READ offsiteAlarm NOTIFY pendingFailureChanged)
    Q_PROPERTY(bool offsiteFailed READ offsiteFailed NOTIFY pendingFailureChanged)
    Q_PROPERTY(bool lastCopyIncomplete READ lastCopyIncomplete NOTIFY countChanged)
    // The newest copy found is protected with a password.
    Q_PROPERTY(bool lastCopyProtected READ lastCopyProtected NOTIFY countChanged)

public:
    enum Role {
        PathRole = Qt::UserRole + 1,
        FileNameRole,
        SystemCodeRole,
        CreatedAtRole, // QDateTime
        DateTextRole, // "26/11/2026 15:30" in the current locale
        BytesRole, // size of the file
        SizeTextRole,
        CompaniesRole, // number of companies
        WeekdaySetRole, // "quarta" for a weekday set, empty otherwise
        IsExtraRole,
        IsSafetyCopyRole, // taken before a restore
        OnInstallationDiskRole,
        ValidRole, // the manifest could be read
        IsIncompleteRole, // the copy left files or folders out (--allow-incomplete)
        LeftOutRole, // how many
        IsOwnRole, // of this installation and system: counts as its protection
        OriginTextRole, // why not, for the others ("Another installation"), translated
        IsProtectedRole, // a protected copy: restoring it asks for its password
    };
    Q_ENUM(Role)

    explicit HistoryModel(QObject *parent = nullptr);
    ~HistoryModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString root() const { return m_root; }
    void setRoot(const QString &root);
    QStringList extraFolders() const { return m_extraFolders; }
    void setExtraFolders(const QStringList &folders);
    QString systemCode() const { return m_systemCode; }
    void setSystemCode(const QString &code);

    // Reads the copies again, on a worker thread; the result of an earlier
    // reading still under way is dropped.
    Q_INVOKABLE void refresh();
    bool busy() const { return m_busy; }
    bool ready() const { return m_ready; }
    int ownCount() const;
    int otherCount() const { return int(m_copies.size()) - ownCount(); }
    bool hasLastCopy() const { return newestCopy() != nullptr; }

    QDateTime lastCopyTime() const;
    QString lastCopyPath() const;
    qint64 lastCopySize() const;
    bool lastCopyOnInstallationDisk() const;
    int daysSinceLastCopy() const;
    bool needsAttention() const;
    QString attentionText() const;
    bool hasPendingFailure() const { return m_pendingFailure.has_value(); }
    QString pendingFailureText() const;
    QDateTime pendingFailureTime() const;
    bool hasPendingIncomplete() const { return m_pendingIncomplete.has_value(); }
    QString pendingIncompleteText() const;
    bool lastCopyIncomplete() const;
    bool lastCopyProtected() const;
    bool hasOffsite() const { return m_offsite.lastSent || m_offsite.failedSince; }
    QString offsiteText() const;
    bool offsiteAlarm() const;
    bool offsiteFailed() const { return m_offsite.failedSince.has_value(); }

    // How many days without a copy make the Home screen warn.
    static constexpr int staleAfterDays = 3;
    // How many days without an off-site copy turn Home's line red.
    static constexpr int offsiteStaleAfterDays = 7;
    // The clock, injectable for tests; invalid = now.
    void setNow(const QDateTime &now);

Q_SIGNALS:
    void rootChanged();
    void extraFoldersChanged();
    void systemCodeChanged();
    void busyChanged();
    void countChanged();
    void pendingFailureChanged();

private:
    using Copy = HistoryScan::Copy;
    QDateTime now() const;
    void apply(HistoryScan::Result result);
    // A new root or system: what was shown is of something else.
    void clear();
    // The newest copy that protects the installation (valid, not a safety copy).
    const Copy *newestCopy() const;
    bool allCopiesOnInstallationDisk() const;
    // Every copy is on the installation's disk and none went off site lately.
    bool noCopyAwayFromHere() const;

    QList<Copy> m_copies;
    std::optional<HistoryRecord> m_pendingFailure;
    History::OffsiteState m_offsite;
    std::optional<HistoryRecord> m_pendingIncomplete;
    QString m_root;
    QStringList m_extraFolders;
    QString m_systemCode;
    QDateTime m_now;
    // Which reading is the current one: results of older ones are dropped.
    quint64 m_generation = 0;
    bool m_busy = false;
    bool m_ready = false;
};

} // namespace Resguarda
