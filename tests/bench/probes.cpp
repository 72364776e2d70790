#include "probes.h"

#include <QAbstractEventDispatcher>
#include <QCoreApplication>
#include <QEvent>
#include <QEventLoop>
#include <QWidget>
#include <QWindow>

#include <cstdio>

namespace ProcLab::Bench {

Heartbeat::Heartbeat(QObject *parent)
    : QObject(parent)
{
    // Coarse timers may fire up to 5 % late by design; precise ones show the loop's own delays.
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(IntervalMs);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        m_gaps.push_back(m_sinceTick.elapsedMs());
        m_sinceTick.restart();
    });
}

void Heartbeat::start()
{
    m_gaps.clear();
    m_sinceTick.restart();
    m_timer.start();
}

WakeupCounter::WakeupCounter(QObject *parent)
    : QObject(parent)
{
    QCoreApplication::instance()->installEventFilter(this);
    if (QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance()) {
        m_awake = connect(dispatcher, &QAbstractEventDispatcher::awake, this, [this] {
            ++m_wakeups;
        });
    }
}

WakeupCounter::~WakeupCounter()
{
    QCoreApplication::instance()->removeEventFilter(this);
}

bool WakeupCounter::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Timer && m_ignored.count(watched) == 0) {
        ++m_timerEvents;
        std::string name = watched->metaObject()->className();
        if (const QObject *parent = watched->parent())
            name += std::string(" in ") + parent->metaObject()->className();
        if (!watched->objectName().isEmpty())
            name += " \"" + watched->objectName().toStdString() + "\"";
        ++m_byReceiver[name];
    }
    return false;
}

FirstPaintWatcher::FirstPaintWatcher(QWidget *window, std::function<void()> callback)
    : m_window(window)
    , m_callback(std::move(callback))
{
    QCoreApplication::instance()->installEventFilter(this);
}

FirstPaintWatcher::~FirstPaintWatcher()
{
    QCoreApplication::instance()->removeEventFilter(this);
}

bool FirstPaintWatcher::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_seen && event->type() == QEvent::Paint && watched == m_window) {
        m_seen = true;
        // Queued: runs once this paint pass, children and flush included, is over.
        QMetaObject::invokeMethod(this, m_callback, Qt::QueuedConnection);
    }
    return false;
}

void spinFor(int milliseconds)
{
    QEventLoop loop;
    QTimer::singleShot(milliseconds, Qt::PreciseTimer, &loop, &QEventLoop::quit);
    loop.exec();
}

bool spinUntil(const std::function<bool()> &condition, int timeoutMs)
{
    const Stopwatch clock;
    while (!condition()) {
        if (clock.elapsedMs() > timeoutMs)
            return false;
        spinFor(5);
    }
    return true;
}

bool waitUntilExposed(QWidget *window, int timeoutMs)
{
    return spinUntil(
            [window] { return window->windowHandle() && window->windowHandle()->isExposed(); },
            timeoutMs);
}

void reportValue(const char *key, double value)
{
    std::printf("%s=%.6f\n", key, value);
    std::fflush(stdout);
}

void reportNote(const std::string &text)
{
    std::printf("note=%s\n", text.c_str());
    std::fflush(stdout);
}

} // namespace ProcLab::Bench
