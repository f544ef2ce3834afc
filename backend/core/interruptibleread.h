// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

namespace Resguarda {

// Reads what a person types (a password, a confirmation) so that Ctrl-C or
// SIGTERM always ends the wait, also one that arrives after the prompt is
// shown and before the read starts (Interruption's handlers must be
// installed for that). Reads until the end of input, or until the first line
// break when firstLineOnly; one byte at a time then, so that what follows the
// line stays for its reader. Stops once more than limit bytes were read.
// Returns false with errno set on an error, or EINTR once interrupted.
bool readInterruptibly(int fd, QByteArray *bytes, bool firstLineOnly, qsizetype limit);

} // namespace Resguarda
