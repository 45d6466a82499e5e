// One revoke and every way it can end: exactly one outcome, never two successful revokes.

#include "core/api/RatePacer.h"
#include "core/workflows/RevokeTask.h"
#include "support/ManualClock.h"
#include "support/TestSandbox.h"

#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace InviteDesk;
using namespace InviteDesk::Sandbox;
using namespace InviteDesk::Testing;

class TestRevokeTask : public QObject
{
    Q_OBJECT

    std::unique_ptr<ClerkSandbox> m_sandbox;
    ManualClock m_clock; //!< the client's: its backoff, the task's waits (outlives both)
    std::unique_ptr<ClerkClient> m_client;
    SandboxOrganization *m_org = nullptr;

    SandboxInvitation *withStatus(const QString &status)
    {
        for (SandboxInvitation &inv : m_org->invitations) {
            if (SandboxStore::effectiveStatus(inv, m_sandbox->now()) == status)
                return &inv;
        }
        return nullptr;
    }

    RevokeResult run(const QString &invitationId, const QString &actingUser = {})
    {
        RevokeTask task(m_client.get(), m_org->id, invitationId, actingUser);
        QSignalSpy finished(&task, &RevokeTask::finished);
        task.start();
        // One revoke is one request, answer or wait at a time: while a timer runs (a backoff, a wait to send
        // or read again, a pacer's hold), nothing is on the wire, and the clock moves on to the timer's time.
        for (int wait = 0; finished.isEmpty(); ++wait) {
            if (wait > 1'000 || !QTest::qWaitFor([&] { return !finished.isEmpty() || m_clock.runningTimers() > 0; }, 20'000))
                qFatal("revoke did not finish");
            if (finished.isEmpty())
                m_clock.advance(*m_clock.nextTimeout());
        }
        // Nothing is left that could call the task back and have it say a second outcome.
        if (m_client->callsInFlight() != 0)
            qFatal("%d calls still in flight after the outcome", m_client->callsInFlight());
        if (finished.size() != 1)
            qFatal("finished emitted %d times", int(finished.size()));
        return task.result();
    }

    int postsTo(const QString &invitationId) const
    {
        int n = 0;
        for (const LoggedRequest &r : m_sandbox->requests())
            n += (r.method == "POST" && r.rawPath.contains(invitationId.toLatin1())) ? 1 : 0;
        return n;
    }

