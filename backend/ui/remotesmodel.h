// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "offsite/remotestore.h"
#include "ui/worker.h"

#include <QAbstractListModel>
#include <QList>
#include <QtQml/qqmlregistration.h>

namespace Resguarda {

// The rclone remotes configured for this user (RemoteStore::remotes), for the
// backup's destination step: shown beside the drives as "Cloud: NAME". When
// there are none, or rclone is missing or cannot list them, setupHint says
// what to do instead of the option silently not being there. rclone is a
// separate program and may take its time (a slow disk, a large config), so
// it is asked on a worker thread; the GUI thread only applies the answer.
class RemotesModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    // Asking rclone: what is shown is of an earlier answer (or nothing yet,
    // when ready is false).
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    // An answer was applied.
    Q_PROPERTY(bool ready READ ready NOTIFY busyChanged)
    // Meaningful once ready; true before, so nothing says "install it" early.
    Q_PROPERTY(bool rcloneInstalled READ rcloneInstalled NOTIFY stateChanged)
    // How to set a remote up (translated); empty when there are remotes or
    // before the first answer.
    Q_PROPERTY(QString setupHint READ setupHint NOTIFY stateChanged)

public:
    enum Role {
        NameRole = Qt::UserRole + 1, // rclone's name, as NAME:PATH takes it
        TypeRole, // "drive", "onedrive", "s3", "sftp", "webdav"…
        LabelRole, // "Cloud: NAME", translated
    };
    Q_ENUM(Role)

    explicit RemotesModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Asks rclone again, on a worker thread; an earlier answer still under
    // way is dropped.
    Q_INVOKABLE void refresh();
    bool busy() const { return m_task.running(); }
    bool ready() const { return m_ready; }
    bool rcloneInstalled() const { return m_rcloneInstalled; }
    QString setupHint() const { return m_setupHint; }

Q_SIGNALS:
    void countChanged();
    void busyChanged();
    void stateChanged();

private:
    struct Answer
    {
        bool rcloneInstalled = false;
        QList<RemoteInfo> remotes;
        QString error; // listing failed (rclone installed)
    };
    static Answer ask();
    void apply(const Answer &answer);

    QList<RemoteInfo> m_remotes;
    bool m_rcloneInstalled = true;
    QString m_setupHint;
    bool m_ready = false;
    WorkerTask m_task;
};

} // namespace Resguarda
