#pragma once

#include "core/workflows/Connection.h"
#include "gui/session/Profiles.h"

#include <QtWidgets/QDialog>

#include <memory>

QT_BEGIN_NAMESPACE
namespace Ui {
class ProfileDialog;
}
QT_END_NAMESPACE

namespace InviteDesk {

/*!
 * Creates or edits a connection profile. The key field is masked; left empty
 * when editing, the stored key is kept. "Test connection" makes one cheap
 * call with what is typed and says which instance answered. Proxy and extra CA
 * settings apply to that test as they will to the session.
 */
class ProfileDialog : public QDialog
{
    Q_OBJECT

public:
    /*! Why \a url cannot be saved as the team audit database; empty when it can (or is empty). */
    static QString teamAuditProblem(const QString &url);
    ProfileDialog(const ConnectionProfile &profile, SecretStore::Kept keyKept, QWidget *parent = nullptr);
    ~ProfileDialog() override;

    ConnectionProfile profile() const;
    /*! The key typed in, or empty to keep the stored one. */
    QString secretKey() const;
    /*! The team audit database's password as typed; empty when unchanged. */
    QString teamAuditPassword() const;
    void setKeychainNote(const QString &note);

    void accept() override;

protected:
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    /*! After Clerk answered \a clerk: the team audit database named in the dialog, if any. */
    void testTeamAudit(const QString &clerk);
    void testConnection();
    void tellTestResult(const QString &text);
    void chooseCaFile();
    void showCaFile();
    /*! The CA line's text, and what a screen reader hears of it. */
    void setCaSummary(const QString &text);
    void fitWrappedLines();
    void showProxyMode();

    std::unique_ptr<Ui::ProfileDialog> m_ui;
    ConnectionProfile m_profile;
    bool m_hasStoredKey; //!< an empty key field keeps the key the profile has
    std::unique_ptr<Connection> m_testConnection;
};

} // namespace InviteDesk
