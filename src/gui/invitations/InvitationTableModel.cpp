#include "gui/invitations/InvitationTableModel.h"

#include "core/util/Durations.h"
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
#include <QtGui/QTextDocument>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace InviteDesk {

namespace {

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
    return raw.isEmpty() ? InvitationTableModel::tr("Unknown") : printable(raw); // a status this version does not know, as Clerk sent it
}
} // namespace

InvitationTableModel::InvitationTableModel(QObject *parent)
    : QAbstractTableModel(parent), m_now(QDateTime::currentMSecsSinceEpoch())
{
    m_frame.setSingleShot(true);
    m_frame.setInterval(16);
    connect(&m_frame, &QTimer::timeout, this, &InvitationTableModel::flushStates);
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
    names.insert(RevokeStateRole, "revokeState");
    names.insert(StatusRole, "status");
    names.insert(ExpiresAtRole, "expiresAt");
    names.insert(EmailRole, "email");
    names.insert(UrlRole, "url");
    return names;
}

QVariant InvitationTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical && role == Qt::DisplayRole && section >= 0 && section < rowCount())
        return printable(m_rows.at(section).invitation.emailAddress); // a screen reader names a row by it, not "1"
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

QString InvitationTableModel::statusText(const Row &row)
{
    switch (row.state) {
    case RevokeState::Queued: return tr("Queued");
    case RevokeState::Revoking: return tr("Revoking…");
    case RevokeState::Revoked: return tr("Revoked");
    case RevokeState::Failed: return tr("Failed");
    case RevokeState::Idle: break;
    }
    return statusName(row.invitation.status, row.invitation.statusText);
}

QStringList InvitationTableModel::statusTexts()
{
    QStringList texts;
    for (InvitationStatus status : {InvitationStatus::Pending, InvitationStatus::Accepted, InvitationStatus::Revoked,
                                    InvitationStatus::Expired, InvitationStatus::Unknown})
        texts << statusName(status, {});
    for (RevokeState state : {RevokeState::Queued, RevokeState::Revoking, RevokeState::Revoked, RevokeState::Failed}) {
        Row row;
        row.state = state;
        texts << statusText(row);
    }
    return texts;
}

QString InvitationTableModel::organizationText(const Invitation &inv)
{
    if (inv.kind == InvitationKind::Application)
        return tr("Sign-up invitation");
    return printable(inv.organization ? inv.organization->name : inv.organizationId);
}

QVariant InvitationTableModel::displayData(const Row &row, int column) const
{
    const Invitation &inv = row.invitation;
    switch (column) {
    // Text from Clerk is shown with its control and invisible characters made visible.
    case Email: return printable(inv.emailAddress);
    case Organization: return organizationText(inv);
    case Role: return inv.kind == InvitationKind::Application ? u"—"_s : printable(inv.roleName.isEmpty() ? inv.role : inv.roleName);
    case Status: return statusText(row);
    case Invited: return TimeFormat::ago(inv.createdAt, m_now);
    case Expires:
        if (inv.status == InvitationStatus::Revoked || inv.status == InvitationStatus::Accepted || row.state == RevokeState::Revoked)
            return u"—"_s; // it no longer expires: "in 29 days" would say it still could be used
        return inv.expiresAt ? TimeFormat::expiry(*inv.expiresAt, m_now) : tr("never");
    case InvitedBy: return row.inviterName.isEmpty() ? u"—"_s : printable(row.inviterName);
    case InvitationId: return printable(inv.id);
    default: return {};
    }
}

InvitationTableModel::SortKey InvitationTableModel::sortKey(int rowIndex, int column) const
{
    const Row &row = m_rows.at(rowIndex);
    const Invitation &inv = row.invitation;
    switch (column) {
    case Email: return {0, inv.emailAddress, true};
    case Organization: return {0, organizationText(inv), true};
    case Role: return {0, inv.roleName.isEmpty() ? inv.role : inv.roleName, true};
    // What the Status column shows: the row's revoke state while it has one, else Clerk's status.
    case Status: return {row.state == RevokeState::Idle ? qint64(inv.status) : 100 + qint64(row.state), {}, false};
    case Invited: return {inv.createdAt, {}, false};
    case Expires: return {inv.expiresAt.value_or(std::numeric_limits<qint64>::max()), {}, false};
    case InvitedBy: return {0, row.inviterName, true};
    case InvitationId: return {0, inv.id, true};
    default: return {};
    }
}

