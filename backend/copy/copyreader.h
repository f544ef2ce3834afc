// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "copy/manifest.h"
#include "core/operationerror.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class QIODevice;
class QuaZip;

namespace Resguarda {

class EntryInflater;
class WindowedFile;

// One reason a file is not a valid copy. The kinds follow the checks restore
// must make before touching an installation (docs/copy-format.md).
struct CopyProblem
{
    enum class Kind {
        NotZip,
        Truncated,
        NoManifest,
        BadManifest,
        NewerFormat,
        UnsafeName,
        NotRegularFile,
        Encrypted,
        DuplicateName,
        InvalidNameEncoding,
        MissingEntry,
        ExtraEntry,
        SizeMismatch,
        CrcMismatch,
        ReadError,
        OutOfOrder,
    };
    Kind kind;
    QString entry; // the entry concerned, if any
    QString message; // translated sentence for the user
};

// Reads a copy. open() reads only the end of the ZIP and the manifest (its
// last entry), so listing a copy of any number of files is instant and takes
// little memory. scan() walks the central directory once, entry by entry,
// checking each: the file list is never held whole.
class CopyReader
{
    Q_DECLARE_TR_FUNCTIONS(CopyReader)

public:
    // Called with uncompressed bytes read since the last call; false cancels.
    using Progress = std::function<bool(qint64 bytes)>;
    // Called with each sound file entry, in the copy's order, while scan()
    // stands on it (extractEntry() may read it then); false stops the scan.
    using FileVisitor = std::function<bool(const ManifestEntry &entry)>;
    // Called with each folder of the copy.
    using FolderVisitor = std::function<void(const ManifestFolder &folder)>;

    ~CopyReader();

    // Fails (ExitCode::InvalidCopy) when the file is not a ZIP, is truncated,
    // or has no readable manifest of a format this build knows.
    static std::unique_ptr<CopyReader> open(const QString &path, OperationError *error);

    QString path() const { return m_path; }
    qint64 fileSize() const { return m_fileSize; }
    const Manifest &manifest() const { return m_manifest; }

    // Walks every entry of the central directory once and checks it:
    // unsafe, non-canonical, duplicate or out-of-order names, non-regular or
    // encrypted entries, entries outside the companies the manifest
    // describes, and (at the end) totals that disagree with the manifest.
    // Returns the problems found; stopped is set when a visitor stopped it.
    QList<CopyProblem> scan(const FileVisitor &onFile = {}, const FolderVisitor &onFolder = {},
                            bool *stopped = nullptr);

    // The problems scan() finds without reading any data, computed once.
    // Empty for a sound copy.
    const QList<CopyProblem> &structuralProblems();

    // Reads every entry and checks size and CRC. Returns the problems found
    // (structural ones included). cancelled is set when progress asked to
    // stop. files receives how many file entries were read.
    QList<CopyProblem> verify(const Progress &progress = {}, bool *cancelled = nullptr,
                              qint64 *files = nullptr);

    // Streams one entry's data (as scan() gave it) into out, never writing
    // more than the size its headers declare, and checks its CRC.
    // failure receives the kind of problem when it returns false.
    bool extractEntry(const ManifestEntry &entry, QIODevice &out, const Progress &progress,
                      QString *error, CopyProblem::Kind *failure = nullptr);

    // Whether name may appear in a copy of system systemCode: a safe relative
    // path inside <SIS>/empresas/<COD>/ or <SIS>/modelos/.
    static bool isSafeEntryName(const QString &name, const QString &systemCode);
    // The same for a folder: a company's own folder, <SIS>/modelos, or a
    // folder below either.
    static bool isSafeFolderName(const QString &name, const QString &systemCode);

private:
    // A structural problem list stays readable and small whatever a hostile
    // copy holds: past this many, only the count grows.
    static constexpr qsizetype maxProblemsListed = 1000;

    CopyReader();
    bool readManifest(const QString &nativePath, qint64 entries, OperationError *error);

    QString m_path;
    qint64 m_fileSize = 0;
    std::unique_ptr<WindowedFile> m_file; // declared first: m_zip reads it until it goes
    std::unique_ptr<QuaZip> m_zip;
    Manifest m_manifest;
    quint64 m_manifestRecord = 0; // where the manifest's record is in the directory
    std::optional<QList<CopyProblem>> m_structuralProblems;
    std::unique_ptr<EntryInflater> m_inflater;
    bool m_moved = false; // extractEntry() moved minizip off the entry scan() stands on
};

} // namespace Resguarda
