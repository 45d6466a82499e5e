#include "gui/invitations/InvitationFilterModel.h"

#include "core/util/Durations.h"
#include "gui/invitations/InvitationTableModel.h"

namespace InviteDesk {

InvitationFilterModel::InvitationFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(InvitationTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(false);
    setDynamicSortFilter(true);
}

void InvitationFilterModel::setSourceModel(QAbstractItemModel *sourceModel)
{
    if (m_invitations)
        disconnect(m_invitations, nullptr, this, nullptr);
    m_invitations = qobject_cast<InvitationTableModel *>(sourceModel);
    m_pinned.clear();
    if (m_invitations) {
        // Connected before the base class's own handler, so a row is pinned while it is still shown.
        connect(m_invitations, &QAbstractItemModel::dataChanged, this, &InvitationFilterModel::pinRevokedRows);
        connect(m_invitations, &QAbstractItemModel::modelReset, this, [this] { m_pinned.clear(); });
    }
    QSortFilterProxyModel::setSourceModel(sourceModel);
}

void InvitationFilterModel::pinRevokedRows(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    if (m_quickFilter == QuickFilter::Any && m_role.isEmpty())
        return;
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
        if (m_invitations->revokeStateAt(row) != RevokeState::Idle && mapFromSource(m_invitations->index(row, 0)).isValid())
            m_pinned.insert(m_invitations->invitationAt(row).id);
    }
}

void InvitationFilterModel::setText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    // A longer filter only removes rows. A shorter one brings rows back, which a sorted proxy inserts
    // one by one into its order; with 100,000 rows a full rebuild and one sort is far faster.
    const bool narrower = trimmed.contains(m_text, Qt::CaseInsensitive);
    m_text = trimmed;
    if (narrower)
        invalidateFilter();
    else
        invalidate();
}

void InvitationFilterModel::setQuickFilter(QuickFilter filter)
{
    if (filter == m_quickFilter)
        return;
    m_quickFilter = filter;
    m_pinned.clear();
    invalidateFilter();
}

bool InvitationFilterModel::matches(int sourceRow, QuickFilter filter) const
{
    if (!m_invitations)
        return true;
    const Invitation &inv = m_invitations->invitationAt(sourceRow);
    const qint64 now = m_invitations->now();
    const bool pending = inv.status == InvitationStatus::Pending;
    const bool ranOut = inv.status == InvitationStatus::Expired || (pending && inv.expiresAt && *inv.expiresAt <= now);
    switch (filter) {
    case QuickFilter::Any:
        break;
    case QuickFilter::Expired:
        if (!ranOut)
            return false;
        break;
    case QuickFilter::Within24Hours:
    case QuickFilter::Within7Days: {
        const qint64 horizon = filter == QuickFilter::Within24Hours ? msPerDay : 7 * msPerDay;
        if (ranOut || !pending || !inv.expiresAt || *inv.expiresAt - now > horizon)
            return false;
        break;
    }
    case QuickFilter::Duplicates:
        if (m_invitations->pendingDuplicates(sourceRow) < 2)
            return false;
        break;
    }
    return matchesText(sourceRow);
}

bool InvitationFilterModel::matchesText(int sourceRow) const
{
    if (m_text.isEmpty() || !m_invitations)
        return true;
    const Invitation &inv = m_invitations->invitationAt(sourceRow);
    // Straight on the source data: no QVariant or string copies per row and keystroke.
    return inv.emailAddress.contains(m_text, Qt::CaseInsensitive) || inv.id.contains(m_text, Qt::CaseInsensitive)
           || inv.role.contains(m_text, Qt::CaseInsensitive) || inv.roleName.contains(m_text, Qt::CaseInsensitive);
}

bool InvitationFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid())
        return false;
    // A row revoked while it was shown under this filter stays where the agent saw it, showing how it
    // went, though it no longer matches a filter for pending invitations. Another filter drops it.
    if (!m_pinned.isEmpty() && m_invitations && m_pinned.contains(m_invitations->invitationAt(sourceRow).id))
        return matchesText(sourceRow);
    if (!m_role.isEmpty() && m_invitations) {
        const Invitation &inv = m_invitations->invitationAt(sourceRow);
        if (inv.role != m_role || inv.status != InvitationStatus::Pending)
            return false;
    }
    return matches(sourceRow, m_quickFilter);
}

void InvitationFilterModel::setRole(const QString &roleKey)
{
    if (roleKey == m_role)
        return;
    m_role = roleKey;
    m_pinned.clear();
    invalidateRowsFilter();
}

QList<InvitationFilterModel::RoleCount> InvitationFilterModel::pendingRoles() const
{
    QHash<QString, RoleCount> roles;
    for (int row = 0, rows = m_invitations ? m_invitations->rowCount() : 0; row < rows; ++row) {
        const Invitation &inv = m_invitations->invitationAt(row);
        if (inv.status != InvitationStatus::Pending || inv.role.isEmpty())
            continue;
        RoleCount &count = roles[inv.role];
        count.key = inv.role;
        count.name = inv.roleName.isEmpty() ? inv.role : inv.roleName;
        ++count.pending;
    }
    QList<RoleCount> list = roles.values();
    std::sort(list.begin(), list.end(), [](const RoleCount &a, const RoleCount &b) {
        return a.name.localeAwareCompare(b.name) < 0;
    });
    return list;
}

int InvitationFilterModel::countMatching(QuickFilter filter) const
{
    if (!m_invitations)
        return 0;
    int count = 0;
    for (int row = 0, rows = m_invitations->rowCount(); row < rows; ++row)
        count += matches(row, filter) ? 1 : 0;
    return count;
}

QVariant InvitationFilterModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    // Row headers count rows as shown; the source's numbers would be the order they were loaded in.
    if (orientation == Qt::Vertical && (role == Qt::DisplayRole || role == Qt::AccessibleTextRole))
        return section + 1;
    return QSortFilterProxyModel::headerData(section, orientation, role);
}

bool InvitationFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // The model's sort keys, compared without building a QVariant per comparison (SortRole gives the same keys).
    if (m_invitations)
        return InvitationTableModel::lessThan(m_invitations->sortKey(left.row(), left.column()),
                                              m_invitations->sortKey(right.row(), right.column()));
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace InviteDesk
