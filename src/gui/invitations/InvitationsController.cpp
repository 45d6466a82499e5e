#include "gui/invitations/InvitationsController.h"

#include "core/api/ClerkClient.h"
#include "core/domain/EmailAddress.h"
#include "gui/ActivityModel.h"
#include "gui/session/Session.h"
#include "gui/invitations/InvitationTableModel.h"

#include <QtCore/QFile>

#include <utility>

using namespace Qt::StringLiterals;

namespace InviteDesk {

InvitationsController::InvitationsController(Session *session, InvitationTableModel *model, ActivityModel *activity,
                                             QObject *parent)
    : QObject(parent), m_session(session), m_model(model), m_activity(activity)
{
    connect(session, &Session::opened, this, &InvitationsController::onSessionOpened);
    connect(session, &Session::aboutToClose, this, &InvitationsController::onSessionClosing);
    connect(&m_blocks, &PageBlocks::block, this, [this](const QList<Invitation> &rows, qint64 total) {
        m_model->reserve(total);
        m_model->append(rows);
        Q_EMIT loadProgress(m_model->rowCount(), total);
    });
}

void InvitationsController::resetTable()
{
    m_blocks.drop();
    m_model->reset();
}

InvitationsController::~InvitationsController() = default;

QString InvitationsController::auditLogPath() const
{
    return m_session->auditLogPath();
}

void InvitationsController::onSessionOpened()
{
    m_query = std::make_unique<InvitationListing>(m_session->client());
    // An address's view shows its application invitation too: "everything for this person" covers both kinds.
    m_query->setIncludesApplicationInvitations(true);
    m_query->setKeepsInvitations(false); // the model keeps every row that arrives
    connectQuery();
    m_run = std::make_unique<RevokeRun>(m_session->client(), m_session->audit());
    m_run->setRequestingUserId(m_session->profile().actingUserId);
    m_run->setUndoSeconds(m_undoSeconds);
    connectRun();
    // Once per pause, not once per 429: every request in flight meets the same full window.
    connect(m_session->pacer(), &RatePacer::holdChanged, this, [this](bool held, qint64 waitMs) {
        if (!held)
            return;
        m_activity->add(ActivityModel::Level::Warning,
                        tr("Clerk's rate limit was reached; waiting %n second(s).", nullptr, int((waitMs + 999) / 1000)));
        Q_EMIT rateLimited(waitMs);
    });

    // Revokes an interrupted earlier run left open are re-read and recorded (off this thread).
    m_session->connection()->settleInterrupted(this, [this](const QList<AuditReconciler::Settled> &settled, int left) {
        for (const AuditReconciler::Settled &s : settled)
            m_activity->add(ActivityModel::Level::Warning, tr("A revoke interrupted in an earlier session was checked: %1 — %2")
                                                               .arg(s.email.isEmpty() ? s.invitationId : s.email, s.outcome));
        if (left > 0)
            m_activity->add(ActivityModel::Level::Info,
                            tr("%n revoke(s) left open in the audit log belong to another profile or to a "
                               "run still going in another window or CLI.",
                               nullptr, left));
        Q_EMIT interruptedRevokesSettled(int(settled.size()));
    });
}

void InvitationsController::onSessionClosing()
{
    // The client and the audit writer are about to go: nothing may use them after this.
    if (m_run && m_run->isRunning())
        m_activity->add(ActivityModel::Level::Warning, tr("Revoking stopped: the connection was closed."));
    m_run.reset();
    m_query.reset();
    resetTable();
}

void InvitationsController::connectQuery()
{
    InvitationListing *query = m_query.get();
    connect(query, &InvitationListing::started, this, &InvitationsController::loadStarted);
    connect(query, &InvitationListing::arrived, this, [this](const QList<Invitation> &invitations, int, qint64 total) {
        m_blocks.add(invitations, total);
    });
    // Everything else the listing says comes after the pages that arrived before it.
    connect(query, &InvitationListing::changed, this, [this](const QList<Invitation> &invitations) {
        m_blocks.handOver();
        m_model->append(invitations); // rows it has take the newer data
    });
    connect(query, &InvitationListing::gone, this, [this](const QStringList &ids) {
        m_blocks.handOver();
        m_model->remove(ids);
    });
    connect(query, &InvitationListing::finished, this, [this, query](int, bool listChanged) {
        m_blocks.end();
        if (const QString doubt = query->doubt(); !doubt.isEmpty()) {
            m_activity->add(ActivityModel::Level::Warning, tr("%1: %2.").arg(scope().title(), doubt));
            Q_EMIT listDoubted(tr("%1 may not be shown whole: %2.").arg(scope().title(), doubt));
        }
        if (listChanged)
            m_activity->add(ActivityModel::Level::Info,
                            tr("%1 changed while it was loading; the list was read again.").arg(scope().title()));
        switch (scope().kind()) {
        case ListingScope::Kind::EmailAddress:
            m_activity->add(ActivityModel::Level::Info,
                            tr("%Ln invitation(s) for %1 across the instance.", nullptr, m_model->rowCount()).arg(scope().email()));
            break;
        case ListingScope::Kind::Instance:
            m_activity->add(ActivityModel::Level::Info,
                            tr("%Ln invitation(s) across the instance, %1.", nullptr, m_model->rowCount())
                                .arg(tr("in %Ln organization(s)", nullptr, m_model->organizationCount())));
            break;
        case ListingScope::Kind::Application:
            m_activity->add(ActivityModel::Level::Info, tr("%Ln application invitation(s).", nullptr, m_model->rowCount()));
            break;
        default:
            break;
        }
        Q_EMIT loadFinished(m_model->rowCount());
    });
    connect(query, &InvitationListing::failed, this, [this](const ClerkError &error) {
        m_blocks.end(); // what arrived stays shown
        m_activity->addError(scope().loadingText(), error);
        if (error.isUnauthorized())
            Q_EMIT unauthorized(error);
        if (error.needsProxyCredentials())
            Q_EMIT proxyAuthenticationRequired(error);
        Q_EMIT loadFailed(error);
    });
    connect(query, &InvitationListing::cancelled, this, [this] {
        m_blocks.end(); // what arrived stays shown
        Q_EMIT loadCancelled();
    });
}

void InvitationsController::connectRun()
{
    RevokeRun *run = m_run.get();
    connect(run, &RevokeRun::held, this, [this](const QList<RevokeItem> &items, int seconds) {
        m_model->markQueued(items, tr("Held for %n second(s): Undo still takes it back.", nullptr, seconds));
        Q_EMIT revokeHeld(int(items.size()), seconds);
    });
    connect(run, &RevokeRun::undone, this, [this](const QList<RevokeItem> &items) {
        // An undone retry leaves the run as it was: its rows show their earlier outcome again.
        for (const RevokeItem &item : items) {
            const std::optional<RevokeResult> earlier = m_run->heldIsRetry() ? m_run->lastResult(item.invitationId) : std::nullopt;
            if (earlier)
                m_model->applyResult(item.invitationId, *earlier);
            else
                m_model->markIdle({item});
        }
        m_activity->add(ActivityModel::Level::Info, tr("Undone: %Ln revoke(s) were never sent.", nullptr, int(items.size())));
        Q_EMIT revokeUndone(int(items.size()));
    });
    connect(run, &RevokeRun::started, this, [this](int total) {
        m_batchTotal = total;
        m_rejectionSaid = false;
        m_activity->add(ActivityModel::Level::Info, tr("Revoking %Ln invitation(s) in %1…", nullptr, total).arg(m_runScope.inSentence()));
        Q_EMIT revokeStarted(total);
    });
    connect(run, &RevokeRun::itemStarted, this, [this](const RevokeItem &item) { m_model->markRevoking(item.invitationId); });
    connect(run, &RevokeRun::itemFinished, this, [this](const RevokeItem &item, const RevokeResult &result) {
        m_model->applyResult(item.invitationId, result);
        if (revokeSucceeded(result.outcome))
            adjustPendingCount(item.organizationId, -1); // no longer pending: a seat is free
        QString who = item.emailAddress.isEmpty() ? item.invitationId : item.emailAddress;
        if (item.kind == InvitationKind::Application)
            who = tr("%1 (sign-up invitation)").arg(who);
        else if (m_runScope.spansOrganizations() && !item.organizationName.isEmpty())
            who = tr("%1 in %2").arg(who, item.organizationName); // one address, many organizations: say which
        if (revokeSucceeded(result.outcome)) {
            if (m_batchTotal <= 20) // a long run's successes are in its summary, not one line each
                m_activity->add(ActivityModel::Level::Success, tr("%1: %2").arg(who, revokeOutcomeText(result.outcome)));
        } else if (result.outcome != RevokeOutcome::Cancelled) {
            // Failures go to the activity log with Clerk's code and trace ID.
            if (result.error)
                m_activity->addError(who, *result.error);
            else
                m_activity->add(ActivityModel::Level::Warning, tr("%1: %2").arg(who, revokeOutcomeText(result.outcome)));
            if (result.error && result.error->isUnauthorized() && !std::exchange(m_rejectionSaid, true))
                Q_EMIT unauthorized(*result.error); // once per batch
        }
    });
    connect(run, &RevokeRun::progress, this, &InvitationsController::revokeProgress);
    connect(run, &RevokeRun::stateChanged, this, &InvitationsController::revokeStateChanged);
    connect(run, &RevokeRun::finished, this, [this](const BulkSummary &summary) {
        if (const std::optional<ClerkError> &why = m_run->stopReason())
            m_activity->addError(tr("Revoking stopped"), *why);
        m_activity->add(summary.allSucceeded() ? ActivityModel::Level::Success : ActivityModel::Level::Warning,
                        tr("%1 in %2").arg(summary.describe(), m_runScope.inSentence()));
        Q_EMIT revokeFinished(summary);
    });
    connect(run, &RevokeRun::reinvited, this, [this](const Invitation &previous, const Invitation &created) {
        m_activity->add(ActivityModel::Level::Success, tr("New invitation %1 for %2.").arg(created.id, previous.emailAddress));
        adjustPendingCount(created.organizationId, +1); // the new one holds a seat
        // The new invitation joins the list at once (the answer to a create carries no organization data),
        // if the list is still the one it belongs to: the agent may have moved on while it was created.
        const ListingScope &here = scope();
        const bool belongsHere = here.kind() == ListingScope::Kind::Instance || created.organizationId == here.organization().id
                                 || (here.kind() == ListingScope::Kind::EmailAddress
                                     && EmailAddress::same(created.emailAddress, here.email()));
        if (belongsHere && (!here.takesStatus() || !here.status() || *here.status() == InvitationStatus::Pending)) {
            Invitation shown = created;
            if (!shown.organization)
                shown.organization = previous.organization;
            m_model->append({shown});
        }
        Q_EMIT reinvited(created);
    });
    connect(run, &RevokeRun::reinviteFailed, this, [this](const Invitation &previous, const ClerkError &error) {
        m_activity->addError(tr("Re-inviting %1").arg(previous.emailAddress), error);
        Q_EMIT reinviteFailed(error);
    });
}

const ListingScope &InvitationsController::scope() const
{
    static const ListingScope nothing;
    return m_query ? m_query->scope() : nothing;
}

void InvitationsController::adjustPendingCount(const QString &organizationId, int change)
{
    // Clerk's count is from when the organization was read; what this window did since is added to it,
    // so the seats line is right without reading the organization again.
    if (m_query && m_query->countPendingChange(organizationId, change))
        Q_EMIT seatsChanged();
}

QString InvitationsController::whyViewStays() const
{
    if (isHolding())
        return tr("The revokes are held for Undo: undo them or send them now before opening something else.");
    if (isRevoking())
        return tr("Wait for the revokes to finish before opening something else.");
    return {};
}

void InvitationsController::show(const ListingScope &scope)
{
    if (!m_query || !scope.isChosen())
        return;
    // The old load is dropped quietly: the table is reset for the new one at once.
    resetTable();
    m_query->load(scope.withStatus(m_status));
}

void InvitationsController::setStatus(std::optional<InvitationStatus> status)
{
    if (status == m_status)
        return;
    m_status = status;
    if (scope().takesStatus())
        reload();
}

void InvitationsController::reload()
{
    show(scope());
}

void InvitationsController::refresh()
{
    if (!canChangeView())
        return;
    if (hasOrganization())
        Q_EMIT organizationRefreshWanted(organization().id); // fresh counts, then a fresh load
    else
        reload(); // an address: every organization again, re-invites included
}

void InvitationsController::cancelLoad()
{
    if (m_query)
        m_query->cancel();
}

void InvitationsController::revoke(const QStringList &invitationIds, const QString &ticket)
{
    if (!m_run)
        return;
    QList<RevokeItem> items;
    for (const QString &id : invitationIds) {
        const int row = m_model->rowOf(id);
        if (row >= 0 && m_model->isRevocable(row))
            items << RevokeItem::of(m_model->invitationAt(row), scope().organization());
    }
    // Queued before the run starts: its first item may start at once. What the run is about stays what it was
    // when it started, whatever the agent opens meanwhile: its sentences and its ticket summary say that.
    m_model->markQueued(items);
    const ListingScope before = m_runScope;
    if (!m_run->isRunning())
        m_runScope = scope();
    if (!m_run->start(items, ticket)) {
        m_runScope = before; // nothing started: the last run's summary is still about the last run
        m_model->markIdle(items);
    }
}

Clock *InvitationsController::clock() const
{
    return m_session->clock();
}

void InvitationsController::setUndoSeconds(int seconds)
{
    m_undoSeconds = std::max(0, seconds);
    if (m_run)
        m_run->setUndoSeconds(m_undoSeconds);
}

void InvitationsController::undoHeldRevokes()
{
    if (m_run)
        m_run->undo();
}

void InvitationsController::sendHeldRevokesNow()
{
    if (m_run)
        m_run->sendNow();
}

void InvitationsController::pauseRevokes()
{
    if (m_run)
        m_run->pause();
}

void InvitationsController::resumeRevokes()
{
    if (m_run)
        m_run->resume();
}

void InvitationsController::cancelRevokes()
{
    if (m_run)
        m_run->cancel();
}

void InvitationsController::retryFailed()
{
    if (!m_run)
        return;
    const QList<RevokeItem> failed = m_run->failedItems();
    m_model->markQueued(failed);
    if (!m_run->retryFailed())
        m_model->markIdle(failed);
}

BulkSummary InvitationsController::summary() const
{
    return m_run ? m_run->summary() : BulkSummary{};
}

bool InvitationsController::heldWasRetry() const
{
    return m_run && m_run->heldIsRetry();
}

QString InvitationsController::ticketSummary() const
{
    if (!m_run)
        return {};
    return m_run->ticketSummary(m_runScope.ticketLine(), m_runScope.spansOrganizations());
}

void InvitationsController::readAgain(const Invitation &invitation, QObject *context,
                                      std::function<void(Result<Invitation>)> done)
{
    ClerkClient *client = m_session->client();
    if (!client)
        return;
    client->readInvitation(invitation.kind, invitation.organizationId, invitation.id, context, std::move(done));
}

void InvitationsController::reinvite(const QString &invitationId, bool notify, int expiresInDays, const QString &ticket)
{
    const int row = m_model->rowOf(invitationId);
    if (row < 0 || !m_run)
        return;
    m_run->reinvite(m_model->invitationAt(row), scope().organization(), notify, expiresInDays, ticket);
}

} // namespace InviteDesk
