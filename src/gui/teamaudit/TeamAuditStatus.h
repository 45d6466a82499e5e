#pragma once

#include <QtWidgets/QLabel>

namespace InviteDesk {

/*!
 * The status bar's "Team audit: N records waiting": shown only while records wait for the team audit
 * database (or it refuses them), with the reason in its tooltip.
 */
class TeamAuditStatus : public QLabel
{
    Q_OBJECT

public:
    explicit TeamAuditStatus(QWidget *parent = nullptr);

    /*! Session::teamAuditChanged's arguments. */
    void showWaiting(int waiting, const QString &problem);
};

} // namespace InviteDesk
