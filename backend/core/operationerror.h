// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/exitcode.h"

#include <QString>

namespace Resguarda {

// What went wrong, already phrased for the user (translated), together with
// the exit code the command line reports for it. Backend operations return
// these instead of throwing so that every front end shows the same sentence.
struct OperationError
{
    ExitCode code = ExitCode::Success;
    QString message;

    bool isError() const { return code != ExitCode::Success; }
    explicit operator bool() const { return isError(); }

    static OperationError none() { return {}; }
    static OperationError failed(const QString &message) { return {ExitCode::Failed, message}; }
    static OperationError usage(const QString &message) { return {ExitCode::Usage, message}; }
    static OperationError inUse(const QString &message) { return {ExitCode::InUse, message}; }
    static OperationError invalidCopy(const QString &message)
    {
        return {ExitCode::InvalidCopy, message};
    }
    static OperationError password(const QString &message) { return {ExitCode::Password, message}; }
    static OperationError offsite(const QString &message) { return {ExitCode::Offsite, message}; }
    static OperationError incomplete(const QString &message)
    {
        return {ExitCode::Incomplete, message};
    }
};

} // namespace Resguarda
