#pragma once

#include "core/api/ClerkTypes.h"

#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtCore/QTimer>

#include <chrono>

namespace InviteDesk {

/*!
 * Gathers the pages a listing delivers into blocks for the table. Pages arrive up to fifty a second,
 * and every block of rows repaints the table (at 100,000 rows in the instance view that was 200
 * repaints of ~5 ms each). So the first page goes on at once, and pages that come within the next
 * interval wait and go on together.
 *
 * Whatever the listing says after a page (a changed row, a gone one, the end) must reach the table
 * after that page: handOver() first.
 */
class PageBlocks : public QObject
{
    Q_OBJECT

public:
    explicit PageBlocks(QObject *parent = nullptr);

    /*! How long pages after a block wait (60 ms; tests stretch it). */
    void setInterval(std::chrono::milliseconds interval) { m_timer.setInterval(interval); }
    /*! A page arrived; \a total is what the listing expects in all. */
    void add(const QList<Invitation> &page, qint64 total);
    /*! Hands over what waits now; pages after it still wait for the interval. */
    void handOver();
    /*! The listing ended (finished, failed, cancelled): hands over what waits, and the next page goes at once. */
    void end();
    /*! Another query: what waits is dropped. */
    void drop();
    bool isWaiting() const { return m_arrived; }

Q_SIGNALS:
    /*! Rows for the table (empty for an empty first page: the count is news too). */
    void block(const QList<InviteDesk::Invitation> &rows, qint64 total);

private:
    QList<Invitation> m_waiting;
    qint64 m_total = 0;
    bool m_arrived = false; //!< a page (perhaps empty) came since the last block
    QTimer m_timer;         //!< while it runs, pages wait
};

} // namespace InviteDesk
