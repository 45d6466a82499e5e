// How the window keeps pace with fast changes: arriving pages reach the table in blocks (the first at once,
// the next ones together, nothing lost or reordered), and texts that follow counts change a few times a second.

#include "gui/Coalescer.h"
#include "gui/invitations/PageBlocks.h"
#include "support/ManualClock.h"

#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace InviteDesk;
using namespace std::chrono_literals;

class TestPacing : public QObject
{
    Q_OBJECT

    static QList<Invitation> page(int first, int count)
    {
        QList<Invitation> rows;
        for (int i = first; i < first + count; ++i)
            rows.append(Invitation{.id = u"inv_%1"_s.arg(i)});
        return rows;
    }

    static QStringList ids(const QVariant &rows)
    {
        QStringList result;
        for (const Invitation &inv : rows.value<QList<Invitation>>())
            result << inv.id;
        return result;
    }

    static QStringList ids(const QList<Invitation> &rows) { return ids(QVariant::fromValue(rows)); }

private Q_SLOTS:
    void theFirstPageGoesAtOnceAndTheNextOnesTogether()
    {
        PageBlocks blocks;
        blocks.setInterval(1h); // only handOver() ends the wait
        QSignalSpy spy(&blocks, &PageBlocks::block);
        blocks.add(page(0, 3), 9);
        QCOMPARE(spy.size(), 1);
        QCOMPARE(ids(spy.at(0).at(0)), ids(page(0, 3)));
        QCOMPARE(spy.at(0).at(1).toLongLong(), 9);
        blocks.add(page(3, 3), 9);
        blocks.add(page(6, 3), 9);
        QCOMPARE(spy.size(), 1);
        QVERIFY(blocks.isWaiting());
        blocks.handOver();
        QCOMPARE(spy.size(), 2);
        QCOMPARE(ids(spy.at(1).at(0)), ids(page(3, 6))); // in the order they came
        blocks.handOver(); // nothing waits: nothing said
        QCOMPARE(spy.size(), 2);
        blocks.add(page(9, 1), 10); // the wait goes on after a hand-over
        QCOMPARE(spy.size(), 2);
    }

    void theIntervalHandsOverOnItsOwn()
    {
        PageBlocks blocks;
        blocks.setInterval(20ms);
        QSignalSpy spy(&blocks, &PageBlocks::block);
        blocks.add(page(0, 2), 4);
        blocks.add(page(2, 2), 4);
        QCOMPARE(spy.size(), 1);
        QTRY_COMPARE(spy.size(), 2);
        QCOMPARE(ids(spy.at(1).at(0)), ids(page(2, 2)));
        // That hand-over ended the interval, with nothing after it: the next page goes at once again.
        blocks.add(page(4, 1), 5);
        QCOMPARE(spy.size(), 3);
    }

    void anEmptyFirstPageIsNewsToo()
    {
        // An organization with no invitations: the count (0) must reach the window at once.
        PageBlocks blocks;
        QSignalSpy spy(&blocks, &PageBlocks::block);
        blocks.add({}, 0);
        QCOMPARE(spy.size(), 1);
        QVERIFY(spy.at(0).at(0).value<QList<Invitation>>().isEmpty());
        QCOMPARE(spy.at(0).at(1).toLongLong(), 0);
    }

    void theEndHandsOverAndTheNextQueryStartsAtOnce()
    {
        PageBlocks blocks;
        blocks.setInterval(1h);
        QSignalSpy spy(&blocks, &PageBlocks::block);
        blocks.add(page(0, 1), 2);
        blocks.add(page(1, 1), 2);
        blocks.end();
        QCOMPARE(spy.size(), 2);
        QCOMPARE(ids(spy.at(1).at(0)), ids(page(1, 1)));
        blocks.add(page(0, 1), 1);
        QCOMPARE(spy.size(), 3);
    }

    void aDroppedQueryLeavesNothingBehind()
    {
        PageBlocks blocks;
        blocks.setInterval(1h);
        QSignalSpy spy(&blocks, &PageBlocks::block);
        blocks.add(page(0, 1), 3);
        blocks.add(page(1, 2), 3);
        blocks.drop();
        QVERIFY(!blocks.isWaiting());
        blocks.end();
        QCOMPARE(spy.size(), 1);
        blocks.add(page(100, 1), 1); // the new query's first page goes at once, alone
        QCOMPARE(spy.size(), 2);
        QCOMPARE(ids(spy.at(1).at(0)), ids(page(100, 1)));
    }

    void aCoalescerRunsAtOnceThenOncePerInterval()
    {
        ManualClock clock;
        int runs = 0;
        Coalescer coalescer(40ms, [&runs] { ++runs; }, nullptr, &clock);
        coalescer.request();
        QCOMPARE(runs, 1); // at once: the first change is seen without delay
        for (int i = 0; i < 100; ++i)
            coalescer.request();
        QCOMPARE(runs, 1);
        clock.advance(39ms);
        QCOMPARE(runs, 1);
        clock.advance(1ms);
        QCOMPARE(runs, 2); // the hundred, once, at the interval's end
        clock.advance(40ms);
        QCOMPARE(runs, 2); // nothing more was asked
        coalescer.request(); // after a quiet interval: at once again
        QCOMPARE(runs, 3);
    }
};

QTEST_GUILESS_MAIN(TestPacing)
#include "tst_pacing.moc"
