// Loading every invitation of an organization: pages, concurrency, a list that changes, cancel, failure.

#include "core/workflows/InvitationLoader.h"
#include "support/TestSandbox.h"

#include <QtCore/QSet>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace InviteDesk;
using namespace InviteDesk::Sandbox;
using namespace InviteDesk::Testing;

class TestInvitationLoader : public QObject
{
    Q_OBJECT

    std::unique_ptr<ClerkSandbox> m_sandbox;
    std::unique_ptr<ClerkClient> m_client;

    QSet<QString> expectedIds(const QString &slug, const QString &status)
    {
        QSet<QString> ids;
        for (const SandboxInvitation &inv : m_sandbox->store().organization(slug)->invitations) {
            if (status.isEmpty() || SandboxStore::effectiveStatus(inv, m_sandbox->now()) == status)
                ids.insert(inv.id);
        }
        return ids;
    }

    static QSet<QString> idsOf(const QList<Invitation> &list)
    {
        QSet<QString> ids;
        for (const Invitation &inv : list)
            ids.insert(inv.id);
        return ids;
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

    void loadsExactlyThePendingOnes_data()
    {
        QTest::addColumn<QString>("slug");
        QTest::addColumn<QString>("status");
        QTest::addColumn<bool>("withHint");
        QTest::addColumn<int>("pageSize");
        QTest::newRow("acme pending, hint") << u"acme"_s << u"pending"_s << true << 500;
        QTest::newRow("acme pending, no hint") << u"acme"_s << u"pending"_s << false << 500;
        QTest::newRow("acme all") << u"acme"_s << QString() << false << 500;
        QTest::newRow("acme revoked") << u"acme"_s << u"revoked"_s << false << 500;
        QTest::newRow("exact page boundary") << u"acme"_s << u"pending"_s << false << 617; // 1234 = 2 x 617
        QTest::newRow("small pages") << u"initech"_s << u"pending"_s << true << 7;
        QTest::newRow("empty org") << u"hooli"_s << u"pending"_s << false << 500;
    }

    void loadsExactlyThePendingOnes()
    {
        QFETCH(QString, slug);
        QFETCH(QString, status);
        QFETCH(bool, withHint);
        QFETCH(int, pageSize);
        const QSet<QString> expected = expectedIds(slug, status);

        InvitationLoader loader(m_client.get());
        QSignalSpy arrived(&loader, &InvitationLoader::invitationsArrived);
        QSignalSpy finished(&loader, &InvitationLoader::finished);
        InvitationLoader::Request request;
        request.organizationId = m_sandbox->store().organization(slug)->id;
        request.status = status.isEmpty() ? std::nullopt : std::optional(invitationStatusFromString(status));
        request.pageSize = pageSize;
        if (withHint)
            request.expectedTotal = expected.size();
        loader.start(request);
        QVERIFY(finished.wait(20'000));

        const QList<Invitation> loaded = loader.invitations();
        QCOMPARE(loaded.size(), expected.size()); // no duplicates
        QCOMPARE(idsOf(loaded), expected);
        QCOMPARE(loader.totalCount(), qint64(expected.size()));
        QVERIFY(!loader.listChanged());
        // Every invitation was reported exactly once through the signal as well.
        int reported = 0;
        for (const QList<QVariant> &args : arrived)
            reported += int(args.at(0).value<QList<Invitation>>().size());
        QCOMPARE(reported, expected.size());
        // Clerk's order: newest first.
        for (int i = 1; i < loaded.size(); ++i)
            QVERIFY(loaded[i - 1].createdAt >= loaded[i].createdAt);
    }

    void pagesAreFetchedConcurrently()
    {
        m_sandbox->setFaults({100}); // 100 ms per answer
        InvitationLoader loader(m_client.get());
        QSignalSpy finished(&loader, &InvitationLoader::finished);
        InvitationLoader::Request request;
        request.organizationId = m_sandbox->store().organization(u"acme"_s)->id;
        request.pageSize = 100; // 13 pages
        request.expectedTotal = 1234;
        loader.start(request);
        // Before the first answer can arrive, several pages are already on the wire.
        QTRY_VERIFY_WITH_TIMEOUT(m_sandbox->requests().size() >= 4, 5'000);
        QVERIFY(finished.wait(20'000));
        QCOMPARE(loader.requestsSent(), 13);
        QCOMPARE(loader.loadedCount(), 1234);
        QVERIFY(m_sandbox->connectionsAccepted() > 1);
    }

    void listThatChangesDuringTheWalk()
    {
        m_sandbox->setFaults({50});
        SandboxOrganization *org = m_sandbox->store().organization(u"acme"_s);
        InvitationLoader loader(m_client.get());
        QSignalSpy finished(&loader, &InvitationLoader::finished);
        QSignalSpy gone(&loader, &InvitationLoader::invitationsGone);
        bool changed = false;
        QStringList revokedMeanwhile;
        // After the first page arrives, someone else revokes the ten newest and invites five people:
        // every later offset shifts.
        connect(&loader, &InvitationLoader::invitationsArrived, this, [&] {
            if (changed)
                return;
            changed = true;
            int count = 0;
            for (auto it = org->invitations.rbegin(); it != org->invitations.rend() && count < 10; ++it) {
                if (it->status == "pending"_L1) {
                    it->status = u"revoked"_s;
                    revokedMeanwhile << it->id;
                    ++count;
                }
            }
            for (int i = 0; i < 5; ++i) {
                SandboxInvitation inv;
                inv.id = m_sandbox->store().newId(u"orginv"_s);
                inv.emailAddress = u"late%1@acme.example"_s.arg(i);
                inv.role = u"org:member"_s;
                inv.status = u"pending"_s;
                inv.createdAt = m_sandbox->now() + i;
                inv.updatedAt = inv.createdAt;
                m_sandbox->store().addInvitation(*org, inv);
            }
        });
        InvitationLoader::Request request;
        request.organizationId = org->id;
        request.pageSize = 100;
        request.maxConcurrentPages = 2;
        loader.start(request);
        QVERIFY(finished.wait(30'000));
        QVERIFY(changed);
        QVERIFY(loader.listChanged());
        QVERIFY(loader.passes() >= 2);
        const QList<Invitation> loaded = loader.invitations();
        QCOMPARE(idsOf(loaded), expectedIds(u"acme"_s, u"pending"_s));
        QCOMPARE(loaded.size(), idsOf(loaded).size());
        // The ones revoked meanwhile had been reported; they are now reported gone.
        QCOMPARE(gone.size(), 1);
        const QStringList goneIds = gone.first().first().toStringList();
        for (const QString &id : revokedMeanwhile)
            QVERIFY(goneIds.contains(id));
    }

    void cancelStopsTheWalk()
    {
        m_sandbox->setFaults({200});
        InvitationLoader loader(m_client.get());
        QSignalSpy cancelled(&loader, &InvitationLoader::cancelled);
        QSignalSpy finished(&loader, &InvitationLoader::finished);
        InvitationLoader::Request request;
        request.organizationId = m_sandbox->store().organization(u"acme"_s)->id;
        request.pageSize = 50;
        loader.start(request);
        QTRY_VERIFY(m_sandbox->requests().size() >= 1);
        loader.cancel();
        QCOMPARE(cancelled.size(), 1);
        QVERIFY(!loader.isRunning());
        QCOMPARE(m_client->callsInFlight(), 0);
        QTest::qWait(400);
        QCOMPARE(finished.size(), 0);
    }

    void failureIsReported()
    {
        m_sandbox->addScriptedFault({ScriptedFault::Kind::RawAnswer, "GET", u"invitations"_s, 1, 403, 1,
                                     R"({"errors":[{"code":"authorization_invalid","message":"m","long_message":"You are not authorized"}]})"});
        InvitationLoader loader(m_client.get());
        QSignalSpy failed(&loader, &InvitationLoader::failed);
        InvitationLoader::Request request;
        request.organizationId = m_sandbox->store().organization(u"acme"_s)->id;
        loader.start(request);
        QVERIFY(failed.wait(10'000));
        QCOMPARE(failed.first().first().value<ClerkError>().httpStatus(), 403);
        QVERIFY(!loader.isRunning());
        QTRY_COMPARE(m_client->callsInFlight(), 0);
    }

    void unknownOrganization()
    {
        InvitationLoader loader(m_client.get());
        QSignalSpy failed(&loader, &InvitationLoader::failed);
        InvitationLoader::Request request;
        request.organizationId = u"org_doesNotExist"_s;
        loader.start(request);
        QVERIFY(failed.wait(10'000));
        QCOMPARE(failed.first().first().value<ClerkError>().httpStatus(), 404);
    }
};

QTEST_GUILESS_MAIN(TestInvitationLoader)
#include "tst_invitationloader.moc"
