// The stale sweep (invitedesk-cli revoke --older-than), run as a user would, against an in-process sandbox:
// the dry run lists exactly the stale set, the run revokes exactly that set, under faults, and says so.

#include "core/domain/StaleRule.h"
#include "support/CliFixture.h"
#include "support/TestSandbox.h"

#include <QtCore/QDateTime>
#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QSet>
#include <QtCore/QStandardPaths>
#include <QtCore/QRegularExpression>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace InviteDesk;
using namespace InviteDesk::Sandbox;
using namespace InviteDesk::Testing;

class TestSweep : public CliFixture
{
    Q_OBJECT

    static constexpr qint64 day = 24LL * 3600 * 1000;

    /*! Pending invitations (of \a slug, or of every organization) created before \a cutoff. */
    QSet<QString> pendingCreatedBefore(qint64 cutoff, const QString &slug = {}) const
    {
        QSet<QString> ids;
        for (const SandboxOrganization &org : m_sandbox->store().organizations) {
            if (!slug.isEmpty() && org.slug != slug)
                continue;
            for (const SandboxInvitation &inv : org.invitations) {
                if (SandboxStore::effectiveStatus(inv, m_sandbox->now()) == "pending"_L1 && inv.createdAt < cutoff)
                    ids.insert(inv.id);
            }
        }
        return ids;
    }
    QSet<QString> pending(const QString &slug = {}) const { return pendingCreatedBefore(std::numeric_limits<qint64>::max(), slug); }

    static QSet<QString> idsOf(const QByteArray &json)
    {
        QSet<QString> ids;
        const QJsonArray array = QJsonDocument::fromJson(json).array();
        for (const QJsonValue &v : array)
            ids.insert(v["id"_L1].toString());
        return ids;
    }

private Q_SLOTS:
    void init() { startClean(); }
    void cleanup() { finish(); }

    void theRuleIsPendingStillUsableAndOlderThanTheSpan()
    {
        // One rule for the CLI's sweep and the window's quick filter (StaleRule).
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const StaleRule twoWeeks = *StaleRule::parse(u"2w"_s, nullptr);
        QCOMPARE(twoWeeks.spanMs(), 14 * day);
        Invitation inv;
        inv.status = InvitationStatus::Pending;
        inv.createdAt = now - 20 * day;
        inv.expiresAt = now + 10 * day;
        QVERIFY(twoWeeks.isStale(inv, now));
        inv.expiresAt = now - 1; // ran out since Clerk said "pending": no open door
        QVERIFY(!twoWeeks.isStale(inv, now));
        inv.expiresAt.reset(); // never expires
        QVERIFY(twoWeeks.isStale(inv, now));
        inv.status = InvitationStatus::Revoked;
        QVERIFY(!twoWeeks.isStale(inv, now));
        inv.status = InvitationStatus::Pending;
        inv.createdAt = now - 14 * day; // exactly the span: not longer than it
        QVERIFY(!twoWeeks.isStale(inv, now));
        inv.createdAt = now - 14 * day - 1;
        QVERIFY(twoWeeks.isStale(inv, now));
        QCOMPARE(StaleRule::days(3).describe(), u"3 days"_s);
        QCOMPARE(StaleRule::parse(u" 36H "_s, nullptr)->describe(), u"36 hours"_s);
    }

    void theDryRunListsExactlyTheStaleSetAcrossOrganizations_data()
    {
        QTest::addColumn<QString>("span");
        QTest::addColumn<qint64>("spanMs");
        QTest::addColumn<QString>("organization");
        QTest::newRow("14 days, every organization") << u"14d"_s << 14 * day << QString();
        QTest::newRow("2 weeks, every organization") << u"2w"_s << 14 * day << QString();
        QTest::newRow("500 hours, acme") << u"500h"_s << 500 * day / 24 << u"acme"_s;
        QTest::newRow("1 day, globex") << u"1d"_s << day << u"globex"_s;
    }

