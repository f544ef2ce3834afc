// SPDX-License-Identifier: GPL-3.0-or-later
#include "copy/entrycompressor.h"

#include <QIODevice>

#include <libdeflate.h>
#include <zlib.h>

namespace Resguarda {

namespace {

// Reads exactly size bytes unless the device ends or fails.
qint64 readFully(QIODevice &source, char *buffer, qint64 size)
{
    qint64 total = 0;
    while (total < size) {
        const qint64 n = source.read(buffer + total, size - total);
        if (n <= 0)
            return n < 0 ? -1 : total;
        total += n;
    }
    return total;
}

} // namespace

struct EntryCompressor::ZStream
{
    z_stream stream {};
    bool ready = false;
    ~ZStream()
    {
        if (ready)
            deflateEnd(&stream);
    }
};

EntryCompressor::EntryCompressor(int level)
    : m_level(level)
    , m_compressor(libdeflate_alloc_compressor(level))
    , m_stream(std::make_unique<ZStream>())
{
}

EntryCompressor::~EntryCompressor()
{
    libdeflate_free_compressor(m_compressor);
}

quint32 EntryCompressor::crc32(quint32 crc, const char *data, qint64 size)
{
    return libdeflate_crc32(crc, data, size_t(size));
}

qint64 EntryCompressor::compressWhole(const char *input, qint64 size, char *output, qint64 capacity)
{
    if (size <= 0 || !m_compressor)
        return 0;
    return qint64(
        libdeflate_deflate_compress(m_compressor, input, size_t(size), output, size_t(capacity)));
}

bool EntryCompressor::compressChunk(const char *dictionary, qint64 dictionaryBytes,
                                    const char *input, qint64 size, bool last, QByteArray *output)
{
    z_stream &stream = m_stream->stream;
    if (!m_stream->ready) {
        if (deflateInit2(&stream, m_level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
            return false;
        m_stream->ready = true;
    } else if (deflateReset(&stream) != Z_OK) {
        return false;
    }
    if (dictionaryBytes > 0
        && deflateSetDictionary(&stream, reinterpret_cast<const Bytef *>(dictionary),
                                uInt(dictionaryBytes))
            != Z_OK)
        return false;
    // Room for the worst case plus the sync flush marker: one call does all.
    output->resize(qsizetype(deflateBound(&stream, uLong(size))) + 64);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(input));
    stream.avail_in = uInt(size);
    stream.next_out = reinterpret_cast<Bytef *>(output->data());
    stream.avail_out = uInt(output->size());
    const int rc = deflate(&stream, last ? Z_FINISH : Z_SYNC_FLUSH);
    if (last ? rc != Z_STREAM_END : (rc != Z_OK || stream.avail_in != 0 || stream.avail_out == 0))
        return false;
    output->resize(output->size() - qsizetype(stream.avail_out));
    return true;
}

bool EntryCompressor::compress(QIODevice &source, qint64 expectedSize,
                               const std::function<bool(int)> &beforeWrite, const Sink &sink,
                               const Progress &progress, CompressedEntry *result, QString *error)
{
    *result = {};
    const bool whole = expectedSize <= wholeBufferLimit;
    // One byte more than expected detects a file that grew.
    const qint64 piece = whole ? expectedSize + 1 : streamChunk;
    QByteArray input(piece, Qt::Uninitialized);
    QByteArray output;
    QByteArray dictionary;
    quint32 crc = 0;
    qint64 consumed = 0;
    for (;;) {
        const qint64 n = readFully(source, input.data(), piece);
        if (n < 0) {
            *error = source.errorString();
            return false;
        }
        consumed += n;
        if (consumed > expectedSize || (n < piece && consumed != expectedSize)) {
            *error = tr("the file changed size while it was being copied");
            return false;
        }
        crc = crc32(crc, input.constData(), n);
        if (progress && !progress(n)) {
            *error = tr("cancelled");
            return false;
        }
        const bool last = consumed == expectedSize && (whole || n < piece || n == 0);
        if (whole) {
            output.resize(qsizetype(n));
            const qint64 packed = compressWhole(input.constData(), n, output.data(), n);
            // Incompressible data (already compressed tables) is stored as is.
            result->method = packed > 0 ? 8 : 0;
            result->compressedSize = packed > 0 ? packed : n;
            if (!beforeWrite(result->method)) {
                *error = tr("the entry could not be started");
                return false;
            }
            if (result->compressedSize > 0
                && !sink(packed > 0 ? output.constData() : input.constData(),
                         result->compressedSize)) {
                *error = tr("the copy could not be written");
                return false;
            }
            break;
        }
        if (consumed == n && !beforeWrite(8)) {
            *error = tr("the entry could not be started");
            return false;
        }
        result->method = 8;
        if (!compressChunk(dictionary.constData(), dictionary.size(), input.constData(), n, last,
                           &output)) {
            *error = tr("the compressor failed");
            return false;
        }
        if (!output.isEmpty() && !sink(output.constData(), output.size())) {
            *error = tr("the copy could not be written");
            return false;
        }
        result->compressedSize += output.size();
        if (last)
            break;
        dictionary = input.right(dictionarySize);
    }
    result->uncompressedSize = consumed;
    result->crc32 = crc;
    return true;
}

} // namespace Resguarda
