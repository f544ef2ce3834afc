// SPDX-License-Identifier: GPL-3.0-or-later
// The input is a whole copy file: central directory, local headers, entry
// data and the manifest inside it, read the way verify and restore read them.
// A protected copy (its end record says so) is opened the way verify opens
// it, with the password every protected seed was sealed with: its outer
// structure, the AE-2 header and password verifier, the decryption and the
// authentication code, and then the plain copy inside.
#include "fuzzscratch.h"

#include "copy/copycontainer.h"
#include "copy/copyreader.h"
#include "copy/protectedcopy.h"

using namespace Resguarda;

namespace {

void readCopy(CopyReader &reader)
{
    (void)reader.structuralProblems();
    qint64 produced = 0;
    reader.verify([&produced](qint64 bytes) {
        produced += bytes;
        return produced <= FuzzScratch::byteBudget;
    });
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    FuzzScratch::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString path = FuzzScratch::writeFile(QStringLiteral("CopiaAT.zip"), data, size);
    OperationError error;
    if (ProtectedCopy::protectedSystem(path)) {
        qint64 decrypted = 0;
        const auto budget = [&decrypted](qint64 bytes) {
            decrypted += bytes;
            return decrypted <= FuzzScratch::byteBudget;
        };
        // The decrypted copy goes to a file without a name in the scratch
        // folder: nothing is left there, whatever the outcome.
        const auto opened = OpenedCopy::open(path, FuzzScratch::directory(), &error, budget,
                                             QByteArrayView(FuzzScratch::copyPassword));
        if (opened)
            readCopy(opened->reader());
        return 0;
    }
    const auto reader = CopyReader::open(path, &error);
    if (reader)
        readCopy(*reader);
    return 0;
}
