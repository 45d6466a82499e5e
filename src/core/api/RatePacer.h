#pragma once

#include "core/api/ClientConfig.h"
#include "core/util/Clock.h"

#include <QtCore/QObject>

#include <chrono>
#include <deque>
#include <functional>
#include <unordered_set>
#include <vector>

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
 * the share goes at connection speed, and long runs settle at the share.
 *
 * A send is counted from when it goes until a window after it ended(): the server counts a request when
 * it arrives, and whenever that is (however late a slow client wrote it, however long the network held
 * it), it is after go() and before the answer came back. A slot is free again only once the server must
 * have let that request leave its window, so no margin for jitter is needed (safetyMargin is only for
 * the two clocks' rates). A send never ended holds its slot for good: the caller must end every one.
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

    /*!
     * Added to the window when counting sends. Sends are counted until their answer came, which is after
     * the server counted them however late they arrived, so jitter, a slow client and queues on the way
     * need nothing here (it used to be 250 ms, from when sends were counted from when they left; a client
     * busy for longer than that between go() and writing the request met 429s). What is left is that
     * the server's clock and ours may not run at quite the same rate: quartz is within 100 ppm (1 ms in
     * 10 s) and NTP slews a clock by at most 500 ppm (5 ms in 10 s); 10 ms covers both.
     */
    static constexpr std::chrono::milliseconds safetyMargin{10};
    /*! Windows without a 429 after which a lowered budget goes back to the one given. */
    static constexpr int recoveryWindows = 6;

    explicit RatePacer(QObject *parent = nullptr);
    /*! On \a clock (not owned; it outlives the pacer) rather than the real one. */
    explicit RatePacer(Clock *clock, QObject *parent = nullptr);
    ~RatePacer() override;

    void setBudget(const RateBudget &budget);
    RateBudget budget() const { return m_budget; }

    /*! Runs \a go when the budget allows; the send it makes counts until ended() with the ticket returned. */
    Ticket acquire(std::function<void()> go);
    /*! The same, handing \a go its ticket (which ended() takes once the answer came). */
    Ticket acquire(std::function<void(Ticket)> go);
    /*! Forgets a queued ticket; returns false when it already ran or is unknown. */
    bool cancel(Ticket ticket);
    /*!
     * The send of \a ticket is over: answered, failed or aborted. It is counted until a window after
     * now. Unknown tickets (never sent, ended before, unpaced) are ignored.
     */
    void ended(Ticket ticket);
    /*! Sends that went and have not ended. */
    int open() const { return int(m_open.size()); }
    /*!
     * The sends the window counts now, in ns on this pacer's clock, oldest first: ended ones at their end,
     * open ones as if they ended now.
     */
    std::vector<qint64> countedSends() const;
    /*! Counts sends that ended at \a endedNs (on this pacer's clock) too: another process's, say. */
    void countEnded(const std::vector<qint64> &endedNs);
    Clock *clock() const { return m_clock; }

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

    /*! Sends of the window, open ones included (each counted as if it ended now). */
    qint64 inWindow() const { return qint64(m_sent.size() + m_open.size()); }

    struct Waiter
    {
        Ticket ticket;
        std::function<void(Ticket)> go;
    };

    RateBudget m_budget;
    Clock *m_clock;
    std::deque<qint64> m_sent; //!< when each ended send of the last window ended, oldest first
    std::unordered_set<Ticket> m_open; //!< sends that went and have not ended (paced ones only)
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
