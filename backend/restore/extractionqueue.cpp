// SPDX-License-Identifier: GPL-3.0-or-later
#include "restore/extractionqueue.h"

#include <QMutexLocker>

namespace Resguarda {

ExtractionQueue::ExtractionQueue(qint64 maxBytes, qsizetype maxFiles)
    : m_maxBytes(maxBytes)
    , m_maxFiles(maxFiles)
{
}

bool ExtractionQueue::waitFor(const std::function<bool()> &ready, const Idle &idle)
{
    QMutexLocker lock(&m_mutex);
    while (!m_stopped && !ready()) {
        if (m_roomFreed.wait(&m_mutex, QDeadlineTimer(waitSliceMs)))
            continue;
        // The reading thread reports progress and notices a cancellation
        // while it waits: never with the lock held, as idle may take time.
        lock.unlock();
        const bool goOn = !idle || idle();
        lock.relock();
        if (!goOn)
            return false;
    }
    return !m_stopped;
}

bool ExtractionQueue::push(Job job, const Idle &idle)
{
    const qint64 bytes = job.data.size();
    const bool room = waitFor(
        [&] {
            return m_filesInFlight == 0
                || (m_filesInFlight < m_maxFiles && m_bytesInFlight + bytes <= m_maxBytes);
        },
        idle);
    if (!room)
        return false;
    QMutexLocker lock(&m_mutex);
    if (m_stopped)
        return false;
    m_bytesInFlight += bytes;
    ++m_filesInFlight;
    m_jobs.push_back(std::move(job));
    m_jobQueued.wakeOne();
    return true;
}

bool ExtractionQueue::waitUntilDrained(const Idle &idle)
{
    return waitFor([&] { return m_filesInFlight == 0; }, idle);
}

std::optional<ExtractionQueue::Job> ExtractionQueue::take()
{
    QMutexLocker lock(&m_mutex);
    while (!m_stopped && m_jobs.empty() && !m_closed)
        m_jobQueued.wait(&m_mutex);
    if (m_stopped || m_jobs.empty())
        return std::nullopt;
    Job job = std::move(m_jobs.front());
    m_jobs.pop_front();
    return job;
}

void ExtractionQueue::done(qint64 bytes)
{
    QMutexLocker lock(&m_mutex);
    m_bytesInFlight -= bytes;
    --m_filesInFlight;
    m_roomFreed.wakeOne();
}

void ExtractionQueue::close()
{
    QMutexLocker lock(&m_mutex);
    m_closed = true;
    m_jobQueued.wakeAll();
    m_roomFreed.wakeAll();
}

void ExtractionQueue::stop()
{
    QMutexLocker lock(&m_mutex);
    m_stopped = true;
    // What was queued is dropped: its files are not in flight any more.
    for (const auto &job : m_jobs) {
        m_bytesInFlight -= job.data.size();
        --m_filesInFlight;
    }
    m_jobs.clear();
    m_jobQueued.wakeAll();
    m_roomFreed.wakeAll();
}

bool ExtractionQueue::isStopped() const
{
    QMutexLocker lock(&m_mutex);
    return m_stopped;
}

} // namespace Resguarda
