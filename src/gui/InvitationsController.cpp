#include "gui/InvitationsController.h"

#include "gui/ActivityModel.h"
#include "gui/InvitationTableModel.h"
#include "gui/Session.h"

#include <QtCore/QLocale>

using namespace Qt::StringLiterals;

namespace InviteDesk {

InvitationsController::InvitationsController(Session *session, InvitationTableModel *model, ActivityModel *activity,
                                             QObject *parent)
    : QObject(parent), m_session(session), m_model(model), m_activity(activity), m_auditPath(AuditLog::defaultPath())
{
    connect(session, &Session::closed, this, [this] {
        // The client is gone: its calls end silently. Forget what depended on it.
        m_loader.reset();
        if (m_bulk && m_bulk->state() != BulkRevoker::State::Finished)
            m_activity->add(ActivityModel::Level::Warning, tr("Revoking stopped: the connection was closed."));
        m_bulk.reset();
        m_organization = {};
        m_model->reset();
    });
    connect(session, &Session::opened, this, [this] {
        reconcileInterruptedRevokes();
        connect(m_session->client(), &ClerkClient::rateLimited, this, [this](qint64 waitMs) {
            m_activity->add(ActivityModel::Level::Warning,
                            tr("Clerk's rate limit was reached; waiting %n second(s).", nullptr, int((waitMs + 999) / 1000)));
            Q_EMIT rateLimited(waitMs);
        });
    });
}

InvitationsController::~InvitationsController() = default;

void InvitationsController::reconcileInterruptedRevokes()
{
    if (AuditLog::unsettledIntents(m_auditPath).isEmpty())
        return;
    m_reconcileLog = std::make_unique<AuditLog>(m_auditPath);
    m_reconcileLog->setContext(m_session->auditContext());
    m_reconciler = std::make_unique<AuditReconciler>(m_session->client(), m_reconcileLog.get());
    connect(m_reconciler.get(), &AuditReconciler::finished, this,
            [this](const QList<AuditReconciler::Settled> &settled, int left) {
                for (const AuditReconciler::Settled &s : settled)
                    m_activity->add(ActivityModel::Level::Warning,
                                    tr("A revoke interrupted in an earlier session was checked: %1 — %2")
                                        .arg(s.email.isEmpty() ? s.invitationId : s.email, s.outcome));
                if (left > 0)
                    m_activity->add(ActivityModel::Level::Info,
                                    tr("%n interrupted revoke(s) from other profiles stay open in the audit log.",
                                       nullptr, left));
                Q_EMIT interruptedRevokesSettled(int(settled.size()));
            });
    m_reconciler->start();
}

void InvitationsController::setOrganization(const Organization &organization)
{
    m_organization = organization;
    reload();
}

void InvitationsController::setStatus(std::optional<InvitationStatus> status)
{
    if (status == m_status)
        return;
    m_status = status;
    if (hasOrganization())
        reload();
}

void InvitationsController::reload()
{
    if (!m_session->client() || !hasOrganization())
        return;
    cancelLoad();
    m_model->reset();
    m_loader = std::make_unique<InvitationLoader>(m_session->client());
    connect(m_loader.get(), &InvitationLoader::invitationsArrived, this,
            [this](const QList<Invitation> &invitations, int loaded, qint64 total) {
                m_model->append(invitations);
                Q_EMIT loadProgress(loaded, total);
            });
    connect(m_loader.get(), &InvitationLoader::invitationsGone, this,
            [this](const QStringList &ids) { m_model->remove(ids); });
    connect(m_loader.get(), &InvitationLoader::finished, this, [this] {
        if (m_loader->listChanged())
            m_activity->add(ActivityModel::Level::Info,
                            tr("%1 changed while it was loading; the list was read again.").arg(m_organization.name));
        Q_EMIT loadFinished(m_model->rowCount());
    });
    connect(m_loader.get(), &InvitationLoader::failed, this, [this](const ClerkError &error) {
        m_activity->addError(tr("Loading invitations of %1").arg(m_organization.name), error);
        if (error.isUnauthorized())
            Q_EMIT unauthorized(error);
        Q_EMIT loadFailed(error);
    });
    connect(m_loader.get(), &InvitationLoader::cancelled, this, [this] { Q_EMIT loadCancelled(); });

    InvitationLoader::Request request;
    request.organizationId = m_organization.id;
    request.status = m_status;
    if (m_status == InvitationStatus::Pending)
        request.expectedTotal = m_organization.pendingInvitationsCount;
    Q_EMIT loadStarted();
    m_loader->start(request);
}

void InvitationsController::cancelLoad()
{
    if (m_loader && m_loader->isRunning())
        m_loader->cancel();
}

bool InvitationsController::isRevoking() const
{
    return m_bulk && (m_bulk->state() == BulkRevoker::State::Running || m_bulk->state() == BulkRevoker::State::Paused
                      || m_bulk->state() == BulkRevoker::State::Cancelling);
}

BulkRevoker::State InvitationsController::revokeState() const
{
    return m_bulk ? m_bulk->state() : BulkRevoker::State::Idle;
}

void InvitationsController::revoke(const QStringList &invitationIds, const QString &ticket)
{
    if (!m_session->client() || invitationIds.isEmpty() || isRevoking())
        return;
    m_ticket = ticket;
    m_failed.clear();
    m_audit = std::make_unique<AuditLog>(m_auditPath);
    m_audit->setContext(m_session->auditContext(ticket));

    QList<RevokeItem> items;
    for (const QString &id : invitationIds) {
        const int row = m_model->rowOf(id);
        const Invitation inv = row >= 0 ? m_model->invitationAt(row) : Invitation{};
        items << RevokeItem{m_organization.id, m_organization.name, id, inv.emailAddress, inv.role};
        m_model->setRowState(id, InvitationTableModel::RowState::Queued);
    }

    m_bulk = std::make_unique<BulkRevoker>(m_session->client());
    m_bulk->setRequestingUserId(m_session->profile().actingUserId);
    m_bulk->setObserver(m_audit.get());
    connect(m_bulk.get(), &BulkRevoker::itemStarted, this, [this](int index) {
        m_model->setRowState(m_bulk->items().at(index).invitationId, InvitationTableModel::RowState::Revoking);
    });
    connect(m_bulk.get(), &BulkRevoker::itemFinished, this, &InvitationsController::onItemFinished);
    connect(m_bulk.get(), &BulkRevoker::progress, this, &InvitationsController::revokeProgress);
    connect(m_bulk.get(), &BulkRevoker::stateChanged, this, &InvitationsController::revokeStateChanged);
    connect(m_bulk.get(), &BulkRevoker::finished, this, [this](const BulkSummary &summary) {
        const ActivityModel::Level level = summary.allSucceeded() ? ActivityModel::Level::Success
                                                                  : ActivityModel::Level::Warning;
        m_activity->add(level, tr("%1 in %2").arg(summary.describe(), m_organization.name));
        Q_EMIT revokeFinished(summary);
    });

    m_activity->add(ActivityModel::Level::Info,
                    tr("Revoking %Ln invitation(s) in %1…", nullptr, int(items.size())).arg(m_organization.name));
    Q_EMIT revokeStarted(int(items.size()));
    m_bulk->start(items);
}

void InvitationsController::onItemFinished(int index, const RevokeResult &result)
{
    const RevokeItem &item = m_bulk->items().at(index);
    const QString who = item.emailAddress.isEmpty() ? item.invitationId : item.emailAddress;
    if (revokeSucceeded(result.outcome)) {
        m_model->setRowState(item.invitationId, InvitationTableModel::RowState::Revoked,
                             result.outcome == RevokeOutcome::AlreadyRevoked ? tr("It had already been revoked.")
                                                                             : QString());
        if (result.invitation)
            m_model->update(*result.invitation);
        if (m_bulk->items().size() <= 20)
            m_activity->add(ActivityModel::Level::Success, tr("%1: %2").arg(who, revokeOutcomeText(result.outcome)));
        return;
    }
    if (result.outcome == RevokeOutcome::Cancelled) {
        m_model->setRowState(item.invitationId, InvitationTableModel::RowState::Idle);
        return;
    }

    // Failures stay in the table with their reason, and go to the activity log with the trace ID.
    QString reason = revokeOutcomeText(result.outcome);
    if (result.error && result.outcome != RevokeOutcome::NotPendingAccepted
        && result.outcome != RevokeOutcome::NotPendingExpired)
        reason = result.error->userMessage();
    QString tooltip = reason;
    if (result.error && !result.error->traceId().isEmpty())
        tooltip += u'\n' + tr("Trace ID: %1").arg(result.error->traceId());
    m_model->setRowState(item.invitationId, InvitationTableModel::RowState::Failed, tooltip);
    if (result.invitation)
        m_model->update(*result.invitation);
    if (result.outcome == RevokeOutcome::Failed || result.outcome == RevokeOutcome::Forbidden)
        m_failed << item.invitationId;
    if (result.error) {
        m_activity->addError(who, *result.error);
        if (result.error->isUnauthorized() && m_failed.size() == 1)
            Q_EMIT unauthorized(*result.error);
    } else {
        m_activity->add(ActivityModel::Level::Warning, tr("%1: %2").arg(who, reason));
    }
}

void InvitationsController::pauseRevokes()
{
    if (m_bulk)
        m_bulk->pause();
}

void InvitationsController::resumeRevokes()
{
    if (m_bulk)
        m_bulk->resume();
}

void InvitationsController::cancelRevokes()
{
    if (m_bulk)
        m_bulk->cancel();
}

void InvitationsController::retryFailed()
{
    const QStringList ids = m_failed;
    revoke(ids, m_ticket);
}

} // namespace InviteDesk
