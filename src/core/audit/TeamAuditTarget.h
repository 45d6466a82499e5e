#pragma once

#include <QtCore/QString>

#include <chrono>
#include <optional>

namespace InviteDesk {

/*!
 * Where a support team's shared audit trail lives: a PostgreSQL database, named by a URL such as
 * postgresql://agent@db.example.com:5432/audit?sslmode=verify-full.
 *
 * TLS modes are libpq's (disable, allow, prefer, require, verify-ca, verify-full); without one, a host
 * other than loopback gets verify-full (the server's certificate and name are checked), loopback gets
 * prefer. The password comes from \c INVITEDESK_AUDIT_PASSWORD, the profile's keychain entry, or libpq's own
 * PGPASSWORD and ~/.pgpass; a password inside the URL is accepted only where no other user can read
 * it (not on a command line).
 *
 * How long to wait is part of where: \c connect_timeout (seconds, libpq's name) bounds connecting,
 * \c statement_timeout (seconds) every statement; a store across a slow link may need more, a test
 * that freezes the server less.
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
    std::chrono::seconds connectTimeout{5};
    std::chrono::seconds statementTimeout{10}; //!< the server's limit for one statement

    /*! A held lock is waited for half a statement's time (in milliseconds: half of 1 s is not 0, "no limit"). */
    std::chrono::milliseconds lockTimeout() const { return std::chrono::milliseconds(statementTimeout) / 2; }
    /*! This side gives up on a statement half its time after the server would have (a live server answers first). */
    std::chrono::milliseconds statementDeadline() const { return statementTimeout + lockTimeout(); }
    /*! The longest one exchange with the store may take on this side: connecting, then a statement. */
    std::chrono::milliseconds longestWait() const { return connectTimeout + statementDeadline(); }

    /*! The URL without its password, for messages and logs. */
    QString display() const;
    /*! Which store this is, whoever connects to it: host, port and database. */
    QString storeId() const;
    bool isLoopback() const;
    /*! nullopt with \a error set when \a url is not a PostgreSQL URL this can use. */
    static std::optional<TeamAuditTarget> parse(const QString &url, QString *error);
};

} // namespace InviteDesk
