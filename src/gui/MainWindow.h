#pragma once

#include "core/api/ClerkTypes.h"

#include <QtCore/QTimer>
#include <QtWidgets/QMainWindow>

#include <memory>

QT_BEGIN_NAMESPACE
class QComboBox;
class QCompleter;
class QLabel;
class QLineEdit;
namespace Ui {
class MainWindow;
}
QT_END_NAMESPACE

namespace InviteDesk {

class ActivityModel;
class ConnectionController;
class InvitationFilterModel;
class InvitationTableModel;
class InvitationsController;
class OrganizationSearch;
class RevokePanel;
class Session;
struct ConnectionProfile;

/*!
 * The console's window. It wires widgets to the models and controllers and
 * does little else: loading and revoking live in InvitationsController,
 * profiles and keys in ConnectionController, the search in OrganizationSearch.
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /*! Adds the built-in sandbox (or CLERK_SECRET_KEY) as a profile and connects to it. */
    void useTransientProfile(const ConnectionProfile &profile, const QString &secretKey);
    /*! Connects to the last used profile, if any. */
    void restoreLastProfile();
    void openOrganization(const QString &idOrSlug);

    // For tests and the screenshot script.
    Session *session() const { return m_session.get(); }
    InvitationsController *invitations() const { return m_invitations.get(); }
    InvitationTableModel *invitationModel() const { return m_model.get(); }
    InvitationFilterModel *filterModel() const { return m_proxy.get(); }
    ActivityModel *activityModel() const { return m_activity.get(); }
    OrganizationSearch *organizationSearch() const { return m_search.get(); }
    ConnectionController *connections() const { return m_connections.get(); }
    QLineEdit *organizationEdit() const { return m_organizationEdit; }
    QStringList selectedInvitationIds() const;
    /*! Hook for tests: replaces the confirmation dialog (return true and a ticket to confirm). */
    void setConfirmationOverride(std::function<bool(const QStringList &emails, QString *ticket)> confirm);
    /*! Hook for tests: replaces message boxes that ask a question (returns the button to press). */
    void setQuestionOverride(std::function<int(const QString &text)> answer);
    /*! Hook for tests: replaces the re-invite dialog (return true to create, with notify and expiry). */
    void setReinviteOverride(std::function<bool(const Invitation &, bool *notify, int *days)> reinvite);
    /*! Shows every invitation of \a email across the instance's organizations. */
    void searchEmail(const QString &email);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void setupToolBar();
    void setupTable();
    void setupActions();
    void setupControllers();
    void restoreSettings();
    void saveSettings();

    void refreshProfiles();
    void onSessionChanged();
    void onOrganizationResolved(const Organization &organization);
    void updateOrganizationHeader();
    void updateActions();
    void updateQuickFilterCounts();
    void revokeSelected();
    void confirmAndRevoke(const QStringList &ids, const QString &scope, const QString &confirmationText);
    void revokeOlderDuplicates();
    void revokeAllForAddress();
    void reinviteSelected();
    void setEmailMode(bool emailMode);
    void copyColumn(int role, const QString &what);
    void exportCsv();
    void showAbout();
    void openAuditFolder();
    int ask(const QString &title, const QString &text, int buttons, int defaultButton);

    std::unique_ptr<Ui::MainWindow> m_ui;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<InvitationTableModel> m_model;
    std::unique_ptr<InvitationFilterModel> m_proxy;
    std::unique_ptr<ActivityModel> m_activity;
    std::unique_ptr<ConnectionController> m_connections;
    std::unique_ptr<OrganizationSearch> m_search;
    std::unique_ptr<InvitationsController> m_invitations;
    std::unique_ptr<RevokePanel> m_revokePanel;
    QComboBox *m_profileCombo = nullptr;
    QLabel *m_badge = nullptr;
    QLineEdit *m_organizationEdit = nullptr;
    QCompleter *m_completer = nullptr;
    QString m_pendingOrganization;
    QTimer m_countsTimer;
    QTimer m_resortTimer;
    QTimer m_actionsTimer;
    std::function<bool(const QStringList &, QString *)> m_confirmOverride;
    std::function<int(const QString &)> m_questionOverride;
    std::function<bool(const Invitation &, bool *, int *)> m_reinviteOverride;
};

} // namespace InviteDesk
