#include "gui/InvitationTableModel.h"

#include "core/util/TextOutput.h"

#include "gui/TimeFormat.h"

#include <QtCore/QDateTime>
#include <QtCore/QSet>
#include <QtGui/QColor>
#include <QtGui/QFont>
#include <QtGui/QFontDatabase>
#include <QtGui/QGuiApplication>
#include <QtGui/QIcon>
#include <QtGui/QPalette>

#include <limits>

using namespace Qt::StringLiterals;

namespace InviteDesk {

namespace {
constexpr qint64 dayMs = 24LL * 3600 * 1000;

bool darkPalette()
{
    const QPalette palette = QGuiApplication::palette();
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
}

QColor warningColor()
{
    return darkPalette() ? QColor(0xff, 0xb7, 0x4d) : QColor(0xb2, 0x5e, 0x00);
}

QColor errorColor()
{
    return darkPalette() ? QColor(0xef, 0x6c, 0x6c) : QColor(0xc6, 0x28, 0x28);
}

QColor successColor()
{
    return darkPalette() ? QColor(0x81, 0xc7, 0x84) : QColor(0x2e, 0x7d, 0x32);
}

QString statusName(InvitationStatus status, const QString &raw)
{
    switch (status) {
    case InvitationStatus::Pending: return InvitationTableModel::tr("Pending");
    case InvitationStatus::Accepted: return InvitationTableModel::tr("Accepted");
    case InvitationStatus::Revoked: return InvitationTableModel::tr("Revoked");
    case InvitationStatus::Expired: return InvitationTableModel::tr("Expired");
    case InvitationStatus::Unknown: break;
    }
    return raw.isEmpty() ? InvitationTableModel::tr("Unknown") : raw;
}
} // namespace

InvitationTableModel::InvitationTableModel(QObject *parent)
    : QAbstractTableModel(parent), m_now(QDateTime::currentMSecsSinceEpoch())
{
}

int InvitationTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int InvitationTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QHash<int, QByteArray> InvitationTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(InvitationIdRole, "invitationId");
    names.insert(SortRole, "sortValue");
    names.insert(RowStateRole, "rowState");
    names.insert(StatusRole, "status");
    names.insert(ExpiresAtRole, "expiresAt");
    names.insert(EmailRole, "email");
    names.insert(UrlRole, "url");
    return names;
}

QVariant InvitationTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Email: return tr("Email");
    case Organization: return tr("Organization");
    case Role: return tr("Role");
    case Status: return tr("Status");
    case Invited: return tr("Invited");
    case Expires: return tr("Expires");
    case InvitedBy: return tr("Invited by");
    case InvitationId: return tr("Invitation ID");
    default: return {};
    }
}

QString InvitationTableModel::statusText(const Row &row) const
{
    switch (row.state) {
    case RowState::Queued: return tr("Queued");
    case RowState::Revoking: return tr("Revoking…");
    case RowState::Revoked: return tr("Revoked");
    case RowState::Failed: return tr("Failed");
    case RowState::Idle: break;
    }
    return statusName(row.invitation.status, row.invitation.statusText);
}

QVariant InvitationTableModel::displayData(const Row &row, int column) const
{
    const Invitation &inv = row.invitation;
    switch (column) {
    // Text from Clerk is shown with its control and invisible characters made visible.
    case Email: return printable(inv.emailAddress);
    case Organization: return printable(inv.organization ? inv.organization->name : inv.organizationId);
    case Role: return printable(inv.roleName.isEmpty() ? inv.role : inv.roleName);
    case Status: return statusText(row);
    case Invited: return TimeFormat::ago(inv.createdAt, m_now);
    case Expires: return inv.expiresAt ? TimeFormat::expiry(*inv.expiresAt, m_now) : tr("never");
    case InvitedBy: return row.inviterName.isEmpty() ? u"—"_s : printable(row.inviterName);
    case InvitationId: return printable(inv.id);
    default: return {};
    }
}

QVariant InvitationTableModel::sortData(const Row &row, int column) const
{
    const Invitation &inv = row.invitation;
    switch (column) {
    case Email: return inv.emailAddress;
    case Organization: return inv.organization ? inv.organization->name : inv.organizationId;
    case Role: return inv.roleName.isEmpty() ? inv.role : inv.roleName;
    case Status: return statusText(row);
    case Invited: return inv.createdAt;
    case Expires: return inv.expiresAt.value_or(std::numeric_limits<qint64>::max());
    case InvitedBy: return row.inviterName;
    case InvitationId: return inv.id;
    default: return {};
    }
}

