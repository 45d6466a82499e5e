#pragma once

#include "core/domain/Revocation.h"

#include <QtCore/QAtomicInt>
#include <QtCore/QHash>
#include <QtCore/QJsonObject>
#include <QtCore/QString>

#include <functional>
#include <memory>

QT_BEGIN_NAMESPACE
class QFile;
class QIODevice;
class QLockFile;
QT_END_NAMESPACE

namespace InviteDesk {

/*! Who is acting on which instance; copied into every record. Never holds the key. */
/*! The operating system account this process runs as: who a record says acted, never from the environment. */
QString operatorName();

struct AuditContext
{
    QString profile;
    QString environment;    //!< "production", "development", "sandbox"
    QString keyFingerprint; //!< keyFingerprint(): a short hash, never the key
    QString apiHost;
    QString ticket;         //!< the default ticket; a RevokeItem's own ticket wins
    QString operatorName;   //!< empty: the operating system account (operatorName()); set only by tests and tools
};

struct AuditVerification
{
    bool ok = false;
    int records = 0;
    int firstBadLine = 0; //!< 1-based; 0 when ok
    QString problem;
    /*! Not a break of the chain, but worth saying (an incomplete last line the next write repairs). */
    QString note;
};

/*!
 * The append-only audit trail of revokes, as JSON Lines.
 *
 * For each revoke an "intent" record is written and synced to disk before
 * the request goes out, and an "outcome" record right after the answer. A
 * crash leaves intents without outcomes; unsettledIntents() finds them so
 * they can be reconciled (re-read) on the next start.
 *
 * Every record holds the SHA-256 of the previous one ("prev") and its own
 * ("hash", over the record without that field), so verify() detects an edited
 * or deleted line; a side file (".head") holds the newest sequence number and
 * hash, so cutting records off the end is detected as well. A lock file keeps
 * concurrent writers (windows and CLIs) from breaking the chain.
 *
 * What this does not do: anyone who can rewrite the whole file and its head
 * can recompute every hash. The chain shows accidents and careless edits; it
 * is not proof against the computer's own user (README, "Safety").
 *
 * Each AuditLog is one run: its intents carry its run ID, and while it lives
 * it holds a lock named after that ID (runIsAlive()), so that another process
 * never mistakes this run's open intents for a crashed run's. A record cut
 * off by a full disk or a crash is removed, and the removal recorded, before
 * the next record is appended.
 *
 * Records made meanwhile can be written as a group (write()): one lock, one
 * fsync and one head rewrite for all of them, which is what lets a bulk run
 * record two thousand a second on a disk whose fsync takes milliseconds. A
 * crash between a group's fsync and its head's rewrite leaves the head behind
 * by that group, so verify() and the next append accept a head up to
 * maxGroup + 1 records behind (headLagIsACrash()) when it names the record at
 * that place and the records after it are chained.
 */
class AuditLog
{
public:
    explicit AuditLog(QString filePath = defaultPath());
    ~AuditLog();

    static QString defaultPath();
    QString filePath() const { return m_path; }
    /*! This run's ID, written into its intent and outcome records. */
    QString runId() const { return m_runId; }

    void setContext(const AuditContext &context);
    const AuditContext &context() const { return m_context; }

    /*!
     * Adds seq, time, prev and hash, then appends and syncs, repairing a torn last line first.
     * False with lastError() on failure; nothing half-written is left behind that the next append
     * would not repair.
     */
    bool append(QJsonObject record);
    QString lastError() const { return m_error; }

    /*!
     * A record made by intent(), outcome(), reinviteIntent() or reinviteOutcome() and not written yet:
     * what it says, what this run notes once it is on disk, and what its asker is told if it is not.
     */
    struct Entry
    {
        QJsonObject record;
        bool startsWork = false;              //!< an intent: this run's lock is held first (runIsAlive())
        std::function<void()> written;        //!< this run's note of it, once it is on disk
        std::function<QString(const QString &error)> refused; //!< the words for its asker
    };
    /*! The most entries write() takes at once; a crash can leave the head that far behind (one more: a repair). */
    static constexpr int maxGroup = 255;
    /*!
     * Whether a head  behind records older than the log's last record is what a crash leaves (between a
     * group's fsync and its head's rewrite); anything else is records cut off or the head edited. The one
     * rule of verify() and of the next append.
     */
    static constexpr qint64 maxHeadLag = maxGroup + 1;
    static constexpr bool headLagIsACrash(qint64 behind) { return behind >= 0 && behind <= maxHeadLag; }

