// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/remotesmodel.h"

#include "core/displaytext.h"

namespace Resguarda {

RemotesModel::RemotesModel(QObject *parent)
    : QAbstractListModel(parent)
{
    // Like DrivesModel: a page that creates the model shows what there is.
    refresh();
}

int RemotesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_remotes.size());
}

QVariant RemotesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return {};
    const RemoteInfo &remote = m_remotes.at(index.row());
    switch (role) {
    case NameRole:
        return remote.name;
    case TypeRole:
        // Written by whoever configured rclone: shown display-safe.
        return DisplayText::displaySafe(remote.type);
    case Qt::DisplayRole:
    case LabelRole:
        return tr("Cloud: %1").arg(remote.name);
    default:
        return {};
    }
}

QHash<int, QByteArray> RemotesModel::roleNames() const
{
    return {{NameRole, "name"}, {TypeRole, "type"}, {LabelRole, "label"}};
}

void RemotesModel::refresh()
{
    const bool wasBusy = busy();
    m_task.start(
        this, [](const std::atomic_bool &) { return ask(); },
        [this](const Answer &answer) {
            m_task.finished();
            apply(answer);
        });
    if (!wasBusy)
        Q_EMIT busyChanged();
}

// Runs on the worker: rclone is a process of its own, waited for.
RemotesModel::Answer RemotesModel::ask()
{
    Answer answer;
    answer.rcloneInstalled = RemoteStore::rcloneInstalled();
    if (!answer.rcloneInstalled)
        return answer;
    if (OperationError error = RemoteStore::remotes(&answer.remotes))
        answer.error = error.message;
    return answer;
}

void RemotesModel::apply(const Answer &answer)
{
    const bool countChanges = answer.remotes.size() != m_remotes.size();
    beginResetModel();
    m_remotes = answer.remotes;
    endResetModel();
    if (countChanges)
        Q_EMIT countChanged();

    m_rcloneInstalled = answer.rcloneInstalled;
    // The guide is installed with the package (docs/offsite.md in the
    // sources); the app cannot set a remote up itself, since rclone's
    // configuration asks for the service's credentials in a terminal.
    const QString guide = QStringLiteral("/usr/share/doc/resguarda/offsite.md");
    if (!m_rcloneInstalled)
        m_setupHint = tr("rclone is not installed, so copies cannot be sent to a cloud. Install "
                         "it (apt install rclone), then set up a remote with \"rclone config\" "
                         "in a terminal. Guide: %1.")
                          .arg(guide);
    else if (!answer.error.isEmpty())
        m_setupHint = tr("%1 Check the setup with \"rclone config\" in a terminal. Guide: %2.")
                          .arg(answer.error, guide);
    else if (m_remotes.isEmpty())
        m_setupHint = tr("No cloud is set up for this user. Set one up with \"rclone config\" in "
                         "a terminal, then open this step again. Guide: %1.")
                          .arg(guide);
    else
        m_setupHint.clear();
    m_ready = true;
    Q_EMIT stateChanged();
    Q_EMIT busyChanged();
}

} // namespace Resguarda
