#include "gui/session/Session.h"

using namespace Qt::StringLiterals;

namespace InviteDesk {

Session::Session(QObject *parent) : QObject(parent) {}

Session::~Session() = default;

QString Session::open(const ConnectionProfile &profile, const QString &secretKey, const ProxyCredentials &proxy,
                      const QString &teamAuditPassword)
{
    close();
    m_profile = profile;
    m_profile.environment = environmentOfKey(secretKey);
    QString problem;
    ConnectionSetup setup;
    setup.client = clientConfigFor(m_profile, secretKey, proxy, &problem);
    if (m_profile.rateBudgetPercent > 0) // else the key's environment's default (Connection)
        setup.rateBudgetShare = m_profile.rateBudgetPercent / 100.0;
    setup.profileName = m_profile.name;
    setup.sandbox = m_profile.demo;
    setup.auditLogPath = m_auditPath;
    setup.clock = m_clock;
    if (!m_profile.teamAuditUrl.isEmpty()) {
        QString why;
        if (std::optional<TeamAuditTarget> target = TeamAuditTarget::parse(m_profile.teamAuditUrl, &why)) {
            if (target->password.isEmpty())
                target->password = teamAuditPassword; // else INVITEDESK_AUDIT_PASSWORD or ~/.pgpass
            setup.teamAudit = *target;
        } else if (problem.isEmpty()) {
            problem = tr("The team audit database is not used: %1.").arg(why);
        }
    }
    m_connection = std::make_unique<Connection>(std::move(setup));
    connect(m_connection.get(), &Connection::teamAuditChanged, this, &Session::teamAuditChanged);
    m_connection->audit(); // the window records from the start, and shows what waits for the team store
    Q_EMIT opened();
    return problem;
}

void Session::close()
{
    if (!m_connection)
        return;
    Q_EMIT aboutToClose();
    m_connection.reset(); // the audit writer's last records first, then the sender, the client, the pacer
    Q_EMIT teamAuditChanged({});
    Q_EMIT closed();
}

KeyEnvironment Session::environment() const
{
    return m_profile.environment;
}

Session::Badge Session::badge() const
{
    if (!m_connection)
        return Badge::None;
    if (m_profile.demo)
        return Badge::Demo;
    return m_profile.environment == KeyEnvironment::Production ? Badge::Live : Badge::Development;
}

QString Session::badgeText(Badge badge)
{
    switch (badge) {
    case Badge::Live: return tr("LIVE · production");
    case Badge::Development: return tr("Development");
    case Badge::Demo: return tr("DEMO · local sandbox");
    case Badge::None: break;
    }
    return tr("Not connected");
}

const TeamAuditTarget &Session::teamAuditTarget() const
{
    static const TeamAuditTarget none;
    if (m_connection && m_connection->teamAuditTarget())
        return *m_connection->teamAuditTarget(); // the connection's own: one copy of it
    return none;
}

AuditContext Session::auditContext() const
{
    return m_connection ? m_connection->auditContext() : AuditContext{};
}

} // namespace InviteDesk
