#include "core/audit/TeamAudit.h"

#include "core/audit/AuditFiles.h"
#include "core/audit/AuditLog.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDateTime>
#include <QtCore/QFile>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QSet>
#include <QtCore/QUrl>
#include <QtCore/QUrlQuery>
#include <QtCore/QUuid>
#include <QtNetwork/QHostAddress>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>


using namespace Qt::StringLiterals;

namespace InviteDesk {

namespace {

bool isLoopback(const QString &host)
{
    if (host == "localhost"_L1 || host.startsWith(u'/'))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

/*! A value for libpq's connection string, quoted as it asks ('…' with \\ and \' escaped). */
QString libpqQuoted(QString value)
{
    value.replace(u'\\', "\\\\"_L1);
    value.replace(u'\'', "\\'"_L1);
    return u'\'' + value + u'\'';
}

/*!
 * What a failure means for the user: by SQLSTATE where the server gave one, else by libpq's message
 * (a failed connection has no SQLSTATE; libpq's messages are English unless its translations are installed).
 */
TeamAuditProblem classify(const QString &message, const QString &sqlState = {})
{
    if (sqlState.startsWith("28"_L1))
        return TeamAuditProblem::Credentials; // invalid authorization
    if (sqlState.startsWith("08"_L1) || sqlState.startsWith("57"_L1) || sqlState.startsWith("53"_L1))
        return TeamAuditProblem::Unreachable; // connection lost, shut down, out of resources: try again later
    if (sqlState.startsWith("42"_L1) || sqlState == "3D000"_L1)
        return TeamAuditProblem::Refused; // no such table or database, or no right to it
    if (message.contains("password authentication failed"_L1) || message.contains("no password supplied"_L1)
        || (message.contains("role"_L1) && message.contains("does not exist"_L1)))
        return TeamAuditProblem::Credentials;
    if (message.contains("SSL"_L1) || message.contains("certificate"_L1) || message.contains("permission denied"_L1)
        || message.contains("does not exist"_L1) || message.contains("pg_hba.conf"_L1))
        return TeamAuditProblem::Refused;
    return TeamAuditProblem::Unreachable;
}

TeamAuditProblem classify(const QSqlError &error);
QString sqlMessage(const QSqlError &error)
{
    QString text = error.databaseText().trimmed();
    if (text.isEmpty())
        text = error.driverText().trimmed();
    return text.simplified();
}

TeamAuditProblem classify(const QSqlError &error)
{
    return classify(sqlMessage(error), error.nativeErrorCode());
}

/*! One complete line of the local log, as the store keeps it. */
struct LocalRecord
{
    qint64 seq = 0;
    QByteArray line; //!< exactly as written, without the newline
    QJsonObject json;
    qint64 end = 0;  //!< the byte after its newline
    QString hash() const { return json.value("hash"_L1).toString(); }
};

/*! The next complete line of \a file, or nullopt at the end or before a torn last line. */
std::optional<LocalRecord> readRecord(QFile &file)
{
    if (file.atEnd())
        return std::nullopt;
    const qint64 start = file.pos();
    QByteArray line = file.readLine();
    if (!line.endsWith('\n')) {
        file.seek(start); // cut off by a crash or a full disk: the log repairs it, it is never sent
        return std::nullopt;
    }
    line.chop(1);
    LocalRecord record;
    record.json = QJsonDocument::fromJson(line).object();
    record.seq = qint64(record.json.value("seq"_L1).toDouble());
    record.line = std::move(line);
    record.end = file.pos();
    return record;
}

/*! Whether a stored record is what its row says it is: its own hash, seq and place in the chain. */
QString storedRecordProblem(qint64 seq, const QString &hash, const QByteArray &line)
{
    QJsonObject record = QJsonDocument::fromJson(line).object();
    const QString ownHash = record.take("hash"_L1).toString();
    if (record.isEmpty() || ownHash != hash || qint64(record.value("seq"_L1).toDouble()) != seq
        || QString::fromLatin1(AuditLog::hashRecord(record)) != hash)
        return QCoreApplication::translate("TeamAudit", "record %1 was changed after it was written").arg(seq);
    return {};
}

} // namespace

// ---------------------------------------------------------------------------------------------------

QString TeamAuditTarget::display() const
{
    QUrl url;
    url.setScheme(u"postgresql"_s);
    url.setHost(host);
    url.setPort(port);
    url.setUserName(user);
    url.setPath(u'/' + database);
    if (!sslMode.isEmpty())
        url.setQuery(u"sslmode="_s + sslMode);
    return url.toString();
}

std::optional<TeamAuditTarget> TeamAuditTarget::parse(const QString &text, QString *error)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (!url.isValid() || (url.scheme() != "postgresql"_L1 && url.scheme() != "postgres"_L1))
        return fail(QCoreApplication::translate("TeamAudit", "the team audit URL must look like postgresql://USER@HOST:PORT/DATABASE"));
    TeamAuditTarget target;
    target.host = url.host();
    target.port = url.port(5432);
    target.database = url.path().mid(1);
    target.user = url.userName();
    target.password = url.password();
    if (target.host.isEmpty())
        return fail(QCoreApplication::translate("TeamAudit", "the team audit URL names no host"));
    if (target.database.isEmpty() || target.database.contains(u'/'))
        return fail(QCoreApplication::translate("TeamAudit", "the team audit URL names no database (…/DATABASE at its end)"));
    if (target.port < 1 || target.port > 65535)
        return fail(QCoreApplication::translate("TeamAudit", "the team audit URL's port is not a port"));
    static const QStringList modes = {u"disable"_s, u"allow"_s,     u"prefer"_s,
                                      u"require"_s, u"verify-ca"_s, u"verify-full"_s};
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == "sslmode"_L1) {
            if (!modes.contains(value))
                return fail(QCoreApplication::translate("TeamAudit", "sslmode must be one of %1").arg(modes.join(u", "_s)));
            target.sslMode = value;
        } else if (key == "sslrootcert"_L1) {
            if (value.contains(u';'))
                return fail(QCoreApplication::translate("TeamAudit", "sslrootcert must be a file path without ';'"));
            target.sslRootCert = value;
        } else {
            return fail(QCoreApplication::translate("TeamAudit", "unknown team audit URL option \"%1\" (sslmode and sslrootcert are known)").arg(key));
        }
    }
    if (target.sslMode.isEmpty())
        target.sslMode = isLoopback(target.host) ? u"prefer"_s : u"verify-full"_s;
    return target;
}

