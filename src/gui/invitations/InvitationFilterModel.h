#pragma once

#include <QtCore/QSet>
#include <QtCore/QSortFilterProxyModel>

namespace InviteDesk {

class InvitationTableModel;

/*!
 * Sorts invitations by typed values and filters them as the agent types: the
 * text matches email, role and ID, case-insensitively. A quick filter narrows
 * to invitations that expire soon, have expired, or are duplicates (several
 * pending invitations for one address); a role filter to the pending
 * invitations with one role (what keeps Clerk from deleting that role).
 */
class InvitationFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    enum class QuickFilter { Any, Within24Hours, Within7Days, Expired, Duplicates };
    Q_ENUM(QuickFilter)

    explicit InvitationFilterModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *sourceModel) override;

    void setText(const QString &text);
    QString text() const { return m_text; }
    void setQuickFilter(QuickFilter filter);
    QuickFilter quickFilter() const { return m_quickFilter; }

    /*! How many source rows each quick filter would show (with the current text). */
    int countMatching(QuickFilter filter) const;

    /*! Only pending invitations with this role key; empty for any role. */
    void setRole(const QString &roleKey);
    QString role() const { return m_role; }
    struct RoleCount
    {
        QString key;
        QString name;
        int pending = 0;
    };
    /*! The roles of the pending invitations loaded, by name, with how many hold each. */
    QList<RoleCount> pendingRoles() const;

    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    bool matches(int sourceRow, QuickFilter filter) const;
    bool matchesText(int sourceRow) const;
    void pinRevokedRows(const QModelIndex &topLeft, const QModelIndex &bottomRight);

    InvitationTableModel *m_invitations = nullptr;
    QString m_text;
    QuickFilter m_quickFilter = QuickFilter::Any;
    QString m_role;
    QSet<QString> m_pinned; //!< rows revoked while shown under the current quick or role filter
};

} // namespace InviteDesk
