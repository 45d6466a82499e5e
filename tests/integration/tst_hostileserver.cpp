// What a server that lies, stalls or trickles cannot make InviteDesk do: wait for days, hang on a
// trickle, believe a write it did not see carried out, follow a redirected write, or walk pages forever.

#include "core/workflows/BulkRevoker.h"
#include "core/workflows/EmailSearch.h"
#include "core/workflows/InvitationListing.h"
#include "core/workflows/InvitationLoader.h"
#include "core/api/RatePacer.h"
#include "core/workflows/RevokeTask.h"
#include "sandbox/HttpServer.h"
#include "support/CliHarness.h"
#include "support/ManualClock.h"
#include "support/TestParts.h"
#include "support/TestSandbox.h"

#include <QtTest/QSignalSpy>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace InviteDesk;
using namespace InviteDesk::Sandbox;
using namespace InviteDesk::Testing;

class TestHostileServer : public QObject
{
    Q_OBJECT

    int m_lyingListRequests = 0; //!< pages lyingList() servers answered

    std::unique_ptr<ClerkSandbox> m_sandbox;
    ManualClock m_clock; //!< given to the client by tests that move time themselves; outlives it
    std::unique_ptr<RatePacer> m_pacer;
    std::unique_ptr<ClerkClient> m_client;
    SandboxOrganization *m_org = nullptr;

    QStringList pendingIds(int count)
    {
        QStringList ids;
        for (const SandboxInvitation &inv : m_org->invitations) {
            if (SandboxStore::effectiveStatus(inv, m_sandbox->now()) == "pending"_L1)
                ids << inv.id;
            if (ids.size() == count)
                break;
        }
        return ids;
    }

    const SandboxInvitation *invitation(const QString &id) const
    {
        for (const SandboxInvitation &inv : m_org->invitations) {
            if (inv.id == id)
                return &inv;
        }
        return nullptr;
    }

    /*! An invitation as Clerk would send it, with the status the hostile server claims. */
    QByteArray invitationJson(const QString &id, const QString &status) const
    {
        return u"{\"object\":\"organization_invitation\",\"id\":\"%1\",\"email_address\":\"x@example.com\","
               "\"role\":\"org:member\",\"organization_id\":\"%2\",\"status\":\"%3\","
               "\"created_at\":1700000000000,\"updated_at\":1700000000000}"_s
            .arg(id, m_org->id, status)
            .toUtf8();
    }

    int requestsTo(const QByteArray &method, const QString &pathPart) const
    {
        return requestCount(*m_sandbox, method, pathPart);
    }

