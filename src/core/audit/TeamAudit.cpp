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

/*! The words for a record \a seq of this log that the store holds differently, wherever that is found. */
QString differentRecord(qint64 seq)
{
    return QCoreApplication::translate("TeamAudit",
                                       "the team store holds a different record %1 for "
                                       "this log, so nothing after it can be sent; "
                                       "`audit verify --audit-url` says where")
        .arg(seq);
}

/*!
 * One TeamAuditStore::sync() of one local log: the file, how far it is durable and its chain, the
 * ".team" mark, where the store's copy of the chain ends, how far this run has sent, and the result.
 * Each step returns false when the sync ends there; the result then says why, if anything is wrong.
 */
class SyncRun
{
public:
    SyncRun(PgConnection &connection, QString storeId, const QString &localLogPath, TeamAuditStore::Sync &result)
        : m_connection(connection), m_storeId(std::move(storeId)), m_path(localLogPath), m_file(localLogPath),
          m_result(result)
    {
    }

    bool openLocal();
    bool readChain(); //!< how far the log is durable (its head file), and its chain (its first record)
    void readMark(); //!< how far the store had taken it, as far as this computer knows
    bool askStore(); //!< where the store's copy of the chain ends
    bool checkStoreHoldsNoMore(); //!< no record of this log that the local log does not hold
    bool checkStoreLostNothing(bool resendLost); //!< all it had taken, unless those go again
    bool seekPastStore(); //!< to the end of the store's newest record in the file, which must be ours
    bool checkSender(); //!< the store's copy of the chain was sent by this role
    void send(const std::atomic<bool> *stop);

private:
    bool markHolds() const { return m_mark.seq > 0; }
    bool checkStoreRecord(const AuditRecord &record);
    bool readBatch(QList<AuditRecord> *batch);
    bool sendBatch(const QList<AuditRecord> &batch);
    bool insert(const QList<AuditRecord> &batch, QSet<qint64> *inserted);
    bool checkAlreadyStored(const QList<AuditRecord> &batch, const QSet<qint64> &inserted);
    void remember() const;
    bool diverged(const QString &why);
    bool failed(TeamAuditProblem problem, const QString &error);
    bool lost();
    bool abandon(QSqlQuery &query, TeamAuditProblem problem, const QString &error);

    PgConnection &m_connection;
    const QString m_storeId;
    const QString m_path;
    QFile m_file;
    TeamAuditStore::Sync &m_result;
    qint64 m_durable = 0; //!< the newest record the head file names
    QString m_chain;
    TeamAuditMark m_mark;
    qint64 m_sent = 0; //!< the newest record the store holds, as far as known
    QSqlQuery m_query; //!< one for most statements: preparing it again frees its last one within the deadline
    bool m_storeHoldsChain = false;
    qint64 m_central = 0; //!< the store's newest record of the chain, its hash and the role that sent it
    QString m_centralHash;
    QString m_centralSender;
    QByteArray m_lastHash; //!< the hash of record m_sent, and where it ends in the file
    qint64 m_lastOffset = 0;
};

bool SyncRun::openLocal()
{
    if (!m_file.exists())
        return false;
    if (!m_file.open(QIODevice::ReadOnly)) {
        m_result.problem = TeamAuditProblem::Refused;
        m_result.error = QCoreApplication::translate("TeamAudit", "cannot read the local audit log %1: %2")
                             .arg(m_path, m_file.errorString());
        return false;
    }
    return true;
}

bool SyncRun::readChain()
{
    // Only what the log has made durable: its head names the newest record, and is written after that
    // record's fsync. A line written but not (or not yet) synced, or taken back after a failed sync, is
    // never sent.
    const std::optional<AuditFiles::Head> head = AuditFiles::readHead(m_path);
    if (head && head->seq < 0)
        return diverged(QCoreApplication::translate(
            "TeamAudit", "the local audit log's head file is damaged; `audit verify` says more"));
    m_durable = head ? head->seq : 0;
    const std::optional<AuditRecord> first = AuditRecord::readNext(m_file);
    if (!first || m_durable < 1)
        return false;
    if (first->seq != 1 || first->hash().isEmpty())
        return diverged(QCoreApplication::translate(
            "TeamAudit", "the local audit log does not start with record 1; `audit verify` says why"));
    m_chain = first->hash();
    return true;
}

void SyncRun::readMark()
{
    // What waits is what the store had not taken, as far as this computer knows: true while it is away.
    m_mark = TeamAuditMark::read(m_path, m_storeId, m_chain);
    m_sent = markHolds() ? std::min(m_mark.seq, m_durable) : 0;
    m_result.waiting = m_durable - m_sent;
}

