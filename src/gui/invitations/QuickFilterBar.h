#pragma once

#include <QtCore/QTimer>
#include <QtWidgets/QWidget>

#include <memory>

QT_BEGIN_NAMESPACE
class QComboBox;
namespace Ui {
class QuickFilterBar;
}
QT_END_NAMESPACE

namespace InviteDesk {

class InvitationFilterModel;

/*!
 * The quick filters above the table (ui/QuickFilterBar.ui): expires within 24 h or 7 days, expired,
 * invited more than once, pending longer than N days (N beside it, remembered in Settings) and one
 * entry per role the pending invitations hold, each with its count. The choice is the filter model's;
 * the bar shows it and its counts, which it works out again once the rows pause changing.
 */
class QuickFilterBar : public QWidget
{
    Q_OBJECT

public:
    explicit QuickFilterBar(QWidget *parent = nullptr);
    ~QuickFilterBar() override;

    /*! Filters through \a proxy, and counts again when its rows or their source's change. */
    void setModel(InvitationFilterModel *proxy);
    /*! The counts may have changed (a filter typed, a load ended): worked out again once things pause. */
    void recount();
    /*! Back to no role filter (another organization has other roles). */
    void clearRoleFilter();
    QComboBox *combo() const;

private:
    void updateCounts();

    std::unique_ptr<Ui::QuickFilterBar> m_ui;
    InvitationFilterModel *m_proxy = nullptr;
    QTimer m_countsTimer;
};

} // namespace InviteDesk