// ---------------------------------------------------------------------------------------------------

TeamAuditStore::TeamAuditStore(TeamAuditTarget target)
    : m_target(std::move(target)),
      m_connectionName(u"invitedesk-team-audit-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

TeamAuditStore::~TeamAuditStore()
{
    disconnect();
}

void TeamAuditStore::disconnect()
{
    m_ready = false;
    if (QSqlDatabase::contains(m_connectionName)) {
        QSqlDatabase::database(m_connectionName, false).close();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

bool TeamAuditStore::connect(TeamAuditProblem *problem, QString *error)
{
    if (m_ready && QSqlDatabase::database(m_connectionName, false).isOpen())
        return true;
    disconnect();
    if (!QSqlDatabase::isDriverAvailable(u"QPSQL"_s)) {
        *problem = TeamAuditProblem::Refused;
        *error = QCoreApplication::translate("TeamAudit", "Qt's PostgreSQL driver (QPSQL) is not installed; on Debian: apt install libqt6sql6-psql");
        return false;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, m_connectionName);
    db.setHostName(m_target.host);
    db.setPort(m_target.port);
    db.setDatabaseName(m_target.database);
    db.setUserName(m_target.user);
    db.setPassword(m_target.password.isEmpty() ? qEnvironmentVariable("INVITEDESK_AUDIT_PASSWORD") : m_target.password);
    // Bounded: a store that does not answer costs seconds, never a hang (the local log is the durable copy).
    QStringList options{u"sslmode="_s + m_target.sslMode, u"connect_timeout=5"_s, u"tcp_user_timeout=10000"_s,
                        u"application_name=InviteDesk"_s,
                        // a server that stops answering mid-query (frozen, or the laptop slept) is noticed in ~25 s
                        u"keepalives=1"_s, u"keepalives_idle=10"_s, u"keepalives_interval=5"_s, u"keepalives_count=3"_s};
    if (!m_target.sslRootCert.isEmpty())
        options << u"sslrootcert="_s + libpqQuoted(m_target.sslRootCert);
    db.setConnectOptions(options.join(u';'));
    if (!db.open()) {
        *error = sqlMessage(db.lastError());
        *problem = classify(*error);
        db = QSqlDatabase(); // no handle may outlive the connection's removal
        disconnect();
        return false;
    }
    QSqlQuery(db).exec(u"SET statement_timeout = 10000"_s);
    if (!ensureSchema(problem, error)) {
        db = QSqlDatabase();
        disconnect();
        return false;
    }
    m_ready = true;
    return true;
}

bool TeamAuditStore::ensureSchema(TeamAuditProblem *problem, QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery query(db);
    auto failed = [&](TeamAuditProblem kind, const QString &why) {
        *problem = kind;
        *error = why;
        return false;
    };
    if (!query.exec(u"SELECT to_regclass('invitedesk_audit_schema') IS NOT NULL"_s) || !query.next())
        return failed(TeamAuditProblem::Unreachable, sqlMessage(query.lastError()));
    if (!query.value(0).toBool()) {
        // First use: the role that may create tables (the store's owner, docs/TEAM-AUDIT.md) creates the
        // schema; two agents starting at once queue on the advisory lock instead of racing.
        db.transaction();
        const QStringList statements = {
            u"SELECT pg_advisory_xact_lock(7426031)"_s,
            u"CREATE TABLE IF NOT EXISTS invitedesk_audit_schema (version integer PRIMARY KEY)"_s,
            // One row per record of an agent's local log. chain: the hash of that log's first record.
            // record: the line exactly as written locally, so its hash can be checked here.
            u"CREATE TABLE IF NOT EXISTS invitedesk_audit ("
            " chain text NOT NULL, seq bigint NOT NULL CHECK (seq > 0), hash text NOT NULL UNIQUE,"
            " prev text NOT NULL, at timestamptz NOT NULL, event text NOT NULL, operator text NOT NULL,"
            " organization_id text, organization_name text, invitation_id text, email text, outcome text,"
            " ticket text, record text NOT NULL, received timestamptz NOT NULL DEFAULT now(),"
            // Who sent it, as the database knows it; agents may not set this column (docs/TEAM-AUDIT.md).
            " inserted_by text NOT NULL DEFAULT session_user,"
            " PRIMARY KEY (chain, seq))"_s,
            u"CREATE INDEX IF NOT EXISTS invitedesk_audit_at ON invitedesk_audit (at, chain, seq)"_s,
            u"CREATE INDEX IF NOT EXISTS invitedesk_audit_organization ON invitedesk_audit (organization_id, at)"_s,
            u"CREATE INDEX IF NOT EXISTS invitedesk_audit_email ON invitedesk_audit (lower(email), at)"_s,
            u"INSERT INTO invitedesk_audit_schema (version) VALUES (1) ON CONFLICT DO NOTHING"_s,
        };
        for (const QString &statement : statements) {
            if (!query.exec(statement)) {
                const QString why = sqlMessage(query.lastError());
                db.rollback();
                return failed(TeamAuditProblem::Schema,
                              QCoreApplication::translate("TeamAudit", "the team audit database has no InviteDesk tables yet, and %1 may not create them "
                                 "(%2); its owner creates them once, see docs/TEAM-AUDIT.md")
                                  .arg(m_target.user, why));
            }
        }
        if (!db.commit())
            return failed(TeamAuditProblem::Schema, sqlMessage(db.lastError()));
    }
    if (!query.exec(u"SELECT max(version) FROM invitedesk_audit_schema"_s) || !query.next())
        return failed(TeamAuditProblem::Schema,
                      QCoreApplication::translate("TeamAudit", "cannot read the team audit schema version: %1").arg(sqlMessage(query.lastError())));
    const int version = query.value(0).toInt();
    if (version > schemaVersion)
        return failed(TeamAuditProblem::Schema,
                      QCoreApplication::translate("TeamAudit", "the team audit database has schema version %1, newer than this InviteDesk knows (%2); "
                         "update InviteDesk")
                          .arg(version)
                          .arg(schemaVersion));
    // Version 1 is the first; later versions migrate here, step by step, in one transaction each.
    return true;
}

TeamAuditStore::Sync TeamAuditStore::sync(const QString &localLogPath, const std::atomic<bool> *stop)
{
    Sync result;
    // First the store, so that a bad URL or password is said even before there is anything to send.
    const bool connected = connect(&result.problem, &result.error);
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
    const std::optional<LocalRecord> first = readRecord(file);
    if (!first || durable < 1)
        return result;
    if (first->seq != 1 || first->hash().isEmpty())
        return localProblem(QCoreApplication::translate(
            "TeamAudit", "the local audit log does not start with record 1; `audit verify` says why"));
    if (first->hash() != m_chain) { // a new log (or the first look at this one)
        m_chain = first->hash();
        m_sentSeq = 0;
        m_sentOffset = 0;
    }
    // The durable records after \a fromSeq, from where the last look stopped; a line that is not a
    // record stops the reading (and the sending) with a reason.
    QString unreadable;
    qint64 diverged = 0;
    qint64 central = 0;
    QString centralHash;
    auto durableAfter = [&](qint64 fromSeq) {
        QList<LocalRecord> records;
        file.seek(m_sentOffset);
        while (std::optional<LocalRecord> record = readRecord(file)) {
            if (record->seq < 1 || record->hash().isEmpty()) {
                unreadable = QCoreApplication::translate(
                                 "TeamAudit", "a line of the local audit log after record %1 is not a record; "
                                              "`audit verify` says more")
                                 .arg(records.isEmpty() ? fromSeq : records.constLast().seq);
                break;
            }
            if (record->seq > durable)
                break;
            if (record->seq <= fromSeq) {
                if (record->seq == central && record->hash() != centralHash)
                    diverged = record->seq; // someone else sent a record 'central' of this log
                if (records.isEmpty())
                    m_sentOffset = record->end;
                continue;
            }
            records.append(std::move(*record));
        }
        return records;
    };
    if (!connected) {
        result.waiting = int(durableAfter(m_sentSeq).size());
        return result;
    }

    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery query(db);
    auto lost = [&](const QSqlError &error, int waiting) {
        result.error = sqlMessage(error);
        result.problem = classify(error);
        if (result.problem == TeamAuditProblem::Unreachable)
            m_ready = false; // the next attempt reconnects (and removes this connection first)
        result.waiting = waiting;
        return result;
    };
    // Where the store's copy of this chain ends, and with which record.
    query.prepare(u"SELECT seq, hash FROM invitedesk_audit WHERE chain = ? ORDER BY seq DESC LIMIT 1"_s);
    query.addBindValue(m_chain);
    if (!query.exec())
        return lost(query.lastError(), int(durableAfter(m_sentSeq).size()));
    const bool any = query.next();
    central = any ? query.value(0).toLongLong() : 0;
    centralHash = any ? query.value(1).toString() : QString();
    if (central < m_sentSeq) { // the store was restored from an older backup: look again from the start
        m_sentSeq = 0;
        m_sentOffset = 0;
    }
    if (central > durable)
        return localProblem(QCoreApplication::translate("TeamAudit",
                                                        "the team store holds records %1 to %2 of this log, which the "
                                                        "local log does not; `audit verify --audit-url` says more")
                                .arg(durable + 1)
                                .arg(central));
    const QList<LocalRecord> pending = durableAfter(central);
    if (diverged > 0) {
        m_sentSeq = 0; // look again from the start next time
        m_sentOffset = 0;
        return localProblem(QCoreApplication::translate("TeamAudit",
                                                        "the team store holds a different record %1 for this log; "
                                                        "`audit verify --audit-url` says more")
                                .arg(diverged));
    }
    m_sentSeq = central;

    // In batches, one transaction and one statement each: a long backlog costs a round trip per batch,
    // and a sender asked to stop stops between batches.
    constexpr qsizetype batchSize = 200;
    static const QString columns = u"chain, seq, hash, prev, at, event, operator, organization_id, organization_name,"
                                   " invitation_id, email, outcome, ticket, record"_s;
    for (qsizetype from = 0; from < pending.size(); from += batchSize) {
        if (stop && stop->load()) {
            result.waiting = int(pending.size() - from);
            return result;
        }
        const QList<LocalRecord> batch = pending.mid(from, batchSize);
        QStringList rows(batch.size(), u"(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
        if (!db.transaction())
            return lost(db.lastError(), int(pending.size() - from));
        query.prepare(u"INSERT INTO invitedesk_audit ("_s + columns + u") VALUES "_s + rows.join(u", "_s)
                      + u" ON CONFLICT DO NOTHING RETURNING seq"_s);
        for (const LocalRecord &record : batch) {
            const QJsonObject &r = record.json;
            auto text = [&r](const char *key) {
                const QJsonValue value = r.value(QLatin1StringView(key));
                return value.isUndefined() ? QVariant(QMetaType::fromType<QString>()) : QVariant(value.toString());
            };
            // A record without a readable time still goes out (the record itself is kept whole).
            const QDateTime at = QDateTime::fromString(r.value("time"_L1).toString(), Qt::ISODateWithMs);
            query.addBindValue(m_chain);
            query.addBindValue(record.seq);
            query.addBindValue(record.hash());
            query.addBindValue(r.value("prev"_L1).toString());
            query.addBindValue(at.isValid() ? at : QDateTime::currentDateTimeUtc());
            query.addBindValue(r.value("event"_L1).toString());
            query.addBindValue(r.value("operator"_L1).toString());
            query.addBindValue(text("organization_id"));
            query.addBindValue(text("organization_name"));
            query.addBindValue(text("invitation_id"));
            query.addBindValue(text("email"));
            query.addBindValue(text("outcome"));
            query.addBindValue(text("ticket"));
            query.addBindValue(QString::fromUtf8(record.line));
        }
        if (!query.exec()) {
            const QSqlError error = query.lastError();
            db.rollback();
            return lost(error, int(pending.size() - from));
        }
        QSet<qint64> inserted;
        while (query.next())
            inserted.insert(query.value(0).toLongLong());
        // A record already there (another process of this agent sent it first) must be this very record.
        if (inserted.size() < batch.size()) {
            QSqlQuery check(db);
            check.prepare(u"SELECT seq, hash FROM invitedesk_audit WHERE chain = ? AND seq BETWEEN ? AND ?"_s);
            check.addBindValue(m_chain);
            check.addBindValue(batch.constFirst().seq);
            check.addBindValue(batch.constLast().seq);
            if (!check.exec()) {
                const QSqlError error = check.lastError();
                db.rollback();
                return lost(error, int(pending.size() - from));
            }
            QHash<qint64, QString> stored;
            while (check.next())
                stored.insert(check.value(0).toLongLong(), check.value(1).toString());
            for (const LocalRecord &record : batch) {
                if (!inserted.contains(record.seq) && stored.value(record.seq) != record.hash()) {
                    db.rollback();
                    result.waiting = int(pending.size() - from);
                    return localProblem(QCoreApplication::translate("TeamAudit",
                                                                    "the team store holds a different record %1 for "
                                                                    "this log; `audit verify --audit-url` says more")
                                            .arg(record.seq));
                }
            }
        }
        if (!db.commit())
            return lost(db.lastError(), int(pending.size() - from));
        result.sent += int(inserted.size());
        m_sentSeq = batch.constLast().seq;
        m_sentOffset = batch.constLast().end;
    }
    if (!unreadable.isEmpty())
        return localProblem(unreadable);
    return result;
}

TeamAuditStore::Check TeamAuditStore::verify(const QString &localLogPath)
{
    Check check;
    if (!connect(&check.problem, &check.error))
        return check;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery query(db);
    query.setForwardOnly(true);
    // One pass over the whole table: no statement limit for it (keepalives still notice a dead server).
    QSqlQuery(db).exec(u"SET statement_timeout = 0"_s);
    const bool read = query.exec(
        u"SELECT chain, seq, hash, prev, record, inserted_by FROM invitedesk_audit ORDER BY chain, seq"_s);
    if (!read) {
        QSqlQuery(db).exec(u"SET statement_timeout = 10000"_s);
        check.error = sqlMessage(query.lastError());
        check.problem = classify(query.lastError());
        return check;
    }
    Chain *chain = nullptr;
    qint64 expected = 1;
    QString prev;
    while (query.next()) {
        const QString name = query.value(0).toString();
        const qint64 seq = query.value(1).toLongLong();
        const QString hash = query.value(2).toString();
        const QByteArray line = query.value(4).toString().toUtf8();
        const QString sender = query.value(5).toString();
        if (!chain || chain->chain != name) {
            check.chains.append(Chain{name, {}, {}, 0, {}});
            chain = &check.chains.last();
            chain->operatorName = QJsonDocument::fromJson(line).object().value("operator"_L1).toString();
            chain->sentBy = sender;
            expected = 1;
            prev = QString::fromLatin1(AuditFiles::genesisHash);
        }
        // Each agent's log is sent by that agent's database role: a row from another role was written
        // into someone else's history.
        if (sender != chain->sentBy)
            chain->problems << QCoreApplication::translate("TeamAudit", "record %1 was sent by the database role %2, "
                                                                        "the records before it by %3")
                                   .arg(seq)
                                   .arg(sender, chain->sentBy);
        ++chain->records;
        if (seq != expected) {
            chain->problems << (seq - 1 == expected ? QCoreApplication::translate("TeamAudit", "record %1 is missing").arg(expected)
                                                    : QCoreApplication::translate("TeamAudit", "records %1 to %2 are missing").arg(expected).arg(seq - 1));
            prev.clear(); // the record after a gap cannot be linked
        }
        if (!prev.isEmpty() && query.value(3).toString() != prev)
            chain->problems << QCoreApplication::translate("TeamAudit", "record %1 does not follow record %2: one of them was replaced").arg(seq).arg(seq - 1);
        if (const QString problem = storedRecordProblem(seq, hash, line); !problem.isEmpty())
            chain->problems << problem;
        prev = hash;
        expected = seq + 1;
    }
    query.finish(); // (a forward-only query streams: nothing else may run on the connection until here)
    QSqlQuery(db).exec(u"SET statement_timeout = 10000"_s);

    if (localLogPath.isEmpty())
        return check;
    QFile file(localLogPath);
    if (!file.open(QIODevice::ReadOnly))
        return check; // no local log: nothing of this agent's to compare
    const std::optional<LocalRecord> first = readRecord(file);
    if (!first)
        return check;
    QHash<qint64, QString> central;
    qint64 centralMax = 0;
    query.prepare(u"SELECT seq, hash FROM invitedesk_audit WHERE chain = ?"_s);
    query.addBindValue(first->hash());
    if (!query.exec()) {
        check.error = sqlMessage(query.lastError());
        check.problem = classify(query.lastError());
        return check;
    }
    while (query.next()) {
        central.insert(query.value(0).toLongLong(), query.value(1).toString());
        centralMax = std::max(centralMax, query.value(0).toLongLong());
    }
    file.seek(0);
    qint64 localMax = 0;
    while (const std::optional<LocalRecord> record = readRecord(file)) {
        localMax = std::max(localMax, record->seq);
        if (record->seq > centralMax) {
            ++check.localWaiting;
            continue;
        }
        const auto it = central.constFind(record->seq);
        if (it == central.cend())
            check.localProblems << QCoreApplication::translate("TeamAudit", "local record %1 is missing in the team store").arg(record->seq);
        else if (*it != record->hash())
            check.localProblems << QCoreApplication::translate("TeamAudit", "local record %1 differs from the team store's").arg(record->seq);
    }
    if (centralMax > localMax)
        check.localProblems << QCoreApplication::translate("TeamAudit",
                                                           "the team store holds records %1 to %2 of this log, which the "
                                                           "local log does not")
                                   .arg(localMax + 1)
                                   .arg(centralMax);
    return check;
}

QStringList TeamActivityRow::fieldNames()
{
    return {u"time"_s,          u"agent"_s,         u"sent_by"_s,       u"event"_s, u"outcome"_s,
            u"organization_id"_s, u"organization_name"_s, u"invitation_id"_s, u"email"_s, u"ticket"_s};
}

QStringList TeamActivityRow::fields() const
{
    return {at.toString(Qt::ISODateWithMs), operatorName, sentBy, event, outcome, organizationId, organizationName,
            invitationId, email, ticket};
}

bool TeamAuditStore::activity(const TeamActivityFilter &filter, const std::function<void(const TeamActivityRow &)> &each,
                              TeamAuditProblem *problem, QString *error, int limit, const TeamActivityRow *after)
{
    if (!connect(problem, error))
        return false;
    QStringList where;
    QVariantList values;
    if (!filter.withIntents)
        where << u"event NOT IN ('intent', 'reinvite_intent')"_s;
    if (!filter.organization.isEmpty()) {
        where << u"(organization_id = ? OR organization_name ILIKE ?)"_s;
        QString pattern = filter.organization;
        pattern.replace(u'\\', "\\\\"_L1).replace(u'%', "\\%"_L1).replace(u'_', "\\_"_L1);
        values << filter.organization << QString(u'%' + pattern + u'%');
    }
    if (!filter.email.isEmpty()) {
        where << u"lower(email) = lower(?)"_s;
        values << filter.email;
    }
    if (!filter.agent.isEmpty()) {
        where << u"(operator = ? OR inserted_by = ?)"_s;
        values << filter.agent << filter.agent;
    }
    if (!filter.ticket.isEmpty()) {
        where << u"ticket = ?"_s;
        values << filter.ticket;
    }
    if (filter.since.isValid()) {
        where << u"at >= ?"_s;
        values << filter.since;
    }
    if (filter.until.isValid()) {
        where << u"at < ?"_s;
        values << filter.until;
    }
    if (after) { // the next page: keyset paging, on the stored microseconds (a QDateTime keeps only ms)
        where << u"(at, chain, seq) > (timestamptz 'epoch' + ?::bigint * interval '1 microsecond', ?, ?)"_s;
        values << after->atMicroseconds << after->chain << after->seq;
    }
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    // A page is quick; the whole history at once (the CLI) may take longer than a statement usually may.
    QSqlQuery(db).exec(limit > 0 ? u"SET statement_timeout = 10000"_s : u"SET statement_timeout = 0"_s);
    QSqlQuery query(db);
    query.setForwardOnly(true); // streamed: a year of a team's records never sits in memory at once
    query.prepare(u"SELECT at, event, outcome, operator, inserted_by, organization_id, organization_name,"
                  " invitation_id, email, ticket, chain, seq,"
                  " (extract(epoch FROM at) * 1000000)::bigint FROM invitedesk_audit"_s
                  + (where.isEmpty() ? QString() : u" WHERE "_s + where.join(u" AND "_s))
                  + u" ORDER BY at, chain, seq"_s + (limit > 0 ? u" LIMIT "_s + QString::number(limit) : QString()));
    for (const QVariant &value : std::as_const(values))
        query.addBindValue(value);
    if (!query.exec()) {
        *error = sqlMessage(query.lastError());
        *problem = classify(query.lastError());
        return false;
    }
    while (query.next()) {
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
        row.atMicroseconds = query.value(12).toLongLong();
        each(row);
    }
    if (query.lastError().isValid()) {
        *error = sqlMessage(query.lastError());
        *problem = classify(query.lastError());
        return false;
    }
    return true;
}

} // namespace InviteDesk
