#include "core/api/RatePacer.h"

#include <algorithm>
#include <cmath>

namespace InviteDesk {

namespace {
constexpr qint64 nsPerMs = 1'000'000;
} // namespace

int RateBudget::documentedLimit(KeyEnvironment environment)
{
    return environment == KeyEnvironment::Production ? 1000 : 100;
}

double RateBudget::defaultShare(KeyEnvironment environment)
{
    return environment == KeyEnvironment::Production ? 0.25 : 0.5;
}

double RateBudget::requestsPerSecond() const
{
    return perWindow <= 0 ? 0.0 : double(perWindow) * 1000.0 / double(window.count());
}

RateBudget RateBudget::forShare(KeyEnvironment environment, double share)
{
    // Callers check what they read; here too, since floor() of NaN into an int is undefined.
    share = std::isfinite(share) ? std::clamp(share, 0.01, 1.0) : 0.01;
    RateBudget budget;
    budget.perWindow = std::max(1, int(std::floor(share * documentedLimit(environment))));
    return budget;
}

RatePacer::RatePacer(QObject *parent) : RatePacer(Clock::steady(), parent) {}

RatePacer::RatePacer(Clock *clock, QObject *parent) : QObject(parent), m_clock(clock ? clock : Clock::steady()), m_timer(m_clock)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &ClockTimer::timeout, this, &RatePacer::drain);
}

RatePacer::~RatePacer() = default;

namespace {
constexpr qint64 sameEventSpanNs = 1'000 * nsPerMs;
}

qint64 RatePacer::windowNs() const
{
    return (m_budget.window.count() + safetyMargin.count()) * nsPerMs;
}

void RatePacer::setBudget(const RateBudget &budget)
{
    m_budget = budget;
    m_configured = budget.perWindow;
    m_lastLimitNs = 0;
    m_floor = std::max(1, budget.perWindow / 10);
    Q_EMIT budgetChanged(budget.perWindow);
    drain();
}

void RatePacer::prune(qint64 now)
{
    while (!m_sent.empty() && m_sent.front() <= now - windowNs())
        m_sent.pop_front();
}

bool RatePacer::isHeld() const
{
    return m_holdUntilNs > m_clock->nsecsElapsed();
}

std::chrono::milliseconds RatePacer::holdRemaining() const
{
    const qint64 left = m_holdUntilNs - m_clock->nsecsElapsed();
    return std::chrono::milliseconds(left > 0 ? (left + nsPerMs - 1) / nsPerMs : 0);
}

RatePacer::Ticket RatePacer::acquire(std::function<void()> go)
{
    return acquire([go = std::move(go)](Ticket) { go(); });
}

RatePacer::Ticket RatePacer::acquire(std::function<void(Ticket)> go)
{
    const Ticket ticket = m_nextTicket++;
    m_queue.push_back(Waiter{ticket, std::move(go)});
    drain();
    return ticket;
}

void RatePacer::ended(Ticket ticket)
{
    if (m_open.erase(ticket) == 0)
        return;
    // Ended sends come in time order, so the deque stays sorted (made-up ones of a hold are sorted in).
    const qint64 now = m_clock->nsecsElapsed();
    if (!m_sent.empty() && m_sent.back() > now) {
        m_sent.insert(std::upper_bound(m_sent.begin(), m_sent.end(), now), now);
    } else {
        m_sent.push_back(now);
    }
    schedule();
}

bool RatePacer::cancel(Ticket ticket)
{
    const auto it = std::find_if(m_queue.begin(), m_queue.end(), [ticket](const Waiter &w) { return w.ticket == ticket; });
    if (it == m_queue.end())
        return false;
    m_queue.erase(it);
    return true;
}

std::vector<qint64> RatePacer::countedSends() const
{
    const qint64 now = m_clock->nsecsElapsed();
    std::vector<qint64> sends;
    for (qint64 at : m_sent) {
        if (at > now - windowNs())
            sends.push_back(at);
    }
    sends.insert(sends.end(), m_open.size(), now);
    std::sort(sends.begin(), sends.end());
    return sends;
}

void RatePacer::countEnded(const std::vector<qint64> &endedNs)
{
    if (endedNs.empty())
        return;
    m_sent.insert(m_sent.end(), endedNs.begin(), endedNs.end());
    std::sort(m_sent.begin(), m_sent.end());
    schedule();
}

void RatePacer::holdFor(std::chrono::milliseconds duration)
{
    const qint64 now = m_clock->nsecsElapsed();
    const qint64 until = now + duration.count() * nsPerMs;
    if (until <= m_holdUntilNs)
        return;
    const bool wasHeld = isHeld();
    m_holdUntilNs = until;
    // After the pause, sends must not come as a burst: Clerk's Retry-After says when its window frees
    // its first slot, not how many. So the sends of the last window still count (they are in Clerk's
    // window too), and the slots they leave free are handed out evenly over a window, at the long-run
    // rate: made-up sends spread over the window that ends with the pause fill them.
    prune(now);
    if (m_budget.perWindow > 0) {
        const qint64 free = m_budget.perWindow - inWindow();
        const qint64 span = windowNs();
        for (qint64 i = 0; i < free; ++i)
            m_sent.push_back(until - span + span * (i + 1) / free);
        std::sort(m_sent.begin(), m_sent.end());
    }
    if (!wasHeld)
        Q_EMIT holdChanged(true, duration.count());
    schedule();
}

