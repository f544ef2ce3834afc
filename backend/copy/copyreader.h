// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "copy/manifest.h"
#include "core/operationerror.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>

#include <functional>
#include <memory>

class QIODevice;
class QuaZip;

namespace Resguarda {

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
    };
    Kind kind;
    QString entry; // the entry concerned, if any
    QString message; // translated sentence for the user
};

// Reads a copy. open() reads only the central directory and the manifest, so
// listing a copy of many GB is instant; verifyData() reads every byte.
class CopyReader
{
    Q_DECLARE_TR_FUNCTIONS(CopyReader)

public:
    // Called with uncompressed bytes read since the last call; false cancels.
    using Progress = std::function<bool(qint64 bytes)>;

    ~CopyReader();

    // Fails (ExitCode::InvalidCopy) when the file is not a ZIP, is truncated,
    // or has no readable manifest of a format this build knows.
    static std::unique_ptr<CopyReader> open(const QString &path, OperationError *error);

    QString path() const { return m_path; }
    qint64 fileSize() const { return m_fileSize; }
    const Manifest &manifest() const { return m_manifest; }

    // Problems visible without reading data: unsafe or duplicate names,
    // non-regular or encrypted entries, entries missing, extra or different
    // from the manifest. Empty for a sound copy.
    const QList<CopyProblem> &structuralProblems() const { return m_structuralProblems; }

    // Reads every entry and checks size and CRC against the manifest.
    // Returns the problems found (structural ones included). cancelled is
    // set when progress asked to stop.
    QList<CopyProblem> verify(const Progress &progress = {}, bool *cancelled = nullptr);

    // Streams one entry's data into out, never writing more than the size
    // the manifest declares, and checks its CRC.
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
    struct CentralEntry;
    CopyReader() = default;
    bool readManifest(const QString &nativePath, qint64 entries, OperationError *error);
    // Lists the central directory with minizip itself: the names as stored
    // (QuaZip would decode them and refuses names over 256 bytes), and where
    // each entry starts, so that extracting one is a seek and not a search.
    bool readCentralDirectory(QList<CentralEntry> *central);
    void checkStructure(const QList<CentralEntry> &central);

    QString m_path;
    qint64 m_fileSize = 0;
    std::unique_ptr<QuaZip> m_zip;
    Manifest m_manifest;
    QList<CopyProblem> m_structuralProblems;
    // Where each file entry of the manifest starts in the ZIP.
    QHash<QString, QPair<quint64, quint64>> m_positions;
};

} // namespace Resguarda
