// The team store read a page at a time, on a real PostgreSQL: `audit team` and `audit verify --audit-url`
// over several pages of 2,000 rows, with many rows that tie on the listing's time, in every format.
// Each page starts after the last row of the one before, by key: a page boundary inside a run of equal
// times must lose nothing and repeat nothing, and the output must be what one query in order gives.

#include "core/audit/TeamAudit.h"
#include "support/CliHarness.h"
#include "support/TeamStore.h"
#include "support/TestSandbox.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QSet>
#include <QtCore/QTemporaryDir>
#include <QtSql/QSqlQuery>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace InviteDesk;
using namespace InviteDesk::Sandbox;
using namespace InviteDesk::Testing;

class TestTeamPages : public QObject
{
    Q_OBJECT

    TeamStore m_store;
    std::unique_ptr<ClerkSandbox> m_sandbox;
    QTemporaryDir m_scratch;
    QString m_aliceLog;
    //! Revokes per agent: two records each, so 4,600 + 4,400 rows, five pages of 2,000 with intents.
    static constexpr int aliceRevokes = 2300;
    static constexpr int bobRevokes = 2200;
    static constexpr int rows = 2 * (aliceRevokes + bobRevokes);

    /*! Each row as the listing names it (its invitation and event are one row's), in the store's own order. */
    QStringList storedOrder(const QString &direction = {})
    {
        QStringList order;
        QSqlQuery query(m_store.privileged());
        if (query.exec(u"SELECT invitation_id || ' ' || event FROM invitedesk_audit ORDER BY at%1, chain%1, seq%1"_s.arg(direction)))
            while (query.next())
                order << query.value(0).toString();
        return order;
    }

    /*!
     * Runs of 1,400 rows at one time (700 of each agent's), some to the microsecond: the pages of 2,000
     * end inside them. (As someone with the table's owner rights could; verify would say so.)
     */
    bool makeTies()
    {
        return TeamStore::exec(m_store.privileged(),
                               u"UPDATE invitedesk_audit SET at = timestamptz '2026-11-01 09:00:00+00'"
                               " + ((seq - 1) / 700) * interval '1 second'"
                               " + CASE WHEN (seq - 1) / 700 % 2 = 1 THEN interval '137 microseconds' ELSE interval '0' END"_s);
    }

