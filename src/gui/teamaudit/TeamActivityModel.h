#pragma once

#include "core/audit/TeamAudit.h"

#include <QtCore/QAbstractTableModel>

namespace InviteDesk {

/*!
 * The team store's records as the Team activity panel shows them, in the order asked for (newest
 * first). The agent column names the account a record names and the database role that sent it;
 * Attention says when they disagree with the history's owner. Times are local, and the header says
 * which zone.
 */
class TeamActivityModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Time, Agent, What, Organization, Email, Invitation, Ticket, Attention, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    void clear();
    void append(const QList<TeamActivityRow> &rows);
    const QList<TeamActivityRow> &rows() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /*! What a record says happened, for people. */
    static QString describe(const TeamActivityRow &row);

    /*! The rows as CSV, every field exact (the CLI's `audit team --format csv` columns). */
    QByteArray toCsv() const;

private:
    QList<TeamActivityRow> m_rows;
};

} // namespace InviteDesk
