// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/interruptibleread.h"

#include "core/interruption.h"

#include <cerrno>
#include <csignal>

#include <poll.h>
#include <pthread.h>
#include <unistd.h>

namespace Resguarda {

namespace {

// A read that only looks for EINTR misses a signal that comes just before it
// blocks, and then waits for ever. So SIGINT and SIGTERM stay blocked while
// the input is read, except inside ppoll(), which unblocks them atomically
// for its wait: a signal that came earlier is pending and ends the wait at
// once, a later one ends it too.
class SignalsHeld
{
public:
    SignalsHeld()
    {
        sigset_t held;
        sigemptyset(&held);
        sigaddset(&held, SIGINT);
        sigaddset(&held, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &held, &m_original);
    }
    ~SignalsHeld() { pthread_sigmask(SIG_SETMASK, &m_original, nullptr); }
    SignalsHeld(const SignalsHeld &) = delete;
    SignalsHeld &operator=(const SignalsHeld &) = delete;
    const sigset_t *whileWaiting() const { return &m_original; }

private:
    sigset_t m_original;
};

bool waitUntilReadable(int fd, const SignalsHeld &held)
{
    for (;;) {
        if (Interruption::requested()) {
            errno = EINTR;
            return false;
        }
        pollfd ready {fd, POLLIN, 0};
        const int n = ::ppoll(&ready, 1, nullptr, held.whileWaiting());
        if (n > 0)
            return true; // data, end of file or an error: read() tells which
        if (n < 0 && errno != EINTR)
            return false;
    }
}

} // namespace

bool readInterruptibly(int fd, QByteArray *bytes, bool firstLineOnly, qsizetype limit)
{
    const SignalsHeld held;
    char buffer[512];
    for (;;) {
        if (!waitUntilReadable(fd, held))
            return false;
        const ssize_t n = ::read(fd, buffer, firstLineOnly ? 1 : sizeof buffer);
        if (n < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (n < 0)
            return false;
        if (n == 0)
            return true;
        bytes->append(buffer, n);
        if (bytes->size() > limit)
            return true;
        if (firstLineOnly && bytes->contains('\n'))
            return true;
    }
}

} // namespace Resguarda
