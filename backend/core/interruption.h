// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Ctrl-C (SIGINT) and SIGTERM in resguarda-cli. The handlers only record the
// request; the long loops (unpacking a container, verifying, the jobs'
// progress) see it, stop, and unwind normally, so that destructors remove
// every temporary file (the unpacked copy, a partial copy, the restore's
// staging folder) and the command exits with ExitCode::Cancelled. A second
// signal ends the process at once, as if no handler were installed.
//
// The app installs no handlers: there requested() stays false and only the
// jobs' own cancel() stops them.
namespace Resguarda::Interruption {

// Installs the handlers for SIGINT and SIGTERM (once; no-op elsewhere than
// POSIX). Blocking system calls are not restarted, so a prompt waiting for
// an answer returns at once.
void installSignalHandlers();

// Whether SIGINT or SIGTERM arrived. Cheap: loops call it per block.
bool requested();

} // namespace Resguarda::Interruption
