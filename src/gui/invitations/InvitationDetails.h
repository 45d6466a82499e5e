#pragma once

#include "core/api/ClerkTypes.h"
#include "core/api/Result.h"

#include <QtWidgets/QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QTextBrowser;
QT_END_NAMESPACE

namespace InviteDesk {

/*!
 * Everything about one invitation, for the agent who needs more than a row: exact times (local and UTC),
 * who invited, the link, the public metadata, the last revoke's result with Clerk's trace ID, and the
 * invitation's own history in the local audit log (read off the GUI thread). Read-only text a keyboard
 * and a screen reader can walk.
 */
class InvitationDetails : public QWidget
{
    Q_OBJECT

public:
    explicit InvitationDetails(QWidget *parent = nullptr);
    ~InvitationDetails() override;

    /*!
     * Shows \a invitation; \a status is the row's status as the table says it, \a message the row's
     * reason (a failure with its trace ID). The history comes from the audit log at \a auditLogPath.
     */
    void present(const Invitation &invitation, const QString &status, const QString &message,
                 const QString &auditLogPath);
    /*!
     * What wholeInvitationWanted() asked for: the invitation \a invitationId read again (or why it could
     * not be). Ignored when another invitation is shown by now.
     */
    void presentRead(const QString &invitationId, const Result<Invitation> &read);
    /*! No invitation is current. */
    void clear();
    /*! What the pane says, its heading (the whole address) first. */
    QString text() const;

Q_SIGNALS:
    /*!
     * The invitation shown came from a list that kept too little of its metadata (Invitation::metadataCut):
     * whoever can, reads it again and hands it to presentRead(). Asked once per invitation shown.
     */
    void wholeInvitationWanted(const InviteDesk::Invitation &invitation);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void render();
    /*! The address atop the pane, elided to its width; the whole of it in the tooltip and accessible name. */
    void showTitle();
    /*! The title's text: the address elided in the middle to the title's width. */
    void elideTitle();

    QLabel *m_title;
    QTextBrowser *m_text;
    Invitation m_invitation;
    QString m_status;
    QString m_message;
    QString m_history; //!< HTML, or empty while it is read
    std::optional<QJsonObject> m_wholeMetadata; //!< for a cut invitation: its metadata, once read again
    QString m_wholeUnreadable;                  //!< for a cut invitation: why it could not be read again
    QString m_wantedWhole;                      //!< the ID asked for by wholeInvitationWanted()
    quint64 m_generation = 0; //!< the latest history read; an older one finishing late is dropped
};

} // namespace InviteDesk
