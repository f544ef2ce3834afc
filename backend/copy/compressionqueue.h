// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "copy/zipstreamwriter.h"

#include <QByteArray>

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace Resguarda {

// Work for CompressionQueue: several small entries read whole, or one chunk
// of a large entry.
struct CompressionTask
{
    enum class Kind { Entries, Chunk };
    struct Item
    {
        ZipStreamWriter::Entry entry; // method set by the worker
        quint32 crc32 = 0;
        qint64 size = 0; // uncompressed
        qint64 inputOffset = 0; // in input
        qint64 outputOffset = 0; // in output, when deflated
        qint64 compressedSize = 0;
    };

    Kind kind = Kind::Entries;
    QByteArray input;
    QByteArray output;
    bool ok = true; // false when the compressor failed

    // Entries: their data one after the other in input.
    std::vector<Item> items;

    // Chunk: entry is its header (used by the first chunk); dictionary the
    // end of the chunk before; crc32 and totalSize complete the last.
    ZipStreamWriter::Entry entry;
    QByteArray dictionary;
    bool first = false;
    bool last = false;
    quint32 crc32 = 0;
    qint64 totalSize = 0;

    void clear();
};

// Compresses tasks on worker threads, each with its own EntryCompressor, and
// gives them back strictly in the order they were pushed, so one thread can
// write them to the archive. It holds no limit itself: the pushing side
// decides how much may be in flight (bytes() and size()).
class CompressionQueue
{
public:
    CompressionQueue(int level, int workers);
    ~CompressionQueue(); // stops the workers; queued tasks are dropped
    CompressionQueue(const CompressionQueue &) = delete;
    CompressionQueue &operator=(const CompressionQueue &) = delete;

    void push(std::unique_ptr<CompressionTask> task);
    // The oldest task, once compressed. nullptr when nothing is queued, or,
    // without wait, when the oldest is not compressed yet.
    std::unique_ptr<CompressionTask> takeFinished(bool wait);

    int size() const; // tasks pushed and not taken
    qint64 bytes() const; // their input bytes

private:
    void work(int level);

    mutable std::mutex m_mutex;
    std::condition_variable m_workReady;
    std::condition_variable m_taskDone;
    struct Slot
    {
        std::unique_ptr<CompressionTask> task;
        bool done = false;
    };
    std::deque<std::shared_ptr<Slot>> m_inOrder; // pushed, not taken
    std::deque<std::shared_ptr<Slot>> m_pending; // not started
    qint64 m_bytes = 0;
    bool m_stopping = false;
    std::vector<std::thread> m_workers;
};

} // namespace Resguarda
