#include "gui/invitations/QuickFilterBar.h"

#include "core/domain/StaleRule.h"
#include "gui/invitations/InvitationFilterModel.h"
#include "gui/session/Settings.h"
#include "ui_QuickFilterBar.h"

#include <QtCore/QLocale>
#include <QtWidgets/QAbstractItemView>

namespace InviteDesk {

QuickFilterBar::QuickFilterBar(QWidget *parent) : QWidget(parent), m_ui(std::make_unique<Ui::QuickFilterBar>())
{
    m_ui->setupUi(this);
    const int x = fontMetrics().horizontalAdvance(u'x');
    // Counts and role names make the quick filter's entries long. The combo keeps one width (a longer entry
    // is elided in it, whole in the list: ElidingComboBox), down to fourteen characters in a narrow window:
    // a width that followed the counts would lay the whole window out again each time they change, while
    // loading and revoking (~6 ms each time).
    m_ui->quickFilterCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_ui->quickFilterCombo->setMinimumContentsLength(30);
    m_ui->quickFilterCombo->setMinimumWidth(x * 14);
    m_ui->quickFilterCombo->view()->setMinimumWidth(x * 40);
    // The counts walk every row: worked out once changes pause, not on every keystroke or revoke.
    m_countsTimer.setSingleShot(true);
    m_countsTimer.setInterval(250);
    connect(&m_countsTimer, &QTimer::timeout, this, &QuickFilterBar::updateCounts);
}

QuickFilterBar::~QuickFilterBar() = default;

QComboBox *QuickFilterBar::combo() const
{
    return m_ui->quickFilterCombo;
}

void QuickFilterBar::recount()
{
    m_countsTimer.start();
}

void QuickFilterBar::setModel(InvitationFilterModel *proxy)
{
    m_proxy = proxy;
    using QuickFilter = InvitationFilterModel::QuickFilter;
    m_ui->quickFilterCombo->addItem(tr("No quick filter"), int(QuickFilter::Any));
    for (QuickFilter filter : {QuickFilter::Within24Hours, QuickFilter::Within7Days, QuickFilter::Expired,
                               QuickFilter::Duplicates, QuickFilter::PendingLongerThan})
        m_ui->quickFilterCombo->addItem(QString(), int(filter));
    // The stale sweep in the window: "pending longer than N days", N the agent's, remembered; then Select All, Revoke.
    m_ui->staleDaysSpin->setSuffix(tr(" days"));
    m_ui->staleDaysSpin->setMaximum(StaleRule::mostDays); // the CLI's --older-than bound
    m_ui->staleDaysSpin->setValue(Settings::staleDays.get()); // clamped by the box
    m_proxy->setStaleDays(m_ui->staleDaysSpin->value());
    connect(m_ui->staleDaysSpin, &QSpinBox::valueChanged, this, [this](int days) {
        m_proxy->setStaleDays(days);
        Settings::staleDays.set(days);
        recount();
    });
    updateCounts();
    connect(m_ui->quickFilterCombo, &QComboBox::activated, this, [this](int index) {
        // A role entry carries the role's key; the others a QuickFilter.
        const QVariant item = m_ui->quickFilterCombo->itemData(index);
        const bool role = item.typeId() == QMetaType::QString;
        m_proxy->setRole(role ? item.toString() : QString());
        m_proxy->setQuickFilter(role ? QuickFilter::Any : QuickFilter(item.toInt()));
        m_ui->staleDaysSpin->setVisible(m_proxy->quickFilter() == QuickFilter::PendingLongerThan);
    });
    const QAbstractItemModel *rows = proxy->sourceModel();
    connect(rows, &QAbstractItemModel::dataChanged, this, &QuickFilterBar::recount); // revokes change them
    connect(rows, &QAbstractItemModel::modelReset, this, &QuickFilterBar::recount);  // a new load
    connect(proxy, &InvitationFilterModel::settled, this, &QuickFilterBar::recount); // a filter in place
}

void QuickFilterBar::clearRoleFilter()
{
    if (m_proxy->role().isEmpty())
        return;
    m_proxy->setRole({});
    m_ui->quickFilterCombo->setCurrentIndex(0);
}

void QuickFilterBar::updateCounts()
{
    using QuickFilter = InvitationFilterModel::QuickFilter;
    QComboBox *combo = m_ui->quickFilterCombo;
    auto label = [this, combo](QuickFilter e, const QString &text) {
        const int index = combo->findData(int(e));
        if (index >= 0)
            combo->setItemText(index, text.arg(QLocale().toString(m_proxy->countMatching(e))));
    };
    label(QuickFilter::Within24Hours, tr("Expires within 24 h (%1)"));
    label(QuickFilter::Within7Days, tr("Expires within 7 days (%1)"));
    label(QuickFilter::Expired, tr("Expired (%1)"));
    label(QuickFilter::Duplicates, tr("Invited more than once (%1)"));
    if (const int stale = combo->findData(int(QuickFilter::PendingLongerThan)); stale >= 0) {
        const int days = m_proxy->staleDays();
        combo->setItemText(stale, tr("Pending longer than %n day(s) (%1)", nullptr, days)
                                      .arg(QLocale().toString(m_proxy->countMatching(QuickFilter::PendingLongerThan))));
    }

    // One entry per role the pending invitations hold: a role Clerk will not delete
    // (organization_role_exists_in_invitations) is unblocked by this filter, Select All and Revoke.
    if (combo->view()->isVisible()) { // never rebuilt under the agent's pointer: after the popup closes
        recount();
        return;
    }
    for (int i = combo->count() - 1; i >= 0; --i) {
        if (combo->itemData(i).typeId() == QMetaType::QString)
            combo->removeItem(i);
    }
    for (const InvitationFilterModel::RoleCount &role : m_proxy->pendingRoles())
        combo->addItem(tr("Pending with role %1 (%2)").arg(role.name, QLocale().toString(role.pending)), role.key);
    if (!m_proxy->role().isEmpty()) {
        const int index = combo->findData(m_proxy->role());
        if (index >= 0)
            combo->setCurrentIndex(index);
        else
            clearRoleFilter(); // no pending invitation holds it any more: back to all
    }
}

} // namespace InviteDesk
