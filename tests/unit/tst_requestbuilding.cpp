// Request building: URL checks, percent-encoding of IDs, headers. Nothing is sent here.

#include "core/api/ClerkClient.h"

#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace InviteDesk;

class TestRequestBuilding : public QObject
{
    Q_OBJECT

    static ClientConfig config(const QString &url = u"https://api.clerk.com/v1"_s)
    {
        ClientConfig c;
        c.apiUrl = QUrl(url);
        c.secretKey = u"sk_test_abc123"_s;
        return c;
    }

private Q_SLOTS:
    void apiUrlPolicy_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("clerk") << u"https://api.clerk.com/v1"_s << true;
        QTest::newRow("https anywhere") << u"https://proxy.internal.example/v1"_s << true;
        QTest::newRow("http loopback v4") << u"http://127.0.0.1:8080/v1"_s << true;
        QTest::newRow("http loopback 127/8") << u"http://127.45.0.9/v1"_s << true;
        QTest::newRow("http loopback v6") << u"http://[::1]:9000/v1"_s << true;
        QTest::newRow("http localhost") << u"http://localhost:9000/v1"_s << true;
        QTest::newRow("http remote") << u"http://api.clerk.com/v1"_s << false;
        QTest::newRow("http private lan") << u"http://192.168.1.10/v1"_s << false;
        QTest::newRow("http localhost lookalike") << u"http://localhost.evil.example/v1"_s << false;
        QTest::newRow("ftp") << u"ftp://api.clerk.com/v1"_s << false;
        QTest::newRow("credentials") << u"https://user:pw@api.clerk.com/v1"_s << false;
        QTest::newRow("query") << u"https://api.clerk.com/v1?x=1"_s << false;
        QTest::newRow("garbage") << u"not a url"_s << false;
    }

    void apiUrlPolicy()
    {
        QFETCH(QString, url);
        QFETCH(bool, allowed);
        const std::optional<ClerkError> error = checkApiUrl(QUrl(url));
        QCOMPARE(!error.has_value(), allowed);
        if (error) {
            QCOMPARE(error->kind(), ClerkError::Kind::InvalidRequest);
            QVERIFY(!error->userMessage().isEmpty());
        }
    }

    void pathSegmentsAreEncodedAsOne_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QByteArray>("encodedPath");
        QTest::newRow("plain") << u"orginv_2abc"_s << QByteArray("/v1/organizations/org_1/invitations/orginv_2abc");
        QTest::newRow("traversal") << u"orginv_x/../../users"_s
                                   << QByteArray("/v1/organizations/org_1/invitations/orginv_x%2F..%2F..%2Fusers");
        QTest::newRow("query and fragment") << u"a?b#c"_s << QByteArray("/v1/organizations/org_1/invitations/a%3Fb%23c");
        QTest::newRow("percent") << u"100%"_s << QByteArray("/v1/organizations/org_1/invitations/100%25");
        QTest::newRow("space") << u"a b"_s << QByteArray("/v1/organizations/org_1/invitations/a%20b");
        QTest::newRow("unicode") << u"ünï"_s << QByteArray("/v1/organizations/org_1/invitations/%C3%BCn%C3%AF");
        QTest::newRow("backslash") << u"a\\b"_s << QByteArray("/v1/organizations/org_1/invitations/a%5Cb");
    }

    void pathSegmentsAreEncodedAsOne()
    {
        QFETCH(QString, id);
        QFETCH(QByteArray, encodedPath);
        ClerkClient client(config());
        const Result<QUrl> url = client.buildUrl({u"organizations"_s, u"org_1"_s, u"invitations"_s, id});
        QVERIFY(url.ok());
        QCOMPARE(url.value().path(QUrl::FullyEncoded).toLatin1(), encodedPath);
        // What actually goes on the wire:
        QVERIFY(url.value().toEncoded().endsWith(encodedPath));
    }

    void dotSegmentsAreRefused_data()
    {
        QTest::addColumn<QString>("id");
        QTest::newRow("empty") << QString();
        QTest::newRow("dot") << u"."_s;
        QTest::newRow("dotdot") << u".."_s;
    }

    void dotSegmentsAreRefused()
    {
        QFETCH(QString, id);
        ClerkClient client(config());
        const Result<QUrl> url = client.buildUrl({u"organizations"_s, id, u"invitations"_s});
        QVERIFY(!url.ok());
        QCOMPARE(url.error().kind(), ClerkError::Kind::InvalidRequest);
    }

    void basePathIsKept()
    {
        ClerkClient client(config(u"https://proxy.example/clerk/v1/"_s));
        const Result<QUrl> url = client.buildUrl({u"organizations"_s});
        QVERIFY(url.ok());
        QCOMPARE(url.value().toString(), u"https://proxy.example/clerk/v1/organizations"_s);
    }

    void plusInQueryIsEncoded()
    {
        ClerkClient client(config());
        QUrlQuery query;
        query.addQueryItem(u"order_by"_s, u"+created_at"_s);
        query.addQueryItem(u"email_address"_s, u"a+b&c=d@x.y"_s);
        const Result<QUrl> url = client.buildUrl({u"organizations"_s}, query);
        QVERIFY(url.ok());
        const QByteArray encoded = url.value().toEncoded();
        QVERIFY2(encoded.contains("order_by=%2Bcreated_at"), encoded.constData());
        QVERIFY2(encoded.contains("email_address=a%2Bb%26c%3Dd%40x.y"), encoded.constData());
    }

    void headers()
    {
        ClerkClient client(config());
        const QNetworkRequest request =
            client.buildRequest(QUrl(u"https://api.clerk.com/v1/organizations"_s), ClerkClient::Method::Post, true);
        QCOMPARE(request.rawHeader("Authorization"), QByteArray("Bearer sk_test_abc123"));
        QCOMPARE(request.rawHeader("Clerk-API-Version"), QByteArray("2026-05-12"));
        QCOMPARE(request.rawHeader("Accept"), QByteArray("application/json"));
        QCOMPARE(request.header(QNetworkRequest::ContentTypeHeader).toByteArray(), QByteArray("application/json"));
        const QByteArray agent = request.header(QNetworkRequest::UserAgentHeader).toByteArray();
        QVERIFY2(agent.startsWith("InviteDesk/") && agent.contains("(Qt ") && agent.contains(qVersion()),
                 agent.constData());
        QCOMPARE(request.transferTimeout(), 30'000);
        // A write never follows a redirect; a read follows same-origin ones only.
        QCOMPARE(request.attribute(QNetworkRequest::RedirectPolicyAttribute).toInt(),
                 int(QNetworkRequest::ManualRedirectPolicy));
        const QNetworkRequest get = client.buildRequest(QUrl(u"https://api.clerk.com/v1/organizations"_s));
        QVERIFY(!get.header(QNetworkRequest::ContentTypeHeader).isValid());
        QCOMPARE(get.attribute(QNetworkRequest::RedirectPolicyAttribute).toInt(),
                 int(QNetworkRequest::SameOriginRedirectPolicy));
        QCOMPARE(get.maximumRedirectsAllowed(), 3);
    }

    void secretKeyChecks()
    {
        QVERIFY(!checkSecretKey(u"sk_live_abc"_s));
        QVERIFY(checkSecretKey(QString()));
        QVERIFY(checkSecretKey(u"sk_live_abc\r\nX-Injected: 1"_s));
        QVERIFY(checkSecretKey(u"sk_live_ abc"_s));
        QVERIFY(checkSecretKey(u"sk_live_äbc"_s));
    }

    void environments()
    {
        QCOMPARE(environmentOfKey(u"sk_live_x"), KeyEnvironment::Production);
        QCOMPARE(environmentOfKey(u"sk_test_x"), KeyEnvironment::Development);
        QCOMPARE(environmentOfKey(u"pk_test_x"), KeyEnvironment::Unknown);
    }

    void fingerprintNeverRevealsTheKey()
    {
        const QString key = u"sk_live_0123456789abcdefghijklmnopqrstuv"_s;
        const QString fp = keyFingerprint(key);
        QCOMPARE(fp.size(), 12);
        QVERIFY(!key.contains(fp));
        QCOMPARE(keyFingerprint(key), fp);
        QVERIFY(keyFingerprint(key + u'x') != fp);
    }
};

QTEST_GUILESS_MAIN(TestRequestBuilding)
#include "tst_requestbuilding.moc"
