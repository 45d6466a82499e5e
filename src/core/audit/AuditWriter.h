#pragma once

#include "core/audit/AuditLog.h"
#include "core/audit/SendJournal.h"
#include "core/domain/Revocation.h"

#include <QtCore/QMutex>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QThread>

#include <functional>
#include <memory>

namespace InviteDesk {

/*!
 * The audit log written on a thread of its own, for one run (a window session or a CLI process).
 *
 * Records are written in the order they are asked for, each synced to disk before its answer comes
 * back, on the asker's thread; so the window never waits for the file lock or an fsync. The records
 * asked for while the thread writes are written next as one group (AuditLog::write(): one lock, one
 * fsync, one head rewrite), then answered in order: at HTTP/2's pace a bulk run asks for two thousand
 * a second, more than one fsync each allows on a busy disk. The first write that fails latches: every
 * record of its group and every later one is refused with the same reason, so a run that could not
 * record an outcome can never go on to send another revoke (BulkRevoker asks for each intent before
 * it sends, and stops on a refusal).
 *
 * It is the RevokeObserver of bulk runs: revokeIntended() and revokeSettled() answer when the record
 * is on disk.
 */
class AuditWriter : public QObject, public RevokeObserver
{
    Q_OBJECT

public:
    using Done = RevokeObserver::Done;

    explicit AuditWriter(const QString &filePath, const AuditContext &context, QObject *parent = nullptr);
    /*! Writes what was asked for, then stops its thread. */
    ~AuditWriter() override;

    QString filePath() const { return m_path; }
    QString runId() const { return m_runId; }
    const AuditContext &context() const { return m_context; }

    void revokeIntended(const RevokeItem &item, Done done) override;
    /*! Notes in the run's SendJournal that the request leaves now (on the caller's thread, at once). */
    void revokeSending(const RevokeItem &item) override;
    void revokeSettled(const RevokeItem &item, const RevokeResult &result, Done done) override;
    void reinviteIntended(const RevokeItem &previous, bool notify, int expiresInDays, Done done);
    void reinviteSettled(const RevokeItem &previous, const std::optional<Invitation> &created,
                         const std::optional<ClerkError> &error, Done done);
    /*! \a done's flag is false when the record was not written (refused, or settled meanwhile by someone else). */
    void reconciled(const QJsonObject &intent, const QString &outcome, const QString &detail, qint64 scannedUpTo,
                    Done done);

    /*! Waits until every record asked for so far is written (for tests and for quitting). */
    void flush();
    /*! How many times the log was synced to disk so far: fewer than the records when they went in groups. */
    int syncs() const { return m_log->syncs(); }

private:
    /*! One record asked for: made on the writer's thread, with others (\a make) or alone (\a alone). */
    struct Request
    {
        std::function<AuditLog::Entry(AuditLog &)> make;
        std::function<bool(AuditLog &, QString *)> alone; //!< one whose condition is read under its own lock
        Done done;
    };
    /*! Queues \a request; the writer's thread writes it with the others queued by then. */
    void enqueue(Request request);
    /*! On the writer's thread: writes what is queued, a group at a time, until nothing is. */
    void writeQueued();
    /*! Writes \a group (their answers in \a waiting) unless a failure latched; then answers them here. */
    void writeGroup(QList<AuditLog::Entry> &group, QList<Done> &waiting);
    /*! Calls each of \a answers with \a ok and \a why on this writer's thread, in order, while it lives. */
    void answer(QList<Done> answers, bool ok, const QString &why);

    QString m_path;
    QString m_runId;
    AuditContext m_context;
    QThread m_thread;
    QObject *m_worker = nullptr; //!< lives on m_thread; owns the AuditLog
    std::shared_ptr<AuditLog> m_log;
    QString m_latched; //!< the first failure; touched on the writer's thread only
    QMutex m_queueLock;
    QList<Request> m_queue;    //!< asked for and not yet taken by the writer's thread (under m_queueLock)
    bool m_writing = false;    //!< the writer's thread was told to write the queue (under m_queueLock)
    SendJournal m_sent; //!< on the caller's thread
};

} // namespace InviteDesk
