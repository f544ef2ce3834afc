// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QFile;

namespace Resguarda {

// QuaZip's minizip marks every entry that needs zip64 (a size or an offset
// past 4 GiB) as "made by 4.5, needs 6.3". Info-ZIP unzip 6.0, the unzip of
// Debian and of many NAS boxes, refuses such entries ("need PK compat. v6.3
// (can do v4.6)") although they need nothing beyond zip64 (4.5). This puts
// the central directory right after the archive is closed: needs 4.5, made
// by Unix (so the permission bits are read). file must be open read-write.
// Returns false on an I/O error or an archive it does not recognise.
bool fixZip64VersionFields(QFile &file, unsigned madeBy);

} // namespace Resguarda
