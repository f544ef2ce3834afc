// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>

namespace Resguarda {

// Which folders go with a selection of files (a copy or a restore limited by
// year): a folder is kept when something kept is inside it, or when it was
// empty to begin with and the rule keeps what would be inside it. The folder
// of a year left out, and a folder left empty only because its years were
// left out, are not made.
//
// folders: every folder (archive paths, no trailing '/'); keptFiles: the
// files kept; emptyFolderKept: whether the rule keeps a folder that holds
// nothing; hasContent: whether a folder held anything before the selection.
QStringList selectFolders(const QStringList &folders, const QStringList &keptFiles,
                          const std::function<bool(const QString &folder)> &emptyFolderKept,
                          const std::function<bool(const QString &folder)> &hasContent);

// Adds every ancestor folder of path (an archive path) to into.
void addAncestors(QStringView path, QSet<QString> *into);

// The folders of paths that hold something: every ancestor folder of each
// path (archive paths of files and folders).
QSet<QString> foldersWithContent(const QStringList &paths);

} // namespace Resguarda
