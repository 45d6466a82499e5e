// Bulk revoke: exactly the requested invitations, each reported once, under faults and 429s;
// pause, resume, cancel; the audit trail.

#include "core/audit/AuditWriter.h"
#include "core/workflows/BulkRevoker.h"
#include "core/api/RatePacer.h"
#include "support/ManualClock.h"
#include "support/TestSandbox.h"

#include <QtCore/QDeadlineTimer>
#include <QtCore/QSet>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTimer>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace InviteDesk;
using namespace InviteDesk::Sandbox;
using namespace InviteDesk::Testing;

/*!
 * Between the client and the sandbox: what the client writes while the relay is "slow" reaches the
 * sandbox \a lateMs later (in order on each connection), as from a client busy or queued between its
 * pacer's go-ahead and the request's arrival; answers come back at once.
 */
class LateRelay : public QObject
{
public:
    LateRelay(quint16 target, int lateMs) : m_target(target), m_lateMs(lateMs)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *client = m_server.nextPendingConnection()) {
                auto *server = new QTcpSocket(client);
                auto *due = new QDeadlineTimer(0); // when the last delayed chunk of this connection lands
                connect(client, &QObject::destroyed, this, [due] { delete due; });
                server->connectToHost(QHostAddress::LocalHost, m_target);
                connect(client, &QTcpSocket::readyRead, this, [this, client, server, due] {
                    const QByteArray bytes = client->readAll();
                    const qint64 late = m_slow ? m_lateMs : 0;
                    const qint64 in = std::max(late, due->remainingTime());
                    *due = QDeadlineTimer(in);
                    QTimer::singleShot(int(in), server, [server, bytes] { server->write(bytes); });
                });
                connect(server, &QTcpSocket::readyRead, client, [client, server] { client->write(server->readAll()); });
                connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
                connect(server, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
            }
        });
        m_server.listen(QHostAddress::LocalHost);
    }
    QUrl apiUrl() const { return QUrl(u"http://127.0.0.1:%1/v1"_s.arg(m_server.serverPort())); }
    void setSlow(bool slow) { m_slow = slow; }

private:
    QTcpServer m_server;
    quint16 m_target;
    int m_lateMs;
    bool m_slow = true;
};

class TestBulkRevoker : public QObject
{
    Q_OBJECT

    std::unique_ptr<ClerkSandbox> m_sandbox;
    std::unique_ptr<ClerkClient> m_client;
    std::unique_ptr<RatePacer> m_pacer;
    SandboxOrganization *m_org = nullptr;

    /*! Every n-th pending invitation of acme, so untouched neighbours exist between them. */
    QList<RevokeItem> pick(int count, int step = 3)
    {
        QList<RevokeItem> items;
        int i = 0;
        for (const SandboxInvitation &inv : m_org->invitations) {
            if (inv.status != "pending"_L1 || (i++ % step) != 0)
                continue;
            items << RevokeItem{m_org->id, m_org->name, inv.id, inv.emailAddress, inv.role};
            if (items.size() == count)
                break;
        }
        return items;
    }

    QHash<QString, QString> statusSnapshot() const
    {
        QHash<QString, QString> s;
        for (const SandboxOrganization &org : m_sandbox->store().organizations) {
            for (const SandboxInvitation &inv : org.invitations)
                s.insert(inv.id, inv.status);
        }
        return s;
    }

private Q_SLOTS:
    void init()
    {
        m_sandbox = startSandbox();
        m_client = std::make_unique<ClerkClient>(configFor(*m_sandbox));
        m_pacer = std::make_unique<RatePacer>();
        m_pacer->setBudget(RateBudget::forShare(KeyEnvironment::Production, 1.0));
        m_client->setPacer(m_pacer.get());
        m_org = m_sandbox->store().organization(u"acme"_s);
    }

    void cleanup()
    {
        m_client.reset();
        m_pacer.reset();
        m_sandbox.reset();
    }

