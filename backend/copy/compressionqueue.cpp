// SPDX-License-Identifier: GPL-3.0-or-later
#include "copy/compressionqueue.h"

#include "copy/entrycompressor.h"

#include <algorithm>

namespace Resguarda {

namespace {

void compressEntries(EntryCompressor &compressor, CompressionTask &task)
{
    // Room for each entry's own size: what does not fit is stored, which
    // also bounds the output by the input whatever the data.
    task.output.resize(task.input.size());
    qint64 outputUsed = 0;
    for (auto &item : task.items) {
        item.outputOffset = outputUsed;
        const qint64 packed
            = compressor.compressWhole(task.input.constData() + item.inputOffset, item.size,
                                       task.output.data() + outputUsed, item.size);
        // Incompressible data (already compressed tables, images) and
        // folders are stored as they are.
        if (packed > 0 && packed < item.size) {
            item.entry.method = 8;
            item.compressedSize = packed;
            outputUsed += packed;
        } else {
            item.entry.method = 0;
            item.compressedSize = item.size;
        }
    }
}

} // namespace

void CompressionTask::clear()
{
    // Large buffers are released so that one big file does not pin memory.
    if (input.capacity() > 2 * EntryCompressor::streamChunk)
        input = QByteArray();
    if (output.capacity() > 2 * EntryCompressor::streamChunk)
        output = QByteArray();
    input.resize(0);
    output.resize(0);
    kind = Kind::Entries;
    ok = true;
    items.clear();
    entry = {};
    dictionary.resize(0);
    first = last = false;
    crc32 = 0;
    totalSize = 0;
}

CompressionQueue::CompressionQueue(int level, int workers)
{
    for (int i = 0; i < std::max(workers, 1); ++i)
        m_workers.emplace_back([this, level] { work(level); });
}

CompressionQueue::~CompressionQueue()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_pending.clear();
    }
    m_workReady.notify_all();
    for (auto &worker : m_workers)
        worker.join();
}

void CompressionQueue::work(int level)
{
    EntryCompressor compressor(level);
    for (;;) {
        std::shared_ptr<Slot> slot;
        {
            std::unique_lock lock(m_mutex);
            m_workReady.wait(lock, [this] { return m_stopping || !m_pending.empty(); });
            if (m_stopping)
                return;
            slot = std::move(m_pending.front());
            m_pending.pop_front();
        }
        CompressionTask &task = *slot->task;
        if (task.kind == CompressionTask::Kind::Entries) {
            compressEntries(compressor, task);
        } else {
            task.ok = compressor.compressChunk(task.dictionary.constData(), task.dictionary.size(),
                                               task.input.constData(), task.input.size(), task.last,
                                               &task.output);
        }
        {
            std::lock_guard lock(m_mutex);
            slot->done = true;
        }
        m_taskDone.notify_all();
    }
}

void CompressionQueue::push(std::unique_ptr<CompressionTask> task)
{
    auto slot = std::make_shared<Slot>();
    const qint64 bytes = task->input.size();
    slot->task = std::move(task);
    {
        std::lock_guard lock(m_mutex);
        m_bytes += bytes;
        m_inOrder.push_back(slot);
        m_pending.push_back(std::move(slot));
    }
    m_workReady.notify_one();
}

std::unique_ptr<CompressionTask> CompressionQueue::takeFinished(bool wait)
{
    std::unique_lock lock(m_mutex);
    if (m_inOrder.empty())
        return nullptr;
    if (!m_inOrder.front()->done) {
        if (!wait)
            return nullptr;
        m_taskDone.wait(lock, [this] { return m_inOrder.front()->done; });
    }
    auto slot = std::move(m_inOrder.front());
    m_inOrder.pop_front();
    m_bytes -= slot->task->input.size();
    return std::move(slot->task);
}

int CompressionQueue::size() const
{
    std::lock_guard lock(m_mutex);
    return int(m_inOrder.size());
}

qint64 CompressionQueue::bytes() const
{
    std::lock_guard lock(m_mutex);
    return m_bytes;
}

} // namespace Resguarda