InvitationTableModel::Row InvitationTableModel::makeRow(const Invitation &invitation)
{
    return Row{invitation, RowState::Idle, {}, invitation.inviterDisplay()};
}

int InvitationTableModel::statusKeyAt(int row) const
{
    const Row &r = m_rows.at(row);
    return r.state == RowState::Idle ? int(r.invitation.status) : 100 + int(r.state);
}

QVariant InvitationTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const Invitation &inv = row.invitation;
    const int column = index.column();

    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, column);
    case SortRole:
        return sortData(row, column);
    case InvitationIdRole:
        return inv.id;
    case EmailRole:
        return inv.emailAddress;
    case UrlRole:
        return inv.url;
    case RowStateRole:
        return int(row.state);
    case StatusRole:
        return int(inv.status);
    case ExpiresAtRole:
        return inv.expiresAt ? QVariant(*inv.expiresAt) : QVariant();
    case Qt::ToolTipRole:
        switch (column) {
        case Status:
            if (!row.message.isEmpty())
                return row.message;
            return inv.statusText;
        case Invited:
            return TimeFormat::exact(inv.createdAt);
        case Expires:
            return inv.expiresAt ? TimeFormat::exact(*inv.expiresAt) : QVariant();
        case Role:
            return inv.role;
        case Organization:
            return inv.organization ? u"%1 · %2"_s.arg(inv.organization->slug, inv.organizationId) : inv.organizationId;
        case InvitedBy:
            if (inv.inviter)
                return inv.inviter->identifier;
            return inv.inviterId.isEmpty() ? tr("Created through the API, without an inviter") : inv.inviterId;
        case Email: {
            const int copies = pendingDuplicates(index.row());
            if (copies > 1)
                return tr("%1 — invited %n times: %n pending invitations for this address", nullptr, copies)
                    .arg(inv.emailAddress);
            return inv.emailAddress;
        }
        default:
            return {};
        }
    case Qt::ForegroundRole:
        if (column == Status) {
            if (row.state == RowState::Failed)
                return errorColor();
            if (row.state == RowState::Revoked)
                return successColor();
        }
        if (column == Expires && inv.expiresAt && inv.status == InvitationStatus::Pending) {
            if (*inv.expiresAt <= m_now)
                return errorColor();
            if (*inv.expiresAt - m_now < dayMs)
                return warningColor();
        }
        return {};
    case Qt::FontRole:
        if (column == InvitationId)
            return QFontDatabase::systemFont(QFontDatabase::FixedFont);
        if (column == Expires && inv.expiresAt && inv.status == InvitationStatus::Pending
            && *inv.expiresAt - m_now < dayMs) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::DecorationRole:
        if (column == Email && pendingDuplicates(index.row()) > 1)
            return QIcon(u":/icons/duplicate.svg"_s);
        if (column != Status)
            return {};
        switch (row.state) {
        case RowState::Failed: return QIcon(u":/icons/status-failed.svg"_s);
        case RowState::Revoked: return QIcon(u":/icons/status-revoked.svg"_s);
        case RowState::Revoking:
        case RowState::Queued: return QIcon(u":/icons/status-busy.svg"_s);
        case RowState::Idle: return {};
        }
        return {};
    case Qt::AccessibleTextRole:
        if (column == Status && !row.message.isEmpty())
            return QString(statusText(row) + u": "_s + row.message);
        return displayData(row, column);
    default:
        return {};
    }
}

void InvitationTableModel::reindexFrom(int first)
{
    for (int i = first; i < m_rows.size(); ++i)
        m_rowById.insert(m_rows.at(i).invitation.id, i);
}

void InvitationTableModel::countPending(const Invitation &invitation, int delta)
{
    if (invitation.status != InvitationStatus::Pending)
        return;
    int &count = m_pendingPerEmail[emailKey(invitation.emailAddress)];
    count += delta;
    if (count <= 0)
        m_pendingPerEmail.remove(emailKey(invitation.emailAddress));
}

int InvitationTableModel::pendingDuplicates(int row) const
{
    const Invitation &inv = m_rows.at(row).invitation;
    if (inv.status != InvitationStatus::Pending)
        return 0;
    return m_pendingPerEmail.value(emailKey(inv.emailAddress), 0);
}

