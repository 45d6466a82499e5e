#include "core/audit/AuditLog.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonDocument>
#include <QtCore/QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

// What each kind of record says: intents, outcomes, re-invites and reconciliations, on one base record.

namespace InviteDesk {

namespace {

/*! What Clerk support asks for about a failure: its code, message, trace ID and status. */
void insertError(QJsonObject &record, const ClerkError &error)
{
    record.insert("error_code"_L1, error.code());
    record.insert("error"_L1, error.userMessage());
    record.insert("trace_id"_L1, error.traceId());
    if (error.httpStatus())
        record.insert("http_status"_L1, error.httpStatus());
}

} // namespace

QJsonObject AuditLog::baseRecord(const QString &event, const RevokeItem &item) const
{
    QJsonObject record{
        {"event"_L1, event},
        {"operator"_L1, m_context.operatorName.isEmpty() ? operatorName() : m_context.operatorName},
        {"profile"_L1, m_context.profile},
        {"environment"_L1, m_context.environment},
        {"key_fingerprint"_L1, m_context.keyFingerprint},
        {"api_host"_L1, m_context.apiHost},
        {"organization_id"_L1, item.organizationId},
        {"organization_name"_L1, item.organizationName},
        {"invitation_id"_L1, item.invitationId},
        {"email"_L1, item.emailAddress},
        {"role"_L1, item.role},
        {"run"_L1, m_runId},
    };
    const QString ticket = item.ticket.isEmpty() ? m_context.ticket : item.ticket;
    if (!ticket.isEmpty())
        record.insert("ticket"_L1, ticket);
    // Records without it (all before application invitations) are of an organization's invitation.
    if (item.kind == InvitationKind::Application)
        record.insert("invitation_kind"_L1, kindKey(item.kind));
    return record;
}

AuditLog::Entry AuditLog::intent(const RevokeItem &item)
{
    QJsonObject record = baseRecord(u"intent"_s, item);
    const QString op = QUuid::createUuid().toString(QUuid::WithoutBraces);
    record.insert("op"_L1, op);
    return Entry{std::move(record), true, [this, id = item.invitationId, op] { m_openIntents.insert(id, op); },
                 [](const QString &error) {
                     return QCoreApplication::translate("AuditLog", "Not sent: the audit log could not be written (%1).")
                         .arg(error);
                 }};
}

AuditLog::Entry AuditLog::outcome(const RevokeItem &item, const RevokeResult &result)
{
    QJsonObject record = baseRecord(u"outcome"_s, item);
    if (item.emailAddress.isEmpty() && result.invitation) {
        record.insert("email"_L1, result.invitation->emailAddress);
        record.insert("role"_L1, result.invitation->role);
    }
    record.insert("op"_L1, m_openIntents.take(item.invitationId));
    record.insert("outcome"_L1, revokeOutcomeKey(result.outcome));
    record.insert("attempts"_L1, result.attempts);
    if (result.error)
        insertError(record, *result.error);
    return Entry{std::move(record), false, {}, [id = item.invitationId](const QString &error) {
                     return QCoreApplication::translate(
                                "AuditLog", "The outcome of %1 could not be written to the audit log (%2); "
                                            "nothing more is sent. The next start re-reads it and records what happened.")
                         .arg(id, error);
                 }};
}

AuditLog::Entry AuditLog::reinviteIntent(const RevokeItem &previous, bool notify, int expiresInDays)
{
    QJsonObject record = baseRecord(u"reinvite_intent"_s, previous);
    const QString op = QUuid::createUuid().toString(QUuid::WithoutBraces);
    record.insert("op"_L1, op);
    record.insert("notify"_L1, notify);
    record.insert("expires_in_days"_L1, expiresInDays);
    return Entry{std::move(record), true, [this, id = previous.invitationId, op] { m_openReinvites.insert(id, op); },
                 [](const QString &error) {
                     return QCoreApplication::translate("AuditLog", "Not created: the audit log could not be written (%1).")
                         .arg(error);
                 }};
}

AuditLog::Entry AuditLog::reinviteOutcome(const RevokeItem &previous, const std::optional<Invitation> &created,
                                          const std::optional<ClerkError> &error)
{
    QJsonObject record = baseRecord(u"reinvite_outcome"_s, previous);
    record.insert("op"_L1, m_openReinvites.take(previous.invitationId));
    record.insert("outcome"_L1, created ? u"created"_s : u"failed"_s);
    if (created)
        record.insert("new_invitation_id"_L1, created->id);
    if (error)
        insertError(record, *error);
    return Entry{std::move(record), false, {}, [email = previous.emailAddress](const QString &why) {
                     return QCoreApplication::translate("AuditLog",
                                                        "The re-invite of %1 could not be recorded in the audit log (%2).")
                         .arg(email, why);
                 }};
}

bool AuditLog::write(QList<Entry> entries, QString *whyNot)
{
    Q_ASSERT(entries.size() <= maxGroup);
    if (entries.isEmpty())
        return true;
    const bool startsWork = std::any_of(entries.cbegin(), entries.cend(), [](const Entry &e) { return e.startsWork; });
    QList<QJsonObject> records;
    records.reserve(entries.size());
    for (const Entry &entry : std::as_const(entries))
        records.append(entry.record);
    if ((startsWork && !holdRunLock()) || !appendIf(std::move(records), {})) {
        if (whyNot)
            *whyNot = entries.first().refused(m_error);
        return false;
    }
    for (const Entry &entry : std::as_const(entries)) {
        if (entry.written)
            entry.written();
    }
    return true;
}

bool AuditLog::recordReconciliation(const QJsonObject &intent, const QString &outcome, const QString &detail,
                                    qint64 scannedUpTo)
{
    QJsonObject record = intent;
    // The intent's ticket stays: the reconciled record answers the same ticket's question.
    for (const auto *key : {"v", "seq", "time", "prev", "hash", "operator"})
        record.remove(QLatin1StringView(key));
    record.insert("event"_L1, u"reconciled"_s);
    record.insert("operator"_L1, m_context.operatorName.isEmpty() ? operatorName() : m_context.operatorName);
    record.insert("outcome"_L1, outcome);
    record.insert("detail"_L1, detail);
    record.insert("intent_seq"_L1, intent.value("seq"_L1));
    record.insert("reconciled_by_run"_L1, m_runId);
    const QString op = intent.value("op"_L1).toString();
    // Under the log's lock: did anyone settle this intent after the read that found it open?
    auto stillOpen = [op, scannedUpTo](QFile &file) {
        if (op.isEmpty() || scannedUpTo < 0)
            return true;
        file.seek(std::min(scannedUpTo, file.size()));
        while (!file.atEnd()) {
            const QByteArray line = file.readLine();
            if (!line.contains(op.toLatin1()))
                continue;
            const QJsonObject r = QJsonDocument::fromJson(line).object();
            const QString event = r.value("event"_L1).toString();
            if (r.value("op"_L1).toString() == op && (event == "outcome"_L1 || event == "reconciled"_L1))
                return false;
        }
        return true;
    };
    bool skipped = false;
    if (!appendIf({record}, stillOpen, &skipped))
        return false;
    return !skipped;
}

} // namespace InviteDesk