private Q_SLOTS:
    void init()
    {
        m_sandbox = startSandbox();
        m_client = std::make_unique<ClerkClient>(configFor(*m_sandbox));
        m_client->setClock(&m_clock);
        m_org = m_sandbox->store().organization(u"initech"_s);
    }

    void cleanup()
    {
        m_client.reset();
        m_sandbox.reset();
    }

    void revokes()
    {
        SandboxInvitation *inv = withStatus(u"pending"_s);
        const RevokeResult r = run(inv->id);
        QCOMPARE(r.outcome, RevokeOutcome::Revoked);
        QCOMPARE(r.attempts, 1);
        QCOMPARE(inv->status, u"revoked"_s);
        QCOMPARE(inv->revokeCommits, 1);
        QCOMPARE(r.invitation->status, InvitationStatus::Revoked);
    }

    void notPendingIsSettledByAReRead_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<int>("outcome");
        QTest::newRow("revoked") << u"revoked"_s << int(RevokeOutcome::AlreadyRevoked);
        QTest::newRow("accepted") << u"accepted"_s << int(RevokeOutcome::NotPendingAccepted);
        QTest::newRow("expired") << u"expired"_s << int(RevokeOutcome::NotPendingExpired);
    }

    void notPendingIsSettledByAReRead()
    {
        QFETCH(QString, status);
        QFETCH(int, outcome);
        SandboxInvitation *inv = withStatus(status);
        QVERIFY(inv);
        const RevokeResult r = run(inv->id);
        QCOMPARE(int(r.outcome), outcome);
        QVERIFY(r.verified);
        QCOMPARE(inv->revokeCommits, 0);
        QVERIFY(!revokeOutcomeText(r.outcome).isEmpty());
    }

    void expiredByTimeIsReportedExpired()
    {
        SandboxInvitation *inv = withStatus(u"pending"_s);
        inv->expiresAt = m_sandbox->now() - 1000; // it ran out a second ago
        QCOMPARE(run(inv->id).outcome, RevokeOutcome::NotPendingExpired);
    }

    void notFound()
    {
        const RevokeResult r = run(u"orginv_doesNotExist"_s);
        QCOMPARE(r.outcome, RevokeOutcome::NotFound);
        QCOMPARE(r.error->code(), u"resource_not_found"_s);
    }

    void forbiddenActingUser()
    {
        QString member;
        for (auto it = m_org->members.cbegin(); it != m_org->members.cend(); ++it) {
            if (it.value() != "org:admin"_L1)
                member = it.key();
        }
        SandboxInvitation *inv = withStatus(u"pending"_s);
        const RevokeResult r = run(inv->id, member);
        QCOMPARE(r.outcome, RevokeOutcome::Forbidden);
        QCOMPARE(r.error->code(), u"not_an_admin_in_organization"_s);
        QCOMPARE(inv->status, u"pending"_s);
    }

    void lostAnswerAfterCommitIsRevokedOnce_data()
    {
        QTest::addColumn<int>("fault");
        QTest::newRow("cut off") << int(ScriptedFault::Kind::LoseAnswer);
        QTest::newRow("unreadable 200") << int(ScriptedFault::Kind::Malformed);
    }

    void lostAnswerAfterCommitIsRevokedOnce()
    {
        QFETCH(int, fault);
        SandboxInvitation *inv = withStatus(u"pending"_s);
        m_sandbox->addScriptedFault({ScriptedFault::Kind(fault), "POST", u"/revoke"_s, 1});
        const RevokeResult r = run(inv->id);
        // Revoked, but only Clerk's lost answer could have said by whom: never claimed as this run's.
        QCOMPARE(r.outcome, RevokeOutcome::RevokedUnattributed);
        QVERIFY(!revokeConfirmedAsOurs(r.outcome));
        QVERIFY(revokeSucceeded(r.outcome));
        QVERIFY(r.verified);
        QCOMPARE(inv->revokeCommits, 1);
        QCOMPARE(postsTo(inv->id), 1); // the re-read settled it; no second revoke
    }

    void reReadOutlastsTheClientsRetries()
    {
        // The revoke commits but its answer is lost, and the re-read then fails more often than one
        // read's retries allow: the task reads again later rather than report "maybe".
        SandboxInvitation *inv = withStatus(u"pending"_s);
        m_sandbox->addScriptedFault({ScriptedFault::Kind::LoseAnswer, "POST", u"/revoke"_s, 1});
        const int failingReads = m_client->config().maxReadAttempts + 2;
        m_sandbox->addScriptedFault({ScriptedFault::Kind::ServerError, "GET", inv->id, failingReads, 502});
        const RevokeResult r = run(inv->id);
        QCOMPARE(r.outcome, RevokeOutcome::RevokedUnattributed);
        QVERIFY(r.verified);
        QCOMPARE(postsTo(inv->id), 1);
        QCOMPARE(inv->revokeCommits, 1);
    }

    void reReadThatNeverWorksEndsFailedWithTheLostAnswer()
    {
        SandboxInvitation *inv = withStatus(u"pending"_s);
        m_sandbox->addScriptedFault({ScriptedFault::Kind::LoseAnswer, "POST", u"/revoke"_s, 1});
        m_sandbox->addScriptedFault({ScriptedFault::Kind::ServerError, "GET", inv->id, 1000, 502});
        const RevokeResult r = run(inv->id);
        QCOMPARE(r.outcome, RevokeOutcome::Failed);
        QVERIFY(!r.verified);
        QVERIFY(r.error->outcomeUnknown()); // the revoke's own lost answer, not the read's 502
        int reads = 0;
        for (const LoggedRequest &request : m_sandbox->requests())
            reads += request.method == "GET" ? 1 : 0;
        QCOMPARE(reads, RevokeTask::maxVerifyRounds * m_client->config().maxReadAttempts);
        QCOMPARE(postsTo(inv->id), 1);
    }

    void lostAnswerWithoutCommitIsSentAgain_data()
    {
        QTest::addColumn<int>("fault");
        QTest::addColumn<int>("count");
        QTest::newRow("500") << int(ScriptedFault::Kind::ServerError) << 1;
        // Qt's HTTP layer itself re-sends a request whose connection closed before any answer
        // (up to twice); drop often enough that the task has to settle it.
        QTest::newRow("drop") << int(ScriptedFault::Kind::Drop) << 4;
    }

    void lostAnswerWithoutCommitIsSentAgain()
    {
        QFETCH(int, fault);
        QFETCH(int, count);
        SandboxInvitation *inv = withStatus(u"pending"_s);
        m_sandbox->addScriptedFault({ScriptedFault::Kind(fault), "POST", u"/revoke"_s, count});
        const RevokeResult r = run(inv->id);
        QCOMPARE(r.outcome, RevokeOutcome::Revoked);
        QCOMPARE(inv->revokeCommits, 1);
        QVERIFY(r.attempts >= 2);
        QVERIFY(r.verified);
    }

    void persistentServerErrorsFailWithTheReason()
    {
        SandboxInvitation *inv = withStatus(u"pending"_s);
        m_sandbox->addScriptedFault({ScriptedFault::Kind::ServerError, "POST", u"/revoke"_s, 100, 503});
        const RevokeResult r = run(inv->id);
        QCOMPARE(r.outcome, RevokeOutcome::Failed);
        QCOMPARE(r.attempts, RevokeTask::maxSendAttempts);
        QCOMPARE(r.error->httpStatus(), 503);
        QCOMPARE(inv->status, u"pending"_s);
        QVERIFY(r.describe().contains(u"503"_s));
    }

    void rateLimitedRevokeWaitsAndSucceeds()
    {
        RatePacer pacer(&m_clock);
        pacer.setBudget(RateBudget::forShare(KeyEnvironment::Production, 1.0));
        m_client->setPacer(&pacer);
        SandboxInvitation *inv = withStatus(u"pending"_s);
        m_sandbox->addScriptedFault({ScriptedFault::Kind::RateLimit, "POST", u"/revoke"_s, 1, 429, 1});
        const RevokeResult r = run(inv->id);
        QCOMPARE(r.outcome, RevokeOutcome::Revoked);
        QCOMPARE(r.attempts, 1); // the 429 was not carried out, so it does not count
        QCOMPARE(postsTo(inv->id), 2);
        QCOMPARE(inv->revokeCommits, 1);
    }

    void wrongKeyFails()
    {
        ClerkClient client(configFor(*m_sandbox, u"sk_test_wrong"_s));
        RevokeTask task(&client, m_org->id, withStatus(u"pending"_s)->id);
        QSignalSpy finished(&task, &RevokeTask::finished);
        task.start();
        QVERIFY(finished.wait());
        QCOMPARE(task.result().outcome, RevokeOutcome::Failed);
        QVERIFY(task.result().error->isUnauthorized());
    }

    void cancelBeforeSendingSendsNothing()
    {
        // One request per 300 ms, taken: the task waits for the next window, which the clock is moved
        // through below, so a cancel that left it queued would be seen sending.
        ManualClock clock;
        RatePacer pacer(&clock);
        pacer.setBudget({1, std::chrono::milliseconds(300)});
        pacer.acquire([&pacer](RatePacer::Ticket t) { pacer.ended(t); }); // use the only token
        m_client->setPacer(&pacer);
        SandboxInvitation *inv = withStatus(u"pending"_s);
        RevokeTask task(m_client.get(), m_org->id, inv->id);
        QSignalSpy finished(&task, &RevokeTask::finished);
        task.start();
        QCOMPARE(task.state(), RevokeTask::State::Sending); // queued in the pacer
        QCOMPARE(pacer.queued(), 1);
        task.cancel();
        QVERIFY(finished.size() == 1 || finished.wait(10'000));
        QCOMPARE(task.result().outcome, RevokeOutcome::Cancelled);
        QCOMPARE(pacer.queued(), 0); // withdrawn, not left to go when its window opens
        clock.advance(3 * (std::chrono::milliseconds(300) + RatePacer::safetyMargin)); // three windows
        QCOMPARE(m_client->callsInFlight(), 0); // nothing went when they opened
        QCOMPARE(finished.size(), 1);
        QCOMPARE(postsTo(inv->id), 0);
        QCOMPARE(inv->status, u"pending"_s);
    }
};

QTEST_GUILESS_MAIN(TestRevokeTask)
#include "tst_revoketask.moc"
