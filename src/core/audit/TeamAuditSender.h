#pragma once

#include "core/audit/TeamAudit.h"

#include <QtCore/QObject>
#include <QtCore/QThread>

#include <memory>

namespace InviteDesk {

/*!
 * Ships the local audit log to the team store on a thread of its own, so that neither the window nor
 * a bulk run ever waits for the database. It looks at the log twice a second and sends what is new;
 * while the store is down it retries, less often, and says how many records wait. Revokes never wait
 * for it: the local record is the durable one.
 */
class TeamAuditSender : public QObject
{
    Q_OBJECT

public:
    struct Status
    {
        qint64 waiting = 0; //!< local records the store has not taken (true also while it is away)
        TeamAuditProblem problem = TeamAuditProblem::None;
        QString error;
        QString warning; //!< the sending role may do more than add and read records
        bool stillSending = false; //!< flush() ran out of time: waiting is from the look before
        /*! The store refuses this log's records until someone looks: said loudly, not as "waiting". */
        bool blocked() const { return problem == TeamAuditProblem::Diverged; }
        bool operator==(const Status &) const = default;
    };

    TeamAuditSender(const TeamAuditTarget &target, const QString &localLogPath, QObject *parent = nullptr);
    /*!
     * Ends the statement or connect in flight at once (the watchdog shuts its socket), makes no new one,
     * and waits for the thread at most the target's longest wait (TeamAuditTarget::longestWait()) and a
     * second; past that it warns, saying how many records wait, and lets the thread end by itself. What
     * was not sent waits in the local log.
     */
    ~TeamAuditSender() override;

    /*! Sends what waits now and returns the outcome, or the last one known after \a timeoutMs. */
    Status flush(int timeoutMs);
    Status status() const;

Q_SIGNALS:
    /*! After every attempt that changed the status; on this object's thread. */
    void statusChanged(const InviteDesk::TeamAuditSender::Status &status);

private:
    QThread *m_thread; //!< deleted here, or once it finishes when it outlived the destructor's wait
    QObject *m_worker = nullptr;
    struct Shared;
    std::shared_ptr<Shared> m_shared;
};

} // namespace InviteDesk
