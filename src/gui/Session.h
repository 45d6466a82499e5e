#pragma once

#include "core/audit/AuditLog.h"
#include "core/api/ClerkClient.h"
#include "core/api/RatePacer.h"
#include "gui/Profiles.h"

#include <QtCore/QObject>

#include <memory>

namespace InviteDesk {

/*!
 * The connection the window works with: a profile, its key, and the client
 * and pacer built from them. Opening another profile replaces all three; the
 * old client's calls end without callbacks.
 */
class Session : public QObject
{
    Q_OBJECT

public:
    enum class Badge { None, Live, Development, Demo };
    Q_ENUM(Badge)

    explicit Session(QObject *parent = nullptr);
    ~Session() override;

    void open(const ConnectionProfile &profile, const QString &secretKey);
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

    AuditContext auditContext(const QString &ticket = {}) const;

Q_SIGNALS:
    void opened();
    void closed();

private:
    ConnectionProfile m_profile;
    QString m_keyFingerprint;
    std::unique_ptr<RatePacer> m_pacer;
    std::unique_ptr<ClerkClient> m_client;
};

} // namespace InviteDesk
