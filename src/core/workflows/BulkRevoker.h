#pragma once

#include "core/util/Clock.h"
#include "core/workflows/RevokeTask.h"

#include <QtCore/QObject>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace InviteDesk {

struct BulkSummary
{
    int total = 0;
    int revoked = 0;     //!< confirmed by Clerk's answer to this run's request
    int unattributed = 0; //!< found revoked after a lost answer: this run or someone else
    int alreadyRevoked = 0;
    int notPending = 0;
    int notFound = 0;
    int forbidden = 0;
    int failed = 0;
    int cancelled = 0;

    /*! Counts one settled item under its outcome. */
    void count(RevokeOutcome outcome);
    int succeeded() const { return revoked + unattributed + alreadyRevoked; }
    bool allSucceeded() const { return succeeded() == total; }
    /*! "48 revoked, 2 failed" */
    QString describe() const;
};

/*!
 * Revokes many invitations: Clerk has no bulk endpoint, so this is a queue of
 * single revokes (RevokeTask) with bounded concurrency. Pacing and the
 * instance-wide pause on 429 come from the client's RatePacer, so a bulk run
 * never takes more than its share of the rate limit.
 *
 * pause() stops new sends; resume() continues; cancel() stops new sends,
 * lets in-flight ones finish and reports the rest as cancelled. Every item
 * gets exactly one result; finished() comes once, after the last one.
 *
 * The run stops by itself, like cancel() but with stopReason(), when the
 * observer cannot record an intent or an outcome (nothing is sent that the
 * audit log does not hold) or when Clerk asks for a pause longer than the
 * client waits (every further request would be refused the same way), or
 * when three revokes in a row got no complete answer in time (a server that
 * trickles or hangs would otherwise cost minutes per invitation).
 */
class BulkRevoker : public QObject
{
    Q_OBJECT

public:
    enum class State { Idle, Running, Paused, Cancelling, Finished };
    Q_ENUM(State)

    /*! Revokes in a row that ended without a complete answer in time before the run stops. */
    static constexpr int maxTimeoutsInARow = 3;

    explicit BulkRevoker(ClerkClient *client, QObject *parent = nullptr);
    ~BulkRevoker() override;

    /*! Revokes in flight at once; by default what the client says its connection carries (6 or 32). */
    void setConcurrency(int concurrency) { m_concurrency = std::max(1, concurrency); }
    void setRequestingUserId(const QString &userId) { m_requestingUserId = userId; }
    /*! Not owned; must outlive the run. */
    void setObserver(RevokeObserver *observer) { m_observer = observer; }

    void start(const QList<RevokeItem> &items);
    void pause();
    void resume();
    void cancel();

    State state() const { return m_state; }
    const QList<RevokeItem> &items() const { return m_items; }
    /*! Index-aligned with items(); empty optional until that item settled. */
    const std::vector<std::optional<RevokeResult>> &results() const { return m_results; }
    int settledCount() const { return m_settled; }
    BulkSummary summary() const;
    /*! Why the run stopped by itself; nullopt when it ran to the end or was cancelled. */
    const std::optional<ClerkError> &stopReason() const { return m_stopReason; }
    /*! Estimated time left, from the pacer's rate. */
    qint64 etaMs() const;
    /*! Since the run started, on the client's clock; 0 before. */
    qint64 elapsedMs() const;

Q_SIGNALS:
    void stateChanged(InviteDesk::BulkRevoker::State state);
    void itemStarted(int index);
    void itemFinished(int index, const InviteDesk::RevokeResult &result);
    void progress(int settled, int total, qint64 etaMs);
    void finished(const InviteDesk::BulkSummary &summary);

private:
    void pump();
    void stop(const ClerkError &reason);
    void onIntentRecorded(int index, bool ok, const QString &whyNot);
    void startTask(int index);
    void recordOutcome(int index, const RevokeResult &result);
    void onTaskFinished(int index, const RevokeResult &result);
    void settle(int index, const RevokeResult &result);
    void setState(State state);
    void checkDone();

    QPointer<ClerkClient> m_client;
    RevokeObserver *m_observer = nullptr;
    QString m_requestingUserId;
    int m_concurrency = 0; //!< 0: ClerkClient::concurrency(), which knows HTTP/1.1 from HTTP/2
    State m_state = State::Idle;
    QList<RevokeItem> m_items;
    std::vector<std::optional<RevokeResult>> m_results;
    std::vector<std::unique_ptr<RevokeTask>> m_tasks;
    int m_next = 0;
    int m_running = 0;   //!< items between asking for their intent record and their answer
    int m_recording = 0; //!< outcome records asked for and not yet answered
    int m_settled = 0;
    std::optional<ClerkError> m_stopReason;
    int m_timeoutsInARow = 0;
    Clock *m_clock;                 //!< the client's
    std::optional<qint64> m_startNs; //!< when the run started, on m_clock
};

} // namespace InviteDesk
