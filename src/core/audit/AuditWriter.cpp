#include "core/audit/AuditWriter.h"

#include <algorithm>
#include <iterator>

namespace InviteDesk {

AuditWriter::AuditWriter(const QString &filePath, const AuditContext &context, QObject *parent)
    : QObject(parent), m_path(filePath), m_log(std::make_shared<AuditLog>(filePath)), m_sent(filePath, m_log->runId())
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

void AuditWriter::enqueue(Request request)
{
    {
        const QMutexLocker locked(&m_queueLock);
        m_queue.append(std::move(request));
        if (m_writing)
            return; // the writer's thread takes it with the others before it stops
        m_writing = true;
    }
    QMetaObject::invokeMethod(m_worker, [this] { writeQueued(); }, Qt::QueuedConnection);
}

void AuditWriter::writeQueued()
{
    for (;;) {
        QList<Request> taken;
        {
            const QMutexLocker locked(&m_queueLock);
            if (m_queue.isEmpty()) {
                m_writing = false;
                return;
            }
            const qsizetype count = std::min<qsizetype>(m_queue.size(), AuditLog::maxGroup);
            taken.reserve(count);
            std::move(m_queue.begin(), m_queue.begin() + count, std::back_inserter(taken));
            m_queue.remove(0, count);
        }
        QList<AuditLog::Entry> group;
        QList<Done> waiting;
        for (Request &request : taken) {
            if (request.make) {
                // Not made after a failure: making an outcome takes its intent off the open ones.
                if (m_latched.isEmpty())
                    group.append(request.make(*m_log));
                waiting.append(std::move(request.done));
                continue;
            }
            writeGroup(group, waiting); // what was asked before it goes first
            QString why = m_latched;
            const bool ok = why.isEmpty() && request.alone(*m_log, &why);
            if (!ok && !why.isEmpty() && m_latched.isEmpty())
                m_latched = why;
            answer({std::move(request.done)}, ok, why);
        }
        writeGroup(group, waiting);
    }
}

void AuditWriter::writeGroup(QList<AuditLog::Entry> &group, QList<Done> &waiting)
{
    if (waiting.isEmpty())
        return;
    if (!m_latched.isEmpty()) { // nothing was made: every asker hears the first failure's reason
        answer(std::move(waiting), false, m_latched);
    } else {
        QList<std::function<QString(const QString &)>> words;
        for (const AuditLog::Entry &entry : std::as_const(group))
            words.append(entry.refused);
        if (m_log->write(std::move(group), nullptr)) {
            answer(std::move(waiting), true, {});
        } else {
            // Each asker in its own record's words ("not sent" is an intent's; an outcome's says the revoke
            // went and its outcome is not recorded), all with the log's cause; the first one latches.
            const QString cause = m_log->lastError();
            for (qsizetype i = 0; i < waiting.size(); ++i) {
                const QString why = words.value(i) ? words.value(i)(cause) : cause;
                if (m_latched.isEmpty())
                    m_latched = why;
                answer({std::move(waiting[i])}, false, why);
            }
        }
    }
    group.clear();
    waiting.clear();
}

void AuditWriter::answer(QList<Done> answers, bool ok, const QString &why)
{
    answers.removeIf([](const Done &done) { return !done; });
    if (answers.isEmpty())
        return;
    // One event each, in order: a window handles a group's answers (each may send the next revoke) with
    // its own events between them, not hundreds in one go.
    const QPointer<AuditWriter> self(this);
    for (Done &done : answers) {
        QMetaObject::invokeMethod(
            this,
            [self, done = std::move(done), ok, why] {
                if (self) // an answer before this one may have ended the writer
                    done(ok, why);
            },
            Qt::QueuedConnection);
    }
}

void AuditWriter::revokeIntended(const RevokeItem &item, Done done)
{
    m_sent.open(); // before the run's first intent: see SendJournal
    enqueue({[item](AuditLog &log) { return log.intent(item); }, {}, std::move(done)});
}

void AuditWriter::revokeSending(const RevokeItem &item)
{
    m_sent.add(item.invitationId);
}

void AuditWriter::revokeSettled(const RevokeItem &item, const RevokeResult &result, Done done)
{
    enqueue({[item, result](AuditLog &log) { return log.outcome(item, result); }, {}, std::move(done)});
}

void AuditWriter::reinviteIntended(const RevokeItem &previous, bool notify, int expiresInDays, Done done)
{
    enqueue({[=](AuditLog &log) { return log.reinviteIntent(previous, notify, expiresInDays); }, {}, std::move(done)});
}

void AuditWriter::reinviteSettled(const RevokeItem &previous, const std::optional<Invitation> &created,
                                  const std::optional<ClerkError> &error, Done done)
{
    enqueue({[=](AuditLog &log) { return log.reinviteOutcome(previous, created, error); }, {}, std::move(done)});
}

void AuditWriter::reconciled(const QJsonObject &intent, const QString &outcome, const QString &detail,
                             qint64 scannedUpTo, Done done)
{
    // Skipped because someone else settled it is not a failure of the log: it must not latch.
    enqueue({{},
             [=](AuditLog &log, QString *why) {
                 const bool written = log.recordReconciliation(intent, outcome, detail, scannedUpTo);
                 if (!written && !log.lastError().isEmpty())
                     *why = log.lastError();
                 return written;
             },
             std::move(done)});
}

void AuditWriter::flush()
{
    QMetaObject::invokeMethod(m_worker, [] {}, Qt::BlockingQueuedConnection);
}

} // namespace InviteDesk
