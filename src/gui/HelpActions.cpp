#include "gui/HelpActions.h"

#include "gui/Prompts.h"
#include "invitedesk/Version.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QUrl>
#include <QtGui/QDesktopServices>
#include <QtWidgets/QMessageBox>

namespace InviteDesk::HelpActions {

void openAuditFolder(QWidget *parent, Prompts *prompts, const QString &auditLogPath)
{
    const QString folder = QFileInfo(auditLogPath).absolutePath();
    QDir().mkpath(folder);
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(folder)))
        prompts->warn(parent, QCoreApplication::translate("HelpActions", "Audit log"), QCoreApplication::translate("HelpActions", "The audit log is in:\n%1").arg(QDir::toNativeSeparators(folder)));
}

void showAbout(QWidget *parent, const QString &auditLogPath)
{
    QMessageBox::about(
        parent, QCoreApplication::translate("HelpActions", "About InviteDesk"),
        QCoreApplication::translate("HelpActions", "<h3>InviteDesk %1</h3>"
           "<p>A console for revoking Clerk organization invitations safely.</p>"
           "<p>Built with Qt %2, running on Qt %3.</p>"
           "<p><b>Licences of the parts it uses</b><br>"
           "Qt 6 — GNU LGPL v3 (The Qt Company)<br>"
           "QtKeychain — BSD 3-Clause (Frank Osterfeld and contributors)<br>"
           "Clerk Backend API specification — MIT (Clerk, Inc.), used as reference only</p>"
           "<p>Audit log: %4</p>")
            .arg(QStringLiteral(INVITEDESK_VERSION), QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion()),
                 QDir::toNativeSeparators(auditLogPath).toHtmlEscaped()));
}

} // namespace InviteDesk::HelpActions
