// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "offsite/remotestore.h"
#include "ui/worker.h"

#include <QAbstractListModel>
#include <QList>
#include <QtQml/qqmlregistration.h>

namespace Resguarda {

// The copies in a folder of an rclone remote (RemoteStore::listCopies),
// newest first, for the restore wizard's copy step. rclone talks to the
// network and may take seconds, so it is asked on a worker thread; the GUI
// thread only applies the answer. The place asked is always a validated
// RemoteLocation: a remote name and folder that do not make one are an
// error, never a spec handed to rclone.
class RemoteCopiesModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    // The remote's name, as RemotesModel lists it; empty: nothing is listed.
    Q_PROPERTY(QString remote READ remote WRITE setRemote NOTIFY placeChanged)
    // The folder on the remote, RemoteLocation::defaultFolder() unless set.
    Q_PROPERTY(QString folder READ folder WRITE setFolder NOTIFY placeChanged)
    // "NAME:FOLDER", shown to say where the copies are (display-safe).
    Q_PROPERTY(QString folderSpec READ folderSpec NOTIFY placeChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    // Asking rclone: what is shown is of an earlier answer (or nothing).
    Q_PROPERTY(bool busy READ busy NOTIFY stateChanged)
    // An answer for the current remote and folder was applied.
    Q_PROPERTY(bool ready READ ready NOTIFY stateChanged)
    // Why the copies cannot be listed (translated sentence); empty when they
    // were, or before the first answer.
    Q_PROPERTY(QString error READ error NOTIFY stateChanged)

public:
    enum Role {
        NameRole = Qt::UserRole + 1, // "CopiaAT.zip", display-safe
        SizeRole, // bytes, as a double for QML
        SizeTextRole, // "12,5 MB"
        ModifiedRole, // QDateTime, local time
        ModifiedTextRole, // "26/11/2026 15:30"
        SpecRole, // "NAME:FOLDER/CopiaAT.zip", for RestoreSettings::openRemoteCopy
    };
    Q_ENUM(Role)

    explicit RemoteCopiesModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString remote() const { return m_remote; }
    void setRemote(const QString &remote);
    QString folder() const { return m_folder; }
    void setFolder(const QString &folder);
    QString folderSpec() const;

    // Asks rclone again, on a worker thread; an earlier answer still under
    // way is dropped.
    Q_INVOKABLE void refresh();
    bool busy() const { return m_task.running(); }
    bool ready() const { return m_ready; }
    QString error() const { return m_error; }

Q_SIGNALS:
    void placeChanged();
    void countChanged();
    void stateChanged();

private:
    struct Answer
    {
        QList<RemoteCopyInfo> copies;
        QString error;
    };
    void apply(const RemoteLocation &place, const Answer &answer);
    void setCopies(const RemoteLocation &place, const QList<RemoteCopyInfo> &copies);

    QString m_remote;
    QString m_folder;
    RemoteLocation m_place; // the folder the rows are of
    QList<RemoteCopyInfo> m_copies;
    QString m_error;
    bool m_ready = false;
    WorkerTask m_task;
};

} // namespace Resguarda
