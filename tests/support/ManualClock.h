#pragma once

// A clock that moves only when the test moves it: the pacer's windows, backoff and holds are advanced
// through instead of slept through.

#include "core/util/Clock.h"

#include <QtTest/QTest>

#include <algorithm>
#include <optional>
#include <vector>

namespace InviteDesk {

class ManualClock final : public Clock
{
public:
    ManualClock() = default;
    ManualClock(const ManualClock &) = delete;
    ManualClock &operator=(const ManualClock &) = delete;
    /*! A timer still running (of an object deleted later, say) stops and never asks this clock again. */
    ~ManualClock() override
    {
        for (const Armed &armed : m_armed)
            release(armed.timer);
    }

    qint64 nsecsElapsed() const override { return m_now; }

    /*!
     * Moves time on by \a by. Each timer whose time comes times out at its time, in order (a timer its
     * slot starts times out too, if its time comes before the end). advance(0ms) times out what is due now.
     */
    void advance(std::chrono::milliseconds by)
    {
        const qint64 until = m_now + by.count() * nsPerMs;
        for (;;) {
            const auto next = std::min_element(m_armed.begin(), m_armed.end(), [](const Armed &a, const Armed &b) {
                return a.at != b.at ? a.at < b.at : a.order < b.order;
            });
            if (next == m_armed.end() || next->at > until)
                break;
            m_now = std::max(m_now, next->at);
            ClockTimer *timer = next->timer;
            m_armed.erase(next);
            expire(timer);
        }
        m_now = until;
    }

    /*!
     * Waits for \a done (up to \a timeoutMs of the wall clock) while time runs on this clock, \a step
     * per look: for what follows the part of a test that moved time itself.
     */
    template <typename Condition>
    bool runUntil(Condition done, int timeoutMs, std::chrono::milliseconds step = std::chrono::milliseconds(50))
    {
        return QTest::qWaitFor([&] {
            if (!done())
                advance(step);
            return done();
        }, timeoutMs);
    }

    /*! How long until the next timer times out; none when no timer runs. */
    std::optional<std::chrono::milliseconds> nextTimeout() const
    {
        if (m_armed.empty())
            return std::nullopt;
        const auto next = std::min_element(m_armed.begin(), m_armed.end(),
                                           [](const Armed &a, const Armed &b) { return a.at < b.at; });
        return std::chrono::milliseconds((next->at - m_now + nsPerMs - 1) / nsPerMs);
    }

    int runningTimers() const { return int(m_armed.size()); }

protected:
    void arm(ClockTimer *timer, std::chrono::milliseconds delay) override
    {
        disarm(timer);
        m_armed.push_back(Armed{m_now + delay.count() * nsPerMs, m_nextOrder++, timer});
    }

    void disarm(ClockTimer *timer) override
    {
        std::erase_if(m_armed, [timer](const Armed &a) { return a.timer == timer; });
    }

private:
    static constexpr qint64 nsPerMs = 1'000'000;

    struct Armed
    {
        qint64 at;
        quint64 order;
        ClockTimer *timer;
    };

    // Not zero: code may take a time of zero for "never" (the pacer's last 429).
    qint64 m_now = 3600LL * 1000 * nsPerMs;
    quint64 m_nextOrder = 0;
    std::vector<Armed> m_armed;
};

} // namespace InviteDesk