void RatePacer::rateLimited(std::chrono::milliseconds retryAfter)
{
    const qint64 now = m_clock->nsecsElapsed();
    // The other requests of the burst that met the same full window: while the pause lasts, and for a
    // moment after it (a Retry-After of 0 is no pause at all).
    const bool sameEvent = isHeld() || (m_lastLimitNs != 0 && now - m_lastLimitNs < sameEventSpanNs);
    if (!sameEvent || m_lastLimitNs == 0)
        m_lastLimitNs = now;
    holdFor(retryAfter);
    if (sameEvent)
        return;
    m_recentLimits.push_back(now);
    while (!m_recentLimits.empty() && now - m_recentLimits.front() > 30'000 * nsPerMs)
        m_recentLimits.pop_front();
    // One 429 can be bad luck; a second within 30 s means someone else keeps using the instance.
    if (m_recentLimits.size() >= 2 && m_budget.perWindow > 0) {
        const int lowered = std::max(m_floor, m_budget.perWindow * 3 / 4);
        if (lowered < m_budget.perWindow) {
            m_budget.perWindow = lowered;
            m_recentLimits.clear();
            Q_EMIT budgetChanged(lowered);
        }
    }
}

void RatePacer::recover(qint64 now)
{
    // Lowered after 429s: back to the agent's budget once six windows pass without one (whoever was
    // using the instance has stopped, or slowed down enough that the budget fits again).
    if (m_budget.perWindow >= m_configured || m_lastLimitNs == 0
        || now - m_lastLimitNs < recoveryWindows * m_budget.window.count() * nsPerMs)
        return;
    m_budget.perWindow = m_configured;
    m_lastLimitNs = 0;
    Q_EMIT budgetChanged(m_configured);
}

std::chrono::milliseconds RatePacer::estimateFor(int requests) const
{
    const qint64 now = m_clock->nsecsElapsed();
    const qint64 hold = holdRemaining().count();
    if (m_budget.perWindow <= 0 || requests <= 0)
        return std::chrono::milliseconds(hold);
    std::deque<qint64> sent = m_sent;
    while (!sent.empty() && sent.front() <= now - windowNs())
        sent.pop_front();
    sent.insert(sent.end(), m_open.size(), now); // open ones: as if they ended now
    const qint64 free = m_budget.perWindow - qint64(sent.size());
    if (requests <= free)
        return std::chrono::milliseconds(hold);
    // The p-th send past the free slots goes when the p-th oldest send leaves its window, one more
    // window later for every full round of the budget.
    const qint64 p = requests - free;
    const qint64 perWindow = m_budget.perWindow;
    const qint64 base = sent.empty() ? now : sent[size_t((p - 1) % std::max<qint64>(1, qint64(sent.size())))];
    const qint64 at = base + windowNs() * (1 + (p - 1) / perWindow);
    return std::chrono::milliseconds(std::max(hold, (at - now) / nsPerMs));
}

void RatePacer::drain()
{
    if (m_draining)
        return; // a go() that calls acquire() again lands here; the outer loop picks it up
    m_draining = true;
    while (!m_queue.empty() && !isHeld()) {
        const qint64 now = m_clock->nsecsElapsed();
        if (m_budget.perWindow > 0) {
            recover(now);
            prune(now);
            if (inWindow() >= m_budget.perWindow)
                break;
            m_open.insert(m_queue.front().ticket);
        }
        Waiter waiter = std::move(m_queue.front());
        m_queue.pop_front();
        waiter.go(waiter.ticket);
    }
    m_draining = false;
    if (m_holdUntilNs != 0 && !isHeld()) {
        m_holdUntilNs = 0;
        Q_EMIT holdChanged(false, 0);
    }
    schedule();
}

void RatePacer::schedule()
{
    if (m_queue.empty() && !isHeld()) {
        m_timer.stop();
        return;
    }
    const qint64 now = m_clock->nsecsElapsed();
    qint64 waitNs = 0;
    if (isHeld())
        waitNs = m_holdUntilNs - now;
    else if (m_budget.perWindow > 0 && inWindow() >= m_budget.perWindow) {
        if (m_sent.empty()) { // every slot is held by a send still open: its end calls again
            m_timer.stop();
            return;
        }
        waitNs = m_sent.front() + windowNs() - now;
    }
    const int waitMs = int(std::clamp<qint64>((waitNs + nsPerMs - 1) / nsPerMs, 0, 24 * 3600 * 1000));
    m_timer.start(std::chrono::milliseconds(waitMs));
}

} // namespace InviteDesk
