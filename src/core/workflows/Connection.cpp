#include "core/workflows/Connection.h"

#include <QtCore/QFile>

using namespace Qt::StringLiterals;

namespace InviteDesk {

Connection::Connection(ConnectionSetup setup, QObject *parent) : QObject(parent), m_setup(std::move(setup))
{
    m_client = std::make_unique<ClerkClient>(m_setup.client);
    m_client->setClock(m_setup.clock);
    m_pacer = std::make_unique<RatePacer>(m_client->clock());
    const KeyEnvironment environment = m_client->environment();
    m_pacer->setBudget(
        RateBudget::forShare(environment, m_setup.rateBudgetShare.value_or(RateBudget::defaultShare(environment))));
    m_client->setPacer(m_pacer.get());
    // What an earlier process (the listing that found what this one revokes) left in Clerk's window. The
    // demo's sandbox is its own, on a new port each time: nothing to remember, nothing left behind.
    m_pacing = std::make_unique<PacingMemory>(m_setup.sandbox ? QString() : m_setup.pacingFolder, m_setup.client,
                                              m_pacer.get());
    m_pacing->recall();
}

Connection::~Connection()
{
    m_reconciler.reset();
    m_audit.reset();     // waits for its last records
    m_teamAudit.reset(); // what it has not sent waits in the local log for the next connection
    m_client.reset(); // its calls end: their sends are counted until now
    m_pacing->remember();
    m_pacer.reset();
}

AuditContext Connection::auditContext() const
{
    AuditContext context;
    context.profile = m_setup.profileName;
    // The demo's sandbox is named as such; every real key by its environment.
    context.environment = m_setup.sandbox ? u"sandbox"_s : environmentName(m_client->environment());
    context.keyFingerprint = keyFingerprint(m_setup.client.secretKey);
    context.apiHost = m_setup.client.apiUrl.host();
    return context;
}

AuditWriter *Connection::audit()
{
    if (m_audit)
        return m_audit.get();
    m_audit = std::make_unique<AuditWriter>(m_setup.auditLogPath, auditContext());
    if (m_setup.teamAudit) {
        m_teamAudit = std::make_unique<TeamAuditSender>(*m_setup.teamAudit, m_setup.auditLogPath);
        connect(m_teamAudit.get(), &TeamAuditSender::statusChanged, this, &Connection::teamAuditChanged);
    }
    return m_audit.get();
}

void Connection::settleInterrupted(QObject *context,
                                   std::function<void(const QList<AuditReconciler::Settled> &, int)> done)
{
    if (m_settled || !QFile::exists(m_setup.auditLogPath)) { // settled once already, or nothing to settle
        done({}, 0);
        return;
    }
    // A caller while it runs waits for it too: nothing revokes before the log's open intents are settled.
    connect(this, &Connection::interruptedSettled, context, std::move(done), Qt::SingleShotConnection);
    if (m_reconciler)
        return;
    m_reconciler = std::make_unique<AuditReconciler>(m_client.get(), audit());
    connect(m_reconciler.get(), &AuditReconciler::finished, this,
            [this](const QList<AuditReconciler::Settled> &settled, int left) {
        m_settled = true;
        Q_EMIT interruptedSettled(settled, left);
    });
    m_reconciler->start();
}

} // namespace InviteDesk
