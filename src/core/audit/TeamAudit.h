#pragma once

#include "core/audit/PgConnection.h"
#include "core/audit/TeamAuditTarget.h"

#include <QtCore/QDateTime>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <algorithm>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace InviteDesk {

/*! Which records of the team store to show; empty fields do not filter. Times are UTC. */
struct TeamActivityFilter
{
    QString organization; //!< an organization ID, or part of its name
    QString email;        //!< exactly, in any case
    QString agent;        //!< the operator named in the record, or the database role that sent it
    QString ticket;
    QDateTime since;      //!< inclusive
    QDateTime until;      //!< exclusive
    bool withIntents = false; //!< also the intent records (by default: what happened, not what was about to)
    bool newestFirst = false;
};

/*! One record of the team store, as the activity list shows it. */
struct TeamActivityRow
{
    QDateTime at;
    QString event;
    QString outcome;
    QString operatorName; //!< the operating-system account the record names
    QString sentBy;       //!< the database role that sent it
    QString organizationId;
    QString organizationName;
    QString invitationId;
    QString email;
    QString ticket;
    /*!
     * Not empty when the row disagrees with its chain's owner (the role and account that sent its
     * first record): someone else's name or role in an agent's history.
     */
    QString flag;
    QString chain; //!< with at and seq: the row's place in the order, where the next page starts
    qint64 seq = 0;
    QString atCursor; //!< at exactly as stored, as PostgreSQL writes it (the page cursor)

    /*! The agent's own revoke: Clerk's answer to this agent's request showed it revoked. */
    bool isConfirmedRevoke() const;
    /*! The fields exports carry (CSV, JSON), exact and in this order, and their names. */
    static QStringList fieldNames();
    QStringList fields() const;
};

/*!
 * The team store, used on the thread that made it (a QSqlDatabase belongs to its thread). It ships the
 * local audit log's records, in order, into one table where each agent's log is a chain (named by the
 * hash of its first record), checks the chains it finds there, and lists what the team did.
 *
 * The local log stays the write-ahead log: nothing is ever sent that is not already synced on disk,
 * and what is sent is the record's line exactly as written. The database derives every other column
 * from it and enforces the chain (TeamAuditSchema). Shipping is idempotent: a resend after a crash
 * inserts nothing twice. Every statement is bounded (PgConnection). Agents need INSERT and SELECT
 * only (docs/TEAM-AUDIT.md).
 *
 * How far the store had taken this log is remembered beside the log (a ".team" file), so the number
 * of records waiting is true while the store is away, and a store that lost records it had taken (an
 * administrator's DELETE, a restore from an old backup) is said, not quietly filled up again.
 */
class TeamAuditStore
{
public:
    explicit TeamAuditStore(TeamAuditTarget target);
    ~TeamAuditStore();
    TeamAuditStore(const TeamAuditStore &) = delete;
    TeamAuditStore &operator=(const TeamAuditStore &) = delete;

    const TeamAuditTarget &target() const { return m_connection.target(); }
    /*! Ends the statement running now, from any thread (at most the batch in flight is lost; it is resent). */
    void abort() { m_connection.abort(); }

    struct Sync
    {
        int sent = 0;
        qint64 waiting = 0; //!< complete local records the store does not hold yet (after this sync)
        TeamAuditProblem problem = TeamAuditProblem::None;
        QString error;
        QString warning; //!< the sending role may do more than add and read (TeamAuditSchema::excessRights)
        bool ok() const { return problem == TeamAuditProblem::None; }
    };
    /*!
     * Sends the durable records of \a localLogPath the store does not hold yet, in order, in batches
     * read from the file as they go (memory does not grow with the backlog); between batches it stops
     * when \a stop is set. A record the store already holds under the same place in the chain must be
     * the same record, or the sync stops with Diverged. When the store holds fewer of this log's
     * records than it once took, the sync stops with Diverged unless \a resendLost.
     */
    Sync sync(const QString &localLogPath, const std::atomic<bool> *stop = nullptr, bool resendLost = false);

    struct Chain
    {
        QString chain;
        QString operatorName; //!< from the chain's first record
        QString sentBy;       //!< the database role that sent its first record
        qint64 records = 0;
        QStringList problems; //!< gaps, edited records, records out of order, columns that lie (the first 100)
        qint64 moreProblems = 0; //!< problems beyond those listed: memory does not grow with a broken store
    };
    struct Check
    {
        QList<Chain> chains;
        bool localCompared = false; //!< a local log was there to compare with its chain in the store
        QStringList localProblems;  //!< local records missing or different in the store (the first 100)
        qint64 moreLocalProblems = 0;
        qint64 localWaiting = 0;    //!< local records not sent yet
        TeamAuditProblem problem = TeamAuditProblem::None;
        QString error;
        QString schemaNote; //!< the tables were created or migrated by this very check (the owner's first use)
        bool intact() const
        {
            return problem == TeamAuditProblem::None && localProblems.isEmpty()
                   && std::all_of(chains.cbegin(), chains.cend(), [](const Chain &c) { return c.problems.isEmpty(); });
        }
        static constexpr qsizetype problemsListed = 100;
        /*! Adds \a problem to \a list, or counts it in \a more once the list is full. */
        static void note(QStringList &list, qint64 &more, const QString &problem)
        {
            if (list.size() < problemsListed)
                list << problem;
            else
                ++more;
        }
    };
    /*!
     * Checks every chain in the store, a page at a time (each row's hash, its place in the chain, the
     * role that sent it, and its searchable columns against its record), and \a localLogPath (if given)
     * against its own chain there.
     */
    Check verify(const QString &localLogPath = {});

    /*!
     * Every record that matches \a filter, in order, handed to \a each as it streams in, a page at a
     * time (memory does not grow with the result, and no statement outlives its deadline). At most
     * \a limit rows when positive, after \a after when given. False with \a problem and \a error set
     * when the store cannot answer. A connection lost since the last call (a server restart) is
     * opened again once.
     */
    bool activity(const TeamActivityFilter &filter, const std::function<void(const TeamActivityRow &)> &each,
                  TeamAuditProblem *problem, QString *error, int limit = 0, const TeamActivityRow *after = nullptr);
    /*! How many records match \a filter; -1 with \a problem and \a error set when the store cannot answer. */
    qint64 count(const TeamActivityFilter &filter, TeamAuditProblem *problem, QString *error);

    /*! Opens the connection (and the schema) now; the role's excess rights, if any, in \a warning. */
    bool check(TeamAuditProblem *problem, QString *error, QString *warning = nullptr);
    /*!
     * The records of \a localLogPath that \a target has not taken as far as this computer knows (the
     * ".team" mark), without asking it: for a count while it does not answer.
     */
    static qint64 waitingAsFarAsKnown(const QString &localLogPath, const TeamAuditTarget &target);

    /*!
     * One look at \a target from any thread, on a connection of its own (Test Connection): whether it
     * answers and has InviteDesk's tables; "" when it does, else why; \a warning as check() gives it.
     */
    static QString probe(const TeamAuditTarget &target, QString *warning);

    /*! The connection, for LISTEN (TeamActivityQuery); open after check(). */
    PgConnection &connection() { return m_connection; }

private:
    bool connect(TeamAuditProblem *problem, QString *error);
    bool readPage(const QString &sql, const QVariantList &values, const std::function<void(const QSqlQuery &)> &each,
                  TeamAuditProblem *problem, QString *error);

    PgConnection m_connection;
    bool m_schemaChecked = false;
    QString m_schemaNote; //!< what ensuring the schema did, for the first verify() to say
};

} // namespace InviteDesk
