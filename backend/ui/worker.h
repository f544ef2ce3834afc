// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QPromise>
#include <QThreadPool>

#include <atomic>
#include <memory>
#include <type_traits>

namespace Resguarda {

// Work that walks files or reads archives runs on a pool thread, never on
// the GUI thread: a page that waits shows that it is busy while the window
// keeps answering. One task of an owner at a time: starting another, or
// cancel(), drops the earlier one's result, so a result that comes back
// after its input changed is never shown.
class WorkerTask
{
public:
    WorkerTask() = default;
    WorkerTask(const WorkerTask &) = delete;
    WorkerTask &operator=(const WorkerTask &) = delete;
    ~WorkerTask() { cancel(); }

    // Runs work(const std::atomic_bool &cancelled) on a pool thread and then
    // done(result) on context's thread (queued), unless cancelled meanwhile.
    // work must not touch context: it may outlive it.
    template<typename Work, typename Done> void start(QObject *context, Work work, Done done)
    {
        using Result = std::invoke_result_t<Work, const std::atomic_bool &>;
        cancel();
        auto cancelled = std::make_shared<std::atomic_bool>(false);
        m_cancelled = cancelled;
        auto promise = std::make_shared<QPromise<Result>>();
        auto *watcher = new QFutureWatcher<Result>(context);
        QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                         [watcher, cancelled, done = std::move(done)]() mutable {
                             watcher->deleteLater();
                             if (cancelled->load() || watcher->future().resultCount() == 0)
                                 return;
                             done(watcher->future().result());
                         });
        watcher->setFuture(promise->future());
        QThreadPool::globalInstance()->start(
            [promise, cancelled, work = std::move(work)]() mutable {
                promise->start();
                promise->addResult(work(*cancelled));
                promise->finish();
            });
    }

    // Drops the running task's result and asks its work to stop.
    void cancel()
    {
        if (m_cancelled)
            m_cancelled->store(true);
        m_cancelled.reset();
    }

    bool running() const { return m_cancelled != nullptr; }
    // Called by the owner when its done() ran: the task is over.
    void finished() { m_cancelled.reset(); }

private:
    std::shared_ptr<std::atomic_bool> m_cancelled;
};

} // namespace Resguarda