    void theDryRunListsExactlyTheStaleSetAcrossOrganizations()
    {
        QFETCH(QString, span);
        QFETCH(qint64, spanMs);
        QFETCH(QString, organization);
        const QSet<QString> before = pending();
        // Stale at the start is stale at the CLI's "now", which is stale at the end: between the two.
        const QSet<QString> surely = pendingCreatedBefore(QDateTime::currentMSecsSinceEpoch() - spanMs, organization);
        const QStringList scope = organization.isEmpty() ? QStringList{u"--all-orgs"_s} : QStringList{organization};
        const CliHarness::Run run =
            m_cli->run(QStringList{u"revoke"_s} + scope + QStringList{u"--older-than"_s, span, u"--dry-run"_s, u"--format"_s, u"json"_s});
        const QSet<QString> atMost = pendingCreatedBefore(QDateTime::currentMSecsSinceEpoch() - spanMs, organization);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QSet<QString> listed = idsOf(run.out);
        QVERIFY(surely.size() >= 10);        // a real set, not an empty one that would pass anything
        QVERIFY(surely.size() < before.size()); // and not everything
        QVERIFY2(surely - listed == QSet<QString>(), "a stale invitation is missing");
        QVERIFY2(listed - atMost == QSet<QString>(), "a fresh invitation is listed");
        QVERIFY2(run.err.contains("nothing was revoked"), run.err.constData());
        QCOMPARE(pending(), before); // nothing was sent but reads
        for (const LoggedRequest &request : m_sandbox->requests())
            QCOMPARE(request.method, QByteArray("GET"));
    }

