// The fast invitation reader: it must read every answer the sandbox gives (else it is no fast path),
// and whatever it reads must equal what the general QJsonDocument parser reads from the same bytes;
// what it declines must still come out right through parseInvitationPage().
// (Inputs with \" or // are plain string literals: moc misreads those inside raw strings.)

#include "core/ClerkJson.h"
#include "core/InvitationReader.h"
#include "support/TestSandbox.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace InviteDesk;

namespace {

/*! Everything the console keeps of an invitation, as comparable text. */
QByteArray canonical(const Invitation &inv)
{
    return QJsonDocument(ClerkJson::toJson(inv)).toJson(QJsonDocument::Compact) + ' '
        + QByteArray::number(int(inv.status));
}

QByteArray canonical(const Page<Invitation> &page)
{
    QByteArray text = QByteArray::number(page.totalCount);
    for (const Invitation &inv : page.data)
        text += '\n' + canonical(inv);
    return text;
}

QByteArray page(const QByteArray &item, const QByteArray &total = "1")
{
    return R"({"data":[)" + item + R"(],"total_count":)" + total + '}';
}

QByteArray invitation(const QByteArray &extra)
{
    return R"({"id":"orginv_1","email_address":"a@example.com","created_at":1795670731819)" + extra + '}';
}

/*! Clerk's shape with every field. (Slashes escaped: moc reads // in a raw string as a comment.) */
const QByteArray full = R"({"object":"organization_invitation","id":"orginv_2abc","email_address":"zoë@example.com",
  "role":"org:member","role_name":"Member","organization_id":"org_1","inviter_id":"user_9",
  "public_inviter_data":{"user_id":"user_9","first_name":"Ada","last_name":"Lovelace",
  "image_url":"https:\/\/img.example\/u9","has_image":true,"identifier":"ada@example.com"},
  "public_organization_data":{"id":"org_1","name":"Acme","slug":"acme"},
  "status":"pending","public_metadata":{"team":"Platform","n":[1,2.5,{"x":null}]},"private_metadata":{},
  "url":"https:\/\/accounts.example\/accept?__clerk_ticket=abc",
  "expires_at":1798262731819,"created_at":1795670731819,"updated_at":1795670731900})";

} // namespace

class TestInvitationReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameAnswerAsTheGeneralParser_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("fast"); // read by the fast path, or handed on

        // Read by the fast path:
        QTest::newRow("full") << page(full + ',' + full, "2") << true;
        QTest::newRow("minimal") << page(invitation("")) << true;
        QTest::newRow("empty page") << QByteArray(R"({"data":[],"total_count":0})") << true;
        QTest::newRow("spaces everywhere") << (" \n{ \"total_count\" : 1 ,\t\"data\" : [ " + invitation("") + " ] }\r\n")
                                           << true;
        QTest::newRow("escapes") << page(invitation(",\"role_name\":\"A \\\"b\\\" \\\\ \\/ \\b\\f\\n\\r\\t \\u00e9\\u4e2d\""))
                                 << true;
        QTest::newRow("escaped email") << page(R"({"id":"i","email_address":"z\u00f6e@x.y","created_at":1})") << true;
        QTest::newRow("raw unicode") << page(invitation(R"(,"role_name":"Ελληνικά 中文 😀")")) << true;
        QTest::newRow("seconds scaled") << page(R"({"id":"i","email_address":"a@b","created_at":1640995200})") << true;
        QTest::newRow("other types") << page(invitation(R"(,"role":5,"status":null,"url":true,"public_inviter_data":"x",)"
                                                 R"("public_metadata":[1],"private_metadata":"s","expires_at":"soon",)"
                                                 R"("updated_at":null,"inviter_id":{})"))
                                     << true;
        QTest::newRow("has_image not bool") << page(invitation(R"(,"public_inviter_data":{"has_image":"yes"})")) << true;
        QTest::newRow("org id from org data") << page(invitation(R"(,"public_organization_data":{"id":"org_9"})"))
                                              << true;
        QTest::newRow("unknown fields") << page(invitation( ",\"future\":{\"a\":[{\"b\":\"}]\"}]},\"n\":-1,\"x\":false"))
                                        << true;
        QTest::newRow("unknown top-level") << QByteArray(R"({"x":[1],"data":[],"total_count":0,"y":"z"})") << true;

        // Handed to the general parser, which reads them:
        QTest::newRow("escaped key") << page(R"({"i\u0064":"i","email_address":"a@b","created_at":1})") << false;
        QTest::newRow("repeated id") << page(invitation(R"(,"id":"orginv_2")")) << false;
        QTest::newRow("repeated data") << QByteArray(R"({"data":[],"data":[],"total_count":0})") << false;
        QTest::newRow("unknown escape") << page(invitation(R"(,"role":"\q")")) << false;
        QTest::newRow("surrogate pair") << page(invitation(R"(,"role":"\ud83d\ude00")")) << false;
        QTest::newRow("lone surrogate") << page(invitation(R"(,"role":"\ud800")")) << false;
        QTest::newRow("escaped NUL") << page(invitation(R"(,"role":"a\u0000b")")) << false;
        QTest::newRow("raw tab in string") << page(invitation(",\"role\":\"a\tb\"")) << false;
        QTest::newRow("non-character") << page(invitation(",\"role\":\"\xEF\xBF\xBE\"")) << false;
        QTest::newRow("BOM in string") << page(invitation(",\"role\":\"\xEF\xBB\xBFx\"")) << false;
        QTest::newRow("fraction timestamp") << page(R"({"id":"i","email_address":"a@b","created_at":1.7e12})") << false;
        QTest::newRow("fraction in unknown") << page(invitation(R"(,"score":0.5)")) << false;
        QTest::newRow("deep metadata") << page(invitation(",\"public_metadata\":" + QByteArray(40, '[')
                                                          + QByteArray(40, ']')))
                                       << false;
        QTest::newRow("negative updated_at") << page(invitation(R"(,"updated_at":-3)")) << false;

        // Handed on, and errors there:
        QTest::newRow("bad UTF-8") << page(invitation(",\"role\":\"\xC3\x28\"")) << false;
        QTest::newRow("overlong UTF-8") << page(invitation(",\"role\":\"\xC0\xAF\"")) << false;
        QTest::newRow("bad hex escape") << page(invitation(R"(,"role":"\uZZZZ")")) << false;
        QTest::newRow("bad metadata") << page(invitation(R"(,"public_metadata":{"a":})")) << false;
        QTest::newRow("huge number") << page(invitation(R"(,"x":1e999)")) << false;
        QTest::newRow("leading zero") << page(R"({"id":"i","email_address":"a@b","created_at":01})") << false;
        QTest::newRow("trailing garbage") << (page(invitation("")) + "x") << false;
        QTest::newRow("trailing comma") << page(invitation("") + ',') << false;
        QTest::newRow("missing id") << page(R"({"email_address":"a@b","created_at":1})") << false;
        QTest::newRow("empty id") << page(R"({"id":"","email_address":"a@b","created_at":1})") << false;
        QTest::newRow("no created_at") << page(R"({"id":"i","email_address":"a@b"})") << false;
        QTest::newRow("total as text") << page(invitation(""), "\"1\"") << false;
        QTest::newRow("total too big") << page(invitation(""), "99999999999") << false;
        QTest::newRow("item not object") << page("7") << false;
        QTest::newRow("truncated") << page(full).left(300) << false;
        QTest::newRow("unterminated string in metadata") << page(invitation(",\"public_metadata\":{\"a\":\"\\")) << false;
        QTest::newRow("array") << QByteArray("[]") << false;
        QTest::newRow("empty") << QByteArray() << false;
    }

    void sameAnswerAsTheGeneralParser()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, fast);
        const std::optional<Page<Invitation>> quick = InvitationReader::readPage(json);
        QCOMPARE(quick.has_value(), fast);
        const Result<Page<Invitation>> general = ClerkJson::parseInvitationPageGeneral(json);
        const Result<Page<Invitation>> chosen = ClerkJson::parseInvitationPage(json);
        QCOMPARE(chosen.ok(), general.ok());
        if (!general.ok()) {
            QCOMPARE(chosen.error().detail(), general.error().detail());
            return;
        }
        QCOMPARE(canonical(chosen.value()), canonical(general.value()));
        if (quick)
            QCOMPARE(canonical(*quick), canonical(general.value()));
    }

    void oneInvitation()
    {
        const std::optional<Invitation> quick = InvitationReader::readOne(full);
        QVERIFY(quick);
        QCOMPARE(canonical(*quick), canonical(ClerkJson::parseInvitationGeneral(full).value()));
        QCOMPARE(quick->inviterDisplay(), u"Ada Lovelace"_s);
        QCOMPARE(quick->publicMetadata.value("n"_L1).toArray().at(1).toDouble(), 2.5);
        QVERIFY(quick->privateMetadata.has_value());
        QVERIFY(!InvitationReader::readOne(QByteArray(full + "]")));
    }

    /*! Every page the sandbox serves — unicode and very long addresses, with and without inviter data. */
    void everySandboxAnswerTakesTheFastPath()
    {
        const std::unique_ptr<Sandbox::ClerkSandbox> sandbox = Testing::startSandbox();
        QNetworkAccessManager network;
        const auto get = [&](const QString &pathAndQuery) {
            QNetworkRequest request(QUrl(sandbox->apiUrl().toString() + pathAndQuery));
            request.setRawHeader("Authorization",
                                 "Bearer " + Sandbox::SandboxOptions::defaultProductionKey().toLatin1());
            QNetworkReply *reply = network.get(request);
            if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 15'000))
                qFatal("no answer from the sandbox");
            const QByteArray body = reply->readAll();
            reply->deleteLater();
            return body;
        };
        int invitations = 0;
        QStringList paths{u"/organization_invitations?limit=500"_s,
                          u"/organization_invitations?limit=500&query=contractor"_s};
        for (const Sandbox::SandboxOrganization &org : sandbox->store().organizations) {
            for (int offset = 0; offset < int(org.invitations.size()); offset += 500)
                paths << u"/organizations/%1/invitations?limit=500&offset=%2"_s.arg(org.id).arg(offset);
        }
        for (const QString &path : std::as_const(paths)) {
            const QByteArray body = get(path);
            const std::optional<Page<Invitation>> quick = InvitationReader::readPage(body);
            QVERIFY2(quick, qPrintable(path));
            const Result<Page<Invitation>> general = ClerkJson::parseInvitationPageGeneral(body);
            QVERIFY2(general.ok(), qPrintable(path));
            QCOMPARE(canonical(*quick), canonical(general.value()));
            invitations += int(quick->data.size());
        }
        QVERIFY(invitations > 1'300);
    }
};

QTEST_GUILESS_MAIN(TestInvitationReader)
#include "tst_invitationreader.moc"
