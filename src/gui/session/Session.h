#pragma once

#include "core/audit/AuditWriter.h"
#include "core/audit/TeamAuditSender.h"
#include "core/api/ClerkClient.h"
#include "core/api/RatePacer.h"
#include "gui/session/Profiles.h"

#include <QtCore/QObject>

#include <memory>

namespace InviteDesk {

/*!
 * The connection the window works with: a profile, its key, and the client,
 * pacer and audit writer built from them. Opening another profile replaces
 * them all; the old client's calls end without callbacks.
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
    bool isOpen() const { return m_client != nullptr; }

    const ConnectionProfile &profile() const { return m_profile; }
    ClerkClient *client() const { return m_client.get(); }
    RatePacer *pacer() const { return m_pacer.get(); }
    KeyEnvironment environment() const;
    Badge badge() const;
    static QString badgeText(Badge badge);
    /*! The share of the rate limit in percent that this profile uses. */
    double rateBudgetPercent() const;

    AuditContext auditContext() const;
    /*! Records this session's revokes and re-invites, on a thread of its own. Null while closed. */
    AuditWriter *audit() const { return m_audit.get(); }
    QString auditLogPath() const { return m_auditPath; }
    /*! Sends the audit log to the team store, when the profile names one (else null). */
    TeamAuditSender *teamAudit() const { return m_teamAudit.get(); }
    /*! Where the team audit records go (with the password from the keychain), while teamAudit() is set. */
    const TeamAuditTarget &teamAuditTarget() const { return m_teamAuditTarget; }

    /*! For tests; takes effect at the next open(). */
    void setAuditLogPath(const QString &path) { m_auditPath = path; }

Q_SIGNALS:
    void opened();
    /*! The client and the audit writer are about to go: stop what uses them. */
    void aboutToClose();
    void closed();
    /*! How many records wait for the team audit store, and why; whether it is blocked. */
    void teamAuditChanged(const InviteDesk::TeamAuditSender::Status &status);

private:
    ConnectionProfile m_profile;
    QString m_keyFingerprint;
    QString m_auditPath = AuditLog::defaultPath();
    std::unique_ptr<RatePacer> m_pacer;
    std::unique_ptr<ClerkClient> m_client;
    std::unique_ptr<AuditWriter> m_audit;
    std::unique_ptr<TeamAuditSender> m_teamAudit;
    TeamAuditTarget m_teamAuditTarget;
};

} // namespace InviteDesk
