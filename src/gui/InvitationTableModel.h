#pragma once

#include "core/api/ClerkTypes.h"
#include "core/workflows/RevokeTask.h"

#include <QtCore/QAbstractTableModel>
#include <QtCore/QHash>

namespace InviteDesk {

/*!
 * The invitations of one organization, one row each.
 *
 * Display text under Qt::DisplayRole, the typed value under SortRole (the
 * proxy sorts by it), and per-row revoke state (queued, revoking, revoked,
 * failed with a reason) that overrides the Status column while a revoke runs.
 * Rows are appended a page at a time (one beginInsertRows per page);
 * changes are announced with dataChanged and the roles that changed.
 */
class InvitationTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Email, Organization, Role, Status, Invited, Expires, InvitedBy, InvitationId, ColumnCount };
    Q_ENUM(Column)

    enum ItemRole {
        InvitationIdRole = Qt::UserRole + 1,
        SortRole,
        RowStateRole,       //!< RowState as int
        StatusRole,         //!< InvitationStatus as int
        ExpiresAtRole,      //!< qint64 ms, or an invalid QVariant
        EmailRole,
        UrlRole,
        FilterTextRole,     //!< what the filter box matches: email, role, ID
    };

    enum class RowState { Idle, Queued, Revoking, Revoked, Failed };
    Q_ENUM(RowState)

    explicit InvitationTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /*! Replaces everything (a new organization or status). */
    void reset(const QList<Invitation> &invitations = {});
    /*! Adds the ones not present yet; updates the ones that are. */
    void append(const QList<Invitation> &invitations);
    void remove(const QStringList &ids);
    void update(const Invitation &invitation);

    void setRowState(const QString &id, RowState state, const QString &message = {});
    RowState rowState(const QString &id) const;

    int rowOf(const QString &id) const { return m_rowById.value(id, -1); }
    /*! Precomputed, for sorting: the inviter's display name and a status key (row state first). */
    const QString &inviterNameAt(int row) const { return m_rows.at(row).inviterName; }
    int statusKeyAt(int row) const;
    /*! How many pending invitations share this row's email address (0 if the row is not pending). */
    int pendingDuplicates(int row) const;
    /*! For every address with several pending invitations: all but the newest (the ones to revoke). */
    QStringList olderDuplicateIds() const;
    const Invitation &invitationAt(int row) const { return m_rows.at(row).invitation; }
    const QList<Invitation> invitations() const;
    /*! Fixes "now" for relative times; tests pin it, the app refreshes it every minute. */
    void setNow(qint64 msSinceEpoch);
    qint64 now() const { return m_now; }

private:
    struct Row
    {
        Invitation invitation;
        RowState state = RowState::Idle;
        QString message;
        QString inviterName; //!< invitation.inviterDisplay(), built once instead of on every comparison
    };
    static Row makeRow(const Invitation &invitation);

    QVariant displayData(const Row &row, int column) const;
    QVariant sortData(const Row &row, int column) const;
    QString statusText(const Row &row) const;
    void reindexFrom(int row);
    void countPending(const Invitation &invitation, int delta);

    static QString emailKey(const QString &email) { return email.toCaseFolded(); }

    QList<Row> m_rows;
    QHash<QString, int> m_rowById;
    QHash<QString, int> m_pendingPerEmail; //!< case-folded email -> pending invitations
    qint64 m_now = 0;
};

} // namespace InviteDesk
