#include "core/audit/TeamAuditSender.h"

#include <QtCore/QDateTime>
#include <QtCore/QDeadlineTimer>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFileInfo>
#include <QtCore/QTimer>

#include <condition_variable>
#include <mutex>

using namespace Qt::StringLiterals;

namespace InviteDesk {

struct TeamAuditSender::Shared
{
    // Shared with the asking thread, under the mutex.
    std::mutex mutex;
    std::condition_variable changed;
    Status status;
    quint64 flushesAsked = 0;
    quint64 flushesDone = 0;
    std::atomic<bool> stopping = false; //!< set by the destructor: stop between batches

    // The sender's thread only.
    TeamAuditTarget target;
    QString path;
    std::unique_ptr<TeamAuditStore> store;
    QElapsedTimer clock;
    qint64 seenSize = -1;
    QDateTime seenModified;
    qint64 retryAt = 0; //!< on clock; 0 while the store answers
    int backoffMs = 1000;

    /*! One look at the log: sends what is new, or (while the store is down) retries when it is time. */
    void attempt(bool forced, TeamAuditSender *sender)
    {
        const QFileInfo info(path);
        const bool grew = info.size() != seenSize || info.lastModified() != seenModified;
        Status before;
        {
            std::lock_guard lock(mutex);
            before = status;
        }
        const bool retrying = before.waiting > 0 || before.problem != TeamAuditProblem::None;
        const bool due = clock.elapsed() >= retryAt; // a store that is down is not asked on every write
        if (!forced && (!due || (!grew && !retrying)))
            return;
        seenSize = info.size();
        seenModified = info.lastModified();
        {
            // Under the mutex the destructor aborts the store with: a store made here either sees the stop, or is
            // made before the abort and so aborted (its connect then fails at once). None is made after a stop.
            std::lock_guard lock(mutex);
            if (stopping)
                return;
            if (!store)
                store = std::make_unique<TeamAuditStore>(target);
        }
        const TeamAuditStore::Sync sync = store->sync(path, &stopping);
        if (sync.ok()) {
            backoffMs = 1000;
            retryAt = 0;
        } else {
            retryAt = clock.elapsed() + backoffMs;
            backoffMs = std::min(backoffMs * 2, 30'000);
        }
        const Status now{sync.waiting, sync.problem, sync.error, sync.warning, false};
        std::lock_guard lock(mutex);
        status = now;
        // Never once stopping: a thread that outlives the wait in the destructor must not touch the sender.
        if (!(now == before) && !stopping)
            QMetaObject::invokeMethod(
                sender, [sender, now] { Q_EMIT sender->statusChanged(now); }, Qt::QueuedConnection);
    }
};

TeamAuditSender::TeamAuditSender(const TeamAuditTarget &target, const QString &localLogPath, QObject *parent)
    : QObject(parent), m_shared(std::make_shared<Shared>())
{
    m_shared->target = target;
    m_shared->path = localLogPath;
    m_shared->clock.start();
    m_thread = new QThread; // not this object's child: it may outlive it (~TeamAuditSender)
    m_thread->setObjectName(u"team audit sender"_s);
    m_worker = new QObject;
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    // The connection belongs to the sender's thread: it is closed there, as the thread ends.
    connect(m_thread, &QThread::finished, m_worker, [shared = m_shared] {
        std::lock_guard lock(shared->mutex);
        shared->store.reset();
    }, Qt::DirectConnection);
    m_thread->start();
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, shared = m_shared, self = this] {
            auto *timer = new QTimer(worker);
            QObject::connect(timer, &QTimer::timeout, worker, [shared, self] { shared->attempt(false, self); });
            timer->start(500);
            shared->attempt(true, self);
        },
        Qt::QueuedConnection);
}

TeamAuditSender::~TeamAuditSender()
{
    // The batch being sent is given up (the store rolls it back; it goes out next time): a frozen store
    // must not keep a window from closing or a CLI from exiting.
    qint64 waiting = 0;
    {
        std::lock_guard lock(m_shared->mutex);
        m_shared->stopping = true;
        if (m_shared->store)
            m_shared->store->abort();
        waiting = m_shared->status.waiting;
    }
    m_thread->quit();
    // The abort ends a statement or a connect at once; the watchdog bounds anything else to the target's
    // longest wait (a name lookup inside libpq is bounded by nothing of ours). Past that, the thread is let
    // go: it touches nothing of this object, and ends by itself.
    const std::chrono::milliseconds bound = m_shared->target.longestWait() + std::chrono::seconds(1);
    if (m_thread->wait(QDeadlineTimer(bound))) {
        delete m_thread;
        return;
    }
    qWarning("team audit: the sender did not stop within %lld s (a connection to %s is still being made or "
             "given up); it is left to end by itself. %lld records wait in the local log and go out next time.",
             qlonglong(std::chrono::duration_cast<std::chrono::seconds>(bound).count()),
             qPrintable(m_shared->target.display()), qlonglong(waiting));
    QObject::connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    if (m_thread->isFinished()) // it ended between the wait and the connect
        m_thread->deleteLater();
}

TeamAuditSender::Status TeamAuditSender::status() const
{
    std::lock_guard lock(m_shared->mutex);
    return m_shared->status;
}

TeamAuditSender::Status TeamAuditSender::flush(int timeoutMs)
{
    quint64 ticket = 0;
    {
        std::lock_guard lock(m_shared->mutex);
        ticket = ++m_shared->flushesAsked;
    }
    QMetaObject::invokeMethod(
        m_worker,
        [shared = m_shared, self = this, ticket] {
            shared->attempt(true, self);
            {
                std::lock_guard lock(shared->mutex);
                shared->flushesDone = std::max(shared->flushesDone, ticket);
            }
            shared->changed.notify_all();
        },
        Qt::QueuedConnection);
    std::unique_lock lock(m_shared->mutex);
    const bool done = m_shared->changed.wait_for(lock, std::chrono::milliseconds(timeoutMs),
                                                 [&] { return m_shared->flushesDone >= ticket; });
    Status status = m_shared->status;
    status.stillSending = !done;
    return status;
}

} // namespace InviteDesk
