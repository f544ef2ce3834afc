// SPDX-License-Identifier: GPL-3.0-or-later
// The kiosk's idle timer (ui/idlewatcher.h) on real events: mouse, key and
// touch input delivered to a real window by the platform (offscreen), and
// events sent to any object of the application. idle() comes once after
// the timeout without input, not before; input or restart() arms it again;
// a disabled watcher neither counts nor fires. The shortest timeout the
// watcher allows (one second) keeps the suite short; every wait for the
// signal is bounded generously, and "not yet" is asserted from the
// watcher's own clock, so a busy machine makes it slower, not flaky.

#include "support/isolatedhome.h"
#include "ui/idlewatcher.h"

#include <QElapsedTimer>
#include <QEvent>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QPointingDevice>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>
#include <QWindow>

#include <memory>

using namespace Resguarda;
using namespace TestSupport;

namespace {

// Far more than the one-second timeout: only a hung watcher reaches it.
constexpr int signalWaitMs = 30000;

} // namespace

class TestIdleWatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void inputEventTypes_data();
    void inputEventTypes();
    void idleComesOnceAfterTheTimeout();
    void mouseOnAWindowRestartsTheCount();
    void eachInputOnAWindowRestartsTheCount_data();
    void eachInputOnAWindowRestartsTheCount();
    void eventsToAnyObjectCount();
    void otherEventsDoNotCount();
    void inputArmsItAgain();
    void restartArmsItAgain();
    void disabledNeitherCountsNorFires();
    void timeoutIsAtLeastASecond();
    void destroyedWatcherLeavesInputAlone();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QWindow> m_window;
    std::unique_ptr<QPointingDevice> m_touchScreen;
};

void TestIdleWatcher::initTestCase()
{
    QVERIFY(m_dir.isValid());
    isolateHome(m_dir.path());
    // A touch the window does not take must not come back as a mouse
    // event: each kind of input is tested alone.
    QCoreApplication::setAttribute(Qt::AA_SynthesizeMouseForUnhandledTouchEvents, false);
    m_touchScreen.reset(QTest::createTouchDevice());
}

void TestIdleWatcher::init()
{
    m_window = std::make_unique<QWindow>();
    m_window->resize(320, 240);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestIdleWatcher::cleanup()
{
    m_window.reset();
}

void TestIdleWatcher::inputEventTypes_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<bool>("input");

    for (const auto type :
         {QEvent::MouseButtonPress, QEvent::MouseButtonRelease, QEvent::MouseButtonDblClick,
          QEvent::MouseMove, QEvent::Wheel, QEvent::KeyPress, QEvent::KeyRelease,
          QEvent::TouchBegin, QEvent::TouchUpdate, QEvent::TouchEnd, QEvent::TabletPress,
          QEvent::TabletMove, QEvent::TabletRelease, QEvent::NativeGesture})
        QTest::addRow("input %d", int(type)) << int(type) << true;
    // What windows and the event loop do by themselves is nobody's input.
    for (const auto type :
         {QEvent::None, QEvent::Timer, QEvent::Paint, QEvent::UpdateRequest, QEvent::Resize,
          QEvent::Move, QEvent::Expose, QEvent::Show, QEvent::FocusIn, QEvent::Enter, QEvent::Leave,
          QEvent::HoverMove, QEvent::TouchCancel, QEvent::InputMethodQuery, QEvent::DeferredDelete,
          QEvent::MetaCall, QEvent::User})
        QTest::addRow("not input %d", int(type)) << int(type) << false;
}

void TestIdleWatcher::inputEventTypes()
{
    QFETCH(int, type);
    QFETCH(bool, input);
    QCOMPARE(IdleWatcher::isInput(type), input);
}