    /*! The intent record of a revoke about to be sent; written or not, it is not sent before write() said true. */
    Entry intent(const RevokeItem &item);
    /*! The outcome of a revoke whose intent this log recorded; a refusal means: stop sending. */
    Entry outcome(const RevokeItem &item, const RevokeResult &result);
    /*! A re-invite, audited like a revoke: an intent before the create, an outcome after it. */
    Entry reinviteIntent(const RevokeItem &previous, bool notify, int expiresInDays);
    Entry reinviteOutcome(const RevokeItem &previous, const std::optional<Invitation> &created,
                          const std::optional<ClerkError> &error);
    /*!
     * Appends \a entries (at most maxGroup) in order as one group: one lock, one fsync, one head rewrite.
     * True when every one is on disk; false when none may be counted as written, with \a whyNot in the
     * first one's words (the group stands or falls as one; lastError() is the cause alone). A write that
     * fails midway is cut back, or its torn last line repaired by the next append. If even the cut fails,
     * or the head cannot be rewritten after the sync, whole records of the refused group may stay, chained:
     * intents whose requests were never sent, or outcomes after which the run stopped; the next start
     * reconciles them as a crashed run's.
     */
    bool write(QList<Entry> entries, QString *whyNot);
    /*! How many times this log synced its file to disk: a group is one (tests count them). */
    int syncs() const { return m_syncs.loadRelaxed(); }

    /*! write() of one entry, for callers that record one at a time. */
    bool recordIntent(const RevokeItem &item, QString *whyNot) { return write({intent(item)}, whyNot); }
    bool recordOutcome(const RevokeItem &item, const RevokeResult &result, QString *whyNot)
    {
        return write({outcome(item, result)}, whyNot);
    }
    /*! Intents this run recorded and has not recorded an outcome for. */
    bool hasOpenIntents() const { return !m_openIntents.isEmpty() || !m_openReinvites.isEmpty(); }
    bool recordReinviteIntent(const RevokeItem &previous, bool notify, int expiresInDays, QString *whyNot)
    {
        return write({reinviteIntent(previous, notify, expiresInDays)}, whyNot);
    }
    bool recordReinviteOutcome(const RevokeItem &previous, const std::optional<Invitation> &created,
                               const std::optional<ClerkError> &error, QString *whyNot)
    {
        return write({reinviteOutcome(previous, created, error)}, whyNot);
    }

    /*!
     * Records what a re-read found for an intent that never got its outcome. Written only if no
     * outcome or reconciliation for that intent appeared in the log after \a scannedUpTo (the byte
     * where the read that found it open stopped): two reconcilers never settle one intent twice. Always
     * written alone: its condition is read under the lock of its own append.
     */
    bool recordReconciliation(const QJsonObject &intent, const QString &outcome, const QString &detail,
                              qint64 scannedUpTo = -1);

    /*!
     * Whether the run that wrote an intent is still going in some process. Runs without an ID
     * (logs from before run IDs) count as ended. When it has ended, \a claim (if given) is set to a
     * held lock on that run, so that no one else settles its intents meanwhile.
     */
    static bool runIsAlive(const QString &filePath, const QString &runId, std::unique_ptr<QLockFile> *claim = nullptr);

    static AuditVerification verify(const QString &filePath);
    /*!
     * Intent records with no outcome or reconciliation after them, in log order; only the lines that
     * start before \a upToByte when given. Memory grows with the open intents, not with the log.
     */
    static QList<QJsonObject> unsettledIntents(const QString &filePath, qint64 upToByte = -1);
    static bool exportCsv(const QString &filePath, QIODevice *out, QString *error);
    static QByteArray hashRecord(const QJsonObject &recordWithoutHash);

private:
    using Precondition = std::function<bool(QFile &)>;
    /*! The one function that appends: \a records in order, under one lock, with one sync and one head rewrite. */
    bool appendIf(QList<QJsonObject> records, const Precondition &precondition, bool *skipped = nullptr);
    bool syncToDisk(QFile &file);
    /*! Writes \a line as the whole of the head file at \a path, replacing it at once; why not, or empty. */
    static QString replaceHead(const QString &path, const QByteArray &line);
    bool holdRunLock();
    QJsonObject baseRecord(const QString &event, const RevokeItem &item) const;

    QString m_path;
    QString m_runId;
    std::unique_ptr<QLockFile> m_runLock;
    AuditContext m_context;
    QString m_error;
    QHash<QString, QString> m_openIntents; //!< invitation ID -> intent op ID (revokes and re-invites apart)
    QHash<QString, QString> m_openReinvites;
    QAtomicInt m_syncs; //!< read by other threads (tests of AuditWriter)
};

} // namespace InviteDesk
