#include "gui/DialogPrompts.h"

#include "gui/connection/ProfileDialog.h"
#include "gui/connection/ProxyLoginDialog.h"
#include "gui/invitations/ReinviteDialog.h"
#include "gui/invitations/RevokeDialog.h"

#include <QtWidgets/QFileDialog>

namespace InviteDesk {

Prompts::RevokeAnswer DialogPrompts::confirmRevoke(QWidget *parent, const RevokeRequest &request)
{
    RevokeDialog dialog(request, parent);
    const bool confirmed = dialog.exec() == QDialog::Accepted;
    return {confirmed, confirmed ? dialog.ticket() : QString()};
}

Prompts::ReinviteAnswer DialogPrompts::confirmReinvite(QWidget *parent, Session::Badge badge, const Invitation &previous,
                                                       const QString &organizationName)
{
    ReinviteDialog dialog(badge, previous, organizationName, parent);
    const bool confirmed = dialog.exec() == QDialog::Accepted;
    return {confirmed, dialog.notify(), dialog.expiresInDays()};
}

Prompts::ProfileAnswer DialogPrompts::editProfile(QWidget *parent, const ConnectionProfile &profile, bool isNew,
                                                  SecretStore::Kept keyKept, const QString &note)
{
    ProfileDialog dialog(profile, keyKept, parent);
    dialog.setWindowTitle(isNew ? ProfileDialog::tr("New connection profile") : ProfileDialog::tr("Edit connection profile"));
    if (!note.isEmpty())
        dialog.setKeychainNote(note);
    if (dialog.exec() != QDialog::Accepted)
        return {};
    return {true, dialog.profile(), dialog.secretKey(), dialog.teamAuditPassword()};
}

Prompts::ProxyAnswer DialogPrompts::askProxyCredentials(QWidget *parent, const QString &why)
{
    ProxyLoginDialog dialog(why, parent);
    if (dialog.exec() != QDialog::Accepted)
        return {};
    return {true, dialog.user(), dialog.password()};
}

QMessageBox::StandardButton DialogPrompts::ask(QWidget *parent, const QString &title, const QString &text,
                                               QMessageBox::StandardButtons buttons,
                                               QMessageBox::StandardButton defaultButton)
{
    return QMessageBox::question(parent, title, text, buttons, defaultButton);
}

void DialogPrompts::warn(QWidget *parent, const QString &title, const QString &text)
{
    QMessageBox::warning(parent, title, text);
}

QString DialogPrompts::saveFileName(QWidget *parent, const QString &title, const QString &suggested, const QString &filter)
{
    return QFileDialog::getSaveFileName(parent, title, suggested, filter);
}

} // namespace InviteDesk