bool InvitationTableModel::lessThan(const SortKey &left, const SortKey &right)
{
    if (left.isText)
        return left.text.compare(right.text, Qt::CaseInsensitive) < 0;
    return left.number < right.number;
}

InvitationTableModel::Row InvitationTableModel::makeRow(Invitation invitation)
{
    // Up to 100,000 rows are held: none may keep much metadata (the details pane reads more again).
    invitation.keepListedMetadataOnly();
    QString name = invitation.inviterDisplay();
    const auto known = m_inviterNames.constFind(name);
    if (known != m_inviterNames.cend())
        name = *known;
    else if (!name.isEmpty())
        m_inviterNames.insert(name);
    return Row{std::move(invitation), RevokeState::Idle, {}, std::move(name)};
}

QVariant InvitationTableModel::toolTip(const Row &row, int rowIndex, int column) const
{
    const Invitation &inv = row.invitation;
    switch (column) {
    case Status:
        return row.message.isEmpty() ? printable(inv.statusText) : row.message; // the message is escaped when made
    case Invited:
        return TimeFormat::exact(inv.createdAt);
    case Expires:
        return inv.expiresAt ? TimeFormat::exact(*inv.expiresAt) : QVariant();
    case Role:
        return printable(inv.role);
    case Organization:
        if (inv.kind == InvitationKind::Application)
            return tr("An invitation to sign up to the instance at all, in no organization");
        return printable(inv.organization ? u"%1 · %2"_s.arg(inv.organization->slug, inv.organizationId)
                                          : inv.organizationId);
    case InvitedBy:
        if (inv.inviter)
            return printable(inv.inviter->identifier);
        return inv.inviterId.isEmpty() ? tr("Created through the API, without an inviter") : printable(inv.inviterId);
    case Email: {
        const int copies = pendingDuplicates(rowIndex);
        QString tip = copies > 1 ? tr("%1 — invited %n times: %n pending invitations for this address", nullptr, copies)
                                       .arg(printable(inv.emailAddress))
                                 : printable(inv.emailAddress);
        // A look-alike (the Kelvin sign K for "k") reads as the address it imitates: its escapes say otherwise.
        if (EmailAddress::mayImitate(inv.emailAddress))
            tip += u'\n' + tr("Holds characters that may pass for others: %1").arg(printableAddress(inv.emailAddress));
        return tip;
    }
    default:
        return {};
    }
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
    case SortRole: {
        const SortKey key = sortKey(index.row(), column);
        return key.isText ? QVariant(key.text) : QVariant(key.number);
    }
    case InvitationIdRole:
        return inv.id;
    case EmailRole:
        return inv.emailAddress;
    case UrlRole:
        return QString::fromUtf8(inv.url);
    case RevokeStateRole:
        return int(row.state);
    case StatusRole:
        return int(inv.status);
    case ExpiresAtRole:
        return inv.expiresAt ? QVariant(*inv.expiresAt) : QVariant();
    case Qt::ToolTipRole: {
        // Tooltips take rich text when it looks like it: Clerk's text is shown as plain text, always.
        const QVariant tip = toolTip(row, index.row(), column);
        return tip.isValid() && Qt::mightBeRichText(tip.toString()) ? QVariant(Qt::convertFromPlainText(tip.toString())) : tip;
    }
    case Qt::ForegroundRole:
        if (column == Status) {
            if (row.state == RevokeState::Failed)
                return errorColor();
            if (row.state == RevokeState::Revoked)
                return successColor();
        }
        if (column == Expires && inv.expiresAt && inv.status == InvitationStatus::Pending) {
            if (*inv.expiresAt <= m_now)
                return errorColor();
            if (*inv.expiresAt - m_now < msPerDay)
                return warningColor();
        }
        return {};
    case Qt::FontRole:
        if (column == InvitationId)
            return QFontDatabase::systemFont(QFontDatabase::FixedFont);
        if (column == Expires && inv.expiresAt && inv.status == InvitationStatus::Pending
            && *inv.expiresAt - m_now < msPerDay) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::DecorationRole:
        if (column == Email && EmailAddress::mayImitate(inv.emailAddress))
            return QIcon(u":/icons/status-warning.svg"_s); // the tooltip says why (and any duplicates)
        if (column == Email && pendingDuplicates(index.row()) > 1)
            return QIcon(u":/icons/duplicate.svg"_s);
        if (column != Status)
            return {};
        switch (row.state) {
        case RevokeState::Failed: return QIcon(u":/icons/status-failed.svg"_s);
        case RevokeState::Revoked: return QIcon(u":/icons/status-revoked.svg"_s);
        case RevokeState::Revoking:
        case RevokeState::Queued: return QIcon(u":/icons/status-busy.svg"_s);
        case RevokeState::Idle: return {};
        }
        return {};
    case Qt::AccessibleTextRole:
        if (column == Status && !row.message.isEmpty())
            return QString(statusText(row) + u": "_s + row.message);
        if (column == Email && (pendingDuplicates(index.row()) > 1 || EmailAddress::mayImitate(inv.emailAddress)))
            return toolTip(row, index.row(), column);
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

void InvitationTableModel::addRow(const Invitation &invitation)
{
    m_rowById.insert(invitation.id, int(m_rows.size()));
    m_rows.append(makeRow(invitation));
    m_addresses[emailKey(invitation)].ids.append(invitation.id);
    if (invitation.kind == InvitationKind::Organization) // "in N organizations" counts organizations only
        ++m_organizations[invitation.organizationId];
    countPending(invitation, +1);
}

void InvitationTableModel::countPending(const Invitation &invitation, int delta)
{
    if (invitation.status != InvitationStatus::Pending)
        return;
    m_pending += delta;
    const auto it = m_addresses.find(emailKey(invitation));
    if (it != m_addresses.end())
        it->pending += delta;
}

void InvitationTableModel::announceAddress(const Invitation &invitation)
{
    const auto it = m_addresses.constFind(emailKey(invitation));
    if (it == m_addresses.cend() || it->ids.size() < 2)
        return;
    for (const QString &id : it->ids) {
        const int row = m_rowById.value(id, -1);
        if (row >= 0 && id != invitation.id)
            Q_EMIT dataChanged(index(row, Email), index(row, Email),
                               {Qt::DecorationRole, Qt::ToolTipRole, Qt::AccessibleTextRole});
    }
}

int InvitationTableModel::pendingDuplicates(int row) const
{
    const Invitation &inv = m_rows.at(row).invitation;
    if (inv.status != InvitationStatus::Pending)
        return 0;
    return m_addresses.value(emailKey(inv)).pending;
}

QStringList InvitationTableModel::olderDuplicateIds(QHash<QString, QString> *kept) const
{
    QStringList older;
    for (auto it = m_addresses.cbegin(); it != m_addresses.cend(); ++it) {
        if (it->pending < 2)
            continue;
        // Of the rows that may still be revoked, keep the newest and revoke the rest.
        QList<int> rows;
        for (const QString &id : it->ids) {
            const int row = m_rowById.value(id, -1);
            if (row >= 0 && isRevocable(row))
                rows << row;
        }
        if (rows.size() < 2)
            continue;
        const int newest = *std::max_element(rows.cbegin(), rows.cend(), [this](int a, int b) {
            return m_rows.at(a).invitation.createdAt < m_rows.at(b).invitation.createdAt;
        });
        for (int row : std::as_const(rows)) {
            if (row == newest)
                continue;
            older << m_rows.at(row).invitation.id;
            if (kept)
                kept->insert(m_rows.at(row).invitation.id, m_rows.at(newest).invitation.id);
        }
    }
    return older;
}

} // namespace InviteDesk
