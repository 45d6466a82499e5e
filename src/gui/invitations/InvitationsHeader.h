#pragma once

#include "core/api/ClerkTypes.h"

#include <QtWidgets/QLabel>

QT_BEGIN_NAMESPACE
class QAction;
QT_END_NAMESPACE

namespace InviteDesk {

class InvitationFilterModel;
class InvitationTableModel;
class InvitationsController;

/*!
 * What the invitations page says above the table: the organization (name, slug, ID, its seats) or the
 * scope's title, the rows shown, loaded and pending, and whether the table may not hold the whole list
 * (InvitationListing::extent()). Everything it says is the controller's and the models'; it only words it.
 */
class InvitationsHeader : public QLabel
{
    Q_OBJECT

public:
    explicit InvitationsHeader(QWidget *parent = nullptr);

    /*! \a refresh names the key that reads an incomplete list again. */
    void setUp(const InvitationsController *invitations, const InvitationTableModel *model,
               const InvitationFilterModel *proxy, const QAction *refresh);
    /*! Says it all again; without the counts while \a loading (the load strip counts then). */
    void present(bool loading);
    /*! Members, pending invitations and the limit, and what keeps the organization full, if it is. */
    static QString seatsSentence(const Organization &organization);

private:
    /*! Rows shown, loaded, and pending among them. */
    QString countsText() const;
    /*! What it adds when the table may not hold the whole list; HTML. */
    QString extentText() const;

    const InvitationsController *m_invitations = nullptr;
    const InvitationTableModel *m_model = nullptr;
    const InvitationFilterModel *m_proxy = nullptr;
    const QAction *m_refresh = nullptr;
};

} // namespace InviteDesk
