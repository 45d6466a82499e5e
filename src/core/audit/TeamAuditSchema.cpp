#include "core/audit/TeamAuditSchema.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QStringList>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

using namespace Qt::StringLiterals;

namespace InviteDesk::TeamAuditSchema {

namespace {

/*! Version 1's tables, as it created them (in public before version 2 moved them). */
const QStringList &createTables()
{
    static const QStringList statements = {
        u"CREATE TABLE IF NOT EXISTS invitedesk.invitedesk_audit_schema (version integer PRIMARY KEY)"_s,
        // One row per record of an agent's local log. chain: the hash of that log's first record.
        // record: the line exactly as written locally, so its hash can be checked here.
        u"CREATE TABLE IF NOT EXISTS invitedesk.invitedesk_audit ("
        " chain text NOT NULL, seq bigint NOT NULL CHECK (seq > 0), hash text NOT NULL UNIQUE,"
        " prev text NOT NULL, at timestamptz NOT NULL, event text NOT NULL, operator text NOT NULL,"
        " organization_id text, organization_name text, invitation_id text, email text, outcome text,"
        " ticket text, record text NOT NULL, received timestamptz NOT NULL DEFAULT now(),"
        " inserted_by text NOT NULL DEFAULT session_user,"
        " PRIMARY KEY (chain, seq))"_s,
    };
    return statements;
}

/*! Version 2: the database keeps the rows truthful (see ensure()). */
const QStringList &version2()
{
    static const QStringList statements = {
        // Every column but chain and record comes from the record, whatever the sender put there; the
        // chain's rules hold at insert. SECURITY DEFINER: the check reads the table whatever the
        // sender may read; session_user is still the role that logged in.
        u"CREATE OR REPLACE FUNCTION invitedesk.invitedesk_audit_derive() RETURNS trigger"
        " LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, invitedesk AS $fn$"
        " DECLARE r jsonb; before_row record;"
        " BEGIN"
        "  BEGIN r := NEW.record::jsonb;"
        "  EXCEPTION WHEN others THEN RAISE EXCEPTION 'InviteDesk: the record is not JSON' USING ERRCODE = 'IV001'; END;"
        "  IF jsonb_typeof(r) IS DISTINCT FROM 'object' OR jsonb_typeof(r->'seq') IS DISTINCT FROM 'number'"
        "     OR r->>'hash' IS NULL OR r->>'prev' IS NULL OR r->>'event' IS NULL OR r->>'time' IS NULL THEN"
        "   RAISE EXCEPTION 'InviteDesk: the record lacks seq, hash, prev, event or time' USING ERRCODE = 'IV001';"
        "  END IF;"
        // Sizes a record of InviteDesk's never reaches: rows stay small, so no one's listing can be made huge.
        "  IF length(NEW.record) > 65536 OR length(r->>'email') > 320 OR length(r->>'organization_name') > 1024"
        "     OR length(r->>'organization_id') > 256 OR length(r->>'invitation_id') > 256 OR length(r->>'ticket') > 256"
        "     OR length(r->>'operator') > 256 OR length(r->>'event') > 64 OR length(r->>'outcome') > 64 THEN"
        "   RAISE EXCEPTION 'InviteDesk: the record, or a field of it, is larger than InviteDesk writes' USING ERRCODE = 'IV001';"
        "  END IF;"
        // A time with its offset (never the session's zone), and one a person could have lived.
        "  IF r->>'time' !~ '(Z|[+-][0-9]{2}(:?[0-9]{2})?)$' THEN"
        "   RAISE EXCEPTION 'InviteDesk: the record''s time names no offset' USING ERRCODE = 'IV001';"
        "  END IF;"
        "  NEW.at := (r->>'time')::timestamptz;"
        "  IF NOT isfinite(NEW.at) OR NEW.at < timestamptz '2000-01-01 00:00Z' OR NEW.at > timestamptz '2200-01-01 00:00Z' THEN"
        "   RAISE EXCEPTION 'InviteDesk: the record''s time is out of range' USING ERRCODE = 'IV001';"
        "  END IF;"
        // The hash is the record's own (SHA-256 of its line without the hash), so no row can take the
        // hash of another's record and keep that record out by the table's unique hash.
        "  NEW.hash := r->>'hash';"
        "  IF NEW.hash !~ '^[0-9a-f]{64}$' OR NEW.hash <> encode(sha256(convert_to("
        "       regexp_replace(NEW.record, ',\"hash\":\"[0-9a-f]{64}\"', ''), 'UTF8')), 'hex') THEN"
        "   RAISE EXCEPTION 'InviteDesk: the record''s hash is not its own' USING ERRCODE = 'IV001';"
        "  END IF;"
        "  NEW.seq := (r->>'seq')::bigint; NEW.prev := r->>'prev';"
        "  NEW.event := r->>'event'; NEW.operator := coalesce(r->>'operator', '');"
        "  NEW.organization_id := r->>'organization_id'; NEW.organization_name := r->>'organization_name';"
        "  NEW.invitation_id := r->>'invitation_id'; NEW.email := r->>'email'; NEW.outcome := r->>'outcome';"
        "  NEW.ticket := r->>'ticket'; NEW.inserted_by := session_user; NEW.received := now();"
        "  IF NEW.seq = 1 THEN"
        "   IF NEW.chain IS DISTINCT FROM NEW.hash OR NEW.prev <> repeat('0', 64) THEN"
        "    RAISE EXCEPTION 'InviteDesk: record 1 must name its chain (its own hash) and follow no record'"
        "     USING ERRCODE = 'IV001';"
        "   END IF;"
        "  ELSE"
        "   SELECT hash, inserted_by INTO before_row FROM invitedesk.invitedesk_audit"
        "    WHERE chain = NEW.chain AND seq = NEW.seq - 1;"
        "   IF NOT FOUND THEN"
        "    RAISE EXCEPTION 'InviteDesk: record % of chain % comes before record %', NEW.seq, left(NEW.chain, 12),"
        "     NEW.seq - 1 USING ERRCODE = 'IV001';"
        "   END IF;"
        "   IF before_row.inserted_by <> session_user THEN"
        "    RAISE EXCEPTION 'InviteDesk: chain % was started by the role %, not %', left(NEW.chain, 12),"
        "     before_row.inserted_by, session_user USING ERRCODE = 'IV002';"
        "   END IF;"
        "   IF before_row.hash <> NEW.prev THEN"
        "    RAISE EXCEPTION 'InviteDesk: record % does not follow record % of chain %', NEW.seq, NEW.seq - 1,"
        "     left(NEW.chain, 12) USING ERRCODE = 'IV001';"
        "   END IF;"
        "  END IF;"
        "  RETURN NEW;"
        " END $fn$"_s,
        u"DROP TRIGGER IF EXISTS invitedesk_audit_derive ON invitedesk.invitedesk_audit"_s,
        u"CREATE TRIGGER invitedesk_audit_derive BEFORE INSERT ON invitedesk.invitedesk_audit"
        " FOR EACH ROW EXECUTE FUNCTION invitedesk.invitedesk_audit_derive()"_s,
        // History is appended, never changed: an UPDATE, DELETE or TRUNCATE needs the trigger disabled first.
        u"CREATE OR REPLACE FUNCTION invitedesk.invitedesk_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$"
        " BEGIN RAISE EXCEPTION 'InviteDesk: the team audit table is append-only; % refused (docs/TEAM-AUDIT.md)', TG_OP"
        " USING ERRCODE = 'IV003'; END $fn$"_s,
        u"DROP TRIGGER IF EXISTS invitedesk_audit_append_only ON invitedesk.invitedesk_audit"_s,
        u"CREATE TRIGGER invitedesk_audit_append_only BEFORE UPDATE OR DELETE ON invitedesk.invitedesk_audit"
        " FOR EACH ROW EXECUTE FUNCTION invitedesk.invitedesk_audit_append_only()"_s,
        u"DROP TRIGGER IF EXISTS invitedesk_audit_no_truncate ON invitedesk.invitedesk_audit"_s,
        u"CREATE TRIGGER invitedesk_audit_no_truncate BEFORE TRUNCATE ON invitedesk.invitedesk_audit"
        " FOR EACH STATEMENT EXECUTE FUNCTION invitedesk.invitedesk_audit_append_only()"_s,
        // Watchers (the window's Team Activity) hear of new rows instead of asking again and again.
        u"CREATE OR REPLACE FUNCTION invitedesk.invitedesk_audit_notify() RETURNS trigger LANGUAGE plpgsql AS $fn$"
        " BEGIN PERFORM pg_notify('invitedesk_audit', ''); RETURN NULL; END $fn$"_s,
        u"DROP TRIGGER IF EXISTS invitedesk_audit_notify ON invitedesk.invitedesk_audit"_s,
        u"CREATE TRIGGER invitedesk_audit_notify AFTER INSERT ON invitedesk.invitedesk_audit"
        " FOR EACH STATEMENT EXECUTE FUNCTION invitedesk.invitedesk_audit_notify()"_s,
        // The filters of `audit team` and the Team Activity panel, each with its own index.
        u"CREATE INDEX IF NOT EXISTS invitedesk_audit_at ON invitedesk.invitedesk_audit (at, chain, seq)"_s,
        u"CREATE INDEX IF NOT EXISTS invitedesk_audit_organization ON invitedesk.invitedesk_audit (organization_id, at)"_s,
        u"CREATE INDEX IF NOT EXISTS invitedesk_audit_email ON invitedesk.invitedesk_audit (lower(email), at)"_s,
        u"CREATE INDEX IF NOT EXISTS invitedesk_audit_ticket ON invitedesk.invitedesk_audit (ticket, at)"_s,
        u"CREATE INDEX IF NOT EXISTS invitedesk_audit_operator ON invitedesk.invitedesk_audit (operator, at)"_s,
        u"CREATE INDEX IF NOT EXISTS invitedesk_audit_inserted_by ON invitedesk.invitedesk_audit (inserted_by, at)"_s,
        // Roles that used the version 1 table keep using it in its new schema.
        u"DO $do$ DECLARE g text; BEGIN"
        " FOR g IN SELECT DISTINCT a.grantee::regrole::text FROM pg_class c, aclexplode(c.relacl) a"
        "  WHERE c.oid = 'invitedesk.invitedesk_audit'::regclass AND a.grantee <> 0 AND a.grantee <> c.relowner LOOP"
        "  EXECUTE format('GRANT USAGE ON SCHEMA invitedesk TO %s', g);"
        " END LOOP; END $do$"_s,
        u"DELETE FROM invitedesk.invitedesk_audit_schema"_s,
        u"INSERT INTO invitedesk.invitedesk_audit_schema (version) VALUES (2)"_s,
    };
    return statements;
}

} // namespace

bool ensure(PgConnection &connection, TeamAuditProblem *problem, QString *error, QString *done)
{
    QSqlDatabase db = connection.database();
    QSqlQuery query(db);
    auto failed = [&](TeamAuditProblem kind, const QString &why) {
        *problem = kind;
        *error = why;
        return false;
    };
    if (!connection.exec(query, u"SELECT to_regclass('invitedesk.invitedesk_audit_schema') IS NOT NULL,"
                                " to_regclass('public.invitedesk_audit_schema') IS NOT NULL,"
                                " to_regnamespace('invitedesk') IS NOT NULL"_s)
        || !query.next()) {
        if (connection.lastError().contains("permission denied for schema"_L1))
            return failed(TeamAuditProblem::Schema,
                          QCoreApplication::translate("TeamAudit", "%1 may not use the team audit database's schema yet "
                                                                   "(%2): its owner creates InviteDesk's tables once "
                                                                   "and grants the agents their use, see "
                                                                   "docs/TEAM-AUDIT.md, steps 3 and 4")
                              .arg(connection.target().user, connection.lastError()));
        return failed(connection.lastProblem(), connection.lastError());
    }
    const bool current = query.value(0).toBool();
    const bool inPublic = query.value(1).toBool();
    const bool schemaExists = query.value(2).toBool();
    int found = 0;
    if (current || inPublic) {
        if (!connection.exec(query, current ? u"SELECT max(version) FROM invitedesk.invitedesk_audit_schema"_s
                                            : u"SELECT max(version) FROM public.invitedesk_audit_schema"_s)
            || !query.next())
            return failed(TeamAuditProblem::Schema,
                          QCoreApplication::translate("TeamAudit", "cannot read the team audit schema version: %1")
                              .arg(connection.lastError()));
        found = query.value(0).toInt();
    }
    if (found > version)
        return failed(TeamAuditProblem::Schema,
                      QCoreApplication::translate("TeamAudit", "the team audit database has schema version %1, newer than "
                                                               "this InviteDesk knows (%2); update InviteDesk")
                          .arg(found)
                          .arg(version));
    if (found == version)
        return true;

    // First use, or an older version: whoever may (the store's owner, docs/TEAM-AUDIT.md) creates or
    // migrates, in one transaction; two starting at once queue on the advisory lock, and the second
    // finds the work done.
    if (!connection.exec(query, u"BEGIN"_s) || !connection.exec(query, u"SELECT pg_advisory_xact_lock(7426031)"_s))
        return failed(connection.lastProblem(), connection.lastError());
    if (!connection.exec(query, u"SELECT max(version) FROM invitedesk.invitedesk_audit_schema"_s)) {
        connection.exec(query, u"ROLLBACK"_s); // not there yet: go on creating it
        if (!connection.exec(query, u"BEGIN"_s) || !connection.exec(query, u"SELECT pg_advisory_xact_lock(7426031)"_s))
            return failed(connection.lastProblem(), connection.lastError());
    } else if (query.next() && query.value(0).toInt() == version) {
        connection.exec(query, u"COMMIT"_s); // someone else migrated it meanwhile
        return true;
    }
    QStringList steps;
    if (!schemaExists)
        steps << u"CREATE SCHEMA invitedesk"_s;
    if (!current && inPublic)
        steps << u"ALTER TABLE public.invitedesk_audit SET SCHEMA invitedesk"_s
              << u"ALTER TABLE public.invitedesk_audit_schema SET SCHEMA invitedesk"_s;
    steps << createTables() << version2();
    for (const QString &step : std::as_const(steps)) {
        if (!connection.exec(query, step)) {
            const TeamAuditProblem kind = connection.lastProblem();
            const QString why = connection.lastError();
            connection.exec(query, u"ROLLBACK"_s);
            if (kind == TeamAuditProblem::Unreachable)
                return failed(kind, why);
            if (found > 0)
                return failed(TeamAuditProblem::Schema,
                              QCoreApplication::translate("TeamAudit", "the team audit database is at schema version %1 and "
                                                                       "%2 may not bring it to version %3 (%4); its owner "
                                                                       "does that once, see docs/TEAM-AUDIT.md")
                                  .arg(found)
                                  .arg(connection.target().user)
                                  .arg(version)
                                  .arg(why));
            return failed(TeamAuditProblem::Schema,
                          QCoreApplication::translate("TeamAudit", "the team audit database has no InviteDesk tables yet, "
                                                                   "and %1 may not create them (%2); its owner creates "
                                                                   "them once, see docs/TEAM-AUDIT.md")
                              .arg(connection.target().user, why));
        }
    }
    if (!connection.exec(query, u"COMMIT"_s))
        return failed(connection.lastProblem(), connection.lastError());
    if (done)
        *done = found > 0 ? QCoreApplication::translate("TeamAudit", "migrated InviteDesk's tables from schema version %1 "
                                                                     "to %2")
                                .arg(found)
                                .arg(version)
                          : QCoreApplication::translate("TeamAudit", "created InviteDesk's tables (schema version %1)")
                                .arg(version);
    return true;
}

QString excessRights(PgConnection &connection)
{
    QSqlQuery query(connection.database());
    if (!connection.exec(query, u"SELECT r.rolsuper, pg_has_role(c.relowner, 'MEMBER'),"
                                " has_table_privilege(c.oid, 'UPDATE'), has_table_privilege(c.oid, 'DELETE'),"
                                " has_table_privilege(c.oid, 'TRUNCATE')"
                                " FROM pg_class c, pg_roles r"
                                " WHERE c.oid = 'invitedesk.invitedesk_audit'::regclass AND r.rolname = current_user"_s)
        || !query.next())
        return {};
    QStringList can;
    if (query.value(0).toBool())
        can << QCoreApplication::translate("TeamAudit", "is a superuser");
    else if (query.value(1).toBool())
        can << QCoreApplication::translate("TeamAudit", "owns the table");
    if (query.value(2).toBool())
        can << QCoreApplication::translate("TeamAudit", "may UPDATE");
    if (query.value(3).toBool())
        can << QCoreApplication::translate("TeamAudit", "may DELETE");
    if (query.value(4).toBool())
        can << QCoreApplication::translate("TeamAudit", "may TRUNCATE");
    if (can.isEmpty())
        return {};
    return QCoreApplication::translate("TeamAudit", "the database role %1 %2: it could change the team's history; "
                                                    "agents should send with a role that may only add and read "
                                                    "records (docs/TEAM-AUDIT.md)")
        .arg(connection.target().user, can.join(u", "_s));
}

} // namespace InviteDesk::TeamAuditSchema