bool SyncRun::askStore()
{
    // Where the store's copy of this chain ends, and with which record.
    m_query = QSqlQuery(m_connection.database());
    if (!m_connection.prepare(m_query,
                              u"SELECT seq, hash, inserted_by FROM invitedesk_audit WHERE chain = ?"
                              " ORDER BY seq DESC LIMIT 1"_s))
        return lost();
    m_query.addBindValue(m_chain);
    if (!m_connection.exec(m_query))
        return lost();
    m_storeHoldsChain = m_query.next();
    m_central = m_storeHoldsChain ? m_query.value(0).toLongLong() : 0;
    m_centralHash = m_storeHoldsChain ? m_query.value(1).toString() : QString();
    m_centralSender = m_storeHoldsChain ? m_query.value(2).toString() : QString();
    m_query.finish();
    return true;
}

bool SyncRun::checkStoreHoldsNoMore()
{
    if (m_central <= m_durable)
        return true;
    m_result.waiting = 0;
    return diverged(QCoreApplication::translate("TeamAudit",
                                                "the team store holds records %1 to %2 of this log, which the "
                                                "local log does not; `audit verify --audit-url` says more")
                        .arg(m_durable + 1)
                        .arg(m_central));
}

bool SyncRun::checkStoreLostNothing(bool resendLost)
{
    if (!markHolds() || m_central >= m_mark.seq || resendLost)
        return true;
    m_result.waiting = m_durable - m_central;
    return diverged(QCoreApplication::translate("TeamAudit",
                                                "the team store no longer holds records %1 to %2 of this log, "
                                                "which it had taken (deleted, or restored from an older backup); "
                                                "tell its owner (docs/TEAM-AUDIT.md, \"When the store refuses an "
                                                "agent's records\"), then `invitedesk-cli audit sync --resend` "
                                                "sends them again")
                        .arg(m_central + 1)
                        .arg(m_mark.seq));
}

bool SyncRun::seekPastStore()
{
    m_sent = m_central;
    m_result.waiting = m_durable - m_sent;
    // Find the end of the store's newest record (m_central) in the file, and check it is ours: the mark says
    // where when it names that very record; otherwise one pass from the start (a line at a time).
    if (markHolds() && m_mark.seq == m_central && m_mark.hash == m_centralHash && m_central > 0) {
        m_file.seek(m_mark.offset);
        return true;
    }
    m_file.seek(0);
    while (m_central > 0) {
        const std::optional<AuditRecord> record = AuditRecord::readNext(m_file);
        if (!record || record->seq > m_central)
            return diverged(QCoreApplication::translate("TeamAudit",
                                                        "the local audit log has no record %1, "
                                                        "which the team store holds; `audit "
                                                        "verify` says more")
                                .arg(m_central));
        if (record->seq == m_central)
            return checkStoreRecord(*record);
    }
    return true;
}

bool SyncRun::checkStoreRecord(const AuditRecord &record)
{
    if (record.hash() == m_centralHash)
        return true;
    // Ours go up to what this computer saw the store take, and never include m_central.
    m_result.waiting = m_durable - std::min(markHolds() ? m_mark.seq : m_central - 1, m_central - 1);
    return diverged(differentRecord(m_central));
}

bool SyncRun::checkSender()
{
    // This log's records in the store, sent by another role (someone replayed them first, into a store
    // that did not hold them yet; the bytes are the same, checked above): not this agent's sending, and
    // the chain is theirs.
    if (!m_storeHoldsChain || m_centralSender == m_connection.sessionUser())
        return true;
    m_result.waiting = m_durable - std::min(markHolds() ? m_mark.seq : 0, m_central);
    return diverged(QCoreApplication::translate("TeamAudit",
                                                "the team store holds this log's records sent by the database "
                                                "role %1, not %2, so this log's own cannot follow them; "
                                                "`audit verify --audit-url` says more")
                        .arg(m_centralSender, m_connection.sessionUser()));
}

void SyncRun::send(const std::atomic<bool> *stop)
{
    // In batches read as they go, one transaction and one statement each: a long backlog costs a round
    // trip per batch and memory for one batch, and a sender asked to stop stops between batches.
    m_lastHash = m_centralHash.toLatin1();
    m_lastOffset = m_file.pos();
    while (m_sent < m_durable) {
        if (stop && stop->load())
            break;
        QList<AuditRecord> batch;
        if (!readBatch(&batch))
            break;
        if (batch.isEmpty())
            break; // the head names records the file does not hold yet: they go next time
        if (!sendBatch(batch))
            break;
    }
    remember(); // however it ended: what the store committed
}

bool SyncRun::readBatch(QList<AuditRecord> *batch)
{
    while (batch->size() < batchSize && m_sent + batch->size() < m_durable) {
        std::optional<AuditRecord> record = AuditRecord::readNext(m_file);
        if (!record)
            break;
        if (record->seq != m_sent + batch->size() + 1 || record->hash().isEmpty())
            return diverged(QCoreApplication::translate("TeamAudit",
                                                        "a line of the local audit log after "
                                                        "record %1 is not its next record; "
                                                        "`audit verify` says more")
                                .arg(m_sent + batch->size()));
        batch->append(std::move(*record));
    }
    return true;
}

