#pragma once

#include "core/workflows/Connection.h"
#include "gui/session/Profiles.h"

#include <QtCore/QObject>

#include <memory>

namespace InviteDesk {

/*!
 * The connection the window works with: a profile, its key, and the core Connection built from them
 * (client, pacer, audit writer, team sender). Opening another profile replaces it; the old client's
 * calls end without callbacks.
 */
class Session : public QObject
{
    Q_OBJECT

public:
    enum class Badge { None, Live, Development, Demo };
    Q_ENUM(Badge)

    explicit Session(QObject *parent = nullptr);
    ~Session() override;

    /*!
     * Opens \a profile with \a secretKey (and the proxy credentials, if the user gave some). Returns a
     * problem worth telling (the profile's CA file could not be used); the session opens all the same.
     */
    QString open(const ConnectionProfile &profile, const QString &secretKey, const ProxyCredentials &proxy = {},
                 const QString &teamAuditPassword = {});
    void close();
    bool isOpen() const { return m_connection != nullptr; }

    const ConnectionProfile &profile() const { return m_profile; }
    /*! The open connection; null while closed. */
    Connection *connection() const { return m_connection.get(); }
    ClerkClient *client() const { return m_connection ? m_connection->client() : nullptr; }
    RatePacer *pacer() const { return m_connection ? m_connection->pacer() : nullptr; }
    /*! What the open connection's work runs on, and the window's texts that follow it: the real clock while closed. */
    Clock *clock() const { return m_connection ? m_connection->client()->clock() : Clock::steady(); }
    KeyEnvironment environment() const;
    Badge badge() const;
    static QString badgeText(Badge badge);

    AuditContext auditContext() const;
    /*! Records this session's revokes and re-invites, on a thread of its own. Null while closed. */
    AuditWriter *audit() const { return m_connection ? m_connection->audit() : nullptr; }
    QString auditLogPath() const { return m_auditPath; }
    /*! Sends the audit log to the team store, when the profile names one (else null). */
    TeamAuditSender *teamAudit() const { return m_connection ? m_connection->teamAudit() : nullptr; }
    /*! Where the team audit records go (with the password from the keychain), while teamAudit() is set. */
    const TeamAuditTarget &teamAuditTarget() const;

    /*! For tests; takes effect at the next open(). */
    void setAuditLogPath(const QString &path) { m_auditPath = path; }
    /*! For tests (not owned; null for the real one): the connection's clock, from the next open(). */
    void setClock(Clock *clock) { m_clock = clock; }

Q_SIGNALS:
    void opened();
    /*! The client and the audit writer are about to go: stop what uses them. */
    void aboutToClose();
    void closed();
    /*! How many records wait for the team audit store, and why; whether it is blocked. */
    void teamAuditChanged(const InviteDesk::TeamAuditSender::Status &status);

private:
    ConnectionProfile m_profile;
    QString m_auditPath = AuditLog::defaultPath();
    Clock *m_clock = nullptr;
    std::unique_ptr<Connection> m_connection;
};

} // namespace InviteDesk
