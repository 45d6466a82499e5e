// Every request InviteDesk sends is one Clerk's API declares: the client and the workflows are run against
// the sandbox, what reached it is recorded, and each request is checked against tests/spec/clerk-operations.json
// (method, path, query parameters and their values, body fields). That list is itself checked against Clerk's
// official OpenAPI specification by tests/spec/check-operations.py wherever a copy of it is at hand.

#include "core/workflows/InvitationListing.h"
#include "support/TestSandbox.h"

#include <QtCore/QDir>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QUrlQuery>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace InviteDesk;
using namespace InviteDesk::Testing;

namespace {

/*! The operations of clerk-operations.json. */
QJsonArray operations()
{
    QFile file(QFINDTESTDATA("spec/clerk-operations.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read spec/clerk-operations.json");
    return QJsonDocument::fromJson(file.readAll()).object().value("operations"_L1).toArray();
}

bool pathMatches(const QString &pattern, const QString &path)
{
    const QStringList want = pattern.split(u'/');
    const QStringList have = path.split(u'/');
    if (want.size() != have.size())
        return false;
    for (qsizetype i = 0; i < want.size(); ++i) {
        const bool parameter = want[i].startsWith(u'{') && want[i].endsWith(u'}');
        if (parameter ? have[i].isEmpty() : want[i] != have[i])
            return false;
    }
    return true;
}

/*! Why \a value is not one \a rule allows ("" when it is). */
QString valueProblem(const QJsonObject &rule, const QString &value)
{
    if (rule.contains("enum"_L1))
        return rule.value("enum"_L1).toArray().contains(value) ? QString() : u"not one of its values"_s;
    if (rule.contains("integer"_L1)) {
        bool ok = false;
        const qlonglong n = value.toLongLong(&ok);
        const QJsonArray bounds = rule.value("integer"_L1).toArray();
        if (!ok || (!bounds[0].isNull() && n < bounds[0].toInteger()) || (!bounds[1].isNull() && n > bounds[1].toInteger()))
            return u"not a whole number in its range"_s;
        return {};
    }
    if (rule.contains("boolean"_L1))
        return value == "true"_L1 || value == "false"_L1 ? QString() : u"not true or false"_s;
    return value.isEmpty() ? u"empty"_s : QString();
}

/*!
 * What is wrong with \a request by the list (empty: nothing), and which operation it is (\a matched).
 */
QStringList problemsOf(const Sandbox::LoggedRequest &request, const QJsonArray &ops, QString *matched)
{
    const QString path = QString::fromLatin1(request.rawPath).mid(3); // without "/v1"
    const QString where = QString::fromLatin1(request.method) + u' ' + QString::fromLatin1(request.rawPath);
    for (const QJsonValue &v : ops) {
        const QJsonObject op = v.toObject();
        if (op.value("method"_L1).toString().toLatin1() != request.method || !pathMatches(op.value("path"_L1).toString(), path))
            continue;
        *matched = op.value("method"_L1).toString() + u' ' + op.value("path"_L1).toString();
        QStringList problems;
        const QJsonObject allowed = op.value("query"_L1).toObject();
        const QUrlQuery query(QString::fromLatin1(request.rawQuery));
        for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
            if (!allowed.contains(key))
                problems << u"%1: query parameter %2 is not in the list"_s.arg(where, key);
            else if (const QString why = valueProblem(allowed.value(key).toObject(), value); !why.isEmpty())
                problems << u"%1: %2=%3 is %4"_s.arg(where, key, value, why);
        }
        if (!request.body.isEmpty()) {
            const QJsonArray fields = op.value("body"_L1).toArray();
            const QJsonObject body = QJsonDocument::fromJson(request.body).object();
            if (fields.isEmpty())
                problems << u"%1: a body where none is declared"_s.arg(where);
            for (auto it = body.begin(); it != body.end(); ++it) {
                if (!fields.contains(it.key()))
                    problems << u"%1: body field %2 is not in the list"_s.arg(where, it.key());
            }
        }
        return problems;
    }
    return {u"%1: no operation in the list"_s.arg(where)};
}

} // namespace

