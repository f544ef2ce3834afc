// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Resguarda {

// Fault injection for the crash tests. When the environment variable
// RESGUARDA_CRASH_AT is "name" or "name:N", the process kills itself with
// SIGKILL the first (or N-th) time it reaches the point of that name — a
// real kill -9 at an exact place, which a test cannot time from outside.
// "name:N:INT" raises SIGINT there instead (Ctrl-C at an exact place) and
// goes on. Without the variable a crash point costs one cached comparison.
void crashPoint(const char *name);

} // namespace Resguarda
