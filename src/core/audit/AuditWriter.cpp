#include "core/audit/AuditWriter.h"

namespace InviteDesk {

AuditWriter::AuditWriter(const QString &filePath, const AuditContext &context, QObject *parent)
    : QObject(parent), m_path(filePath), m_log(std::make_shared<AuditLog>(filePath)),
      m_latched(std::make_shared<QString>()), m_sent(filePath, m_log->runId())
{
    m_log->setContext(context);
    m_context = m_log->context();
    m_runId = m_log->runId();
    m_thread.setObjectName(QStringLiteral("audit writer"));
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

AuditWriter::~AuditWriter()
{
    // Every record asked for is written first (quit() alone would drop queued ones); their answers are
    // dropped with this object.
    bool open = true;
    QMetaObject::invokeMethod(m_worker, [log = m_log, &open] { open = log->hasOpenIntents(); }, Qt::BlockingQueuedConnection);
    if (!open)
        m_sent.remove(); // nothing of this run is left for a reconciler to settle
    m_thread.quit();
    m_thread.wait();
}

void AuditWriter::enqueue(std::function<bool(AuditLog &, QString *)> write, Done done)
{
    const QPointer<AuditWriter> self(this);
    QMetaObject::invokeMethod(
        m_worker,
        [log = m_log, latched = m_latched, write = std::move(write), done = std::move(done), self] {
            QString why;
            bool ok = false;
            if (!latched->isEmpty()) {
                why = *latched;
            } else {
                ok = write(*log, &why);
                if (!ok && !why.isEmpty())
                    *latched = why;
            }
            if (!done)
                return;
            QMetaObject::invokeMethod(
                self.data(),
                [self, done, ok, why] {
                    if (self)
                        done(ok, why);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void AuditWriter::revokeIntended(const RevokeItem &item, Done done)
{
    m_sent.open(); // before the run's first intent: see SendJournal
    enqueue([item](AuditLog &log, QString *why) { return log.recordIntent(item, why); }, std::move(done));
}

void AuditWriter::revokeSending(const RevokeItem &item)
{
    m_sent.add(item.invitationId);
}

void AuditWriter::revokeSettled(const RevokeItem &item, const RevokeResult &result, Done done)
{
    enqueue([item, result](AuditLog &log, QString *why) { return log.recordOutcome(item, result, why); },
            std::move(done));
}

void AuditWriter::reinviteIntended(const RevokeItem &previous, bool notify, int expiresInDays, Done done)
{
    enqueue([=](AuditLog &log, QString *why) { return log.recordReinviteIntent(previous, notify, expiresInDays, why); },
            std::move(done));
}

void AuditWriter::reinviteSettled(const RevokeItem &previous, const std::optional<Invitation> &created,
                                  const std::optional<ClerkError> &error, Done done)
{
    enqueue([=](AuditLog &log, QString *why) { return log.recordReinviteOutcome(previous, created, error, why); },
            std::move(done));
}

void AuditWriter::reconciled(const QJsonObject &intent, const QString &outcome, const QString &detail,
                             qint64 scannedUpTo, Done done)
{
    // Skipped because someone else settled it is not a failure of the log: it must not latch.
    enqueue(
        [=](AuditLog &log, QString *why) {
            const bool written = log.recordReconciliation(intent, outcome, detail, scannedUpTo);
            if (!written && !log.lastError().isEmpty())
                *why = log.lastError();
            return written;
        },
        std::move(done));
}

void AuditWriter::flush()
{
    QMetaObject::invokeMethod(m_worker, [] {}, Qt::BlockingQueuedConnection);
}

} // namespace InviteDesk
