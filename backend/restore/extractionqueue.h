// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "copy/manifest.h"

#include <QByteArray>
#include <QMutex>
#include <QWaitCondition>

#include <deque>
#include <functional>
#include <optional>

namespace Resguarda {

// Hands files inflated in memory from the thread that reads the copy to the
// threads that create and write them, so that creating files (most of a
// restore's system time) runs beside reading and inflating. Memory stays
// bounded whatever the number of files: a file counts from the moment it is
// handed over until a writer says it is done, and no more than maxBytes and
// maxFiles are counted at once (a single file larger than maxBytes waits
// until nothing else is).
class ExtractionQueue
{
public:
    struct Job
    {
        ManifestEntry entry;
        QByteArray data;
    };
    // Called about every waitSliceMs while the reading thread waits; false
    // gives up (a cancellation).
    using Idle = std::function<bool()>;
    static constexpr int waitSliceMs = 100;

    ExtractionQueue(qint64 maxBytes, qsizetype maxFiles);

    // Waits for room, then queues job. False when the queue was stopped or
    // idle gave up: job is not queued.
    bool push(Job job, const Idle &idle);
    // Waits until every file handed over has been written. False as push().
    bool waitUntilDrained(const Idle &idle);
    // The next job for a writer; nothing once the queue is closed and empty,
    // or stopped.
    std::optional<Job> take();
    // A writer finished (or abandoned) a job of that many bytes.
    void done(qint64 bytes);
    // No more jobs will come: writers end once the queue is empty.
    void close();
    // Abandons what is queued and wakes everyone: the first failure stops
    // the whole extraction.
    void stop();
    bool isStopped() const;

private:
    bool waitFor(const std::function<bool()> &ready, const Idle &idle);

    const qint64 m_maxBytes;
    const qsizetype m_maxFiles;
    mutable QMutex m_mutex;
    // Writers wait for jobs, the reading thread for room: each is woken
    // only by what it waits for, one writer per job.
    QWaitCondition m_jobQueued;
    QWaitCondition m_roomFreed;
    std::deque<Job> m_jobs;
    qint64 m_bytesInFlight = 0;
    qsizetype m_filesInFlight = 0;
    bool m_closed = false;
    bool m_stopped = false;
};

} // namespace Resguarda