    void theRunRevokesExactlyTheStaleSetUnderFaults()
    {
        FaultSettings faults;
        faults.serverErrorRate = 0.05;
        faults.dropRate = 0.04;
        faults.lostAnswerRate = 0.06;
        faults.seed = 11;
        m_sandbox->setFaults(faults);
        // And the commit-then-drop that leaves a revoke's fate to a re-read, and a 429 mid-run.
        m_sandbox->addScriptedFault({ScriptedFault::Kind::CarryOutThenDrop, "POST", u"/revoke"_s, 2});
        m_sandbox->addScriptedFault({ScriptedFault::Kind::RateLimit, "POST", u"/revoke"_s, 1, 429, 1});

        const QSet<QString> before = pending();
        const qint64 start = QDateTime::currentMSecsSinceEpoch();
        const QSet<QString> surely = pendingCreatedBefore(start - 28 * day);
        // The most that may be stale by the end, of the invitations pending now (start + an hour: a bound
        // wide enough for any run, and narrow enough that an invitation a week younger is never in it).
        const QSet<QString> atMost = pendingCreatedBefore(start + 3600'000 - 28 * day);
        const CliHarness::Run run = m_cli->run({u"revoke"_s, u"--all-orgs"_s, u"--older-than"_s, u"28d"_s, u"--yes"_s,
                                                u"--rate-budget"_s, u"100"_s, u"--ticket"_s, u"SEC-42"_s});
        qInfo("%s", run.err.constData());
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(surely.size() >= 10);
        const QSet<QString> revoked = before - pending();
        QVERIFY2(surely - revoked == QSet<QString>(), "a stale invitation is still pending");
        QVERIFY2(revoked - atMost == QSet<QString>(), "a fresh invitation was revoked");
        // One line each, every one revoked: by Clerk's answer, or (an answer lost after the revoke was carried
        // out) found revoked by a re-read, which is never claimed as this run's own.
        const QList<QByteArray> lines = run.out.trimmed().split('\n');
        QCOMPARE(lines.size(), revoked.size());
        int ours = 0;
        for (const QByteArray &line : lines) {
            const QByteArray outcome = line.split('\t').value(2);
            QVERIFY2(outcome == "revoked" || outcome == "already_revoked" || outcome == "revoked_unattributed",
                     line.constData());
            ours += outcome == "revoked";
        }
        QVERIFY(ours > lines.size() / 2);
        for (const SandboxOrganization &org : m_sandbox->store().organizations) {
            for (const SandboxInvitation &inv : org.invitations)
                QVERIFY(inv.revokeCommits <= 1);
        }
        // The audit log holds an intent and an outcome for each, with the ticket.
        QFile log(m_cli->auditLogPath());
        QVERIFY(log.open(QIODevice::ReadOnly));
        QSet<QString> outcomes;
        while (!log.atEnd()) {
            const QJsonObject record = QJsonDocument::fromJson(log.readLine()).object();
            if (record["event"_L1] == "outcome"_L1) {
                QCOMPARE(record["ticket"_L1].toString(), u"SEC-42"_s);
                outcomes.insert(record["invitation_id"_L1].toString());
            }
        }
        QCOMPARE(outcomes, revoked);
    }

    void nothingStaleIsSaidAndNothingIsSent()
    {
        m_sandbox->clearRequests();
        const CliHarness::Run run = m_cli->run({u"revoke"_s, u"initech"_s, u"--older-than"_s, u"3000d"_s, u"--yes"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains("No invitation has been pending for more than 3000 days"), run.err.constData());
        for (const LoggedRequest &request : m_sandbox->requests())
            QCOMPARE(request.method, QByteArray("GET"));
    }

    void aConfirmationNamesTheSweepAndTheOrganizations()
    {
        const QSet<QString> before = pending();
        // Without a terminal and without --yes, a sweep refuses before it sends anything.
        const CliHarness::Run refused = m_cli->run({u"revoke"_s, u"--all-orgs"_s, u"--older-than"_s, u"14d"_s}, 
                                                   SandboxOptions::defaultProductionKey(), "y\n");
        QCOMPARE(refused.exitCode, 2);
        QVERIFY(refused.err.contains("--yes"));
        QCOMPARE(pending(), before);
        QVERIFY(m_sandbox->requests().empty());
    }

    void onATerminalASweepWantsItsCountTyped()
    {
        // Across organizations no one slug names what goes: the agent types the count the confirmation shows.
        if (QStandardPaths::findExecutable(u"script"_s).isEmpty())
            QSKIP("util-linux script(1) is needed for a pseudo-terminal");
        const QStringList sweep{u"revoke"_s, u"--all-orgs"_s, u"--older-than"_s, u"28d"_s, u"--rate-budget"_s, u"100"_s};
        const QSet<QString> before = pending();
        const CliHarness::Run habit = m_cli->runOnTerminal(sweep, "y\n");
        const QRegularExpressionMatch asked = QRegularExpression(u"Type (\\d+) to revoke them"_s).match(QString::fromUtf8(habit.out));
        QVERIFY2(asked.hasMatch(), habit.out.constData());
        const int count = asked.captured(1).toInt();
        QVERIFY(count >= 10);
        QCOMPARE(habit.exitCode, 1);
        QCOMPARE(pending(), before); // a habitual "y" revokes nothing
        QCOMPARE(requestCount(*m_sandbox, "POST"), 0);

        const CliHarness::Run typed = m_cli->runOnTerminal(sweep, QByteArray::number(count) + '\n');
        QVERIFY2(typed.exitCode == 0, typed.out.constData());
        QCOMPARE(int((before - pending()).size()), count);
        QCOMPARE(requestCount(*m_sandbox, "POST"), count);
    }

    void spansThatAreNotSpansAreUsageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        const QStringList all{u"revoke"_s, u"--all-orgs"_s, u"--dry-run"_s, u"--older-than"_s};
        for (const QString &bad : {u"14"_s, u"14x"_s, u"0d"_s, u"-3d"_s, u"+3d"_s, u"1.5d"_s, u"1e3d"_s, u"d"_s,
                                   u"3651d"_s, u"99999w"_s, u"14 d"_s, u""_s, u"١٤d"_s})
            QTest::addRow("--older-than '%s'", qPrintable(bad)) << all + QStringList{bad};
        QTest::newRow("all-orgs without a span") << QStringList{u"revoke"_s, u"--all-orgs"_s, u"--yes"_s};
        QTest::newRow("a span and IDs") << QStringList{u"revoke"_s, u"acme"_s, u"orginv_x"_s, u"--older-than"_s, u"14d"_s};
        QTest::newRow("a span, all-orgs and an ORG") << QStringList{u"revoke"_s, u"acme"_s, u"--all-orgs"_s, u"--older-than"_s, u"14d"_s};
        QTest::newRow("a span and a file") << QStringList{u"revoke"_s, u"acme"_s, u"--from-file"_s, u"-"_s, u"--older-than"_s, u"14d"_s};
        QTest::newRow("a dry run of IDs") << QStringList{u"revoke"_s, u"acme"_s, u"orginv_x"_s, u"--dry-run"_s};
        QTest::newRow("a format without a dry run") << QStringList{u"revoke"_s, u"acme"_s, u"--older-than"_s, u"14d"_s, u"--format"_s, u"json"_s};
    }

    void spansThatAreNotSpansAreUsageErrors()
    {
        QFETCH(QStringList, arguments);
        const CliHarness::Run run = m_cli->run(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.startsWith("invitedesk-cli: "), run.err.constData());
        QVERIFY(m_sandbox->requests().empty());
    }
};

QTEST_GUILESS_MAIN(TestSweep)
#include "tst_sweep.moc"
