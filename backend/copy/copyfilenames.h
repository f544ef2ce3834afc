// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

namespace Resguarda::CopyFileNames {

// The one rule for which file names are copies: Copia*.zip, judged on the
// last path segment (so a name inside a container is judged the same way),
// without case, because a FAT pen drive written by Windows may hold
// COPIAAT.ZIP. Home, the file browser and the container opener all use it.
bool isCopy(QStringView fileNameOrPath);

// Whether a file of this name may be a container holding a copy: a .7z,
// .rar or tar archive, possibly compressed. Without case. The container
// opener decides by content; this only chooses what a browser offers.
bool isContainer(QStringView fileName);

// The file a copy is written to before it is verified and renamed to target:
// ".<name>.resguarda-parcial" beside it, hidden, never taken for a copy.
QString partialPath(const QString &target);
bool isPartial(QStringView fileName);

} // namespace Resguarda::CopyFileNames
