// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crashpoint.h"

#include <QByteArray>
#include <QtGlobal>

#include <atomic>
#include <csignal>
#include <cstdlib>

namespace Resguarda {

namespace {

struct Target
{
    QByteArray name;
    int hits = 1;
};

const Target &target()
{
    static const Target parsed = [] {
        Target result;
        const QByteArray spec = qgetenv("RESGUARDA_CRASH_AT");
        const qsizetype colon = spec.indexOf(':');
        result.name = colon < 0 ? spec : spec.left(colon);
        if (colon >= 0)
            result.hits = std::max(1, spec.mid(colon + 1).toInt());
        return result;
    }();
    return parsed;
}

} // namespace

void crashPoint(const char *name)
{
    const Target &wanted = target();
    if (wanted.name.isEmpty() || wanted.name != name)
        return;
    static std::atomic_int reached {0};
    if (++reached == wanted.hits) {
#ifdef SIGKILL
        std::raise(SIGKILL);
#else
        std::_Exit(137);
#endif
    }
}

} // namespace Resguarda
