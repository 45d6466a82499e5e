#pragma once

#include <QtCore/QDateTime>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <algorithm>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace InviteDesk {

/*!
 * Where a support team's shared audit trail lives: a PostgreSQL database, named by a URL such as
 * postgresql://agent@db.example.com:5432/audit?sslmode=verify-full.
 *
 * TLS modes are libpq's (disable, allow, prefer, require, verify-ca, verify-full); without one, a host
 * other than loopback gets verify-full (the server's certificate and name are checked), loopback gets
 * prefer. The password comes from \c INVITEDESK_AUDIT_PASSWORD, the profile's keychain entry, or
 * libpq's own PGPASSWORD and ~/.pgpass; a password inside the URL is accepted only where no other user
 * can read it (not on a command line).
 */
struct TeamAuditTarget
{
    QString host;
    int port = 5432;
    QString database;
    QString user;
    QString password;
    QString sslMode;
    QString sslRootCert; //!< a CA file for a private server certificate (libpq's sslrootcert)

    /*! The URL without its password, for messages and logs. */
    QString display() const;
    /*! nullopt with \a error set when \a url is not a PostgreSQL URL this can use. */
    static std::optional<TeamAuditTarget> parse(const QString &url, QString *error);
};

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
};

/*! One record of the team store, as the activity list shows it. */
struct TeamActivityRow
{
    QDateTime at;
    QString event;
    QString outcome;
    QString operatorName;
    QString sentBy;
    QString organizationId;
    QString organizationName;
    QString invitationId;
    QString email;
    QString ticket;
    QString chain; //!< with at and seq: the row's place in the order, where the next page starts
    qint64 seq = 0;
    qint64 atMicroseconds = 0; //!< at as stored, to the microsecond (the page cursor)

    /*! The fields exports carry (CSV, JSON), exact and in this order, and their names. */
    static QStringList fieldNames();
    QStringList fields() const;
};

/*! Why the team store could not be used; decides the CLI's exit code and what the window says. */
enum class TeamAuditProblem {
    None,
    Unreachable, //!< down, slow or lost: records wait and go out later
    Credentials, //!< user or password refused
    Schema,      //!< no InviteDesk tables this role may use, or a newer schema
    Refused,     //!< anything else the configuration decides: TLS, an unknown database, no right, no driver
    Diverged,    //!< the store and the local log disagree, or the local log is damaged: see `audit verify`
};

/*!
 * One connection to the team store, used on the thread that made it (a QSqlDatabase belongs to its
 * thread). It ships the local audit log's records, in order, into one table where each agent's log
 * is a chain (named by the hash of its first record), and checks the chains it finds there.
 *
 * The local log stays the write-ahead log: nothing is ever sent that is not already synced on disk,
 * and what is sent is the record's line exactly as written. Shipping is idempotent: (chain, seq) and
 * the record's hash are unique in the table, and a resend after a crash inserts nothing twice.
 * Agents need INSERT and SELECT only (docs/TEAM-AUDIT.md).
 */
class TeamAuditStore
{
public:
    static constexpr int schemaVersion = 1;

    explicit TeamAuditStore(TeamAuditTarget target);
    ~TeamAuditStore();
    TeamAuditStore(const TeamAuditStore &) = delete;
    TeamAuditStore &operator=(const TeamAuditStore &) = delete;

    const TeamAuditTarget &target() const { return m_target; }

    struct Sync
    {
        int sent = 0;
        int waiting = 0; //!< complete local records the store does not hold yet (after this sync)
        TeamAuditProblem problem = TeamAuditProblem::None;
        QString error;
        bool ok() const { return problem == TeamAuditProblem::None; }
    };
    /*!
     * Sends the durable records of \a localLogPath the store does not hold yet, in order, in batches;
     * between batches it stops when \a stop is set. A record the store already holds under the same
     * place in the chain must be the same record, or the sync stops with Diverged.
     */
    Sync sync(const QString &localLogPath, const std::atomic<bool> *stop = nullptr);

    struct Chain
    {
        QString chain;
        QString operatorName; //!< from the chain's first record
        QString sentBy;       //!< the database role that sent its first record
        qint64 records = 0;
        QStringList problems; //!< gaps, edited records, records out of order
    };
    struct Check
    {
        QList<Chain> chains;
        QStringList localProblems; //!< local records missing or different in the store
        int localWaiting = 0;      //!< local records not sent yet
        TeamAuditProblem problem = TeamAuditProblem::None;
        QString error;
        bool intact() const
        {
            return problem == TeamAuditProblem::None && localProblems.isEmpty()
                   && std::all_of(chains.cbegin(), chains.cend(), [](const Chain &c) { return c.problems.isEmpty(); });
        }
    };
    /*! Checks every chain in the store, and \a localLogPath (if given) against its own chain there. */
    Check verify(const QString &localLogPath = {});

    /*!
     * Every record that matches \a filter, oldest first, handed to \a each as it streams in (memory does
     * not grow with the result). False with \a problem and \a error set when the store cannot answer.
     */
    bool activity(const TeamActivityFilter &filter, const std::function<void(const TeamActivityRow &)> &each,
                  TeamAuditProblem *problem, QString *error, int limit = 0, const TeamActivityRow *after = nullptr);

private:
    bool connect(TeamAuditProblem *problem, QString *error);
    bool ensureSchema(TeamAuditProblem *problem, QString *error);
    void disconnect();

    TeamAuditTarget m_target;
    QString m_connectionName;
    bool m_ready = false;
    // Where the last sync stopped, so the next one reads only what was appended since.
    QString m_chain;
    qint64 m_sentSeq = 0;
    qint64 m_sentOffset = 0;
};

} // namespace InviteDesk
