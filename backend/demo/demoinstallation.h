// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/operationerror.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

namespace Resguarda {

struct DemoParameters
{
    int companies = 5; // 1..9999
    int years = 3; // active years, 1..50; two to four older years go to the arquivo morto
    int sizeMb = 20; // approximate total size in MiB, 1..1000000
    quint32 seed = 1;
    int lastYear = 0; // 0 = current year
};

// Writes a realistic installation (docs/installation-format.md) for demos,
// tests and benchmarks: three systems, companies with accented names and
// valid CNPJs, permanent, annual, monthly and archived tables of fixed-width
// records, templates and program files.
//
// The same parameters (with lastYear given) produce byte-identical trees,
// modification times included. With lastYear 0 the current year is used and
// no modification time lies in the future. Content is streamed: memory stays
// bounded whatever sizeMb is. For very small sizes with many companies the
// minimum of one record per table can exceed sizeMb.
class DemoInstallation
{
    Q_DECLARE_TR_FUNCTIONS(DemoInstallation)

public:
    // root must not exist or be an empty folder. progress, when given, is
    // called as data is written; bytesTotal is exact from the first call.
    static OperationError
    create(const QString &root, const DemoParameters &params,
           const std::function<void(qint64 bytesWritten, qint64 bytesTotal)> &progress = {});
};

} // namespace Resguarda
