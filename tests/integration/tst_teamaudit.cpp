// The team audit store on a real PostgreSQL: two agents at once, the database killed mid-run, a
// duplicate refused by the schema, agents who cannot alter history, and bad URLs, passwords and TLS.

#include "core/audit/AuditLog.h"
#include "core/audit/TeamAudit.h"
#include "gui/teamaudit/TeamActivityModel.h"
#include "gui/teamaudit/TeamActivityPanel.h"
#include "support/CliHarness.h"
#include "support/RealParts.h"
#include "support/ScriptedPrompts.h"
#include "support/TestSandbox.h"

#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QTemporaryDir>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>
#include <QtTest/QTest>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>

using namespace Qt::StringLiterals;
using namespace InviteDesk;
using namespace InviteDesk::Sandbox;
using namespace InviteDesk::Testing;

namespace {

/*! The hashes of a local log's complete records, in order. */
QStringList localHashes(const QString &path)
{
    QStringList hashes;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return hashes;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine();
        if (line.endsWith('\n'))
            hashes << QJsonDocument::fromJson(line).object().value("hash"_L1).toString();
    }
    return hashes;
}

} // namespace

class TestTeamAudit : public QObject
{
    Q_OBJECT

    TestPostgres m_pg;
    std::unique_ptr<ClerkSandbox> m_sandbox;
    QTemporaryDir m_scratch;

    TeamAuditTarget target(const QString &user, const QString &password, const QString &query = {}) const
    {
        QString error;
        const QString url = u"postgresql://%1@127.0.0.1:%2/audit%3"_s.arg(user).arg(m_pg.port()).arg(query);
        std::optional<TeamAuditTarget> t = TeamAuditTarget::parse(url, &error);
        if (!t)
            qFatal("%s", qPrintable(error));
        t->password = password;
        return *t;
    }
    QString agentUrl(const QString &user, const QString &query = {}) const
    {
        return u"postgresql://%1@127.0.0.1:%2/audit%3"_s.arg(user).arg(m_pg.port()).arg(query);
    }

