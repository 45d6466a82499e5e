// The client against the sandbox over loopback: operations, errors of every layer, retries, lifetimes.

#include "core/api/RatePacer.h"
#include "support/ManualClock.h"
#include "support/TestSandbox.h"

#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace InviteDesk;
using namespace InviteDesk::Sandbox;
using namespace InviteDesk::Testing;

class TestClerkClient : public QObject
{
    Q_OBJECT

    std::unique_ptr<ClerkSandbox> m_sandbox;
    ManualClock m_clock; //!< given to the client by tests that move time themselves; outlives it
    std::unique_ptr<ClerkClient> m_client;

    QString orgId(const QString &slug) { return m_sandbox->store().organization(slug)->id; }

    QString firstPendingId(const QString &slug)
    {
        SandboxOrganization *org = m_sandbox->store().organization(slug);
        for (auto it = org->invitations.rbegin(); it != org->invitations.rend(); ++it) {
            if (SandboxStore::effectiveStatus(*it, m_sandbox->now()) == "pending"_L1)
                return it->id;
        }
        return {};
    }

private Q_SLOTS:
    void init()
    {
        m_sandbox = startSandbox();
        m_client = std::make_unique<ClerkClient>(configFor(*m_sandbox));
    }

    void cleanup()
    {
        m_client.reset();
        m_sandbox.reset();
    }

    void listAndGetOrganizations()
    {
        Waiter<Page<Organization>> list;
        OrganizationQuery query;
        query.query = u"glob"_s;
        m_client->listOrganizations(query, this, list.callback());
        QVERIFY(list.wait());
        QVERIFY(list.result->ok());
        QCOMPARE(list.result->value().totalCount, 1);
        QCOMPARE(list.result->value().data.first().slug, u"globex"_s);

        Waiter<Organization> bySlug;
        m_client->getOrganization(u"acme"_s, this, bySlug.callback());
        QVERIFY(bySlug.wait());
        QVERIFY(bySlug.result->ok());
        QCOMPARE(bySlug.result->value().pendingInvitationsCount.value_or(-1), 1234);

        Waiter<Organization> byId;
        m_client->getOrganization(bySlug.result->value().id, this, byId.callback());
        QVERIFY(byId.wait());
        QCOMPARE(byId.result->value().name, u"Acme Corporation"_s);
    }

    void everyRequestMatchesTheSpec()
    {
        Waiter<Page<Invitation>> list;
        InvitationQuery query;
        query.orderBy = u"+created_at"_s;
        query.status = InvitationStatus::Pending;
        m_client->listInvitations(orgId(u"initech"_s), query, this, list.callback());
        QVERIFY(list.wait());
        QVERIFY2(list.result->ok(), qPrintable(list.result->ok() ? QString() : list.result->error().oneLine()));
        Waiter<Page<Role>> roles;
        m_client->listRoles(10, 0, this, roles.callback());
        QVERIFY(roles.wait());
        QVERIFY(roles.result->ok());
        Waiter<Invitation> revoke;
        m_client->revokeInvitation(orgId(u"initech"_s), firstPendingId(u"initech"_s), {}, this, revoke.callback());
        QVERIFY(revoke.wait());
        QVERIFY(revoke.result->ok());
        QCOMPARE(revoke.result->value().status, InvitationStatus::Revoked);

        QCOMPARE(m_sandbox->requests().size(), std::size_t(3));
        for (const LoggedRequest &r : m_sandbox->requests()) {
            QVERIFY(r.authorized);
            QCOMPARE(r.headers.value("clerk-api-version"), QByteArray("2026-05-12"));
            QCOMPARE(r.headers.value("accept"), QByteArray("application/json"));
            QVERIFY(r.headers.value("user-agent").startsWith("InviteDesk/"));
            QVERIFY(!r.rawQuery.contains("__clerk_api_version"));
            QCOMPARE(r.status, 200); // the strict sandbox answers 422 to anything off-spec
        }
        QVERIFY(m_sandbox->requests().at(0).rawQuery.contains("order_by=%2Bcreated_at"));
        // A revoke without an acting user sends no body at all, as Clerk's own SDK does.
        QVERIFY(m_sandbox->requests().at(2).body.isEmpty());
    }

