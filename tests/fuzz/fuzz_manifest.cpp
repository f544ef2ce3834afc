// SPDX-License-Identifier: GPL-3.0-or-later
// The input is the manifest's JSON alone: many more inputs per second than
// wrapping each in a ZIP. A manifest that parses must also survive being
// written out and read back unchanged.
#include "copy/manifest.h"

#include <QByteArray>
#include <QString>

#include <cstdio>
#include <cstdlib>

using namespace Resguarda;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    Manifest manifest;
    QString problem;
    if (Manifest::fromJson(json, &manifest, &problem) != Manifest::ParseResult::Ok)
        return 0;

    const QByteArray written = manifest.toJson();
    Manifest reread;
    if (Manifest::fromJson(written, &reread, &problem) != Manifest::ParseResult::Ok) {
        std::fprintf(stderr, "a parsed manifest, written out, no longer parses: %s\n%s\n",
                     qPrintable(problem), written.constData());
        std::abort();
    }
    if (reread.toJson() != written) {
        std::fprintf(stderr, "a manifest changes when written out and read back:\n%s\n",
                     written.constData());
        std::abort();
    }
    return 0;
}
