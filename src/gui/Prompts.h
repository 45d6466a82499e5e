#pragma once

#include "core/api/ClerkTypes.h"
#include "gui/session/Profiles.h"
#include "gui/session/Session.h"

#include <QtWidgets/QMessageBox>

QT_BEGIN_NAMESPACE
class QWidget;
QT_END_NAMESPACE

namespace InviteDesk {

/*!
 * Every question the window and its controllers ask a person, in one place: confirm a revoke,
 * re-invite, edit a profile, yes/no questions, warnings, where to save a file. The window uses
 * DialogPrompts (the real dialogs); widget tests give a scripted implementation, so every dialog
 * path has a test.
 */
class Prompts
{
public:
    virtual ~Prompts() = default;

    struct RevokeRequest
    {
        Session::Badge badge = Session::Badge::None;
        QString scope;            //!< "in Acme (acme)", "of ada@example.com, in every organization"
        QString confirmationText; //!< what must be typed for a large revoke on a production key
        QStringList lines;        //!< one per invitation; where organizations vary, grouped under a heading for each
        int count = 0;            //!< how many invitations (the lines may hold headings)
        int undoSeconds = 0;      //!< how long the agent can still undo after confirming (0: not at all)
    };
    struct RevokeAnswer
    {
        bool confirmed = false;
        QString ticket;
    };
    virtual RevokeAnswer confirmRevoke(QWidget *parent, const RevokeRequest &request) = 0;

    struct ReinviteAnswer
    {
        bool confirmed = false;
        bool notify = true;
        int expiresInDays = 30;
    };
    virtual ReinviteAnswer confirmReinvite(QWidget *parent, Session::Badge badge, const Invitation &previous,
                                           const QString &organizationName) = 0;

    struct ProfileAnswer
    {
        bool accepted = false;
        ConnectionProfile profile;
        QString secretKey; //!< empty: keep the stored one
        QString teamAuditPassword; //!< empty: keep the stored one
    };
    /*! \a note explains why it is asked (no key stored yet, no keychain). */
    virtual ProfileAnswer editProfile(QWidget *parent, const ConnectionProfile &profile, bool isNew, SecretStore::Kept keyKept,
                                      const QString &note) = 0;

    struct ProxyAnswer
    {
        bool accepted = false;
        QString user;
        QString password;
    };
    /*! \a why: the proxy's refusal, as the error said it. */
    virtual ProxyAnswer askProxyCredentials(QWidget *parent, const QString &why) = 0;

    virtual QMessageBox::StandardButton ask(QWidget *parent, const QString &title, const QString &text,
                                            QMessageBox::StandardButtons buttons,
                                            QMessageBox::StandardButton defaultButton) = 0;
    virtual void warn(QWidget *parent, const QString &title, const QString &text) = 0;
    /*! Empty when the person cancels. */
    virtual QString saveFileName(QWidget *parent, const QString &title, const QString &suggested,
                                 const QString &filter) = 0;
};

} // namespace InviteDesk
