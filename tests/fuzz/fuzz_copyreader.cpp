// SPDX-License-Identifier: GPL-3.0-or-later
// The input is a whole copy file: central directory, local headers, entry
// data and the manifest inside it, read the way verify and restore read them.
#include "fuzzscratch.h"

#include "copy/copyreader.h"

using namespace Resguarda;

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    FuzzScratch::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString path = FuzzScratch::writeFile(QStringLiteral("CopiaAT.zip"), data, size);
    OperationError error;
    const auto reader = CopyReader::open(path, &error);
    if (!reader)
        return 0;
    (void)reader->structuralProblems();
    qint64 produced = 0;
    reader->verify([&produced](qint64 bytes) {
        produced += bytes;
        return produced <= FuzzScratch::byteBudget;
    });
    return 0;
}