    /*! A connection of the test's own (as admin, or as an agent to try what agents may not do). */
    QSqlDatabase sql(const QString &name, const QString &user, const QString &password, const QString &database = u"audit"_s)
    {
        QSqlDatabase db = QSqlDatabase::contains(name) ? QSqlDatabase::database(name, false)
                                                        : QSqlDatabase::addDatabase(u"QPSQL"_s, name);
        db.setHostName(u"127.0.0.1"_s);
        db.setPort(m_pg.port());
        db.setDatabaseName(database);
        db.setUserName(user);
        db.setPassword(password);
        db.setConnectOptions(u"sslmode=disable;connect_timeout=5"_s);
        db.close(); // a fresh connection each time: the server may have been killed and restarted since
        if (!db.open())
            qWarning("cannot connect as %s: %s", qPrintable(user), qPrintable(db.lastError().text()));
        return db;
    }
    bool exec(QSqlDatabase db, const QString &statement, QString *error = nullptr)
    {
        QSqlQuery query(db);
        const bool ok = query.exec(statement);
        if (!ok && error)
            *error = query.lastError().databaseText();
        return ok;
    }
    qint64 count(const QString &where = u"true"_s)
    {
        QSqlQuery query(sql(u"admin-audit"_s, u"admin"_s, TestPostgres::adminPassword()));
        if (!query.exec(u"SELECT count(*) FROM invitedesk_audit WHERE "_s + where) || !query.next())
            return -1;
        return query.value(0).toLongLong();
    }
    /*! The hashes the store holds for the chain that starts with \a firstHash, in order. */
    QStringList storedHashes(const QString &firstHash)
    {
        QStringList hashes;
        QSqlQuery query(sql(u"admin-audit"_s, u"admin"_s, TestPostgres::adminPassword()));
        query.prepare(u"SELECT hash FROM invitedesk_audit WHERE chain = ? ORDER BY seq"_s);
        query.addBindValue(firstHash);
        if (query.exec())
            while (query.next())
                hashes << query.value(0).toString();
        return hashes;
    }
    /*! A local log with \a n revokes recorded (intent and outcome each), as a window or CLI writes it. */
    QString writeLocalLog(const QString &name, int n)
    {
        // One log per agent and test: an earlier test's records stay out of this one.
        const QString path = m_scratch.filePath(QLatin1StringView(QTest::currentTestFunction()) + u'/' + name + u"/audit.jsonl"_s);
        AuditLog log(path);
        AuditContext context;
        context.operatorName = name;
        context.profile = u"test"_s;
        log.setContext(context);
        for (int i = 0; i < n; ++i) {
            RevokeItem item;
            item.organizationId = u"org_1"_s;
            item.organizationName = u"Acme 100%_Corp"_s;
            item.ticket = u"SUP-"_s + name;
            item.invitationId = u"orginv_%1_%2"_s.arg(name).arg(i);
            item.emailAddress = u"person%1@example.com"_s.arg(i);
            QString why;
            if (!log.recordIntent(item, &why))
                qFatal("%s", qPrintable(why));
            RevokeResult result;
            result.outcome = RevokeOutcome::Revoked;
            if (!log.recordOutcome(item, result, &why))
                qFatal("%s", qPrintable(why));
        }
        return path;
    }
    QStringList pendingIds(int count, int skip = 0) { return Testing::pendingIds(*m_sandbox, u"acme"_s, count, skip); }
    static std::function<void(QProcess &)> withPassword(const QString &password)
    {
        return [password](QProcess &p) {
            QProcessEnvironment env = p.processEnvironment();
            env.insert(u"INVITEDESK_AUDIT_PASSWORD"_s, password);
            env.remove(u"INVITEDESK_AUDIT_URL"_s);
            env.remove(u"PGPASSWORD"_s);
            p.setProcessEnvironment(env);
        };
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!TestPostgres::available())
            QFAIL("PostgreSQL is not installed (Debian: postgresql); .ci/install-deps installs it");
        QVERIFY(QSqlDatabase::isDriverAvailable(u"QPSQL"_s)); // Debian: libqt6sql6-psql
        QVERIFY2(m_pg.start(), qPrintable(m_pg.log()));
        // The least-privilege setup of docs/TEAM-AUDIT.md: an owner who creates the tables once, agents
        // who may add and read records and nothing else.
        QSqlDatabase admin = sql(u"admin"_s, u"admin"_s, TestPostgres::adminPassword(), u"postgres"_s);
        QVERIFY(admin.isOpen());
        for (const QString &statement :
             {u"CREATE ROLE audit_owner LOGIN PASSWORD 'owner-pw'"_s, u"CREATE ROLE agent1 LOGIN PASSWORD 'agent1-pw'"_s,
              u"CREATE ROLE agent2 LOGIN PASSWORD 'agent2-pw'"_s, u"CREATE DATABASE audit OWNER audit_owner"_s}) {
            QString error;
            QVERIFY2(exec(admin, statement, &error), qPrintable(error));
        }
        // An agent cannot create the tables: the first use says who must.
        TeamAuditStore early(target(u"agent1"_s, u"agent1-pw"_s));
        const TeamAuditStore::Check refused = early.verify();
        QCOMPARE(refused.problem, TeamAuditProblem::Schema);
        QVERIFY2(refused.error.contains("TEAM-AUDIT.md"_L1), qPrintable(refused.error));

