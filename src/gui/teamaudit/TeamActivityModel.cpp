#include "gui/teamaudit/TeamActivityModel.h"

#include "core/util/Csv.h"
#include "core/util/TextOutput.h"

#include <QtCore/QLocale>
#include <QtCore/QTimeZone>

using namespace Qt::StringLiterals;

namespace InviteDesk {

void TeamActivityModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

void TeamActivityModel::append(const QList<TeamActivityRow> &rows)
{
    if (rows.isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + rows.size() - 1));
    m_rows += rows;
    endInsertRows();
}

int TeamActivityModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TeamActivityModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TeamActivityModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const TeamActivityRow &r = m_rows.at(index.row());
    if (role == Qt::ToolTipRole && index.column() == Agent && !r.sentBy.isEmpty())
        return tr("%1, as the record names the account; sent by the database role %2")
            .arg(printable(r.operatorName), printable(r.sentBy));
    if (role == Qt::ToolTipRole && index.column() == Time)
        return r.at.toString(Qt::ISODateWithMs);
    if (role == Qt::ToolTipRole && index.column() == Attention && !r.flag.isEmpty())
        return printable(r.flag);
    if (role != Qt::DisplayRole)
        return {};
    // Names come from other agents' machines: shown escaped, never as control codes.
    switch (index.column()) {
    case Time: return QLocale().toString(r.at.toLocalTime(), QLocale::ShortFormat);
    case Agent:
        return r.sentBy.isEmpty() ? printable(r.operatorName)
                                  : tr("%1 (%2)").arg(printable(r.operatorName), printable(r.sentBy));
    case What: return describe(r);
    case Organization: return printable(r.organizationName.isEmpty() ? r.organizationId : r.organizationName);
    case Email: return printable(r.email);
    case Invitation: return printable(r.invitationId);
    case Ticket: return printable(r.ticket);
    case Attention: return printable(r.flag);
    }
    return {};
}

QString TeamActivityModel::describe(const TeamActivityRow &row)
{
    // The outcome as the log names it ("already_revoked"), for people ("already revoked").
    const QString outcome = printable(QString(row.outcome).replace(u'_', u' '));
    if (row.event == "intent"_L1)
        return tr("About to revoke");
    if (row.event == "outcome"_L1 && row.isConfirmedRevoke())
        return tr("Revoked");
    if (row.event == "outcome"_L1 && row.outcome == "revoked_unattributed"_L1)
        return tr("Revoked, by this agent or another (answer lost)");
    if (row.event == "outcome"_L1)
        return tr("Revoke: %1").arg(outcome);
    if (row.event == "reinvite_intent"_L1)
        return tr("About to re-invite");
    if (row.event == "reinvite_outcome"_L1)
        return tr("Re-invite: %1").arg(outcome);
    if (row.event == "reconciled"_L1)
        return tr("Settled after an interruption: %1").arg(outcome);
    return printable(row.outcome.isEmpty() ? row.event : row.event + u' ' + row.outcome);
}

QVariant TeamActivityModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time: {
        // Local times, labelled with their zone ("Time (CET)"), as the tooltip gives UTC.
        const QDateTime now = QDateTime::currentDateTime();
        return tr("Time (%1)").arg(now.timeZone().displayName(now, QTimeZone::ShortName));
    }
    case Agent: return tr("Agent");
    case What: return tr("What");
    case Organization: return tr("Organization");
    case Email: return tr("Email");
    case Invitation: return tr("Invitation");
    case Ticket: return tr("Ticket");
    case Attention: return tr("Attention");
    }
    return {};
}

QByteArray TeamActivityModel::toCsv() const
{
    QByteArray out = Csv::row(TeamActivityRow::fieldNames()).toUtf8();
    for (const TeamActivityRow &r : m_rows)
        out += Csv::row(r.fields()).toUtf8();
    return out;
}

} // namespace InviteDesk