QStringList InvitationTableModel::olderDuplicateIds() const
{
    QHash<QString, const Invitation *> newest;
    for (const Row &row : m_rows) {
        const Invitation &inv = row.invitation;
        if (inv.status != InvitationStatus::Pending || row.state == RowState::Revoked)
            continue;
        const QString key = emailKey(inv.emailAddress);
        if (m_pendingPerEmail.value(key) < 2)
            continue;
        const Invitation *&best = newest[key];
        if (!best || inv.createdAt > best->createdAt)
            best = &inv;
    }
    QStringList older;
    for (const Row &row : m_rows) {
        const Invitation &inv = row.invitation;
        if (inv.status != InvitationStatus::Pending || row.state == RowState::Revoked)
            continue;
        const auto it = newest.constFind(emailKey(inv.emailAddress));
        if (it != newest.cend() && *it != &inv)
            older << inv.id;
    }
    return older;
}

void InvitationTableModel::reset(const QList<Invitation> &invitations)
{
    beginResetModel();
    m_rows.clear();
    m_rowById.clear();
    m_pendingPerEmail.clear();
    m_rows.reserve(invitations.size());
    for (const Invitation &inv : invitations) {
        if (m_rowById.contains(inv.id))
            continue;
        m_rowById.insert(inv.id, int(m_rows.size()));
        m_rows.append(makeRow(inv));
        countPending(inv, +1);
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
    bool newDuplicates = false;
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    for (const Invitation &inv : std::as_const(fresh)) {
        m_rowById.insert(inv.id, int(m_rows.size()));
        m_rows.append(makeRow(inv));
        countPending(inv, +1);
        newDuplicates = newDuplicates
                        || (inv.status == InvitationStatus::Pending && m_pendingPerEmail.value(emailKey(inv.emailAddress)) > 1);
    }
    endInsertRows();
    // An earlier row may have just become a duplicate: its icon changes.
    if (newDuplicates && first > 0)
        Q_EMIT dataChanged(index(0, Email), index(first - 1, Email), {Qt::DecorationRole, Qt::ToolTipRole});
}

void InvitationTableModel::remove(const QStringList &ids)
{
    QList<int> rows;
    for (const QString &id : ids) {
        const int row = m_rowById.value(id, -1);
        if (row >= 0)
            rows.append(row);
    }
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (int row : std::as_const(rows)) {
        beginRemoveRows({}, row, row);
        countPending(m_rows.at(row).invitation, -1);
        m_rowById.remove(m_rows.at(row).invitation.id);
        m_rows.removeAt(row);
        endRemoveRows();
    }
    if (!rows.isEmpty())
        reindexFrom(rows.last());
}

void InvitationTableModel::update(const Invitation &invitation)
{
    const int row = m_rowById.value(invitation.id, -1);
    if (row < 0)
        return;
    countPending(m_rows[row].invitation, -1);
    m_rows[row].invitation = invitation;
    m_rows[row].inviterName = invitation.inviterDisplay();
    countPending(invitation, +1);
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void InvitationTableModel::setRowState(const QString &id, RowState state, const QString &message)
{
    const int row = m_rowById.value(id, -1);
    if (row < 0)
        return;
    Row &r = m_rows[row];
    if (r.state == state && r.message == message)
        return;
    r.state = state;
    r.message = message;
    Q_EMIT dataChanged(index(row, Status), index(row, Status),
                       {Qt::DisplayRole, Qt::ToolTipRole, Qt::ForegroundRole, Qt::DecorationRole, SortRole,
                        RowStateRole, Qt::AccessibleTextRole});
}

InvitationTableModel::RowState InvitationTableModel::rowState(const QString &id) const
{
    const int row = m_rowById.value(id, -1);
    return row < 0 ? RowState::Idle : m_rows.at(row).state;
}

const QList<Invitation> InvitationTableModel::invitations() const
{
    QList<Invitation> list;
    list.reserve(m_rows.size());
    for (const Row &row : m_rows)
        list.append(row.invitation);
    return list;
}

void InvitationTableModel::setNow(qint64 msSinceEpoch)
{
    m_now = msSinceEpoch;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, Invited), index(int(m_rows.size()) - 1, Expires),
                           {Qt::DisplayRole, Qt::ForegroundRole, Qt::FontRole});
}

} // namespace InviteDesk
