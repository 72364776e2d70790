#pragma once

#include <QDeadlineTimer>
#include <QObject>
#include <QTimer>

#include <chrono>

namespace ProcLab {

// A cancellable countdown towards a deadline: "terminate in 5 s".
//
// Driven by the deadline, not by counting ticks, so a late tick (a busy event loop) never makes the
// countdown late: expired() fires at the deadline and ticked() reports what is really left. The tick
// interval is injectable so tests can count down 300 ms in 10 ms steps.
class Countdown final : public QObject
{
    Q_OBJECT

public:
    explicit Countdown(std::chrono::milliseconds duration,
                       std::chrono::milliseconds tickInterval = std::chrono::seconds(1),
                       QObject *parent = nullptr);

    void start();
    void cancel();

    bool isActive() const { return m_expiry.isActive(); }
    std::chrono::milliseconds duration() const { return m_duration; }
    std::chrono::milliseconds remaining() const;
    // Whole seconds left, rounded up: what a user reads ("3 s" until the very last moment).
    int remainingSeconds() const;

signals:
    void ticked(std::chrono::milliseconds remaining);
    void expired();
    void cancelled();

private:
    void tick();

    std::chrono::milliseconds m_duration;
    std::chrono::milliseconds m_tickInterval;
    QDeadlineTimer m_deadline;
    QTimer m_expiry;
    QTimer m_ticker;
};

} // namespace ProcLab
