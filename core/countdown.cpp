#include "countdown.h"

namespace ProcLab {

using namespace std::chrono;

Countdown::Countdown(milliseconds duration, milliseconds tickInterval, QObject *parent)
    : QObject(parent)
    , m_duration(qMax(duration, milliseconds(0)))
    , m_tickInterval(qMax(tickInterval, milliseconds(1)))
{
    m_expiry.setSingleShot(true);
    m_expiry.setTimerType(Qt::PreciseTimer);
    connect(&m_expiry, &QTimer::timeout, this, [this] {
        m_ticker.stop();
        emit ticked(milliseconds(0));
        emit expired();
    });
    m_ticker.setTimerType(Qt::PreciseTimer);
    connect(&m_ticker, &QTimer::timeout, this, &Countdown::tick);
}

void Countdown::start()
{
    m_deadline = QDeadlineTimer(m_duration, Qt::PreciseTimer);
    m_expiry.start(m_duration);
    m_ticker.start(m_tickInterval);
    emit ticked(remaining());
}

void Countdown::cancel()
{
    if (!isActive())
        return;
    m_expiry.stop();
    m_ticker.stop();
    emit cancelled();
}

milliseconds Countdown::remaining() const
{
    if (!isActive())
        return milliseconds(0);
    return qMax(milliseconds(m_deadline.remainingTime()), milliseconds(0));
}

int Countdown::remainingSeconds() const
{
    return int((remaining().count() + 999) / 1000);
}

void Countdown::tick()
{
    if (isActive())
        emit ticked(remaining());
}

} // namespace ProcLab
