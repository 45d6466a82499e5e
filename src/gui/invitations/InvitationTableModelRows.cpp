#include "gui/invitations/InvitationTableModel.h"

#include "core/util/TextOutput.h"

#include <algorithm>

using namespace Qt::StringLiterals;

// Changing the rows: loading them, removing and updating them, and their revoke states.

namespace InviteDesk {

void InvitationTableModel::reset(const QList<Invitation> &invitations)
{
    m_dirtyLow = m_dirtyHigh = -1; // those rows are going
    m_frame.stop();
    beginResetModel();
    m_rows.clear();
    m_rowById.clear();
    m_addresses.clear();
    m_organizations.clear();
    m_inviterNames.clear();
    m_pending = 0;
    m_rows.reserve(invitations.size());
    for (const Invitation &inv : invitations) {
        if (!m_rowById.contains(inv.id))
            addRow(inv);
    }
    endResetModel();
}

void InvitationTableModel::append(const QList<Invitation> &invitations)
{
    QList<Invitation> fresh;
    fresh.reserve(invitations.size());
    QSet<QString> batch;
    for (const Invitation &inv : invitations) {
        if (m_rowById.contains(inv.id))
            update(inv);
        else if (!batch.contains(inv.id)) {
            batch.insert(inv.id);
            fresh.append(inv);
        }
    }
    if (fresh.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    for (const Invitation &inv : std::as_const(fresh))
        addRow(inv);
    endInsertRows();
    // Earlier rows of these addresses may have just become duplicates: their marks change.
    for (const Invitation &inv : std::as_const(fresh)) {
        if (inv.status == InvitationStatus::Pending && pendingDuplicates(m_rowById.value(inv.id)) > 1)
            announceAddress(inv);
    }
}

void InvitationTableModel::reserve(qint64 rows)
{
    const qsizetype wanted = qsizetype(std::clamp<qint64>(rows, 0, 250'000));
    if (wanted <= m_rowById.capacity()) // the hashes, not the list: clear() keeps a list's room, not a hash's
        return;
    m_rows.reserve(wanted);
    m_rowById.reserve(wanted);
    m_addresses.reserve(wanted);
}

void InvitationTableModel::remove(const QStringList &ids)
{
    QList<int> rows;
    for (const QString &id : ids) {
        const int row = m_rowById.value(id, -1);
        if (row >= 0)
            rows.append(row);
    }
    if (rows.isEmpty())
        return;
    flushStates(); // told with the row numbers they have now
    std::sort(rows.begin(), rows.end(), std::greater<>());
    // One beginRemoveRows per run of neighbouring rows, from the bottom up.
    for (qsizetype i = 0; i < rows.size();) {
        qsizetype j = i;
        while (j + 1 < rows.size() && rows.at(j + 1) == rows.at(j) - 1)
            ++j;
        const int last = rows.at(i);
        const int first = rows.at(j);
        beginRemoveRows({}, first, last);
        for (int row = last; row >= first; --row) {
            const Invitation &inv = m_rows.at(row).invitation;
            countPending(inv, -1);
            const AddressKey key = emailKey(inv);
            Address &address = m_addresses[key];
            address.ids.removeOne(inv.id);
            if (address.ids.isEmpty())
                m_addresses.remove(key);
            m_rowById.remove(inv.id);
            if (inv.kind == InvitationKind::Organization && --m_organizations[inv.organizationId] <= 0)
                m_organizations.remove(inv.organizationId);
        }
        m_rows.remove(first, last - first + 1);
        endRemoveRows();
        i = j + 1;
    }
    reindexFrom(rows.last());
}

void InvitationTableModel::update(const Invitation &invitation)
{
    const int row = m_rowById.value(invitation.id, -1);
    if (row < 0)
        return;
    const bool addressChanged = emailKey(m_rows[row].invitation) != emailKey(invitation);
    const bool pendingChanged = (m_rows[row].invitation.status == InvitationStatus::Pending)
                                != (invitation.status == InvitationStatus::Pending);
    if (addressChanged) {
        // Rare (Clerk does not change addresses), but the index must stay true.
        remove({invitation.id});
        append({invitation});
        return;
    }
    countPending(m_rows[row].invitation, -1);
    // A revoke's answer carries no organization or inviter data: what the list gave is kept, so the
    // Organization column never falls back to a bare ID.
    Invitation merged = invitation;
    if (!merged.organization)
        merged.organization = m_rows[row].invitation.organization;
    if (!merged.inviter)
        merged.inviter = m_rows[row].invitation.inviter;
    Row fresh = makeRow(merged);
    m_rows[row].invitation = std::move(fresh.invitation);
    m_rows[row].inviterName = std::move(fresh.inviterName);
    countPending(merged, +1);
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    if (pendingChanged)
        announceAddress(invitation); // the other rows of this address gained or lost a duplicate
}

void InvitationTableModel::setState(int row, RevokeState state, const QString &message)
{
    Row &r = m_rows[row];
    if (r.state == state && r.message == message)
        return;
    r.state = state;
    r.message = message;
    // A bulk run changes rows hundreds of times a second: told once per frame, as one span.
    m_dirtyLow = m_dirtyLow < 0 ? row : std::min(m_dirtyLow, row);
    m_dirtyHigh = std::max(m_dirtyHigh, row);
    if (!m_frame.isActive())
        m_frame.start();
}

void InvitationTableModel::flushStates()
{
    if (m_dirtyLow < 0)
        return;
    const int low = std::exchange(m_dirtyLow, -1);
    const int high = std::exchange(m_dirtyHigh, -1);
    m_frame.stop();
    Q_EMIT dataChanged(index(low, Status), index(high, Status),
                       {Qt::DisplayRole, Qt::ToolTipRole, Qt::ForegroundRole, Qt::DecorationRole, SortRole,
                        RevokeStateRole, Qt::AccessibleTextRole});
}

void InvitationTableModel::markQueued(const QList<RevokeItem> &items, const QString &message)
{
    for (const RevokeItem &item : items) {
        const int row = rowOf(item.invitationId);
        if (row >= 0)
            setState(row, RevokeState::Queued, message);
    }
}

void InvitationTableModel::markRevoking(const QString &id)
{
    const int row = rowOf(id);
    if (row >= 0)
        setState(row, RevokeState::Revoking, {});
}

void InvitationTableModel::markIdle(const QList<RevokeItem> &items)
{
    for (const RevokeItem &item : items) {
        const int row = rowOf(item.invitationId);
        if (row >= 0)
            setState(row, RevokeState::Idle, {});
    }
}

void InvitationTableModel::applyResult(const QString &id, const RevokeResult &result)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    QString message;
    if (result.outcome == RevokeOutcome::AlreadyRevoked) {
        message = tr("It had already been revoked.");
    } else if (result.outcome == RevokeOutcome::RevokedUnattributed) {
        message = tr("It is revoked; the answer to this request was lost, so whether this request or someone "
                     "else revoked it is not known.");
    } else if (!revokeSucceeded(result.outcome) && result.outcome != RevokeOutcome::Cancelled) {
        // Failures keep their reason (Clerk's own words where it gave some) and the trace ID for support.
        message = revokeOutcomeText(result.outcome);
        if (result.error && result.outcome != RevokeOutcome::NotPendingAccepted
            && result.outcome != RevokeOutcome::NotPendingExpired)
            message = printable(result.error->userMessage());
        if (result.error && !result.error->traceId().isEmpty())
            message += u'\n' + tr("Trace ID: %1").arg(printable(result.error->traceId()));
    }
    setState(row, revokeStateFor(result.outcome), message);
    if (result.invitation && result.invitation->id == id)
        update(*result.invitation);
}

RevokeState InvitationTableModel::revokeState(const QString &id) const
{
    const int row = rowOf(id);
    return row < 0 ? RevokeState::Idle : m_rows.at(row).state;
}

bool InvitationTableModel::isRevocable(int row) const
{
    return InviteDesk::isRevocable(m_rows.at(row).invitation, m_rows.at(row).state);
}

bool InvitationTableModel::isReinvitable(int row) const
{
    return InviteDesk::isReinvitable(m_rows.at(row).invitation, m_rows.at(row).state);
}

void InvitationTableModel::setNow(qint64 msSinceEpoch)
{
    m_now = msSinceEpoch;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, Invited), index(int(m_rows.size()) - 1, Expires),
                           {Qt::DisplayRole, Qt::ForegroundRole, Qt::FontRole});
}

} // namespace InviteDesk
