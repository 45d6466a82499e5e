#pragma once

#include "core/api/ClientConfig.h"
#include "core/util/Clock.h"

#include <QtCore/QObject>

#include <chrono>
#include <deque>
#include <functional>

namespace InviteDesk {

/*!
 * How much of a Clerk instance's rate limit InviteDesk may use, stated the way Clerk states its limit:
 * requests per 10-second window (1000 for production keys, 100 for development keys, shared with the
 * customer's own backend). A share of that is a number of requests per window.
 */
struct RateBudget
{
    static constexpr std::chrono::milliseconds documentedWindow{10'000};

    static int documentedLimit(KeyEnvironment environment);
    /*! 25 % on production, 50 % on development: support work must not starve the customer's app. */
    static double defaultShare(KeyEnvironment environment);

    int perWindow = 0; //!< 0 means unpaced
    std::chrono::milliseconds window = documentedWindow;

    /*! The long-run rate this budget settles at. */
    double requestsPerSecond() const;
    static RateBudget forShare(KeyEnvironment environment, double share);
};

/*!
 * Paces every request of a ClerkClient so that no window (10 s) carries more than the budget.
 *
 * acquire() runs the given function at once while the last window holds fewer sends than the budget,
 * and otherwise when the oldest send in it leaves the window, in first-come order. So work that fits in
 * the share goes at connection speed, and long runs settle at the share. Sends are counted with a small
 * margin (safetyMargin), because the server counts them on arrival and arrivals jitter.
 *
 * holdFor() stops everything; after a hold, sends resume at the long-run rate rather than in a burst.
 * rateLimited() holds for a 429's Retry-After; sends then go on as the window's own sends leave it,
 * which is when Clerk frees them. Repeated 429s lower the budget (someone else keeps using the
 * instance); six quiet windows bring back the budget that was given.
 *
 * Its windows and holds run on a Clock: the real one, or the one it is given (tests advance theirs).
 */
class RatePacer : public QObject
{
    Q_OBJECT

public:
    using Ticket = quint64;

    /*! Added to the window when counting sends: arrivals at the server can bunch up by this much. */
    static constexpr std::chrono::milliseconds safetyMargin{250};
    /*! Windows without a 429 after which a lowered budget goes back to the one given. */
    static constexpr int recoveryWindows = 6;

    explicit RatePacer(QObject *parent = nullptr);
    /*! On \a clock (not owned; it outlives the pacer) rather than the real one. */
    explicit RatePacer(Clock *clock, QObject *parent = nullptr);
    ~RatePacer() override;

    void setBudget(const RateBudget &budget);
    RateBudget budget() const { return m_budget; }

    Ticket acquire(std::function<void()> go);
    /*! Forgets a queued ticket; returns false when it already ran or is unknown. */
    bool cancel(Ticket ticket);

    void holdFor(std::chrono::milliseconds duration);
    /*!
     * Clerk answered 429: everything waits \a retryAfter. Every request in flight at that moment tends to
     * get its own 429; those arriving while the pacer already holds count as the same event. A second
     * event within 30 s lowers the budget by a quarter (to a tenth at the least).
     */
    void rateLimited(std::chrono::milliseconds retryAfter);

    bool isHeld() const;
    std::chrono::milliseconds holdRemaining() const;
    int queued() const { return int(m_queue.size()); }
    /*! Expected time until \a requests more requests have been let through. */
    std::chrono::milliseconds estimateFor(int requests) const;

Q_SIGNALS:
    void holdChanged(bool held, qint64 remainingMs);
    void budgetChanged(int perWindow);

private:
    qint64 windowNs() const;
    void recover(qint64 now);
    void prune(qint64 now);
    void drain();
    void schedule();

    struct Waiter
    {
        Ticket ticket;
        std::function<void()> go;
    };

    RateBudget m_budget;
    Clock *m_clock;
    std::deque<qint64> m_sent; //!< when each send of the last window went, oldest first
    qint64 m_holdUntilNs = 0;
    std::deque<Waiter> m_queue;
    Ticket m_nextTicket = 1;
    ClockTimer m_timer;
    std::deque<qint64> m_recentLimits;
    int m_floor = 0;
    int m_configured = 0;     //!< the budget given, before any 429 lowered it
    qint64 m_lastLimitNs = 0; //!< when the last 429 came, 0 when none since the budget was set
    bool m_draining = false;
};

} // namespace InviteDesk
