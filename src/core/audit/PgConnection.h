#pragma once

#include "core/audit/TeamAuditTarget.h"

#include <QtCore/QString>

#include <chrono>
#include <memory>

QT_BEGIN_NAMESPACE
class QSqlDatabase;
class QSqlError;
class QSqlQuery;
QT_END_NAMESPACE

namespace InviteDesk {

/*! Why the team store could not be used; decides the CLI's exit code and what the window says. */
enum class TeamAuditProblem {
    None,
    Unreachable, //!< down, slow, frozen or lost: records wait and go out later
    Credentials, //!< user or password refused
    Schema,      //!< no InviteDesk tables this role may use, or a newer schema
    Refused,     //!< anything else the configuration decides: TLS, an unknown database, no right, no driver
    Diverged,    //!< the store and the local log disagree, the store lost records it had taken, or the local log is damaged
};

/*!
 * One connection to PostgreSQL (Qt's QPSQL driver) whose every statement has a deadline on this side.
 *
 * The server's own limits (statement_timeout, lock_timeout) end a slow statement while the server
 * runs; a frozen server (SIGSTOP, a hung host whose kernel still answers TCP keepalives) enforces
 * nothing. So a watchdog thread shuts the connection's socket when a statement outlives its deadline
 * (or when abort() is called from another thread): libpq then fails the statement at once, the
 * connection counts as lost, and the next use connects again. Used on the thread that opened it
 * (a QSqlDatabase belongs to its thread); abort() may be called from any thread.
 */
class PgConnection
{
public:
    /*! The schema InviteDesk's tables live in (docs/TEAM-AUDIT.md). */
    static constexpr const char *schemaName = "invitedesk";

    explicit PgConnection(TeamAuditTarget target);
    ~PgConnection();
    PgConnection(const PgConnection &) = delete;
    PgConnection &operator=(const PgConnection &) = delete;

    const TeamAuditTarget &target() const { return m_target; }
    /*! The role the server knows this connection by (session_user: what it stamps on rows); after open(). */
    QString sessionUser() const { return m_sessionUser; }

    /*! Connects unless connected; false with the problem and a message. */
    bool open(TeamAuditProblem *problem, QString *error);
    bool isOpen() const;
    void close();
    QSqlDatabase database() const;

    /*!
     * Prepares \a sql on \a query within the deadline (QPSQL sends PREPARE to the server, which may
     * wait for a lock or be frozen like any statement).
     */
    bool prepare(QSqlQuery &query, const QString &sql);
    /*! Runs \a query (prepared and bound, or else \a sql) within the deadline. */
    bool exec(QSqlQuery &query, const QString &sql = {});
    /*! The problem and message of the last failed exec (a lost connection is closed here). */
    TeamAuditProblem lastProblem() const { return m_lastProblem; }
    QString lastError() const { return m_lastError; }

    /*!
     * Arms the deadline for what happens while it lives (an executed query's rows arriving, a LISTEN)
     * beside exec() and prepare(); disarms when it goes.
     */
    class Deadline
    {
    public:
        explicit Deadline(PgConnection &connection);
        ~Deadline();
        Deadline(const Deadline &) = delete;
        Deadline &operator=(const Deadline &) = delete;

    private:
        PgConnection &m_connection;
    };

    /*!
     * Ends what the connection is doing now and everything it would do later, from any thread (a sender
     * told to stop): its socket is shut whether or not a statement is running.
     */
    void abort();
    /*!
     * Why statements on this connection cannot be bounded on this side (a build without libpq, or a
     * driver that does not hand out its connection), or empty.
     */
    QString unbounded() const { return m_unbounded; }
    /*! The last failure took the connection with it (lost, frozen, shut): open() makes a new one. */
    bool lost() const { return m_lost; }
    /*! Whether the watchdog ended a statement since open(). */
    bool timedOut() const;

    static QString message(const QSqlError &error);
    static TeamAuditProblem classify(const QSqlError &error);
    static TeamAuditProblem classify(const QString &message, const QString &sqlState = {});

    /*! Notes a failure seen outside exec() and prepare() (rows that stopped arriving). */
    void failed(const QSqlError &error);

private:
    void arm(std::chrono::milliseconds limit);
    void disarm();

    TeamAuditTarget m_target;
    QString m_name;
    struct Watchdog;
    std::shared_ptr<Watchdog> m_watchdog;
    TeamAuditProblem m_lastProblem = TeamAuditProblem::None;
    QString m_lastError;
    bool m_reading = false; //!< a Deadline keeps the watchdog armed across exec() and what follows
    bool m_lost = false;    //!< the connection failed: open() makes a new one
    QString m_unbounded;
    QString m_sessionUser;
};

} // namespace InviteDesk
