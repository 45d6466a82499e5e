#pragma once

#include "core/api/ClerkError.h"
#include "gui/session/Profiles.h"

#include <QtCore/QObject>
#include <QtCore/QPointer>

QT_BEGIN_NAMESPACE
class QWidget;
QT_END_NAMESPACE

namespace InviteDesk {

class ActivityModel;
class Prompts;
class Session;

/*!
 * Chooses which profile the session uses: reads its key from the keychain
 * (or asks for one), offers to keep a key for this session only where no
 * keychain is available, and creates, edits and deletes profiles.
 *
 * Transient profiles (the demo sandbox, CLERK_SECRET_KEY) are listed too but
 * never saved.
 */
class ConnectionController : public QObject
{
    Q_OBJECT

public:
    /*! Questions go to \a prompts, with \a window as their parent; news to \a activity (none owned). */
    ConnectionController(Session *session, Prompts *prompts, ActivityModel *activity, QWidget *window,
                         QObject *parent = nullptr);

    QList<ConnectionProfile> profiles() const;
    void addTransient(const ConnectionProfile &profile, const QString &secretKey);

    void activate(const QString &profileId);
    void newProfile();
    void editCurrent();
    void deleteCurrent();
    /*! One cheap call with the session's key; says which instance answered, or why none did. */
    void testConnection();
    /*! Clerk rejected the session's key: offers to edit the profile. */
    void keyRejected(const ClerkError &error);
    /*!
     * The proxy asked for a user name and password (407): asks for them, keeps them in the keychain
     * with the profile, and opens the session again with them.
     */
    void proxyCredentialsNeeded(const ClerkError &error);

    ProfileStore &store() { return m_store; }
    SecretStore &secrets() { return m_secrets; }

Q_SIGNALS:
    void profilesChanged();
    /*! For the status bar; the Activity panel has it too. */
    void statusMessage(const QString &text, int timeoutMs);

private:
    void edit(const ConnectionProfile &profile, bool isNew, const QString &reason = {});
    void storeTeamAuditPassword(const QString &profileId, const QString &password);
    void storeKey(const ConnectionProfile &profile, const QString &key);
    /*! Reads the profile's proxy credentials (if it may use a proxy), then opens the session. */
    void open(const ConnectionProfile &profile, const QString &key);
    ConnectionProfile find(const QString &profileId) const;

    Session *m_session;
    Prompts *m_prompts;
    ActivityModel *m_activity;
    QPointer<QWidget> m_window;
    ProfileStore m_store;
    SecretStore m_secrets;
    QList<ConnectionProfile> m_transient;
    bool m_askingProxy = false;
    quint64 m_opening = 0; //!< the latest request to open a session; the keychain answers late, and only the latest counts
};

} // namespace InviteDesk
