// SPDX-License-Identifier: GPL-3.0-or-later
#include "copy/entrycompressor.h"

#include <QCoreApplication>
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

EntryCompressor::EntryCompressor(int level)
    : m_level(level)
    , m_compressor(libdeflate_alloc_compressor(level))
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

bool EntryCompressor::compress(QIODevice &source, qint64 expectedSize,
                               const std::function<bool(int)> &beforeWrite, const Sink &sink,
                               const Progress &progress, CompressedEntry *result, QString *error)
{
    *result = {};
    if (expectedSize <= wholeBufferLimit)
        return compressWhole(source, expectedSize, beforeWrite, sink, progress, result, error);
    return compressStream(source, expectedSize, beforeWrite, sink, progress, result, error);
}

bool EntryCompressor::compressWhole(QIODevice &source, qint64 expectedSize,
                                    const std::function<bool(int)> &beforeWrite, const Sink &sink,
                                    const Progress &progress, CompressedEntry *result,
                                    QString *error)
{
    // One byte more than expected detects a file that grew since it was listed.
    m_input.resize(expectedSize + 1);
    const qint64 got = readFully(source, m_input.data(), expectedSize + 1);
    if (got < 0) {
        *error = source.errorString();
        return false;
    }
    if (got != expectedSize) {
        *error = tr("the file changed size while it was being copied");
        return false;
    }
    if (progress && !progress(got)) {
        *error = tr("cancelled");
        return false;
    }
    result->uncompressedSize = got;
    result->crc32 = crc32(0, m_input.constData(), got);

    const size_t bound = libdeflate_deflate_compress_bound(m_compressor, size_t(got));
    if (m_output.size() < qsizetype(bound))
        m_output.resize(qsizetype(bound));
    const size_t packed = got > 0 ? libdeflate_deflate_compress(m_compressor, m_input.constData(),
                                                                size_t(got), m_output.data(), bound)
                                  : 0;
    // Incompressible data (already compressed tables, images) is stored as is.
    const bool store = packed == 0 || qint64(packed) >= got;
    result->method = store ? 0 : Z_DEFLATED;
    if (!beforeWrite(result->method)) {
        *error = tr("the entry could not be started");
        return false;
    }
    const char *data = store ? m_input.constData() : m_output.constData();
    result->compressedSize = store ? got : qint64(packed);
    if (result->compressedSize > 0 && !sink(data, result->compressedSize)) {
        *error = tr("the copy could not be written");
        return false;
    }
    // Large buffers are released so that one big file does not pin memory.
    if (m_input.size() > 4 * 1024 * 1024) {
        m_input = QByteArray();
        m_output = QByteArray();
    }
    return true;
}

bool EntryCompressor::compressStream(QIODevice &source, qint64 expectedSize,
                                     const std::function<bool(int)> &beforeWrite, const Sink &sink,
                                     const Progress &progress, CompressedEntry *result,
                                     QString *error)
{
    z_stream stream {};
    if (deflateInit2(&stream, m_level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
        *error = tr("the compressor could not be started");
        return false;
    }
    struct Cleanup
    {
        z_stream *stream;
        ~Cleanup() { deflateEnd(stream); }
    } cleanup {&stream};

    if (!beforeWrite(Z_DEFLATED)) {
        *error = tr("the entry could not be started");
        return false;
    }
    result->method = Z_DEFLATED;
    QByteArray input(streamChunk, Qt::Uninitialized);
    QByteArray output(streamChunk, Qt::Uninitialized);
    qint64 consumed = 0;
    quint32 crc = 0;
    bool finished = false;
    while (!finished) {
        const qint64 n = readFully(source, input.data(), streamChunk);
        if (n < 0) {
            *error = source.errorString();
            return false;
        }
        consumed += n;
        if (consumed > expectedSize) {
            *error = tr("the file changed size while it was being copied");
            return false;
        }
        crc = crc32(crc, input.constData(), n);
        const bool last = n < streamChunk;
        stream.next_in = reinterpret_cast<Bytef *>(input.data());
        stream.avail_in = uInt(n);
        do {
            stream.next_out = reinterpret_cast<Bytef *>(output.data());
            stream.avail_out = uInt(output.size());
            const int rc = deflate(&stream, last ? Z_FINISH : Z_NO_FLUSH);
            if (rc == Z_STREAM_ERROR) {
                *error = tr("the compressor failed");
                return false;
            }
            const qint64 produced = output.size() - stream.avail_out;
            if (produced > 0 && !sink(output.constData(), produced)) {
                *error = tr("the copy could not be written");
                return false;
            }
            result->compressedSize += produced;
            finished = rc == Z_STREAM_END;
        } while (stream.avail_out == 0 || (last && !finished));
        if (progress && !progress(n)) {
            *error = tr("cancelled");
            return false;
        }
    }
    if (consumed != expectedSize) {
        *error = tr("the file changed size while it was being copied");
        return false;
    }
    result->uncompressedSize = consumed;
    result->crc32 = crc;
    return true;
}

} // namespace Resguarda
