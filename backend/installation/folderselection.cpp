// SPDX-License-Identifier: GPL-3.0-or-later
#include "installation/folderselection.h"

#include <QSet>

namespace Resguarda {

void addAncestors(QStringView path, QSet<QString> *into)
{
    for (qsizetype slash = path.lastIndexOf(u'/'); slash > 0;
         slash = path.left(slash).lastIndexOf(u'/')) {
        const QString parent = path.left(slash).toString();
        if (into->contains(parent))
            return; // its own ancestors are there already
        into->insert(parent);
    }
}

QSet<QString> foldersWithContent(const QStringList &paths)
{
    QSet<QString> folders;
    for (const auto &path : paths)
        addAncestors(path, &folders);
    return folders;
}

QStringList selectFolders(const QStringList &folders, const QStringList &keptFiles,
                          const std::function<bool(const QString &)> &emptyFolderKept,
                          const std::function<bool(const QString &)> &hasContent)
{
    QSet<QString> needed = foldersWithContent(keptFiles);
    for (const auto &folder : folders) {
        if (!hasContent(folder) && emptyFolderKept(folder)) {
            needed.insert(folder);
            addAncestors(folder, &needed);
        }
    }
    QStringList selected;
    for (const auto &folder : folders) {
        if (needed.contains(folder))
            selected.append(folder);
    }
    return selected;
}

} // namespace Resguarda