        TeamAuditStore owner(target(u"audit_owner"_s, u"owner-pw"_s));
        const TeamAuditStore::Check created = owner.verify();
        QVERIFY2(created.problem == TeamAuditProblem::None, qPrintable(created.error));
        QSqlDatabase asOwner = sql(u"owner"_s, u"audit_owner"_s, u"owner-pw"_s);
        QString error;
        for (const QString &grant : {u"GRANT SELECT ON invitedesk_audit, invitedesk_audit_schema TO agent1, agent2"_s,
                                     u"GRANT INSERT (chain, seq, hash, prev, at, event, operator, organization_id, "
                                     "organization_name, invitation_id, email, outcome, ticket, record) "
                                     "ON invitedesk_audit TO agent1, agent2"_s})
            QVERIFY2(exec(asOwner, grant, &error), qPrintable(error));
    }

    void init()
    {
        QString error;
        QVERIFY2(exec(sql(u"admin-audit"_s, u"admin"_s, TestPostgres::adminPassword()), u"TRUNCATE invitedesk_audit"_s, &error),
                 qPrintable(error));
        m_sandbox = startSandbox();
    }

    void cleanup() { m_sandbox.reset(); }

    void cleanupTestCase()
    {
        for (const QString &name : QSqlDatabase::connectionNames()) {
            QSqlDatabase::database(name, false).close();
            QSqlDatabase::removeDatabase(name);
        }
    }

    void urlsAreParsedStrictlyWithSafeTlsDefaults()
    {
        QString error;
        QVERIFY(!TeamAuditTarget::parse(u"http://db.example.com/audit"_s, &error));
        QVERIFY(error.contains("postgresql://"_L1));
        QVERIFY(!TeamAuditTarget::parse(u"postgresql://agent@db.example.com"_s, &error));
        QVERIFY(error.contains("database"_L1));
        QVERIFY(!TeamAuditTarget::parse(u"postgresql://agent@db.example.com/audit?sslmode=sometimes"_s, &error));
        QVERIFY(!TeamAuditTarget::parse(u"postgresql://agent@db.example.com/audit?host=evil"_s, &error));
        QVERIFY(error.contains("host"_L1));
        QCOMPARE(TeamAuditTarget::parse(u"postgresql://agent@db.example.com/audit"_s, &error)->sslMode, u"verify-full"_s);
        QCOMPARE(TeamAuditTarget::parse(u"postgresql://agent@127.0.0.1:5433/audit"_s, &error)->sslMode, u"prefer"_s);
        const std::optional<TeamAuditTarget> full =
            TeamAuditTarget::parse(u"postgres://agent:pw@db.example.com:6543/audit?sslmode=require"_s, &error);
        QVERIFY(full);
        QCOMPARE(full->port, 6543);
        QCOMPARE(full->password, u"pw"_s);
        QVERIFY(!full->display().contains("pw"_L1)); // messages never show the password
    }

    void agentsMayAddAndReadButNeverAlterHistory()
    {
        const QString log = writeLocalLog(u"alice"_s, 3);
        TeamAuditStore store(target(u"agent1"_s, u"agent1-pw"_s));
        const TeamAuditStore::Sync first = store.sync(log);
        QVERIFY2(first.ok(), qPrintable(first.error));
        QCOMPARE(first.sent, 6);
        QCOMPARE(first.waiting, 0);
        QCOMPARE(storedHashes(localHashes(log).first()), localHashes(log));

        QSqlDatabase agent = sql(u"agent1"_s, u"agent1"_s, u"agent1-pw"_s);
        QString error;
        QVERIFY(!exec(agent, u"UPDATE invitedesk_audit SET email = 'someone@else.example' WHERE seq = 2"_s, &error));
        QVERIFY2(error.contains("permission denied"_L1), qPrintable(error));
        QVERIFY(!exec(agent, u"DELETE FROM invitedesk_audit WHERE seq = 2"_s, &error));
        QVERIFY2(error.contains("permission denied"_L1), qPrintable(error));
        QVERIFY(!exec(agent, u"TRUNCATE invitedesk_audit"_s, &error));
        // The schema refuses a second copy of a record, with or without a new place in the chain.
        QVERIFY(!exec(agent,
                      u"INSERT INTO invitedesk_audit (chain, seq, hash, prev, at, event, operator, record)"
                      " SELECT chain, seq, hash || 'x', prev, at, event, operator, record FROM invitedesk_audit WHERE seq = 1"_s,
                      &error));
        QVERIFY2(error.contains("duplicate key"_L1), qPrintable(error));
        QVERIFY(!exec(agent,
                      u"INSERT INTO invitedesk_audit (chain, seq, hash, prev, at, event, operator, record)"
                      " SELECT chain, 99, hash, prev, at, event, operator, record FROM invitedesk_audit WHERE seq = 1"_s,
                      &error));
        QVERIFY2(error.contains("duplicate key"_L1), qPrintable(error));
        QCOMPARE(count(), 6);
    }

    void aNewProcessSendsOnlyWhatTheStoreLacks()
    {
        const QString log = writeLocalLog(u"bob"_s, 4);
        {
            TeamAuditStore store(target(u"agent1"_s, u"agent1-pw"_s));
            QCOMPARE(store.sync(log).sent, 8);
        }
        // A new process knows nothing of what the last one sent: it asks the store, and sends the rest only.
        writeLocalLog(u"bob"_s, 1);
        TeamAuditStore again(target(u"agent1"_s, u"agent1-pw"_s));
        const TeamAuditStore::Sync sync = again.sync(log);
        QVERIFY2(sync.ok(), qPrintable(sync.error));
        QCOMPARE(sync.sent, 2);
        QCOMPARE(again.sync(log).sent, 0);
        QCOMPARE(storedHashes(localHashes(log).first()), localHashes(log));
        QCOMPARE(count(), 10);
    }

    void fiveSyncsOfOneLogAtOnceInsertEachRecordOnce()
    {
        // A window and CLIs of one agent share one local log, so they may send the same records at the
        // same moment: the store takes each once, and none of them fails for it.
        CliHarness cli(m_sandbox.get());
        {
            AuditLog log(cli.auditLogPath());
            for (int i = 0; i < 200; ++i)
                QVERIFY(log.append(QJsonObject{{"event"_L1, u"note"_s}, {"operator"_L1, u"dave"_s}, {"n"_L1, i}}));
        }
        std::vector<std::unique_ptr<QProcess>> syncs;
        for (int i = 0; i < 5; ++i)
            syncs.push_back(cli.start({u"--audit-url"_s, agentUrl(u"agent1"_s), u"audit"_s, u"sync"_s},
                                      SandboxOptions::defaultProductionKey(), true, withPassword(u"agent1-pw"_s)));
        int sent = 0;
        for (const auto &process : syncs) {
            const CliHarness::Run run = CliHarness::finish(*process);
            QVERIFY2(run.exitCode == 0, run.err.constData());
            sent += QByteArray(run.out).split(' ').value(1).toInt(); // "URL: N records sent; none waiting"
        }
        QCOMPARE(sent, 200); // each record inserted by exactly one of them
        const QStringList local = localHashes(cli.auditLogPath());
        QCOMPARE(storedHashes(local.first()), local);
    }

    void onlyDurableRecordsAreSent()
    {
        // A line written but not synced (a crash or a full disk before the fsync) may be taken back; the
        // head file names the newest durable record, and nothing after it goes out.
        const QString log = writeLocalLog(u"erin"_s, 2);
        QFile file(log);
        QVERIFY(file.open(QIODevice::Append));
        file.write("{\"event\":\"intent\",\"hash\":\"ffff\",\"operator\":\"erin\",\"prev\":\"x\",\"seq\":5}\n");
        file.write("{\"event\":\"intent\",\"seq\":6"); // and a torn last line
        file.close();
        TeamAuditStore store(target(u"agent1"_s, u"agent1-pw"_s));
        const TeamAuditStore::Sync sync = store.sync(log);
        QVERIFY2(sync.ok(), qPrintable(sync.error));
        QCOMPARE(sync.sent, 4);
        QCOMPARE(count(), 4);
    }

    void anotherAgentsForgedRecordIsFoundAndNeverOverwritesHistory()
    {
        const QString log = writeLocalLog(u"frank"_s, 1);
        TeamAuditStore frank(target(u"agent1"_s, u"agent1-pw"_s));
        QVERIFY(frank.sync(log).ok());
        // agent2 writes the next record of frank's chain before frank does, with a valid chain link and
        // hash, and claims frank as its operator. It cannot set who sent it.
        QSqlDatabase mallory = sql(u"agent2"_s, u"agent2"_s, u"agent2-pw"_s);
        QString error;
        QVERIFY(!exec(mallory,
                      u"INSERT INTO invitedesk_audit (chain, seq, hash, prev, at, event, operator, record, inserted_by)"
                      " SELECT chain, 3, 'f0', hash, at, event, operator, record, 'agent1' FROM invitedesk_audit WHERE seq = 2"_s,
                      &error));
        QVERIFY2(error.contains("permission denied"_L1), qPrintable(error));
        QJsonObject forged{{"event"_L1, u"outcome"_s}, {"operator"_L1, u"frank"_s}, {"seq"_L1, 3},
                           {"prev"_L1, localHashes(log).last()}, {"time"_L1, u"2026-12-01T00:00:00.000Z"_s}};
        const QString forgedHash = QString::fromLatin1(AuditLog::hashRecord(forged));
        forged.insert("hash"_L1, forgedHash);
        QSqlQuery insert(mallory);
        insert.prepare(u"INSERT INTO invitedesk_audit (chain, seq, hash, prev, at, event, operator, record)"
                       " VALUES (?, 3, ?, ?, now(), 'outcome', 'frank', ?)"_s);
        insert.addBindValue(localHashes(log).first());
        insert.addBindValue(forgedHash);
        insert.addBindValue(localHashes(log).last());
        insert.addBindValue(QString::fromUtf8(QJsonDocument(forged).toJson(QJsonDocument::Compact)));
        QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));

        // Frank's real record 3 is not swallowed: the sync stops and says the store differs.
        writeLocalLog(u"frank"_s, 1);
        const TeamAuditStore::Sync sync = frank.sync(log);
        QCOMPARE(sync.problem, TeamAuditProblem::Diverged);
        QVERIFY2(sync.error.contains("different record 3"_L1), qPrintable(sync.error));
        // verify names the row another role wrote into frank's history, and the local record it hides.
        const TeamAuditStore::Check check = frank.verify(log);
        QVERIFY(!check.intact());
        QVERIFY2(check.chains.first().problems.join(u'\n').contains("sent by the database role agent2"_L1),
                 qPrintable(check.chains.first().problems.join(u'\n')));
        QVERIFY2(check.localProblems.join(u'\n').contains("local record 3 differs"_L1), qPrintable(check.localProblems.join(u'\n')));
    }

    void theTeamsActivityIsListedAcrossAgentsWithFilters()
    {
        TeamAuditStore alice(target(u"agent1"_s, u"agent1-pw"_s));
        TeamAuditStore bob(target(u"agent2"_s, u"agent2-pw"_s));
        QVERIFY(alice.sync(writeLocalLog(u"alice"_s, 3)).ok());
        QVERIFY(bob.sync(writeLocalLog(u"bob"_s, 2)).ok());
        CliHarness cli(m_sandbox.get());
        int failures = 0;
        auto team = [&](const QStringList &filters) {
            const std::unique_ptr<QProcess> p =
                cli.start(QStringList{u"--audit-url"_s, agentUrl(u"agent1"_s), u"audit"_s, u"team"_s, u"--format"_s, u"json"_s}
                              + filters,
                          SandboxOptions::defaultProductionKey(), true, withPassword(u"agent1-pw"_s));
            const CliHarness::Run run = CliHarness::finish(*p);
            if (run.exitCode != 0) {
                ++failures;
                qWarning("%s", run.err.constData());
            }
            return QJsonDocument::fromJson(run.out).array();
        };
        QCOMPARE(team({}).size(), 5);                       // what happened: the outcomes, not the intents
        QCOMPARE(team({u"--intents"_s}).size(), 10);
        const QJsonArray bobs = team({u"--agent"_s, u"agent2"_s}); // the database role that sent them
        QCOMPARE(bobs.size(), 2);
        QCOMPARE(bobs.first().toObject().value("agent"_L1).toString(), u"bob"_s);
        QCOMPARE(bobs.first().toObject().value("sent_by"_L1).toString(), u"agent2"_s);
        QCOMPARE(team({u"--agent"_s, u"alice"_s}).size(), 3); // or the operator the record names
        QCOMPARE(team({u"--email"_s, u"PERSON1@example.com"_s}).size(), 2);
        QCOMPARE(team({u"--ticket"_s, u"SUP-bob"_s}).size(), 2);
        QCOMPARE(team({u"--organization"_s, u"100%_corp"_s}).size(), 5); // part of the name…
        QCOMPARE(team({u"--organization"_s, u"1%corp"_s}).size(), 0);     // …with % and _ taken literally
        QCOMPARE(team({u"--since"_s, QDate::currentDate().addDays(2).toString(Qt::ISODate)}).size(), 0);
        QCOMPARE(team({u"--until"_s, QDate::currentDate().addDays(2).toString(Qt::ISODate)}).size(), 5);
        // A time is a time, not the midnight of its date.
        const QString inAMinute = QDateTime::currentDateTimeUtc().addSecs(60).toString(Qt::ISODate);
        QCOMPARE(team({u"--until"_s, inAMinute}).size(), 5);
        QCOMPARE(team({u"--since"_s, inAMinute}).size(), 0);
        QCOMPARE(failures, 0);

        const std::unique_ptr<QProcess> csv =
            cli.start({u"--audit-url"_s, agentUrl(u"agent1"_s), u"audit"_s, u"team"_s, u"--format"_s, u"csv"_s},
                      SandboxOptions::defaultProductionKey(), true, withPassword(u"agent1-pw"_s));
        const CliHarness::Run run = CliHarness::finish(*csv);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.startsWith("time,agent,sent_by,event,outcome,organization_id"), run.out.constData());
        QCOMPARE(run.out.count('\n'), 6);
        for (const QStringList &wrong : {QStringList{u"team"_s, u"--since"_s, u"yesterday"_s},
                                          QStringList{u"team"_s, u"--since"_s, u"2026-11-30T14:00:00"_s}, // no offset
                                          QStringList{u"export"_s, u"--csv"_s, u"--since"_s, u"2026-11-30"_s},
                                          QStringList{u"team"_s, u"--csv"_s}})
            QCOMPARE(cli.run(QStringList{u"--audit-url"_s, agentUrl(u"agent1"_s), u"audit"_s} + wrong).exitCode, 2);
    }

    void theActivityIsReadAPageAtATimeInOrder()
    {
        TeamAuditStore alice(target(u"agent1"_s, u"agent1-pw"_s));
        TeamAuditStore bob(target(u"agent2"_s, u"agent2-pw"_s));
        QVERIFY(alice.sync(writeLocalLog(u"alice"_s, 3)).ok());
        QVERIFY(bob.sync(writeLocalLog(u"bob"_s, 4)).ok());
        TeamAuditProblem problem = TeamAuditProblem::None;
        QString error;
        QList<TeamActivityRow> all;
        QVERIFY(alice.activity({}, [&all](const TeamActivityRow &r) { all << r; }, &problem, &error));
        QCOMPARE(all.size(), 7);
        // Every page, pageSize at a time, each starting after the last row of the one before.
        auto pageThrough = [&](int pageSize) {
            QList<TeamActivityRow> paged;
            std::optional<TeamActivityRow> last;
            for (int page = 0; page < 20; ++page) {
                QList<TeamActivityRow> rows;
                if (!alice.activity({}, [&rows](const TeamActivityRow &r) { rows << r; }, &problem, &error, pageSize,
                                    last ? &*last : nullptr)
                    || rows.isEmpty() || rows.size() > pageSize)
                    break;
                paged += rows;
                last = rows.constLast();
            }
            return paged;
        };
        QList<TeamActivityRow> paged = pageThrough(2);
        QCOMPARE(paged.size(), all.size()); // every record once, in the same order
        // Rows written by something else may carry microseconds a QDateTime cannot hold: still each once.
        QVERIFY(exec(sql(u"admin-audit"_s, u"admin"_s, TestPostgres::adminPassword()),
                     u"UPDATE invitedesk_audit SET at = at + (seq * 137 + 400) * interval '1 microsecond'"_s));
        all.clear();
        QVERIFY(alice.activity({}, [&all](const TeamActivityRow &r) { all << r; }, &problem, &error));
        paged = pageThrough(1);
        QCOMPARE(paged.size(), all.size());
        for (qsizetype i = 0; i < all.size(); ++i)
            QCOMPARE(paged.at(i).chain + QString::number(paged.at(i).seq), all.at(i).chain + QString::number(all.at(i).seq));
    }

    void theTeamActivityPanelListsFiltersAndExports()
    {
        TeamAuditStore bob(target(u"agent2"_s, u"agent2-pw"_s));
        QVERIFY(bob.sync(writeLocalLog(u"bob"_s, 3)).ok());
        ScriptedPrompts prompts;
        const QString csv = m_scratch.filePath(u"activity.csv"_s);
        prompts.onSaveFileName = [csv](const QString &) { return csv; };
        TeamActivityPanel panel(&prompts);
        panel.resize(900, 400);
        panel.show();
        QLabel *state = nullptr;
        for (QLabel *l : panel.findChildren<QLabel *>())
            if (l->accessibleName() == "Team activity status"_L1)
                state = l;
        QVERIFY(state);
        QVERIFY2(state->text().contains("no team audit database"_L1), qPrintable(state->text()));
        auto *email = [&] {
            for (QLineEdit *e : panel.findChildren<QLineEdit *>())
                if (e->accessibleName().contains("e-mail"_L1))
                    return e;
            return static_cast<QLineEdit *>(nullptr);
        }();
        QVERIFY(email);
        QVERIFY(!email->isEnabled()); // no store for this profile: nothing to ask
        for (QWidget *w : panel.findChildren<QWidget *>())
            if (qobject_cast<QLineEdit *>(w) || qobject_cast<QPushButton *>(w))
                QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));

        panel.setTarget(target(u"agent1"_s, u"agent1-pw"_s));
        QVERIFY(email->isEnabled());
        email->setText(u"person1@EXAMPLE.com"_s);
        QTest::keyClick(email, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(panel.model()->rowCount(), 1, 10'000);
        QCOMPARE(panel.model()->index(0, TeamActivityModel::Agent).data().toString(), u"bob"_s);
        QVERIFY(panel.model()->index(0, TeamActivityModel::Agent).data(Qt::ToolTipRole).toString().contains("agent2"_L1));

        QPushButton *exportButton = nullptr;
        for (QPushButton *b : panel.findChildren<QPushButton *>())
            if (b->accessibleName().contains("CSV"_L1))
                exportButton = b;
        QVERIFY(exportButton && exportButton->isEnabled());
        exportButton->click();
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QCOMPARE(text.count('\n'), 2);
        QVERIFY(text.contains("person1@example.com"));

        // A store that is not there: said in the panel, in bounded time, and the window never waits.
        TeamAuditTarget gone = target(u"agent1"_s, u"agent1-pw"_s);
        gone.port = freePort();
        panel.setTarget(gone);
        panel.search();
        QTRY_VERIFY_WITH_TIMEOUT(state->text().contains("did not answer"_L1), 15'000);
    }

    void verifyNamesEditedAndMissingRecordsInTheStore()
    {
        const QString log = writeLocalLog(u"carol"_s, 3);
        TeamAuditStore store(target(u"agent2"_s, u"agent2-pw"_s));
        QVERIFY(store.sync(log).ok());
        TeamAuditStore::Check check = store.verify(log);
        QVERIFY2(check.intact(), qPrintable(check.error + check.localProblems.join(u';')));
        QCOMPARE(check.chains.size(), 1);
        QCOMPARE(check.chains.first().records, 6);
        QCOMPARE(check.chains.first().operatorName, u"carol"_s);

        // Someone with more rights than an agent edits one record and deletes another.
        QSqlDatabase admin = sql(u"admin-audit"_s, u"admin"_s, TestPostgres::adminPassword());
        QVERIFY(exec(admin, u"UPDATE invitedesk_audit SET record = replace(record, 'person1@', 'nobody@') WHERE seq = 3"_s));
        QVERIFY(exec(admin, u"DELETE FROM invitedesk_audit WHERE seq = 5"_s));
        check = store.verify(log);
        QVERIFY(!check.intact());
        const QString problems = check.chains.first().problems.join(u'\n');
        QVERIFY2(problems.contains("record 3 was changed"_L1), qPrintable(problems));
        QVERIFY2(problems.contains("record 5 is missing"_L1), qPrintable(problems));
        QVERIFY2(check.localProblems.join(u'\n').contains("local record 5 is missing"_L1), qPrintable(check.localProblems.join(u'\n')));
    }

    void twoAgentsRevokingAtOnceEndWithEveryRecordOnce()
    {
        CliHarness alice(m_sandbox.get());
        CliHarness bob(m_sandbox.get());
        const QStringList forAlice = pendingIds(12);
        const QStringList forBob = pendingIds(12, 12);
        const std::unique_ptr<QProcess> a =
            alice.start(QStringList{u"--audit-url"_s, agentUrl(u"agent1"_s), u"revoke"_s, u"acme"_s, u"--yes"_s} + forAlice,
                        SandboxOptions::defaultProductionKey(), true, withPassword(u"agent1-pw"_s));
        const std::unique_ptr<QProcess> b =
            bob.start(QStringList{u"--audit-url"_s, agentUrl(u"agent2"_s), u"revoke"_s, u"acme"_s, u"--yes"_s} + forBob,
                      SandboxOptions::defaultProductionKey(), true, withPassword(u"agent2-pw"_s));
        const CliHarness::Run runA = CliHarness::finish(*a);
        const CliHarness::Run runB = CliHarness::finish(*b);
        QVERIFY2(runA.exitCode == 0, runA.err.constData());
        QVERIFY2(runB.exitCode == 0, runB.err.constData());
        QVERIFY2(!runA.err.contains("waiting"), runA.err.constData());
        for (const CliHarness *agent : {&alice, &bob}) {
            const QStringList local = localHashes(agent->auditLogPath());
            QCOMPARE(local.size(), 24); // an intent and an outcome for each
            QCOMPARE(storedHashes(local.first()), local);
        }
        QCOMPARE(count(), 48);
        QCOMPARE(count(u"event = 'outcome' AND outcome = 'revoked'"_s), 24);
    }

    void postgresKilledMidRunLosesNothing()
    {
        CliHarness cli(m_sandbox.get());
        const QStringList ids = pendingIds(40);
        // 2% of the production budget: about 2 revokes a second, so the run outlasts the database.
        const std::unique_ptr<QProcess> run = cli.start(
            QStringList{u"--audit-url"_s, agentUrl(u"agent1"_s), u"revoke"_s, u"acme"_s, u"--yes"_s, u"--rate-budget"_s, u"2"_s}
                + ids,
            SandboxOptions::defaultProductionKey(), true, withPassword(u"agent1-pw"_s));
        QVERIFY(QTest::qWaitFor([this] { return count() >= 4; }, 30'000)); // records arrive while it runs
        QVERIFY(m_pg.kill());
        const CliHarness::Run finished = CliHarness::finish(*run);
        QVERIFY2(finished.exitCode == 0, finished.err.constData()); // the revokes went on
        QVERIFY2(finished.err.contains("records waiting"), finished.err.constData());
        const QString log = cli.auditLogPath();
        QVERIFY(AuditLog::verify(log).ok);

        CliHarness::Run sync = cli.run({u"--audit-url"_s, agentUrl(u"agent1"_s), u"audit"_s, u"sync"_s});
        // (the harness's own environment has no password; the store is down anyway)
        QCOMPARE(sync.exitCode, 6);
        QVERIFY2(sync.err.contains("wait in the local log"), sync.err.constData());

        QVERIFY2(m_pg.resume(), qPrintable(m_pg.log()));
        const std::unique_ptr<QProcess> again = cli.start({u"--audit-url"_s, agentUrl(u"agent1"_s), u"audit"_s, u"sync"_s},
                                                          SandboxOptions::defaultProductionKey(), true, withPassword(u"agent1-pw"_s));
        sync = CliHarness::finish(*again);
        QVERIFY2(sync.exitCode == 0, sync.err.constData());
        const QStringList local = localHashes(log);
        QCOMPARE(local.size(), 80);
        QCOMPARE(storedHashes(local.first()), local); // record for record, none twice
        const std::unique_ptr<QProcess> verify = cli.start({u"--audit-url"_s, agentUrl(u"agent1"_s), u"audit"_s, u"verify"_s},
                                                           SandboxOptions::defaultProductionKey(), true, withPassword(u"agent1-pw"_s));
        const CliHarness::Run verified = CliHarness::finish(*verify);
        QVERIFY2(verified.exitCode == 0, verified.err.constData());
        QVERIFY2(verified.out.contains("80 records, chain intact"), verified.out.constData());
    }

    void badUrlWrongPasswordAndTlsRefusalAreClearAndLoseNothing()
    {
        CliHarness cli(m_sandbox.get());
        CliHarness::Run bad = cli.run({u"--audit-url"_s, u"mysql://agent@127.0.0.1/audit"_s, u"audit"_s, u"sync"_s});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains("postgresql://USER@HOST"), bad.err.constData());
        bad = cli.run({u"--audit-url"_s, u"postgresql://agent1:agent1-pw@127.0.0.1/audit"_s, u"audit"_s, u"sync"_s});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains("INVITEDESK_AUDIT_PASSWORD") && !bad.err.contains("agent1-pw"), bad.err.constData());

        // A revoke with the wrong password goes on; its records wait, and a sync with the right one sends them.
        const std::unique_ptr<QProcess> revoke =
            cli.start(QStringList{u"--audit-url"_s, agentUrl(u"agent1"_s), u"revoke"_s, u"acme"_s, u"--yes"_s} + pendingIds(2),
                      SandboxOptions::defaultProductionKey(), true, withPassword(u"wrong"_s));
        const CliHarness::Run revoked = CliHarness::finish(*revoke);
        QVERIFY2(revoked.exitCode == 0, revoked.err.constData());
        QVERIFY2(revoked.err.contains("4 records waiting") && revoked.err.contains("password authentication failed"),
                 revoked.err.constData());
        QVERIFY(!revoked.err.contains("wrong"));

        std::unique_ptr<QProcess> sync = cli.start({u"--audit-url"_s, agentUrl(u"agent1"_s), u"audit"_s, u"sync"_s},
                                                   SandboxOptions::defaultProductionKey(), true, withPassword(u"wrong"_s));
        CliHarness::Run synced = CliHarness::finish(*sync);
        QCOMPARE(synced.exitCode, 3);
        QVERIFY2(synced.err.contains("password authentication failed") && synced.err.contains("4 records wait"),
                 synced.err.constData());

        // The test cluster has no TLS: a URL that demands it is refused, clearly, and nothing is sent.
        sync = cli.start({u"--audit-url"_s, agentUrl(u"agent1"_s, u"?sslmode=require"_s), u"audit"_s, u"sync"_s},
                         SandboxOptions::defaultProductionKey(), true, withPassword(u"agent1-pw"_s));
        synced = CliHarness::finish(*sync);
        QCOMPARE(synced.exitCode, 3); // a configuration to change, not a store to wait for
        QVERIFY2(synced.err.contains("SSL"), synced.err.constData());
        QCOMPARE(count(), 0);

        sync = cli.start({u"--audit-url"_s, agentUrl(u"agent1"_s), u"audit"_s, u"sync"_s},
                         SandboxOptions::defaultProductionKey(), true, withPassword(u"agent1-pw"_s));
        synced = CliHarness::finish(*sync);
        QVERIFY2(synced.exitCode == 0, synced.err.constData());
        QCOMPARE(storedHashes(localHashes(cli.auditLogPath()).first()), localHashes(cli.auditLogPath()));
    }
};

QTEST_MAIN(TestTeamAudit)
#include "tst_teamaudit.moc"
