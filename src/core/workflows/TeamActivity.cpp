#include "core/workflows/TeamActivity.h"

namespace InviteDesk {

struct TeamActivityQuery::Reader
{
    std::unique_ptr<TeamAuditStore> store;
    QString display; //!< which target the store was made for
};

TeamActivityQuery::TeamActivityQuery(QObject *parent) : QObject(parent), m_reader(std::make_shared<Reader>())
{
    m_thread.setObjectName(QStringLiteral("team activity"));
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    // The connection belongs to the reading thread: it is closed there, as the thread ends.
    connect(&m_thread, &QThread::finished, m_worker, [reader = m_reader] { reader->store.reset(); }, Qt::DirectConnection);
    m_thread.start();
}

TeamActivityQuery::~TeamActivityQuery()
{
    m_thread.quit();
    m_thread.wait(); // at most the page being read (statements end after 10 s)
}

void TeamActivityQuery::start(const TeamAuditTarget &target, const TeamActivityFilter &filter)
{
    m_target = target;
    m_filter = filter;
    m_last.reset();
    ++m_generation;
    ask(std::nullopt);
}

void TeamActivityQuery::cancel()
{
    ++m_generation;
    m_running = false;
    m_hasMore = false;
    m_last.reset();
}

void TeamActivityQuery::more()
{
    if (m_running || !m_hasMore || !m_last)
        return;
    ask(m_last);
}

void TeamActivityQuery::ask(const std::optional<TeamActivityRow> &after)
{
    m_running = true;
    const quint64 generation = m_generation;
    QMetaObject::invokeMethod(
        m_worker,
        [self = this, reader = m_reader, target = m_target, filter = m_filter, after, generation] {
            // The target's full form, password included, decides whether the connection can be kept.
            const QString key = target.display() + QChar(0) + target.user + QChar(0) + target.password;
            if (!reader->store || reader->display != key) {
                reader->store = std::make_unique<TeamAuditStore>(target);
                reader->display = key;
            }
            QList<TeamActivityRow> rows;
            TeamAuditProblem problem = TeamAuditProblem::None;
            QString error;
            // One row more than a page tells whether there is another page.
            const bool ok = reader->store->activity(
                filter, [&rows](const TeamActivityRow &row) { rows.append(row); }, &problem, &error, pageSize + 1,
                after ? &*after : nullptr);
            QMetaObject::invokeMethod(
                self,
                [self, rows = std::move(rows), ok, error, generation, first = !after] () mutable {
                    if (generation != self->m_generation)
                        return; // a newer start() asked for something else
                    self->m_running = false;
                    if (!ok) {
                        self->m_hasMore = false;
                        Q_EMIT self->failed(error);
                        return;
                    }
                    self->m_hasMore = rows.size() > pageSize;
                    if (self->m_hasMore)
                        rows.removeLast();
                    if (!rows.isEmpty())
                        self->m_last = rows.constLast();
                    Q_EMIT self->pageArrived(rows, first, self->m_hasMore);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

} // namespace InviteDesk
