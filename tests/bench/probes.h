#pragma once

#include "procstatus.h"

#include <QObject>
#include <QTimer>

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

class QWidget;

namespace ProcLab::Bench {

// What the window helper observes from inside its own event loop.

// A 16 ms timer, one frame at 60 Hz, that records the gaps between its ticks. A gap much longer than
// 16 ms means the event loop was busy elsewhere: the window could not have repainted in it either.
class Heartbeat final : public QObject
{
public:
    static constexpr int IntervalMs = 16;

    explicit Heartbeat(QObject *parent = nullptr);
    void start();
    void stop() { m_timer.stop(); }
    const std::vector<double> &gapsMs() const { return m_gaps; }

private:
    QTimer m_timer;
    Stopwatch m_sinceTick;
    std::vector<double> m_gaps;
};

// Counts what wakes the process: timer events (by receiver, to name the culprit) and the event
// loop's returns from sleep (QAbstractEventDispatcher::awake).
class WakeupCounter final : public QObject
{
public:
    explicit WakeupCounter(QObject *parent = nullptr);
    ~WakeupCounter() override;

    void ignore(const QObject *object) { m_ignored.insert(object); }
    int timerEvents() const { return m_timerEvents; }
    int wakeups() const { return m_wakeups; }
    // "QTimer in ProcLab::WorkerPool" → count, for the report's notes.
    const std::map<std::string, int> &timerEventsByReceiver() const { return m_byReceiver; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    std::set<const QObject *> m_ignored;
    std::map<std::string, int> m_byReceiver;
    int m_timerEvents = 0;
    int m_wakeups = 0;
    QMetaObject::Connection m_awake;
};

// Calls back once, after the window's first frame is painted. The top-level widget gets the first
// paint event of a frame and its children follow in the same pass, so a callback queued from there
// runs once the whole frame is drawn and flushed. (An expose alone is not enough: the offscreen
// platform may paint later.)
class FirstPaintWatcher final : public QObject
{
public:
    FirstPaintWatcher(QWidget *window, std::function<void()> callback);
    ~FirstPaintWatcher() override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *m_window;
    std::function<void()> m_callback;
    bool m_seen = false;
};

// Runs the event loop for a while, or until condition() holds (checked every few milliseconds).
void spinFor(int milliseconds);
bool spinUntil(const std::function<bool()> &condition, int timeoutMs);
bool waitUntilExposed(QWidget *window, int timeoutMs);

// "key=value" on stdout, flushed at once: the bench reads it through a pipe.
void reportValue(const char *key, double value);
void reportNote(const std::string &text);

} // namespace ProcLab::Bench
