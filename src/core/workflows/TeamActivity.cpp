#include "core/workflows/TeamActivity.h"

#include <QtCore/QTimer>
#include <QtCore/QPointer>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlDriver>
#include <QtSql/QSqlQuery>

#include <mutex>

using namespace Qt::StringLiterals;

namespace InviteDesk {

namespace {
constexpr char channel[] = "invitedesk_audit";
} // namespace

/*! The reading thread's state: the store, and the connection it listens on. */
struct TeamActivityQuery::Reader
{
    std::mutex storeMutex; //!< store is made and dropped on the reading thread, aborted from the GUI thread
    std::unique_ptr<TeamAuditStore> store;
    QString key; //!< which target (password included) the store was made for
    QString listeningOn; //!< the connection name notifications come from; empty while not listening
    QTimer *liveness = nullptr;
    std::function<void()> changed; //!< tells the GUI thread, for the generation being shown

    /*! Listens on the store's connection now, unless it already does. */
    void listen()
    {
        if (!store || !store->connection().isOpen())
            return;
        QSqlDriver *driver = store->connection().database().driver();
        if (!driver->hasFeature(QSqlDriver::EventNotifications))
            return;
        if (driver->subscribedToNotifications().contains(QLatin1StringView(channel)))
            return;
        bool subscribed = false;
        {
            PgConnection::Deadline deadline(store->connection()); // LISTEN is a statement like any other
            subscribed = driver->subscribeToNotification(QLatin1StringView(channel));
        }
        if (!subscribed)
            return;
        QObject::connect(driver, &QSqlDriver::notification, liveness,
                         [this](const QString &name, QSqlDriver::NotificationSource, const QVariant &) {
                             if (name == QLatin1StringView(channel) && changed)
                                 changed();
                         });
        listeningOn = store->connection().database().connectionName();
    }

    /*! Whether the listening connection still answers and listens; if not, connects and listens again. */
    void check()
    {
        if (listeningOn.isEmpty() || !store)
            return;
        bool alive = false;
        if (store->connection().isOpen()
            && store->connection().database().driver()->subscribedToNotifications().contains(QLatin1StringView(channel))) {
            QSqlQuery ping(store->connection().database());
            alive = store->connection().exec(ping, u"SELECT 1"_s);
        }
        if (alive)
            return;
        listeningOn.clear();
        TeamAuditProblem problem = TeamAuditProblem::None;
        QString error;
        if (store->check(&problem, &error)) {
            listen();
            if (changed)
                changed(); // what arrived while it was away was not heard
        }
    }
};

TeamActivityQuery::TeamActivityQuery(QObject *parent) : QObject(parent), m_reader(std::make_shared<Reader>())
{
    m_thread.setObjectName(QStringLiteral("team activity"));
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    // The connection belongs to the reading thread: it is closed there, as the thread ends.
    connect(&m_thread, &QThread::finished, m_worker, [reader = m_reader] {
        std::lock_guard lock(reader->storeMutex);
        reader->store.reset();
    }, Qt::DirectConnection);
    m_thread.start();
    QMetaObject::invokeMethod(
        m_worker,
        [reader = m_reader, worker = m_worker] {
            reader->liveness = new QTimer(worker);
            reader->liveness->setInterval(15'000);
            QObject::connect(reader->liveness, &QTimer::timeout, worker, [reader] { reader->check(); });
        },
        Qt::QueuedConnection);
}

TeamActivityQuery::~TeamActivityQuery()
{
    {
        std::lock_guard lock(m_reader->storeMutex);
        if (m_reader->store)
            m_reader->store->abort(); // a frozen store must not keep the window from closing
    }
    m_thread.quit();
    m_thread.wait(); // at most the page being read (every statement has a deadline)
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
    QMetaObject::invokeMethod(m_worker, [reader = m_reader] {
        reader->changed = nullptr;
        if (reader->liveness)
            reader->liveness->stop();
    }, Qt::QueuedConnection);
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
    const QPointer<TeamActivityQuery> self(this);
    QMetaObject::invokeMethod(
        m_worker,
        [self, reader = m_reader, target = m_target, filter = m_filter, after, generation] {
            // The target's full form, password included, decides whether the connection can be kept.
            const QString key = target.display() + QChar(0) + target.user + QChar(0) + target.password;
            if (!reader->store || reader->key != key) {
                std::lock_guard lock(reader->storeMutex);
                reader->store = std::make_unique<TeamAuditStore>(target);
                reader->key = key;
                reader->listeningOn.clear();
            }
            QList<TeamActivityRow> rows;
            TeamAuditProblem problem = TeamAuditProblem::None;
            QString error;
            // One row more than a page tells whether there is another page.
            const bool ok = reader->store->activity(
                filter, [&rows](const TeamActivityRow &row) { rows.append(row); }, &problem, &error, pageSize + 1,
                after ? &*after : nullptr);
            const qint64 total = ok && !after ? reader->store->count(filter, &problem, &error) : -1;
            if (ok && !after) {
                reader->changed = [self, generation] {
                    QMetaObject::invokeMethod(self.data(), [self, generation] {
                        if (self && generation == self->m_generation)
                            Q_EMIT self->changed();
                    }, Qt::QueuedConnection);
                };
                reader->listen();
                reader->liveness->start();
            }
            QMetaObject::invokeMethod(
                self.data(),
                [self, rows = std::move(rows), ok, error, generation, total, first = !after]() mutable {
                    if (!self || generation != self->m_generation)
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
                    Q_EMIT self->pageArrived(rows, first, self->m_hasMore, total);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

} // namespace InviteDesk
