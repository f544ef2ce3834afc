// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QtGlobal>

#include <optional>

class QFileDevice;

namespace Resguarda {

// Where a ZIP file's central directory is, read from its end records (the
// classic one and, when its fields overflow, the zip64 one). Everything is
// checked against the file's size: the end of a hostile copy may claim
// anything.
struct ZipEnd
{
    quint64 entries = 0;
    quint64 directoryOffset = 0;
    quint64 directorySize = 0;
    // Where the end records begin (the zip64 one, if any): a directory that
    // ends before it leaves bytes unaccounted for.
    quint64 recordsOffset = 0;
    QByteArray comment; // the archive comment, as stored

    // Fails when the file does not end exactly with a complete end record
    // (a copy cut short), or when the records point outside the file.
    static std::optional<ZipEnd> read(QFileDevice &file);

    // Where the last record of the central directory starts (a file offset)
    // when that record names exactly lastName: a copy's manifest is its last
    // entry, and a preview then reads it without listing the whole
    // directory. Reads at most a few KiB.
    std::optional<quint64> lastRecordNamed(QFileDevice &file, const QByteArray &lastName) const;
};

} // namespace Resguarda
