// The pacer: budget arithmetic, the window rule, order, holds, cancellation, adaptation.
// No test asserts a duration: only upper bounds that slowness cannot break.

#include "core/api/RatePacer.h"

#include <QtCore/QElapsedTimer>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace InviteDesk;

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
        RatePacer pacer;
        pacer.setBudget({3, std::chrono::milliseconds(400)});
        QList<int> order;
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < 10; ++i)
            pacer.acquire([&order, i] { order << i; });
        QCOMPARE(order.size(), 3); // the share, synchronously: no pacing for work that fits
        QCOMPARE(pacer.queued(), 7);
        QTRY_COMPARE_WITH_TIMEOUT(order.size(), 10, 10'000);
        QCOMPARE(order, (QList<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
        // Lower bound only: ten sends at three per window need three more windows.
        QVERIFY2(clock.elapsed() >= 3 * 400, qPrintable(QString::number(clock.elapsed())));
    }

    void noWindowCarriesMoreThanTheShare()
    {
        RatePacer pacer;
        const std::chrono::milliseconds window(300);
        pacer.setBudget({5, window});
        QElapsedTimer clock;
        clock.start();
        QList<qint64> sent;
        for (int i = 0; i < 25; ++i)
            pacer.acquire([&sent, &clock] { sent << clock.nsecsElapsed(); });
        QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 25, 20'000);
        // Whatever the machine's speed: any window-long stretch holds at most five sends.
        QVERIFY2(mostInAWindow(sent, window) <= 5, qPrintable(QString::number(mostInAWindow(sent, window))));
    }

    void afterAHoldSendsResumeAtTheRateNotInABurst()
    {
        RatePacer pacer;
        pacer.setBudget({10, std::chrono::milliseconds(1'000)});
        pacer.holdFor(std::chrono::milliseconds(100));
        int ran = 0;
        for (int i = 0; i < 10; ++i)
            pacer.acquire([&ran] { ++ran; });
        QTRY_VERIFY_WITH_TIMEOUT(ran >= 1, 10'000);
        QVERIFY2(ran <= 2, qPrintable(QString::number(ran))); // not all ten at once
        QTRY_COMPARE_WITH_TIMEOUT(ran, 10, 10'000);
    }

    void holdStopsEverything()
    {
        RatePacer pacer;
        pacer.setBudget({1000});
        QSignalSpy holds(&pacer, &RatePacer::holdChanged);
        pacer.holdFor(std::chrono::milliseconds(400));
        QVERIFY(pacer.isHeld());
        int ran = 0;
        QElapsedTimer clock;
        clock.start();
        pacer.acquire([&ran] { ++ran; });
        QCOMPARE(ran, 0);
        QTRY_COMPARE_WITH_TIMEOUT(ran, 1, 10'000);
        QVERIFY(clock.elapsed() >= 390); // a lower bound that slowness cannot break
        QVERIFY(!pacer.isHeld());
        QCOMPARE(holds.size(), 2);
        QCOMPARE(holds.at(0).at(0).toBool(), true);
        QCOMPARE(holds.at(1).at(0).toBool(), false);
    }

    void cancelledTicketNeverRuns()
    {
        RatePacer pacer;
        pacer.setBudget({1, std::chrono::milliseconds(300)});
        bool first = false;
        bool second = false;
        bool third = false;
        pacer.acquire([&first] { first = true; });
        const auto ticket = pacer.acquire([&second] { second = true; });
        pacer.acquire([&third] { third = true; });
        QVERIFY(first);
        QVERIFY(pacer.cancel(ticket));
        QVERIFY(!pacer.cancel(ticket));
        QTRY_VERIFY_WITH_TIMEOUT(third, 10'000);
        QVERIFY(!second);
    }

    void repeated429sLowerTheRate()
    {
        RatePacer pacer;
        pacer.setBudget({100});
        QSignalSpy changes(&pacer, &RatePacer::budgetChanged);
        pacer.rateLimited(std::chrono::milliseconds(20));
        QCOMPARE(pacer.budget().perWindow, 100); // one can be bad luck
        QTRY_VERIFY(!pacer.isHeld());
        QTest::qWait(1'100); // a new event, not the tail of the first
        pacer.rateLimited(std::chrono::milliseconds(20));
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
        RatePacer pacer;
        const std::chrono::milliseconds window(400);
        pacer.setBudget({10, window});
        QElapsedTimer clock;
        clock.start();
        QList<qint64> sent;
        for (int i = 0; i < 20; ++i)
            pacer.acquire([&sent, &clock] { sent << clock.nsecsElapsed(); });
        QCOMPARE(sent.size(), 10);
        pacer.holdFor(std::chrono::milliseconds(50));
        QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 20, 20'000);
        QVERIFY2(mostInAWindow(sent, window) <= 10, qPrintable(QString::number(mostInAWindow(sent, window))));
    }

    void after429SendsGoOnAsTheWindowsOwnLeaveIt()
    {
        // Someone else (the listing just before, the customer's backend) used part of the window, and
        // Clerk refuses after six of ours. After the pause the pacer still counts those six: only four
        // more may go before they leave the window. (It used to replace them with made-up sends spread
        // over the window, which let a burst through while Clerk's window was still full: a second 429
        // and a budget cut by a quarter cost a 1,500-revoke run 5 s.)
        RatePacer pacer;
        const std::chrono::milliseconds window(400);
        pacer.setBudget({10, window});
        QElapsedTimer clock;
        clock.start();
        QList<qint64> sent;
        for (int i = 0; i < 6; ++i)
            pacer.acquire([&sent, &clock] { sent << clock.nsecsElapsed(); });
        QCOMPARE(sent.size(), 6);
        pacer.rateLimited(std::chrono::milliseconds(50));
        for (int i = 0; i < 14; ++i)
            pacer.acquire([&sent, &clock] { sent << clock.nsecsElapsed(); });
        QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 20, 20'000);
        QVERIFY2(mostInAWindow(sent, window) <= 10, qPrintable(QString::number(mostInAWindow(sent, window))));
        QCOMPARE(pacer.budget().perWindow, 10); // one 429 is not a reason to slow down
    }

    void aLoweredShareComesBackAfterQuietWindows()
    {
        RatePacer pacer;
        const std::chrono::milliseconds window(100);
        pacer.setBudget({10, window});
        QSignalSpy changes(&pacer, &RatePacer::budgetChanged);
        pacer.rateLimited(std::chrono::milliseconds(10));
        QTest::qWait(1'100); // a second event, not the tail of the first
        pacer.rateLimited(std::chrono::milliseconds(10));
        QVERIFY(pacer.budget().perWindow < 10);
        QTest::qWait(int(RatePacer::recoveryWindows * window.count()) + 50);
        bool ran = false;
        pacer.acquire([&ran] { ran = true; });
        QTRY_VERIFY_WITH_TIMEOUT(ran, 10'000);
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
                pacer.acquire(chain);
        };
        pacer.acquire(chain);
        QTRY_COMPARE_WITH_TIMEOUT(ran, 4, 5'000);
    }

    void etaFollowsTheWindows()
    {
        RatePacer pacer;
        pacer.setBudget({10, std::chrono::milliseconds(1'000)});
        for (int i = 0; i < 10; ++i)
            pacer.acquire([] {});
        // Twenty more at ten per window: two more windows, about 2 s (computed, not measured).
        const qint64 eta = pacer.estimateFor(20).count();
        QVERIFY2(eta >= 1900 && eta <= 2600, qPrintable(QString::number(eta)));
        QCOMPARE(RatePacer().estimateFor(5).count(), 0); // unpaced
    }
};

QTEST_GUILESS_MAIN(TestRatePacer)
#include "tst_ratepacer.moc"
