// SPDX-License-Identifier: GPL-3.0-or-later
// The queue between the thread that inflates a copy and the threads that
// write its files: memory stays within its bounds whatever the number and
// size of files (a copy of millions of files must not be held in memory),
// and a failure or a cancellation never leaves a thread waiting for ever.
#include "restore/extractionqueue.h"

#include <QElapsedTimer>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

using namespace Resguarda;

namespace {

ExtractionQueue::Job job(qsizetype bytes)
{
    ExtractionQueue::Job result;
    result.entry.path = QStringLiteral("EF/empresas/0001/a.xml");
    result.data = QByteArray(bytes, 'x');
    return result;
}

// An idle callback that gives up on its n-th call, counting the calls.
struct GiveUpAfter
{
    int limit;
    std::shared_ptr<int> calls = std::make_shared<int>(0);
    bool operator()() const { return ++*calls < limit; }
};

} // namespace

class TestExtractionQueue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void filesInFlightAreBounded()
    {
        ExtractionQueue queue(1024 * 1024, 3);
        GiveUpAfter idle {1};
        for (int i = 0; i < 3; ++i)
            QVERIFY(queue.push(job(10), idle));
        QCOMPARE(*idle.calls, 0);
        // A fourth file waits for room; nobody writes, so it gives up.
        QVERIFY(!queue.push(job(10), idle));
        QCOMPARE(*idle.calls, 1);
        // Taking a file is not enough: its room comes back once written.
        QVERIFY(queue.take().has_value());
        QVERIFY(!queue.push(job(10), GiveUpAfter {1}));
        queue.done(10);
        QVERIFY(queue.push(job(10), GiveUpAfter {1}));
    }

    void bytesInFlightAreBounded()
    {
        ExtractionQueue queue(100, 1000);
        QVERIFY(queue.push(job(60), GiveUpAfter {1}));
        QVERIFY(!queue.push(job(50), GiveUpAfter {1}));
        QVERIFY(queue.push(job(40), GiveUpAfter {1}));
        auto first = queue.take();
        QVERIFY(first.has_value());
        QCOMPARE(first->data.size(), 60);
        queue.done(60);
        QVERIFY(queue.push(job(50), GiveUpAfter {1}));
    }

    void fileLargerThanTheBoundWaitsForAnEmptyQueue()
    {
        ExtractionQueue queue(100, 1000);
        QVERIFY(queue.push(job(10), GiveUpAfter {1}));
        QVERIFY(!queue.push(job(500), GiveUpAfter {1}));
        QVERIFY(queue.take().has_value());
        queue.done(10);
        QVERIFY(queue.push(job(500), GiveUpAfter {1}));
    }

    void waitingReportsAboutEveryTenthOfASecond()
    {
        ExtractionQueue queue(100, 1);
        QVERIFY(queue.push(job(10), GiveUpAfter {1}));
        QElapsedTimer clock;
        clock.start();
        GiveUpAfter idle {3};
        QVERIFY(!queue.push(job(10), idle));
        QCOMPARE(*idle.calls, 3);
        QVERIFY2(clock.elapsed() >= 2 * ExtractionQueue::waitSliceMs,
                 qPrintable(QString::number(clock.elapsed())));
    }

    void closeLetsWritersFinishWhatIsQueued()
    {
        ExtractionQueue queue(100, 10);
        QVERIFY(queue.push(job(1), GiveUpAfter {1}));
        QVERIFY(queue.push(job(2), GiveUpAfter {1}));
        queue.close();
        QCOMPARE(queue.take()->data.size(), 1);
        QCOMPARE(queue.take()->data.size(), 2);
        QVERIFY(!queue.take().has_value());
    }

    // The first failure stops everything: writers waiting for work and the
    // reader waiting for room are all released, and what was queued is
    // dropped.
    void stopReleasesEveryThread()
    {
        ExtractionQueue queue(100, 1);
        QVERIFY(queue.push(job(10), GiveUpAfter {1}));
        std::atomic_bool pushed {true};
        std::unique_ptr<QThread> reader(
            QThread::create([&] { pushed = queue.push(job(10), [] { return true; }); }));
        ExtractionQueue idleQueue(100, 1);
        std::atomic_bool took {true};
        std::unique_ptr<QThread> writer(
            QThread::create([&] { took = idleQueue.take().has_value(); }));
        reader->start();
        writer->start();
        QVERIFY(!reader->wait(300));
        QVERIFY(!writer->wait(10));
        queue.stop();
        idleQueue.stop();
        QVERIFY(reader->wait(5000));
        QVERIFY(writer->wait(5000));
        QVERIFY(!pushed);
        QVERIFY(!took);
        QVERIFY(queue.isStopped());
        QVERIFY(!queue.take().has_value());
        QVERIFY(!queue.waitUntilDrained(GiveUpAfter {1}));
    }

    void drainedOnceEveryFileIsWritten()
    {
        ExtractionQueue queue(1000, 100);
        for (int i = 0; i < 50; ++i)
            QVERIFY(queue.push(job(7), GiveUpAfter {1}));
        std::unique_ptr<QThread> writer(QThread::create([&] {
            for (int i = 0; i < 50; ++i) {
                auto next = queue.take();
                QThread::usleep(200);
                queue.done(next->data.size());
            }
        }));
        writer->start();
        QVERIFY(queue.waitUntilDrained([] { return true; }));
        QVERIFY(writer->wait(5000));
        // Nothing in flight: the largest file is accepted at once.
        QVERIFY(queue.push(job(5000), GiveUpAfter {1}));
    }
};

QTEST_GUILESS_MAIN(TestExtractionQueue)
#include "tst_extractionqueue.moc"
