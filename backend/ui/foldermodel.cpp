// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/foldermodel.h"

#include "copy/copyfilenames.h"
#include "copy/protectedcopy.h"
#include "core/rooteddir.h"

#include <QCollator>
#include <QDir>
#include <QFileInfo>

#include <sys/stat.h>

#include <algorithm>
#include <optional>

namespace Resguarda {

namespace {

// What a pen drive's FAT/exFAT refuses in a name, and the path separators.
const QString forbiddenCharacters = QStringLiteral("/\\:*?\"<>|");
// NAME_MAX of the usual Linux file systems, in bytes of the UTF-8 name.
constexpr int maxNameBytes = 255;

QString cleaned(const QString &path)
{
    return QDir::cleanPath(QDir(path).absolutePath());
}

// path when it is a folder, else its nearest parent that is one.
QString nearestFolder(const QString &path)
{
    QString candidate = cleaned(path.isEmpty() ? QDir::rootPath() : path);
    while (!QFileInfo(candidate).isDir()) {
        const QString parent = QFileInfo(candidate).path();
        if (parent == candidate)
            return QDir::rootPath();
        candidate = parent;
    }
    return candidate;
}

QDateTime modifiedOf(const RootedDir &dir, const QString &name)
{
    struct stat status = {};
    if (!dir.statOf(name, &status))
        return {};
    return QDateTime::fromSecsSinceEpoch(status.st_mtim.tv_sec)
        .addMSecs(status.st_mtim.tv_nsec / 1000000);
}

} // namespace

FolderModel::FolderModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int FolderModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant FolderModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return entry.name;
    case PathRole:
        return QDir(m_folder).filePath(entry.name);
    case IsDirRole:
        return entry.isDir;
    case SizeRole:
        return entry.size;
    case ModifiedRole:
        return entry.modified;
    case ProtectedRole:
        return entry.isProtected;
    default:
        return {};
    }
}

QHash<int, QByteArray> FolderModel::roleNames() const
{
    return {{NameRole, "fileName"},         {PathRole, "filePath"},
            {IsDirRole, "fileIsDir"},       {SizeRole, "fileSize"},
            {ModifiedRole, "fileModified"}, {ProtectedRole, "fileProtected"}};
}

void FolderModel::setFolder(const QString &folder)
{
    const QString listed = nearestFolder(folder);
    const bool moved = listed != m_folder;
    m_folder = listed;
    reload();
    if (moved)
        Q_EMIT folderChanged();
}

void FolderModel::setFoldersOnly(bool foldersOnly)
{
    if (foldersOnly == m_foldersOnly)
        return;
    m_foldersOnly = foldersOnly;
    reload();
    Q_EMIT foldersOnlyChanged();
}

bool FolderModel::atTop() const
{
    return m_folder.isEmpty() || QDir(m_folder).isRoot();
}

void FolderModel::refresh()
{
    // The folder itself may have gone (a pen drive pulled out): list the
    // nearest one that is still there, and say so through `folder`.
    const QString listed = nearestFolder(m_folder);
    const bool moved = listed != m_folder;
    m_folder = listed;
    reload();
    if (moved)
        Q_EMIT folderChanged();
}

void FolderModel::goUp()
{
    if (!atTop())
        setFolder(QFileInfo(m_folder).path());
}

