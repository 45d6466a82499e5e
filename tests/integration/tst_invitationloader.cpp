// Loading every invitation of an organization or of the whole instance: pages, concurrency, a list that
// changes, cancel, failure.

#include "core/workflows/EmailSearch.h"
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

    /*! The IDs with \a status (empty: any) in the organization \a slug, or in every one when it is "*". */
    QSet<QString> expectedIds(const QString &slug, const QString &status)
    {
        QSet<QString> ids;
        for (const SandboxOrganization &org : m_sandbox->store().organizations) {
            if (slug != "*"_L1 && org.slug != slug)
                continue;
            for (const SandboxInvitation &inv : org.invitations) {
                if (status.isEmpty() || SandboxStore::effectiveStatus(inv, m_sandbox->now()) == status)
                    ids.insert(inv.id);
            }
        }
        return ids;
    }

    InvitationLoader::Request requestFor(const QString &slug)
    {
        InvitationLoader::Request request;
        if (slug == "*"_L1)
            request.source = InvitationLoader::Request::Source::Instance;
        else
            request.organizationId = m_sandbox->store().organization(slug)->id;
        return request;
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

    void theNextPagesAreAskedForBeforeAPageIsHandedOn()
    {
        // acme's 1,234 pending in pages of 100: when the first page reaches whoever writes or shows it,
        // the pages after it are already on their way (what is done with a page never delays them).
        InvitationLoader loader(m_client.get());
        InvitationLoader::Request request = requestFor(u"acme"_s);
        request.pageSize = 100;
        QList<int> sentWhenHandedOn;
        connect(&loader, &InvitationLoader::pageRead, this,
                [&](int, int, const QList<Invitation> &) { sentWhenHandedOn << loader.requestsSent(); });
        QSignalSpy finished(&loader, &InvitationLoader::finished);
        loader.start(request);
        QVERIFY(finished.wait(30'000));
        QVERIFY(!sentWhenHandedOn.isEmpty());
        QVERIFY2(sentWhenHandedOn.first() > request.speculativePages,
                 qPrintable(u"%1 requests sent when the first page was handed on"_s.arg(sentWhenHandedOn.first())));
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
        // "*": every organization's, through GET /organization_invitations.
        QTest::newRow("instance pending") << u"*"_s << u"pending"_s << false << 500;
        QTest::newRow("instance all, small pages") << u"*"_s << QString() << false << 97;
        QTest::newRow("instance expired") << u"*"_s << u"expired"_s << false << 500;
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
        InvitationLoader::Request request = requestFor(slug);
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
        if (slug == "*"_L1) { // the walk crossed organizations, and every row says where it belongs
            QSet<QString> organizations;
            for (const Invitation &inv : loaded)
                organizations.insert(inv.organizationId);
            QSet<QString> holding;
            for (const SandboxOrganization &org : m_sandbox->store().organizations) {
                for (const SandboxInvitation &inv : org.invitations) {
                    if (expected.contains(inv.id))
                        holding.insert(org.id);
                }
            }
            QCOMPARE(organizations, holding);
            QVERIFY(organizations.size() > 1);
        }
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

    void theInstanceWalkIsParallelAndSurvivesAChangingList()
    {
        // The instance view walks GET /organization_invitations with the same parallel, re-read-if-it-moved
        // walk as one organization: pages overlap on the wire, and a revoke elsewhere mid-walk (which
        // shifts every later offset) neither loses nor repeats a row.
        m_sandbox->setFaults({60});
        InvitationLoader loader(m_client.get());
        QSignalSpy finished(&loader, &InvitationLoader::finished);
        QSignalSpy gone(&loader, &InvitationLoader::invitationsGone);
        QString revokedMeanwhile;
        connect(&loader, &InvitationLoader::invitationsArrived, this, [&](const QList<Invitation> &page) {
            if (!revokedMeanwhile.isEmpty() || page.isEmpty())
                return;
            // The newest pending invitation of the instance, which the first page has already brought.
            for (SandboxOrganization &org : m_sandbox->store().organizations) {
                for (SandboxInvitation &inv : org.invitations) {
                    if (inv.id == page.first().id) {
                        inv.status = u"revoked"_s;
                        inv.updatedAt = m_sandbox->now();
                        revokedMeanwhile = inv.id;
                    }
                }
            }
        });
        InvitationLoader::Request request = requestFor(u"*"_s);
        request.pageSize = 200;
        request.maxConcurrentPages = 3; // in parallel, yet most pages are asked for after the change
        loader.start(request);
        QVERIFY(finished.wait(30'000));
        QVERIFY(!revokedMeanwhile.isEmpty());
        QVERIFY(m_sandbox->connectionsAccepted() > 1);
        const QList<Invitation> loaded = loader.invitations();
        QCOMPARE(idsOf(loaded), expectedIds(u"*"_s, u"pending"_s));
        QCOMPARE(loaded.size(), idsOf(loaded).size());
        QVERIFY(loader.listChanged());
        QCOMPARE(gone.size(), 1);
        QCOMPARE(gone.first().first().toStringList(), QStringList{revokedMeanwhile});
    }

    void aCallerThatKeepsTheRowsGetsEachOnceAndTheGoneOnes()
    {
        // The window keeps what arrives itself (keepInvitations false): the loader holds only IDs, yet a
        // list that moves mid-walk still reports each row once and the rows that went.
        m_sandbox->setFaults({40});
        SandboxOrganization *org = m_sandbox->store().organization(u"acme"_s);
        InvitationLoader loader(m_client.get());
        QSignalSpy finished(&loader, &InvitationLoader::finished);
        QSignalSpy gone(&loader, &InvitationLoader::invitationsGone);
        QSignalSpy changed(&loader, &InvitationLoader::invitationsChanged);
        QSet<QString> arrived;
        int reported = 0;
        QString revokedMeanwhile;
        QString promotedMeanwhile; // reported already, then given another role: the re-read brings it
        connect(&loader, &InvitationLoader::invitationsArrived, this, [&](const QList<Invitation> &page) {
            reported += int(page.size());
            for (const Invitation &inv : page)
                arrived.insert(inv.id);
            if (!revokedMeanwhile.isEmpty() || page.size() < 2)
                return;
            for (SandboxInvitation &inv : org->invitations) {
                if (inv.id == page.first().id) {
                    inv.status = u"revoked"_s;
                    revokedMeanwhile = inv.id;
                } else if (inv.id == page.last().id) {
                    inv.role = u"org:admin"_s;
                    inv.updatedAt += 1000;
                    promotedMeanwhile = inv.id;
                }
            }
        });
        InvitationLoader::Request request = requestFor(u"acme"_s);
        request.pageSize = 250;
        request.maxConcurrentPages = 2; // later pages are asked for after the change
        request.keepInvitations = false;
        loader.start(request);
        QVERIFY(finished.wait(30'000));
        QVERIFY(!revokedMeanwhile.isEmpty());
        QVERIFY(loader.invitations().isEmpty());
        const QSet<QString> expected = expectedIds(u"acme"_s, u"pending"_s);
        QCOMPARE(loader.loadedCount(), expected.size());
        QCOMPARE(reported, arrived.size()); // each once
        QCOMPARE(arrived, expected + QSet<QString>{revokedMeanwhile});
        QCOMPARE(gone.size(), 1);
        QCOMPARE(gone.first().first().toStringList(), QStringList{revokedMeanwhile});
        // The promoted one is told once, with its new role; nothing unchanged is told again.
        QVERIFY(!promotedMeanwhile.isEmpty());
        QList<Invitation> told;
        for (const QList<QVariant> &args : std::as_const(changed))
            told += args.at(0).value<QList<Invitation>>();
        QCOMPARE(told.size(), 1);
        QCOMPARE(told.first().id, promotedMeanwhile);
        QCOMPARE(told.first().role, u"org:admin"_s);
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
        for (int i = 1; i < loaded.size(); ++i) // the gone ones taken out, the rest put in Clerk's order in place
            QVERIFY(loaded[i - 1].createdAt >= loaded[i].createdAt);
        // The ones revoked meanwhile had been reported; they are now reported gone.
        QCOMPARE(gone.size(), 1);
        const QStringList goneIds = gone.first().first().toStringList();
        for (const QString &id : revokedMeanwhile)
            QVERIFY(goneIds.contains(id));
    }

    void theAddressSearchWalksTheLoadersPages_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("status");
        QTest::addColumn<bool>("withApplication");
        // globex's 1,449 invitations of every status: three pages, the last one short.
        QTest::newRow("part of addresses, every status") << u"globex.example"_s << QString() << false;
        QTest::newRow("one address, pending") << u"sam.contractor@freelance.example"_s << u"pending"_s << false;
        QTest::newRow("one address, with its sign-up invitations") << u"sam.contractor@freelance.example"_s << QString() << true;
    }

    void theAddressSearchWalksTheLoadersPages()
    {
        // One pager for /organization_invitations: the e-mail search asks for exactly the pages the loader asks
        // for (seen at the server), and finds what the loader brings, filtered. A search with a walk of its own
        // (another page size, another end of the list) fails here.
        QFETCH(QString, query);
        QFETCH(QString, status);
        QFETCH(bool, withApplication);
        const std::optional<InvitationStatus> wanted =
            status.isEmpty() ? std::nullopt : std::optional(invitationStatusFromString(status));
        auto pagesAsked = [this] {
            QStringList pages;
            for (const LoggedRequest &request : m_sandbox->requests())
                pages << QString::fromUtf8(request.method + ' ' + request.rawPath + '?' + request.rawQuery);
            m_sandbox->clearRequests();
            return pages;
        };

        m_sandbox->clearRequests();
        EmailSearch search(m_client.get());
        search.setIncludesApplicationInvitations(withApplication);
        QSignalSpy searched(&search, &EmailSearch::finished);
        search.start(query, wanted);
        QVERIFY(searched.wait(30'000));
        const QStringList searchPages = pagesAsked();

        using Source = InvitationLoader::Request::Source;
        QList<std::pair<Source, std::optional<InvitationStatus>>> lists{{Source::Instance, wanted}};
        if (withApplication)
            lists << std::pair(Source::Application, wanted) << std::pair(Source::Application, std::optional(InvitationStatus::Revoked));
        QStringList loaderPages;
        QList<Invitation> loaded;
        for (const auto &[source, listStatus] : lists) {
            InvitationLoader loader(m_client.get());
            QSignalSpy finished(&loader, &InvitationLoader::finished);
            loader.start(EmailSearch::walkOf(query, listStatus, source));
            QVERIFY(finished.wait(30'000));
            loaderPages << pagesAsked();
            loaded << loader.invitations();
        }
        QVERIFY(!searchPages.isEmpty());
        QCOMPARE(searchPages, loaderPages);
        if (status.isEmpty() && !withApplication)
            QVERIFY2(searchPages.size() >= 3, qPrintable(searchPages.join(u'\n')));
        loaded.removeIf([&query](const Invitation &inv) { return !EmailSearch::matches(query, inv); });
        QStringList loadedIds;
        for (const Invitation &inv : std::as_const(loaded))
            loadedIds << inv.id;
        QStringList foundIds;
        for (const Invitation &inv : search.invitations())
            foundIds << inv.id;
        QVERIFY(!foundIds.isEmpty());
        QCOMPARE(foundIds, loadedIds);
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
        QCOMPARE(m_client->callsInFlight(), 0); // no page is left to come
        QCoreApplication::processEvents();
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
