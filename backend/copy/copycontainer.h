// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "copy/copyreader.h"
#include "core/operationerror.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>

#include <functional>
#include <memory>

namespace Resguarda {

// A copy packed again by its user: a .7z, .rar, .tar, .tar.gz, .tar.xz or
// .tar.zst file that holds one Resguarda copy (Copia*.zip). Validating a
// copy needs random access to the ZIP's central directory, which a stream
// cannot give, so the inner copy is spooled to a temporary file (streaming,
// with bounded memory) and read from there like any other copy.
class CopyContainer
{
    Q_DECLARE_TR_FUNCTIONS(CopyContainer)

public:
    // Called with the bytes of the inner copy written since the last call;
    // false cancels.
    using Progress = std::function<bool(qint64 bytes)>;

    // Whether path is an archive libarchive can read (7z, RAR, tar, possibly
    // compressed), decided by its content. A ZIP file is never a container:
    // it is the copy itself, valid or not.
    static bool isContainer(const QString &path);

    // Streams the container and writes its single Copia*.zip entry to a new
    // file in destinationDir, whose path goes to unpackedPath. entryPath, if
    // given, receives the entry's name inside the container (for messages
    // only; it is never used as a path). On failure nothing is left behind.
    static OperationError unpackSingleCopy(const QString &containerPath,
                                           const QString &destinationDir, QString *unpackedPath,
                                           const Progress &progress = {},
                                           QString *entryPath = nullptr);
};

// A copy opened for reading, whether the user named the copy itself or a
// container holding it. Owns the unpacked temporary file and deletes it when
// destroyed.
class OpenedCopy
{
    Q_DECLARE_TR_FUNCTIONS(OpenedCopy)

public:
    ~OpenedCopy();
    OpenedCopy(const OpenedCopy &) = delete;
    OpenedCopy &operator=(const OpenedCopy &) = delete;

    // Opens path with CopyReader, first unpacking it into scratchDir
    // (QDir::tempPath() when empty) if it is a container, or decrypting it
    // there, into a file without a name, if it is a protected copy
    // (ProtectedCopy), with password. A password given for a copy that is
    // not protected is refused: a plain copy put where a protected one was
    // expected must not pass. Error messages name the file the user gave.
    static std::unique_ptr<OpenedCopy> open(const QString &path, const QString &scratchDir,
                                            OperationError *error,
                                            const CopyContainer::Progress &progress = {},
                                            QByteArrayView password = {});

    CopyReader &reader() { return *m_reader; }
    const CopyReader &reader() const { return *m_reader; }
    // The file the user named: the copy, or the container holding it.
    QString originalPath() const { return m_originalPath; }
    qint64 originalSize() const;
    // The copy's name inside the container; empty when not unpacked.
    QString entryPath() const { return m_entryPath; }
    bool wasUnpacked() const { return !m_unpackedPath.isEmpty(); }
    // Whether it is a protected copy, opened with its password.
    bool isProtected() const { return m_plainFd >= 0; }
    // How to name this copy to the user: "backup.7z → backup/CopiaAT.zip"
    // for an unpacked one, the plain path otherwise (native separators).
    QString displayName() const;

private:
    OpenedCopy() = default;
    static std::unique_ptr<OpenedCopy> refuseIfPasswordGiven(std::unique_ptr<OpenedCopy> opened,
                                                             OperationError *error,
                                                             QByteArrayView password);
    static std::unique_ptr<OpenedCopy> openProtected(std::unique_ptr<OpenedCopy> opened,
                                                     const QString &scratchDir,
                                                     OperationError *error,
                                                     const CopyContainer::Progress &progress,
                                                     QByteArrayView password);

    std::unique_ptr<CopyReader> m_reader;
    QString m_originalPath;
    QString m_entryPath;
    QString m_unpackedPath;
    int m_plainFd = -1; // the decrypted copy of a protected one
};

} // namespace Resguarda
