#include "gui/teamaudit/TeamAuditStatus.h"

namespace InviteDesk {

TeamAuditStatus::TeamAuditStatus(QWidget *parent) : QLabel(parent)
{
    setAccessibleName(tr("Team audit status"));
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    hide();
}

void TeamAuditStatus::showWaiting(int waiting, const QString &problem)
{
    setVisible(waiting > 0 || !problem.isEmpty());
    setText(tr("Team audit: %n record(s) waiting", nullptr, waiting));
    setToolTip(problem.isEmpty() ? tr("Being sent to the team audit database.")
                                 : tr("Kept in the local log until the team audit database takes them: %1").arg(problem));
    setAccessibleDescription(toolTip());
}

} // namespace InviteDesk
