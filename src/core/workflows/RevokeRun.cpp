#include "core/workflows/RevokeRun.h"

#include <QtCore/QCoreApplication>

using namespace Qt::StringLiterals;

namespace InviteDesk {

RevokeRun::RevokeRun(ClerkClient *client, AuditWriter *audit, QObject *parent)
    : QObject(parent), m_client(client), m_audit(audit), m_holdTimer(client ? client->clock() : nullptr)
{
    connect(&m_holdTimer, &ClockTimer::timeout, this, &RevokeRun::begin);
}

RevokeRun::~RevokeRun() = default;

bool RevokeRun::isRunning() const
{
    const BulkRevoker::State s = state();
    return s == BulkRevoker::State::Running || s == BulkRevoker::State::Paused || s == BulkRevoker::State::Cancelling;
}

bool RevokeRun::start(QList<RevokeItem> items, const QString &ticket)
{
    return hold(std::move(items), ticket, false);
}

bool RevokeRun::hold(QList<RevokeItem> items, const QString &ticket, bool retry)
{
    if (!m_client || items.isEmpty() || isRunning() || isHolding())
        return false;
    m_heldIsRetry = retry;
    m_ticket = ticket;
    for (RevokeItem &item : items)
        item.ticket = ticket;
    m_held = std::move(items);
    if (m_undoSeconds > 0) {
        m_holdTimer.start(std::chrono::seconds(m_undoSeconds));
        Q_EMIT held(m_held, m_undoSeconds);
        return true;
    }
    begin();
    return true;
}

void RevokeRun::undo()
{
    if (!m_holdTimer.isActive())
        return;
    m_holdTimer.stop();
    Q_EMIT undone(std::exchange(m_held, {}));
}

void RevokeRun::sendNow()
{
    if (!m_holdTimer.isActive())
        return;
    m_holdTimer.stop();
    begin();
}

void RevokeRun::begin()
{
    const QList<RevokeItem> items = std::exchange(m_held, {});
    if (!m_client || items.isEmpty())
        return;
    if (!m_heldIsRetry) {
        m_started = QDateTime::currentDateTimeUtc();
        m_ledger.clear();
        m_ledgerIndex.clear();
        m_retried = 0;
    }
    for (const RevokeItem &item : items) {
        if (!m_ledgerIndex.contains(item.invitationId)) {
            m_ledgerIndex.insert(item.invitationId, m_ledger.size());
            m_ledger.append({item, std::nullopt});
        }
    }
    m_bulk = std::make_unique<BulkRevoker>(m_client);
    m_bulk->setRequestingUserId(m_requestingUserId);
    if (m_concurrency > 0)
        m_bulk->setConcurrency(m_concurrency);
    m_bulk->setObserver(m_audit);
    BulkRevoker *bulk = m_bulk.get();
    connect(bulk, &BulkRevoker::itemStarted, this, [this, bulk](int index) {
        const RevokeItem &item = bulk->items().at(index);
        if (m_ledger.at(m_ledgerIndex.value(item.invitationId)).result)
            ++m_retried; // sent again: counted when it goes out, not when it was queued
        Q_EMIT itemStarted(item);
    });
    connect(bulk, &BulkRevoker::itemFinished, this, [this, bulk](int index, const RevokeResult &result) {
        const RevokeItem &item = bulk->items().at(index);
        std::optional<RevokeResult> &settled = m_ledger[m_ledgerIndex.value(item.invitationId)].result;
        // A retry stopped before this item went out leaves its earlier outcome (and trace ID) standing.
        if (!(result.outcome == RevokeOutcome::Cancelled && settled))
            settled = result;
        Q_EMIT itemFinished(item, result);
    });
    connect(bulk, &BulkRevoker::progress, this, &RevokeRun::progress);
    connect(bulk, &BulkRevoker::stateChanged, this, &RevokeRun::stateChanged);
    connect(bulk, &BulkRevoker::finished, this, [this] { Q_EMIT finished(summary()); });
    Q_EMIT started(int(items.size()));
    bulk->start(items);
}

void RevokeRun::pause()
{
    if (m_bulk)
        m_bulk->pause();
}

void RevokeRun::resume()
{
    if (m_bulk)
        m_bulk->resume();
}

void RevokeRun::cancel()
{
    if (m_bulk)
        m_bulk->cancel();
}

QList<RevokeItem> RevokeRun::failedItems() const
{
    QList<RevokeItem> items;
    for (const Settled &s : m_ledger) {
        if (s.result && revokeRetryable(s.result->outcome))
            items << s.item;
    }
    return items;
}

std::optional<RevokeResult> RevokeRun::lastResult(const QString &invitationId) const
{
    const qsizetype at = m_ledgerIndex.value(invitationId, -1);
    return at < 0 ? std::nullopt : m_ledger.at(at).result;
}

BulkSummary RevokeRun::summary() const
{
    BulkSummary s;
    s.total = int(m_ledger.size());
    for (const Settled &settled : m_ledger) {
        if (settled.result)
            s.count(settled.result->outcome);
    }
    return s;
}

bool RevokeRun::retryFailed()
{
    return hold(failedItems(), m_ticket, true);
}

const std::optional<ClerkError> &RevokeRun::stopReason() const
{
    static const std::optional<ClerkError> none;
    return m_bulk ? m_bulk->stopReason() : none;
}

QString RevokeRun::ticketSummary(const QString &scope, bool perOrganization) const
{
    if (!m_bulk)
        return {};
    const BulkSummary summary = this->summary();
    const AuditContext context = m_audit ? m_audit->context() : AuditContext{};
    QStringList lines;
    lines << tr("InviteDesk revoke summary");
    lines << scope;
    lines << tr("Instance: %1, %2").arg(context.environment, context.apiHost);
    lines << tr("Started: %1 UTC").arg(m_started.toString(u"yyyy-MM-dd HH:mm:ss"_s));
    if (!m_ticket.isEmpty())
        lines << tr("Ticket: %1").arg(m_ticket);
    lines << tr("Result: %1").arg(summary.describe());
    if (m_retried > 0)
        lines << tr("Retried: %n revoke(s) sent again after failing.", nullptr, m_retried);
    if (const std::optional<ClerkError> &why = m_bulk->stopReason())
        lines << tr("Stopped: %1").arg(why->userMessage());
    lines << QString();
    int listed = 0;
    for (const Settled &settled : m_ledger) {
        if (!settled.result)
            continue;
        const RevokeResult &r = *settled.result;
        const RevokeItem &item = settled.item;
        const bool problem = !revokeSucceeded(r.outcome);
        // Every problem is listed; successes only up to twenty, so the text stays short.
        if (!problem && listed >= 20)
            continue;
        QString line = u"- "_s + (item.emailAddress.isEmpty() ? item.invitationId : item.emailAddress) + u": "_s
                       + revokeOutcomeText(r.outcome);
        if (item.kind == InvitationKind::Application)
            line += tr(" (sign-up invitation)");
        else if (perOrganization)
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
        lines << tr("… and %n more revoked.", nullptr, hidden);
    return lines.join(u'\n');
}

void RevokeRun::reinvite(const Invitation &previous, const Organization &organization, bool notify, int expiresInDays,
                         const QString &ticket)
{
    if (!m_client || !m_audit)
        return;
    if (previous.metadataCut) {
        // The new invitation copies the old one's metadata, and the list kept only a mark of it.
        m_client->readInvitation(previous.kind, previous.organizationId, previous.id, this,
                                 [this, previous, organization, notify, expiresInDays, ticket](Result<Invitation> read) {
            if (!read) {
                Q_EMIT reinviteFailed(previous, read.error());
                return;
            }
            Invitation whole = previous;
            whole.publicMetadata = read.value().publicMetadata;
            whole.metadataCut = false;
            reinvite(whole, organization, notify, expiresInDays, ticket);
        });
        return;
    }
    RevokeItem item = RevokeItem::of(previous, organization);
    item.ticket = ticket;
    NewInvitation fresh;
    fresh.emailAddress = previous.emailAddress;
    fresh.role = previous.role;
    fresh.publicMetadata = previous.publicMetadata;
    fresh.inviterUserId = m_requestingUserId;
    fresh.notify = notify;
    fresh.expiresInDays = expiresInDays;
    const QPointer<RevokeRun> self(this);
    // Nothing is created that the audit log could not record first.
    m_audit->reinviteIntended(item, notify, expiresInDays, [self, item, fresh, previous](bool ok, const QString &whyNot) {
        if (!self)
            return;
        if (!ok || !self->m_client) {
            Q_EMIT self->reinviteFailed(previous, ClerkError::invalidRequest(whyNot));
            return;
        }
        const qint64 askedAt = QDateTime::currentMSecsSinceEpoch();
        self->m_client->createInvitation(
            item.organizationId, fresh, self, [self, item, previous, askedAt](Result<Invitation> result) {
                if (!result && result.error().code() == "duplicate_record"_L1) {
                    // Qt sends a request again when a connection closes before any answer, so the first
                    // send may be the one that created it: look before calling it a failure.
                    self->findCreated(item, previous, askedAt, result.error());
                    return;
                }
                self->settleReinvite(item, previous, result ? std::optional(result.value()) : std::nullopt,
                                     result ? std::nullopt : std::optional(result.error()));
            });
    });
}

void RevokeRun::findCreated(const RevokeItem &item, const Invitation &previous, qint64 askedAt, const ClerkError &refusal)
{
    InvitationQuery query;
    query.status = InvitationStatus::Pending;
    query.emailAddress = previous.emailAddress;
    query.limit = 10;
    const QPointer<RevokeRun> self(this);
    m_client->listInvitations(item.organizationId, query, this, [self, item, previous, askedAt, refusal](Result<Page<Invitation>> found) {
        std::optional<Invitation> created;
        if (found) {
            for (const Invitation &inv : found.value().data) {
                // Made by our own request a moment ago (clocks may differ by a few seconds).
                if (inv.id != previous.id && inv.createdAt >= askedAt - 5'000)
                    created = inv;
            }
        }
        self->settleReinvite(item, previous, created, created ? std::nullopt : std::optional(refusal));
    });
}

void RevokeRun::settleReinvite(const RevokeItem &item, const Invitation &previous, const std::optional<Invitation> &created,
                               const std::optional<ClerkError> &error)
{
    if (!m_audit)
        return;
    const QPointer<RevokeRun> self(this);
    m_audit->reinviteSettled(item, created, error, [self, created, error, previous](bool, const QString &) {
        if (!self)
            return;
        if (created)
            Q_EMIT self->reinvited(previous, *created);
        else
            Q_EMIT self->reinviteFailed(previous, *error);
    });
}

} // namespace InviteDesk
