#include "core/util/Clock.h"

#include <QtCore/QElapsedTimer>

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
    m_active = true;
    m_clock->arm(this, std::max(delay, std::chrono::milliseconds(0)));
}

void ClockTimer::stop()
{
    if (!m_active)
        return;
    m_active = false;
    m_clock->disarm(this);
}

} // namespace InviteDesk
