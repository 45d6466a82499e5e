#pragma once

#include <QtCore/QObject>
#include <QtCore/QTimer>

#include <chrono>

namespace InviteDesk {

class ClockTimer;

/*!
 * Where the core's time-driven rules read the time and wait: the pacer's windows and holds, the client's
 * backoff, a revoke's waits, the undo hold. Everything takes the real one, steady(), unless told
 * otherwise; a test gives them a ManualClock (tests/support/ManualClock.h) and advances it instead of
 * sleeping.
 *
 * Time is steady (QElapsedTimer's: never set back, arbitrary start) and ClockTimer is the single-shot
 * QTimer that runs on it. A clock is used on one thread, as its timers are.
 */
class Clock
{
public:
    virtual ~Clock() = default;

    /*! Steady time since an arbitrary start, in nanoseconds (like QElapsedTimer::nsecsElapsed()). */
    virtual qint64 nsecsElapsed() const = 0;

    /*! The real clock: QElapsedTimer's time, QTimer's timers. */
    static Clock *steady();

protected:
    friend class ClockTimer;
    /*! Has \a timer time out once \a delay has passed on this clock, in place of an earlier start. */
    virtual void arm(ClockTimer *timer, std::chrono::milliseconds delay) = 0;
    /*! \a timer will not time out (stopped or destroyed). */
    virtual void disarm(ClockTimer *timer) = 0;
    /*! For a clock that keeps its own timers: \a timer's time has come. */
    static void expire(ClockTimer *timer);
    /*! For a clock that goes before its timers: \a timer stops, and is on the real clock from now on. */
    static void release(ClockTimer *timer);
};

/*!
 * A single-shot timer on a Clock (the real one when none is given), used like a single-shot QTimer:
 * start(), stop(), isActive() and timeout(). singleShot() is QTimer::singleShot() on a clock.
 */
class ClockTimer : public QObject
{
    Q_OBJECT

public:
    explicit ClockTimer(Clock *clock = nullptr, QObject *parent = nullptr);
    ~ClockTimer() override;

    Clock *clock() const { return m_clock; }
    /*! Runs on \a clock from now on (null: the real one); a running timer stops. */
    void setClock(Clock *clock);
    /*! Only how precisely the real clock's timer fires (QTimer::setTimerType). */
    void setTimerType(Qt::TimerType type) { m_timer.setTimerType(type); }

    /*! Times out once \a delay has passed on the clock; restarts a running timer. */
    void start(std::chrono::milliseconds delay);
    void stop();
    bool isActive() const { return m_active; }
    /*! The time left until the timeout, rounded up to a millisecond; zero when not active. */
    std::chrono::milliseconds remaining() const;

    /*! Calls \a slot in \a context once \a delay has passed on \a clock, unless \a context is gone by then. */
    template <typename Functor>
    static void singleShot(Clock *clock, std::chrono::milliseconds delay, QObject *context, Functor &&slot)
    {
        auto *timer = new ClockTimer(clock, context);
        connect(timer, &ClockTimer::timeout, context, [timer, slot = std::forward<Functor>(slot)]() mutable {
            timer->deleteLater();
            slot();
        });
        timer->start(delay);
    }

Q_SIGNALS:
    void timeout();

private:
    friend class Clock;
    friend class SteadyClock;

    Clock *m_clock;
    QTimer m_timer; //!< the real clock's
    qint64 m_deadline = 0; //!< when it times out, on m_clock (nanoseconds)
    bool m_active = false;
};

} // namespace InviteDesk
