// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/interruption.h"

#include <QtGlobal>

#include <atomic>
#include <csignal>

namespace Resguarda::Interruption {

namespace {

// Lock-free, so reading and writing it is async-signal-safe.
std::atomic<int> receivedSignal {0};
static_assert(std::atomic<int>::is_always_lock_free);

#ifdef Q_OS_UNIX
extern "C" void onSignal(int signalNumber)
{
    int expected = 0;
    if (receivedSignal.compare_exchange_strong(expected, signalNumber))
        return;
    // Asked twice: the default action now (signal() and raise() are
    // async-signal-safe).
    std::signal(signalNumber, SIG_DFL);
    std::raise(signalNumber);
}
#endif

} // namespace

void installSignalHandlers()
{
#ifdef Q_OS_UNIX
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0; // no SA_RESTART: a blocked read returns EINTR
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
#endif
}

bool requested()
{
    return receivedSignal.load(std::memory_order_relaxed) != 0;
}

} // namespace Resguarda::Interruption
