// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crashpoint.h"

#include <QByteArray>
#include <QList>
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
    bool interrupt = false;
};

const Target &target()
{
    static const Target parsed = [] {
        Target result;
        const QByteArray spec = qgetenv("RESGUARDA_CRASH_AT");
        const QList<QByteArray> parts = spec.split(':');
        result.name = parts.value(0);
        if (parts.size() > 1)
            result.hits = std::max(1, parts.at(1).toInt());
        result.interrupt = parts.value(2) == "INT";
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
        if (wanted.interrupt) {
            std::raise(SIGINT);
            return;
        }
#ifdef SIGKILL
        std::raise(SIGKILL);
#else
        std::_Exit(137);
#endif
    }
}

} // namespace Resguarda
