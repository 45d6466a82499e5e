#include "gui/invitations/InvitationFilterModel.h"

#include "gui/invitations/InvitationTableModel.h"

#include <algorithm>
#include <vector>

// Following the source model row by row as it changes, and the proxy's mapping of rows and columns.

namespace InviteDesk {

void InvitationFilterModel::onRowsInserted(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    if (first != int(m_order.size())) { // not an append: start over (the table model only appends)
        beginResetModel();
        resetFromSource();
        endResetModel();
        return;
    }
    std::vector<int> shown;
    for (int row = first; row <= last; ++row) {
        m_order.push_back(row);
        m_textOk.push_back(textMatches(row) ? 1 : 0);
        m_proxyOf.push_back(-1);
        if (accepts(row))
            shown.push_back(row);
    }
    if (shown.empty())
        return;
    const int at = int(m_shown.size());
    beginInsertRows({}, at, at + int(shown.size()) - 1);
    for (int row : shown) {
        m_proxyOf[size_t(row)] = int(m_shown.size());
        m_shown.push_back(row);
    }
    endInsertRows();
}

void InvitationFilterModel::onRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    // Shown rows of that range leave the view, from the bottom up, in runs of neighbours.
    std::vector<int> proxies;
    for (int row = first; row <= last && row < int(m_proxyOf.size()); ++row) {
        if (m_proxyOf[size_t(row)] >= 0)
            proxies.push_back(m_proxyOf[size_t(row)]);
    }
    std::sort(proxies.begin(), proxies.end(), std::greater<>());
    for (size_t i = 0; i < proxies.size();) {
        size_t j = i;
        while (j + 1 < proxies.size() && proxies[j + 1] == proxies[j] - 1)
            ++j;
        beginRemoveRows({}, proxies[j], proxies[i]);
        m_shown.erase(m_shown.begin() + proxies[j], m_shown.begin() + proxies[i] + 1);
        rebuildProxyOf();
        endRemoveRows();
        i = j + 1;
    }
}

void InvitationFilterModel::onRowsRemoved(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    // The source renumbered the rows after the range: so do the order and the shown rows.
    const int removed = last - first + 1;
    auto renumber = [first, last, removed](std::vector<int> &rows) {
        rows.erase(std::remove_if(rows.begin(), rows.end(), [first, last](int r) { return r >= first && r <= last; }),
                   rows.end());
        for (int &r : rows)
            r = r > last ? r - removed : r;
    };
    renumber(m_order);
    renumber(m_shown);
    m_textOk.erase(m_textOk.begin() + first, m_textOk.begin() + std::min<qsizetype>(last + 1, qsizetype(m_textOk.size())));
    rebuildProxyOf();
    if (m_working) {
        // The worker's snapshot has the old numbering: ask again.
        request(false);
    }
}

void InvitationFilterModel::onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles)
{
    if (!topLeft.isValid() || topLeft.parent().isValid())
        return;
    const int first = topLeft.row();
    const int last = std::min(bottomRight.row(), int(m_proxyOf.size()) - 1);
    const bool filtered = m_quickFilter != QuickFilter::Any || !m_role.isEmpty();
    // A revoke changes the Status column only: no filter depends on it (pins only keep shown rows), so
    // a span of revokes costs a pin check and a repaint, not a filter pass.
    const bool statusOnly =
        topLeft.column() == InvitationTableModel::Status && bottomRight.column() == InvitationTableModel::Status;
    auto inColumns = [&](int column) { return topLeft.column() <= column && column <= bottomRight.column(); };
    const bool touchesText = !m_text.isEmpty() && (roles.isEmpty() || roles.contains(Qt::DisplayRole))
                             && (inColumns(InvitationTableModel::Email) || inColumns(InvitationTableModel::Role)
                                 || inColumns(InvitationTableModel::InvitationId));
    std::vector<int> show;
    std::vector<int> hide;
    for (int row = first; row <= last; ++row) {
        const bool wasShown = m_proxyOf[size_t(row)] >= 0;
        if (filtered && wasShown && m_invitations->revokeStateAt(row) != RevokeState::Idle)
            m_pinned.insert(m_invitations->invitationAt(row).id);
        if (statusOnly)
            continue;
        if (m_working)
            m_changedMeanwhile.insert(row);
        if (touchesText)
            m_textOk[size_t(row)] = textMatches(row) ? 1 : 0;
        const bool nowShown = accepts(row);
        if (nowShown && !wasShown)
            show.push_back(row);
        else if (!nowShown && wasShown)
            hide.push_back(row);
    }
    for (int row : hide)
        hideRow(row);
    for (int row : show)
        showRow(row);
    // One notice for the rows of the span still shown, worked out after the rows moved.
    int low = -1;
    int high = -1;
    for (int row = first; row <= last; ++row) {
        const int proxy = m_proxyOf[size_t(row)];
        if (proxy < 0)
            continue;
        low = low < 0 ? proxy : std::min(low, proxy);
        high = std::max(high, proxy);
    }
    const int lastColumn = std::min(bottomRight.column(), columnCount() - 1);
    if (low >= 0 && topLeft.column() <= lastColumn)
        Q_EMIT dataChanged(index(low, topLeft.column()), index(high, lastColumn), roles);
}

