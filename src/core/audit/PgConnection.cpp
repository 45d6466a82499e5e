#include "core/audit/PgConnection.h"
#include "invitedesk/PgBuild.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QStringList>
#include <QtCore/QUuid>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlDriver>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>

#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

#ifdef Q_OS_LINUX
#  include <QtCore/QDir>
#  include <QtCore/QSet>
#  include <arpa/inet.h>
#  include <netinet/in.h>
#  include <sys/un.h>
#endif
#ifdef INVITEDESK_HAVE_LIBPQ
#  include <libpq-fe.h>
#  ifdef Q_OS_WIN
#    include <winsock2.h>
#  else
#    include <sys/socket.h>
#  endif
#endif

using namespace Qt::StringLiterals;

namespace InviteDesk {

namespace {

/*!
 * Whether Qt's PostgreSQL driver is there and loads: its plugin can be listed (isDriverAvailable) and
 * still fail to load when the libpq it links to is missing (Windows: libpq.dll beside the program).
 */
bool driverLoads(const QString &connectionName)
{
    if (!QSqlDatabase::isDriverAvailable(u"QPSQL"_s))
        return false;
    const QString probe = connectionName + u"-driver-probe"_s;
    bool valid = false;
    {
        const QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, probe);
        valid = db.isValid();
    }
    QSqlDatabase::removeDatabase(probe);
    return valid;
}

/*! What to do when the driver is missing, in the words of the platform the user is on. */
QString driverMissing()
{
#if defined(INVITEDESK_BUILT_WITHOUT_QPSQL)
    return QCoreApplication::translate("TeamAudit", "this InviteDesk was built without PostgreSQL support (its Qt has no "
                                                    "PostgreSQL driver), so it cannot use a team audit store; InviteDesk's "
                                                    "release installers include it");
#elif defined(Q_OS_WIN)
    return QCoreApplication::translate("TeamAudit", "Qt's PostgreSQL driver (qsqlpsql.dll in sqldrivers) or the PostgreSQL "
                                                    "client library it loads (libpq.dll) is missing from InviteDesk's "
                                                    "folder, so it cannot use a team audit store; the installer and the "
                                                    "ZIP of an InviteDesk release include both: reinstall InviteDesk");
#elif defined(Q_OS_MACOS)
    return QCoreApplication::translate("TeamAudit", "Qt's PostgreSQL driver (QPSQL) or the PostgreSQL client library it "
                                                    "loads (libpq) cannot be loaded from InviteDesk.app, so it cannot use "
                                                    "a team audit store; the app of an InviteDesk release includes both: "
                                                    "reinstall InviteDesk");
#else
    return QCoreApplication::translate("TeamAudit", "Qt's PostgreSQL driver (QPSQL) is not installed, so InviteDesk "
                                                    "cannot use a team audit store; install your distribution's package "
                                                    "of it (Debian, Ubuntu: libqt6sql6-psql; Fedora: "
                                                    "qt6-qtbase-postgresql)");
#endif
}

#ifdef INVITEDESK_HAVE_LIBPQ
/*! A server's notice, for INVITEDESK_DEBUG=1 (libpq ends it with a newline). */
void debugNotice(void *, const char *message)
{
    qDebug("team store: %s", qPrintable(QString::fromUtf8(message).trimmed()));
}
#endif

/*! A value for libpq's connection string, quoted as it asks ('…' with \\ and \' escaped). */
QString libpqQuoted(QString value)
{
    value.replace(u'\\', "\\\\"_L1);
    value.replace(u'\'', "\\'"_L1);
    return u'\'' + value + u'\'';
}

/*! The process's open sockets (Linux), to tell the one a connect opens from those that were there. */
QSet<int> openSockets()
{
    QSet<int> sockets;
#ifdef Q_OS_LINUX
    const QDir fds(u"/proc/self/fd"_s);
    for (const QString &name : fds.entryList(QDir::System | QDir::NoDotAndDotDot)) {
        if (QFile::symLinkTarget(fds.filePath(name)).contains("socket:"_L1))
            sockets.insert(name.toInt());
    }
#endif
    return sockets;
}

#ifdef Q_OS_LINUX
/*! Whether socket \a fd talks to a PostgreSQL server on \a port (TCP, or its Unix socket). */
bool talksToPort(int fd, int port)
{
    sockaddr_storage peer{};
    socklen_t length = sizeof peer;
    if (::getpeername(fd, reinterpret_cast<sockaddr *>(&peer), &length) != 0)
        return false;
    if (peer.ss_family == AF_INET)
        return ntohs(reinterpret_cast<sockaddr_in *>(&peer)->sin_port) == port;
    if (peer.ss_family == AF_INET6)
        return ntohs(reinterpret_cast<sockaddr_in6 *>(&peer)->sin6_port) == port;
    if (peer.ss_family == AF_UNIX)
        return QByteArray(reinterpret_cast<sockaddr_un *>(&peer)->sun_path).endsWith(QByteArray(".s.PGSQL." + QByteArray::number(port)));
    return false;
}
#endif

} // namespace

