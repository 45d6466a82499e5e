#pragma once

#include "core/domain/EmailAddress.h"
#include "core/domain/Revocation.h"

#include <QtCore/QAbstractTableModel>
#include <QtCore/QTimer>
#include <QtCore/QHash>
#include <QtCore/QSet>

#include <utility>
#include <QtCore/QStringView>

namespace InviteDesk {

/*!
 * The invitations the window shows, one row each, and the one owner of each row's revoke state.
 *
 * Display text under Qt::DisplayRole; the typed sort key under SortRole (sortKey(), the only
 * definition of how a column sorts; the proxy compares the same keys). A row's revoke state (queued,
 * revoking, revoked, failed with a reason) is changed only by markQueued(), markRevoking(), markIdle()
 * and applyResult(); whether a row may be revoked is isRevocable(), which asks the domain rule.
 * Rows arrive a page at a time (one beginInsertRows per page); changes are announced with
 * dataChanged and the roles that changed.
 */
class InvitationTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    /*!
     * Organization is last: a view of one organization leaves it out (InvitationFilterModel), and no
     * other column moves then. The table shows it second.
     */
    enum Column { Email, Role, Status, Invited, Expires, InvitedBy, InvitationId, Organization, ColumnCount };
    Q_ENUM(Column)

    enum ItemRole {
        InvitationIdRole = Qt::UserRole + 1,
        SortRole,        //!< QString or qint64: what the column sorts by
        RevokeStateRole, //!< RevokeState as int
        StatusRole,      //!< InvitationStatus as int
        ExpiresAtRole,   //!< qint64 ms, or an invalid QVariant
        EmailRole,       //!< the exact address (not escaped for display)
        UrlRole,
    };

    /*!
     * A column's sort value: a number, or text compared case-insensitively. The text is the model's own
     * string, shared (no copy of the characters), so a key may be sorted on another thread.
     */
    struct SortKey
    {
        qint64 number = 0;
        QString text;
        bool isText = false;
    };

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
    /*!
     * Makes room for \a rows in all (a load's total): the indexes then never rehash mid-load, which at
     * 100,000 rows is a visible stall. A hint: capped, so a lying total cannot make it allocate much.
     */
    void reserve(qint64 rows);
    void remove(const QStringList &ids);
    void update(const Invitation &invitation);

    /*! Confirmed and waiting (the undo window, or their turn); \a message explains, e.g. "Undo still takes it back". */
    void markQueued(const QList<RevokeItem> &items, const QString &message = {});
    void markRevoking(const QString &id);
    /*! Back to not being part of a run (undone). */
    void markIdle(const QList<RevokeItem> &items);
    /*! A revoke ended: the row's state, its reason, and the invitation as Clerk last reported it. */
    void applyResult(const QString &id, const RevokeResult &result);
    RevokeState revokeState(const QString &id) const;
    RevokeState revokeStateAt(int row) const { return m_rows.at(row).state; }
    /*! The row's status as the Status column says it, and its reason (a failure with Clerk's trace ID). */
    QString statusAt(int row) const { return statusText(m_rows.at(row)); }
    QString messageAt(int row) const { return m_rows.at(row).message; }
    /*! isRevocable() of the domain rules, for this row. */
    bool isRevocable(int row) const;
    bool isReinvitable(int row) const;

    int rowOf(const QString &id) const { return m_rowById.value(id, -1); }
    const Invitation &invitationAt(int row) const { return m_rows.at(row).invitation; }
    SortKey sortKey(int row, int column) const;
    static bool lessThan(const SortKey &left, const SortKey &right);
    /*! Every text the Status column can show, in the current language (what sizes the column). */
    static QStringList statusTexts();
    /*! What the Organization column says of \a invitation: its organization's name, or that it is to sign up. */
    static QString organizationText(const Invitation &invitation);
    /*!
     * How many pending invitations share this row's email address in its organization (0 if the row is not
     * pending): an address invited to two organizations is not invited twice.
     */
    int pendingDuplicates(int row) const;
    /*!
     * For every address with several revocable pending invitations in one organization: all but the newest
     * (the ones to revoke); \a kept, if given, maps each of them to the newest one, which stays.
     */
    QStringList olderDuplicateIds(QHash<QString, QString> *kept = nullptr) const;
    /*! How many organizations the rows come from. */
    int organizationCount() const { return int(m_organizations.size()); }
    /*! How many rows are pending invitations (Clerk's status): what a seats line's "pending" counts too. */
    int pendingCount() const { return m_pending; }
    /*! Fixes "now" for relative times; tests pin it, the app refreshes it every minute. */
    void setNow(qint64 msSinceEpoch);
    qint64 now() const { return m_now; }

private:
    struct Row
    {
        Invitation invitation;
        RevokeState state = RevokeState::Idle;
        QString message;
        QString inviterName; //!< invitation.inviterDisplay(), built once instead of on every comparison
    };
    /*!
     * A row for \a invitation. Private metadata is dropped (nothing in the window shows it; at 100,000
     * rows it is ~7 MB) and the inviter's name is shared between the rows that name the same inviter.
     */
    Row makeRow(Invitation invitation);

    QVariant displayData(const Row &row, int column) const;
    QVariant toolTip(const Row &row, int index, int column) const;
    static QString statusText(const Row &row);
    void setState(int row, RevokeState state, const QString &message);
    void flushStates();
    void reindexFrom(int row);
    void addRow(const Invitation &invitation);
    /*! Counts \a invitation into (+1) or out of (-1) its address's pending count and the total. */
    void countPending(const Invitation &invitation, int delta);
    /*! The other rows of \a invitation's address show a changed duplicate mark. */
    void announceAddress(const Invitation &invitation);

    /*!
     * An address (EmailAddress::key(): ASCII case only, so a look-alike is never a duplicate) within its
     * organization. A pair, not one joined string: both parts share the invitation's own strings (an
     * address already in lower case is its own key), where a joined key cost a new string per row
     * (16 MB at 100,000 rows).
     */
    using AddressKey = std::pair<QString, QString>;
    static AddressKey emailKey(const Invitation &invitation)
    {
        return {invitation.organizationId, EmailAddress::key(invitation.emailAddress)};
    }

    /*! The rows of one address in one organization, for the duplicate marks. */
    struct Address
    {
        int pending = 0;
        QList<QString> ids;
    };

    QList<Row> m_rows;
    QHash<QString, int> m_rowById;
    QHash<AddressKey, Address> m_addresses;
    QHash<QString, int> m_organizations; //!< rows per organization ID
    QSet<QString> m_inviterNames;        //!< one copy of each inviter name the rows show
    int m_pending = 0;                   //!< rows with the status pending (countPending())
    QTimer m_frame;       //!< row states changed in this frame are told when it ends
    int m_dirtyLow = -1;  //!< the span of rows whose state changed since
    int m_dirtyHigh = -1;
    qint64 m_now = 0;
};

} // namespace InviteDesk
