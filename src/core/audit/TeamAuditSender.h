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
        int waiting = 0;
        TeamAuditProblem problem = TeamAuditProblem::None;
        QString error;
        bool stillSending = false; //!< flush() ran out of time: waiting is from the look before
    };

    TeamAuditSender(const TeamAuditTarget &target, const QString &localLogPath, QObject *parent = nullptr);
    ~TeamAuditSender() override;

    /*! Sends what waits now and returns the outcome, or the last one known after \a timeoutMs. */
    Status flush(int timeoutMs);
    Status status() const;

Q_SIGNALS:
    /*! After every attempt that changed the number waiting or the problem; on this object's thread. */
    void statusChanged(int waiting, const QString &error);

private:
    QThread m_thread;
    QObject *m_worker = nullptr;
    struct Shared;
    std::shared_ptr<Shared> m_shared;
};

} // namespace InviteDesk
