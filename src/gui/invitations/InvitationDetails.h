#pragma once

#include "core/api/ClerkTypes.h"

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
    /*! No invitation is current. */
    void clear();
    /*! What the pane says, its heading (the whole address) first. */
    QString text() const;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void render();
    /*! The address atop the pane, elided to its width; the whole of it in the tooltip and accessible name. */
    void showTitle();

    QLabel *m_title;
    QTextBrowser *m_text;
    Invitation m_invitation;
    QString m_status;
    QString m_message;
    QString m_history; //!< HTML, or empty while it is read
    quint64 m_generation = 0; //!< the latest history read; an older one finishing late is dropped
};

} // namespace InviteDesk