bool SyncRun::sendBatch(const QList<AuditRecord> &batch)
{
    if (!m_connection.exec(m_query, u"BEGIN"_s))
        return lost();
    QSet<qint64> inserted;
    if (!insert(batch, &inserted))
        return false;
    // A record already there (another process of this agent sent it first) must be this very record.
    if (inserted.size() < batch.size() && !checkAlreadyStored(batch, inserted))
        return false;
    if (!m_connection.exec(m_query, u"COMMIT"_s))
        return lost();
    m_result.sent += int(inserted.size());
    m_sent = batch.constLast().seq;
    m_lastHash = batch.constLast().hash().toLatin1();
    m_lastOffset = batch.constLast().end;
    m_result.waiting = m_durable - m_sent;
    return true;
}

bool SyncRun::insert(const QList<AuditRecord> &batch, QSet<qint64> *inserted)
{
    QStringList rows(batch.size(), u"(?, ?)"_s);
    if (!m_connection.prepare(m_query,
                              u"INSERT INTO invitedesk_audit (chain, record) VALUES "_s + rows.join(u", "_s)
                                  + u" ON CONFLICT DO NOTHING RETURNING seq"_s)) {
        QSqlQuery rollback(m_connection.database());
        return abandon(rollback, m_connection.lastProblem(), m_connection.lastError());
    }
    for (const AuditRecord &record : batch) {
        m_query.addBindValue(m_chain);
        m_query.addBindValue(QString::fromUtf8(record.line));
    }
    if (!m_connection.exec(m_query)) {
        if (m_connection.lastProblem() == TeamAuditProblem::Refused) // the server read them and will refuse them again
            return abandon(
                m_query, TeamAuditProblem::Diverged,
                QCoreApplication::translate("TeamAudit", "the team store refuses records %1 to %2 of this log: %3")
                    .arg(batch.constFirst().seq)
                    .arg(batch.constLast().seq)
                    .arg(m_connection.lastError()));
        return abandon(m_query, m_connection.lastProblem(), m_connection.lastError());
    }
    while (m_query.next())
        inserted->insert(m_query.value(0).toLongLong());
    m_query.finish();
    return true;
}

bool SyncRun::checkAlreadyStored(const QList<AuditRecord> &batch, const QSet<qint64> &inserted)
{
    QSqlQuery stored(m_connection.database());
    bool asked = m_connection.prepare(stored,
                                      u"SELECT seq, hash || ' ' || inserted_by FROM invitedesk_audit"
                                      " WHERE chain = ? AND seq BETWEEN ? AND ?"_s);
    if (asked) {
        stored.addBindValue(m_chain);
        stored.addBindValue(batch.constFirst().seq);
        stored.addBindValue(batch.constLast().seq);
        asked = m_connection.exec(stored);
    }
    if (!asked) {
        m_connection.exec(m_query, u"ROLLBACK"_s);
        return lost(); // as the connection says after the ROLLBACK
    }
    QHash<qint64, QString> hashes;
    while (stored.next())
        hashes.insert(stored.value(0).toLongLong(), stored.value(1).toString());
    for (const AuditRecord &record : batch) {
        if (!inserted.contains(record.seq)
            && hashes.value(record.seq) != record.hash() + u' ' + m_connection.sessionUser())
            return abandon(m_query, TeamAuditProblem::Diverged, differentRecord(record.seq));
    }
    return true;
}

void SyncRun::remember() const
{
    if (m_sent > 0)
        TeamAuditMark{m_storeId, m_chain, m_sent, QString::fromLatin1(m_lastHash), m_lastOffset}.write(m_path);
}

bool SyncRun::diverged(const QString &why)
{
    m_result.problem = TeamAuditProblem::Diverged;
    m_result.error = why;
    return false;
}

bool SyncRun::failed(TeamAuditProblem problem, const QString &error)
{
    m_result.problem = problem;
    m_result.error = error;
    m_result.waiting = m_durable - m_sent;
    return false;
}

bool SyncRun::lost()
{
    return failed(m_connection.lastProblem(), m_connection.lastError());
}

/*! Ends the batch's transaction with a ROLLBACK on \a query; the batch failed with \a problem and \a error. */
bool SyncRun::abandon(QSqlQuery &query, TeamAuditProblem problem, const QString &error)
{
    m_connection.exec(query, u"ROLLBACK"_s);
    return failed(problem, error);
}

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
    SyncRun run(m_connection, target().storeId(), localLogPath, result);
    if (!run.openLocal() || !run.readChain())
        return result;
    run.readMark();
    if (connected && run.askStore() && run.checkStoreHoldsNoMore() && run.checkStoreLostNothing(resendLost)
        && run.seekPastStore() && run.checkSender())
        run.send(stop);
    return result;
}

} // namespace InviteDesk
