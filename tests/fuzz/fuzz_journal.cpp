// SPDX-License-Identifier: GPL-3.0-or-later
// The input is the restore journal a crashed restore left behind, which
// every command reads before touching the installation.
#include "fuzzscratch.h"

#include "maintenance/restorejournal.h"

#include <QDir>

using namespace Resguarda;

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    FuzzScratch::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString root = FuzzScratch::directory() + QStringLiteral("/instalacao");
    const QString journal
        = QDir(RestoreJournal::stagingPath(root)).filePath(QStringLiteral("diario.json"));
    FuzzScratch::writeFile(QDir(FuzzScratch::directory()).relativeFilePath(journal), data, size);
    QString error;
    (void)RestoreJournal::load(root, &error);
    return 0;
}
