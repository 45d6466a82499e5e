#pragma once

#include "core/api/ClientConfig.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QObject>
#include <QtCore/QTimer>

#include <chrono>
#include <deque>
#include <functional>

namespace InviteDesk {

/*!
 * How much of a Clerk instance's rate limit InviteDesk may use.
 *
 * Clerk allows 1000 requests per 10 s on production keys and 100 per 10 s on
 * development keys, shared with the customer's own backend. A share of that
 * becomes a steady rate plus a small burst, sized so that no 10-second window
 * ever holds more than the share: at 100 % it runs at the documented limit.
 */
struct RateBudget
{
    static constexpr std::chrono::seconds window{10};

    static int documentedLimit(KeyEnvironment environment);
    /*! 25 % on production, 50 % on development: support work must not starve the customer's app. */
    static double defaultShare(KeyEnvironment environment);

    double requestsPerSecond = 0; //!< 0 means unpaced
    int burst = 1;

    static RateBudget forShare(KeyEnvironment environment, double share);
};

/*!
 * A token bucket that every request of a ClerkClient passes through.
 *
 * acquire() runs the given function as soon as a token is free (at once if
 * one is), in first-come order. holdFor() stops everything, e.g. for a 429's
 * Retry-After. reportRateLimited() lowers the rate after repeated 429s,
 * because then someone else is using the same instance.
 */
class RatePacer : public QObject
{
    Q_OBJECT

public:
    using Ticket = quint64;

    explicit RatePacer(QObject *parent = nullptr);
    ~RatePacer() override;

    void setBudget(const RateBudget &budget);
    RateBudget budget() const { return m_budget; }

    Ticket acquire(std::function<void()> go);
    /*! Forgets a queued ticket; returns false when it already ran or is unknown. */
    bool cancel(Ticket ticket);

    void holdFor(std::chrono::milliseconds duration);
    void reportRateLimited();

    bool isHeld() const;
    std::chrono::milliseconds holdRemaining() const;
    int queued() const { return int(m_queue.size()); }
    /*! Expected time until \a requests more requests have been let through at the current rate. */
    std::chrono::milliseconds estimateFor(int requests) const;

Q_SIGNALS:
    void holdChanged(bool held, qint64 remainingMs);
    void budgetChanged(double requestsPerSecond);

private:
    void refill();
    void drain();
    void schedule();

    struct Waiter
    {
        Ticket ticket;
        std::function<void()> go;
    };

    RateBudget m_budget;
    double m_tokens = 1;
    QElapsedTimer m_clock;
    qint64 m_lastRefillNs = 0;
    qint64 m_holdUntilNs = 0;
    std::deque<Waiter> m_queue;
    Ticket m_nextTicket = 1;
    QTimer m_timer;
    std::deque<qint64> m_recentLimits;
    double m_floorRate = 0;
    bool m_draining = false;
};

} // namespace InviteDesk
