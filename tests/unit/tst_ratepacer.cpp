// The pacer: budget arithmetic, the window rule, order, holds, cancellation, adaptation.
// The pacer runs on a ManualClock: each test moves time itself, to just before a rule lets something go
// and to just after, and never waits on the wall clock.

#include "core/api/PacingMemory.h"
#include "core/api/RatePacer.h"
#include "support/ManualClock.h"

#include <QtCore/QTemporaryDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace InviteDesk;
using namespace std::chrono_literals;

class TestRatePacer : public QObject
{
    Q_OBJECT

    /*! The most sends (times in ns, in order) that any window-long stretch holds. */
    static qsizetype mostInAWindow(const QList<qint64> &sent, std::chrono::milliseconds window)
    {
        qsizetype most = 0;
        for (qsizetype first = 0, last = 0; last < sent.size(); ++last) {
            while (sent.at(last) - sent.at(first) >= window.count() * 1'000'000)
                ++first;
            most = std::max(most, last - first + 1);
        }
        return most;
    }

    /*!
     * Asks \a pacer for a send that is answered the moment it leaves: the window rule as the server
     * sees it when nothing is in between.
     */
    static RatePacer::Ticket answeredAtOnce(RatePacer &pacer, std::function<void()> go)
    {
        return pacer.acquire([&pacer, go = std::move(go)](RatePacer::Ticket ticket) {
            go();
            pacer.ended(ticket);
        });
    }

private Q_SLOTS:
    void budgetNeverExceedsTheDocumentedLimit_data()
    {
        QTest::addColumn<int>("environment");
        QTest::addColumn<double>("share");
        for (double share : {0.01, 0.1, 0.25, 0.5, 1.0}) {
            QTest::addRow("production %g", share) << int(KeyEnvironment::Production) << share;
            QTest::addRow("development %g", share) << int(KeyEnvironment::Development) << share;
        }
    }

    void budgetNeverExceedsTheDocumentedLimit()
    {
        QFETCH(int, environment);
        QFETCH(double, share);
        const auto env = KeyEnvironment(environment);
        const RateBudget budget = RateBudget::forShare(env, share);
        QCOMPARE(budget.window, RateBudget::documentedWindow);
        QVERIFY(budget.perWindow >= 1);
        QVERIFY(budget.perWindow <= std::max(1.0, share * RateBudget::documentedLimit(env)) + 1e-9);
        if (share == 1.0) // at 100 % it is the documented limit itself
            QCOMPARE(budget.perWindow, RateBudget::documentedLimit(env));
    }

    void defaults()
    {
        QCOMPARE(RateBudget::documentedLimit(KeyEnvironment::Production), 1000);
        QCOMPARE(RateBudget::documentedLimit(KeyEnvironment::Development), 100);
        QCOMPARE(RateBudget::defaultShare(KeyEnvironment::Production), 0.25);
        QCOMPARE(RateBudget::defaultShare(KeyEnvironment::Development), 0.5);
    }

