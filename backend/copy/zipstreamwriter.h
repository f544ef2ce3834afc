// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QtGlobal>

namespace Resguarda {

// Writes the records of a ZIP file (APPNOTE 6.3) to a descriptor, entry after
// entry, in the form a copy has (docs/copy-format.md): UTF-8 names with
// flag bit 11, "made by" Unix 6.3 with the mode in the external attributes,
// the extended timestamp extra field, sizes and CRC in the local headers (no
// data descriptors), and zip64 records only where a value needs them.
//
// Memory does not grow with the number of entries: the central directory
// records go to a spool file as soon as an entry is complete, and finish()
// appends that file to the archive. Rebuilding the directory from the local
// headers instead would read the archive back header by header, one random
// read per entry: on a USB pen drive that costs far more than writing and
// reading a sequential spool of about 60 bytes per entry.
//
// Not thread-safe: one thread writes. The first write error stops all
// further writing; error() then gives its errno.
class ZipStreamWriter
{
public:
    // The values beyond which zip64 records are used. Only tests lower them,
    // to prove the zip64 layout without writing 4 GiB.
    struct Limits
    {
        // An entry expected to be this large gets a zip64 extra field in its
        // local header, with room for sizes that are only known at its end.
        // The margin below 4 GiB covers deflate's worst-case growth.
        qint64 localZip64Size = Q_INT64_C(0xFFFFFFFF) - 64 * 1024 * 1024;
        // A size or offset of at least this much moves to a zip64 field.
        quint64 field32 = 0xFFFFFFFFu;
        // This many entries or more need the zip64 end records.
        quint64 entries16 = 0xFFFFu;
    };

    struct Entry
    {
        QByteArray name; // UTF-8, with a trailing '/' for a folder
        qint64 modified = -1; // seconds since the epoch
        quint32 unixMode = 0; // file type and permission bits
        int method = 0; // 0 stored, 8 deflated
        int level = 6; // the deflate level, recorded in flag bits 1 and 2
        qint64 expectedSize = 0; // uncompressed, as far as it is known at the start
    };

    ZipStreamWriter();
    ~ZipStreamWriter();
    ZipStreamWriter(const ZipStreamWriter &) = delete;
    ZipStreamWriter &operator=(const ZipStreamWriter &) = delete;

    // archiveFd: the new, empty archive, positioned at 0. spoolFd: an empty
    // file for the central directory (unlinked: nothing of it survives the
    // process). Both stay owned by the caller and open until the end.
    void open(int archiveFd, int spoolFd, const Limits &limits);

    // An entry whose data, CRC and sizes are all known: written whole.
    bool addEntry(const Entry &entry, quint32 crc32, qint64 uncompressedSize, const char *data,
                  qint64 compressedSize);
    // An entry whose data comes in pieces: its local header is written now
    // and completed by endEntry() once the CRC and sizes are known.
    bool beginEntry(const Entry &entry);
    bool writeData(const char *data, qint64 size);
    bool endEntry(quint32 crc32, qint64 uncompressedSize);
    // Appends the central directory and the end records; flushes everything
    // to the descriptor (syncing it is the caller's business).
    bool finish();

    bool failed() const { return m_errno != 0; }
    int error() const { return m_errno; } // errno of the first failure
    qint64 position() const { return m_position; }
    quint64 entryCount() const { return m_entries; }

    // The MS-DOS date (high 16 bits) and time of seconds since the epoch, in
    // local time, 1980-01-01 at the earliest and 2107-12-31 at the latest.
    static quint32 dosDateTime(qint64 seconds);

private:
    bool writeOut(const char *data, qint64 size);
    bool flushOut();
    bool spool(const char *data, qint64 size);
    bool flushSpool();
    bool fail(int error);
    QByteArray localHeader(const Entry &entry, quint32 crc32, qint64 uncompressedSize,
                           qint64 compressedSize, bool zip64) const;
    bool addCentralRecord(const Entry &entry, quint32 crc32, qint64 uncompressedSize,
                          qint64 compressedSize, qint64 offset, bool localZip64);
    bool patchAt(qint64 offset, const char *data, qint64 size);

    int m_fd = -1;
    int m_spoolFd = -1;
    Limits m_limits;
    int m_errno = 0;
    qint64 m_position = 0; // of the next byte of the archive
    QByteArray m_out; // written but not yet flushed, from m_outStart
    qint64 m_outStart = 0;
    QByteArray m_spool; // central records not yet flushed to the spool
    qint64 m_spoolSize = 0;
    quint64 m_entries = 0;
    // The entry begun by beginEntry().
    Entry m_current;
    qint64 m_currentOffset = -1;
    qint64 m_currentDataStart = 0;
    bool m_currentZip64 = false;
    QByteArray m_record; // reused for every header
};

} // namespace Resguarda
