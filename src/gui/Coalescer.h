#pragma once

#include <QtCore/QObject>
#include <QtCore/QTimer>

#include <chrono>
#include <functional>

namespace InviteDesk {

/*!
 * Runs an action at once, then at most once per interval: requests within the interval run it once, at
 * its end. For text that follows a count changing hundreds of times a second (a bulk revoke settles
 * ~100 invitations a second): every new text of a label lays the window out again, ~2 ms each time.
 */
class Coalescer : public QObject
{
public:
    Coalescer(std::chrono::milliseconds interval, std::function<void()> action, QObject *parent = nullptr)
        : QObject(parent), m_action(std::move(action))
    {
        m_timer.setSingleShot(true);
        m_timer.setInterval(interval);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            if (std::exchange(m_behind, false))
                request();
        });
    }

    void request()
    {
        if (m_timer.isActive()) {
            m_behind = true;
            return;
        }
        m_timer.start();
        m_action();
    }

private:
    std::function<void()> m_action;
    QTimer m_timer;
    bool m_behind = false; //!< requested since the action last ran
};

} // namespace InviteDesk
