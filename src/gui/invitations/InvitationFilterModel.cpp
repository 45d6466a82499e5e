#include "gui/invitations/InvitationFilterModel.h"

#include "core/domain/StaleRule.h"
#include "core/util/Durations.h"
#include "gui/invitations/InvitationTableModel.h"

#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <array>
#include <numeric>

namespace InviteDesk {

namespace {

bool haystackMatches(const QString &text, const QString &email, const QString &id, const QString &role, const QString &roleName)
{
    return email.contains(text, Qt::CaseInsensitive) || id.contains(text, Qt::CaseInsensitive)
           || role.contains(text, Qt::CaseInsensitive) || roleName.contains(text, Qt::CaseInsensitive);
}

} // namespace

InvitationFilterModel::InvitationFilterModel(QObject *parent) : QAbstractProxyModel(parent)
{
    connect(&m_watcher, &QFutureWatcher<Mapping>::finished, this, [this] {
        if (m_watcher.future().resultCount() > 0)
            apply(m_watcher.result());
    });
}

InvitationFilterModel::~InvitationFilterModel() = default;

void InvitationFilterModel::setSourceModel(QAbstractItemModel *sourceModel)
{
    beginResetModel();
    if (m_invitations)
        disconnect(m_invitations, nullptr, this, nullptr);
    m_invitations = qobject_cast<InvitationTableModel *>(sourceModel);
    QAbstractProxyModel::setSourceModel(sourceModel);
    m_pinned.clear();
    if (m_invitations) {
        InvitationTableModel *model = m_invitations;
        connect(model, &QAbstractItemModel::modelAboutToBeReset, this, [this] { beginResetModel(); });
        connect(model, &QAbstractItemModel::modelReset, this, [this] {
            m_pinned.clear();
            resetFromSource();
            endResetModel();
            if (m_sortColumn >= 0 && !m_order.empty())
                request(true);
        });
        connect(model, &QAbstractItemModel::rowsInserted, this, &InvitationFilterModel::onRowsInserted);
        connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this, &InvitationFilterModel::onRowsAboutToBeRemoved);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &InvitationFilterModel::onRowsRemoved);
        connect(model, &QAbstractItemModel::dataChanged, this, &InvitationFilterModel::onDataChanged);
        connect(model, &QAbstractItemModel::headerDataChanged, this, &QAbstractItemModel::headerDataChanged);
    }
    resetFromSource();
    endResetModel();
}

void InvitationFilterModel::resetFromSource()
{
    // The source's order and every row checked at once: a reset comes with few rows (a new load starts empty).
    ++m_generation;
    m_working = false;
    m_changedMeanwhile.clear();
    const int rows = m_invitations ? m_invitations->rowCount() : 0;
    m_order.resize(size_t(rows));
    std::iota(m_order.begin(), m_order.end(), 0);
    m_textOk.assign(size_t(rows), 1);
    m_shown.clear();
    for (int row = 0; row < rows; ++row) {
        m_textOk[size_t(row)] = textMatches(row) ? 1 : 0;
        if (accepts(row))
            m_shown.push_back(row);
    }
    rebuildProxyOf();
}

void InvitationFilterModel::rebuildProxyOf()
{
    m_proxyOf.assign(m_order.size(), -1);
    for (size_t i = 0; i < m_shown.size(); ++i)
        m_proxyOf[size_t(m_shown[i])] = int(i);
}

// --- filters ------------------------------------------------------------------------------------

void InvitationFilterModel::setText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    request(false);
}

void InvitationFilterModel::setQuickFilter(QuickFilter filter)
{
    if (filter == m_quickFilter)
        return;
    m_quickFilter = filter;
    m_pinned.clear();
    request(false);
}

void InvitationFilterModel::setStaleDays(int days)
{
    days = std::clamp(days, 1, StaleRule::mostDays);
    if (days == m_staleDays)
        return;
    m_staleDays = days;
    if (m_quickFilter == QuickFilter::PendingLongerThan) {
        m_pinned.clear();
        request(false);
    }
}

void InvitationFilterModel::setRole(const QString &roleKey)
{
    if (roleKey == m_role)
        return;
    m_role = roleKey;
    m_pinned.clear();
    request(false);
}

