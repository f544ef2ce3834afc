// SPDX-License-Identifier: GPL-3.0-or-later
// The input is a file the user says holds a copy: its first byte picks the
// name it is given (the opener decides by content, but messages and the
// unpacked file's name derive from it), the rest is the file. A container
// that unpacks goes on to the copy reader, as verify and restore do.
#include "fuzzscratch.h"

#include "copy/copycontainer.h"

#include <QDir>
#include <QFile>

#include <cstdio>
#include <cstdlib>

#include <iterator>

using namespace Resguarda;

namespace {

const char16_t *const names[] = {
    u"copia.7z",     u"copia.rar",     u"copia.tar",     u"copia.tar.gz",
    u"copia.tar.xz", u"copia.tar.zst", u"copia.tar.bz2", u"CopiaAT.zip",
};

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    FuzzScratch::initialize(argc, argv);
    QDir(FuzzScratch::directory()).mkdir(QStringLiteral("unpacked"));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QString name = QString::fromUtf16(names[data[0] % std::size(names)]);
    const QString path = FuzzScratch::writeFile(name, data + 1, size - 1);
    const QString unpackDir = FuzzScratch::directory() + QStringLiteral("/unpacked");

    qint64 produced = 0;
    const auto budget = [&produced](qint64 bytes) {
        produced += bytes;
        return produced <= FuzzScratch::byteBudget;
    };
    OperationError error;
    auto opened = OpenedCopy::open(path, unpackDir, &error, budget);
    if (opened) {
        (void)opened->reader().structuralProblems();
        produced = 0;
        opened->reader().verify(budget);
        opened.reset(); // removes the unpacked copy
    }
    QFile::remove(path); // the next input may pick another name
    // Whatever the outcome, unpacking must leave nothing behind.
    if (!QDir(unpackDir).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden
                                 | QDir::System)) {
        std::fprintf(stderr, "the container opener left files in its scratch folder\n");
        std::abort();
    }
    return 0;
}
