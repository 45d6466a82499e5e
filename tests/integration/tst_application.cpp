// Application invitations (an invitation to sign up to the instance at all, /v1/invitations) through
// invitedesk-cli, run as a user would, against an in-process sandbox: listed, found beside an address's
// organization invitations, revoked exactly once through the same engine and audit log, and swept.

#include "core/workflows/EmailSearch.h"
#include "core/workflows/InvitationListing.h"
#include "support/CliFixture.h"
#include "support/TestSandbox.h"

#include <QtCore/QDateTime>
#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QSet>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace InviteDesk;
using namespace InviteDesk::Sandbox;
using namespace InviteDesk::Testing;

class TestApplication : public CliFixture
{
    Q_OBJECT

    QSet<QString> pendingApplication() const
    {
        QSet<QString> ids;
        for (const SandboxInvitation &inv : m_sandbox->store().applicationInvitations) {
            if (SandboxStore::effectiveStatus(inv, m_sandbox->now()) == "pending"_L1)
                ids.insert(inv.id);
        }
        return ids;
    }
    QList<QJsonObject> auditRecords() const
    {
        QList<QJsonObject> records;
        QFile log(m_cli->auditLogPath());
        if (log.open(QIODevice::ReadOnly)) {
            while (!log.atEnd())
                records << QJsonDocument::fromJson(log.readLine()).object();
        }
        return records;
    }

private Q_SLOTS:
    void init() { startClean(); }
    void cleanup() { finish(); }