    void revokeWithActingUser()
    {
        SandboxOrganization *org = m_sandbox->store().organization(u"initech"_s);
        QString admin;
        QString member;
        for (auto it = org->members.cbegin(); it != org->members.cend(); ++it)
            (it.value() == "org:admin"_L1 ? admin : member) = it.key();
        Waiter<Invitation> forbidden;
        m_client->revokeInvitation(org->id, firstPendingId(u"initech"_s), member, this, forbidden.callback());
        QVERIFY(forbidden.wait());
        QVERIFY(!forbidden.result->ok());
        QVERIFY(forbidden.result->error().isForbidden());
        QCOMPARE(forbidden.result->error().code(), u"not_an_admin_in_organization"_s);

        Waiter<Invitation> allowed;
        m_client->revokeInvitation(org->id, firstPendingId(u"initech"_s), admin, this, allowed.callback());
        QVERIFY(allowed.wait());
        QVERIFY(allowed.result->ok());
        QCOMPARE(m_sandbox->requests().back().body, QByteArray("{\"requesting_user_id\":\"") + admin.toLatin1() + "\"}");
    }

    void idsReachTheServerAsOneSegment()
    {
        Waiter<Invitation> get;
        m_client->getInvitation(orgId(u"acme"_s), u"orginv_x/../../users"_s, this, get.callback());
        QVERIFY(get.wait());
        QVERIFY(!get.result->ok());
        QCOMPARE(get.result->error().httpStatus(), 404);
        QCOMPARE(m_sandbox->requests().back().rawPath,
                 "/v1/organizations/" + orgId(u"acme"_s).toLatin1() + "/invitations/orginv_x%2F..%2F..%2Fusers");
    }

