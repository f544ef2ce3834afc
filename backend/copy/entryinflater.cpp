// SPDX-License-Identifier: GPL-3.0-or-later
#include "copy/entryinflater.h"

#include <libdeflate.h>
#include <zlib.h>

#include <algorithm>

namespace Resguarda {

namespace {

constexpr qint64 chunk = 1024 * 1024;

// Fills buffer with exactly size bytes from read, or fewer at the end.
qint64 readFully(const EntryInflater::Read &read, char *buffer, qint64 size)
{
    qint64 total = 0;
    while (total < size) {
        const qint64 n = read(buffer + total, size - total);
        if (n < 0)
            return -1;
        if (n == 0)
            break;
        total += n;
    }
    return total;
}

} // namespace

EntryInflater::EntryInflater()
    : m_decompressor(libdeflate_alloc_decompressor())
{
}

EntryInflater::~EntryInflater()
{
    libdeflate_free_decompressor(m_decompressor);
}

EntryInflater::Result EntryInflater::inflate(int method, qint64 storedSize, qint64 size,
                                             quint32 crc, const Read &read, const Write &write)
{
    if (method == 0)
        return copyStored(size, crc, read, write);
    if (method != Z_DEFLATED)
        return Result::UnknownMethod;
    // Deflate never makes data more than slightly larger: a stored size
    // beyond that bound is read as a stream, which finds what is wrong.
    if (m_decompressor && size <= wholeBufferLimit && storedSize >= 0
        && storedSize <= wholeBufferLimit + wholeBufferLimit / 64 + 1024)
        return inflateWhole(storedSize, size, crc, read, write);
    return inflateStream(size, crc, read, write);
}

EntryInflater::Result EntryInflater::copyStored(qint64 size, quint32 crc, const Read &read,
                                                const Write &write)
{
    m_input.resize(chunk);
    quint32 sum = 0;
    qint64 total = 0;
    for (;;) {
        const qint64 n = read(m_input.data(), m_input.size());
        if (n < 0)
            return Result::ReadError;
        if (n == 0)
            break;
        total += n;
        if (total > size)
            return Result::Larger;
        sum = quint32(libdeflate_crc32(sum, m_input.constData(), size_t(n)));
        if (!write(m_input.constData(), n))
            return Result::Stopped;
    }
    if (total != size)
        return Result::Shorter;
    return sum == crc ? Result::Ok : Result::CrcMismatch;
}

EntryInflater::Result EntryInflater::inflateWhole(qint64 storedSize, qint64 size, quint32 crc,
                                                  const Read &read, const Write &write)
{
    // One byte more than the stored size: data beyond it means the headers
    // understate the entry.
    m_input.resize(storedSize + 1);
    const qint64 got = readFully(read, m_input.data(), m_input.size());
    if (got < 0)
        return Result::ReadError;
    if (got != storedSize)
        return Result::Damaged;
    // One byte of room more than declared tells "larger" from "exact".
    m_output.resize(size + 1);
    size_t consumed = 0;
    size_t produced = 0;
    const auto status = libdeflate_deflate_decompress_ex(
        m_decompressor, m_input.constData(), size_t(storedSize), m_output.data(),
        size_t(m_output.size()), &consumed, &produced);
    if (status == LIBDEFLATE_INSUFFICIENT_SPACE)
        return Result::Larger;
    if (status != LIBDEFLATE_SUCCESS || consumed != size_t(storedSize))
        return Result::Damaged;
    if (qint64(produced) > size)
        return Result::Larger;
    if (qint64(produced) < size)
        return Result::Shorter;
    if (quint32(libdeflate_crc32(0, m_output.constData(), produced)) != crc)
        return Result::CrcMismatch;
    return write(m_output.constData(), size) ? Result::Ok : Result::Stopped;
}

EntryInflater::Result EntryInflater::inflateStream(qint64 size, quint32 crc, const Read &read,
                                                   const Write &write)
{
    z_stream stream {};
    if (inflateInit2(&stream, -MAX_WBITS) != Z_OK)
        return Result::Damaged;
    struct End
    {
        z_stream *stream;
        ~End() { inflateEnd(stream); }
    } end {&stream};
    m_input.resize(chunk);
    m_output.resize(chunk);
    quint32 sum = 0;
    qint64 total = 0;
    bool ended = false;
    for (;;) {
        const qint64 n = read(m_input.data(), m_input.size());
        if (n < 0)
            return Result::ReadError;
        if (n == 0)
            break;
        if (ended)
            return Result::Damaged; // data after the end of the deflate stream
        stream.next_in = reinterpret_cast<Bytef *>(m_input.data());
        stream.avail_in = uInt(n);
        do {
            stream.next_out = reinterpret_cast<Bytef *>(m_output.data());
            stream.avail_out = uInt(m_output.size());
            const int status = ::inflate(&stream, Z_NO_FLUSH);
            if (status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR)
                return Result::Damaged;
            const qint64 produced = m_output.size() - qint64(stream.avail_out);
            total += produced;
            if (total > size)
                return Result::Larger;
            sum = quint32(libdeflate_crc32(sum, m_output.constData(), size_t(produced)));
            if (produced > 0 && !write(m_output.constData(), produced))
                return Result::Stopped;
            ended = status == Z_STREAM_END;
        } while (!ended && stream.avail_out == 0);
        if (ended && stream.avail_in > 0)
            return Result::Damaged;
    }
    if (!ended)
        return Result::Damaged; // the stream stops before its end
    if (total != size)
        return Result::Shorter;
    return sum == crc ? Result::Ok : Result::CrcMismatch;
}

} // namespace Resguarda
