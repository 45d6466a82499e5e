#include "core/audit/TeamAudit.h"

#include "core/audit/AuditFiles.h"
#include "core/audit/AuditLog.h"
#include "core/audit/AuditRecord.h"
#include "core/audit/TeamAuditMark.h"
#include "core/domain/Revocation.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QCryptographicHash>
#include <QtCore/QFile>
#include <QtCore/QJsonDocument>
#include <QtSql/QSqlQuery>

using namespace Qt::StringLiterals;

// What the team store is asked: verify() and the team's activity. Every read goes a page at a time,
// by key (keyset paging), so no statement runs long and no answer sits in memory whole.

namespace InviteDesk {

namespace {

constexpr int verifyPage = 2000;
constexpr int activityPage = 2000;

/*!
 * The SHA-256 a record's line was chained with: of the line without its "hash" member. The same as
 * AuditLog::hashRecord() of the parsed record for every line InviteDesk writes (Qt's compact form, keys in
 * order), without writing the record out again; the store's trigger holds every row to it.
 */
QString lineHash(const QByteArray &line)
{
    static const QByteArray member(",\"hash\":\"");
    const qsizetype at = line.indexOf(member);
    const qsizetype end = at + member.size() + 64;
    if (at < 0 || end >= line.size() || line.at(end) != '"')
        return {};
    QCryptographicHash sha(QCryptographicHash::Sha256);
    sha.addData(QByteArrayView(line).first(at));
    sha.addData(QByteArrayView(line).sliced(end + 1));
    return QString::fromLatin1(sha.result().toHex());
}

/*! Whether a stored record is what its row says it is: its own hash, seq and place in the chain. */
QString storedRecordProblem(qint64 seq, const QString &hash, const QJsonObject &record, const QByteArray &line)
{
    if (record.isEmpty() || record.value("hash"_L1).toString() != hash || qint64(record.value("seq"_L1).toDouble()) != seq
        || lineHash(line) != hash)
        return QCoreApplication::translate("TeamAudit", "record %1 was changed after it was written").arg(seq);
    return {};
}

/*!
 * The searchable columns of a row that do not say what its record says: someone who could write the
 * row chose them. (Version 2 stores derive them in the database; rows from before, or written with its
 * trigger disabled, may differ.)
 */
QStringList lyingColumns(const QSqlQuery &row, int first, const QJsonObject &record)
{
    static const char *const keys[]
        = {"event", "operator", "organization_id", "organization_name", "invitation_id", "email", "outcome", "ticket"};
    QStringList lying;
    // The column as InviteDesk writes times (UTC, to the millisecond): the same text, or the same moment.
    const QString storedTime = row.value(first).toString();
    const QString written = record.value("time"_L1).toString();
    if (storedTime != written) {
        const QDateTime time = QDateTime::fromString(written, Qt::ISODateWithMs);
        if (storedTime.isEmpty() || !time.isValid() || QDateTime::fromString(storedTime, Qt::ISODateWithMs) != time)
            lying << u"at"_s;
    }
    for (int i = 0; i < int(std::size(keys)); ++i) {
        const QVariant column = row.value(first + 1 + i);
        const QString stored = column.isNull() ? QString() : column.toString();
        if (stored != record.value(QLatin1StringView(keys[i])).toString())
            lying << QString::fromLatin1(keys[i]);
    }
    return lying;
}

} // namespace

bool TeamAuditStore::readPage(const QString &sql, const QVariantList &values,
                              const std::function<void(const QSqlQuery &)> &each, TeamAuditProblem *problem,
                              QString *error)
{
    QSqlQuery query(m_connection.database());
    query.setForwardOnly(true);
    {
        // The deadline covers the rows' arrival too (QPSQL fetches them while next() runs); \a each runs
        // inside it, so it must be quick (a page's rows are copied, not written to a slow terminal).
        PgConnection::Deadline deadline(m_connection);
        if (!m_connection.prepare(query, sql)) {
            *problem = m_connection.lastProblem();
            *error = m_connection.lastError();
            return false;
        }
        for (const QVariant &value : values)
            query.addBindValue(value);
        if (!m_connection.exec(query)) {
            *problem = m_connection.lastProblem();
            *error = m_connection.lastError();
            return false;
        }
        while (query.next())
            each(query);
    }
    // A connection lost mid-page ends next() early: that is a failure, never a short (final) page.
    if (query.lastError().isValid()) {
        m_connection.failed(query.lastError());
        *problem = m_connection.lastProblem();
        *error = m_connection.lastError();
        return false;
    }
    return true;
}

TeamAuditStore::Check TeamAuditStore::verify(const QString &localLogPath)
{
    Check check;
    if (!connect(&check.problem, &check.error))
        return check;
    check.schemaNote = std::exchange(m_schemaNote, QString());
    // This computer's log, read alongside: when the store's pass (in chain and seq order) reaches this
    // log's chain, each of its rows meets the local record of its seq. One pass, no second query.
    QFile file(localLogPath);
    std::optional<AuditRecord> local;
    QString localChain;
    if (!localLogPath.isEmpty() && file.open(QIODevice::ReadOnly)) {
        local = AuditRecord::readNext(file);
        if (local) {
            localChain = local->hash();
            check.localCompared = true;
        }
    }
    qint64 localMax = 0;
    qint64 centralMax = 0; //!< the newest record of this log's chain in the store
    auto advanceLocal = [&] {
        localMax = std::max(localMax, local->seq);
        local = AuditRecord::readNext(file);
    };
    Chain *chain = nullptr;
    qint64 expected = 1;
    QString prev;
    QString afterChain = u""_s; // not null: NULL would compare to nothing
    qint64 afterSeq = 0;
    for (bool more = true; more;) {
        int rows = 0;
        const bool read = readPage(
            // Every column bounded, and a time that is no number (infinity, year 294270) read as none: one
            // row written past the table's guard must not fail the check, or fill memory, for everyone.
            u"SELECT chain, seq, hash, prev, CASE WHEN length(record) <= 65536 THEN record END, inserted_by,"
            " CASE WHEN isfinite(at) THEN to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') END,"
            " left(event, 64), left(operator, 256), left(organization_id, 256), left(organization_name, 1024),"
            " left(invitation_id, 256), left(email, 320), left(outcome, 64), left(ticket, 256)"
            " FROM invitedesk_audit WHERE (chain, seq) > (?, ?) ORDER BY chain, seq LIMIT %1"_s.arg(verifyPage),
            {afterChain, afterSeq},
            [&](const QSqlQuery &query) {
                ++rows;
                const QString name = query.value(0).toString();
                const qint64 seq = query.value(1).toLongLong();
                const QString hash = query.value(2).toString();
                const QByteArray line = query.value(4).toString().toUtf8();
                const QJsonObject record = QJsonDocument::fromJson(line).object();
                const QString sender = query.value(5).toString();
                afterChain = name;
                afterSeq = seq;
                if (!chain || chain->chain != name) {
                    check.chains.append(Chain {name, record.value("operator"_L1).toString(), sender, 0, {}});
                    chain = &check.chains.last();
                    expected = 1;
                    prev = QString::fromLatin1(AuditFiles::genesisHash);
                }
                // Each agent's log is sent by that agent's database role: a row from another role was
                // written into someone else's history.
                if (sender != chain->sentBy)
                    Check::note(chain->problems, chain->moreProblems,
                                QCoreApplication::translate("TeamAudit",
                                                            "record %1 was sent by the database "
                                                            "role %2, the records before it by %3")
                                    .arg(seq)
                                    .arg(sender, chain->sentBy));
                ++chain->records;
                if (seq != expected) {
                    Check::note(chain->problems, chain->moreProblems,
                                (seq - 1 == expected
                                     ? QCoreApplication::translate("TeamAudit", "record %1 is missing").arg(expected)
                                     : QCoreApplication::translate("TeamAudit", "records %1 to %2 are missing")
                                           .arg(expected)
                                           .arg(seq - 1)));
                    prev.clear(); // the record after a gap cannot be linked
                }
                if (!prev.isEmpty() && query.value(3).toString() != prev)
                    Check::note(chain->problems, chain->moreProblems,
                                QCoreApplication::translate("TeamAudit",
                                                            "record %1 does not follow record %2: "
                                                            "one of them was replaced")
                                    .arg(seq)
                                    .arg(seq - 1));
                if (query.isNull(4))
                    Check::note(chain->problems, chain->moreProblems,
                                QCoreApplication::translate("TeamAudit", "record %1 is larger than any InviteDesk "
                                                                         "writes (64 KiB); it was not read")
                                    .arg(seq));
                else if (const QString problem = storedRecordProblem(seq, hash, record, line); !problem.isEmpty())
                    Check::note(chain->problems, chain->moreProblems, problem);
                else if (const QStringList lying = lyingColumns(query, 6, record); !lying.isEmpty())
                    Check::note(chain->problems, chain->moreProblems,
                                QCoreApplication::translate("TeamAudit",
                                                            "record %1's columns %2 do not say "
                                                            "what its record says")
                                    .arg(seq)
                                    .arg(lying.join(u", "_s)));
                prev = hash;
                expected = seq + 1;
                if (name != localChain || localChain.isEmpty())
                    return;
                centralMax = seq;
                for (; local && local->seq < seq; advanceLocal()) // the store went past them: not there
                    Check::note(check.localProblems, check.moreLocalProblems,
                                QCoreApplication::translate("TeamAudit", "local record %1 is missing in the team store")
                                    .arg(local->seq));
                if (local && local->seq == seq) {
                    if (local->hash() != hash)
                        Check::note(check.localProblems, check.moreLocalProblems,
                                    QCoreApplication::translate("TeamAudit", "local record %1 differs from the team store's")
                                        .arg(seq));
                    advanceLocal();
                }
            },
            &check.problem, &check.error);
        if (!read)
            return check;
        more = rows == verifyPage;
    }

    if (!check.localCompared)
        return check; // no local log: nothing of this agent's to compare (and Check says so)
    // This computer's chain in the store, sent by another role: someone sent these records first (a
    // replay into a store that had lost them), and the store credits that role with them.
    for (const Chain &stored : std::as_const(check.chains)) {
        if (stored.chain == localChain && stored.sentBy != m_connection.sessionUser())
            Check::note(check.localProblems, check.moreLocalProblems,
                        QCoreApplication::translate("TeamAudit", "this log's records in the team store were sent by the "
                                                                 "database role %1, not %2: someone sent them first "
                                                                 "(docs/TEAM-AUDIT.md, \"When the store refuses an "
                                                                 "agent's records\")")
                            .arg(stored.sentBy, m_connection.sessionUser()));
    }
    // Past the store's end: what this computer saw the store take was lost; the rest waits.
    const qint64 taken = TeamAuditMark::read(localLogPath, target().storeId(), localChain).seq;
    qint64 lostFrom = 0;
    qint64 lostTo = 0;
    for (; local; advanceLocal()) {
        if (local->seq <= taken) {
            lostFrom = lostFrom ? lostFrom : local->seq;
            lostTo = local->seq;
        } else {
            ++check.localWaiting;
        }
    }
    if (lostFrom > 0)
        Check::note(check.localProblems, check.moreLocalProblems,
                    QCoreApplication::translate("TeamAudit",
                                                "the team store no longer holds records %1 to "
                                                "%2 of this log, which it had taken")
                        .arg(lostFrom)
                        .arg(lostTo));
    if (centralMax > localMax)
        Check::note(check.localProblems, check.moreLocalProblems,
                    QCoreApplication::translate("TeamAudit",
                                                "the team store holds records %1 to %2 of this "
                                                "log, which the local log does not")
                        .arg(localMax + 1)
                        .arg(centralMax));
    return check;
}

namespace {

/*! The WHERE clause and its values for \a filter, over the table as "a". */
std::pair<QStringList, QVariantList> whereOf(const TeamActivityFilter &filter)
{
    QStringList where;
    QVariantList values;
    if (!filter.withIntents)
        where << u"a.event NOT IN ('intent', 'reinvite_intent')"_s;
    if (!filter.organization.isEmpty()) {
        where << u"(a.organization_id = ? OR a.organization_name ILIKE ?)"_s;
        QString pattern = filter.organization;
        pattern.replace(u'\\', "\\\\"_L1).replace(u'%', "\\%"_L1).replace(u'_', "\\_"_L1);
        values << filter.organization << QString(u'%' + pattern + u'%');
    }
    if (!filter.email.isEmpty()) {
        where << u"lower(a.email) = lower(?)"_s;
        values << filter.email;
    }
    if (!filter.agent.isEmpty()) {
        where << u"(a.operator = ? OR a.inserted_by = ?)"_s;
        values << filter.agent << filter.agent;
    }
    if (!filter.ticket.isEmpty()) {
        where << u"a.ticket = ?"_s;
        values << filter.ticket;
    }
    if (filter.since.isValid()) {
        where << u"a.at >= ?"_s;
        values << filter.since;
    }
    if (filter.until.isValid()) {
        where << u"a.at < ?"_s;
        values << filter.until;
    }
    return {where, values};
}

QString flagOf(const QSqlQuery &query, const TeamActivityRow &row)
{
    if (query.isNull(13))
        return QCoreApplication::translate("TeamAudit", "its chain's first record is not in the store");
    const QString ownerRole = query.value(13).toString();
    const QString ownerName = query.value(14).toString();
    QStringList flags;
    if (row.sentBy != ownerRole)
        flags << QCoreApplication::translate("TeamAudit", "sent by the role %1 into a history started by %2")
                     .arg(row.sentBy, ownerRole);
    if (row.operatorName != ownerName)
        flags << QCoreApplication::translate("TeamAudit", "names %1 in a history started by %2")
                     .arg(row.operatorName, ownerName);
    return flags.join(u"; "_s);
}

} // namespace

bool TeamAuditStore::activity(const TeamActivityFilter &filter,
                              const std::function<void(const TeamActivityRow &)> &each, TeamAuditProblem *problem,
                              QString *error, int limit, const TeamActivityRow *after)
{
    const bool wasOpen = m_connection.isOpen();
    if (!connect(problem, error))
        return false;
    const auto [where, values] = whereOf(filter);
    const QString direction = filter.newestFirst ? u" DESC"_s : QString();
    std::optional<TeamActivityRow> last;
    if (after)
        last = *after;
    int delivered = 0;
    for (bool more = true; more;) {
        QStringList pageWhere = where;
        QVariantList pageValues = values;
        if (last) { // the next page: by key, on the stored microseconds (a QDateTime keeps only ms)
            pageWhere << (u"(a.at, a.chain, a.seq) "_s + (filter.newestFirst ? u"<"_s : u">"_s)
                          + u" (?::timestamptz, ?, ?)"_s);
            pageValues << last->atCursor << last->chain << last->seq;
        }
        const int want = limit > 0 ? std::min(activityPage, limit - delivered) : activityPage;
        QList<TeamActivityRow> page; // handed on after the page is in: a slow reader never holds a statement
        const bool read = readPage(
            // Every text bounded (rows written past the table's guard may be huge), and the time's exact
            // text for the next page's cursor (to the microsecond, and "infinity" too).
            u"SELECT CASE WHEN isfinite(a.at) THEN a.at END, left(a.event, 64), left(a.outcome, 64),"
            " left(a.operator, 256), a.inserted_by, left(a.organization_id, 256), left(a.organization_name, 1024),"
            " left(a.invitation_id, 256), left(a.email, 320), left(a.ticket, 256), a.chain, a.seq, a.at::text,"
            " f.inserted_by, left(f.operator, 256)"
            " FROM invitedesk_audit a LEFT JOIN invitedesk_audit f ON f.chain = a.chain AND f.seq = 1"_s
                + (pageWhere.isEmpty() ? QString() : u" WHERE "_s + pageWhere.join(u" AND "_s))
                + u" ORDER BY a.at%1, a.chain%1, a.seq%1 LIMIT %2"_s.arg(direction).arg(want),
            pageValues,
            [&](const QSqlQuery &query) {
                TeamActivityRow row;
                row.at = query.value(0).toDateTime().toUTC();
                row.event = query.value(1).toString();
                row.outcome = query.value(2).toString();
                row.operatorName = query.value(3).toString();
                row.sentBy = query.value(4).toString();
                row.organizationId = query.value(5).toString();
                row.organizationName = query.value(6).toString();
                row.invitationId = query.value(7).toString();
                row.email = query.value(8).toString();
                row.ticket = query.value(9).toString();
                row.chain = query.value(10).toString();
                row.seq = query.value(11).toLongLong();
                row.atCursor = query.value(12).toString();
                row.flag = flagOf(query, row);
                page.append(std::move(row));
            },
            problem, error);
        const int rows = int(page.size());
        if (!read) {
            // A connection that was fine before this call and is lost now (a server restart): once more.
            if (wasOpen && delivered == 0 && m_connection.lost())
                return activity(filter, each, problem, error, limit, after);
            return false;
        }
        for (const TeamActivityRow &row : std::as_const(page))
            each(row);
        if (!page.isEmpty())
            last = page.constLast();
        delivered += rows;
        more = rows == want && (limit <= 0 || delivered < limit);
    }
    return true;
}

qint64 TeamAuditStore::count(const TeamActivityFilter &filter, TeamAuditProblem *problem, QString *error)
{
    const bool wasOpen = m_connection.isOpen();
    if (!connect(problem, error))
        return -1;
    const auto [where, values] = whereOf(filter);
    qint64 total = -1;
    const bool read = readPage(
        u"SELECT count(*) FROM invitedesk_audit a"_s
            + (where.isEmpty() ? QString() : u" WHERE "_s + where.join(u" AND "_s)),
        values, [&total](const QSqlQuery &query) { total = query.value(0).toLongLong(); }, problem, error);
    if (!read && wasOpen && m_connection.lost())
        return count(filter, problem, error);
    return read ? total : -1;
}

bool TeamActivityRow::isConfirmedRevoke() const
{
    return event == "outcome"_L1 && outcome == revokeOutcomeKey(RevokeOutcome::Revoked);
}

QStringList TeamActivityRow::fieldNames()
{
    return {u"time"_s,
            u"agent"_s,
            u"sent_by"_s,
            u"event"_s,
            u"outcome"_s,
            u"organization_id"_s,
            u"organization_name"_s,
            u"invitation_id"_s,
            u"email"_s,
            u"ticket"_s,
            u"flag"_s};
}

QStringList TeamActivityRow::fields() const
{
    return {at.toString(Qt::ISODateWithMs),
            operatorName,
            sentBy,
            event,
            outcome,
            organizationId,
            organizationName,
            invitationId,
            email,
            ticket,
            flag};
}

} // namespace InviteDesk
