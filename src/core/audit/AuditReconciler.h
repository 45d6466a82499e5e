#pragma once

#include "core/audit/AuditWriter.h"
#include "core/api/ClerkClient.h"

#include <QtCore/QFutureWatcher>
#include <QtCore/QLockFile>
#include <QtCore/QObject>
#include <QtCore/QSet>

#include <map>
#include <memory>

namespace InviteDesk {

/*!
 * Settles revokes that an earlier run began but never finished (a crash, a
 * power cut, kill -9): the audit log holds their "intent" but no "outcome".
 * For each one made with the same key, it re-reads the invitation and
 * records what it found as a "reconciled" record, with the intent's ticket:
 * still pending (the revoke was never carried out), accepted, expired, not
 * found, or revoked. A revoked one is the ended run's only as far as can be
 * told: "already_revoked" (someone else's) when the run's SendJournal shows
 * its request never left, else "revoked_unattributed" (that run's or
 * someone else's) — never a plain "revoked", which only Clerk's answer to
 * the request itself can prove.
 *
 * Intents from other keys are left for a session with that key, and intents
 * of a run that is still going in another process (a second window, a CLI
 * beside the window) are left to that run: AuditLog::runIsAlive() tells.
 * No record is ever written for someone else's open work.
 */
class AuditReconciler : public QObject
{
    Q_OBJECT

public:
    struct Settled
    {
        QString invitationId;
        QString email;
        QString outcome; //!< revoked, not_revoked_still_pending, not_pending_accepted, …
    };

    AuditReconciler(ClerkClient *client, AuditWriter *writer, QObject *parent = nullptr);
    ~AuditReconciler() override;

    /*! Reads the log on a worker thread, then settles; finished() follows (soon when there is nothing to do). */
    void start();
    int pending() const { return int(m_todo.size()); }

Q_SIGNALS:
    /*! \a leftForLater: other keys, live runs, and intents that could not be re-read now. */
    void finished(const QList<InviteDesk::AuditReconciler::Settled> &settled, int leftForLater);

private:
    void onRead(const QList<QJsonObject> &unsettled);
    void next();
    void removeEndedJournals(const QList<QJsonObject> &unsettled);
    /*! The outcome key and detail of an intent whose invitation a re-read found in \a found's state. */
    std::pair<QString, QString> settlementOf(const QJsonObject &intent, const Invitation &found) const;

    QPointer<ClerkClient> m_client;
    QPointer<AuditWriter> m_writer;
    QFutureWatcher<QList<QJsonObject>> m_reading;
    QList<QJsonObject> m_todo;
    QList<Settled> m_settled;
    int m_left = 0;
    qint64 m_scannedUpTo = -1;
    /*! Locks on ended runs whose intents this reconciler is settling; released when it finishes. */
    std::map<QString, std::unique_ptr<QLockFile>> m_claimed;
    QSet<QString> m_runsLeftOpen; //!< claimed runs with an intent not settled this time
};

} // namespace InviteDesk