void InvitationFilterModel::showRow(int sourceRow)
{
    // In the current order: after the shown rows that come before it.
    int at = 0;
    for (int row : m_order) {
        if (row == sourceRow)
            break;
        at += m_proxyOf[size_t(row)] >= 0 ? 1 : 0;
    }
    beginInsertRows({}, at, at);
    m_shown.insert(m_shown.begin() + at, sourceRow);
    rebuildProxyOf();
    endInsertRows();
}

void InvitationFilterModel::hideRow(int sourceRow)
{
    const int at = m_proxyOf[size_t(sourceRow)];
    beginRemoveRows({}, at, at);
    m_shown.erase(m_shown.begin() + at);
    rebuildProxyOf();
    endRemoveRows();
}

// --- the proxy's plumbing -----------------------------------------------------------------------

QModelIndex InvitationFilterModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || row >= int(m_shown.size()) || column < 0 || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex InvitationFilterModel::parent(const QModelIndex &) const
{
    return {};
}

int InvitationFilterModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_shown.size());
}

int InvitationFilterModel::columnCount(const QModelIndex &parent) const
{
    static_assert(InvitationTableModel::Organization == InvitationTableModel::ColumnCount - 1,
                  "leaving the Organization column out moves no other column");
    if (parent.isValid() || !sourceModel())
        return 0;
    return m_organizationShown ? sourceModel()->columnCount() : int(InvitationTableModel::Organization);
}

void InvitationFilterModel::setOrganizationShown(bool shown)
{
    if (shown == m_organizationShown)
        return;
    const int column = InvitationTableModel::Organization;
    if (shown)
        beginInsertColumns({}, column, column);
    else
        beginRemoveColumns({}, column, column);
    m_organizationShown = shown;
    if (shown)
        endInsertColumns();
    else
        endRemoveColumns();
}

bool InvitationFilterModel::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_shown.empty();
}

QModelIndex InvitationFilterModel::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!proxyIndex.isValid() || !sourceModel() || proxyIndex.row() >= int(m_shown.size()))
        return {};
    return sourceModel()->index(m_shown[size_t(proxyIndex.row())], proxyIndex.column());
}

QModelIndex InvitationFilterModel::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!sourceIndex.isValid() || sourceIndex.row() >= int(m_proxyOf.size()))
        return {};
    const int proxy = m_proxyOf[size_t(sourceIndex.row())];
    return proxy < 0 ? QModelIndex() : index(proxy, sourceIndex.column());
}

QVariant InvitationFilterModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    // A row's header is its source row's (the address: what a screen reader names the row by).
    if (orientation == Qt::Vertical && sourceModel()) {
        const QModelIndex source = mapToSource(index(section, 0));
        return source.isValid() ? sourceModel()->headerData(source.row(), orientation, role) : QVariant();
    }
    return sourceModel() ? sourceModel()->headerData(section, orientation, role) : QVariant();
}

} // namespace InviteDesk
