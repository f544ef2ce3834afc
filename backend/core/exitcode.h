// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Resguarda {

// The process exit codes every command of resguarda-cli uses. Schedulers and
// the business system branch on these, so they never change meaning.
enum class ExitCode : int {
    Success = 0,
    Failed = 1, // the operation failed (I/O error, full disk, cancelled)
    Usage = 2, // wrong arguments, or a confirmation was needed and not given
    InUse = 3, // somebody is connected to the installation
    InvalidCopy = 4, // not a Resguarda copy, or a damaged one
    // backup --allow-incomplete wrote a copy that leaves files out, as
    // asked: it is marked incomplete and is not a full backup
    Incomplete = 5,
    // the copy is protected and no password was given, or the password
    // given is not its password (its verifier differs). Damage is still 4.
    Password = 6,
    // the copy was made and verified here, but sending it off site (rclone)
    // failed: the remote keeps its previous copy
    Offsite = 7,
};

// resguarda-cli interrupted by Ctrl-C (SIGINT) or SIGTERM: it stopped
// cleanly and removed its temporary files (128 + SIGINT, as shells report an
// interrupted command). A result of the process, never of an operation, so
// not an ExitCode an OperationError carries.
inline constexpr int cancelledExitCode = 130;

} // namespace Resguarda
