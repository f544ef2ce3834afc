// SPDX-License-Identifier: GPL-3.0-or-later
// Adds the torture tree (support/torturetree.h) to a folder, for benchmarks
// and manual checks; or prints a folder's canonical listing, or compares two.

#include "support/torturetree.h"
#include "support/treesnapshot.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>

#include <cstdio>

using namespace TestSupport;

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "make-torture-tree: %s\n", qPrintable(message));
    return 1;
}

bool setCase(TortureOptions *options, const QString &name)
{
    const QHash<QString, bool *> cases = {
        {QStringLiteral("encodings"), &options->legacyEncodings},
        {QStringLiteral("reserved"), &options->reservedCharacters},
        {QStringLiteral("long-paths"), &options->longPaths},
        {QStringLiteral("empty-files"), &options->emptyFiles},
        {QStringLiteral("normalisation"), &options->normalisationAndCase},
        {QStringLiteral("empty-folders"), &options->emptyFolders},
        {QStringLiteral("modes"), &options->variedModes},
        {QStringLiteral("times"), &options->extremeTimes},
    };
    if (!cases.contains(name))
        return false;
    *cases.value(name) = false;
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Adds the torture cases to FOLDER (usually <root>/<SIS>/empresas/<COD>).\n"
                       "With --listing, prints FOLDER's canonical listing and tree hash instead;\n"
                       "with --compare, compares FOLDER with a second folder."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("FOLDER"), QStringLiteral("The folder."));
    parser.addOptions({
        {QStringLiteral("files"), QStringLiteral("Number of small NF-e files (default 100000)."),
         QStringLiteral("N")},
        {QStringLiteral("sparse"), QStringLiteral("Add a sparse file of over 4 GiB.")},
        {QStringLiteral("sparse-bytes"), QStringLiteral("Size of the sparse file."),
         QStringLiteral("BYTES")},
        {QStringLiteral("long-path-bytes"),
         QStringLiteral("Length of the long path (default 4000)."), QStringLiteral("BYTES")},
        {QStringLiteral("seed"), QStringLiteral("Varies contents and times."), QStringLiteral("S")},
        {QStringLiteral("without"),
         QStringLiteral("Leave out cases: encodings, reserved, long-paths, empty-files, "
                        "normalisation, empty-folders, modes, times."),
         QStringLiteral("CASE,...")},
        {QStringLiteral("uncopyable"),
         QStringLiteral(
             "Also add what cannot be copied: a link, a FIFO, an unreadable file and folder.")},
        {QStringLiteral("company"),
         QStringLiteral(
             "FOLDER is an installation root: add to its company SIS/COD, made when missing."),
         QStringLiteral("SIS/COD")},
        {QStringLiteral("listing"), QStringLiteral("Print FOLDER's canonical listing.")},
        {QStringLiteral("compare"), QStringLiteral("Compare FOLDER with OTHER."),
         QStringLiteral("OTHER")},
    });
    parser.process(app);
    if (parser.positionalArguments().size() != 1)
        return fail(QStringLiteral("name one FOLDER (see --help)"));
    QString folder = parser.positionalArguments().first();

    if (parser.isSet(QStringLiteral("listing"))) {
        const auto snapshot = snapshotTree(folder);
        const QByteArray listing = snapshotListing(snapshot);
        std::fwrite(listing.constData(), 1, size_t(listing.size()), stdout);
        std::printf(
            "tree %s: %lld files, %lld folders, %lld bytes\n",
            QCryptographicHash::hash(listing, QCryptographicHash::Sha256).toHex().constData(),
            snapshot.files, snapshot.folders, snapshot.bytes);
        for (const auto &error : snapshot.errors)
            std::fprintf(stderr, "error: %s\n", qPrintable(error));
        return snapshot.errors.isEmpty() ? 0 : 1;
    }
    if (parser.isSet(QStringLiteral("compare"))) {
        const QString differences = describeDifferences(
            snapshotTree(folder), snapshotTree(parser.value(QStringLiteral("compare"))), 50);
        if (differences.isEmpty())
            return 0;
        std::printf("%s\n", qPrintable(differences));
        return 1;
    }

    TortureOptions options;
    bool ok = true;
    if (parser.isSet(QStringLiteral("files")))
        options.smallFiles = parser.value(QStringLiteral("files")).toInt(&ok);
    if (ok && parser.isSet(QStringLiteral("long-path-bytes")))
        options.longPathBytes = parser.value(QStringLiteral("long-path-bytes")).toInt(&ok);
    if (ok && parser.isSet(QStringLiteral("seed")))
        options.seed = parser.value(QStringLiteral("seed")).toUInt(&ok);
    options.sparseFile = parser.isSet(QStringLiteral("sparse"));
    if (ok && parser.isSet(QStringLiteral("sparse-bytes")))
        options.sparseFileBytes = parser.value(QStringLiteral("sparse-bytes")).toLongLong(&ok);
    if (!ok)
        return fail(QStringLiteral("a number was expected"));
    const auto without = parser.value(QStringLiteral("without")).split(u',', Qt::SkipEmptyParts);
    for (const auto &name : without) {
        if (!setCase(&options, name))
            return fail(QStringLiteral("unknown case: %1").arg(name));
    }
    if (parser.isSet(QStringLiteral("company"))) {
        const auto parts = parser.value(QStringLiteral("company")).split(u'/');
        if (parts.size() != 2)
            return fail(QStringLiteral("--company takes SIS/COD"));
        QString error;
        folder = ensureCompany(folder, parts[0], parts[1], &error);
        if (folder.isEmpty())
            return fail(error);
    }

    QElapsedTimer timer;
    timer.start();
    if (parser.isSet(QStringLiteral("uncopyable"))) {
        const auto result = addUncopyableCases(folder, {});
        if (!result.error.isEmpty())
            return fail(result.error);
    }
    const auto result = addTortureTree(folder, options);
    if (!result.error.isEmpty())
        return fail(result.error);
    std::printf("%lld files (%lld bytes) and %lld folders added to %s in %lld ms\n", result.files,
                result.bytes, result.folders, qPrintable(folder), timer.elapsed());
    return 0;
}
