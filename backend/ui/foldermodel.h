// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractListModel>
#include <QDateTime>
#include <QList>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

namespace Resguarda {

// The entries of one folder for the app's file browser: sub-folders first,
// then (unless foldersOnly) the files that may be copies. `folder` is always
// the folder whose entries are listed: a folder that does not exist is
// replaced by its nearest existing parent, so the path shown never names one
// folder while the list shows another. Sizes and dates are read from the
// disk on every refresh() (nothing cached across refreshes). Links are never
// listed nor followed: the folders browsed may be written by anyone.
class FolderModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString folder READ folder WRITE setFolder NOTIFY folderChanged)
    Q_PROPERTY(bool foldersOnly READ foldersOnly WRITE setFoldersOnly NOTIFY foldersOnlyChanged)
    Q_PROPERTY(bool atTop READ atTop NOTIFY folderChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)

public:
    enum Role {
        NameRole = Qt::UserRole + 1,
        PathRole,
        IsDirRole,
        SizeRole, // bytes, -1 for a folder
        ModifiedRole,
        ProtectedRole, // a protected copy (ProtectedCopy): opens only with its password
    };
    Q_ENUM(Role)

    explicit FolderModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString folder() const { return m_folder; }
    void setFolder(const QString &folder);
    bool foldersOnly() const { return m_foldersOnly; }
    void setFoldersOnly(bool foldersOnly);
    bool atTop() const;
    // Why the folder could not be read; empty when it was.
    QString error() const { return m_error; }

    // Reads the folder again (new files, sizes and dates as they are now).
    Q_INVOKABLE void refresh();
    // Goes to the parent folder.
    Q_INVOKABLE void goUp();

    // Why name cannot be a new folder's name here (a sentence for the
    // user), or an empty string when it can.
    Q_INVOKABLE QString folderNameError(const QString &name) const;
    // Creates the folder name inside `folder` (never through a link) and
    // lists it again. Returns the new folder's path, or an empty string with
    // lastCreateError() set.
    Q_INVOKABLE QString createFolder(const QString &name);
    Q_INVOKABLE QString lastCreateError() const { return m_createError; }

    // Whether a file of this name may be a copy the restore can open:
    // a copy's name, or a container's that may hold one (CopyFileNames).
    Q_INVOKABLE static bool isCopyName(const QString &fileName);
    // Where the restore's browser opens: the folder of the most recent copy
    // among the remembered destinations (newest Copia… file), else the first
    // of them that exists, else the installation's Copias folder if it
    // exists, else the user's home folder.
    Q_INVOKABLE static QString startFolder(const QString &installationRoot,
                                           const QStringList &recentDestinations);

Q_SIGNALS:
    void folderChanged();
    void foldersOnlyChanged();
    void countChanged();
    void errorChanged();

private:
    struct Entry
    {
        QString name;
        bool isDir = false;
        qint64 size = -1;
        QDateTime modified;
        bool isProtected = false;
    };
    void reload();

    QString m_folder;
    bool m_foldersOnly = false;
    QString m_error;
    QString m_createError;
    QList<Entry> m_entries;
};

} // namespace Resguarda