    CliHarness::Run cli(const QStringList &arguments)
    {
        CliHarness harness(m_sandbox.get());
        const std::unique_ptr<QProcess> process =
            harness.start(QStringList{u"--audit-url"_s, m_store.url(u"agent_ana"_s)} + arguments,
                          SandboxOptions::defaultProductionKey(), true, TeamStore::withPassword(u"agent_ana-pw"_s));
        return CliHarness::finish(*process);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!TestPostgres::available())
            QFAIL("PostgreSQL is not installed (Debian: postgresql); .ci/install-deps installs it");
        QString why;
        QVERIFY2(m_store.start(QStringLiteral(INVITEDESK_DOCS_DIR "/TEAM-AUDIT.md"), QStringLiteral(INVITEDESK_CLI_PATH), &why),
                 qPrintable(why));
        QVERIFY(m_store.clear());
        m_sandbox = startSandbox();
        m_aliceLog = m_scratch.filePath(u"alice/audit.jsonl"_s);
        const QString bobLog = m_scratch.filePath(u"bob/audit.jsonl"_s);
        TeamStore::writeLocalLog(m_aliceLog, u"alice"_s, aliceRevokes);
        TeamStore::writeLocalLog(bobLog, u"bob"_s, bobRevokes);
        QVERIFY(TeamAuditStore(m_store.target(u"agent_ana"_s)).sync(m_aliceLog).ok());
        QVERIFY(TeamAuditStore(m_store.target(u"agent_bob"_s)).sync(bobLog).ok());
        QCOMPARE(m_store.count(), qint64(rows));
    }

    void cleanupTestCase()
    {
        m_sandbox.reset();
        m_store.closeConnections();
    }

    void verifyReadsEveryChainAcrossPagesAndComparesTheLocalLog()
    {
        // Declared first: before the listing's tests rewrite the times. Each chain is read in pages by
        // (chain, seq), and this agent's local log beside it, record by record.
        const CliHarness::Run run = cli({u"audit"_s, u"verify"_s, u"--file"_s, m_aliceLog});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.contains(QByteArray("(alice, sent by agent_ana): " + QByteArray::number(2 * aliceRevokes) + " records, chain intact")),
                 run.out.constData());
        QVERIFY2(run.out.contains(QByteArray("(bob, sent by agent_bob): " + QByteArray::number(2 * bobRevokes) + " records, chain intact")),
                 run.out.constData());
    }

    void theListingIsWholeAndInOrderAcrossPagesOfTies_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("json") << u"json"_s;
        QTest::newRow("csv") << u"csv"_s;
        QTest::newRow("table") << u"table"_s;
    }

    void theListingIsWholeAndInOrderAcrossPagesOfTies()
    {
        QFETCH(QString, format);
        QVERIFY(makeTies());
        const CliHarness::Run run = cli({u"audit"_s, u"team"_s, u"--intents"_s, u"--format"_s, format});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QStringList listed;
        if (format == "json"_L1) {
            QJsonParseError error;
            const QJsonArray array = QJsonDocument::fromJson(run.out, &error).array();
            QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
            for (const QJsonValue &row : array)
                listed << row["invitation_id"_L1].toString() + u' ' + row["event"_L1].toString();
        } else {
            const QList<QByteArray> lines = run.out.trimmed().split('\n');
            QVERIFY(lines.size() > 1);
            const QList<QByteArray> header = lines.first().split(format == "csv"_L1 ? ',' : ' ');
            for (const QByteArray &line : lines.mid(1)) {
                // CSV: invitation_id is the 8th field, event the 4th; the table's columns are words apart.
                const QList<QByteArray> cells = format == "csv"_L1 ? line.split(',') : line.simplified().split(' ');
                QVERIFY2(cells.size() >= 8, line.constData());
                if (format == "csv"_L1)
                    listed << QString::fromUtf8(cells.at(7) + ' ' + cells.at(3));
                else
                    listed << QString::fromUtf8(line);
            }
        }
        QCOMPARE(listed.size(), rows);
        const QStringList expected = storedOrder();
        if (format == "table"_L1) { // the row's invitation and event are in its line, in the store's order
            for (qsizetype i = 0; i < rows; ++i) {
                const QStringList parts = expected.at(i).split(u' ');
                QVERIFY2(listed.at(i).contains(parts.at(0) + u' ') && listed.at(i).contains(parts.at(1)), qPrintable(listed.at(i)));
            }
            return;
        }
        QCOMPARE(QSet<QString>(listed.cbegin(), listed.cend()).size(), rows); // each row once
        QCOMPARE(listed, expected);                                          // and in order
    }

    void theCoreReadsNewestFirstAndFromACursorThePageWay()
    {
        QVERIFY(makeTies());
        TeamAuditStore store(m_store.target(u"agent_ana"_s));
        TeamAuditProblem problem = TeamAuditProblem::None;
        QString error;
        TeamActivityFilter filter;
        filter.withIntents = true;
        filter.newestFirst = true;
        QStringList listed;
        QVERIFY(store.activity(filter, [&](const TeamActivityRow &r) { listed << r.invitationId + u' ' + r.event; },
                               &problem, &error));
        QCOMPARE(listed, storedOrder(u" DESC"_s));
        // From a row inside a run of ties: exactly the rows after it, none twice.
        filter.newestFirst = false;
        QList<TeamActivityRow> firstPart;
        QVERIFY(store.activity(filter, [&](const TeamActivityRow &r) { firstPart << r; }, &problem, &error, 2100));
        QCOMPARE(firstPart.size(), 2100);
        QStringList rest;
        QVERIFY(store.activity(filter, [&](const TeamActivityRow &r) { rest << r.invitationId + u' ' + r.event; },
                               &problem, &error, 0, &firstPart.constLast()));
        QCOMPARE(rest, storedOrder().mid(2100));
    }

};

QTEST_GUILESS_MAIN(TestTeamPages)
#include "tst_teampages.moc"
