#include "core/api/ClerkClient.h"
#include "core/api/ClerkClientCall.h"

#include "core/api/RatePacer.h"

#include <QtCore/QRandomGenerator>
#include <QtCore/QTimer>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

// How a call ends: failures and their retries with backoff, and cancelling calls (one, or all).

namespace InviteDesk {

void ClerkClient::handleFailure(std::unique_ptr<Call> call, const ClerkError &error)
{
    const CallId id = call->id;
    std::optional<std::chrono::milliseconds> retryDelay;
    if (error.isRateLimited()) {
        const std::optional<std::chrono::seconds> asked = error.retryAfter();
        if (asked && *asked > m_config.maxRetryAfter) {
            // Neither held nor retried: a pause that long is for a person to decide on.
            m_calls.emplace(id, std::move(call));
            fail(id, ClerkError::rateLimitTooLong(error, m_config.maxRetryAfter));
            return;
        }
        const std::chrono::seconds wait = asked.value_or(m_config.defaultRetryAfter);
        if (m_pacer) {
            m_pacer->rateLimited(wait);
        }
        retryDelay = wait;
        Q_EMIT rateLimited(std::chrono::duration_cast<std::chrono::milliseconds>(wait).count());
    } else if (error.isTransient()) {
        retryDelay = backoffDelay(call->attempt);
    }

    // A 429 says "not now" rather than "failed": it has its own, larger allowance, so that a verifying
    // read during a busy bulk revoke is not given up while the instance is merely saturated.
    const bool again = error.isRateLimited() ? call->rateLimitWaits < m_config.maxRateLimitWaits
                                             : call->attempt + 1 < m_config.maxReadAttempts;
    if (call->retryable() && retryDelay && error.isTransient() && again) {
        if (error.isRateLimited())
            ++call->rateLimitWaits;
        else
            ++call->attempt;
        Call &kept = *call;
        m_calls.emplace(id, std::move(call));
        retryLater(kept, *retryDelay);
        return;
    }

    m_calls.emplace(id, std::move(call));
    fail(id, error);
}

std::chrono::milliseconds ClerkClient::backoffDelay(int attempt) const
{
    const qint64 base = m_config.backoffInitial.count() << std::min(attempt, 16);
    const qint64 capped = std::min<qint64>(base, m_config.backoffMax.count());
    // Jitter between half and the full delay, so that many clients do not retry in step.
    const qint64 jittered = capped / 2 + qint64(QRandomGenerator::global()->bounded(double(capped / 2 + 1)));
    return std::chrono::milliseconds(jittered);
}

void ClerkClient::retryLater(Call &call, std::chrono::milliseconds delay)
{
    const CallId id = call.id;
    call.retryTimer = new ClockTimer(m_clock, this);
    connect(call.retryTimer, &ClockTimer::timeout, this, [this, id] {
        const auto it = m_calls.find(id);
        if (it == m_calls.end())
            return;
        it->second->retryTimer->deleteLater();
        it->second->retryTimer = nullptr;
        dispatch(id);
    });
    call.retryTimer->start(delay);
}

void ClerkClient::fail(CallId id, const ClerkError &error)
{
    std::unique_ptr<Call> call = takeCall(id);
    if (!call)
        return;
    if (call->contextConnection)
        disconnect(call->contextConnection);
    if (call->retryTimer)
        call->retryTimer->deleteLater();
    if (call->contextAlive())
        call->onError(error);
}

std::unique_ptr<ClerkClient::Call> ClerkClient::detach(CallId id)
{
    std::unique_ptr<Call> call = takeCall(id);
    if (!call)
        return nullptr;
    if (call->contextConnection)
        disconnect(call->contextConnection);
    if (call->retryTimer)
        call->retryTimer->deleteLater();
    if (call->pacerTicket && m_pacer)
        m_pacer->cancel(call->pacerTicket);
    if (call->reply) {
        call->reply->disconnect(this);
        call->reply->abort();
        call->reply->deleteLater();
        call->reply = nullptr;
    }
    call->endSend(); // aborted: whatever reached Clerk of it did so before now
    return call;
}

void ClerkClient::discard(CallId id)
{
    detach(id);
}

void ClerkClient::cancel(CallId id)
{
    std::unique_ptr<Call> call = detach(id);
    if (!call)
        return;
    // Like every other outcome, reported from the event loop, never from inside cancel(): a caller that
    // cancels and then starts something new is never called back in between.
    QTimer::singleShot(0, this, [call = std::shared_ptr<Call>(std::move(call))] {
        if (call->contextAlive())
            call->onError(ClerkError::cancelled());
    });
}

bool ClerkClient::withdrawIfNotSent(CallId id)
{
    const auto it = m_calls.find(id);
    if (it == m_calls.end() || it->second->reply || it->second->parsing)
        return false;
    detach(id); // no callback: the caller knows
    return true;
}

bool ClerkClient::cancelIfNotSent(CallId id)
{
    const auto it = m_calls.find(id);
    if (it == m_calls.end() || it->second->reply)
        return false;
    cancel(id);
    return true;
}

void ClerkClient::cancelAll()
{
    std::vector<CallId> ids;
    for (const auto &entry : m_calls)
        ids.push_back(entry.first);
    for (CallId id : ids)
        cancel(id);
}

} // namespace InviteDesk
