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
    m_keyFingerprint = keyFingerprint(secretKey);
    QString problem;
    const ClientConfig config = clientConfigFor(m_profile, secretKey, proxy, &problem);
    m_pacer = std::make_unique<RatePacer>();
    m_pacer->setBudget(RateBudget::forShare(m_profile.environment, rateBudgetPercent() / 100.0));
    m_client = std::make_unique<ClerkClient>(config);
    m_client->setPacer(m_pacer.get());
    m_audit = std::make_unique<AuditWriter>(m_auditPath, auditContext());
    if (!m_profile.teamAuditUrl.isEmpty()) {
        QString why;
        if (std::optional<TeamAuditTarget> target = TeamAuditTarget::parse(m_profile.teamAuditUrl, &why)) {
            if (target->password.isEmpty())
                target->password = teamAuditPassword; // else INVITEDESK_AUDIT_PASSWORD or ~/.pgpass
            m_teamAuditTarget = *target;
            m_teamAudit = std::make_unique<TeamAuditSender>(*target, m_auditPath);
            connect(m_teamAudit.get(), &TeamAuditSender::statusChanged, this, &Session::teamAuditChanged);
        } else if (problem.isEmpty()) {
            problem = tr("The team audit database is not used: %1.").arg(why);
        }
    }
    Q_EMIT opened();
    return problem;
}

void Session::close()
{
    if (!m_client)
        return;
    Q_EMIT aboutToClose();
    m_audit.reset(); // waits for its last records
    m_teamAudit.reset(); // what it has not sent waits in the local log for the next session
    m_teamAuditTarget = {};
    Q_EMIT teamAuditChanged({});
    m_client.reset();
    m_pacer.reset();
    Q_EMIT closed();
}

KeyEnvironment Session::environment() const
{
    return m_profile.environment;
}

Session::Badge Session::badge() const
{
    if (!m_client)
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

double Session::rateBudgetPercent() const
{
    if (m_profile.rateBudgetPercent > 0)
        return m_profile.rateBudgetPercent;
    return RateBudget::defaultShare(m_profile.environment) * 100.0;
}

AuditContext Session::auditContext() const
{
    AuditContext context;
    context.profile = m_profile.name;
    // The demo's sandbox is named as such; every real key by environmentName(), as the CLI does.
    context.environment = m_profile.demo ? u"sandbox"_s : environmentName(m_profile.environment);
    context.keyFingerprint = m_keyFingerprint;
    context.apiHost = m_profile.apiUrl.host();
    return context;
}

} // namespace InviteDesk
