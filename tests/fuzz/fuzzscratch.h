// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

// What every fuzz target shares: Qt set up once, a private scratch folder
// for the files the parsers must read from disk, and a byte budget so that a
// tiny input inflating to gigabytes is cut short instead of timing out.
namespace FuzzScratch {

// Creates the QCoreApplication and the scratch folder (inside $TMPDIR; the
// ctest runs point it into the build tree) and silences Qt's log output,
// which would only slow the fuzzer down. The folder is removed at exit.
void initialize(int *argc, char ***argv);

// The scratch folder, unique to this process.
QString directory();

// Writes data to directory()/relativePath (creating parent folders),
// replacing what the previous input left there, and returns the full path.
// Aborts when it cannot: a fuzzer that silently tests nothing is worse.
QString writeFile(const QString &relativePath, const uint8_t *data, size_t size);

// Uncompressed bytes a target lets one input produce before cancelling.
constexpr qint64 byteBudget = 16 * 1024 * 1024;

// The password of every protected copy in the seed corpus (makeseeds.cpp,
// make-corpus.sh): fuzz_copyreader opens protected copies with it, so that
// mutations reach the authentication and the plain copy inside.
constexpr char copyPassword[] = "Semente-Fuzz-2026";

} // namespace FuzzScratch
