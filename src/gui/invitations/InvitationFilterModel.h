#pragma once

#include <QtCore/QSortFilterProxyModel>

namespace InviteDesk {

class InvitationTableModel;

/*!
 * Sorts invitations by typed values and filters them as the agent types: the
 * text matches email, role and ID, case-insensitively. A quick filter narrows
 * to invitations that expire soon, have expired, or are duplicates (several
 * pending invitations for one address).
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

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    bool matches(int sourceRow, QuickFilter filter) const;

    InvitationTableModel *m_invitations = nullptr;
    QString m_text;
    QuickFilter m_quickFilter = QuickFilter::Any;
};

} // namespace InviteDesk
