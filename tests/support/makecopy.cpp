// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/makecopy.h"

#include "backup/backupjob.h"

#include <QDebug>

namespace TestSupport {

using namespace Resguarda;

QString makeCopy(const BackupOptions &options, OperationError *error)
{
    BackupJob job(options);
    const OperationError result = job.run();
    const bool written = !result
        || (options.allowIncomplete && result.code == ExitCode::Incomplete
            && !job.writtenCopies().isEmpty());
    if (error)
        *error = written ? OperationError() : result;
    if (!written) {
        if (!error)
            qWarning() << result.message;
        return {};
    }
    return job.writtenCopies().value(0).path;
}

QString makeCopy(const QString &root, const QString &systemCode, const QString &output,
                 const QStringList &companies)
{
    BackupOptions options;
    options.root = root;
    options.systemCode = systemCode;
    options.output = output;
    options.companies = companies;
    return makeCopy(options);
}

} // namespace TestSupport
