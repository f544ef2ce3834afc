// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/operationerror.h"
#include "producer/backupoptions.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace Resguarda {

// Where a copy goes and what it is called: the procedure's default CopiaAT.zip in
// <root>/Copias, one set per weekday for rotation, dated extra copies.
class CopyNaming
{
    Q_DECLARE_TR_FUNCTIONS(CopyNaming)

public:
    // "Copia<SIS>.zip", "Copia<SIS>-quarta.zip", "Copia<SIS>-extra-<label>-<date>-<time>.zip"
    static QString fileName(const QString &systemCode, const BackupOptions &options,
                            const QDateTime &now);
    // The time a run's names are made from: options.nameTime, else
    // options.now, else the current time.
    static QDateTime nameTime(const BackupOptions &options);
    // Weekday set name in Portuguese without accents (safe on any pen drive):
    // "segunda" … "domingo". Part of the copy file format, not of the UI.
    static QString weekdaySetName(int isoDayOfWeek);
    // An extra copy's label reduced to letters, digits and dashes, ASCII only.
    static QString sanitizedLabel(const QString &label);
    // The target path of the copy of systemCode. Fails (usage) when the
    // options do not fit together, e.g. --all-systems with a file as output.
    static QString targetPath(const QString &root, const QString &systemCode,
                              const BackupOptions &options, const QDateTime &now,
                              OperationError *error);
};

} // namespace Resguarda