    RevokeResult revoke(const QString &id)
    {
        RevokeTask task(m_client.get(), m_org->id, id);
        QSignalSpy finished(&task, &RevokeTask::finished);
        task.start();
        // On m_clock when the test gave it to the client (its waits moved through); on the real one otherwise.
        if (!m_clock.runUntil([&] { return !finished.isEmpty(); }, 30'000))
            qFatal("the revoke did not finish");
        return task.result();
    }

private Q_SLOTS:
    void init()
    {
        m_sandbox = startSandbox();
        m_org = m_sandbox->store().organization(u"acme"_s);
        m_pacer = std::make_unique<RatePacer>();
        m_pacer->setBudget(RateBudget::forShare(KeyEnvironment::Production, 1.0));
        ClientConfig config = configFor(*m_sandbox);
        config.exchangeTimeout = std::chrono::milliseconds(1'500);
        m_client = std::make_unique<ClerkClient>(config);
        m_client->setPacer(m_pacer.get());
    }

    void cleanup()
    {
        m_client.reset();
        m_pacer.reset();
        m_sandbox.reset();
    }

    // 1. Retry-After ---------------------------------------------------------------------------

    void absurdRetryAfterFailsAReadAtOnce_data()
    {
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::newRow("11.6 days") << QByteArray("999999");
        QTest::newRow("overflows") << QByteArray("99999999999999999999999999");
        QTest::newRow("a date next year") << QLocale::c()
                                                 .toString(QDateTime::currentDateTimeUtc().addDays(400),
                                                           u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s)
                                                 .toLatin1();
    }

    void absurdRetryAfterFailsAReadAtOnce()
    {
        QFETCH(QByteArray, retryAfter);
        ScriptedFault fault{ScriptedFault::Kind::RateLimit, "GET", u"/organizations/"_s, 1000};
        fault.headers = {{"Retry-After", retryAfter}};
        m_sandbox->addScriptedFault(fault);
        QSignalSpy limited(m_client.get(), &ClerkClient::rateLimited);
        Waiter<Organization> w;
        m_client->getOrganization(m_org->id, this, w.callback());
        QVERIFY2(w.wait(10'000), "waited as the server asked"); // a deadline, generous for a shared machine
        QVERIFY(!w.result->ok());
        QVERIFY(w.result->error().isWaitRefused());
        QVERIFY(!w.result->error().isTransient());
        QCOMPARE(requestsTo("GET", u"/organizations/"_s), 1);             // not retried
        QVERIFY(!m_pacer->isHeld());                                      // nor holding anyone else up
        QCOMPARE(limited.size(), 0);                                      // no "pausing 999999 s"
        QVERIFY(w.result->error().userMessage().contains(u"Try again later"_s));
    }

    void unreadableRetryAfterWaitsTheDefault()
    {
        ScriptedFault fault{ScriptedFault::Kind::RateLimit, "GET", u"/organizations/"_s, 1};
        fault.headers = {{"Retry-After", "soon, maybe"}};
        m_sandbox->addScriptedFault(fault);
        QSignalSpy limited(m_client.get(), &ClerkClient::rateLimited);
        Waiter<Organization> w;
        m_client->getOrganization(m_org->id, this, w.callback());
        QVERIFY(w.wait(10'000));
        QVERIFY(w.result->ok()); // waited the default second, then got it
        QCOMPARE(limited.size(), 1);
        QCOMPARE(limited.first().first().toLongLong(), qint64(1000));
    }

    void absurdRetryAfterStopsABulkRunAfterOneRound()
    {
        const QStringList ids = pendingIds(60);
        ScriptedFault fault{ScriptedFault::Kind::RateLimit, "POST", u"/revoke"_s, 1000};
        fault.headers = {{"Retry-After", "999999"}};
        m_sandbox->addScriptedFault(fault);
        QList<RevokeItem> items;
        for (const QString &id : ids)
            items << RevokeItem{m_org->id, m_org->name, id, {}, {}};
        BulkRevoker bulk(m_client.get());
        QSignalSpy finished(&bulk, &BulkRevoker::finished);
        bulk.start(items);
        QVERIFY(finished.wait(10'000));
        QVERIFY(bulk.stopReason());
        QVERIFY(bulk.stopReason()->isWaitRefused());
        // At most one round of concurrent sends met the refusal; none of the rest was sent.
        QVERIFY2(requestsTo("POST", u"/revoke"_s) <= 6, qPrintable(QString::number(requestsTo("POST", u"/revoke"_s))));
        const BulkSummary summary = bulk.summary();
        QCOMPARE(summary.total, 60);
        QCOMPARE(summary.revoked, 0);
        QCOMPARE(summary.failed + summary.cancelled, 60);
        for (const auto &result : bulk.results()) {
            QVERIFY(result);
            QVERIFY(result->error); // every unsent item says why
        }
        for (const QString &id : ids)
            QCOMPARE(invitation(id)->status, u"pending"_s);
    }

    // 3. A write's answer must show it carried out ----------------------------------------------

    void aPendingAnswerToARevokeIsCheckedNotBelieved_data()
    {
        QTest::addColumn<QString>("claimed");
        QTest::newRow("pending") << u"pending"_s;
        QTest::newRow("accepted") << u"accepted"_s;
        QTest::newRow("unknown") << u"on_hold"_s;
    }

    void aPendingAnswerToARevokeIsCheckedNotBelieved()
    {
        QFETCH(QString, claimed);
        const QString id = pendingIds(1).first();
        // The server answers 200 but shows the invitation not revoked, and does nothing.
        m_sandbox->addScriptedFault({ScriptedFault::Kind::RawAnswer, "POST", u"/revoke"_s, 1, 200, 1,
                                     invitationJson(id, claimed)});
        const RevokeResult r = revoke(id);
        // The re-read found it still pending, so it was sent again, and that one was carried out.
        QCOMPARE(r.outcome, RevokeOutcome::Revoked);
        QCOMPARE(r.attempts, 2);
        QCOMPARE(requestsTo("POST", id + u"/revoke"_s), 2);
        QVERIFY(requestsTo("GET", id) >= 1);
        QCOMPARE(invitation(id)->revokeCommits, 1);
    }

    void aServerThatNeverRevokesIsReportedFailed()
    {
        const QString id = pendingIds(1).first();
        m_sandbox->addScriptedFault({ScriptedFault::Kind::RawAnswer, "POST", u"/revoke"_s, 100, 200, 1,
                                     invitationJson(id, u"pending"_s)});
        m_client->setClock(&m_clock); // the waits between its attempts are moved through, not waited out
        const RevokeResult r = revoke(id);
        QCOMPARE(r.outcome, RevokeOutcome::Failed);
        QCOMPARE(r.attempts, RevokeTask::maxSendAttempts);
        QVERIFY2(r.error->userMessage().contains(u"pending"_s), qPrintable(r.error->userMessage()));
        QCOMPARE(invitation(id)->status, u"pending"_s);
    }

    void anAnswerAboutAnotherInvitationIsNotBelieved()
    {
        const QStringList ids = pendingIds(2);
        m_sandbox->addScriptedFault({ScriptedFault::Kind::RawAnswer, "POST", u"/revoke"_s, 1, 200, 1,
                                     invitationJson(ids.at(1), u"revoked"_s)});
        const RevokeResult r = revoke(ids.at(0));
        QCOMPARE(r.outcome, RevokeOutcome::Revoked);
        QVERIFY(r.verified || r.attempts == 2);
        QCOMPARE(invitation(ids.at(0))->status, u"revoked"_s);
        QCOMPARE(invitation(ids.at(1))->status, u"pending"_s);
    }

    void aRedirectedWriteIsNotFollowed_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("302") << 302;
        QTest::newRow("303") << 303;
        QTest::newRow("307") << 307;
        QTest::newRow("308") << 308;
    }

    void aRedirectedWriteIsNotFollowed()
    {
        QFETCH(int, status);
        const QString id = pendingIds(1).first();
        // Same site, and the target would answer a GET with 200: following it must not look like success.
        ScriptedFault fault{ScriptedFault::Kind::RawAnswer, "POST", u"/revoke"_s, 1, status};
        fault.headers = {{"Location", "/v1/organization_roles"}};
        m_sandbox->addScriptedFault(fault);
        const RevokeResult r = revoke(id);
        QCOMPARE(requestsTo("GET", u"/organization_roles"_s), 0);
        QCOMPARE(requestsTo("POST", u"/organization_roles"_s), 0);
        // Settled by a re-read like a lost answer: still pending, so sent again, and revoked.
        QCOMPARE(r.outcome, RevokeOutcome::Revoked);
        QCOMPARE(r.attempts, 2);
        QCOMPARE(invitation(id)->revokeCommits, 1);
    }

    void aSameSiteRedirectLoopIsNamedAsSuch()
    {
        ScriptedFault fault{ScriptedFault::Kind::RawAnswer, "GET", u"/organization_roles"_s, 100, 302};
        fault.headers = {{"Location", "/v1/organization_roles?limit=1&offset=0"}};
        m_sandbox->addScriptedFault(fault);
        Waiter<Page<Role>> w;
        m_client->listRoles(1, 0, this, w.callback());
        QVERIFY(w.wait());
        QVERIFY(!w.result->ok());
        const QString message = w.result->error().userMessage();
        QVERIFY2(message.contains(u"kept redirecting"_s), qPrintable(message));
        QVERIFY2(!message.contains(u"another site"_s), qPrintable(message));
    }

    // 4. A trickling answer is bounded as a whole ---------------------------------------------

    void aTricklingReadTimesOut()
    {
        ClientConfig config = configFor(*m_sandbox);
        config.exchangeTimeout = std::chrono::milliseconds(1'000);
        config.maxReadAttempts = 1;
        ClerkClient client(config);
        // One byte every 50 ms keeps the idle timeout (5 s) from ever firing.
        ScriptedFault fault{ScriptedFault::Kind::Trickle, "GET", u"/organizations/"_s, 1};
        fault.trickleMs = 50;
        m_sandbox->addScriptedFault(fault);
        Waiter<Organization> w;
        client.getOrganization(m_org->id, this, w.callback());
        QVERIFY2(w.wait(10'000), "a trickle outlasted the exchange's deadline"); // 1 s; the trickle alone takes minutes
        QVERIFY(!w.result->ok());
        QCOMPARE(w.result->error().kind(), ClerkError::Kind::Timeout);
        QVERIFY2(w.result->error().detail().contains(u"no complete answer"_s), qPrintable(w.result->error().detail()));
    }

    void aTricklingRevokeIsSettledByAReRead()
    {
        const QString id = pendingIds(1).first();
        ScriptedFault fault{ScriptedFault::Kind::Trickle, "POST", u"/revoke"_s, 1};
        fault.trickleMs = 50;
        m_sandbox->addScriptedFault(fault);
        const RevokeResult r = revoke(id);
        // The revoke was carried out before the answer trickled; the timeout makes the task look, and
        // without the answer it cannot say whose revoke it found.
        QCOMPARE(r.outcome, RevokeOutcome::RevokedUnattributed);
        QVERIFY(r.verified);
        QCOMPARE(r.attempts, 1);
        QCOMPARE(invitation(id)->revokeCommits, 1);
    }

    void aTricklingServerStopsABulkRunInBoundedTime()
    {
        // Every answer trickles: no exchange completes, nothing is retried, and after three revokes in a
        // row without an answer the run stops instead of spending minutes on each invitation.
        ScriptedFault fault{ScriptedFault::Kind::Trickle, {}, {}, 100000};
        fault.trickleMs = 50;
        m_sandbox->addScriptedFault(fault);
        QList<RevokeItem> items;
        for (const QString &id : pendingIds(30))
            items << RevokeItem{m_org->id, m_org->name, id, {}, {}, {}};
        BulkRevoker bulk(m_client.get());
        QSignalSpy finished(&bulk, &BulkRevoker::finished);
        bulk.start(items);
        // Each revoke: one exchange for the POST, one for the re-read (1.5 s each here), never retried; thirty
        // of them one after the other would take minutes.
        QVERIFY2(finished.wait(30'000), "the run did not stop in bounded time");
        QVERIFY(bulk.stopReason());
        QVERIFY2(bulk.stopReason()->userMessage().contains(u"not answering"_s), qPrintable(bulk.stopReason()->userMessage()));
        QVERIFY2(requestsTo("POST", u"/revoke"_s) <= 6 + BulkRevoker::maxTimeoutsInARow,
                 qPrintable(QString::number(requestsTo("POST", u"/revoke"_s))));
        QCOMPARE(bulk.summary().total, 30);
        QVERIFY(bulk.summary().cancelled >= 30 - 6 - BulkRevoker::maxTimeoutsInARow);
    }

    void aReReadOfAnotherInvitationSettlesNothing()
    {
        const QStringList ids = pendingIds(2);
        // The revoke's answer claims "pending" and nothing changes; the re-read answers with another
        // invitation, revoked. Believing it would report a revoke that never happened.
        m_sandbox->addScriptedFault({ScriptedFault::Kind::RawAnswer, "POST", u"/revoke"_s, 100, 200, 1,
                                     invitationJson(ids.at(0), u"pending"_s)});
        m_sandbox->addScriptedFault({ScriptedFault::Kind::RawAnswer, "GET", ids.at(0), 100, 200, 1,
                                     invitationJson(ids.at(1), u"revoked"_s)});
        const RevokeResult r = revoke(ids.at(0));
        QCOMPARE(r.outcome, RevokeOutcome::Failed);
        QCOMPARE(invitation(ids.at(0))->status, u"pending"_s);
    }

    void aRefusedWaitOnTheReReadStopsTheRun()
    {
        // The revoke's answer is unconfirmed, and the re-read is answered with a 429 asking for an hour.
        m_sandbox->addScriptedFault({ScriptedFault::Kind::RawAnswer, "POST", u"/revoke"_s, 100, 200, 1,
                                     invitationJson(u"orginv_other"_s, u"pending"_s)});
        ScriptedFault limited{ScriptedFault::Kind::RateLimit, "GET", u"/invitations/"_s, 100};
        limited.headers = {{"Retry-After", "3600"}};
        m_sandbox->addScriptedFault(limited);
        QList<RevokeItem> items;
        for (const QString &id : pendingIds(20))
            items << RevokeItem{m_org->id, m_org->name, id, {}, {}, {}};
        BulkRevoker bulk(m_client.get());
        QSignalSpy finished(&bulk, &BulkRevoker::finished);
        bulk.start(items);
        QVERIFY(finished.wait(20'000));
        QVERIFY(bulk.stopReason() && bulk.stopReason()->isWaitRefused());
        QVERIFY(bulk.stopReason()->userMessage().contains(u"not known"_s));
        QVERIFY2(requestsTo("POST", u"/revoke"_s) <= 6, qPrintable(QString::number(requestsTo("POST", u"/revoke"_s))));
    }

    // 5. total_count does not drive the walk -------------------------------------------------

    void aLyingTotalCountEndsAtTheFirstShortPage_data()
    {
        QTest::addColumn<QByteArray>("page");
        QTest::addColumn<bool>("refused"); // an impossible total is a payload error, said at once
        QTest::newRow("empty") << QByteArray(R"({"data":[],"total_count":1000000000})") << false;
        QTest::newRow("negative") << QByteArray(R"({"data":[],"total_count":-5})") << true;
    }

    void aLyingTotalCountEndsAtTheFirstShortPage()
    {
        QFETCH(QByteArray, page);
        QFETCH(bool, refused);
        m_sandbox->addScriptedFault({ScriptedFault::Kind::RawAnswer, "GET", u"/invitations"_s, 100000, 200, 1, page});
        InvitationLoader loader(m_client.get());
        QSignalSpy finished(&loader, &InvitationLoader::finished);
        QSignalSpy failed(&loader, &InvitationLoader::failed);
        InvitationLoader::Request request;
        request.organizationId = m_org->id;
        loader.start(request);
        QVERIFY(QTest::qWaitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); }, 20'000));
        QCOMPARE(finished.size(), refused ? 0 : 1);
        QCOMPARE(failed.size(), refused ? 1 : 0);
        if (refused)
            QCOMPARE(failed.first().first().value<ClerkError>().kind(), ClerkError::Kind::Payload);
        QCOMPARE(loader.invitations().size(), 0);
        // A few speculative pages per pass, a bounded number of passes: never an endless walk.
        QVERIFY2(loader.requestsSent() <= 3 * 6, qPrintable(QString::number(loader.requestsSent())));
    }

    void aServerRepeatingFullPagesIsNotWalkedForever()
    {
        // Every page is the same five invitations, and total_count promises a billion.
        QByteArray data = "[";
        for (int i = 0; i < 5; ++i)
            data += (i ? "," : "") + invitationJson(u"orginv_same%1"_s.arg(i), u"pending"_s);
        data += "]";
        m_sandbox->addScriptedFault({ScriptedFault::Kind::RawAnswer, "GET", u"/invitations"_s, 100000, 200, 1,
                                     R"({"data":)" + data + R"(,"total_count":1000000000})"});
        InvitationLoader loader(m_client.get());
        QSignalSpy finished(&loader, &InvitationLoader::finished);
        InvitationLoader::Request request;
        request.organizationId = m_org->id;
        request.pageSize = 5;
        loader.start(request);
        QVERIFY(finished.wait(20'000));
        QCOMPARE(loader.invitations().size(), 5);
        QVERIFY2(loader.requestsSent() <= 3 * 16, qPrintable(QString::number(loader.requestsSent())));
    }

    void aServerWithEndlessFreshPagesIsCutOff()
    {
        // Every page is full of new invitations and the total says two billion: the walk stops at its
        // bound with a message, instead of reading (and holding) without end.
        Sandbox::HttpServer endless([this](const Sandbox::HttpRequest &request, Sandbox::HttpResponder responder) {
            const QString offset = request.queryValue(u"offset"_s);
            responder.respond({200, {}, R"({"data":[)" + invitationJson(u"orginv_fresh"_s + offset, u"pending"_s)
                                            + R"(],"total_count":2147483647})"});
        });
        QVERIFY(endless.listen(QHostAddress::LocalHost));
        ClientConfig config = configFor(*m_sandbox);
        config.apiUrl = QUrl(u"http://127.0.0.1:%1/v1"_s.arg(endless.port()));
        ClerkClient client(config);
        InvitationLoader loader(&client);
        QSignalSpy failed(&loader, &InvitationLoader::failed);
        QSignalSpy finished(&loader, &InvitationLoader::finished);
        InvitationLoader::Request request;
        request.organizationId = u"org_1"_s;
        request.pageSize = 1;
        loader.start(request);
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty() || !finished.isEmpty(), 60'000);
        QCOMPARE(failed.size(), 1);
        QVERIFY2(failed.first().first().value<ClerkError>().userMessage().contains(u"at most"_s),
                 qPrintable(failed.first().first().value<ClerkError>().userMessage()));
        QVERIFY(loader.requestsSent() <= InvitationLoader::maxPages + ClientConfig().http2Concurrency);
    }

    /*!
     * A list of \a rows invitations served by offset and limit whatever the path, with total_count
     * \a total; with \a repeat, every page after the first is the first again.
     */
    std::unique_ptr<Sandbox::HttpServer> lyingList(int rows, qint64 total, bool repeat, int metadataBytes = 0)
    {
        QByteArray invitationWithMetadata; // the metadata of every row, after its ID
        if (metadataBytes > 0)
            invitationWithMetadata = ",\"public_metadata\":{\"blob\":\"" + QByteArray(metadataBytes, 'x') + "\"}";
        auto server = std::make_unique<Sandbox::HttpServer>(
            [this, rows, total, repeat, invitationWithMetadata](const Sandbox::HttpRequest &request, Sandbox::HttpResponder responder) {
                ++m_lyingListRequests;
                const int limit = std::max(1, request.queryValue(u"limit"_s).toInt());
                const int offset = repeat ? 0 : request.queryValue(u"offset"_s).toInt();
                QByteArray data;
                for (int i = offset; i < std::min(rows, offset + limit); ++i)
                {
                    QByteArray row = invitationJson(u"orginv_row%1"_s.arg(i, 5, 10, QChar(u'0')), u"pending"_s);
                    row.insert(row.size() - 1, invitationWithMetadata);
                    data += (data.isEmpty() ? "" : ",") + row;
                }
                responder.respond({200, {}, R"({"data":[)" + data + R"(],"total_count":)" + QByteArray::number(total) + "}"});
            });
        if (!server->listen(QHostAddress::LocalHost))
            qFatal("cannot listen");
        return server;
    }

    void aWrongTotalCountNeverCutsAListSilently_data()
    {
        QTest::addColumn<int>("how"); // 0 one organization, 1 the instance, 2 one address
        QTest::addColumn<qint64>("total");
        QTest::addColumn<bool>("repeat");
        QTest::addColumn<int>("expected");
        // 4,000 rows: more than the pages a walk asks for before the first answer (6 of 500).
        QTest::newRow("organization, total 0") << 0 << qint64(0) << false << 4000;
        QTest::newRow("instance, total 0") << 1 << qint64(0) << false << 4000;
        QTest::newRow("address, total 0") << 2 << qint64(0) << false << 4000;
        QTest::newRow("organization, total too small") << 0 << qint64(600) << false << 4000;
        QTest::newRow("organization, page 2 repeats page 1") << 0 << qint64(4000) << true << 500;
        QTest::newRow("address, page 2 repeats page 1") << 2 << qint64(4000) << true << 500;
    }

    void aWrongTotalCountNeverCutsAListSilently()
    {
        QFETCH(int, how);
        QFETCH(qint64, total);
        QFETCH(bool, repeat);
        QFETCH(int, expected);
        const std::unique_ptr<Sandbox::HttpServer> server = lyingList(4000, total, repeat);
        ClientConfig config = configFor(*m_sandbox);
        config.apiUrl = QUrl(u"http://127.0.0.1:%1/v1"_s.arg(server->port()));
        ClerkClient client(config);
        InvitationListing listing(&client);
        QSignalSpy finished(&listing, &InvitationListing::finished);
        Organization org;
        org.id = u"org_1"_s;
        if (how == 0)
            listing.loadOrganization(org, InvitationStatus::Pending);
        else if (how == 1)
            listing.loadInstance(InvitationStatus::Pending);
        else
            listing.searchEmail(u"x@example.com"_s);
        QVERIFY(finished.wait(30'000));
        // Walked while pages came full and new, whatever the count said; and the doubt is said.
        QCOMPARE(listing.invitations().size(), expected);
        QVERIFY2(!listing.doubt().isEmpty(), "a list that disagrees with its count was taken silently");
        QVERIFY2(listing.doubt().contains(repeat ? u"already read"_s : u"counted"_s), qPrintable(listing.doubt()));
        QCOMPARE(listing.extent(), InvitationListing::Extent::Doubted); // the window marks such a list
    }

    void theCliSaysAListMayBeShortAndExitsSeven()
    {
        const std::unique_ptr<Sandbox::HttpServer> server = lyingList(4000, 0, false);
        CliHarness cli(m_sandbox.get());
        const CliHarness::Run run =
            cli.run({u"--api-url"_s, u"http://127.0.0.1:%1/v1"_s.arg(server->port()), u"list"_s, u"org_1"_s,
                     u"--format"_s, u"csv"_s},
                    SandboxOptions::defaultProductionKey(), {}, false);
        QCOMPARE(run.exitCode, 7);
        QCOMPARE(int(run.out.count('\n')), 4000 + 1); // every row, and the header
        QVERIFY2(run.err.contains("warning: Clerk counted 0 invitations, but 4,000 were read"), run.err.constData());
    }

    void theCliWritesRowsAsTheyComeInClerksOrder_data()
    {
        // Pages are made into text on several threads (JSON, CSV) or on the writer's (a table), and
        // written in order; a JSON row starts with its newline, so 1,000 rows out are 1,000 lines.
        QTest::addColumn<QString>("format");
        QTest::addColumn<int>("linesBefore");
        QTest::newRow("csv") << u"csv"_s << 1 + 1000;
        QTest::newRow("json") << u"json"_s << 1000;
        QTest::newRow("table") << u"table"_s << 1 + 1000;
    }

    void theCliWritesRowsAsTheyComeInClerksOrder()
    {
        // 2,400 rows; the page at offset 1,000 is held back. The rows before it are out before it comes,
        // none after it is, and the whole output is in Clerk's order.
        QFETCH(QString, format);
        QFETCH(int, linesBefore);
        std::vector<Sandbox::HttpResponder> held;
        QByteArray heldBody;
        Sandbox::HttpServer server([&](const Sandbox::HttpRequest &request, Sandbox::HttpResponder responder) {
            const int limit = std::max(1, request.queryValue(u"limit"_s).toInt());
            const int offset = request.queryValue(u"offset"_s).toInt();
            QByteArray data;
            for (int i = offset; i < std::min(2400, offset + limit); ++i)
                data += (data.isEmpty() ? "" : ",") + invitationJson(u"orginv_row%1"_s.arg(i, 5, 10, QChar(u'0')), u"pending"_s);
            const QByteArray body = R"({"data":[)" + data + R"(],"total_count":2400})";
            if (offset == 1000) {
                held.push_back(responder);
                heldBody = body;
                return;
            }
            responder.respond({200, {}, body});
        });
        QVERIFY(server.listen(QHostAddress::LocalHost));
        CliHarness cli(m_sandbox.get());
        const std::unique_ptr<QProcess> process =
            cli.start({u"--api-url"_s, u"http://127.0.0.1:%1/v1"_s.arg(server.port()), u"list"_s, u"org_1"_s, u"--format"_s,
                       format},
                      SandboxOptions::defaultProductionKey(), false);
        QByteArray out;
        QVERIFY(QTest::qWaitFor([&] {
            out += process->readAllStandardOutput();
            return out.count('\n') >= linesBefore || process->state() == QProcess::NotRunning;
        }, 30'000));
        QVERIFY(process->state() == QProcess::Running); // still waiting for the held page…
        QCOMPARE(int(out.count('\n')), linesBefore); // …with every row before it written, none after
        QVERIFY(!held.empty());
        held.front().respond({200, {}, heldBody});
        const CliHarness::Run run = CliHarness::finish(*process);
        QCOMPARE(run.exitCode, 0);
        out += run.out;
        if (format == "json"_L1) {
            QJsonParseError error;
            const QJsonArray rows = QJsonDocument::fromJson(out, &error).array();
            QCOMPARE(error.error, QJsonParseError::NoError);
            QCOMPARE(rows.size(), 2400);
            for (int i = 0; i < 2400; ++i)
                QCOMPARE(rows.at(i)["id"_L1].toString(), u"orginv_row%1"_s.arg(i, 5, 10, QChar(u'0')));
            return;
        }
        const QList<QByteArray> lines = out.trimmed().split('\n');
        QCOMPARE(lines.size(), 1 + 2400);
        for (int i = 0; i < 2400; ++i)
            QVERIFY2(lines.at(i + 1).contains(u"orginv_row%1"_s.arg(i, 5, 10, QChar(u'0')).toLatin1()), lines.at(i + 1).constData());
    }

    void memoryDoesNotFollowWhatTheServerSends()
    {
        // Rows with 24 KiB of metadata each: a CSV (which shows none) keeps none; JSON keeps it, within
        // a bound per row; 48 KiB a row is more than anyone stores, and refused with a message.
        const std::unique_ptr<Sandbox::HttpServer> big = lyingList(1200, 1200, false, 24 * 1024);
        ClientConfig config = configFor(*m_sandbox);
        config.apiUrl = QUrl(u"http://127.0.0.1:%1/v1"_s.arg(big->port()));
        ClerkClient client(config);
        Organization org;
        org.id = u"org_1"_s;
        for (const bool keep : {false, true}) {
            InvitationListing listing(&client);
            listing.setKeepsMetadata(keep);
            QSignalSpy finished(&listing, &InvitationListing::finished);
            listing.loadOrganization(org, InvitationStatus::Pending);
            QVERIFY(finished.wait(30'000));
            QCOMPARE(listing.invitations().size(), 1200);
            for (const Invitation &inv : listing.invitations())
                QCOMPARE(inv.publicMetadata.isEmpty(), !keep);
        }
        const std::unique_ptr<Sandbox::HttpServer> huge = lyingList(1200, 1200, false, 48 * 1024);
        m_lyingListRequests = 0;
        CliHarness cli(m_sandbox.get());
        const CliHarness::Run run =
            cli.run({u"--api-url"_s, u"http://127.0.0.1:%1/v1"_s.arg(huge->port()), u"list"_s, u"org_1"_s,
                     u"--format"_s, u"json"_s},
                    SandboxOptions::defaultProductionKey(), {}, false);
        QCOMPARE(run.exitCode, 4);
        QVERIFY2(run.err.contains("carries 48 KiB of metadata; InviteDesk reads at most 32 KiB a row"), run.err.constData());
        // Refused by a bound of InviteDesk's own, it is not asked for again: the same answer would come.
        qInfo("%d pages asked for", m_lyingListRequests);
        QVERIFY2(m_lyingListRequests <= 8, qPrintable(QString::number(m_lyingListRequests)));
    }

    void aLookAlikeAddressIsNotTheAddressAskedAbout()
    {
        Invitation kelvin;
        kelvin.emailAddress = u"\u212Aelvin@example.com"_s; // the Kelvin sign, which Unicode folds to "k"
        QVERIFY(!EmailSearch::matches(u"kelvin@example.com"_s, kelvin));
        Invitation plain;
        plain.emailAddress = u"kelvin@example.com"_s;
        QVERIFY(EmailSearch::matches(u"Kelvin@EXAMPLE.com"_s, plain)); // ASCII letters in any case
        QVERIFY(!EmailSearch::matches(u"kelvin@example.co"_s, plain));
    }

    void aLyingTotalCountCannotStretchTheEmailSearch()
    {
        QByteArray data = "[" + invitationJson(u"orginv_a"_s, u"pending"_s) + "]";
        m_sandbox->addScriptedFault({ScriptedFault::Kind::RawAnswer, "GET", u"/organization_invitations"_s, 100000,
                                     200, 1, R"({"data":)" + data + R"(,"total_count":1000000000})"});
        EmailSearch search(m_client.get());
        QSignalSpy finished(&search, &EmailSearch::finished);
        search.start(u"x@example.com"_s);
        QVERIFY(finished.wait(10'000));
        QCOMPARE(search.invitations().size(), 1);
        QCOMPARE(requestsTo("GET", u"/organization_invitations"_s), 1);
    }
};

INVITEDESK_TEST_PARTS_GUILESS_MAIN(TestHostileServer)
#include "tst_hostileserver.moc"
