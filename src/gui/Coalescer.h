#pragma once

#include "core/util/Clock.h"

#include <QtCore/QObject>

#include <chrono>
#include <functional>

namespace InviteDesk {

/*!
 * Runs an action at once, then at most once per interval: requests within the interval run it once, at
 * its end. For text that follows a count changing hundreds of times a second (a bulk revoke settles
 * ~100 invitations a second): every new text of a label lays the window out again, ~2 ms each time.
 * The interval runs on \a clock (the real one unless given).
 */
class Coalescer : public QObject
{
public:
    Coalescer(std::chrono::milliseconds interval, std::function<void()> action, QObject *parent = nullptr,
              Clock *clock = nullptr)
        : QObject(parent), m_action(std::move(action)), m_interval(interval), m_timer(clock)
    {
        connect(&m_timer, &ClockTimer::timeout, this, [this] {
            if (std::exchange(m_behind, false))
                request();
        });
    }

    /*! The interval runs on \a clock from now on; an action still owed runs at once. */
    void setClock(Clock *clock)
    {
        m_timer.setClock(clock);
        if (std::exchange(m_behind, false))
            m_action();
    }

    void request()
    {
        if (m_timer.isActive()) {
            m_behind = true;
            return;
        }
        m_timer.start(m_interval);
        m_action();
    }

private:
    std::function<void()> m_action;
    std::chrono::milliseconds m_interval;
    ClockTimer m_timer;
    bool m_behind = false; //!< requested since the action last ran
};

} // namespace InviteDesk
