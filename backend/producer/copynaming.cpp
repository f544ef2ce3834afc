// SPDX-License-Identifier: GPL-3.0-or-later
#include "producer/copynaming.h"

#include "installation/installation.h"

#include <QDir>
#include <QFileInfo>

namespace Resguarda {

QString CopyNaming::weekdaySetName(int isoDayOfWeek)
{
    static const char *const names[]
        = {"segunda", "terca", "quarta", "quinta", "sexta", "sabado", "domingo"};
    return QString::fromLatin1(names[qBound(1, isoDayOfWeek, 7) - 1]);
}

QString CopyNaming::sanitizedLabel(const QString &label)
{
    // Decompose accents so "Fechamento Anual Março" becomes "Fechamento-Anual-Marco".
    const QString decomposed = label.normalized(QString::NormalizationForm_KD);
    QString result;
    for (const QChar c : decomposed) {
        if (c.unicode() < 128 && c.isLetterOrNumber())
            result.append(c);
        else if (c.category() == QChar::Mark_NonSpacing)
            continue;
        else if (!result.isEmpty() && !result.endsWith(u'-'))
            result.append(u'-');
    }
    while (result.endsWith(u'-'))
        result.chop(1);
    return result.left(40);
}

QDateTime CopyNaming::nameTime(const BackupOptions &options)
{
    if (options.nameTime.isValid())
        return options.nameTime;
    return options.now.isValid() ? options.now : QDateTime::currentDateTime();
}

QString CopyNaming::fileName(const QString &systemCode, const BackupOptions &options,
                             const QDateTime &now)
{
    QString name = u"Copia" + systemCode;
    if (!options.extraLabel.isEmpty())
        name += u"-extra-" + sanitizedLabel(options.extraLabel) + u'-'
            + now.toString(QStringLiteral("yyyy-MM-dd-HHmm"));
    else if (options.rotation == BackupOptions::Rotation::Weekday)
        name += u'-' + weekdaySetName(now.date().dayOfWeek());
    return name + u".zip";
}

QString CopyNaming::targetPath(const QString &root, const QString &systemCode,
                               const BackupOptions &options, const QDateTime &now,
                               OperationError *error)
{
    if (!options.extraLabel.isEmpty() && sanitizedLabel(options.extraLabel).isEmpty()) {
        *error = OperationError::usage(
            tr("The label of an extra copy must contain letters or digits."));
        return {};
    }
    if (!options.extraLabel.isEmpty() && options.rotation != BackupOptions::Rotation::None) {
        *error = OperationError::usage(tr("An extra copy is never part of the weekday sets: use "
                                          "--extra or --rotation, not both."));
        return {};
    }
    QString folder;
    QString name = fileName(systemCode, options, now);
    if (options.output.isEmpty()) {
        folder = root + u'/' + QStringView(InstallationLayout::copiesDirName);
    } else {
        const QFileInfo output(options.output);
        const bool namesFolder
            = output.isDir() || options.output.endsWith(u'/') || options.output.endsWith(u'\\');
        if (namesFolder) {
            folder = output.absoluteFilePath();
        } else if (options.allSystems) {
            *error = OperationError::usage(
                tr("With --all-systems, --output must be an existing folder (one copy per system "
                   "is written into it)."));
            return {};
        } else {
            folder = output.absolutePath();
            // The user's file name is kept; a weekday or extra suffix goes
            // before ".zip", which is added when missing.
            const QString suffix = name.mid(QStringLiteral("Copia").size() + systemCode.size());
            const bool isZip = output.suffix().compare(u"zip", Qt::CaseInsensitive) == 0;
            name = (isZip ? output.completeBaseName() : output.fileName()) + suffix;
        }
    }
    QString target = QDir(folder).absoluteFilePath(name);
    // An extra copy is never replaced: a second one in the same minute gets a number.
    if (!options.extraLabel.isEmpty()) {
        const QString base = target.chopped(4);
        for (int n = 2; QFileInfo::exists(target); ++n)
            target = base + u'-' + QString::number(n) + u".zip";
    }
    return target;
}

} // namespace Resguarda