    void exactlyTheRequestedOnesUnderFaults_data()
    {
        QTest::addColumn<quint32>("seed");
        // The same fault mix with different dice: the result must not depend on luck.
        for (quint32 seed : {1u, 2u, 3u})
            QTest::addRow("seed %u", seed) << seed;
    }

    void exactlyTheRequestedOnesUnderFaults()
    {
        QFETCH(quint32, seed);
        FaultSettings faults;
        faults.serverErrorRate = 0.08;
        faults.dropRate = 0.05;
        faults.malformedRate = 0.05;
        faults.lostAnswerRate = 0.08;
        faults.seed = seed;
        m_sandbox->setFaults(faults);
        // A limit below the pacer's budget so 429s happen too (checked at the end): Clerk's own ten-second
        // window and the pacer's hold after a 429 would make this a minute's wait, so both are scaled to 1 s.
        m_sandbox->setRateLimitOverride(200, 1'000);
        m_pacer->setBudget(RateBudget{300, std::chrono::seconds(1)});
        // A client too slow to meet that limit (an ASan build, Windows under Wine) meets these two.
        m_sandbox->addScriptedFault({ScriptedFault::Kind::RateLimit, "POST", u"/revoke"_s, 2});

        const QList<RevokeItem> items = pick(300);
        QCOMPARE(items.size(), 300);
        // Two that are no longer pending and one that does not exist, mixed in.
        QList<RevokeItem> all = items;
        SandboxInvitation *accepted = nullptr;
        for (SandboxInvitation &inv : m_org->invitations) {
            if (inv.status == "accepted"_L1) {
                accepted = &inv;
                break;
            }
        }
        all << RevokeItem{m_org->id, m_org->name, accepted->id, accepted->emailAddress, accepted->role};
        all << RevokeItem{m_org->id, m_org->name, u"orginv_missing"_s, u"ghost@acme.example"_s, u"org:member"_s};

        const QHash<QString, QString> before = statusSnapshot();
        BulkRevoker bulk(m_client.get());
        QSignalSpy itemFinished(&bulk, &BulkRevoker::itemFinished);
        QSignalSpy finished(&bulk, &BulkRevoker::finished);
        bulk.start(all);
        QVERIFY(finished.wait(120'000));
        QCOMPARE(finished.size(), 1);

        // Each item reported exactly once.
        QCOMPARE(itemFinished.size(), all.size());
        QSet<int> indexes;
        for (const QList<QVariant> &args : itemFinished)
            indexes.insert(args.at(0).toInt());
        QCOMPARE(indexes.size(), all.size());

        QStringList unexpected;
        for (qsizetype i = 0; i < items.size(); ++i) {
            const RevokeResult &r = *bulk.results().at(i);
            // Nobody else revokes here: "already revoked" (someone else's) would be a false record.
            if (!revokeSucceeded(r.outcome) || r.outcome == RevokeOutcome::AlreadyRevoked)
                unexpected << u"%1: %2 after %3 request(s)"_s.arg(items.at(i).invitationId, r.describe()).arg(r.attempts);
        }
        // Every requested one revoked; say how the others ended before comparing with the server.
        QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected.join(u"; "_s)));

        // Exactly the requested ones changed, and none was revoked twice.
        const QHash<QString, QString> after = statusSnapshot();
        QSet<QString> requested;
        for (const RevokeItem &item : items)
            requested.insert(item.invitationId);
        for (auto it = after.cbegin(); it != after.cend(); ++it) {
            if (requested.contains(it.key()))
                QCOMPARE(it.value(), u"revoked"_s);
            else
                QCOMPARE(it.value(), before.value(it.key()));
        }
        for (const SandboxInvitation &inv : m_org->invitations)
            QVERIFY(inv.revokeCommits <= 1);

        const BulkSummary summary = bulk.summary();
        QCOMPARE(summary.succeeded(), 300);
        QCOMPARE(summary.notPending, 1);
        QCOMPARE(summary.notFound, 1);
        QCOMPARE(summary.failed, 0);
        QCOMPARE(bulk.results().at(300)->outcome, RevokeOutcome::NotPendingAccepted);
        QVERIFY(m_sandbox->rateLimitedCount() > 0); // the 429s were met, and settled
        QVERIFY(!summary.allSucceeded());
    }

    void pauseAndResume()
    {
        m_sandbox->setFaults({30});
        const QList<RevokeItem> items = pick(40);
        BulkRevoker bulk(m_client.get());
        bulk.setConcurrency(2);
        QSignalSpy finished(&bulk, &BulkRevoker::finished);
        bulk.start(items);
        QTRY_VERIFY(bulk.settledCount() >= 2);
        bulk.pause();
        QCOMPARE(bulk.state(), BulkRevoker::State::Paused);
        // In-flight ones finish; nothing new starts. Proved by events, not by a stretch of silence: once no
        // call is in flight, a new one could only start when a settled one hands on, and none does.
        QTRY_COMPARE(m_client->callsInFlight(), 0);
        const int settledWhilePaused = bulk.settledCount();
        const int postsWhilePaused = int(m_sandbox->requests().size());
        for (int round = 0; round < 5; ++round)
            QCoreApplication::processEvents(QEventLoop::AllEvents);
        QCOMPARE(m_client->callsInFlight(), 0);
        QCOMPARE(bulk.settledCount(), settledWhilePaused);
        QCOMPARE(int(m_sandbox->requests().size()), postsWhilePaused);
        QCOMPARE(bulk.state(), BulkRevoker::State::Paused);
        QVERIFY(settledWhilePaused < items.size());
        bulk.resume();
        QVERIFY(finished.wait(30'000));
        QCOMPARE(bulk.summary().revoked, 40);
    }

    void pausedMeansNothingWaitsToBeSent()
    {
        // A pacer that lets three requests go each half second: most revokes wait in its queue. Paused,
        // none may be left there (it would go out later, "paused" or not), and none is sent until resume().
        // Its windows pass when the test moves its clock.
        ManualClock clock;
        RatePacer pacer(&clock);
        RateBudget budget;
        budget.perWindow = 3;
        budget.window = std::chrono::milliseconds(500);
        pacer.setBudget(budget);
        const auto aWindow = budget.window + RatePacer::safetyMargin;
        m_client->setPacer(&pacer);
        const QList<RevokeItem> items = pick(20);
        BulkRevoker bulk(m_client.get());
        QSignalSpy finished(&bulk, &BulkRevoker::finished);
        bulk.start(items);
        QTRY_VERIFY(pacer.queued() > 0 && bulk.settledCount() >= 1);
        bulk.pause();
        // Withdrawn from the pacer, and what was on the wire settles: then nothing is left that could leave.
        QTRY_COMPARE(pacer.queued(), 0);
        QTRY_COMPARE(m_client->callsInFlight(), 0);
        const int posts = requestCount(*m_sandbox, "POST");
        QVERIFY(bulk.settledCount() < items.size());
        QCOMPARE(bulk.state(), BulkRevoker::State::Paused);
        // Paused stays paused: probes queued behind anything the run could still have left go through the
        // pacer one after the other, over more than a window (four sends, three a window). Whatever waited
        // before them would have gone first, and would be on the wire (a call in flight) or counted by the
        // sandbox as it came.
        QList<int> postsSeen;
        for (int probe = 0; probe < budget.perWindow + 1; ++probe)
            pacer.acquire([&](RatePacer::Ticket ticket) {
                postsSeen << requestCount(*m_sandbox, "POST");
                pacer.ended(ticket); // answered at once: its slot is free a window later
            });
        clock.advance(aWindow);
        QCOMPARE(m_client->callsInFlight(), 0);
        clock.advance(aWindow);
        QCOMPARE(postsSeen.size(), budget.perWindow + 1);
        QCOMPARE(m_client->callsInFlight(), 0);
        for (int seen : std::as_const(postsSeen))
            QCOMPARE(seen, posts);
        QCOMPARE(requestCount(*m_sandbox, "POST"), posts);
        QCOMPARE(bulk.state(), BulkRevoker::State::Paused);
        bulk.resume();
        // The rest go three a window: the clock moves on a window whenever nothing is on the wire.
        for (int window = 0; window < 60 && finished.isEmpty(); ++window) {
            QVERIFY(QTest::qWaitFor([&] { return !finished.isEmpty() || m_client->callsInFlight() == pacer.queued(); },
                                    10'000));
            clock.advance(aWindow);
        }
        QVERIFY(!finished.isEmpty() || finished.wait(10'000));
        QCOMPARE(bulk.summary().revoked, 20); // each once: the withdrawn ones went out after resume()
        QVERIFY(requestCount(*m_sandbox, "POST") > posts);
        m_client->setPacer(nullptr);
    }

    void cancelReportsTheRestAsCancelled()
    {
        m_sandbox->setFaults({50});
        const QList<RevokeItem> items = pick(60);
        BulkRevoker bulk(m_client.get());
        bulk.setConcurrency(3);
        QSignalSpy finished(&bulk, &BulkRevoker::finished);
        bulk.start(items);
        QTRY_VERIFY(bulk.settledCount() >= 3);
        bulk.cancel();
        QVERIFY(finished.size() == 1 || finished.wait(10'000));
        const BulkSummary summary = bulk.summary();
        QCOMPARE(summary.total, 60);
        QCOMPARE(summary.revoked + summary.cancelled, 60);
        QVERIFY(summary.cancelled > 0);
        // What the summary says is what the server has.
        int revokedOnServer = 0;
        for (const RevokeItem &item : items)
            revokedOnServer += m_sandbox->store().invitation(m_org->id, item.invitationId)->status == "revoked"_L1;
        QCOMPARE(revokedOnServer, summary.revoked);
    }

    void auditTrailPairsEveryIntentWithAnOutcome()
    {
        QTemporaryDir dir;
        AuditWriter audit(dir.filePath(u"audit.jsonl"_s),
                          {u"test"_s, u"production"_s, keyFingerprint(m_client->config().secretKey), u"127.0.0.1"_s,
                           u"SUP-7"_s, u"tester"_s});
        FaultSettings faults;
        faults.lostAnswerRate = 0.2;
        m_sandbox->setFaults(faults);
        BulkRevoker bulk(m_client.get());
        bulk.setObserver(&audit);
        QSignalSpy finished(&bulk, &BulkRevoker::finished);
        bulk.start(pick(25));
        QVERIFY(finished.wait(30'000));
        QVERIFY(AuditLog::verify(audit.filePath()).ok);
        QCOMPARE(AuditLog::verify(audit.filePath()).records, 50);
        QVERIFY(AuditLog::unsettledIntents(audit.filePath()).isEmpty());
    }

    void aSlowClientNeverTripsTheLimiter()
    {
        // Ten per half second, at 100 %, through a relay that makes the first window's requests arrive
        // 400 ms after the pacer let them go (a client busy or queued in between), the later ones at once.
        // Counted from the go-ahead with 250 ms to spare, the next window's prompt requests met the late
        // ones in the sandbox's window (429s); counted until their answers, they never can.
        m_sandbox->setRateLimitOverride(10, 500);
        LateRelay relay(m_sandbox->port(), 400);
        ClientConfig config = configFor(*m_sandbox);
        config.apiUrl = relay.apiUrl();
        ClerkClient client(config);
        RatePacer pacer;
        pacer.setBudget({10, std::chrono::milliseconds(500)});
        client.setPacer(&pacer);
        BulkRevoker bulk(&client);
        bulk.setConcurrency(10);
        QSignalSpy finished(&bulk, &BulkRevoker::finished);
        connect(&bulk, &BulkRevoker::progress, &relay, [&relay](int settled) {
            if (settled >= 10)
                relay.setSlow(false);
        });
        bulk.start(pick(30));
        QVERIFY(finished.wait(60'000));
        QCOMPARE(bulk.summary().revoked, 30);
        QCOMPARE(m_sandbox->rateLimitedCount(), 0);
        QCOMPARE(pacer.open(), 0); // every send was ended
    }

    void paceStaysWithinTheBudget()
    {
        // Development key, 100 % budget: 100 requests per 10 s. The sandbox enforces exactly that.
        ClerkClient client(configFor(*m_sandbox, SandboxOptions::defaultDevelopmentKey()));
        RatePacer pacer;
        pacer.setBudget(RateBudget::forShare(KeyEnvironment::Development, 1.0));
        client.setPacer(&pacer);
        BulkRevoker bulk(&client);
        QSignalSpy finished(&bulk, &BulkRevoker::finished);
        bulk.start(pick(30));
        QVERIFY(finished.wait(30'000));
        QCOMPARE(bulk.summary().revoked, 30);
        QCOMPARE(m_sandbox->rateLimitedCount(), 0); // never tripped the limiter
    }

    void anIntentWrittenWhilePausedWaitsForResume()
    {
        // The audit log answers late: the agent pauses while two intents are being written. Once they are on
        // disk their revokes may not leave ("Paused" on screen, a request on the wire); resume() sends them.
        struct LateObserver : RevokeObserver
        {
            QList<Done> intents;
            void revokeIntended(const RevokeItem &, Done done) override { intents << std::move(done); }
            void revokeSettled(const RevokeItem &, const RevokeResult &, Done done) override { done(true, {}); }
        } observer;
        BulkRevoker bulk(m_client.get());
        bulk.setConcurrency(2);
        bulk.setObserver(&observer);
        QSignalSpy finished(&bulk, &BulkRevoker::finished);
        bulk.start(pick(2));
        QCOMPARE(observer.intents.size(), 2);
        bulk.pause();
        for (const RevokeObserver::Done &written : std::as_const(observer.intents))
            written(true, {});
        QCOMPARE(m_client->callsInFlight(), 0); // a revoke that started would be a call now, paced or not
        QCoreApplication::processEvents();
        QCOMPARE(m_client->callsInFlight(), 0);
        QCOMPARE(requestCount(*m_sandbox, "POST"), 0);
        QCOMPARE(bulk.state(), BulkRevoker::State::Paused);
        bulk.resume();
        QVERIFY(finished.wait(20'000));
        QCOMPARE(requestCount(*m_sandbox, "POST"), 2);
        QCOMPARE(bulk.summary().revoked, 2);
    }

    void aLostOutcomeRecordStopsTheRunBeforeTheNextSend()
    {
        // An observer that records intents but cannot record the first outcome (a full disk).
        struct FailingObserver : RevokeObserver
        {
            int intents = 0;
            int outcomes = 0;
            void revokeIntended(const RevokeItem &, Done done) override
            {
                ++intents;
                done(true, {});
            }
            void revokeSettled(const RevokeItem &, const RevokeResult &, Done done) override
            {
                ++outcomes;
                done(outcomes > 1, u"disk full"_s); // the first fails; later ones would work, but must not matter
            }
        } observer;
        BulkRevoker bulk(m_client.get());
        bulk.setConcurrency(1);
        bulk.setObserver(&observer);
        QSignalSpy finished(&bulk, &BulkRevoker::finished);
        const QList<RevokeItem> items = pick(10);
        bulk.start(items);
        QVERIFY(finished.wait(20'000));
        QVERIFY(bulk.stopReason());
        QVERIFY(bulk.stopReason()->userMessage().contains(u"disk full"_s));
        int posts = 0;
        for (const LoggedRequest &r : m_sandbox->requests())
            posts += r.method == "POST";
        QCOMPARE(posts, 1); // the one whose outcome was lost; nothing after it
        QCOMPARE(observer.intents, 1);
        QCOMPARE(bulk.summary().revoked, 1);
        QCOMPARE(bulk.summary().cancelled, 9);
    }
};

QTEST_GUILESS_MAIN(TestBulkRevoker)
#include "tst_bulkrevoker.moc"