bool InvitationFilterModel::quickMatches(int sourceRow, QuickFilter filter) const
{
    const Invitation &inv = m_invitations->invitationAt(sourceRow);
    const qint64 now = m_invitations->now();
    const bool pending = inv.status == InvitationStatus::Pending;
    const bool ranOut = inv.status == InvitationStatus::Expired || (pending && inv.expiresAt && *inv.expiresAt <= now);
    switch (filter) {
    case QuickFilter::Any:
        return true;
    case QuickFilter::Expired:
        return ranOut;
    case QuickFilter::Within24Hours:
    case QuickFilter::Within7Days: {
        const qint64 horizon = filter == QuickFilter::Within24Hours ? msPerDay : 7 * msPerDay;
        return !ranOut && pending && inv.expiresAt && *inv.expiresAt - now <= horizon;
    }
    case QuickFilter::Duplicates:
        return m_invitations->pendingDuplicates(sourceRow) >= 2;
    case QuickFilter::PendingLongerThan:
        return StaleRule::days(m_staleDays).isStale(inv, now);
    }
    return true;
}

bool InvitationFilterModel::baseAccepts(int sourceRow) const
{
    if (!m_invitations)
        return false;
    // A row revoked while it was shown under this filter stays where the agent saw it, showing how it
    // went, though it no longer matches a filter for pending invitations. Another filter drops it.
    if (!m_pinned.isEmpty() && m_pinned.contains(m_invitations->invitationAt(sourceRow).id))
        return true;
    if (!m_role.isEmpty()) {
        const Invitation &inv = m_invitations->invitationAt(sourceRow);
        if (inv.role != m_role || inv.status != InvitationStatus::Pending)
            return false;
    }
    return quickMatches(sourceRow, m_quickFilter);
}

bool InvitationFilterModel::textMatches(int sourceRow) const
{
    if (m_text.isEmpty() || !m_invitations)
        return true;
    const Invitation &inv = m_invitations->invitationAt(sourceRow);
    return haystackMatches(m_text, inv.emailAddress, inv.id, inv.role, inv.roleName);
}