void TestIdleWatcher::idleComesOnceAfterTheTimeout()
{
    IdleWatcher watcher;
    QCOMPARE(watcher.timeoutSeconds(), 180);
    QVERIFY(watcher.enabled());
    QElapsedTimer clock;
    clock.start();
    QSignalSpy idle(&watcher, &IdleWatcher::idle);
    QSignalSpy seconds(&watcher, &IdleWatcher::idleSecondsChanged);
    watcher.setTimeoutSeconds(1);
    QTRY_COMPARE_WITH_TIMEOUT(idle.count(), 1, signalWaitMs);
    // Not before the timeout, and the count of seconds said so on the way.
    QVERIFY2(clock.elapsed() >= 1000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(watcher.idleSeconds() >= 1);
    QVERIFY(!seconds.isEmpty());
    // Once: without input it stays idle, and says it no more.
    QTRY_VERIFY_WITH_TIMEOUT(watcher.idleSeconds() >= 3, signalWaitMs);
    QTest::qWait(300); // a tick or more after that
    QCOMPARE(idle.count(), 1);
}

void TestIdleWatcher::mouseOnAWindowRestartsTheCount()
{
    IdleWatcher watcher;
    QSignalSpy seconds(&watcher, &IdleWatcher::idleSecondsChanged);
    watcher.setTimeoutSeconds(60);
    // The count said a second or more went by...
    QTRY_VERIFY_WITH_TIMEOUT(!seconds.isEmpty(), signalWaitMs);
    QVERIFY(watcher.idleSeconds() >= 1);
    const QDateTime before = watcher.lastInputAt();
    QSignalSpy seen(&watcher, &IdleWatcher::inputSeen);
    seconds.clear();
    QTest::mouseClick(m_window.get(), Qt::LeftButton, {}, QPoint(40, 40));
    // ... and the click, delivered to the window, takes it back to zero.
    QCOMPARE(watcher.idleSeconds(), 0);
    QCOMPARE(seconds.count(), 1);
    QCOMPARE(seen.count(), 1); // once, however many times the event was seen
    QVERIFY(watcher.lastInputAt() > before);

    QTRY_VERIFY_WITH_TIMEOUT(watcher.idleSeconds() >= 1, signalWaitMs);
    QTest::mouseMove(m_window.get(), QPoint(100, 120));
    QCOMPARE(watcher.idleSeconds(), 0);
}

enum class Input {
    MouseMove,
    MousePress,
    MouseRelease,
    Wheel,
    KeyPress,
    KeyRelease,
    TouchBegin,
    TouchUpdate,
    TouchEnd
};

void TestIdleWatcher::eachInputOnAWindowRestartsTheCount_data()
{
    QTest::addColumn<int>("inputColumn");
    QTest::newRow("mouse move") << int(Input::MouseMove);
    QTest::newRow("mouse press") << int(Input::MousePress);
    QTest::newRow("mouse release") << int(Input::MouseRelease);
    QTest::newRow("wheel") << int(Input::Wheel);
    QTest::newRow("key press") << int(Input::KeyPress);
    QTest::newRow("key release") << int(Input::KeyRelease);
    QTest::newRow("touch begin") << int(Input::TouchBegin);
    QTest::newRow("touch update") << int(Input::TouchUpdate);
    QTest::newRow("touch end") << int(Input::TouchEnd);
}

// One kind of input at a time, each alone: a press where the pointer
// already is (no move comes with it), a touch with no mouse made of it.
void TestIdleWatcher::eachInputOnAWindowRestartsTheCount()
{
    QFETCH(int, inputColumn);
    const auto input = Input(inputColumn);
    QWindow *window = m_window.get();
    const QPoint where(60, 60);
    // What comes before the input under test, so that it comes alone.
    switch (input) {
    case Input::MousePress:
        QTest::mouseMove(window, where);
        break;
    case Input::MouseRelease:
        QTest::mousePress(window, Qt::LeftButton, {}, where);
        break;
    case Input::KeyRelease:
        QTest::keyPress(window, Qt::Key_B);
        break;
    case Input::TouchUpdate:
        QTest::touchEvent(window, m_touchScreen.get()).press(0, where);
        break;
    case Input::TouchEnd:
        QTest::touchEvent(window, m_touchScreen.get()).press(0, where);
        QTest::touchEvent(window, m_touchScreen.get()).move(0, where + QPoint(5, 5));
        break;
    default:
        break;
    }

    IdleWatcher watcher;
    watcher.setTimeoutSeconds(60);
    QTRY_VERIFY_WITH_TIMEOUT(watcher.idleSeconds() >= 1, signalWaitMs);
    switch (input) {
    case Input::MouseMove:
        QTest::mouseMove(window, where + QPoint(10, 0));
        break;
    case Input::MousePress:
        QTest::mousePress(window, Qt::LeftButton, {}, where);
        break;
    case Input::MouseRelease:
        QTest::mouseRelease(window, Qt::LeftButton, {}, where);
        break;
    case Input::Wheel: {
        QWheelEvent wheel(where, window->mapToGlobal(where), QPoint(), QPoint(0, -120),
                          Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(window, &wheel);
        break;
    }
    case Input::KeyPress:
        QTest::keyPress(window, Qt::Key_B);
        break;
    case Input::KeyRelease:
        QTest::keyRelease(window, Qt::Key_B);
        break;
    case Input::TouchBegin:
        QTest::touchEvent(window, m_touchScreen.get()).press(0, where);
        break;
    case Input::TouchUpdate:
        QTest::touchEvent(window, m_touchScreen.get()).move(0, where + QPoint(5, 5));
        break;
    case Input::TouchEnd:
        QTest::touchEvent(window, m_touchScreen.get()).release(0, where + QPoint(5, 5));
        break;
    }
    QCOMPARE(watcher.idleSeconds(), 0);

    // Leave no button, key or touch point down for the next test.
    switch (input) {
    case Input::MousePress:
        QTest::mouseRelease(window, Qt::LeftButton, {}, where);
        break;
    case Input::KeyPress:
        QTest::keyRelease(window, Qt::Key_B);
        break;
    case Input::TouchBegin:
    case Input::TouchUpdate:
        QTest::touchEvent(window, m_touchScreen.get()).release(0, where);
        break;
    default:
        break;
    }
}

void TestIdleWatcher::eventsToAnyObjectCount()
{
    IdleWatcher watcher;
    watcher.setTimeoutSeconds(60);
    QObject plain; // no window: the filter sits on the application
    QTRY_VERIFY_WITH_TIMEOUT(watcher.idleSeconds() >= 1, signalWaitMs);
    QKeyEvent key(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier);
    QCoreApplication::sendEvent(&plain, &key);
    QCOMPARE(watcher.idleSeconds(), 0);
}

void TestIdleWatcher::otherEventsDoNotCount()
{
    IdleWatcher watcher;
    watcher.setTimeoutSeconds(60);
    QTRY_VERIFY_WITH_TIMEOUT(watcher.idleSeconds() >= 1, signalWaitMs);
    QSignalSpy seen(&watcher, &IdleWatcher::inputSeen);
    // The window moved, resized, repainted and focused, with no one at it.
    m_window->resize(400, 300);
    m_window->requestActivate();
    m_window->requestUpdate();
    QObject plain;
    QEvent hover(QEvent::HoverMove);
    QCoreApplication::sendEvent(&plain, &hover);
    QCoreApplication::processEvents();
    QVERIFY(watcher.idleSeconds() >= 1);
    QCOMPARE(seen.count(), 0);
}

void TestIdleWatcher::inputArmsItAgain()
{
    IdleWatcher watcher;
    QSignalSpy idle(&watcher, &IdleWatcher::idle);
    watcher.setTimeoutSeconds(1);
    QTRY_COMPARE_WITH_TIMEOUT(idle.count(), 1, signalWaitMs);
    QElapsedTimer clock;
    QTest::mouseClick(m_window.get(), Qt::LeftButton, {}, QPoint(20, 20));
    clock.start();
    QTRY_COMPARE_WITH_TIMEOUT(idle.count(), 2, signalWaitMs);
    QVERIFY2(clock.elapsed() >= 1000, qPrintable(QString::number(clock.elapsed())));
}

void TestIdleWatcher::restartArmsItAgain()
{
    IdleWatcher watcher;
    QSignalSpy idle(&watcher, &IdleWatcher::idle);
    QSignalSpy seen(&watcher, &IdleWatcher::inputSeen);
    watcher.setTimeoutSeconds(1);
    QTRY_COMPARE_WITH_TIMEOUT(idle.count(), 1, signalWaitMs);
    QElapsedTimer clock;
    watcher.restart();
    clock.start();
    QCOMPARE(watcher.idleSeconds(), 0);
    QCOMPARE(seen.count(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(idle.count(), 2, signalWaitMs);
    QVERIFY2(clock.elapsed() >= 1000, qPrintable(QString::number(clock.elapsed())));
}

void TestIdleWatcher::disabledNeitherCountsNorFires()
{
    IdleWatcher watcher;
    QSignalSpy idle(&watcher, &IdleWatcher::idle);
    QSignalSpy enabled(&watcher, &IdleWatcher::enabledChanged);
    watcher.setTimeoutSeconds(1);
    watcher.setEnabled(false);
    QCOMPARE(enabled.count(), 1);
    QVERIFY(!watcher.enabled());
    watcher.setEnabled(false);
    QCOMPARE(enabled.count(), 1);

    // Well past the timeout: nothing.
    QTRY_VERIFY_WITH_TIMEOUT(watcher.idleSeconds() >= 2, signalWaitMs);
    QTest::qWait(300);
    QCOMPARE(idle.count(), 0);
    // Input is not looked at either.
    QSignalSpy seen(&watcher, &IdleWatcher::inputSeen);
    QTest::mouseClick(m_window.get(), Qt::LeftButton, {}, QPoint(30, 30));
    QVERIFY(watcher.idleSeconds() >= 2);
    QCOMPARE(seen.count(), 0);

    // Enabled again, it counts from then.
    QElapsedTimer clock;
    watcher.setEnabled(true);
    clock.start();
    QCOMPARE(enabled.count(), 2);
    QCOMPARE(watcher.idleSeconds(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(idle.count(), 1, signalWaitMs);
    QVERIFY2(clock.elapsed() >= 1000, qPrintable(QString::number(clock.elapsed())));
}

void TestIdleWatcher::timeoutIsAtLeastASecond()
{
    IdleWatcher watcher;
    QSignalSpy changed(&watcher, &IdleWatcher::timeoutSecondsChanged);
    watcher.setTimeoutSeconds(180); // the default: no change
    QCOMPARE(changed.count(), 0);
    watcher.setTimeoutSeconds(0);
    QCOMPARE(watcher.timeoutSeconds(), 1);
    QCOMPARE(changed.count(), 1);
    watcher.setTimeoutSeconds(-30);
    QCOMPARE(watcher.timeoutSeconds(), 1);
    QCOMPARE(changed.count(), 1);
    watcher.setTimeoutSeconds(3600);
    QCOMPARE(watcher.timeoutSeconds(), 3600);
    QCOMPARE(changed.count(), 2);
}

// A watcher destroyed leaves the application's input alone, and a second
// watcher keeps working.
void TestIdleWatcher::destroyedWatcherLeavesInputAlone()
{
    IdleWatcher kept;
    kept.setTimeoutSeconds(60);
    {
        IdleWatcher gone;
        gone.setTimeoutSeconds(1);
    }
    QTRY_VERIFY_WITH_TIMEOUT(kept.idleSeconds() >= 1, signalWaitMs);
    QTest::mouseClick(m_window.get(), Qt::LeftButton, {}, QPoint(50, 50));
    QCOMPARE(kept.idleSeconds(), 0);
}

QTEST_MAIN(TestIdleWatcher)
#include "tst_idlewatcher.moc"
