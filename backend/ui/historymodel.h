// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "history/history.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QList>
#include <QtQml/qqmlregistration.h>

#include <optional>

namespace Resguarda {

// Past copies of an installation, newest first, for the Home screen's
// "state of protection": found in <root>/Copias and in the folders given in
// extraFolders (the destinations used before, remembered by the app). Only
// the manifest of each copy is read, so it is quick.
class HistoryModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString root READ root WRITE setRoot NOTIFY rootChanged)
    Q_PROPERTY(QStringList extraFolders READ extraFolders WRITE setExtraFolders NOTIFY extraFoldersChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    // The newest copy (or invalid/empty when there is none).
    Q_PROPERTY(QDateTime lastCopyTime READ lastCopyTime NOTIFY countChanged)
    Q_PROPERTY(QString lastCopyPath READ lastCopyPath NOTIFY countChanged)
    Q_PROPERTY(qint64 lastCopySize READ lastCopySize NOTIFY countChanged)
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
    Q_PROPERTY(bool lastCopyIncomplete READ lastCopyIncomplete NOTIFY countChanged)

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
    };
    Q_ENUM(Role)

    explicit HistoryModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString root() const { return m_root; }
    void setRoot(const QString &root);
    QStringList extraFolders() const { return m_extraFolders; }
    void setExtraFolders(const QStringList &folders);

    Q_INVOKABLE void refresh();

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

    // How many days without a copy make the Home screen warn.
    static constexpr int staleAfterDays = 3;
    // The clock, injectable for tests; invalid = now.
    void setNow(const QDateTime &now);

Q_SIGNALS:
    void rootChanged();
    void extraFoldersChanged();
    void countChanged();
    void pendingFailureChanged();

private:
    struct Copy
    {
        QString path;
        QString systemCode;
        QDateTime createdAt;
        qint64 bytes = 0;
        int companies = 0;
        QString weekdaySet;
        bool extra = false;
        bool safetyCopy = false;
        bool onInstallationDisk = false;
        bool valid = false;
        qint64 leftOut = 0;
    };
    QDateTime now() const;
    Copy readCopy(const QString &path) const;
    // The newest copy that protects the installation (valid, not a safety copy).
    const Copy *newestCopy() const;
    bool allCopiesOnInstallationDisk() const;

    QList<Copy> m_copies;
    std::optional<HistoryRecord> m_pendingFailure;
    std::optional<HistoryRecord> m_pendingIncomplete;
    QString m_root;
    QStringList m_extraFolders;
    QDateTime m_now;
};

} // namespace Resguarda