class TestConformance : public QObject
{
    Q_OBJECT

    std::unique_ptr<Sandbox::ClerkSandbox> m_sandbox;
    std::unique_ptr<ClerkClient> m_client;

    template <typename T>
    Result<T> wait(Waiter<T> &waiter)
    {
        if (!waiter.wait())
            qFatal("no answer from the sandbox");
        return *waiter.result;
    }

    void list(const std::function<void(InvitationListing &)> &start)
    {
        InvitationListing listing(m_client.get());
        listing.setIncludesApplicationInvitations(true);
        QSignalSpy finished(&listing, &InvitationListing::finished);
        start(listing);
        QVERIFY(finished.wait(20'000));
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

    void everyRequestIsOneClerkDeclares()
    {
        const QString contractor = u"sam.contractor@freelance.example"_s;
        // What the window and the CLI do: look organizations up, list in every scope and status, find an address.
        Waiter<Page<Organization>> orgs;
        OrganizationQuery byName;
        byName.query = u"acme"_s;
        byName.includeMembersCount = true;
        m_client->listOrganizations(byName, this, orgs.callback());
        QVERIFY(wait(orgs));
        Waiter<Organization> acme;
        m_client->getOrganization(u"acme"_s, this, acme.callback());
        QVERIFY(wait(acme));
        const Organization org = acme.result->value();
        list([&](InvitationListing &l) { l.loadOrganization(org, InvitationStatus::Pending); });
        list([&](InvitationListing &l) { l.loadOrganization(org, std::nullopt); });
        list([&](InvitationListing &l) { l.searchEmail(contractor); });
        for (const InvitationStatus status : {InvitationStatus::Pending, InvitationStatus::Accepted, InvitationStatus::Revoked,
                                              InvitationStatus::Expired}) {
            list([&](InvitationListing &l) { l.loadInstance(status); });
            list([&](InvitationListing &l) { l.loadApplication(status); });
        }
        InvitationQuery byAddress;
        byAddress.emailAddress = contractor;
        Waiter<Page<Invitation>> addressed;
        m_client->listInvitations(org.id, byAddress, this, addressed.callback());
        QVERIFY(wait(addressed));
        Waiter<Page<Role>> roles;
        m_client->listRoles(100, 0, this, roles.callback());
        QVERIFY(wait(roles));

        // Revokes of both kinds, with and without an acting user, and the re-reads that settle lost answers.
        const QStringList ids = pendingIds(*m_sandbox, u"acme"_s, 2);
        Waiter<Invitation> revoked, revokedAs, reread;
        m_client->revokeInvitation(org.id, ids[0], {}, this, revoked.callback());
        m_client->revokeInvitation(org.id, ids[1], u"user_2abc"_s, this, revokedAs.callback());
        QVERIFY(wait(revoked));
        wait(revokedAs); // the sandbox knows no user_2abc: what matters here is the request

        m_client->getInvitation(org.id, ids[0], this, reread.callback());
        QVERIFY(wait(reread));
        QString signUp;
        for (const Sandbox::SandboxInvitation &inv : m_sandbox->store().applicationInvitations) {
            if (inv.status == "pending"_L1 && inv.emailAddress == contractor)
                signUp = inv.id;
        }
        QVERIFY(!signUp.isEmpty());
        Waiter<Invitation> closed, found;
        m_client->revokeApplicationInvitation(signUp, this, closed.callback());
        QVERIFY(wait(closed));
        m_client->getApplicationInvitation(signUp, this, found.callback());
        QVERIFY(wait(found));

        // A re-invite with every field it can carry.
        NewInvitation again;
        again.emailAddress = reread.result->value().emailAddress;
        again.role = reread.result->value().role;
        again.inviterUserId = u"user_2abc"_s;
        again.publicMetadata = QJsonObject{{"team"_L1, "support"_L1}};
        again.redirectUrl = u"https://app.example/welcome"_s;
        again.expiresInDays = 14;
        again.notify = false;
        Waiter<Invitation> created;
        m_client->createInvitation(org.id, again, this, created.callback());
        wait(created); // accepted or not (the sandbox knows no user_2abc), the request is what is checked

        const QJsonArray ops = operations();
        QStringList problems;
        QSet<QString> used;
        for (const Sandbox::LoggedRequest &request : m_sandbox->requests()) {
            QString matched;
            problems += problemsOf(request, ops, &matched);
            used.insert(matched);
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        // The list holds nothing the client does not send: every operation in it was met.
        for (const QJsonValue &v : ops) {
            const QString op = v.toObject().value("method"_L1).toString() + u' ' + v.toObject().value("path"_L1).toString();
            QVERIFY2(used.contains(op), qPrintable(op + u" is in the list but was never sent"_s));
        }
        QVERIFY(m_sandbox->requests().size() > 20);
    }

    void aRequestTheListDoesNotDeclareIsCaught_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("unknown path") << QByteArray("GET") << QByteArray("/v1/organization_invites") << QByteArray() << QByteArray();
        QTest::newRow("wrong method") << QByteArray("DELETE") << QByteArray("/v1/invitations/inv_1/revoke") << QByteArray() << QByteArray();
        QTest::newRow("status all") << QByteArray("GET") << QByteArray("/v1/invitations") << QByteArray("status=all") << QByteArray();
        QTest::newRow("limit 1000") << QByteArray("GET") << QByteArray("/v1/organization_invitations") << QByteArray("limit=1000") << QByteArray();
        QTest::newRow("unknown parameter") << QByteArray("GET") << QByteArray("/v1/invitations") << QByteArray("page=2") << QByteArray();
        QTest::newRow("unknown body field") << QByteArray("POST") << QByteArray("/v1/organizations/org_1/invitations")
                                            << QByteArray() << QByteArray(R"({"email_address":"a@b.c","inviter_id":"u"})");
        QTest::newRow("body to a bodiless revoke") << QByteArray("POST") << QByteArray("/v1/invitations/inv_1/revoke")
                                                   << QByteArray() << QByteArray(R"({"requesting_user_id":"u"})");
    }

    void aRequestTheListDoesNotDeclareIsCaught()
    {
        // The check itself can fail: what Clerk does not declare is named.
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, query);
        QFETCH(QByteArray, body);
        Sandbox::LoggedRequest request;
        request.method = method;
        request.rawPath = path;
        request.rawQuery = query;
        request.body = body;
        QString matched;
        QVERIFY(!problemsOf(request, operations(), &matched).isEmpty());
    }

    void theListIsWhatClerksSpecificationDeclares()
    {
        // Clerk's OpenAPI file is not part of the project: INVITEDESK_CLERK_SPEC names a copy, or a checkout
        // beside this one holds it in shared/clerk-spec/.
        QString spec = qEnvironmentVariable("INVITEDESK_CLERK_SPEC");
        if (spec.isEmpty()) {
            const QDir shared(QFINDTESTDATA("spec") + u"/../../../shared/clerk-spec"_s);
            const QStringList found = shared.entryList({u"*.yml"_s, u"*.yaml"_s}, QDir::Files, QDir::Name);
            if (!found.isEmpty())
                spec = shared.filePath(found.last());
        }
        if (spec.isEmpty() || !QFile::exists(spec))
            QSKIP("No copy of Clerk's OpenAPI specification here (set INVITEDESK_CLERK_SPEC to check against one)");
        QProcess check;
        check.start(u"python3"_s, {QFINDTESTDATA("spec/check-operations.py"), QFINDTESTDATA("spec/clerk-operations.json"), spec});
#ifdef Q_OS_WIN
        if (!check.waitForStarted())
            QSKIP("No python3 on this Windows PATH to read the specification with (the Linux run checks it)");
#endif
        QVERIFY(check.waitForFinished(60'000));
        const QString said = QString::fromUtf8(check.readAllStandardOutput() + check.readAllStandardError());
        if (check.exitCode() == 77)
            QSKIP(qPrintable(said.trimmed()));
        QVERIFY2(check.exitStatus() == QProcess::NormalExit && check.exitCode() == 0, qPrintable(said));
        qInfo().noquote() << said.trimmed();
    }
};

QTEST_GUILESS_MAIN(TestConformance)
#include "tst_conformance.moc"
