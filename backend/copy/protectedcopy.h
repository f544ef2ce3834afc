// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/operationerror.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>

#include <functional>
#include <optional>

namespace Resguarda {

// A protected copy (docs/copy-format.md, "Protected copies") is a ZIP file
// with one entry, Copia<SIS>-sem-senha.zip, encrypted with WinZip AES-256
// (AE-2), whose content is a plain copy, byte for byte. 7-Zip, WinRAR and
// PeaZip open it with the password; what anyone sees without it is the
// archive comment "resguarda.copy protected system=<SIS>" and that one name.
//
// One entry rather than one encrypted entry per file, because AE-2 derives
// a key for every entry (PBKDF2, about half a millisecond of CPU each): on
// the 300,000 files of an office that alone would double a backup. One
// entry also hides the file names, which hold CNPJs and NF-e access keys,
// and its authentication code covers the whole plain copy, names included.
class ProtectedCopy
{
    Q_DECLARE_TR_FUNCTIONS(ProtectedCopy)

public:
    // Called with the plain bytes done since the last call; false cancels.
    using Progress = std::function<bool(qint64 bytes)>;

    static QByteArray marker(const QString &systemCode);
    // The system a marker names, or nothing when comment is not a marker (or
    // names no valid system code).
    static std::optional<QString> markedSystem(QByteArrayView comment);
    // The name of the one entry, the plain copy inside.
    static QString innerName(const QString &systemCode);

    // The system of the copy at path when it is marked as protected, read
    // from its end record only. Anyone can write such a comment: this
    // decides which way a file is opened, and the opening then proves it.
    static std::optional<QString> protectedSystem(const QString &path);

    // Writes the protected copy of the plain copy in plainFd (read from
    // offset 0, plainSize bytes) to outFd, from its current position.
    // The password is UTF-8 and already passed PasswordPolicy. Returns
    // false with errno set when a read or a write fails, or with errno 0
    // when progress cancelled.
    static bool seal(int plainFd, qint64 plainSize, int outFd, QByteArrayView password,
                     const QString &systemCode, const Progress &progress = {});

    // Checks the protected copy at path, strictly, and decrypts its plain
    // copy into plainFd (an empty file, written from its current position).
    // The authentication code is checked over every byte before this
    // returns: on any failure, what plainFd received must be thrown away.
    // Errors: ExitCode::Password when password is empty or not the copy's,
    // ExitCode::InvalidCopy when the file is not a well-formed protected
    // copy or was changed, Failed when plainFd cannot be written.
    // systemCode receives the system the marker names.
    static OperationError unseal(const QString &path, QByteArrayView password, int plainFd,
                                 QString *systemCode, const Progress &progress = {});

    // A new file for a decrypted copy in dir (QDir::tempPath() when empty),
    // that has no name: nothing of the plain copy outlives the process,
    // however it ends. -1 with a translated reason when it cannot be made.
    static int createScratchFile(const QString &dir, QString *error);
};

} // namespace Resguarda