    void anAddressSearchCountsBothListsInItsProgress()
    {
        // The window says "Loaded N of M" while an address is searched; with the second list (the address's
        // application invitations) M once became that list's count alone: "Loaded 6 of 1".
        ClerkClient client(configFor(*m_sandbox));
        EmailSearch search(&client);
        search.setIncludesApplicationInvitations(true);
        QList<std::pair<int, qint64>> progress;
        connect(&search, &EmailSearch::invitationsArrived, this,
                [&](const QList<Invitation> &, int found, qint64 total) { progress.append({found, total}); });
        QSignalSpy finished(&search, &EmailSearch::finished);
        search.start(u"sam.contractor@freelance.example"_s);
        QVERIFY(finished.wait(20'000));
        QVERIFY(progress.size() >= 2);
        QCOMPARE(progress.last().first, 6); // five organizations' and the sign-up invitation
        for (const auto &[found, total] : std::as_const(progress))
            QVERIFY2(found <= total, qPrintable(u"found %1 of %2"_s.arg(found).arg(total)));
    }

    void anInvitationRevokedBetweenTheTwoListsIsWrittenOnce()
    {
        // Every status is two of Clerk's lists (without a status, then the revoked ones): one revoked after the
        // first read it comes again in the second. The CLI writes what inOrder() gives as it comes.
        ClerkClient client(configFor(*m_sandbox));
        InvitationListing listing(&client);
        QStringList written;
        QString revokedMeanwhile;
        connect(&listing, &InvitationListing::inOrder, this, [&](const QList<Invitation> &page) {
            for (const Invitation &inv : page)
                written << inv.id;
            if (!revokedMeanwhile.isEmpty())
                return;
            for (const Invitation &inv : page) { // at Clerk, as another agent would
                if (inv.status != InvitationStatus::Pending)
                    continue;
                for (SandboxInvitation &stored : m_sandbox->store().applicationInvitations) {
                    if (stored.id == inv.id)
                        stored.status = u"revoked"_s;
                }
                revokedMeanwhile = inv.id;
                break;
            }
        });
        QSignalSpy finished(&listing, &InvitationListing::finished);
        listing.loadApplication(std::nullopt);
        QVERIFY(finished.wait(20'000));
        QVERIFY(!revokedMeanwhile.isEmpty());
        QCOMPARE(written.count(revokedMeanwhile), 1);
        QCOMPARE(QSet<QString>(written.cbegin(), written.cend()).size(), written.size()); // each once
        QCOMPARE(written.size(), m_sandbox->store().applicationInvitations.size());       // and all of them
        QCOMPARE(finished.first().at(0).toInt(), written.size());
        QCOMPARE(listing.invitations().size(), written.size()); // what it holds is what it wrote
        QVERIFY(finished.first().at(1).toBool()); // said to have moved: the CLI exits 7
    }

    void listsExactlyTheApplicationInvitations()
    {
        const CliHarness::Run all = m_cli->run({u"list"_s, u"--application"_s, u"--status"_s, u"all"_s, u"--format"_s, u"json"_s});
        QVERIFY2(all.exitCode == 0, all.err.constData());
        QSet<QString> ids;
        const QJsonArray array = QJsonDocument::fromJson(all.out).array();
        for (const QJsonValue &v : array) {
            QCOMPARE(v["object"_L1].toString(), u"invitation"_s); // Clerk's own object, not an organization's
            QVERIFY(v["organization_id"_L1].isUndefined());
            ids.insert(v["id"_L1].toString());
        }
        // Every status: Clerk's list without a status (every one but the revoked), then the revoked ones.
        QSet<QString> expected;
        QSet<QString> revoked;
        for (const SandboxInvitation &inv : m_sandbox->store().applicationInvitations)
            (SandboxStore::effectiveStatus(inv, m_sandbox->now()) == "revoked"_L1 ? revoked : expected).insert(inv.id);
        QVERIFY(expected.size() > 50);
        QVERIFY(!revoked.isEmpty());
        QCOMPARE(ids, expected + revoked);
        QCOMPARE(array.size(), expected.size() + revoked.size()); // each once
        const CliHarness::Run revokedOnes = m_cli->run({u"list"_s, u"--application"_s, u"--status"_s, u"revoked"_s, u"--format"_s, u"json"_s});
        QSet<QString> listedRevoked;
        for (const QJsonValue &v : QJsonDocument::fromJson(revokedOnes.out).array())
            listedRevoked.insert(v["id"_L1].toString());
        QCOMPARE(listedRevoked, revoked);
        const CliHarness::Run pending = m_cli->run({u"list"_s, u"--application"_s, u"--format"_s, u"csv"_s});
        QCOMPARE(pending.exitCode, 0);
        QCOMPARE(pending.out.trimmed().count('\n'), pendingApplication().size()); // a header and one line each
        // Asked as Clerk documents it: paginated, so the answer has a count to check against.
        bool asked = false;
        for (const LoggedRequest &request : m_sandbox->requests())
            asked = asked || (request.rawPath == "/v1/invitations" && request.rawQuery.contains("paginated=true"));
        QVERIFY(asked);
    }

    void findListsBothKindsForASharedAddress()
    {
        const CliHarness::Run run = m_cli->run({u"find"_s, u"sam.contractor@freelance.example"_s, u"--format"_s, u"json"_s});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        int organization = 0;
        int application = 0;
        for (const QJsonValue &v : QJsonDocument::fromJson(run.out).array()) {
            QCOMPARE(v["email_address"_L1].toString(), u"sam.contractor@freelance.example"_s);
            organization += v["object"_L1] == "organization_invitation"_L1;
            application += v["object"_L1] == "invitation"_L1;
        }
        QCOMPARE(organization, 5);
        QCOMPARE(application, 1);
        const CliHarness::Run table = m_cli->run({u"find"_s, u"sam.contractor@freelance.example"_s, u"--status"_s, u"pending"_s});
        QCOMPARE(table.exitCode, 0);
        const QList<QByteArray> lines = table.out.trimmed().split('\n');
        QVERIFY(lines.first().contains("KIND"));
        QCOMPARE(lines.size(), 1 + 4 + 1);
        QVERIFY(lines.last().contains("  application  ")); // the organizations' first, then the instance's
        const CliHarness::Run csv = m_cli->run({u"find"_s, u"sam.contractor@freelance.example"_s, u"--format"_s, u"csv"_s});
        QVERIFY(csv.out.split('\n').first().trimmed().endsWith(",kind"));
        QCOMPARE(csv.out.count(",application\r\n") + csv.out.count(",application\n"), 1);
    }

    void anAddressOfEveryStatusListsItsRevokedApplicationInvitationToo()
    {
        // Clerk leaves revoked application invitations out of a list without a status: an address's history
        // of every status read only that list, and lost the sign-up invitation once it was revoked.
        const QString address = u"sam.contractor@freelance.example"_s;
        QString id;
        for (const SandboxInvitation &inv : m_sandbox->store().applicationInvitations) {
            if (inv.emailAddress == address)
                id = inv.id;
        }
        QVERIFY(!id.isEmpty());
        const CliHarness::Run revoke = m_cli->run({u"revoke"_s, u"--application"_s, u"--yes"_s, id});
        QVERIFY2(revoke.exitCode == 0, revoke.err.constData());
        const CliHarness::Run run = m_cli->run({u"find"_s, address, u"--format"_s, u"json"_s});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QStringList application;
        for (const QJsonValue &v : QJsonDocument::fromJson(run.out).array()) {
            if (v["object"_L1] == "invitation"_L1)
                application << v["id"_L1].toString() + u' ' + v["status"_L1].toString();
        }
        QCOMPARE(application, QStringList{id + u" revoked"_s}); // once, and as revoked
        const CliHarness::Run pending = m_cli->run({u"find"_s, address, u"--status"_s, u"pending"_s, u"--format"_s, u"json"_s});
        QVERIFY(!pending.out.contains(id.toUtf8()));
    }

    void revokesExactlyTheAskedWithTheirKindInTheAuditLog()
    {
        QStringList chosen;
        for (const QString &id : pendingApplication()) {
            if (chosen.size() < 4)
                chosen << id;
        }
        QCOMPARE(chosen.size(), 4);
        // One answer lost after Clerk carried the revoke out: settled by a re-read (GET /invitations?query=ID).
        m_sandbox->addScriptedFault({ScriptedFault::Kind::CarryOutThenDrop, "POST", u"/invitations/"_s, 1});
        const QSet<QString> before = pendingApplication();
        const CliHarness::Run run = m_cli->run(QStringList{u"revoke"_s, u"--application"_s, u"--yes"_s, u"--ticket"_s,
                                                           u"SUP-7"_s} + chosen);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(before - pendingApplication(), QSet<QString>(chosen.cbegin(), chosen.cend()));
        for (const SandboxInvitation &inv : m_sandbox->store().applicationInvitations)
            QVERIFY(inv.revokeCommits <= 1);
        // No organization's invitation was touched, and no organization path was asked.
        for (const LoggedRequest &request : m_sandbox->requests()) {
            if (request.method == "POST")
                QVERIFY2(request.rawPath.startsWith("/v1/invitations/inv_") && request.rawPath.endsWith("/revoke"),
                         request.rawPath.constData());
        }
        QCOMPARE(run.out.trimmed().count('\n') + 1, 4);
        QSet<QString> recorded;
        for (const QJsonObject &record : auditRecords()) {
            if (record["event"_L1] != "outcome"_L1)
                continue;
            QCOMPARE(record["invitation_kind"_L1].toString(), u"application"_s);
            QCOMPARE(record["organization_id"_L1].toString(), QString());
            QCOMPARE(record["ticket"_L1].toString(), u"SUP-7"_s);
            recorded.insert(record["invitation_id"_L1].toString());
        }
        QCOMPARE(recorded, QSet<QString>(chosen.cbegin(), chosen.cend()));

        // Again: a 400 for one no longer pending is read back and reported as already revoked, not failed.
        const CliHarness::Run again = m_cli->run({u"revoke"_s, u"--application"_s, chosen.first(), u"--yes"_s});
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.out.contains("already_revoked"), again.out.constData());
        const CliHarness::Run missing = m_cli->run({u"revoke"_s, u"--application"_s, u"inv_2doesnotexist"_s, u"--yes"_s});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.out.contains("not_found"));
        const CliHarness::Run verify = m_cli->run({u"audit"_s, u"verify"_s}, {}, {}, false);
        QVERIFY2(verify.exitCode == 0, verify.out.constData());
    }

    void aRefusalThatIsNotAboutPendingIsSaidNotRepeated()
    {
        // A 400 for another reason (the spec names no code for "not pending"): the re-read finds the invitation
        // still pending, and Clerk's refusal is what the line says; nothing is sent again.
        const QString id = *pendingApplication().cbegin();
        m_sandbox->addScriptedFault({ScriptedFault::Kind::RawAnswer, "POST", u"/invitations/"_s, 1, 400, 1,
                                     R"({"errors":[{"code":"form_param_invalid","message":"is invalid",)"
                                     R"("long_message":"Something else is wrong with this request."}]})"});
        const CliHarness::Run run = m_cli->run({u"revoke"_s, u"--application"_s, id, u"--yes"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains("Something else is wrong"), run.out.constData());
        int posts = 0;
        for (const LoggedRequest &request : m_sandbox->requests())
            posts += request.method == "POST";
        QCOMPARE(posts, 1);
        QVERIFY(pendingApplication().contains(id));
    }

    void theSweepCoversApplicationInvitations()
    {
        const qint64 start = QDateTime::currentMSecsSinceEpoch();
        QSet<QString> surely;
        QSet<QString> atMost;
        for (const SandboxInvitation &inv : m_sandbox->store().applicationInvitations) {
            if (SandboxStore::effectiveStatus(inv, m_sandbox->now()) != "pending"_L1)
                continue;
            if (inv.createdAt < start - 10 * 24 * 3600'000LL)
                surely.insert(inv.id);
            if (inv.createdAt < start + 3600'000 - 10 * 24 * 3600'000LL)
                atMost.insert(inv.id);
        }
        QVERIFY(surely.size() >= 5);
        const CliHarness::Run dry = m_cli->run({u"revoke"_s, u"--application"_s, u"--older-than"_s, u"10d"_s, u"--dry-run"_s,
                                                u"--format"_s, u"json"_s});
        QVERIFY2(dry.exitCode == 0, dry.err.constData());
        QSet<QString> listed;
        for (const QJsonValue &v : QJsonDocument::fromJson(dry.out).array())
            listed.insert(v["id"_L1].toString());
        QVERIFY(surely - listed == QSet<QString>());
        QVERIFY(listed - atMost == QSet<QString>());

        const QSet<QString> before = pendingApplication();
        const CliHarness::Run run = m_cli->run({u"revoke"_s, u"--application"_s, u"--older-than"_s, u"10d"_s, u"--yes"_s});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QSet<QString> revoked = before - pendingApplication();
        QVERIFY(surely - revoked == QSet<QString>());
        QVERIFY(revoked - atMost == QSet<QString>());
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("list --application with an ORG") << QStringList{u"list"_s, u"acme"_s, u"--application"_s};
        QTest::newRow("list --application --all-orgs") << QStringList{u"list"_s, u"--application"_s, u"--all-orgs"_s};
        QTest::newRow("revoke --application without IDs") << QStringList{u"revoke"_s, u"--application"_s, u"--yes"_s};
        QTest::newRow("revoke --application with an acting user")
            << QStringList{u"revoke"_s, u"--application"_s, u"inv_2x"_s, u"--acting-user"_s, u"user_1"_s, u"--yes"_s};
        QTest::newRow("a sweep of both") << QStringList{u"revoke"_s, u"--application"_s, u"--all-orgs"_s, u"--older-than"_s, u"2w"_s};
        QTest::newRow("an ID that is not one") << QStringList{u"revoke"_s, u"--application"_s, u"inv x"_s, u"--yes"_s};
        QTest::newRow("an application ID without --application")
            << QStringList{u"revoke"_s, u"acme"_s, u"inv_2TsmqNzfZJfupOIA0CqBdrPyHH9"_s, u"--yes"_s};
        QTest::newRow("an organization's ID with --application")
            << QStringList{u"revoke"_s, u"--application"_s, u"orginv_2TsmqNzfZJfupOIA0CqBdrPyHH9"_s, u"--yes"_s};
        QTest::newRow("an ORG with --application") << QStringList{u"revoke"_s, u"--application"_s, u"acme"_s, u"inv_2x"_s, u"--yes"_s};
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        const CliHarness::Run run = m_cli->run(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.startsWith("invitedesk-cli: "), run.err.constData());
        QVERIFY(m_sandbox->requests().empty());
    }
};

QTEST_GUILESS_MAIN(TestApplication)
#include "tst_application.moc"
