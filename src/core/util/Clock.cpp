#include "core/util/Clock.h"

#include <QtCore/QElapsedTimer>

#include <algorithm>

namespace InviteDesk {

/*! QElapsedTimer's time since the first use, and each ClockTimer's own QTimer. */
class SteadyClock final : public Clock
{
public:
    SteadyClock() { m_elapsed.start(); }

    qint64 nsecsElapsed() const override { return m_elapsed.nsecsElapsed(); }

protected:
    void arm(ClockTimer *timer, std::chrono::milliseconds delay) override { timer->m_timer.start(delay); }
    void disarm(ClockTimer *timer) override { timer->m_timer.stop(); }

private:
    QElapsedTimer m_elapsed;
};

Clock *Clock::steady()
{
    static SteadyClock clock;
    return &clock;
}

void Clock::expire(ClockTimer *timer)
{
    timer->m_active = false;
    Q_EMIT timer->timeout();
}

void Clock::release(ClockTimer *timer)
{
    timer->m_active = false;
    timer->m_clock = Clock::steady();
}

ClockTimer::ClockTimer(Clock *clock, QObject *parent)
    : QObject(parent), m_clock(clock ? clock : Clock::steady()), m_timer(this)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] { Clock::expire(this); });
}

ClockTimer::~ClockTimer()
{
    stop();
}

void ClockTimer::setClock(Clock *clock)
{
    stop();
    m_clock = clock ? clock : Clock::steady();
}

void ClockTimer::start(std::chrono::milliseconds delay)
{
    delay = std::max(delay, std::chrono::milliseconds(0));
    m_active = true;
    m_deadline = m_clock->nsecsElapsed() + std::chrono::nanoseconds(delay).count();
    m_clock->arm(this, delay);
}

std::chrono::milliseconds ClockTimer::remaining() const
{
    if (!m_active)
        return std::chrono::milliseconds(0);
    const auto left = std::chrono::nanoseconds(std::max<qint64>(m_deadline - m_clock->nsecsElapsed(), 0));
    return std::chrono::ceil<std::chrono::milliseconds>(left);
}

void ClockTimer::stop()
{
    if (!m_active)
        return;
    m_active = false;
    m_clock->disarm(this);
}

} // namespace InviteDesk
