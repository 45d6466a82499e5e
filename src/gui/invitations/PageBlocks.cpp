#include "gui/invitations/PageBlocks.h"

#include <utility>

namespace InviteDesk {

PageBlocks::PageBlocks(QObject *parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(60);
    connect(&m_timer, &QTimer::timeout, this, &PageBlocks::handOver);
}

void PageBlocks::add(const QList<Invitation> &page, qint64 total)
{
    m_waiting += page;
    m_total = total;
    m_arrived = true;
    if (m_timer.isActive())
        return; // goes on with the next block
    m_timer.start(); // first: whoever takes the block may end or drop the load, which stops it
    handOver();
}

void PageBlocks::handOver()
{
    if (!std::exchange(m_arrived, false))
        return;
    Q_EMIT block(std::exchange(m_waiting, {}), m_total);
}

void PageBlocks::end()
{
    handOver();
    m_timer.stop();
}

void PageBlocks::drop()
{
    m_waiting.clear();
    m_arrived = false;
    m_timer.stop();
}

} // namespace InviteDesk
