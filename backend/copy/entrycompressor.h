// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <functional>

class QIODevice;
struct libdeflate_compressor;

namespace Resguarda {

// The compressed form of one entry, produced outside QuaZip so that entries
// are written in raw mode. Keeping compression here (and not inside the ZIP
// writer) is the seam that lets later work compress entries in parallel.
struct CompressedEntry
{
    int method = 0; // 0 stored, 8 deflated (the ZIP method numbers)
    quint32 crc32 = 0;
    qint64 uncompressedSize = 0;
    qint64 compressedSize = 0;
};

class EntryCompressor
{
    Q_DECLARE_TR_FUNCTIONS(EntryCompressor)

public:
    // Files up to this size are compressed in one buffer with libdeflate
    // (several times faster than zlib at the same ratio); larger ones are
    // streamed through zlib so memory stays bounded whatever the file size.
    static constexpr qint64 wholeBufferLimit = 16 * 1024 * 1024;
    static constexpr qint64 streamChunk = 1024 * 1024;

    // Called with each piece of compressed output, in order; returns false to abort.
    using Sink = std::function<bool(const char *data, qint64 size)>;
    // Called with the number of uncompressed bytes consumed since the last
    // call; returns false to cancel.
    using Progress = std::function<bool(qint64 consumed)>;

    explicit EntryCompressor(int level = 6);
    ~EntryCompressor();
    EntryCompressor(const EntryCompressor &) = delete;
    EntryCompressor &operator=(const EntryCompressor &) = delete;

    // Compresses everything readable from source (expectedSize bytes). The
    // method (stored or deflated) is decided before the sink sees any byte,
    // so the caller can open the ZIP entry on the first call of beforeWrite.
    // Returns false on a read error, a short read, a sink failure or
    // cancellation; error says which.
    bool compress(QIODevice &source, qint64 expectedSize,
                  const std::function<bool(int method)> &beforeWrite, const Sink &sink,
                  const Progress &progress, CompressedEntry *result, QString *error);

    // CRC-32 as ZIP uses it, continued from crc.
    static quint32 crc32(quint32 crc, const char *data, qint64 size);

private:
    bool compressWhole(QIODevice &source, qint64 expectedSize,
                       const std::function<bool(int method)> &beforeWrite, const Sink &sink,
                       const Progress &progress, CompressedEntry *result, QString *error);
    bool compressStream(QIODevice &source, qint64 expectedSize,
                        const std::function<bool(int method)> &beforeWrite, const Sink &sink,
                        const Progress &progress, CompressedEntry *result, QString *error);

    int m_level;
    libdeflate_compressor *m_compressor = nullptr;
    QByteArray m_input;
    QByteArray m_output;
};

} // namespace Resguarda
