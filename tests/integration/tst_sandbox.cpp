// The sandbox itself: it must behave like Clerk where the client depends on it.

#include "support/TestSandbox.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace InviteDesk;
using namespace InviteDesk::Sandbox;

class TestSandbox : public QObject
{
    Q_OBJECT

    std::unique_ptr<ClerkSandbox> m_sandbox;
    QNetworkAccessManager m_network;

    struct Answer
    {
        int status = 0;
        QJsonObject body;
        QByteArray retryAfter;
        QNetworkReply::NetworkError error = QNetworkReply::NoError;
    };

    Answer get(const QByteArray &pathAndQuery, const QByteArray &key = SandboxOptions::defaultDevelopmentKey().toLatin1())
    {
        QNetworkRequest request(QUrl::fromEncoded("http://127.0.0.1:" + QByteArray::number(m_sandbox->port()) + pathAndQuery));
        if (!key.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + key);
        QNetworkReply *reply = m_network.get(request);
        if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 10'000))
            return {};
        Answer answer;
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.body = QJsonDocument::fromJson(reply->readAll()).object();
        answer.retryAfter = reply->rawHeader("Retry-After");
        answer.error = reply->error();
        reply->deleteLater();
        return answer;
    }

    static QString code(const Answer &answer)
    {
        return answer.body.value("errors"_L1).toArray().first().toObject().value("code"_L1).toString();
    }

private Q_SLOTS:
    void init() { m_sandbox = Testing::startSandbox(); }
    void cleanup() { m_sandbox.reset(); }

    void keyIsChecked()
    {
        QCOMPARE(get("/v1/organizations", {}).status, 401);
        QCOMPARE(code(get("/v1/organizations", {})), u"authorization_header_format_invalid"_s);
        const Answer wrong = get("/v1/organizations", "sk_test_nope");
        QCOMPARE(wrong.status, 401);
        QCOMPARE(code(wrong), u"clerk_key_invalid"_s);
        QVERIFY(!wrong.body.value("clerk_trace_id"_L1).toString().isEmpty());
        QCOMPARE(get("/v1/organizations").status, 200);
    }

    void pagination()
    {
        const Answer org = get("/v1/organizations/acme");
        const QByteArray id = org.body.value("id"_L1).toString().toLatin1();
        QVERIFY(id.startsWith("org_"));
        const Answer page = get("/v1/organizations/" + id + "/invitations?status=pending&limit=500&offset=1000");
        QCOMPARE(page.status, 200);
        QCOMPARE(page.body.value("total_count"_L1).toInt(), 1234);
        QCOMPARE(page.body.value("data"_L1).toArray().size(), 234);
        QCOMPARE(get("/v1/organizations/" + id + "/invitations?limit=501").status, 422);
        QCOMPARE(get("/v1/organizations/" + id + "/invitations?limit=0").status, 422);
        QCOMPARE(get("/v1/organizations/" + id + "/invitations?offset=-1").status, 422);
        QCOMPARE(code(get("/v1/organizations/" + id + "/invitations?limit=abc")), u"form_param_format_invalid"_s);
        // Default limit is 10, newest first.
        const QJsonArray ten = get("/v1/organizations/" + id + "/invitations?status=pending").body.value("data"_L1).toArray();
        QCOMPARE(ten.size(), 10);
        QVERIFY(ten.at(0)["created_at"_L1].toDouble() > ten.at(9)["created_at"_L1].toDouble());
    }

    void unencodedPlusIsASpace()
    {
        const QByteArray id = get("/v1/organizations/acme").body.value("id"_L1).toString().toLatin1();
        QCOMPARE(get("/v1/organizations/" + id + "/invitations?order_by=%2Bcreated_at").status, 200);
        QCOMPARE(get("/v1/organizations/" + id + "/invitations?order_by=+created_at").status, 422);
    }

    void unknownParameterIsRejected()
    {
        const Answer answer = get("/v1/organizations?colour=blue");
        QCOMPARE(answer.status, 422);
        QCOMPARE(code(answer), u"form_param_unknown"_s);
    }

