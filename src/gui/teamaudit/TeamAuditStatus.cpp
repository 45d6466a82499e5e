#include "gui/teamaudit/TeamAuditStatus.h"

#include "core/util/TextOutput.h"

namespace InviteDesk {

TeamAuditStatus::TeamAuditStatus(QWidget *parent) : QLabel(parent)
{
    setAccessibleName(tr("Team audit status"));
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    hide();
}

void TeamAuditStatus::present(const TeamAuditSender::Status &status)
{
    const int waiting = int(std::min<qint64>(status.waiting, std::numeric_limits<int>::max()));
    const QString error = printable(status.error);
    if (status.blocked()) {
        setText(tr("Team audit BLOCKED: %n record(s) cannot be sent", nullptr, waiting));
        setToolTip(tr("The team audit database refuses this computer's records until its owner looks: %1. They "
                      "are kept in the local log. docs/TEAM-AUDIT.md says what to do.")
                       .arg(error));
        setStyleSheet(QStringLiteral("QLabel { font-weight: bold; color: palette(bright-text); "
                                     "background: #b00020; padding: 0 6px; }"));
    } else {
        setText(status.warning.isEmpty() || waiting > 0 || !error.isEmpty()
                    ? tr("Team audit: %n record(s) waiting", nullptr, waiting)
                    : tr("Team audit: the sending role could change history"));
        setToolTip(!status.warning.isEmpty() && waiting == 0 && error.isEmpty() ? printable(status.warning)
                   : error.isEmpty() ? tr("Being sent to the team audit database.")
                                     : tr("Kept in the local log until the team audit database takes them: %1").arg(error));
        setStyleSheet({});
    }
    setAccessibleDescription(toolTip());
    setVisible(waiting > 0 || !error.isEmpty() || status.blocked() || !status.warning.isEmpty());

    if (status.blocked() && !m_blocked)
        Q_EMIT needsAttention(tr("Team audit blocked: %1. Revokes go on and are kept in the local log; tell the "
                                 "team audit database's owner (docs/TEAM-AUDIT.md).")
                                  .arg(error));
    m_blocked = status.blocked();
    if (!status.warning.isEmpty() && status.warning != m_warned)
        Q_EMIT needsAttention(tr("Team audit: %1.").arg(printable(status.warning)));
    m_warned = status.warning;
}

} // namespace InviteDesk
