// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QtGlobal>

#include <functional>

struct libdeflate_decompressor;

namespace Resguarda {

// Turns one entry's stored data back into the file, checking it against the
// size and CRC its headers declare: never more bytes than declared (a crafted
// entry cannot expand without limit), never fewer, nothing after the end of
// the deflate stream. Entries up to wholeBufferLimit are inflated in one call
// by libdeflate, several times faster than zlib; larger ones are streamed
// through zlib so memory stays bounded whatever the entry's size.
class EntryInflater
{
public:
    static constexpr qint64 wholeBufferLimit = 16 * 1024 * 1024;

    // Reads up to size bytes of the entry's stored data; 0 at its end, -1
    // on a read error.
    using Read = std::function<qint64(char *data, qint64 size)>;
    // Receives the file's bytes in order; false stops (a write error or a
    // cancellation, as the caller knows).
    using Write = std::function<bool(const char *data, qint64 size)>;

    enum class Result {
        Ok,
        UnknownMethod,
        ReadError,
        Damaged, // not a valid deflate stream, or data after its end
        Larger, // more bytes than declared
        Shorter, // fewer bytes than declared
        CrcMismatch,
        Stopped, // write returned false
    };

    EntryInflater();
    ~EntryInflater();
    EntryInflater(const EntryInflater &) = delete;
    EntryInflater &operator=(const EntryInflater &) = delete;

    // method: 0 stored, 8 deflated.
    Result inflate(int method, qint64 storedSize, qint64 size, quint32 crc, const Read &read,
                   const Write &write);

private:
    Result inflateWhole(qint64 storedSize, qint64 size, quint32 crc, const Read &read,
                        const Write &write);
    Result inflateStream(qint64 size, quint32 crc, const Read &read, const Write &write);
    Result copyStored(qint64 size, quint32 crc, const Read &read, const Write &write);

    libdeflate_decompressor *m_decompressor = nullptr;
    QByteArray m_input;
    QByteArray m_output;
};

} // namespace Resguarda