/*!
 * One thread per connection that waits for the armed deadline. Arming, disarming and the shutdown
 * all happen under one mutex, so the socket it shuts is always the live connection's: the statement's
 * thread cannot close or reopen the connection while a statement is armed.
 */
struct PgConnection::Watchdog
{
    std::mutex mutex;
    std::condition_variable wake;
    std::thread thread;
    void *conn = nullptr; //!< the PGconn of the armed statement
    std::chrono::steady_clock::time_point deadline;
    bool armed = false;
    bool quit = false;
    bool fired = false;
    bool aborted = false; //!< abort() was called: every later statement fails at once
    /*!
     * While a connection is being made, before the driver hands out its PGconn: the sockets that were
     * open before (the new one is the connection's) and the server's port. Qt's driver asks the server
     * a few things right after logging in; a server that freezes then is ended through this.
     */
    std::optional<QSet<int>> opening;
    int port = 0;

    Watchdog()
    {
        thread = std::thread([this] {
            std::unique_lock lock(mutex);
            while (!quit) {
                if (!armed) {
                    wake.wait(lock);
                    continue;
                }
                if (wake.wait_until(lock, deadline) == std::cv_status::timeout && armed
                    && std::chrono::steady_clock::now() >= deadline)
                    shutDownLocked();
            }
        });
    }
    ~Watchdog()
    {
        {
            std::lock_guard lock(mutex);
            quit = true;
        }
        wake.notify_all();
        thread.join();
    }
    void shutDownLocked()
    {
        armed = false;
        fired = true;
#ifdef INVITEDESK_HAVE_LIBPQ
        // Not close(): the descriptor stays libpq's. The blocked read returns at once, libpq reports
        // the connection lost, and the statement fails.
        if (conn) {
            const int socket = PQsocket(static_cast<PGconn *>(conn));
            if (socket >= 0) {
#  ifdef Q_OS_WIN
                ::shutdown(SOCKET(socket), SD_BOTH);
#  else
                ::shutdown(socket, SHUT_RDWR);
#  endif
            }
        }
#endif
#ifdef Q_OS_LINUX
        if (!conn && opening) {
            for (const int fd : openSockets()) {
                if (!opening->contains(fd) && talksToPort(fd, port))
                    ::shutdown(fd, SHUT_RDWR);
            }
        }
#endif
    }
};