    void httpErrors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");
        QTest::newRow("400") << 400 << QByteArray(R"({"errors":[{"code":"request_body_invalid","message":"m","long_message":"l"}]})") << u"request_body_invalid"_s;
        QTest::newRow("403") << 403 << QByteArray(R"({"errors":[{"code":"authorization_invalid","message":"m","long_message":"l"}]})") << u"authorization_invalid"_s;
        QTest::newRow("422") << 422 << QByteArray(R"({"errors":[{"code":"form_param_value_invalid","message":"m","long_message":"l","meta":{"param_name":"limit"}}]})") << u"form_param_value_invalid"_s;
        QTest::newRow("404 plain text") << 404 << QByteArray("not found") << QString();
    }

    void httpErrors()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        m_sandbox->addScriptedFault({ScriptedFault::Kind::RawAnswer, "GET", {}, 1, status, 1, body});
        Waiter<Page<Role>> w;
        m_client->listRoles(10, 0, this, w.callback());
        QVERIFY(w.wait());
        QVERIFY(!w.result->ok());
        QCOMPARE(w.result->error().kind(), ClerkError::Kind::Http);
        QCOMPARE(w.result->error().httpStatus(), status);
        QCOMPARE(w.result->error().code(), code);
        QCOMPARE(m_sandbox->requests().size(), std::size_t(1)); // 4xx is not retried
    }

    void wrongKey()
    {
        ClerkClient client(configFor(*m_sandbox, u"sk_live_notTheKey"_s));
        Waiter<Page<Organization>> w;
        client.listOrganizations({}, this, w.callback());
        QVERIFY(w.wait());
        QVERIFY(w.result->error().isUnauthorized());
        QCOMPARE(w.result->error().code(), u"clerk_key_invalid"_s);
        QVERIFY(!w.result->error().traceId().isEmpty());
        QVERIFY(w.result->error().userMessage().contains(u"key"_s));
    }

    void transientErrorsAreRetried_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("500") << int(ScriptedFault::Kind::ServerError);
        QTest::newRow("drop") << int(ScriptedFault::Kind::Drop);
        QTest::newRow("malformed") << int(ScriptedFault::Kind::Malformed);
        QTest::newRow("cut off") << int(ScriptedFault::Kind::LoseAnswer);
    }

    void transientErrorsAreRetried()
    {
        QFETCH(int, kind);
        m_sandbox->addScriptedFault({ScriptedFault::Kind(kind), "GET", u"organization_roles"_s, 2});
        Waiter<Page<Role>> w;
        m_client->listRoles(10, 0, this, w.callback());
        QVERIFY(w.wait());
        QVERIFY2(w.result->ok(), qPrintable(w.result->ok() ? QString() : w.result->error().oneLine()));
        QCOMPARE(w.result->value().data.size(), 4);
        QVERIFY(m_sandbox->requests().size() >= 3);
        QCOMPARE(w.calls, 1);
    }

    void retriesAreCapped()
    {
        m_sandbox->addScriptedFault({ScriptedFault::Kind::ServerError, "GET", {}, 100, 503});
        Waiter<Page<Role>> w;
        m_client->listRoles(10, 0, this, w.callback());
        QVERIFY(w.wait());
        QVERIFY(!w.result->ok());
        QVERIFY(w.result->error().isServerError());
        QCOMPARE(int(m_sandbox->requests().size()), m_client->config().maxReadAttempts);
    }

    void eachRetryWaitsLongerUpToTheCap()
    {
        // A read failing again and again waits about twice as long before each retry (half to all of 1, 2, 4…
        // times the first delay: jitter, so that many clients do not retry in step), never more than the cap.
        ClientConfig config = configFor(*m_sandbox);
        config.backoffInitial = std::chrono::milliseconds(1'000);
        config.backoffMax = std::chrono::milliseconds(3'000);
        config.maxReadAttempts = 5;
        m_client = std::make_unique<ClerkClient>(config);
        m_client->setClock(&m_clock);
        m_sandbox->addScriptedFault({ScriptedFault::Kind::ServerError, "GET", u"organization_roles"_s, 4, 503});
        Waiter<Page<Role>> w;
        m_client->listRoles(10, 0, this, w.callback());
        for (int retry = 0; retry < 4; ++retry) {
            QTRY_VERIFY(m_sandbox->requests().size() == std::size_t(retry + 1) && m_clock.runningTimers() == 1);
            const qint64 full = std::min<qint64>(config.backoffInitial.count() << retry, config.backoffMax.count());
            const qint64 delay = m_clock.nextTimeout()->count();
            QVERIFY2(delay >= full / 2 && delay <= full, qPrintable(u"retry %1 after %2 ms"_s.arg(retry).arg(delay)));
            m_clock.advance(std::chrono::milliseconds(delay - 1));
            QCOMPARE(m_clock.runningTimers(), 1); // not before its time
            m_clock.advance(std::chrono::milliseconds(1));
            QCOMPARE(m_clock.runningTimers(), 0);
        }
        QVERIFY(w.wait());
        QVERIFY2(w.result->ok(), qPrintable(w.result->ok() ? QString() : w.result->error().oneLine()));
        QCOMPARE(m_sandbox->requests().size(), std::size_t(5));
    }

    void writesAreNeverRetried()
    {
        m_sandbox->addScriptedFault({ScriptedFault::Kind::ServerError, "POST", {}, 5, 500});
        Waiter<Invitation> w;
        m_client->revokeInvitation(orgId(u"acme"_s), firstPendingId(u"acme"_s), {}, this, w.callback());
        QVERIFY(w.wait());
        QVERIFY(!w.result->ok());
        QVERIFY(w.result->error().outcomeUnknown());
        QCOMPARE(m_sandbox->requests().size(), std::size_t(1));
    }

    void readsWaitOutRateLimitsApartFromAttempts()
    {
        // More 429s than read attempts: a busy instance is waited out, not taken for a failure.
        const int limited = m_client->config().maxReadAttempts + 2;
        m_sandbox->addScriptedFault({ScriptedFault::Kind::RateLimit, "GET", {}, limited, 429, 0});
        Waiter<Page<Role>> w;
        m_client->listRoles(10, 0, this, w.callback());
        QVERIFY(w.wait());
        QVERIFY2(w.result->ok(), qPrintable(w.result->ok() ? QString() : w.result->error().oneLine()));
        QCOMPARE(int(m_sandbox->requests().size()), limited + 1);

        // …within their own cap.
        m_sandbox->clearRequests();
        m_sandbox->addScriptedFault({ScriptedFault::Kind::RateLimit, "GET", {}, 100, 429, 0});
        Waiter<Page<Role>> capped;
        m_client->listRoles(10, 0, this, capped.callback());
        QVERIFY(capped.wait());
        QVERIFY(!capped.result->ok());
        QVERIFY(capped.result->error().isRateLimited());
        QCOMPARE(int(m_sandbox->requests().size()), m_client->config().maxRateLimitWaits + 1);
    }

    void rateLimitHonoursRetryAfter()
    {
        m_client->setClock(&m_clock);
        RatePacer pacer(&m_clock);
        pacer.setBudget(RateBudget::forShare(KeyEnvironment::Production, 1.0));
        m_client->setPacer(&pacer);
        QSignalSpy limited(m_client.get(), &ClerkClient::rateLimited);
        m_sandbox->addScriptedFault({ScriptedFault::Kind::RateLimit, "GET", {}, 1, 429, 1});
        Waiter<Page<Role>> w;
        m_client->listRoles(10, 0, this, w.callback());
        QTRY_COMPARE_WITH_TIMEOUT(limited.size(), 1, 10'000);
        QCOMPARE(limited.first().first().toLongLong(), 1000);
        // Retry-After: 1 holds everything for exactly that long: not sent again a moment before.
        m_clock.advance(std::chrono::milliseconds(999));
        QVERIFY(pacer.isHeld());
        QCOMPARE(m_client->callsInFlight(), 1); // waiting, not given up
        QCOMPARE(m_sandbox->requests().size(), std::size_t(1));
        m_clock.advance(std::chrono::milliseconds(1));
        QVERIFY(!pacer.isHeld());
        m_clock.advance(std::chrono::milliseconds(100)); // then at the long-run rate: a send per 10.25 ms
        QVERIFY(w.wait());
        QVERIFY(w.result->ok());
        QCOMPARE(m_sandbox->requests().size(), std::size_t(2));
        m_client->setPacer(nullptr);
    }

    void timeout()
    {
        ClientConfig config = configFor(*m_sandbox);
        config.transferTimeout = std::chrono::milliseconds(300);
        config.maxReadAttempts = 1;
        ClerkClient client(config);
        m_sandbox->addScriptedFault({ScriptedFault::Kind::Stall, "GET", {}, 1});
        Waiter<Page<Role>> w;
        client.listRoles(10, 0, this, w.callback());
        QVERIFY(w.wait());
        QVERIFY(!w.result->ok());
        QCOMPARE(w.result->error().kind(), ClerkError::Kind::Timeout);
    }

    void connectionRefused()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        ClientConfig config = configFor(*m_sandbox);
        config.apiUrl = QUrl(u"http://127.0.0.1:%1/v1"_s.arg(port));
        config.maxReadAttempts = 2;
        ClerkClient client(config);
        Waiter<Page<Role>> w;
        client.listRoles(10, 0, this, w.callback());
        QVERIFY(w.wait());
        QVERIFY(!w.result->ok());
        QCOMPARE(w.result->error().kind(), ClerkError::Kind::Network);
        QCOMPARE(w.result->error().networkError(), QNetworkReply::ConnectionRefusedError);
        QVERIFY(!w.result->error().outcomeUnknown());
    }

    void cancelDeliversCancelled()
    {
        m_sandbox->addScriptedFault({ScriptedFault::Kind::Stall, "GET", {}, 1});
        Waiter<Page<Role>> w;
        const auto id = m_client->listRoles(10, 0, this, w.callback());
        QTRY_COMPARE(int(m_sandbox->requests().size()), 1);
        m_client->cancel(id);
        QVERIFY(!w.result.has_value()); // never from inside cancel()
        QCOMPARE(m_client->callsInFlight(), 0);
        QVERIFY(w.wait(1'000));
        QVERIFY(w.result->error().isCancelled());
        // No call is left that could answer again, and what was posted before is delivered now.
        QCOMPARE(m_client->callsInFlight(), 0);
        QCoreApplication::processEvents();
        QCOMPARE(w.calls, 1);
    }

    void destroyingTheClientMidRequestFiresNothing()
    {
        m_sandbox->addScriptedFault({ScriptedFault::Kind::Stall, "GET", {}, 1});
        Waiter<Page<Role>> w;
        m_client->listRoles(10, 0, this, w.callback());
        QTRY_COMPARE(int(m_sandbox->requests().size()), 1);
        m_client.reset(); // the sandbox never answers: only the client itself could call back
        QCoreApplication::processEvents();
        QCOMPARE(w.calls, 0);
    }

    void destroyingTheContextMidRequestFiresNothing()
    {
        m_sandbox->setFaults({150});
        auto context = std::make_unique<QObject>();
        Waiter<Page<Role>> w;
        m_client->listRoles(10, 0, context.get(), w.callback());
        QTRY_COMPARE(int(m_sandbox->requests().size()), 1);
        context.reset();
        // The call is gone (dropped with its context, or ended by the answer that came): nothing is left
        // that could still call back.
        QTRY_COMPARE_WITH_TIMEOUT(m_client->callsInFlight(), 0, 10'000);
        QCoreApplication::processEvents();
        QCOMPARE(w.calls, 0);
    }

    void insecureUrlIsRefusedBeforeSending()
    {
        ClientConfig config = configFor(*m_sandbox);
        config.apiUrl = QUrl(u"http://api.clerk.com/v1"_s);
        ClerkClient client(config);
        Waiter<Page<Role>> w;
        client.listRoles(10, 0, this, w.callback());
        QVERIFY(!w.result.has_value()); // never synchronous
        QVERIFY(w.wait());
        QCOMPARE(w.result->error().kind(), ClerkError::Kind::InvalidRequest);
        QVERIFY(w.result->error().userMessage().contains(u"https"_s));
    }

    void oversizedAnswerIsCutOff()
    {
        ClientConfig config = configFor(*m_sandbox);
        config.maxResponseBytes = 64 * 1024;
        ClerkClient client(config);
        Waiter<Page<Invitation>> w;
        InvitationQuery query;
        query.limit = 500;
        client.listInvitations(orgId(u"acme"_s), query, this, w.callback());
        QVERIFY(w.wait());
        QVERIFY(!w.result->ok());
        QCOMPARE(w.result->error().kind(), ClerkError::Kind::Payload);
        QVERIFY(w.result->error().detail().contains(u"larger"_s));
        QCOMPARE(m_sandbox->requests().size(), std::size_t(1)); // not retried
    }

    void crossOriginRedirectDoesNotCarryTheKey()
    {
        // A second server that records whatever reaches it.
        QTcpServer other;
        QVERIFY(other.listen(QHostAddress::LocalHost));
        QByteArray seenByOther;
        int connectionsToOther = 0;
        connect(&other, &QTcpServer::newConnection, this, [&other, &seenByOther, &connectionsToOther] {
            ++connectionsToOther;
            QTcpSocket *socket = other.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket, [socket, &seenByOther] { seenByOther += socket->readAll(); });
        });
        const QByteArray location = "http://127.0.0.1:" + QByteArray::number(other.serverPort()) + "/v1/organization_roles";
        // The API answers every request with a redirect to that other origin.
        QTcpServer redirector;
        QVERIFY(redirector.listen(QHostAddress::LocalHost));
        connect(&redirector, &QTcpServer::newConnection, this, [&redirector, location] {
            QTcpSocket *socket = redirector.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket, [socket, location] {
                socket->readAll();
                socket->write("HTTP/1.1 302 Found\r\nLocation: " + location + "\r\nContent-Length: 0\r\n\r\n");
            });
        });
        ClientConfig config;
        config.apiUrl = QUrl(u"http://127.0.0.1:%1/v1"_s.arg(redirector.serverPort()));
        config.secretKey = u"sk_live_secretThatMustStayHome"_s;
        config.maxReadAttempts = 1;
        ClerkClient client(config);
        Waiter<Page<Role>> w;
        client.listRoles(10, 0, this, w.callback());
        QVERIFY(w.wait());
        QVERIFY(!w.result->ok());
        // Whatever reached the other origin is read in whole (to the end of its headers) before it is judged.
        QCoreApplication::processEvents();
        if (connectionsToOther > 0 || other.hasPendingConnections())
            QTRY_VERIFY_WITH_TIMEOUT(seenByOther.contains("\r\n\r\n"), 10'000);
        QVERIFY2(!seenByOther.contains("sk_live_secretThatMustStayHome"), seenByOther.constData());
        QVERIFY(!w.result->error().userMessage().isEmpty());
    }

    void unknownStatusIsShownNotFatal()
    {
        m_sandbox->addScriptedFault({ScriptedFault::Kind::RawAnswer, "GET", {}, 1, 200,
                                     1, R"({"object":"organization_invitation","id":"orginv_1","email_address":"a@b.c",
                                          "status":"on_hold","created_at":1700000000000,"some_new_field":[1]})"});
        Waiter<Invitation> w;
        m_client->getInvitation(orgId(u"acme"_s), u"orginv_1"_s, this, w.callback());
        QVERIFY(w.wait());
        QVERIFY(w.result->ok());
        QCOMPARE(w.result->value().status, InvitationStatus::Unknown);
        QCOMPARE(w.result->value().statusText, u"on_hold"_s);
    }
};

QTEST_GUILESS_MAIN(TestClerkClient)
#include "tst_clerkclient.moc"
