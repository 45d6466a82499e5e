// The token bucket: budget arithmetic, order, holds, cancellation, adaptation.
// No test asserts a duration: only upper bounds that slowness cannot break.

#include "core/api/RatePacer.h"

#include <QtCore/QElapsedTimer>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace InviteDesk;

class TestRatePacer : public QObject
{
    Q_OBJECT

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
        const double window = double(RateBudget::window.count());
        const double allowance = std::max(2.0, share * RateBudget::documentedLimit(env)); // two at the least
        // The most a 10-second window can see: a full bucket plus the steady rate.
        QVERIFY(budget.burst + budget.requestsPerSecond * window <= allowance + 1e-9);
        QVERIFY(budget.burst >= 1);
        QVERIFY(budget.requestsPerSecond > 0); // 0 would mean unpaced
        if (share == 1.0) // at 100 % it must not run far below the limit either
            QVERIFY(budget.burst + budget.requestsPerSecond * window >= 0.99 * allowance);
    }

    void defaults()
    {
        QCOMPARE(RateBudget::documentedLimit(KeyEnvironment::Production), 1000);
        QCOMPARE(RateBudget::documentedLimit(KeyEnvironment::Development), 100);
        QCOMPARE(RateBudget::defaultShare(KeyEnvironment::Production), 0.25);
        QCOMPARE(RateBudget::defaultShare(KeyEnvironment::Development), 0.5);
    }

    void burstRunsAtOnceRestWaitsInOrder()
    {
        RatePacer pacer;
        pacer.setBudget({20.0, 3});
        QList<int> order;
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < 10; ++i)
            pacer.acquire([&order, i] { order << i; });
        QCOMPARE(order.size(), 3); // the burst, synchronously
        QCOMPARE(pacer.queued(), 7);
        QTRY_COMPARE_WITH_TIMEOUT(order.size(), 10, 10'000);
        QCOMPARE(order, (QList<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
        // Upper bound only: never faster than burst + rate * elapsed.
        const double seconds = double(clock.elapsed()) / 1000.0;
        QVERIFY2(7 <= 20.0 * seconds + 1, qPrintable(QString::number(seconds)));
    }

    void neverExceedsTheRate()
    {
        RatePacer pacer;
        pacer.setBudget({50.0, 5});
        int ran = 0;
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < 1000; ++i)
            pacer.acquire([&ran] { ++ran; });
        QTest::qWait(300);
        const double seconds = double(clock.elapsed()) / 1000.0;
        QVERIFY2(ran <= 5 + int(50.0 * seconds) + 1, qPrintable(QString::number(ran)));
        QVERIFY(ran >= 5);
    }

    void holdStopsEverything()
    {
        RatePacer pacer;
        pacer.setBudget({1000.0, 10});
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
        pacer.setBudget({10.0, 1});
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
        pacer.setBudget({100.0, 20});
        QSignalSpy changes(&pacer, &RatePacer::budgetChanged);
        pacer.reportRateLimited();
        QCOMPARE(pacer.budget().requestsPerSecond, 100.0); // one can be bad luck
        pacer.reportRateLimited();
        QVERIFY(pacer.budget().requestsPerSecond < 100.0);
        QVERIFY(pacer.budget().burst < 20);
        QCOMPARE(changes.size(), 1);
        for (int i = 0; i < 100; ++i)
            pacer.reportRateLimited();
        QVERIFY(pacer.budget().requestsPerSecond >= 10.0 - 1e-9); // floor at a tenth
    }

    void goMayAcquireAgain()
    {
        RatePacer pacer;
        pacer.setBudget({1000.0, 5});
        int ran = 0;
        std::function<void()> chain = [&] {
            if (++ran < 4)
                pacer.acquire(chain);
        };
        pacer.acquire(chain);
        QTRY_COMPARE_WITH_TIMEOUT(ran, 4, 5'000);
    }

    void etaFollowsTheRate()
    {
        RatePacer pacer;
        pacer.setBudget({10.0, 1});
        pacer.acquire([] {});
        // 20 more at 10/s: about 2 s (computed, not measured).
        const qint64 eta = pacer.estimateFor(20).count();
        QVERIFY2(eta >= 1900 && eta <= 2100, qPrintable(QString::number(eta)));
    }
};

QTEST_GUILESS_MAIN(TestRatePacer)
#include "tst_ratepacer.moc"
