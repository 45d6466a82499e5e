#pragma once

#include "gui/Prompts.h"

namespace InviteDesk {

/*! The real dialogs. */
class DialogPrompts final : public Prompts
{
public:
    RevokeAnswer confirmRevoke(QWidget *parent, const RevokeRequest &request) override;
    ReinviteAnswer confirmReinvite(QWidget *parent, Session::Badge badge, const Invitation &previous,
                                   const QString &organizationName) override;
    ProfileAnswer editProfile(QWidget *parent, const ConnectionProfile &profile, bool isNew, SecretStore::Kept keyKept,
                              const QString &note) override;
    ProxyAnswer askProxyCredentials(QWidget *parent, const QString &why) override;
    QMessageBox::StandardButton ask(QWidget *parent, const QString &title, const QString &text,
                                    QMessageBox::StandardButtons buttons,
                                    QMessageBox::StandardButton defaultButton) override;
    void warn(QWidget *parent, const QString &title, const QString &text) override;
    QString saveFileName(QWidget *parent, const QString &title, const QString &suggested, const QString &filter) override;
};

} // namespace InviteDesk
