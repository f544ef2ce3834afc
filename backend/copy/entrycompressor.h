// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <functional>
#include <memory>

class QIODevice;
struct libdeflate_compressor;

namespace Resguarda {

// What CopyWriter tells of an entry it added.
struct CompressedEntry
{
    int method = 0; // 0 stored, 8 deflated (the ZIP method numbers); 0 until written
    quint32 crc32 = 0;
    qint64 uncompressedSize = 0;
    qint64 compressedSize = 0; // 0 until written
};

// Deflates the data of entries, one compressor per thread (each worker of
// CompressionQueue has its own): whole entries with libdeflate, and the
// pieces of a large entry cut in chunks with zlib, which unlike libdeflate
// can end a piece without ending the stream.
class EntryCompressor
{
    Q_DECLARE_TR_FUNCTIONS(EntryCompressor)

public:
    // Files up to this size are read whole and compressed in one buffer with
    // libdeflate (several times faster than zlib at the same ratio); larger
    // ones are read in chunks so memory stays bounded whatever the file size.
    static constexpr qint64 wholeBufferLimit = 16 * 1024 * 1024;
    static constexpr qint64 streamChunk = 1024 * 1024;
    // The deflate window: each chunk is primed with this much of the data
    // before it, so cutting a stream in chunks costs almost no ratio.
    static constexpr qint64 dictionarySize = 32 * 1024;

    // Called with each piece of compressed output, in order; returns false to abort.
    using Sink = std::function<bool(const char *data, qint64 size)>;
    // Called with the number of uncompressed bytes consumed since the last
    // call; returns false to cancel.
    using Progress = std::function<bool(qint64 consumed)>;

    explicit EntryCompressor(int level = 6);
    ~EntryCompressor();
    EntryCompressor(const EntryCompressor &) = delete;
    EntryCompressor &operator=(const EntryCompressor &) = delete;

    // Deflates size bytes of input into output, which has room for
    // capacity bytes. Returns the compressed size, or 0 when the result
    // would not fit (the entry is then stored: pass capacity = size).
    qint64 compressWhole(const char *input, qint64 size, char *output, qint64 capacity);

    // Deflates one chunk of a stream cut in pieces (as pigz does): primed
    // with the dictionary (the end of the chunk before, empty for the first)
    // and ended by a sync flush, or by the end of the stream when last, so
    // that the chunks written one after the other form one deflate stream.
    // output is resized to the compressed size; false if zlib fails.
    bool compressChunk(const char *dictionary, qint64 dictionaryBytes, const char *input,
                       qint64 size, bool last, QByteArray *output);

    // Compresses everything readable from source (expectedSize bytes) on
    // this thread, for callers that want one entry's compressed form (the
    // estimate of a copy's size). The method (stored or deflated) is decided
    // before the sink sees any byte. Returns false on a read error, a short
    // read, a sink failure or cancellation; error says which.
    bool compress(QIODevice &source, qint64 expectedSize,
                  const std::function<bool(int method)> &beforeWrite, const Sink &sink,
                  const Progress &progress, CompressedEntry *result, QString *error);

    // CRC-32 as ZIP uses it, continued from crc.
    static quint32 crc32(quint32 crc, const char *data, qint64 size);

private:
    struct ZStream;

    int m_level;
    libdeflate_compressor *m_compressor = nullptr;
    std::unique_ptr<ZStream> m_stream;
};

} // namespace Resguarda