    void whatFitsInTheShareGoesAtOnceTheRestInOrder()
    {
        ManualClock clock;
        RatePacer pacer(&clock);
        pacer.setBudget({3, 400ms});
        const auto window = 400ms + RatePacer::safetyMargin; // as counted
        QList<int> order;
        for (int i = 0; i < 10; ++i)
            answeredAtOnce(pacer, [&order, i] { order << i; });
        QCOMPARE(order.size(), 3); // the share, synchronously: no pacing for work that fits
        QCOMPARE(pacer.queued(), 7);
        // Ten sends at three per window: three more windows, and not a moment before each.
        for (int more : {6, 9, 10}) {
            const qsizetype before = order.size();
            clock.advance(window - 1ms);
            QCOMPARE(order.size(), before);
            clock.advance(1ms);
            QCOMPARE(order.size(), more);
        }
        QCOMPARE(order, (QList<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
        QCOMPARE(clock.runningTimers(), 0); // nothing left to wait for
    }

    void noWindowCarriesMoreThanTheShare()
    {
        ManualClock clock;
        RatePacer pacer(&clock);
        const std::chrono::milliseconds window(300);
        pacer.setBudget({5, window});
        QList<qint64> sent;
        for (int i = 0; i < 25; ++i)
            answeredAtOnce(pacer, [&sent, &clock] { sent << clock.nsecsElapsed(); });
        clock.advance(10s);
        QCOMPARE(sent.size(), 25);
        // Any window-long stretch holds at most five sends.
        QVERIFY2(mostInAWindow(sent, window) <= 5, qPrintable(QString::number(mostInAWindow(sent, window))));
    }

    void afterAHoldSendsResumeAtTheRateNotInABurst()
    {
        ManualClock clock;
        RatePacer pacer(&clock);
        pacer.setBudget({10, 1'000ms});
        pacer.holdFor(100ms);
        int ran = 0;
        for (int i = 0; i < 10; ++i)
            answeredAtOnce(pacer, [&ran] { ++ran; });
        clock.advance(100ms);
        QCOMPARE(ran, 0);
        // The long-run rate: one per tenth of the (counted) window, not all ten at once.
        const auto tenth = (1'000ms + RatePacer::safetyMargin) / 10;
        for (int i = 1; i <= 10; ++i) {
            clock.advance(tenth);
            QCOMPARE(ran, i);
        }
    }

    void aSendCountsUntilItsAnswerCameAndAWindowAfter()
    {
        // The server counts a request when it arrives, which may be any time until its answer comes back:
        // the slot is not free before a window after the answer.
        ManualClock clock;
        RatePacer pacer(&clock);
        pacer.setBudget({2, 1'000ms});
        RatePacer::Ticket first = 0;
        RatePacer::Ticket second = 0;
        pacer.acquire([&first](RatePacer::Ticket t) { first = t; });
        pacer.acquire([&second](RatePacer::Ticket t) { second = t; });
        QVERIFY(first && second);
        QCOMPARE(pacer.open(), 2);
        int ran = 0;
        answeredAtOnce(pacer, [&ran] { ++ran; });
        clock.advance(5s); // both still on the wire: nothing more goes, however long it takes
        QCOMPARE(ran, 0);
        pacer.ended(first);
        pacer.ended(first); // once only
        QCOMPARE(pacer.open(), 1);
        clock.advance(1'000ms + RatePacer::safetyMargin - 1ms);
        QCOMPARE(ran, 0);
        clock.advance(1ms);
        QCOMPARE(ran, 1);
        pacer.ended(second);
        QCOMPARE(pacer.open(), 0);
    }

    void lateArrivalsNeverOverfillTheServersWindow_data()
    {
        QTest::addColumn<int>("slowMs");
        // How much later than its go() the first window's requests reach the server (a busy client, a
        // queue of its own, the network), while the later ones arrive at once.
        for (int slow : {0, 100, 249, 250, 400, 3'000})
            QTest::addRow("%d ms", slow) << slow;
    }

    void lateArrivalsNeverOverfillTheServersWindow()
    {
        // The server's window is Clerk's: any window-long stretch of arrivals holds at most the budget.
        // Counted from go(), the first window's late arrivals and the next window's prompt ones shared a
        // window whenever the lateness passed the margin (250 ms then).
        QFETCH(int, slowMs);
        ManualClock clock;
        RatePacer pacer(&clock);
        const std::chrono::milliseconds window(1'000);
        pacer.setBudget({5, window});
        QList<qint64> arrived;
        int sends = 0;
        for (int i = 0; i < 25; ++i) {
            pacer.acquire([&, i](RatePacer::Ticket ticket) {
                ++sends;
                const auto late = std::chrono::milliseconds(i < 5 ? slowMs : 0);
                ClockTimer::singleShot(&clock, late, this, [&, ticket] {
                    arrived << clock.nsecsElapsed();
                    ClockTimer::singleShot(&clock, 30ms, this, [&pacer, ticket] { pacer.ended(ticket); });
                });
            });
        }
        clock.advance(60s);
        QCOMPARE(sends, 25);
        QCOMPARE(arrived.size(), 25);
        std::sort(arrived.begin(), arrived.end());
        QVERIFY2(mostInAWindow(arrived, window) <= 5, qPrintable(QString::number(mostInAWindow(arrived, window))));
        QCOMPARE(pacer.open(), 0);
    }

    void anotherInstancesFileGoesOnceItsSendsLeftTheWindow()
    {
        // A sandbox on a port of its own, a key since rotated: their files are not left behind for ever.
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        auto writeOld = [&folder](const QString &name, int secondsAgo) {
            QFile file(folder.filePath(name));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("1\n");
            QVERIFY(file.flush()); // (else closing writes it, and that is its time)
            QVERIFY(file.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-secondsAgo), QFileDevice::FileModificationTime));
        };
        writeOld(QStringLiteral("stale"), 60); // written a minute ago: every send in it has left a 10-second window
        writeOld(QStringLiteral("recent"), 1); // another instance, still in its window
        ManualClock clock;
        RatePacer pacer(&clock);
        pacer.setBudget({10, std::chrono::seconds(10)});
        ClientConfig config;
        config.apiUrl = QUrl(QStringLiteral("https://api.clerk.com/v1"));
        config.secretKey = QStringLiteral("sk_live_cleanup");
        PacingMemory memory(folder.path(), config, &pacer);
        answeredAtOnce(pacer, [] {});
        QVERIFY(memory.remember());
        QVERIFY(QFileInfo::exists(memory.filePath()));
        QVERIFY(!QFileInfo::exists(folder.filePath(QStringLiteral("stale"))));
        QVERIFY(QFileInfo::exists(folder.filePath(QStringLiteral("recent"))));
    }

    void aLaterProcessCountsTheSendsAnEarlierOneLeftInTheWindow()
    {
        // `invitedesk-cli list`, then `invitedesk-cli revoke` on the same instance: two processes, two
        // pacers, one Clerk window. The second starts with the first's sends counted until they leave it.
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        ClientConfig config;
        config.apiUrl = QUrl(QStringLiteral("https://api.clerk.com/v1"));
        config.secretKey = QStringLiteral("sk_live_memory");
        qint64 wallMs = 1'800'000'000'000;
        const PacingMemory::WallClock wall = [&wallMs] { return wallMs; };
        const std::chrono::milliseconds window(1'000);
        {
            ManualClock clock;
            RatePacer listing(&clock);
            listing.setBudget({10, window});
            PacingMemory memory(folder.path(), config, &listing, wall);
            memory.recall(); // nothing yet
            for (int i = 0; i < 6; ++i)
                answeredAtOnce(listing, [] {});
            RatePacer::Ticket open = 0;
            listing.acquire([&open](RatePacer::Ticket t) { open = t; }); // still on the wire when the process ends
            QVERIFY(memory.remember());
        }
        wallMs += 300; // the next process starts 0.3 s later
        ManualClock clock;
        RatePacer revoking(&clock);
        revoking.setBudget({10, window});
        PacingMemory memory(folder.path(), config, &revoking, wall);
        memory.recall();
        QCOMPARE(int(revoking.countedSends().size()), 7);
        int ran = 0;
        for (int i = 0; i < 10; ++i)
            answeredAtOnce(revoking, [&ran] { ++ran; });
        QCOMPARE(ran, 3); // what the earlier process left free
        clock.advance(window + RatePacer::safetyMargin - 300ms - 1ms);
        QCOMPARE(ran, 3);
        clock.advance(1ms); // the earlier process's sends leave the window
        QCOMPARE(ran, 10);
        wallMs += 710;
        // Written back once each (theirs and ours), and only for this instance.
        wallMs += 100;
        clock.advance(100ms);
        QVERIFY(memory.remember());
        PacingMemory again(folder.path(), config, &revoking, wall);
        QCOMPARE(QFileInfo(again.filePath()).size() > 0, true);
#ifdef Q_OS_UNIX
        // For the owner alone, as the audit log is (CI runs as root, who could read it anyway: the mode is checked).
        QCOMPARE(QFileInfo(again.filePath()).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
#endif
        RatePacer other(&clock);
        other.setBudget({10, window});
        ClientConfig otherInstance = config;
        otherInstance.secretKey = QStringLiteral("sk_live_other");
        PacingMemory elsewhere(folder.path(), otherInstance, &other, wall);
        elsewhere.recall();
        QCOMPARE(int(other.countedSends().size()), 0);
        RatePacer fresh(&clock);
        fresh.setBudget({10, window});
        PacingMemory same(folder.path(), config, &fresh, wall);
        same.recall();
        QCOMPARE(int(fresh.countedSends().size()), 10); // ours: the earlier process's have left the window
    }

    void holdStopsEverything()
    {
        ManualClock clock;
        RatePacer pacer(&clock);
        pacer.setBudget({1000});
        QSignalSpy holds(&pacer, &RatePacer::holdChanged);
        pacer.holdFor(400ms);
        QVERIFY(pacer.isHeld());
        int ran = 0;
        answeredAtOnce(pacer, [&ran] { ++ran; });
        QCOMPARE(ran, 0);
        clock.advance(399ms);
        QCOMPARE(ran, 0);
        QVERIFY(pacer.isHeld());
        QCOMPARE(pacer.holdRemaining(), 1ms);
        clock.advance(1ms);
        QVERIFY(!pacer.isHeld());
        clock.advance(20ms); // then at the long-run rate: a send per 10.25 ms
        QCOMPARE(ran, 1);
        QCOMPARE(holds.size(), 2);
        QCOMPARE(holds.at(0).at(0).toBool(), true);
        QCOMPARE(holds.at(1).at(0).toBool(), false);
    }

    void cancelledTicketNeverRuns()
    {
        ManualClock clock;
        RatePacer pacer(&clock);
        pacer.setBudget({1, 300ms});
        bool first = false;
        bool second = false;
        bool third = false;
        answeredAtOnce(pacer, [&first] { first = true; });
        const auto ticket = answeredAtOnce(pacer, [&second] { second = true; });
        answeredAtOnce(pacer, [&third] { third = true; });
        QVERIFY(first);
        QVERIFY(pacer.cancel(ticket));
        QVERIFY(!pacer.cancel(ticket));
        clock.advance(300ms + RatePacer::safetyMargin); // the next window's one send
        QVERIFY(third);
        QVERIFY(!second);
        clock.advance(10s);
        QVERIFY(!second);
    }

    void repeated429sLowerTheRate()
    {
        ManualClock clock;
        RatePacer pacer(&clock);
        pacer.setBudget({100});
        QSignalSpy changes(&pacer, &RatePacer::budgetChanged);
        pacer.rateLimited(20ms);
        QCOMPARE(pacer.budget().perWindow, 100); // one can be bad luck
        clock.advance(20ms);
        QVERIFY(!pacer.isHeld());
        clock.advance(1'100ms); // a new event, not the tail of the first
        pacer.rateLimited(20ms);
        QVERIFY(pacer.budget().perWindow < 100);
        QCOMPARE(changes.size(), 1);
    }

    void aBurstOf429sWithoutAPauseCountsOnce()
    {
        // Retry-After: 0 (or a date in the past) holds for nothing, so "still held" cannot tell the 429s
        // of one burst apart: they used to cut the budget from 250 to 25.
        RatePacer pacer;
        pacer.setBudget({250});
        for (int i = 0; i < 32; ++i)
            pacer.rateLimited(std::chrono::milliseconds(0));
        QCOMPARE(pacer.budget().perWindow, 250);
    }

    void aHoldNeverForgetsTheSendsOfTheWindow()
    {
        // A hold shorter than the window: what was sent before it is still in Clerk's window after it.
        ManualClock clock;
        RatePacer pacer(&clock);
        const std::chrono::milliseconds window(400);
        pacer.setBudget({10, window});
        QList<qint64> sent;
        for (int i = 0; i < 20; ++i)
            answeredAtOnce(pacer, [&sent, &clock] { sent << clock.nsecsElapsed(); });
        QCOMPARE(sent.size(), 10);
        pacer.holdFor(50ms);
        clock.advance(10s);
        QCOMPARE(sent.size(), 20);
        QVERIFY2(mostInAWindow(sent, window) <= 10, qPrintable(QString::number(mostInAWindow(sent, window))));
    }

    void after429SendsGoOnAsTheWindowsOwnLeaveIt()
    {
        // Someone else (the listing just before, the customer's backend) used part of the window, and
        // Clerk refuses after six of ours. After the pause the pacer still counts those six: only four
        // more may go before they leave the window. (It used to replace them with made-up sends spread
        // over the window, which let a burst through while Clerk's window was still full: a second 429
        // and a budget cut by a quarter cost a 1,500-revoke run 5 s.)
        ManualClock clock;
        RatePacer pacer(&clock);
        const std::chrono::milliseconds window(400);
        pacer.setBudget({10, window});
        QList<qint64> sent;
        for (int i = 0; i < 6; ++i)
            answeredAtOnce(pacer, [&sent, &clock] { sent << clock.nsecsElapsed(); });
        QCOMPARE(sent.size(), 6);
        pacer.rateLimited(50ms);
        for (int i = 0; i < 14; ++i)
            answeredAtOnce(pacer, [&sent, &clock] { sent << clock.nsecsElapsed(); });
        clock.advance(10s);
        QCOMPARE(sent.size(), 20);
        QVERIFY2(mostInAWindow(sent, window) <= 10, qPrintable(QString::number(mostInAWindow(sent, window))));
        QCOMPARE(pacer.budget().perWindow, 10); // one 429 is not a reason to slow down
    }

    void aLoweredShareComesBackAfterQuietWindows()
    {
        ManualClock clock;
        RatePacer pacer(&clock);
        const std::chrono::milliseconds window(100);
        pacer.setBudget({10, window});
        QSignalSpy changes(&pacer, &RatePacer::budgetChanged);
        pacer.rateLimited(10ms);
        clock.advance(1'100ms); // a second event, not the tail of the first
        pacer.rateLimited(10ms);
        QVERIFY(pacer.budget().perWindow < 10);
        // Not one window early: the first send after the quiet windows brings the budget back.
        clock.advance(RatePacer::recoveryWindows * window - 1ms);
        int ran = 0;
        answeredAtOnce(pacer, [&ran] { ++ran; });
        QCOMPARE(ran, 1);
        QVERIFY(pacer.budget().perWindow < 10);
        clock.advance(1ms);
        answeredAtOnce(pacer, [&ran] { ++ran; });
        QCOMPARE(ran, 2);
        QCOMPARE(pacer.budget().perWindow, 10);
        QCOMPARE(changes.last().first().toInt(), 10);
    }

    void the429sOfOneBurstCountOnce()
    {
        // Thirty-two requests in flight meet one full window and each gets a 429: one event, not sixteen
        // lowerings (which cost a bulk revoke over HTTP/2 most of its rate).
        RatePacer pacer;
        pacer.setBudget({1000});
        for (int i = 0; i < 32; ++i)
            pacer.rateLimited(std::chrono::milliseconds(500));
        QCOMPARE(pacer.budget().perWindow, 1000);
    }

    void goMayAcquireAgain()
    {
        RatePacer pacer;
        pacer.setBudget({5});
        int ran = 0;
        std::function<void()> chain = [&] {
            if (++ran < 4)
                answeredAtOnce(pacer, chain);
        };
        answeredAtOnce(pacer, chain);
        QTRY_COMPARE_WITH_TIMEOUT(ran, 4, 5'000);
    }

    void etaFollowsTheWindows()
    {
        ManualClock clock;
        RatePacer pacer(&clock);
        pacer.setBudget({10, 1'000ms});
        for (int i = 0; i < 10; ++i)
            answeredAtOnce(pacer, [] {});
        // Twenty more at ten per window: two more windows, about 2 s (computed, not measured).
        const qint64 eta = pacer.estimateFor(20).count();
        QVERIFY2(eta >= 1900 && eta <= 2600, qPrintable(QString::number(eta)));
        QCOMPARE(RatePacer().estimateFor(5).count(), 0); // unpaced
    }
};

QTEST_GUILESS_MAIN(TestRatePacer)
#include "tst_ratepacer.moc"