PgConnection::PgConnection(TeamAuditTarget target)
    : m_target(std::move(target)),
      m_name(u"invitedesk-team-audit-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces)),
      m_watchdog(std::make_shared<Watchdog>())
{
}

PgConnection::~PgConnection()
{
    close();
}

QSqlDatabase PgConnection::database() const
{
    return QSqlDatabase::database(m_name, false);
}

bool PgConnection::isOpen() const
{
    return !m_lost && QSqlDatabase::contains(m_name) && database().isOpen();
}

void PgConnection::close()
{
    m_lost = false;
    {
        std::lock_guard lock(m_watchdog->mutex);
        m_watchdog->armed = false;
        m_watchdog->conn = nullptr;
    }
    if (QSqlDatabase::contains(m_name)) {
        database().close();
        QSqlDatabase::removeDatabase(m_name);
    }
}

bool PgConnection::open(TeamAuditProblem *problem, QString *error)
{
    if (isOpen())
        return true;
    close();
    {
        std::lock_guard lock(m_watchdog->mutex);
        if (m_watchdog->aborted) {
            *problem = TeamAuditProblem::Unreachable;
            *error = QCoreApplication::translate("TeamAudit", "stopped");
            return false;
        }
    }
    auto failed = [&](TeamAuditProblem kind, const QString &why) {
        *problem = kind;
        *error = why;
        close();
        return false;
    };
    if (!driverLoads(m_name))
        return failed(TeamAuditProblem::Refused, driverMissing());
    {
        // The connect, and what the driver asks right after it, within one deadline (libpq's
        // connect_timeout covers only the first part).
        {
            std::lock_guard lock(m_watchdog->mutex);
            m_watchdog->opening = openSockets();
            m_watchdog->port = m_target.port;
            m_watchdog->fired = false;
        }
        arm(m_target.connectTimeout + m_target.statementTimeout);
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, m_name);
        db.setHostName(m_target.host);
        db.setPort(m_target.port);
        db.setDatabaseName(m_target.database);
        db.setUserName(m_target.user);
        db.setPassword(m_target.password.isEmpty() ? qEnvironmentVariable("INVITEDESK_AUDIT_PASSWORD")
                                                   : m_target.password);
        // libpq bounds the connection itself (a frozen server accepts the TCP connection and never answers).
        QStringList options{u"sslmode="_s + m_target.sslMode,
                            u"connect_timeout=%1"_s.arg(m_target.connectTimeout.count()), u"tcp_user_timeout=10000"_s,
                            u"application_name=InviteDesk"_s, u"keepalives=1"_s, u"keepalives_idle=10"_s,
                            u"keepalives_interval=5"_s, u"keepalives_count=3"_s};
        if (!m_target.sslRootCert.isEmpty())
            options << u"sslrootcert="_s + libpqQuoted(m_target.sslRootCert);
        db.setConnectOptions(options.join(u';'));
        // (QPSQL reports a connection whose first questions failed as open: the watchdog's word counts.)
        const bool opened = db.open() && !timedOut();
        disarm();
        {
            std::lock_guard lock(m_watchdog->mutex);
            m_watchdog->opening.reset();
        }
        if (!opened) {
            const QString why = timedOut() ? QCoreApplication::translate("TeamAudit", "the team store did not finish "
                                                                                     "the connection within %1 s")
                                                 .arg((m_target.connectTimeout + m_target.statementTimeout).count())
                                           : message(db.lastError());
            db = QSqlDatabase(); // no handle may outlive the connection's removal
            return failed(timedOut() ? TeamAuditProblem::Unreachable : classify(why), why);
        }
        const QVariant handle = db.driver()->handle();
        std::lock_guard lock(m_watchdog->mutex);
        // QPSQL hands out libpq's PGconn* (named after its struct, pg_conn).
        const bool isPgConn = handle.isValid()
                              && (qstrcmp(handle.typeName(), "PGconn*") == 0 || qstrcmp(handle.typeName(), "pg_conn*") == 0);
        m_watchdog->conn = isPgConn ? *static_cast<void *const *>(handle.constData()) : nullptr;
#ifdef INVITEDESK_HAVE_LIBPQ
        // libpq writes the server's notices to stderr by default (a shutdown's "WARNING:  terminating
        // connection…"): what they mean is said in InviteDesk's words, so they are debug output here.
        if (m_watchdog->conn)
            PQsetNoticeProcessor(static_cast<PGconn *>(m_watchdog->conn), &debugNotice, nullptr);
        m_unbounded = m_watchdog->conn ? QString()
                                       : QCoreApplication::translate("TeamAudit", "Qt's PostgreSQL driver did not hand "
                                                                                  "out its connection");
#else
        m_unbounded = QCoreApplication::translate("TeamAudit", "this build has no libpq");
#endif
    }
    // The server's own limits, for a server that runs: a slow statement or a held lock ends with an error
    // and the connection stays usable. The schema first, then public (where version 1 stores live).
    bool ready = true;
    {
        QSqlQuery query(database());
        for (const QString &statement :
             {u"SET statement_timeout = %1"_s.arg(std::chrono::milliseconds(m_target.statementTimeout).count()),
              u"SET lock_timeout = %1"_s.arg(m_target.lockTimeout().count()),
              u"SET client_min_messages = warning"_s, // no NOTICEs on stderr ("trigger … does not exist, skipping")
              u"SET search_path = %1, public"_s.arg(QLatin1StringView(schemaName)), u"SELECT session_user"_s}) {
            ready = ready && exec(query, statement);
        }
        ready = ready && query.next();
        if (ready)
            m_sessionUser = query.value(0).toString();
    }
    return ready || failed(m_lastProblem, m_lastError); // (closed once the query above is gone)
}

void PgConnection::arm(std::chrono::milliseconds limit)
{
    {
        std::lock_guard lock(m_watchdog->mutex);
        m_watchdog->armed = true;
        m_watchdog->deadline = std::chrono::steady_clock::now() + limit;
        if (m_watchdog->aborted)
            m_watchdog->shutDownLocked();
    }
    m_watchdog->wake.notify_all();
}

void PgConnection::disarm()
{
    std::lock_guard lock(m_watchdog->mutex);
    m_watchdog->armed = false;
}

bool PgConnection::timedOut() const
{
    std::lock_guard lock(m_watchdog->mutex);
    return m_watchdog->fired;
}

