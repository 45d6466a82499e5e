#include "gui/InvitationsController.h"

#include "gui/ActivityModel.h"
#include "gui/InvitationTableModel.h"
#include "gui/Session.h"

#include <QtCore/QFile>
#include <QtCore/QJsonObject>
#include <QtCore/QLocale>

using namespace Qt::StringLiterals;

namespace InviteDesk {

InvitationsController::InvitationsController(Session *session, InvitationTableModel *model, ActivityModel *activity,
                                             QObject *parent)
    : QObject(parent), m_session(session), m_model(model), m_activity(activity), m_auditPath(AuditLog::defaultPath())
{
    connect(&m_holdTimer, &QTimer::timeout, this, &InvitationsController::startRevoking);
    connect(session, &Session::closed, this, [this] {
        // The client is gone: its calls end silently. Forget what depended on it.
        m_loader.reset();
        m_search.reset();
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
    if (!QFile::exists(m_auditPath))
        return;
    m_reconcileLog = std::make_unique<AuditLog>(m_auditPath);
    m_reconcileLog->setContext(m_session->auditContext());
    m_reconciler = std::make_unique<AuditReconciler>(m_session->client(), m_reconcileLog.get());
    connect(m_reconciler.get(), &AuditReconciler::finished, this,
            [this](const QList<AuditReconciler::Settled> &settled, int left) {
                if (settled.isEmpty() && left == 0)
                    return; // nothing was left open
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
    m_email.clear();
    reload();
}

void InvitationsController::loadByEmail(const QString &email)
{
    if (!m_session->client() || email.trimmed().isEmpty())
        return;
    cancelLoad();
    m_organization = {};
    m_email = email.trimmed();
    m_model->reset();
    m_search = std::make_unique<EmailSearch>(m_session->client());
    connect(m_search.get(), &EmailSearch::invitationsArrived, this,
            [this](const QList<Invitation> &invitations, int, qint64 total) {
                m_model->append(invitations);
                Q_EMIT loadProgress(m_model->rowCount(), total);
            });
    connect(m_search.get(), &EmailSearch::failed, this, [this](const ClerkError &error) {
        m_activity->addError(tr("Searching invitations of %1").arg(m_email), error);
        if (error.isUnauthorized())
            Q_EMIT unauthorized(error);
        Q_EMIT loadFailed(error);
    });
    connect(m_search.get(), &EmailSearch::cancelled, this, &InvitationsController::loadCancelled);
    connect(m_search.get(), &EmailSearch::finished, this, [this] {
        m_activity->add(ActivityModel::Level::Info,
                        tr("%Ln invitation(s) for %1 across the instance.", nullptr, m_model->rowCount()).arg(m_email));
        Q_EMIT loadFinished(m_model->rowCount());
    });
    Q_EMIT loadStarted();
    m_search->start(m_email);
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
    if (m_search)
        m_search->cancel();
}

void InvitationsController::reinvite(const QString &invitationId, bool notify, int expiresInDays)
{
    const int row = m_model->rowOf(invitationId);
    if (row < 0 || !m_session->client())
        return;
    const Invitation old = m_model->invitationAt(row);
    NewInvitation fresh;
    fresh.emailAddress = old.emailAddress;
    fresh.role = old.role;
    fresh.publicMetadata = old.publicMetadata;
    fresh.inviterUserId = m_session->profile().actingUserId;
    fresh.notify = notify;
    fresh.expiresInDays = expiresInDays;
    const QString orgId = old.organizationId.isEmpty() ? m_organization.id : old.organizationId;
    const QString orgName = old.organization ? old.organization->name : m_organization.name;
    m_session->client()->createInvitation(orgId, fresh, this, [this, old, orgId, orgName, notify](Result<Invitation> result) {
        AuditLog audit(m_auditPath);
        audit.setContext(m_session->auditContext(m_ticket));
        QJsonObject record{{"event"_L1, u"reinvite"_s},         {"organization_id"_L1, orgId},
                           {"organization_name"_L1, orgName},  {"invitation_id"_L1, old.id},
                           {"email"_L1, old.emailAddress},     {"role"_L1, old.role},
                           {"notify"_L1, notify},              {"profile"_L1, m_session->profile().name}};
        if (!result) {
            record.insert("outcome"_L1, u"failed"_s);
            record.insert("error_code"_L1, result.error().code());
            record.insert("trace_id"_L1, result.error().traceId());
            audit.append(record);
            m_activity->addError(tr("Re-inviting %1").arg(old.emailAddress), result.error());
            Q_EMIT reinviteFailed(result.error());
            return;
        }
        record.insert("outcome"_L1, u"created"_s);
        record.insert("new_invitation_id"_L1, result.value().id);
        audit.append(record);
        m_activity->add(ActivityModel::Level::Success,
                        tr("New invitation %1 for %2 (%3).")
                            .arg(result.value().id, old.emailAddress,
                                 notify ? tr("email sent") : tr("no email sent")));
        Q_EMIT reinvited(result.value());
    });
}

QString InvitationsController::ticketSummary() const
{
    if (!m_bulk)
        return {};
    const BulkSummary summary = m_bulk->summary();
    const AuditContext context = m_session->auditContext(m_ticket);
    QStringList lines;
    lines << tr("InviteDesk revoke summary");
    if (!m_email.isEmpty())
        lines << tr("Address: %1 (across organizations)").arg(m_email);
    else
        lines << tr("Organization: %1 (%2)").arg(m_organization.name, m_organization.id);
    lines << tr("Instance: %1, %2").arg(context.environment, context.apiHost);
    lines << tr("Started: %1 UTC").arg(m_runStarted.toString(u"yyyy-MM-dd HH:mm:ss"_s));
    if (!m_ticket.isEmpty())
        lines << tr("Ticket: %1").arg(m_ticket);
    lines << tr("Result: %1").arg(summary.describe());
    lines << QString();
    int listed = 0;
    const auto &results = m_bulk->results();
    for (qsizetype i = 0; i < qsizetype(results.size()); ++i) {
        if (!results[i])
            continue;
        const RevokeResult &r = *results[i];
        const RevokeItem &item = m_bulk->items().at(i);
        const bool problem = !revokeSucceeded(r.outcome);
        // Every problem is listed; successes only up to twenty, so the text stays short.
        if (!problem && listed >= 20)
            continue;
        QString line = u"- "_s + (item.emailAddress.isEmpty() ? item.invitationId : item.emailAddress) + u": "_s
                       + revokeOutcomeText(r.outcome);
        if (!m_email.isEmpty())
            line += u" ("_s + item.organizationName + u')';
        if (r.error && problem) {
            line += u" — "_s + r.error->userMessage();
            if (!r.error->traceId().isEmpty())
                line += u" (trace ID "_s + r.error->traceId() + u')';
        }
        lines << line;
        if (!problem)
            ++listed;
    }
    const int hidden = summary.succeeded() - listed;
    if (hidden > 0)
        lines << tr("… and %Ln more revoked.", nullptr, hidden);
    return lines.join(u'\n');
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
    if (!m_session->client() || invitationIds.isEmpty() || isRevoking() || isHolding())
        return;
    m_ticket = ticket;
    m_failed.clear();
    m_heldItems.clear();
    for (const QString &id : invitationIds) {
        const int row = m_model->rowOf(id);
        const Invitation inv = row >= 0 ? m_model->invitationAt(row) : Invitation{};
        // Rows from the cross-organization search carry their own organization.
        const QString orgId = inv.organizationId.isEmpty() ? m_organization.id : inv.organizationId;
        const QString orgName = inv.organization ? inv.organization->name : m_organization.name;
        m_heldItems << RevokeItem{orgId, orgName, id, inv.emailAddress, inv.role};
        m_model->setRowState(id, InvitationTableModel::RowState::Queued,
                             m_undoSeconds > 0 ? tr("Held for %n second(s): Undo still takes it back.", nullptr, m_undoSeconds)
                                               : QString());
    }
    if (m_undoSeconds > 0) {
        m_holdTimer.setSingleShot(true);
        m_holdTimer.start(m_undoSeconds * 1000);
        Q_EMIT revokeHeld(int(m_heldItems.size()), m_undoSeconds);
        return;
    }
    startRevoking();
}

void InvitationsController::undoHeldRevokes()
{
    if (!m_holdTimer.isActive())
        return;
    m_holdTimer.stop();
    for (const RevokeItem &item : std::as_const(m_heldItems))
        m_model->setRowState(item.invitationId, InvitationTableModel::RowState::Idle);
    const int count = int(m_heldItems.size());
    m_heldItems.clear();
    m_activity->add(ActivityModel::Level::Info, tr("Undone: %Ln revoke(s) were never sent.", nullptr, count));
    Q_EMIT revokeUndone(count);
}

void InvitationsController::sendHeldRevokesNow()
{
    if (!m_holdTimer.isActive())
        return;
    m_holdTimer.stop();
    startRevoking();
}

void InvitationsController::startRevoking()
{
    const QList<RevokeItem> items = std::exchange(m_heldItems, {});
    if (!m_session->client() || items.isEmpty())
        return;
    m_audit = std::make_unique<AuditLog>(m_auditPath);
    m_audit->setContext(m_session->auditContext(m_ticket));
    m_runStarted = QDateTime::currentDateTimeUtc();

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
        const QString where = m_email.isEmpty() ? m_organization.name : m_email;
        m_activity->add(level, tr("%1 in %2").arg(summary.describe(), where));
        Q_EMIT revokeFinished(summary);
    });

    const QString where = m_email.isEmpty() ? m_organization.name : m_email;
    m_activity->add(ActivityModel::Level::Info,
                    tr("Revoking %Ln invitation(s) in %1…", nullptr, int(items.size())).arg(where));
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