int InvitationFilterModel::countMatching(QuickFilter filter) const
{
    if (!m_invitations)
        return 0;
    int count = 0;
    for (int row = 0, rows = int(m_textOk.size()); row < rows; ++row)
        count += m_textOk[size_t(row)] && quickMatches(row, filter) ? 1 : 0;
    return count;
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

// --- sorting and filtering, off the GUI thread when large ---------------------------------------

void InvitationFilterModel::sort(int column, Qt::SortOrder order)
{
    m_sortColumn = column;
    m_sortOrder = order;
    m_resortPending = true; // until a sorted result is in place: a filter asked for meanwhile sorts too
    request(true);
}

void InvitationFilterModel::request(bool resort)
{
    if (!m_invitations)
        return;
    // The snapshot: cheap per row (flags, numbers, shared strings), so the GUI thread only copies.
    Job job;
    job.generation = ++m_generation;
    job.rows = m_invitations->rowCount();
    job.base.resize(size_t(job.rows));
    for (int row = 0; row < job.rows; ++row)
        job.base[size_t(row)] = baseAccepts(row) ? 1 : 0;
    job.text = m_text;
    if (!m_text.isEmpty()) {
        job.hay.resize(size_t(job.rows));
        for (int row = 0; row < job.rows; ++row) {
            const Invitation &inv = m_invitations->invitationAt(row);
            job.hay[size_t(row)] = {inv.emailAddress, inv.id, inv.role, inv.roleName};
        }
    }
    job.resort = (resort || m_resortPending) && m_sortColumn >= 0;
    if (job.resort) {
        job.descending = m_sortOrder == Qt::DescendingOrder;
        const bool text = job.rows > 0 && m_invitations->sortKey(0, m_sortColumn).isText;
        if (text)
            job.texts.reserve(size_t(job.rows));
        else
            job.numbers.reserve(size_t(job.rows));
        for (int row = 0; row < job.rows; ++row) {
            InvitationTableModel::SortKey key = m_invitations->sortKey(row, m_sortColumn);
            if (text)
                job.texts.push_back(std::move(key.text));
            else
                job.numbers.push_back(key.number);
        }
    } else {
        job.order = m_order;
        job.order.resize(size_t(job.rows)); // the order knows every source row
    }
    m_changedMeanwhile.clear();
    if (job.rows < m_threshold) {
        apply(work(std::move(job)));
        return;
    }
    m_working = true;
    m_watcher.setFuture(QtConcurrent::run([job = std::move(job)]() mutable { return work(std::move(job)); }));
}

InvitationFilterModel::Mapping InvitationFilterModel::work(Job job)
{
    Mapping out;
    out.generation = job.generation;
    out.rows = job.rows;
    out.resorted = job.resort;
    const size_t rows = size_t(job.rows);
    if (job.resort) {
        out.order.resize(rows);
        std::iota(out.order.begin(), out.order.end(), 0);
        // Stable, so equal keys keep the order they arrived in; descending reverses the comparison only.
        if (!job.texts.empty()) {
            const auto &keys = job.texts;
            std::stable_sort(out.order.begin(), out.order.end(), [&keys, descending = job.descending](int a, int b) {
                const int c = keys[size_t(a)].compare(keys[size_t(b)], Qt::CaseInsensitive);
                return descending ? c > 0 : c < 0;
            });
        } else {
            const auto &keys = job.numbers;
            std::stable_sort(out.order.begin(), out.order.end(), [&keys, descending = job.descending](int a, int b) {
                return descending ? keys[size_t(a)] > keys[size_t(b)] : keys[size_t(a)] < keys[size_t(b)];
            });
        }
    } else {
        out.order = std::move(job.order);
    }
    out.textOk.assign(rows, 1);
    if (!job.text.isEmpty()) {
        for (size_t row = 0; row < rows; ++row) {
            const auto &h = job.hay[row];
            out.textOk[row] = haystackMatches(job.text, h[0], h[1], h[2], h[3]) ? 1 : 0;
        }
    }
    out.shown.reserve(rows);
    for (int row : out.order) {
        if (job.base[size_t(row)] && out.textOk[size_t(row)])
            out.shown.push_back(row);
    }
    return out;
}

void InvitationFilterModel::apply(Mapping mapping)
{
    if (mapping.generation != m_generation || !m_invitations)
        return; // a newer request, or the rows it knew are gone
    m_working = false;
    // Rows that arrived while the worker ran go at the end; rows that changed are checked again.
    const int rows = m_invitations->rowCount();
    for (int row = mapping.rows; row < rows; ++row) {
        mapping.order.push_back(row);
        mapping.textOk.push_back(textMatches(row) ? 1 : 0);
    }
    std::vector<char> shown(size_t(rows), 0);
    for (int row : mapping.shown)
        shown[size_t(row)] = 1;
    for (int row = mapping.rows; row < rows; ++row)
        shown[size_t(row)] = 1;
    for (int row : std::as_const(m_changedMeanwhile)) {
        if (row < mapping.rows)
            mapping.textOk[size_t(row)] = textMatches(row) ? 1 : 0;
    }

    std::vector<int> next;
    next.reserve(size_t(rows));
    for (int row : mapping.order) {
        // The worker's verdict, but the base filters of late or changed rows as they are now.
        const bool late = row >= mapping.rows;
        if ((late || shown[size_t(row)] || m_changedMeanwhile.contains(row))
            && baseAccepts(row) && mapping.textOk[size_t(row)])
            next.push_back(row);
    }
    m_changedMeanwhile.clear();
    if (mapping.resorted)
        m_resortPending = false;

    // The same rows in another order: a layout change, and the selection follows its rows. Other rows:
    // a reset. A layout change that also drops or adds rows would stretch a selection's corners over
    // rows the agent never chose (QItemSelectionModel keeps ranges, not rows), and a revoke acts on it.
    bool sameRows = next.size() == m_shown.size();
    for (size_t k = 0; sameRows && k < next.size(); ++k)
        sameRows = size_t(next[k]) < m_proxyOf.size() && m_proxyOf[size_t(next[k])] >= 0;
    if (!sameRows) {
        beginResetModel();
        m_order = std::move(mapping.order);
        m_textOk = std::move(mapping.textOk);
        m_shown = std::move(next);
        rebuildProxyOf();
        endResetModel();
        Q_EMIT settled();
        return;
    }
    // Views take their persistent indexes when told the layout is about to change: collected after that.
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QList<int> sourceRows;
    sourceRows.reserve(before.size());
    for (const QModelIndex &index : before)
        sourceRows << (index.row() >= 0 && index.row() < int(m_shown.size()) ? m_shown[size_t(index.row())] : -1);
    m_order = std::move(mapping.order);
    m_textOk = std::move(mapping.textOk);
    m_shown = std::move(next);
    rebuildProxyOf();
    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype k = 0; k < before.size(); ++k) {
        const int source = sourceRows.at(k);
        const int proxy = source >= 0 && source < int(m_proxyOf.size()) ? m_proxyOf[size_t(source)] : -1;
        after << (proxy >= 0 ? index(proxy, before.at(k).column()) : QModelIndex());
    }
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    Q_EMIT settled();
}

// --- following the source ----------------------------------------------------------------------

} // namespace InviteDesk