void PgConnection::abort()
{
    std::lock_guard lock(m_watchdog->mutex);
    m_watchdog->aborted = true;
    m_watchdog->shutDownLocked(); // also between statements: what the driver does unarmed (a DEALLOCATE) fails at once
}

bool PgConnection::prepare(QSqlQuery &query, const QString &sql)
{
    if (m_lost)
        return false; // lastError() still says why; Qt would only add "database not open"

    if (!m_reading)
        arm(m_target.statementDeadline());
    const bool ok = query.prepare(sql);
    if (!m_reading)
        disarm();
    if (!ok)
        failed(query.lastError());
    return ok;
}

bool PgConnection::exec(QSqlQuery &query, const QString &sql)
{
    if (m_lost)
        return false;

    // The server's statement_timeout plus a margin: a live server always answers first.
    if (!m_reading)
        arm(m_target.statementDeadline());
    const bool ok = sql.isEmpty() ? query.exec() : query.exec(sql);
    if (!m_reading)
        disarm();
    if (!ok)
        failed(query.lastError());
    return ok;
}

PgConnection::Deadline::Deadline(PgConnection &connection) : m_connection(connection)
{
    m_connection.arm(m_connection.m_target.statementDeadline());
    m_connection.m_reading = true;
}

PgConnection::Deadline::~Deadline()
{
    m_connection.m_reading = false;
    m_connection.disarm();
}

void PgConnection::failed(const QSqlError &error)
{
    m_lastError = message(error);
    m_lastProblem = classify(error);
    if (timedOut()) {
        m_lastProblem = TeamAuditProblem::Unreachable;
        m_lastError = QCoreApplication::translate("TeamAudit", "the team store did not answer within %1 s (frozen, or "
                                                               "the network lost)")
                          .arg(std::chrono::ceil<std::chrono::seconds>(m_target.statementDeadline()).count());
    }
    // A lost connection is not used again: the next open() connects anew (and removes this one then,
    // when the caller's queries on it are gone). A server that answered with an error (a lock or a
    // statement that took too long, a refusal) keeps its connection.
    const QString state = error.nativeErrorCode();
    if (timedOut() || state.isEmpty() || state.startsWith("08"_L1) || state.startsWith("57P"_L1))
        m_lost = true;
}

QString PgConnection::message(const QSqlError &error)
{
    QString text = error.databaseText().trimmed();
    if (text.isEmpty())
        text = error.driverText().trimmed();
    // QPSQL appends "()" when libpq gave no message; say nothing rather than that.
    if (text.endsWith("()"_L1))
        text.chop(2);
    return text.simplified();
}

TeamAuditProblem PgConnection::classify(const QSqlError &error)
{
    return classify(message(error), error.nativeErrorCode());
}

/*!
 * What a failure means for the user: by SQLSTATE where the server gave one, else by libpq's message
 * (a failed connection has no SQLSTATE; libpq's messages are English unless its translations are installed).
 */
TeamAuditProblem PgConnection::classify(const QString &message, const QString &sqlState)
{
    if (sqlState.startsWith("28"_L1))
        return TeamAuditProblem::Credentials; // invalid authorization
    if (sqlState == "55P03"_L1 || sqlState == "57014"_L1)
        return TeamAuditProblem::Unreachable; // a lock held too long, a statement cancelled: try again later
    if (sqlState.startsWith("08"_L1) || sqlState.startsWith("57"_L1) || sqlState.startsWith("53"_L1))
        return TeamAuditProblem::Unreachable; // connection lost, shut down, out of resources: try again later
    if (sqlState.startsWith("42"_L1) || sqlState == "3D000"_L1)
        return TeamAuditProblem::Refused; // no such table or database, or no right to it
    if (sqlState.startsWith("IV"_L1) || sqlState == "23505"_L1)
        return TeamAuditProblem::Diverged; // the store refused a record (InviteDesk's own checks)
    if (!sqlState.isEmpty())
        return TeamAuditProblem::Refused; // the server answered, and will answer the same again
    if (message.contains("password authentication failed"_L1) || message.contains("no password supplied"_L1)
        || (message.contains("role"_L1) && message.contains("does not exist"_L1)))
        return TeamAuditProblem::Credentials;
    if (message.contains("SSL"_L1) || message.contains("certificate"_L1) || message.contains("permission denied"_L1)
        || message.contains("does not exist"_L1) || message.contains("pg_hba.conf"_L1))
        return TeamAuditProblem::Refused;
    return TeamAuditProblem::Unreachable;
}

} // namespace InviteDesk
