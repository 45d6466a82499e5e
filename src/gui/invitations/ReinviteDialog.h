#pragma once

#include "core/api/ClerkTypes.h"
#include "gui/session/Session.h"

#include <QtWidgets/QDialog>

#include <memory>

QT_BEGIN_NAMESPACE
class QPushButton;
namespace Ui {
class ReinviteDialog;
}
QT_END_NAMESPACE

namespace InviteDesk {

/*!
 * Asks how to invite someone again whose invitation was revoked or expired:
 * a new invitation with the same email, role and public metadata; whether
 * Clerk sends the email (notify) and in how many days it expires. It says
 * plainly that this is a new invitation.
 */
class ReinviteDialog : public QDialog
{
    Q_OBJECT

public:
    ReinviteDialog(Session::Badge badge, const Invitation &invitation, const QString &organizationName,
                   QWidget *parent = nullptr);
    ~ReinviteDialog() override;

    bool notify() const;
    int expiresInDays() const;
    QPushButton *inviteButton() const { return m_inviteButton; }

private:
    std::unique_ptr<Ui::ReinviteDialog> m_ui;
    QPushButton *m_inviteButton = nullptr;
};

} // namespace InviteDesk
