#include "core/audit/AuditReconciler.h"

#include <QtConcurrent/QtConcurrentRun>
#include <QtCore/QFileInfo>
#include <QtCore/QTimer>

using namespace Qt::StringLiterals;

namespace InviteDesk {

AuditReconciler::AuditReconciler(ClerkClient *client, AuditWriter *writer, QObject *parent)
    : QObject(parent), m_client(client), m_writer(writer)
{
    connect(&m_reading, &QFutureWatcher<QList<QJsonObject>>::finished, this,
            [this] { onRead(m_reading.result()); });
}

AuditReconciler::~AuditReconciler()
{
    // The read holds no pointer to this object; waiting keeps it from outliving the log's file.
    m_reading.waitForFinished();
}

void AuditReconciler::start()
{
    m_todo.clear();
    m_settled.clear();
    m_left = 0;
    // Reading a log of years of revokes takes a while: not on the caller's (the window's) thread.
    // Only what is there now: intents this session writes meanwhile are its own, not interrupted ones.
    const QString path = m_writer->filePath();
    const qint64 upTo = QFileInfo(path).size();
    m_scannedUpTo = upTo;
    m_reading.setFuture(QtConcurrent::run([path, upTo] { return AuditLog::unsettledIntents(path, upTo); }));
}

void AuditReconciler::onRead(const QList<QJsonObject> &unsettled)
{
    const QString fingerprint = keyFingerprint(m_client ? m_client->config().secretKey : QString());
    for (const QJsonObject &intent : unsettled) {
        if (intent.value("key_fingerprint"_L1).toString() != fingerprint) {
            ++m_left;
            continue;
        }
        const QString run = intent.value("run"_L1).toString();
        if (!m_claimed.count(run)) {
            std::unique_ptr<QLockFile> claim;
            if (AuditLog::runIsAlive(m_writer->filePath(), run, &claim)) {
                ++m_left; // another process is still working on it
                continue;
            }
            m_claimed.emplace(run, std::move(claim));
        }
        m_todo.append(intent);
    }
    QTimer::singleShot(0, this, &AuditReconciler::next);
}

void AuditReconciler::next()
{
    if (m_todo.isEmpty() || !m_client || !m_writer) {
        m_left += int(m_todo.size());
        m_todo.clear();
        m_claimed.clear(); // ended runs: their lock files go with the claims
        Q_EMIT finished(m_settled, m_left);
        return;
    }
    const QJsonObject intent = m_todo.takeFirst();
    m_client->getInvitation(
        intent.value("organization_id"_L1).toString(), intent.value("invitation_id"_L1).toString(), this,
        [this, intent](Result<Invitation> result) {
            QString outcome;
            QString detail;
            if (result && result.value().id != intent.value("invitation_id"_L1).toString()) {
                ++m_left; // an answer about another invitation settles nothing: try again next time
                next();
                return;
            }
            if (result) {
                const RevokeOutcome found = outcomeOfReRead(result.value().status, true);
                outcome = revokeOutcomeKey(found);
                if (found == RevokeOutcome::Revoked)
                    detail = u"re-read after an interrupted run: the invitation is revoked"_s;
                else if (found == RevokeOutcome::StillPending)
                    detail = u"re-read after an interrupted run: the revoke was not carried out"_s;
                else if (found == RevokeOutcome::NotPendingOther)
                    detail = result.value().statusText;
            } else if (result.error().isNotFound()) {
                outcome = revokeOutcomeKey(RevokeOutcome::NotFound);
            } else {
                ++m_left; // offline or refused: try again next time
                next();
                return;
            }
            const QPointer<AuditReconciler> self(this);
            m_writer->reconciled(intent, outcome, detail, m_scannedUpTo, [self, intent, outcome](bool written, const QString &error) {
                if (!self)
                    return;
                // Not written and no error: someone else settled it after the read; nothing is left open.
                if (written)
                    self->m_settled.append(
                        {intent.value("invitation_id"_L1).toString(), intent.value("email"_L1).toString(), outcome});
                else if (!error.isEmpty())
                    ++self->m_left;
                self->next();
            });
        });
}

} // namespace InviteDesk
