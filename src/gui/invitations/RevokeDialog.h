#pragma once

#include "gui/Prompts.h"

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
 * Cancel is the default button. It fits the screen it opens on: the list gives way first.
 */
class RevokeDialog : public QDialog
{
    Q_OBJECT

public:
    /*!
     * Asks about \a request: its scope says where ("in Acme (acme)", "in 4 organizations"), its
     * confirmationText is what must be typed on a LIVE bulk revoke, its lines list the invitations (with
     * headings where organizations vary).
     */
    explicit RevokeDialog(const Prompts::RevokeRequest &request, QWidget *parent = nullptr);
    ~RevokeDialog() override;

    QString ticket() const;
    bool needsTypedConfirmation() const { return m_needsTyping; }
    QPushButton *revokeButton() const { return m_revokeButton; }

private:
    void updateButton();
    void fitToScreen();

    std::unique_ptr<Ui::RevokeDialog> m_ui;
    QPushButton *m_revokeButton = nullptr;
    QString m_expected;
    bool m_needsTyping = false;
};

} // namespace InviteDesk
