#pragma once

#include "gui/session/Session.h"

#include <QtWidgets/QDialog>

#include <memory>

QT_BEGIN_NAMESPACE
class QPushButton;
namespace Ui {
class RevokeDialog;
}
QT_END_NAMESPACE

namespace InviteDesk {

/*!
 * Asks before anything is revoked. Names the environment (a production key
 * shows an unmistakable LIVE banner), the organization and every email
 * address. With a production key and more than a handful of invitations,
 * the agent types the organization's slug before the Revoke button works.
 * Cancel is the default button.
 */
class RevokeDialog : public QDialog
{
    Q_OBJECT

public:
    /*! More than this many invitations on a production key need the slug typed. */

    RevokeDialog(Session::Badge badge, const Organization &organization, const QStringList &emails,
                 QWidget *parent = nullptr);
    /*!
     * For revokes that are not about one organization: \a scope says where ("in 4 organizations"),
     * \a confirmationText is what must be typed on a LIVE bulk revoke. \a invitations counts them when
     * \a emails holds headings too (0: one line each).
     */
    RevokeDialog(Session::Badge badge, const QString &scope, const QString &confirmationText,
                 const QStringList &emails, QWidget *parent = nullptr, int invitations = 0);
    ~RevokeDialog() override;

    QString ticket() const;
    bool needsTypedConfirmation() const { return m_needsTyping; }
    QPushButton *revokeButton() const { return m_revokeButton; }

private:
    void updateButton();

    std::unique_ptr<Ui::RevokeDialog> m_ui;
    QPushButton *m_revokeButton = nullptr;
    QString m_expected;
    bool m_needsTyping = false;
};

} // namespace InviteDesk
