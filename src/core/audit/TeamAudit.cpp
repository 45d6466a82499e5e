#include "core/audit/TeamAudit.h"

#include "core/audit/AuditFiles.h"
#include "core/audit/AuditRecord.h"
#include "core/audit/TeamAuditMark.h"
#include "core/audit/TeamAuditSchema.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QFile>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QSet>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>

using namespace Qt::StringLiterals;

// The store's connection and sync; verify() and the queries are in TeamAuditQueries.cpp.

namespace InviteDesk {

namespace {

constexpr qsizetype batchSize = 200;

} // namespace

TeamAuditStore::TeamAuditStore(TeamAuditTarget target) : m_connection(std::move(target)) {}

TeamAuditStore::~TeamAuditStore() = default;

bool TeamAuditStore::connect(TeamAuditProblem *problem, QString *error)
{
    if (m_connection.isOpen())
        return true;
    if (!m_connection.open(problem, error))
        return false;
    if (!m_schemaChecked) {
        if (!TeamAuditSchema::ensure(m_connection, problem, error, &m_schemaNote)) {
            m_connection.close();
            return false;
        }
        m_schemaChecked = true;
    }
    return true;
}

bool TeamAuditStore::check(TeamAuditProblem *problem, QString *error, QString *warning)
{
    if (!connect(problem, error))
        return false;
    if (warning)
        *warning = TeamAuditSchema::excessRights(m_connection);
    if (!m_connection.isOpen()) { // lost while asking (a server that froze just now)
        *problem = m_connection.lastProblem();
        *error = m_connection.lastError();
        return false;
    }
    return true;
}

qint64 TeamAuditStore::waitingAsFarAsKnown(const QString &localLogPath, const TeamAuditTarget &target)
{
    const std::optional<AuditFiles::Head> head = AuditFiles::readHead(localLogPath);
    QFile file(localLogPath);
    if (!head || head->seq < 1 || !file.open(QIODevice::ReadOnly))
        return 0;
    const std::optional<AuditRecord> first = AuditRecord::readNext(file);
    if (!first)
        return 0;
    return head->seq - std::min(head->seq, TeamAuditMark::read(localLogPath, target.storeId(), first->hash()).seq);
}

QString TeamAuditStore::probe(const TeamAuditTarget &target, QString *warning)
{
    TeamAuditStore store(target);
    TeamAuditProblem problem = TeamAuditProblem::None;
    QString error;
    if (!store.check(&problem, &error, warning))
        return error.isEmpty() ? QCoreApplication::translate("TeamAudit", "it cannot be used") : error;
    return {};
}

TeamAuditStore::Sync TeamAuditStore::sync(const QString &localLogPath, const std::atomic<bool> *stop, bool resendLost)
{
    Sync result;
    // First the store, so that a bad URL or password is said even before there is anything to send.
    const bool connected = check(&result.problem, &result.error, &result.warning);
    QFile file(localLogPath);
    if (!file.exists())
        return result;
    auto localProblem = [&](const QString &why) {
        result.problem = TeamAuditProblem::Diverged;
        result.error = why;
        return result;
    };
    if (!file.open(QIODevice::ReadOnly)) {
        result.problem = TeamAuditProblem::Refused;
        result.error = QCoreApplication::translate("TeamAudit", "cannot read the local audit log %1: %2")
                           .arg(localLogPath, file.errorString());
        return result;
    }
    // Only what the log has made durable: its head names the newest record, and is written after that
    // record's fsync. A line written but not (or not yet) synced, or taken back after a failed sync, is
    // never sent.
    const std::optional<AuditFiles::Head> head = AuditFiles::readHead(localLogPath);
    if (head && head->seq < 0)
        return localProblem(
            QCoreApplication::translate("TeamAudit", "the local audit log's head file is damaged; `audit verify` says more"));
    const qint64 durable = head ? head->seq : 0;
    const std::optional<AuditRecord> first = AuditRecord::readNext(file);
    if (!first || durable < 1)
        return result;
    if (first->seq != 1 || first->hash().isEmpty())
        return localProblem(QCoreApplication::translate(
            "TeamAudit", "the local audit log does not start with record 1; `audit verify` says why"));
    const QString chain = first->hash();

    // What waits is what the store had not taken, as far as this computer knows: true while it is away.
    const TeamAuditMark mark = TeamAuditMark::read(localLogPath, target().storeId(), chain);
    const bool markHolds = mark.seq > 0;
    qint64 sent = markHolds ? std::min(mark.seq, durable) : 0;
    result.waiting = durable - sent;
    if (!connected)
        return result;

    QSqlDatabase db = m_connection.database();
    QSqlQuery query(db);
    auto lost = [&]() {
        result.problem = m_connection.lastProblem();
        result.error = m_connection.lastError();
        result.waiting = durable - sent;
        return result;
    };
    // Where the store's copy of this chain ends, and with which record.
    if (!m_connection.prepare(query, u"SELECT seq, hash, inserted_by FROM invitedesk_audit WHERE chain = ?"
                                     " ORDER BY seq DESC LIMIT 1"_s))
        return lost();
    query.addBindValue(chain);
    if (!m_connection.exec(query))
        return lost();
    const bool any = query.next();
    const qint64 central = any ? query.value(0).toLongLong() : 0;
    const QString centralHash = any ? query.value(1).toString() : QString();
    const QString centralSender = any ? query.value(2).toString() : QString();
    query.finish();
    if (central > durable) {
        result.waiting = 0;
        return localProblem(QCoreApplication::translate("TeamAudit",
                                                        "the team store holds records %1 to %2 of this log, which the "
                                                        "local log does not; `audit verify --audit-url` says more")
                                .arg(durable + 1)
                                .arg(central));
    }
    if (markHolds && central < mark.seq && !resendLost) {
        result.waiting = durable - central;
        return localProblem(QCoreApplication::translate("TeamAudit",
                                                        "the team store no longer holds records %1 to %2 of this log, "
                                                        "which it had taken (deleted, or restored from an older backup); "
                                                        "tell its owner (docs/TEAM-AUDIT.md, \"When the store refuses an "
                                                        "agent's records\"), then `invitedesk-cli audit sync --resend` "
                                                        "sends them again")
                                .arg(central + 1)
                                .arg(mark.seq));
    }
    sent = central;
    result.waiting = durable - sent;

    // Find the end of record `central` in the file, and check it is the store's record: the mark says
    // where when it names that very record; otherwise one pass from the start (a line at a time).
    if (markHolds && mark.seq == central && mark.hash == centralHash && central > 0) {
        file.seek(mark.offset);
    } else {
        file.seek(0);
        while (central > 0) {
            const std::optional<AuditRecord> record = AuditRecord::readNext(file);
            if (!record || record->seq > central)
                return localProblem(QCoreApplication::translate("TeamAudit", "the local audit log has no record %1, "
                                                                             "which the team store holds; `audit "
                                                                             "verify` says more")
                                        .arg(central));
            if (record->seq == central) {
                if (record->hash() != centralHash) {
                    // Ours go up to what this computer saw the store take, and never include `central`.
                    result.waiting = durable - std::min(markHolds ? mark.seq : central - 1, central - 1);
                    return localProblem(QCoreApplication::translate("TeamAudit",
                                                                    "the team store holds a different record %1 for "
                                                                    "this log, so nothing after it can be sent; "
                                                                    "`audit verify --audit-url` says where")
                                            .arg(central));
                }
                break;
            }
        }
    }

    // This log's records in the store, sent by another role (someone replayed them first, into a store
    // that did not hold them yet; the bytes are the same, checked above): not this agent's sending, and
    // the chain is theirs.
    if (any && centralSender != m_connection.sessionUser()) {
        result.waiting = durable - std::min(markHolds ? mark.seq : 0, central);
        return localProblem(QCoreApplication::translate("TeamAudit",
                                                        "the team store holds this log's records sent by the database "
                                                        "role %1, not %2, so this log's own cannot follow them; "
                                                        "`audit verify --audit-url` says more")
                                .arg(centralSender, m_connection.sessionUser()));
    }

    // In batches read as they go, one transaction and one statement each: a long backlog costs a round
    // trip per batch and memory for one batch, and a sender asked to stop stops between batches.
    QByteArray lastHash = centralHash.toLatin1();
    qint64 lastOffset = file.pos();
    auto remember = [&] {
        if (sent > 0)
            TeamAuditMark{target().storeId(), chain, sent, QString::fromLatin1(lastHash), lastOffset}.write(localLogPath);
    };
    while (sent < durable) {
        if (stop && stop->load())
            break;
        QList<AuditRecord> batch;
        while (batch.size() < batchSize && sent + batch.size() < durable) {
            std::optional<AuditRecord> record = AuditRecord::readNext(file);
            if (!record)
                break;
            if (record->seq != sent + batch.size() + 1 || record->hash().isEmpty()) {
                remember();
                return localProblem(QCoreApplication::translate("TeamAudit", "a line of the local audit log after "
                                                                             "record %1 is not its next record; "
                                                                             "`audit verify` says more")
                                        .arg(sent + batch.size()));
            }
            batch.append(std::move(*record));
        }
        if (batch.isEmpty())
            break; // the head names records the file does not hold yet: they go next time
        if (!m_connection.exec(query, u"BEGIN"_s)) {
            remember();
            return lost();
        }
        QStringList rows(batch.size(), u"(?, ?)"_s);
        if (!m_connection.prepare(query, u"INSERT INTO invitedesk_audit (chain, record) VALUES "_s + rows.join(u", "_s)
                                             + u" ON CONFLICT DO NOTHING RETURNING seq"_s)) {
            const TeamAuditProblem problem = m_connection.lastProblem();
            const QString error = m_connection.lastError();
            QSqlQuery rollback(db);
            m_connection.exec(rollback, u"ROLLBACK"_s);
            remember();
            result.problem = problem;
            result.error = error;
            result.waiting = durable - sent;
            return result;
        }
        for (const AuditRecord &record : std::as_const(batch)) {
            query.addBindValue(chain);
            query.addBindValue(QString::fromUtf8(record.line));
        }
        if (!m_connection.exec(query)) {
            TeamAuditProblem problem = m_connection.lastProblem();
            QString error = m_connection.lastError();
            m_connection.exec(query, u"ROLLBACK"_s);
            remember();
            if (problem == TeamAuditProblem::Refused) { // the server read them and will refuse them again
                problem = TeamAuditProblem::Diverged;
                error = QCoreApplication::translate("TeamAudit", "the team store refuses records %1 to %2 of this log: %3")
                            .arg(batch.constFirst().seq)
                            .arg(batch.constLast().seq)
                            .arg(error);
            }
            result.problem = problem;
            result.error = error;
            result.waiting = durable - sent;
            return result;
        }
        QSet<qint64> inserted;
        while (query.next())
            inserted.insert(query.value(0).toLongLong());
        query.finish();
        // A record already there (another process of this agent sent it first) must be this very record.
        if (inserted.size() < batch.size()) {
            QSqlQuery stored(db);
            if (!m_connection.prepare(stored, u"SELECT seq, hash || ' ' || inserted_by FROM invitedesk_audit"
                                              " WHERE chain = ? AND seq BETWEEN ? AND ?"_s)) {
                m_connection.exec(query, u"ROLLBACK"_s);
                remember();
                return lost();
            }
            stored.addBindValue(chain);
            stored.addBindValue(batch.constFirst().seq);
            stored.addBindValue(batch.constLast().seq);
            if (!m_connection.exec(stored)) {
                m_connection.exec(query, u"ROLLBACK"_s);
                remember();
                return lost();
            }
            QHash<qint64, QString> hashes;
            while (stored.next())
                hashes.insert(stored.value(0).toLongLong(), stored.value(1).toString());
            for (const AuditRecord &record : std::as_const(batch)) {
                if (!inserted.contains(record.seq) && hashes.value(record.seq) != record.hash() + u' ' + m_connection.sessionUser()) {
                    m_connection.exec(query, u"ROLLBACK"_s);
                    remember();
                    result.waiting = durable - sent;
                    return localProblem(QCoreApplication::translate("TeamAudit",
                                                                    "the team store holds a different record %1 for "
                                                                    "this log, so nothing after it can be sent; "
                                                                    "`audit verify --audit-url` says where")
                                            .arg(record.seq));
                }
            }
        }
        if (!m_connection.exec(query, u"COMMIT"_s)) {
            remember();
            return lost();
        }
        result.sent += int(inserted.size());
        sent = batch.constLast().seq;
        lastHash = batch.constLast().hash().toLatin1();
        lastOffset = batch.constLast().end;
        result.waiting = durable - sent;
    }
    remember();
    return result;
}

} // namespace InviteDesk