void FolderModel::reload()
{
    QList<Entry> entries;
    QString error;
    if (!m_folder.isEmpty()) {
        if (std::optional<RootedDir> dir = RootedDir::open(m_folder, &error)) {
            QList<RootedDir::Entry> found;
            if (dir->list(QString(), &found, &error)) {
                error.clear();
                for (const RootedDir::Entry &item : std::as_const(found)) {
                    // Hidden entries are the system's, links may lead anywhere.
                    if (item.name.startsWith(u'.'))
                        continue;
                    const bool isDir = item.kind == RootedDir::Kind::Directory;
                    if (!isDir
                        && (m_foldersOnly || item.kind != RootedDir::Kind::File
                            || !isCopyName(item.name)))
                        continue;
                    // The mark is in the last bytes of a copy (its ZIP end
                    // record): one small read per copy listed, cheap enough
                    // here, and it tells before opening that a password is asked.
                    const bool isProtected = !isDir && CopyFileNames::isCopy(item.name)
                        && ProtectedCopy::protectedSystem(QDir(m_folder).filePath(item.name))
                               .has_value();
                    entries.append({item.name, isDir, isDir ? -1 : item.size,
                                    modifiedOf(*dir, item.name), isProtected});
                }
            }
        }
    }
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    collator.setNumericMode(true);
    std::sort(entries.begin(), entries.end(), [&collator](const Entry &a, const Entry &b) {
        if (a.isDir != b.isDir)
            return a.isDir;
        return collator.compare(a.name, b.name) < 0;
    });

    const int before = int(m_entries.size());
    beginResetModel();
    m_entries = entries;
    endResetModel();
    if (before != m_entries.size())
        Q_EMIT countChanged();
    if (error != m_error) {
        m_error = error;
        Q_EMIT errorChanged();
    }
}

QString FolderModel::folderNameError(const QString &name) const
{
    if (name.trimmed().isEmpty())
        return tr("Type a name for the folder.");
    if (name != name.trimmed())
        return tr("The name cannot begin or end with a space.");
    if (name == QLatin1String(".") || name == QLatin1String(".."))
        return tr("This name is reserved.");
    if (name.startsWith(u'.'))
        return tr("The name cannot begin with a dot (the folder would be hidden).");
    if (name.endsWith(u'.'))
        return tr("The name cannot end with a dot.");
    for (const QChar c : name) {
        if (c.category() == QChar::Other_Control || forbiddenCharacters.contains(c))
            return tr("The name cannot contain any of %1 nor control characters.")
                .arg(QStringLiteral("/ \\ : * ? \" < > |"));
    }
    if (name.toUtf8().size() > maxNameBytes)
        return tr("The name is too long.");
    // Pen drives ignore case: "copias" and "Copias" are the same folder there.
    const QStringList existing = QDir(m_folder).entryList(QDir::AllEntries | QDir::Hidden
                                                          | QDir::System | QDir::NoDotAndDotDot);
    for (const QString &other : existing) {
        if (other.compare(name, Qt::CaseInsensitive) == 0)
            return tr("Something named %1 is already here.").arg(other);
    }
    return {};
}

QString FolderModel::createFolder(const QString &name)
{
    m_createError = folderNameError(name);
    if (!m_createError.isEmpty())
        return {};
    std::optional<RootedDir> dir = RootedDir::open(m_folder, &m_createError);
    if (!dir)
        return {};
    // makePath creates with mkdirat and opens with O_NOFOLLOW: a link that
    // appears under this name is refused, never followed.
    if (!dir->makePath(name, &m_createError, 0777))
        return {};
    m_createError.clear();
    reload();
    return QDir(m_folder).filePath(name);
}

bool FolderModel::isCopyName(const QString &fileName)
{
    return CopyFileNames::isCopy(fileName) || CopyFileNames::isContainer(fileName);
}

QString FolderModel::startFolder(const QString &installationRoot,
                                 const QStringList &recentDestinations)
{
    QString newestFolder;
    QDateTime newestCopy;
    QString firstExisting;
    for (const QString &folder : recentDestinations) {
        if (folder.isEmpty() || !QFileInfo(folder).isDir())
            continue;
        if (firstExisting.isEmpty())
            firstExisting = cleaned(folder);
        const QFileInfoList files = QDir(folder).entryInfoList(QDir::Files | QDir::NoSymLinks);
        for (const QFileInfo &copy : files) {
            if (!CopyFileNames::isCopy(copy.fileName()))
                continue;
            if (!newestCopy.isValid() || copy.lastModified() > newestCopy) {
                newestCopy = copy.lastModified();
                newestFolder = cleaned(folder);
            }
        }
    }
    if (!newestFolder.isEmpty())
        return newestFolder;
    if (!firstExisting.isEmpty())
        return firstExisting;
    const QString copias = QDir(installationRoot).filePath(QStringLiteral("Copias"));
    if (!installationRoot.isEmpty() && QFileInfo(copias).isDir())
        return cleaned(copias);
    return QDir::homePath();
}

} // namespace Resguarda
