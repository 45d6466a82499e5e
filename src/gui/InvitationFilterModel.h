#pragma once

#include <QtCore/QSortFilterProxyModel>

namespace InviteDesk {

class InvitationTableModel;

/*!
 * Sorts invitations by typed values (InvitationTableModel::SortRole) and
 * filters them as the agent types: the text matches email, role and ID,
 * case-insensitively. An expiry filter narrows to invitations that expire
 * soon or have expired.
 */
class InvitationFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    enum class Expiry { Any, Within24Hours, Within7Days, Expired };
    Q_ENUM(Expiry)

    explicit InvitationFilterModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *sourceModel) override;

    void setText(const QString &text);
    QString text() const { return m_text; }
    void setExpiry(Expiry expiry);
    Expiry expiry() const { return m_expiry; }

    /*! How many source rows each expiry filter would show (with the current text). */
    int countMatching(Expiry expiry) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    bool matches(int sourceRow, Expiry expiry) const;

    InvitationTableModel *m_invitations = nullptr;
    QString m_text;
    Expiry m_expiry = Expiry::Any;
};

} // namespace InviteDesk
