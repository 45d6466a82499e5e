#pragma once

#include <QtCore/QString>

QT_BEGIN_NAMESPACE
class QWidget;
QT_END_NAMESPACE

namespace InviteDesk {

class Prompts;

/*! The Help menu's answers: what InviteDesk is built from, and where the audit log lives. */
namespace HelpActions {

void showAbout(QWidget *parent, const QString &auditLogPath);
/*! Opens the audit log's folder in the file manager, or says where it is when that is not possible. */
void openAuditFolder(QWidget *parent, Prompts *prompts, const QString &auditLogPath);

} // namespace HelpActions
} // namespace InviteDesk
