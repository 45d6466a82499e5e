#pragma once

// Prompts for widget tests: each question is answered by a function the test sets, and recorded.

#include "gui/DialogPrompts.h"

#include <functional>

namespace InviteDesk::Testing {

class ScriptedPrompts final : public Prompts
{
public:
    std::function<RevokeAnswer(const RevokeRequest &)> onConfirmRevoke = [](const RevokeRequest &) {
        return RevokeAnswer{false, {}};
    };
    std::function<ReinviteAnswer(const Invitation &)> onConfirmReinvite = [](const Invitation &) {
        return ReinviteAnswer{false, true, 30};
    };
    std::function<ProfileAnswer(const ConnectionProfile &, bool isNew, const QString &note)> onEditProfile =
        [](const ConnectionProfile &, bool, const QString &) { return ProfileAnswer{}; };
    std::function<QMessageBox::StandardButton(const QString &text)> onAsk = [](const QString &) {
        return QMessageBox::Cancel;
    };
    std::function<ProxyAnswer(const QString &why)> onProxyCredentials = [](const QString &) { return ProxyAnswer{}; };
    std::function<QString(const QString &suggested)> onSaveFileName = [](const QString &) { return QString(); };

    /*! Shows the real revoke dialog instead (keyboard tests drive it). */
    bool realRevokeDialog = false;

    QStringList asked;   //!< every ask() text, in order
    QStringList warned;  //!< every warn() text
    int revokeQuestions = 0;
    SecretStore::Kept keyKept = SecretStore::Kept::Nowhere; //!< where editProfile() was told the key is

    RevokeAnswer confirmRevoke(QWidget *parent, const RevokeRequest &request) override
    {
        ++revokeQuestions;
        return realRevokeDialog ? DialogPrompts().confirmRevoke(parent, request) : onConfirmRevoke(request);
    }
    ReinviteAnswer confirmReinvite(QWidget *, Session::Badge, const Invitation &previous, const QString &) override
    {
        return onConfirmReinvite(previous);
    }
    ProfileAnswer editProfile(QWidget *, const ConnectionProfile &profile, bool isNew, SecretStore::Kept kept,
                              const QString &note) override
    {
        keyKept = kept;
        return onEditProfile(profile, isNew, note);
    }
    ProxyAnswer askProxyCredentials(QWidget *, const QString &why) override { return onProxyCredentials(why); }
    QMessageBox::StandardButton ask(QWidget *, const QString &, const QString &text, QMessageBox::StandardButtons,
                                    QMessageBox::StandardButton) override
    {
        asked << text;
        return onAsk(text);
    }
    void warn(QWidget *, const QString &, const QString &text) override { warned << text; }
    QString saveFileName(QWidget *, const QString &, const QString &suggested, const QString &) override
    {
        return onSaveFileName(suggested);
    }

    /*! Confirms every revoke with \a ticket. */
    void confirmAll(const QString &ticket = {})
    {
        onConfirmRevoke = [ticket](const RevokeRequest &) { return RevokeAnswer{true, ticket}; };
    }
};

} // namespace InviteDesk::Testing
