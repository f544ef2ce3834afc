// SPDX-License-Identifier: GPL-3.0-or-later
#include "copy/copyfilenames.h"

#include <QFileInfo>

#include <algorithm>
#include <array>

namespace Resguarda::CopyFileNames {

namespace {

constexpr QStringView partialSuffix = u".resguarda-parcial";

} // namespace

bool isCopy(QStringView fileNameOrPath)
{
    const qsizetype slash
        = std::max(fileNameOrPath.lastIndexOf(u'/'), fileNameOrPath.lastIndexOf(u'\\'));
    const QStringView name = fileNameOrPath.mid(slash + 1);
    return name.startsWith(u"copia", Qt::CaseInsensitive)
        && name.endsWith(u".zip", Qt::CaseInsensitive);
}

bool isContainer(QStringView fileName)
{
    static constexpr std::array<QStringView, 9> suffixes {
        u".7z", u".rar", u".tar", u".tar.gz", u".tgz", u".tar.xz", u".txz", u".tar.zst", u".tzst"};
    return std::any_of(suffixes.cbegin(), suffixes.cend(), [fileName](QStringView suffix) {
        return fileName.endsWith(suffix, Qt::CaseInsensitive);
    });
}

QString partialPath(const QString &target)
{
    const QFileInfo info(target);
    return info.absolutePath() + u"/." + info.fileName() + partialSuffix;
}

bool isPartial(QStringView fileName)
{
    return fileName.startsWith(u'.') && fileName.endsWith(partialSuffix);
}

} // namespace Resguarda::CopyFileNames
