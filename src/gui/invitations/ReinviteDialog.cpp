#include "gui/invitations/ReinviteDialog.h"

#include "gui/session/EnvironmentStyle.h"
#include "ui_ReinviteDialog.h"

#include <QtCore/QJsonDocument>
#include <QtWidgets/QPushButton>

using namespace Qt::StringLiterals;

namespace InviteDesk {

ReinviteDialog::ReinviteDialog(Session::Badge badge, const Invitation &invitation, const QString &organizationName,
                               QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::ReinviteDialog>())
{
    m_ui->setupUi(this);
    EnvironmentStyle::applyBanner(m_ui->environmentBanner, badge);
    m_ui->environmentBanner->setVisible(badge == Session::Badge::Live);
    const QString was = invitation.status == InvitationStatus::Expired ? tr("expired") : tr("revoked");
    m_ui->explanationLabel->setText(
        tr("This creates a <b>new invitation</b> to %1 with the same email, role and public metadata. "
           "The old invitation stays %2.")
            .arg(organizationName.toHtmlEscaped(), was));
    m_ui->emailValue->setText(invitation.emailAddress);
    m_ui->roleValue->setText(invitation.roleName.isEmpty() ? invitation.role
                                                           : u"%1 (%2)"_s.arg(invitation.roleName, invitation.role));
    if (invitation.metadataCut) // the list kept too little of it: RevokeRun reads it again and copies it whole
        m_ui->metadataValue->setText(tr("more than %1 KiB, read again from Clerk and copied whole")
                                         .arg(Invitation::listedMetadataBytes / 1024));
    else
        m_ui->metadataValue->setText(invitation.publicMetadata.isEmpty()
                                         ? tr("none")
                                         : QString::fromUtf8(QJsonDocument(invitation.publicMetadata).toJson(QJsonDocument::Compact)));
    m_inviteButton = m_ui->buttonBox->addButton(tr("Create &Invitation"), QDialogButtonBox::AcceptRole);
    m_inviteButton->setObjectName(u"inviteButton"_s);
    m_ui->buttonBox->button(QDialogButtonBox::Cancel)->setText(tr("&Cancel"));
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_ui->expirySpin->setFocus();
}

ReinviteDialog::~ReinviteDialog() = default;

bool ReinviteDialog::notify() const
{
    return m_ui->notifyCheck->isChecked();
}

int ReinviteDialog::expiresInDays() const
{
    return m_ui->expirySpin->value();
}

} // namespace InviteDesk
