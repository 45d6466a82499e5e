#pragma once

#include "core/api/ClerkError.h"
#include "core/util/Clock.h"
#include "gui/session/Profiles.h"

#include <QtCore/QObject>
#include <QtCore/QPointer>

#include <optional>

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
    /*! Where the session stands: a profile is open, and whether Clerk answered it. */
    enum class State { Closed, Connecting, Connected, Failed };
    /*! What a failure needs: the key edited, the proxy signed in to, or the way to Clerk checked. */
    enum class Problem { None, Connection, Key, Proxy };

    /*! Questions go to \a prompts, with \a window as their parent; news to \a activity (none owned). */
    ConnectionController(Session *session, Prompts *prompts, ActivityModel *activity, QWidget *window,
                         QObject *parent = nullptr);

    QList<ConnectionProfile> profiles() const;
    void addTransient(const ConnectionProfile &profile, const QString &secretKey);

    void activate(const QString &profileId);
    void newProfile();
    void editCurrent();
    void deleteCurrent();
    /*!
     * One cheap call with the session's key, and the team audit store's probe where the profile names one
     * (also when Clerk fails: they are told apart); says which instance answered, or why none did, and
     * what the store said.
     */
    void testConnection();
    /*! Clerk rejected the session's key: the connection has failed, and the window says so (no dialog). */
    void keyRejected(const ClerkError &error);

    State state() const { return m_state; }
    /*!
     * Connecting has lasted slowAfter() without a word from the server (one that accepts connections and
     * never answers keeps a check going for minutes, through every retry): the window offers to stop.
     */
    bool isSlow() const { return m_state == State::Connecting && m_slow; }
    static constexpr std::chrono::seconds slowAfter{4};
    /*! What the window says while isSlow(). */
    QString slowText() const;
    /*! Gives up the connection check in flight: the connection has failed, and problem() says what to check. */
    void stopConnecting();
    /*! What went wrong and what to do about it, while state() is Failed. */
    QString problem() const { return m_problem; }
    Problem problemKind() const { return m_problemKind; }
    bool problemIsKey() const { return m_problemKind == Problem::Key; }
    /*! The proxy asked for a user name and password (407): the connection has failed, and the window says so. */
    void proxyCredentialsNeeded(const ClerkError &error);
    /*!
     * Asks for the proxy's user name and password (the agent chose to), keeps them in the keychain with
     * the profile, and opens the session again with them.
     */
    void signInToProxy();

    ProfileStore &store() { return m_store; }
    SecretStore &secrets() { return m_secrets; }

Q_SIGNALS:
    void profilesChanged();
    /*! For the status bar; the Activity panel has it too. */
    void statusMessage(const QString &text, int timeoutMs);
    void stateChanged(InviteDesk::ConnectionController::State state);

private:
    void edit(const ConnectionProfile &profile, bool isNew, const QString &reason = {});
    void storeTeamAuditPassword(const QString &profileId, const QString &password);
    void storeKey(const ConnectionProfile &profile, const QString &key);
    /*! Reads the profile's proxy credentials (if it may use a proxy), then opens the session. */
    void open(const ConnectionProfile &profile, const QString &key);
    ConnectionProfile find(const QString &profileId) const;
    /*! Asks Clerk for one organization: the session's first word with the instance. */
    void check(bool reportSuccess);
    void setState(State state, const QString &problem = {}, Problem kind = Problem::None);
    QString adviceFor(const ClerkError &error) const;
    /*! One part of Test Connection's answer; said in the status bar once Clerk's and the store's are in. */
    void answerTest(std::optional<QString> &part, const QString &text);

    struct TestAnswer
    {
        std::optional<QString> clerk;
        std::optional<QString> store; //!< empty when the profile names no team audit store
    };

    Session *m_session;
    Prompts *m_prompts;
    ActivityModel *m_activity;
    QPointer<QWidget> m_window;
    ProfileStore m_store;
    SecretStore m_secrets;
    QList<ConnectionProfile> m_transient;
    bool m_askingProxy = false;
    State m_state = State::Closed;
    QString m_problem;
    Problem m_problemKind = Problem::None;
    QString m_proxyError; //!< what the proxy said, for the question
    quint64 m_check = 0; //!< the latest connection check; an older one answering late is ignored
    quint64 m_test = 0;  //!< the latest Test Connection; a store's late answer to an older one is ignored
    TestAnswer m_testAnswer;
    quint64 m_checkCall = 0; //!< the client's call of the latest check, for stopConnecting()
    bool m_slow = false;
    ClockTimer m_slowTimer; //!< on the session's clock, as the check's retries are
    quint64 m_opening = 0; //!< the latest request to open a session; the keychain answers late, and only the latest counts
};

} // namespace InviteDesk
