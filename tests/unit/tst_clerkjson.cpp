// Parsing of Clerk's answers: real-shaped payloads, missing and unknown fields, bad input.

#include "core/api/ClerkJson.h"

#include <QtCore/QJsonDocument>
#include <QtTest/QTest>

#include <limits>

using namespace Qt::StringLiterals;
using namespace InviteDesk;

namespace {
// The shape of an invitation as Clerk documents it (values made up).
const QByteArray sampleInvitation = R"({
  "object": "organization_invitation",
  "id": "orginv_2abcDEF",
  "email_address": "zoë@example.com",
  "role": "org:member",
  "role_name": "Member",
  "organization_id": "org_123",
  "inviter_id": "user_9",
  "public_inviter_data": {"user_id": "user_9", "first_name": "Ada", "last_name": "Lovelace",
                          "image_url": "https:\/\/img.example\/u9", "has_image": true, "identifier": "ada@example.com"},
  "status": "pending",
  "public_metadata": {"team": "Platform"},
  "private_metadata": {"crm": 7},
  "url": "https:\/\/accounts.example\/accept?__clerk_ticket=abc",
  "expires_at": 1798262731819,
  "created_at": 1795670731819,
  "updated_at": 1795670731900
})";
} // namespace

class TestClerkJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void invitation()
    {
        const Result<Invitation> r = ClerkJson::parseInvitation(sampleInvitation);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().detail()));
        const Invitation &inv = r.value();
        QCOMPARE(inv.id, u"orginv_2abcDEF"_s);
        QCOMPARE(inv.emailAddress, u"zoë@example.com"_s);
        QCOMPARE(inv.status, InvitationStatus::Pending);
        QCOMPARE(inv.roleName, u"Member"_s);
        QCOMPARE(inv.createdAt, 1795670731819LL);
        QCOMPARE(inv.expiresAt.value(), 1798262731819LL);
        QVERIFY(inv.inviter);
        QCOMPARE(inv.inviterDisplay(), u"Ada Lovelace"_s);
        QCOMPARE(inv.publicMetadata.value("team"_L1).toString(), u"Platform"_s);
        QCOMPARE(inv.privateMetadata->value("crm"_L1).toInt(), 7);
    }

    void invitationVariants_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("status");
        QTest::addColumn<bool>("hasExpiry");
        QTest::addColumn<QString>("inviter");

        QTest::newRow("nulls") << QByteArray(R"({"id":"i1","email_address":"a@b.c","created_at":1700000000000,
            "expires_at":null,"url":null,"inviter_id":null,"public_inviter_data":null,"status":"revoked"})")
                               << true << u"revoked"_s << false << QString();
        QTest::newRow("unknown status kept") << QByteArray(R"({"id":"i1","email_address":"a@b.c","created_at":1,"status":"quarantined"})")
                                             << true << u"quarantined"_s << false << QString();
        QTest::newRow("unknown fields ignored") << QByteArray(R"({"id":"i1","email_address":"a@b.c","created_at":1700000000000,
            "status":"expired","future_field":{"x":[1,2,3]},"another":true})")
                                                << true << u"expired"_s << false << QString();
        QTest::newRow("inviter by identifier") << QByteArray(R"({"id":"i1","email_address":"a@b.c","created_at":1700000000000,
            "public_inviter_data":{"user_id":"u","first_name":null,"last_name":null,"identifier":"x@y.z"}})")
                                               << true << QString() << false << u"x@y.z"_s;
        QTest::newRow("missing id") << QByteArray(R"({"email_address":"a@b.c","created_at":1})") << false << QString()
                                    << false << QString();
        QTest::newRow("empty id") << QByteArray(R"({"id":"","email_address":"a@b.c","created_at":1})") << false
                                  << QString() << false << QString();
        QTest::newRow("id is a number") << QByteArray(R"({"id":5,"email_address":"a@b.c","created_at":1})") << false
                                        << QString() << false << QString();
        QTest::newRow("missing created_at") << QByteArray(R"({"id":"i","email_address":"a@b.c"})") << false << QString()
                                            << false << QString();
        QTest::newRow("created_at as string") << QByteArray(R"({"id":"i","email_address":"a@b.c","created_at":"yesterday"})")
                                              << false << QString() << false << QString();
        QTest::newRow("negative timestamp") << QByteArray(R"({"id":"i","email_address":"a@b.c","created_at":-5})")
                                            << false << QString() << false << QString();
        QTest::newRow("array, not object") << QByteArray("[1,2]") << false << QString() << false << QString();
        QTest::newRow("truncated") << sampleInvitation.left(100) << false << QString() << false << QString();
        QTest::newRow("html") << QByteArray("<html><body>502 Bad Gateway</body></html>") << false << QString() << false
                              << QString();
        QTest::newRow("empty") << QByteArray() << false << QString() << false << QString();
    }

    void invitationVariants()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, ok);
        QFETCH(QString, status);
        QFETCH(bool, hasExpiry);
        QFETCH(QString, inviter);
        const Result<Invitation> r = ClerkJson::parseInvitation(json);
        QCOMPARE(r.ok(), ok);
        if (!ok) {
            QCOMPARE(r.error().kind(), ClerkError::Kind::Payload);
            QVERIFY(!r.error().userMessage().isEmpty());
            return;
        }
        QCOMPARE(r.value().statusText, status);
        QCOMPARE(r.value().expiresAt.has_value(), hasExpiry);
        QCOMPARE(r.value().inviterDisplay(), inviter);
        if (status == "quarantined"_L1)
            QCOMPARE(r.value().status, InvitationStatus::Unknown);
    }

    void secondTimestampsAreScaled()
    {
        const Result<Invitation> r =
            ClerkJson::parseInvitation(R"({"id":"i","email_address":"a@b.c","created_at":1640995200})");
        QVERIFY(r.ok());
        QCOMPARE(r.value().createdAt, 1640995200000LL);
    }

    void page_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("items");
        QTest::addColumn<qint64>("total");
        QTest::newRow("two") << (QByteArray(R"({"data":[)") + sampleInvitation + ',' + sampleInvitation
                                 + R"(],"total_count":1234})")
                             << true << 2 << qint64(1234);
        QTest::newRow("empty page") << QByteArray(R"({"data":[],"total_count":0})") << true << 0 << qint64(0);
        QTest::newRow("no total") << QByteArray(R"({"data":[]})") << false << 0 << qint64(0);
        QTest::newRow("data not array") << QByteArray(R"({"data":{},"total_count":1})") << false << 0 << qint64(0);
        QTest::newRow("bad item") << QByteArray(R"({"data":[{"id":"x"}],"total_count":1})") << false << 0 << qint64(0);
        QTest::newRow("item not object") << QByteArray(R"({"data":[7],"total_count":1})") << false << 0 << qint64(0);
        QTest::newRow("negative total") << QByteArray(R"({"data":[],"total_count":-1})") << false << 0 << qint64(0);
    }

    void page()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, ok);
        QFETCH(int, items);
        QFETCH(qint64, total);
        const Result<Page<Invitation>> r = ClerkJson::parseInvitationPage(json);
        QCOMPARE(r.ok(), ok);
        if (ok) {
            QCOMPARE(r.value().data.size(), items);
            QCOMPARE(r.value().totalCount, total);
        }
    }

    void organization()
    {
        const Result<Page<Organization>> r = ClerkJson::parseOrganizationPage(R"({"data":[{"object":"organization",
            "id":"org_1","name":"Acme","slug":"acme","has_image":false,"max_allowed_memberships":0,
            "admin_delete_enabled":true,"public_metadata":{},"created_at":1700000000000,"updated_at":1700000000001,
            "pending_invitations_count":12,"members_count":3,"role_set_key":null}],"total_count":50000})");
        QVERIFY(r.ok());
        QCOMPARE(r.value().totalCount, 50000);
        const Organization &org = r.value().data.first();
        QCOMPARE(org.slug, u"acme"_s);
        QCOMPARE(org.pendingInvitationsCount.value(), 12);
        QCOMPARE(org.membersCount.value(), 3);
        QVERIFY(!ClerkJson::parseOrganization(R"({"id":"org_1"})").ok()); // no name
    }

    void roles()
    {
        const Result<Page<Role>> r = ClerkJson::parseRolePage(
            R"({"data":[{"object":"role","id":"role_1","key":"org:admin","name":"Admin","description":null,
               "is_creator_eligible":true,"permissions":[],"created_at":1,"updated_at":1}],"total_count":1})");
        QVERIFY(r.ok());
        QCOMPARE(r.value().data.first().key, u"org:admin"_s);
    }

    void roundTripKeepsClerkFieldNames()
    {
        const Invitation inv = ClerkJson::parseInvitation(sampleInvitation).value();
        const QJsonObject o = ClerkJson::toJson(inv);
        const QJsonObject original = QJsonDocument::fromJson(sampleInvitation).object();
        for (const QString &key : original.keys())
            QVERIFY2(o.contains(key), qPrintable(key));
        QCOMPARE(o.value("email_address"_L1), original.value("email_address"_L1));
        QCOMPARE(o.value("created_at"_L1).toDouble(), original.value("created_at"_L1).toDouble());
        QCOMPARE(ClerkJson::parseInvitation(QJsonDocument(o).toJson()).value().inviterDisplay(), u"Ada Lovelace"_s);
    }

    void errorEnvelope_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("cfRay");
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("trace");
        QTest::addColumn<QString>("param");
        QTest::addColumn<int>("retrySeconds");

        QTest::newRow("401") << 401
                             << QByteArray(R"({"errors":[{"message":"Secret Key is invalid","long_message":"The provided Clerk Secret Key is invalid.","code":"clerk_key_invalid"}],"clerk_trace_id":"t1"})")
                             << QByteArray("ray-1") << QByteArray() << u"clerk_key_invalid"_s << u"t1"_s << QString() << -1;
        QTest::newRow("422 param") << 422
                                   << QByteArray(R"({"errors":[{"message":"is invalid","long_message":"limit must be between 1 and 500.","code":"form_param_value_invalid","meta":{"param_name":"limit"}}]})")
                                   << QByteArray("ray-2") << QByteArray() << u"form_param_value_invalid"_s << u"ray-2"_s
                                   << u"limit"_s << -1;
        QTest::newRow("429") << 429 << QByteArray(R"({"errors":[{"message":"Too many requests","long_message":"","code":"too_many_requests"}]})")
                             << QByteArray() << QByteArray("7") << u"too_many_requests"_s << QString() << QString() << 7;
        QTest::newRow("html 502") << 502 << QByteArray("<html>Bad gateway</html>") << QByteArray("ray-3")
                                  << QByteArray() << QString() << u"ray-3"_s << QString() << -1;
        QTest::newRow("not pending as 404") << 404
                                            << QByteArray(R"({"errors":[{"message":"not pending","long_message":"x","code":"organization_invitation_not_pending"}]})")
                                            << QByteArray() << QByteArray() << u"organization_invitation_not_pending"_s
                                            << QString() << QString() << -1;
    }

    void errorEnvelope()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, cfRay);
        QFETCH(QByteArray, retryAfter);
        QFETCH(QString, code);
        QFETCH(QString, trace);
        QFETCH(QString, param);
        QFETCH(int, retrySeconds);
        const ClerkError e = ClerkError::fromHttp(status, body, cfRay, retryAfter);
        QCOMPARE(e.kind(), ClerkError::Kind::Http);
        QCOMPARE(e.httpStatus(), status);
        QCOMPARE(e.code(), code);
        QCOMPARE(e.traceId(), trace);
        QCOMPARE(e.paramName(), param);
        QCOMPARE(e.retryAfter() ? int(e.retryAfter()->count()) : -1, retrySeconds);
        QVERIFY(!e.userMessage().isEmpty());
        if (!trace.isEmpty())
            QVERIFY(e.oneLine().contains(trace));
        if (code == "organization_invitation_not_pending"_L1) {
            QVERIFY(e.isNotPending());
            QVERIFY(!e.isNotFound()); // keyed on the code, not the status
        }
    }

    void errorClassification()
    {
        QVERIFY(ClerkError::fromHttp(503, {}).isTransient());
        QVERIFY(ClerkError::fromHttp(503, {}).outcomeUnknown());
        QVERIFY(ClerkError::fromHttp(429, {}).isTransient());
        QVERIFY(!ClerkError::fromHttp(429, {}).outcomeUnknown());
        QVERIFY(!ClerkError::fromHttp(404, {}).isTransient());
        QVERIFY(ClerkError::timeout().outcomeUnknown());
        QVERIFY(!ClerkError::fromNetworkError(QNetworkReply::ConnectionRefusedError, {}).outcomeUnknown());
        QVERIFY(ClerkError::fromNetworkError(QNetworkReply::RemoteHostClosedError, {}).outcomeUnknown());
        QCOMPARE(ClerkError::fromNetworkError(QNetworkReply::SslHandshakeFailedError, u"self-signed"_s).kind(),
                 ClerkError::Kind::Tls);
        QVERIFY(!ClerkError::cancelled().isTransient());
    }

    void retryAfter()
    {
        QCOMPARE(ClerkError::parseRetryAfter("12")->count(), 12);
        QCOMPARE(ClerkError::parseRetryAfter(" 0 ")->count(), 0);
        QVERIFY(!ClerkError::parseRetryAfter("-3"));
        QVERIFY(!ClerkError::parseRetryAfter("soon"));
        QVERIFY(!ClerkError::parseRetryAfter(""));
        const QByteArray date = QDateTime::currentDateTimeUtc().addSecs(90).toString(Qt::RFC2822Date).toLatin1();
        const auto parsed = ClerkError::parseRetryAfter(date);
        QVERIFY(parsed);
        QVERIFY(parsed->count() >= 85 && parsed->count() <= 90);
        // The form servers send (RFC 9110's IMF-fixdate), in the past: "now".
        QCOMPARE(ClerkError::parseRetryAfter("Sun, 06 Nov 1994 08:49:37 GMT")->count(), 0);
        const QByteArray imf = QLocale::c()
                                   .toString(QDateTime::currentDateTimeUtc().addSecs(120), u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s)
                                   .toLatin1();
        const auto future = ClerkError::parseRetryAfter(imf);
        QVERIFY2(future && future->count() >= 115 && future->count() <= 120, imf.constData());
    }

    void hostileRetryAfter_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<qint64>("atLeast"); // -1: unreadable, the caller's default applies
        QTest::newRow("days") << QByteArray("999999") << qint64(999999);
        QTest::newRow("overflows 64 bits") << QByteArray("99999999999999999999999999999") << qint64(365) * 86400;
        QTest::newRow("max int64") << QByteArray("9223372036854775807") << qint64(365) * 86400;
        QTest::newRow("fraction") << QByteArray("1.5") << qint64(-1);
        QTest::newRow("plus sign") << QByteArray("+5") << qint64(-1);
        QTest::newRow("hex") << QByteArray("0x10") << qint64(-1);
        QTest::newRow("negative") << QByteArray("-999999") << qint64(-1);
        QTest::newRow("sent twice") << QByteArray("999, 999") << qint64(999);
        QTest::newRow("two numbers") << QByteArray("5, 6") << qint64(6);
        QTest::newRow("a number and garbage") << QByteArray("5, soon") << qint64(-1);
        QTest::newRow("RFC 850 date") << QLocale::c()
                                             .toString(QDateTime::currentDateTimeUtc().addDays(2), u"dddd, dd-MMM-yy HH:mm:ss 'GMT'"_s)
                                             .toLatin1()
                                      << qint64(86400);
        QTest::newRow("asctime date") << QLocale::c()
                                             .toString(QDateTime::currentDateTimeUtc().addDays(2), u"ddd MMM d HH:mm:ss yyyy"_s)
                                             .toLatin1()
                                      << qint64(86400);
        QTest::newRow("nul byte") << QByteArray("5\0", 2) << qint64(-1);
        QTest::newRow("very long") << QByteArray(100'000, '9') << qint64(-1);
    }

    void hostileRetryAfter()
    {
        QFETCH(QByteArray, header);
        QFETCH(qint64, atLeast);
        const auto parsed = ClerkError::parseRetryAfter(header);
        if (atLeast < 0) {
            QVERIFY(!parsed);
            return;
        }
        QVERIFY(parsed);
        QVERIFY(parsed->count() >= atLeast);
        // Whatever was asked, adding it to a clock in milliseconds must not overflow.
        QVERIFY(parsed->count() < std::numeric_limits<qint64>::max() / 1'000'000'000);
    }

    void refusedWaitIsFinalAndSaysWhy()
    {
        const ClerkError limited = ClerkError::fromHttp(429, {}, {}, "999999");
        QVERIFY(limited.isTransient());
        const ClerkError refused = ClerkError::rateLimitTooLong(limited, std::chrono::seconds(60));
        QVERIFY(refused.isRateLimited());
        QVERIFY(refused.isWaitRefused());
        QVERIFY(!refused.isTransient());
        QVERIFY2(refused.userMessage().contains(u"11.6 days"_s), qPrintable(refused.userMessage()));
        QVERIFY2(refused.userMessage().contains(u"60 second"_s), qPrintable(refused.userMessage()));
    }
};

QTEST_GUILESS_MAIN(TestClerkJson)
#include "tst_clerkjson.moc"
