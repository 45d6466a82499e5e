#include "core/api/RatePacer.h"

#include <algorithm>
#include <cmath>

namespace InviteDesk {

namespace {
constexpr qint64 nsPerMs = 1'000'000;
constexpr qint64 nsPerSecond = 1'000'000'000;
} // namespace

int RateBudget::documentedLimit(KeyEnvironment environment)
{
    return environment == KeyEnvironment::Production ? 1000 : 100;
}

double RateBudget::defaultShare(KeyEnvironment environment)
{
    return environment == KeyEnvironment::Production ? 0.25 : 0.5;
}

RateBudget RateBudget::forShare(KeyEnvironment environment, double share)
{
    share = std::clamp(share, 0.01, 1.0);
    // Requests per window; at least two, so that a burst of one still leaves a steady rate.
    const double allowance = std::max(2.0, share * documentedLimit(environment));
    RateBudget budget;
    // The burst is spent at once; the steady rate covers the rest of the window, so that
    // burst + rate * window never exceeds the allowance.
    budget.burst = std::clamp(int(allowance / 10), 1, 25);
    budget.requestsPerSecond = (allowance - budget.burst) / double(window.count());
    return budget;
}

RatePacer::RatePacer(QObject *parent) : QObject(parent)
{
    m_clock.start();
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &RatePacer::drain);
}

RatePacer::~RatePacer() = default;

void RatePacer::setBudget(const RateBudget &budget)
{
    refill();
    m_budget = budget;
    m_floorRate = budget.requestsPerSecond * 0.1;
    // A new budget starts with its burst available; the window arithmetic in forShare() allows it.
    m_tokens = std::max(1, budget.burst);
    Q_EMIT budgetChanged(budget.requestsPerSecond);
    schedule();
}

void RatePacer::refill()
{
    const qint64 now = m_clock.nsecsElapsed();
    if (m_budget.requestsPerSecond > 0) {
        const double earned = double(now - m_lastRefillNs) * m_budget.requestsPerSecond / double(nsPerSecond);
        m_tokens = std::min<double>(m_tokens + earned, std::max(1, m_budget.burst));
    }
    m_lastRefillNs = now;
}

bool RatePacer::isHeld() const
{
    return m_holdUntilNs > m_clock.nsecsElapsed();
}

std::chrono::milliseconds RatePacer::holdRemaining() const
{
    const qint64 left = m_holdUntilNs - m_clock.nsecsElapsed();
    return std::chrono::milliseconds(left > 0 ? (left + nsPerMs - 1) / nsPerMs : 0);
}

RatePacer::Ticket RatePacer::acquire(std::function<void()> go)
{
    const Ticket ticket = m_nextTicket++;
    m_queue.push_back(Waiter{ticket, std::move(go)});
    drain();
    return ticket;
}

bool RatePacer::cancel(Ticket ticket)
{
    const auto it = std::find_if(m_queue.begin(), m_queue.end(), [ticket](const Waiter &w) { return w.ticket == ticket; });
    if (it == m_queue.end())
        return false;
    m_queue.erase(it);
    return true;
}

void RatePacer::holdFor(std::chrono::milliseconds duration)
{
    const qint64 until = m_clock.nsecsElapsed() + duration.count() * nsPerMs;
    if (until <= m_holdUntilNs)
        return;
    const bool wasHeld = isHeld();
    m_holdUntilNs = until;
    // After the pause the bucket starts empty: the burst would only trigger the limiter again.
    m_tokens = std::min(m_tokens, 1.0);
    if (!wasHeld)
        Q_EMIT holdChanged(true, duration.count());
    schedule();
}

void RatePacer::reportRateLimited()
{
    const qint64 now = m_clock.nsecsElapsed();
    m_recentLimits.push_back(now);
    while (!m_recentLimits.empty() && now - m_recentLimits.front() > 30 * nsPerSecond)
        m_recentLimits.pop_front();
    // One 429 can be bad luck; a second within 30 s means someone else shares the instance.
    if (m_recentLimits.size() >= 2 && m_budget.requestsPerSecond > 0) {
        const double lowered = std::max(m_budget.requestsPerSecond * 0.75, m_floorRate);
        if (lowered < m_budget.requestsPerSecond) {
            m_budget.requestsPerSecond = lowered;
            m_budget.burst = std::max(1, m_budget.burst / 2);
            m_recentLimits.clear();
            Q_EMIT budgetChanged(lowered);
        }
    }
}

std::chrono::milliseconds RatePacer::estimateFor(int requests) const
{
    const qint64 hold = holdRemaining().count();
    if (m_budget.requestsPerSecond <= 0 || requests <= 0)
        return std::chrono::milliseconds(hold);
    const double needed = std::max(0.0, double(requests) - m_tokens);
    return std::chrono::milliseconds(hold + qint64(std::ceil(needed * 1000.0 / m_budget.requestsPerSecond)));
}

void RatePacer::drain()
{
    if (m_draining)
        return; // a go() that calls acquire() again lands here; the outer loop picks it up
    m_draining = true;
    while (!m_queue.empty()) {
        if (isHeld())
            break;
        refill();
        const bool unpaced = m_budget.requestsPerSecond <= 0;
        if (!unpaced && m_tokens < 1.0)
            break;
        if (!unpaced)
            m_tokens -= 1.0;
        Waiter waiter = std::move(m_queue.front());
        m_queue.pop_front();
        waiter.go();
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
    qint64 waitNs = 0;
    if (isHeld()) {
        waitNs = m_holdUntilNs - m_clock.nsecsElapsed();
    } else if (!m_queue.empty() && m_budget.requestsPerSecond > 0 && m_tokens < 1.0) {
        waitNs = qint64((1.0 - m_tokens) * double(nsPerSecond) / m_budget.requestsPerSecond);
    }
    const int waitMs = int(std::clamp<qint64>((waitNs + nsPerMs - 1) / nsPerMs, 0, 24 * 3600 * 1000));
    m_timer.start(waitMs);
}

} // namespace InviteDesk
