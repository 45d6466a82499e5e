#pragma once

#include "core/audit/TeamAuditSender.h"

#include <QtWidgets/QLabel>

namespace InviteDesk {

/*!
 * The status bar's word on the team audit store: hidden while every record has gone out; "Team audit:
 * N records waiting" while the store is away (the reason in the tooltip); "Team audit BLOCKED" when the
 * store refuses this log's records until someone looks (a diverged chain, records the store lost), and
 * a word when the sending role could change history. The two that need a person are also handed to
 * the window's message bar (needsAttention), once each time they begin.
 */
class TeamAuditStatus : public QLabel
{
    Q_OBJECT

public:
    explicit TeamAuditStatus(QWidget *parent = nullptr);

    /*! Session::teamAuditChanged's argument. */
    void present(const InviteDesk::TeamAuditSender::Status &status);

Q_SIGNALS:
    void needsAttention(const QString &text);

private:
    bool m_blocked = false;
    QString m_warned;
};

} // namespace InviteDesk
