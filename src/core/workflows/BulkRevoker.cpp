#include "core/workflows/BulkRevoker.h"

#include "core/api/RatePacer.h"

#include <QtCore/QCoreApplication>

using namespace Qt::StringLiterals;

namespace InviteDesk {

QString BulkSummary::describe() const
{
    QStringList parts;
    auto add = [&parts](int count, const char *text) {
        if (count > 0)
            parts << QCoreApplication::translate("BulkSummary", text, nullptr, count);
    };
    add(revoked, QT_TRANSLATE_N_NOOP("BulkSummary", "%Ln revoked"));
    add(unattributed, QT_TRANSLATE_N_NOOP("BulkSummary", "%Ln revoked by this run or another (answer lost)"));
    add(alreadyRevoked, QT_TRANSLATE_N_NOOP("BulkSummary", "%Ln already revoked"));
    add(notPending, QT_TRANSLATE_N_NOOP("BulkSummary", "%Ln no longer pending"));
    add(notFound, QT_TRANSLATE_N_NOOP("BulkSummary", "%Ln not found"));
    add(forbidden, QT_TRANSLATE_N_NOOP("BulkSummary", "%Ln forbidden"));
    add(failed, QT_TRANSLATE_N_NOOP("BulkSummary", "%Ln failed"));
    add(cancelled, QT_TRANSLATE_N_NOOP("BulkSummary", "%Ln cancelled"));
    if (parts.isEmpty())
        return QCoreApplication::translate("BulkSummary", "Nothing to revoke");
    return parts.join(u", "_s);
}

BulkRevoker::BulkRevoker(ClerkClient *client, QObject *parent)
    : QObject(parent), m_client(client), m_clock(client ? client->clock() : Clock::steady())
{
}

BulkRevoker::~BulkRevoker() = default;

void BulkRevoker::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void BulkRevoker::start(const QList<RevokeItem> &items)
{
    Q_ASSERT(m_state == State::Idle || m_state == State::Finished);
    m_items = items;
    m_results.assign(items.size(), std::nullopt);
    m_tasks.clear();
    m_tasks.resize(items.size());
    m_next = 0;
    m_running = 0;
    m_recording = 0;
    m_settled = 0;
    m_stopReason.reset();
    m_timeoutsInARow = 0;
    m_startNs = m_clock->nsecsElapsed();
    setState(State::Running);
    Q_EMIT progress(0, int(m_items.size()), etaMs());
    pump();
    checkDone();
}

void BulkRevoker::pause()
{
    if (m_state != State::Running)
        return;
    setState(State::Paused);
    // Paused means nothing new is sent: revokes waiting for the pacer are withdrawn (and go on at resume).
    for (auto &task : m_tasks) {
        if (task && task->state() != RevokeTask::State::Done)
            task->pause();
    }
}

void BulkRevoker::resume()
{
    if (m_state != State::Paused)
        return;
    setState(State::Running);
    for (auto &task : m_tasks) {
        if (task && task->state() != RevokeTask::State::Done)
            task->resume();
    }
    pump();
}

void BulkRevoker::cancel()
{
    if (m_state != State::Running && m_state != State::Paused)
        return;
    setState(State::Cancelling);
    // Withdraw what is still waiting in the pacer; what is on the wire finishes and is reported. Items whose
    // intent is still being written are settled when it is (onIntentRecorded()).
    for (auto &task : m_tasks) {
        if (task && task->state() != RevokeTask::State::Done)
            task->cancel();
    }
    const RevokeResult cancelled{RevokeOutcome::Cancelled, m_stopReason, std::nullopt, 0, false};
    while (m_next < m_items.size())
        settle(m_next++, cancelled);
    checkDone();
}

void BulkRevoker::stop(const ClerkError &reason)
{
    if (m_stopReason || (m_state != State::Running && m_state != State::Paused))
        return;
    m_stopReason = reason;
    cancel();
}

void BulkRevoker::pump()
{
    const int concurrency = m_concurrency > 0 ? m_concurrency : m_client ? m_client->concurrency() : 1;
    while (m_state == State::Running && m_running < concurrency && m_next < m_items.size()) {
        const int index = m_next++;
        ++m_running;
        if (!m_observer) {
            startTask(index);
            continue;
        }
        // Nothing is sent before its intent is on disk.
        const QPointer<BulkRevoker> self(this);
        m_observer->revokeIntended(m_items.at(index), [self, index](bool ok, const QString &whyNot) {
            if (self)
                self->onIntentRecorded(index, ok, whyNot);
        });
    }
}

void BulkRevoker::onIntentRecorded(int index, bool ok, const QString &whyNot)
{
    if (!ok) {
        // Not sent; and the rest would fail the same way.
        --m_running;
        const ClerkError error = ClerkError::invalidRequest(whyNot);
        settle(index, RevokeResult{RevokeOutcome::Failed, error, std::nullopt, 0, false});
        stop(error);
        checkDone();
        return;
    }
    if (m_state == State::Cancelling || m_state == State::Finished) {
        // Cancelled while its intent was being written: never sent, and the intent is closed as such.
        --m_running;
        const RevokeResult cancelled{RevokeOutcome::Cancelled, m_stopReason, std::nullopt, 0, false};
        settle(index, cancelled);
        recordOutcome(index, cancelled);
        checkDone();
        return;
    }
    startTask(index);
}

void BulkRevoker::startTask(int index)
{
    const RevokeItem &item = m_items.at(index);
    auto task = std::make_unique<RevokeTask>(m_client, item.organizationId, item.invitationId, m_requestingUserId);
    task->setKind(item.kind);
    RevokeTask *raw = task.get();
    m_tasks[index] = std::move(task);
    connect(raw, &RevokeTask::finished, this, [this, index](const RevokeResult &result) { onTaskFinished(index, result); });
    if (m_observer) // what a later run needs to tell its own revokes from someone else's after a kill
        raw->setBeforeSend([observer = m_observer, item] { observer->revokeSending(item); });
    Q_EMIT itemStarted(index);
    if (m_state == State::Paused) // its intent was written while the run paused: it waits for resume()
        raw->pause();
    raw->start();
}

void BulkRevoker::recordOutcome(int index, const RevokeResult &result)
{
    if (!m_observer)
        return;
    ++m_recording;
    const QPointer<BulkRevoker> self(this);
    m_observer->revokeSettled(m_items.at(index), result, [self](bool ok, const QString &whyNot) {
        if (!self)
            return;
        --self->m_recording;
        if (!ok)
            self->stop(ClerkError::invalidRequest(whyNot));
        self->checkDone();
    });
}

void BulkRevoker::onTaskFinished(int index, const RevokeResult &result)
{
    --m_running;
    settle(index, result);
    // The next intent is asked for after this outcome: if the outcome cannot be written, neither can it.
    recordOutcome(index, result);
    if (result.error && result.error->isWaitRefused())
        stop(*result.error);
    m_timeoutsInARow = result.error && result.error->kind() == ClerkError::Kind::Timeout ? m_timeoutsInARow + 1 : 0;
    if (m_timeoutsInARow >= maxTimeoutsInARow) {
        ClerkError reason = *result.error;
        reason.addNote(tr("%n revoke(s) in a row got no answer in time: Clerk is not answering, so the rest is not sent.",
                          nullptr, m_timeoutsInARow));
        stop(reason);
    }
    // The task is done; delete it later (we are inside its signal).
    if (RevokeTask *task = m_tasks[index].release())
        task->deleteLater();
    pump();
    checkDone();
}

void BulkRevoker::settle(int index, const RevokeResult &result)
{
    if (m_results[index])
        return;
    m_results[index] = result;
    ++m_settled;
    Q_EMIT itemFinished(index, result);
    Q_EMIT progress(m_settled, int(m_items.size()), etaMs());
}

void BulkRevoker::checkDone()
{
    if (m_state == State::Finished || m_state == State::Idle)
        return;
    if (m_settled < m_items.size() || m_running > 0 || m_recording > 0)
        return;
    setState(State::Finished);
    Q_EMIT finished(summary());
}

BulkSummary BulkRevoker::summary() const
{
    BulkSummary s;
    s.total = int(m_items.size());
    for (const auto &result : m_results) {
        if (result)
            s.count(result->outcome);
    }
    return s;
}

void BulkSummary::count(RevokeOutcome outcome)
{
    switch (outcome) {
    case RevokeOutcome::Revoked: ++revoked; break;
    case RevokeOutcome::RevokedUnattributed: ++unattributed; break;
    case RevokeOutcome::AlreadyRevoked: ++alreadyRevoked; break;
    case RevokeOutcome::NotPendingAccepted:
    case RevokeOutcome::NotPendingExpired:
    case RevokeOutcome::NotPendingOther: ++notPending; break;
    case RevokeOutcome::NotFound: ++notFound; break;
    case RevokeOutcome::Forbidden: ++forbidden; break;
    case RevokeOutcome::Failed:
    case RevokeOutcome::StillPending: ++failed; break;
    case RevokeOutcome::Cancelled: ++cancelled; break;
    }
}

qint64 BulkRevoker::elapsedMs() const
{
    return m_startNs ? (m_clock->nsecsElapsed() - *m_startNs) / 1'000'000 : 0;
}

qint64 BulkRevoker::etaMs() const
{
    const int remaining = int(m_items.size()) - m_settled;
    if (remaining <= 0)
        return 0;
    // What the pace has shown so far: server errors and their backoff, slow answers, a shared budget.
    const qint64 observed = m_settled > 0 && m_startNs ? elapsedMs() * remaining / m_settled : -1;
    if (m_client && m_client->pacer()) {
        // The budget's floor, unless the run has gone slower than the budget allows: then the pace seen.
        // (Trusted after a few answers and a couple of seconds, not from the first fast one.)
        const qint64 floor = m_client->pacer()->estimateFor(remaining).count();
        return m_settled >= 5 && elapsedMs() >= 2000 ? std::max(floor, observed) : floor;
    }
    return observed; // unpaced: extrapolated, or -1 before the first answer
}

} // namespace InviteDesk
