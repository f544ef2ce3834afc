// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/remotecopiesmodel.h"

#include "core/displaytext.h"
#include "core/filesystem.h"

#include <QLocale>

namespace Resguarda {

RemoteCopiesModel::RemoteCopiesModel(QObject *parent)
    : QAbstractListModel(parent)
    , m_folder(RemoteLocation::defaultFolder())
{
}

int RemoteCopiesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_copies.size());
}

QVariant RemoteCopiesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return {};
    const RemoteCopyInfo &copy = m_copies.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        // Named by whoever wrote to the remote: shown display-safe.
        return DisplayText::displaySafe(copy.name);
    case SizeRole:
        return double(copy.size);
    case SizeTextRole:
        return FileSystem::formatSize(copy.size);
    case ModifiedRole:
        return copy.modified.toLocalTime();
    case ModifiedTextRole:
        return copy.modified.isValid()
            ? QLocale().toString(copy.modified.toLocalTime(), QLocale::ShortFormat)
            : QString();
    case SpecRole:
        // listCopies gives one name without separators, a copy's name.
        return m_place.child(copy.name).spec();
    default:
        return {};
    }
}

QHash<int, QByteArray> RemoteCopiesModel::roleNames() const
{
    return {{NameRole, "name"},
            {SizeRole, "size"},
            {SizeTextRole, "sizeText"},
            {ModifiedRole, "modified"},
            {ModifiedTextRole, "modifiedText"},
            {SpecRole, "spec"}};
}

void RemoteCopiesModel::setRemote(const QString &remote)
{
    if (remote == m_remote)
        return;
    m_remote = remote;
    Q_EMIT placeChanged();
    refresh();
}

void RemoteCopiesModel::setFolder(const QString &folder)
{
    // Typed by a person: spaces around it are not meant.
    const QString trimmed = folder.trimmed();
    if (trimmed == m_folder)
        return;
    m_folder = trimmed;
    Q_EMIT placeChanged();
    refresh();
}

QString RemoteCopiesModel::folderSpec() const
{
    if (m_remote.isEmpty())
        return {};
    const QString spec = m_remote + u':' + m_folder;
    return DisplayText::displaySafe(spec);
}

void RemoteCopiesModel::refresh()
{
    m_task.cancel();
    if (m_remote.isEmpty()) {
        setCopies({}, {});
        m_error.clear();
        m_ready = false;
        Q_EMIT stateChanged();
        return;
    }
    // The place is checked here, on the GUI thread: only a valid one is
    // ever given to rclone.
    QString problem;
    const auto place = RemoteLocation::inRemote(m_remote, m_folder, &problem);
    if (!place) {
        setCopies({}, {});
        m_error = problem;
        m_ready = true;
        Q_EMIT stateChanged();
        return;
    }
    const RemoteLocation folder = *place;
    m_task.start(
        this,
        // Another folder asked for, or the page gone: this rclone is
        // stopped, not left retrying an unreachable server for minutes on
        // a pool thread that the fetch and the restore's planning need.
        [folder](const std::atomic_bool &cancelled) {
            Answer answer;
            if (OperationError error = RemoteStore::listCopies(
                    folder, &answer.copies, [&cancelled] { return cancelled.load(); }))
                answer.error = error.message;
            return answer;
        },
        [this, folder](const Answer &answer) {
            m_task.finished();
            apply(folder, answer);
        });
    Q_EMIT stateChanged();
}

void RemoteCopiesModel::apply(const RemoteLocation &place, const Answer &answer)
{
    setCopies(place, answer.copies);
    m_error = answer.error;
    m_ready = true;
    Q_EMIT stateChanged();
}

void RemoteCopiesModel::setCopies(const RemoteLocation &place, const QList<RemoteCopyInfo> &copies)
{
    const bool countChanges = copies.size() != m_copies.size();
    beginResetModel();
    m_place = place;
    m_copies = copies;
    endResetModel();
    if (countChanges)
        Q_EMIT countChanged();
}

} // namespace Resguarda
