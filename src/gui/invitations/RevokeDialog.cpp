#include "gui/invitations/RevokeDialog.h"

#include "core/domain/Confirmation.h"

#include "gui/session/EnvironmentStyle.h"
#include "ui_RevokeDialog.h"

#include <QtWidgets/QPushButton>

using namespace Qt::StringLiterals;

namespace InviteDesk {

namespace {
QString describe(const Organization &organization)
{
    return organization.slug.isEmpty() ? organization.name : u"%1 (%2)"_s.arg(organization.name, organization.slug);
}
} // namespace

RevokeDialog::RevokeDialog(Session::Badge badge, const Organization &organization, const QStringList &emails,
                           QWidget *parent)
    : RevokeDialog(badge, tr("in %1").arg(describe(organization)), Confirmation::handleFor(organization), emails, parent)
{
}

RevokeDialog::RevokeDialog(Session::Badge badge, const QString &scope, const QString &confirmationText,
                           const QStringList &emails, QWidget *parent, int invitations)
    : QDialog(parent), m_ui(std::make_unique<Ui::RevokeDialog>())
{
    m_ui->setupUi(this);
    const int count = invitations > 0 ? invitations : int(emails.size());
    setWindowTitle(tr("Revoke %Ln invitation(s)", nullptr, count));

    EnvironmentStyle::applyBanner(m_ui->environmentBanner, badge);
    if (badge == Session::Badge::Live)
        m_ui->environmentBanner->setText(tr("LIVE · PRODUCTION INSTANCE — real users are affected"));

    m_ui->summaryLabel->setText(tr("Revoke %Ln invitation(s) %1?", nullptr, count).arg(scope));
    QFont bigger = m_ui->summaryLabel->font();
    bigger.setPointSizeF(bigger.pointSizeF() * 1.15);
    bigger.setBold(true);
    m_ui->summaryLabel->setFont(bigger);
    m_ui->emailList->setPlainText(emails.join(u'\n'));
    m_ui->emailList->setMaximumHeight(count <= 3 ? 80 : 240);

    m_expected = confirmationText;
    m_needsTyping = Confirmation::needsTypedHandle(badge == Session::Badge::Live, count);
    m_ui->confirmLabel->setVisible(m_needsTyping);
    m_ui->confirmEdit->setVisible(m_needsTyping);
    if (m_needsTyping) {
        m_ui->confirmLabel->setText(tr("Type <b>%1</b> to confirm:").arg(m_expected.toHtmlEscaped()));
        m_ui->confirmEdit->setPlaceholderText(m_expected);
    }

    m_revokeButton = m_ui->buttonBox->addButton(tr("&Revoke %Ln Invitation(s)", nullptr, count),
                                                QDialogButtonBox::AcceptRole);
    m_revokeButton->setObjectName(u"revokeButton"_s);
    m_revokeButton->setAutoDefault(false);
    m_revokeButton->setDefault(false);
    if (QPushButton *cancel = m_ui->buttonBox->button(QDialogButtonBox::Cancel)) {
        cancel->setDefault(true);
        cancel->setFocus();
    }
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->confirmEdit, &QLineEdit::textChanged, this, &RevokeDialog::updateButton);
    updateButton();
}

RevokeDialog::~RevokeDialog() = default;

QString RevokeDialog::ticket() const
{
    return m_ui->ticketEdit->text().trimmed();
}

void RevokeDialog::updateButton()
{
    m_revokeButton->setEnabled(!m_needsTyping || Confirmation::confirms(m_ui->confirmEdit->text(), m_expected));
}

} // namespace InviteDesk