    void organizationBySlugOrId()
    {
        const Answer bySlug = get("/v1/organizations/globex");
        QCOMPARE(bySlug.status, 200);
        const Answer byId = get("/v1/organizations/" + bySlug.body.value("id"_L1).toString().toLatin1());
        QCOMPARE(byId.body.value("slug"_L1).toString(), u"globex"_s);
        QCOMPARE(get("/v1/organizations/nope").status, 404);
        QCOMPARE(bySlug.body.value("pending_invitations_count"_L1).toInt(), 1234);
    }

    void rateLimitAnswers429WithRetryAfter()
    {
        m_sandbox->setRateLimitOverride(5, 60'000);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(get("/v1/organization_roles").status, 200);
        const Answer limited = get("/v1/organization_roles");
        QCOMPARE(limited.status, 429);
        QCOMPARE(code(limited), u"too_many_requests"_s);
        bool ok = false;
        const int seconds = limited.retryAfter.toInt(&ok);
        QVERIFY(ok && seconds >= 1 && seconds <= 60);
        // Another key is another instance.
        QCOMPARE(get("/v1/organization_roles", SandboxOptions::defaultProductionKey().toLatin1()).status, 200);
    }

    void faultsAreReal()
    {
        // Qt re-sends a request once or twice when a connection closes before any answer; drop them all.
        m_sandbox->addScriptedFault({ScriptedFault::Kind::Drop, "GET", u"organization_roles"_s, 10});
        const Answer dropped = get("/v1/organization_roles");
        QVERIFY(dropped.error != QNetworkReply::NoError);
        QCOMPARE(dropped.status, 0);
        m_sandbox->clearScriptedFaults();
        m_sandbox->addScriptedFault({ScriptedFault::Kind::ServerError, "GET", {}, 1, 503});
        const Answer unavailable = get("/v1/organization_roles");
        QCOMPARE(unavailable.status, 503);
        QCOMPARE(code(unavailable), u"service_unavailable"_s);
    }

    void instanceWideInvitationSearch()
    {
        const Answer answer = get("/v1/organization_invitations?query=umbrella.example&limit=500");
        QCOMPARE(answer.status, 200);
        const QJsonArray data = answer.body.value("data"_L1).toArray();
        QVERIFY(!data.isEmpty());
        for (const QJsonValue &v : data) {
            QVERIFY(v["email_address"_L1].toString().contains(u"umbrella.example"_s));
            QCOMPARE(v["public_organization_data"_L1]["slug"_L1].toString(), u"umbrella"_s);
        }
    }

    void answersFollowEditsMadeInPlace()
    {
        // Tests edit stored invitations directly, without updated_at; the answers must not be ones kept from
        // before (both lists keep each row's JSON between requests).
        const QByteArray orgPath = "/v1/organizations/" + get("/v1/organizations/umbrella").body.value("id"_L1).toString().toLatin1()
                                   + "/invitations?status=pending&limit=500";
        const QByteArray instancePath = "/v1/organization_invitations?status=pending&limit=500&query=umbrella.example";
        const QJsonArray before = get(orgPath).body.value("data"_L1).toArray();
        QVERIFY(!before.isEmpty());
        QVERIFY(!get(instancePath).body.value("data"_L1).toArray().isEmpty());
        const QString id = before.first()["id"_L1].toString();
        SandboxOrganization *org = m_sandbox->store().organization(u"umbrella"_s);
        for (SandboxInvitation &inv : org->invitations) {
            if (inv.id == id) {
                inv.emailAddress = u"edited@umbrella.example"_s;
                inv.role = u"org:admin"_s;
            }
        }
        org->name = u"Umbrella Renamed"_s;
        for (const QByteArray &path : {orgPath, instancePath}) {
            bool found = false;
            for (const QJsonValue &v : get(path).body.value("data"_L1).toArray()) {
                if (v["id"_L1].toString() != id)
                    continue;
                found = true;
                QCOMPARE(v["email_address"_L1].toString(), u"edited@umbrella.example"_s);
                QCOMPARE(v["role"_L1].toString(), u"org:admin"_s);
                if (path == instancePath)
                    QCOMPARE(v["public_organization_data"_L1]["name"_L1].toString(), u"Umbrella Renamed"_s);
            }
            QVERIFY2(found, path.constData());
        }
    }
};

QTEST_GUILESS_MAIN(TestSandbox)
#include "tst_sandbox.moc"
