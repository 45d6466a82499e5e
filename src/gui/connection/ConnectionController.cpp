#include "gui/connection/ConnectionController.h"

#include "gui/ActivityModel.h"
#include "gui/Prompts.h"
#include "gui/session/Session.h"
#include "gui/teamaudit/TeamAuditTest.h"

using namespace Qt::StringLiterals;

namespace InviteDesk {

ConnectionController::ConnectionController(Session *session, Prompts *prompts, ActivityModel *activity, QWidget *window,
                                           QObject *parent)
    : QObject(parent), m_session(session), m_prompts(prompts), m_activity(activity), m_window(window)
{
    connect(session, &Session::opened, this, [this] { check(false); });
    connect(session, &Session::closed, this, [this] {
        ++m_test; // the store's answer to a test of this session is no longer news
        setState(State::Closed);
    });
    connect(&m_slowTimer, &ClockTimer::timeout, this, [this] {
        if (m_state != State::Connecting)
            return;
        m_slow = true;
        Q_EMIT stateChanged(m_state);
    });
}

void ConnectionController::setState(State state, const QString &problem, Problem kind)
{
    if (state == m_state && problem == m_problem)
        return;
    m_state = state;
    m_problem = problem;
    m_problemKind = kind;
    if (state != State::Connecting) {
        m_slowTimer.stop();
        m_slow = false;
    }
    Q_EMIT stateChanged(state);
}

QString ConnectionController::slowText() const
{
    return tr("No answer from %1 yet. InviteDesk keeps trying for a few minutes; Stop Waiting gives up now and says "
              "what to check.")
        .arg(m_session->profile().apiUrl.toDisplayString());
}

void ConnectionController::stopConnecting()
{
    if (m_state != State::Connecting)
        return;
    ++m_check; // the call's Cancelled answer belongs to no check
    if (m_session->client())
        m_session->client()->cancel(m_checkCall);
    const QString url = m_session->profile().apiUrl.toDisplayString();
    m_activity->add(ActivityModel::Level::Warning, tr("Stopped waiting for %1.").arg(url));
    setState(State::Failed,
             tr("%1 accepted the connection but did not answer, and you stopped waiting.\nCheck the API URL in the "
                "profile (Connection → Edit Profile), the network and the proxy settings, then press Retry.")
                 .arg(url),
             Problem::Connection);
}

QList<ConnectionProfile> ConnectionController::profiles() const
{
    return m_transient + m_store.profiles();
}

ConnectionProfile ConnectionController::find(const QString &profileId) const
{
    for (const ConnectionProfile &p : profiles()) {
        if (p.id == profileId)
            return p;
    }
    return {};
}

void ConnectionController::addTransient(const ConnectionProfile &profile, const QString &secretKey)
{
    m_transient.removeIf([&profile](const ConnectionProfile &p) { return p.id == profile.id; });
    m_transient.append(profile);
    m_secrets.keepForSession(SecretStore::keyEntry(profile.id), secretKey);
    Q_EMIT profilesChanged();
}

void ConnectionController::activate(const QString &profileId)
{
    const ConnectionProfile profile = find(profileId);
    if (!profile.isValid())
        return;
    if (m_session->isOpen() && m_session->profile().id == profileId)
        return;
    const quint64 request = ++m_opening;
    m_secrets.read(SecretStore::keyEntry(profileId), this, [this, profile, request](const SecretStore::ReadResult &result) {
        if (request != m_opening)
            return; // another profile was chosen while the keychain answered
        if (result.found) {
            open(profile, result.key);
            if (!profile.demo && !profile.keyFromEnvironment)
                m_store.setLastProfileId(profile.id);
            return;
        }
        if (result.denied) {
            edit(profile, false,
                 tr("The keychain stayed locked, so the stored key was not read. Choose the profile again to unlock "
                    "it, or enter the key here for this session."));
            return;
        }
        if (result.noKeychain) {
            edit(profile, false,
                 tr("No keychain is available on this computer (%1). Enter the key again; it will be kept for "
                    "this session only.")
                     .arg(result.error));
            return;
        }
        if (!result.error.isEmpty()) {
            m_activity->add(ActivityModel::Level::Warning, tr("The keychain could not be read: %1").arg(result.error));
            edit(profile, false,
                 tr("The keychain could not be read (%1). Choose the profile again to retry, or enter the key here "
                    "for this session.")
                     .arg(result.error));
            return;
        }
        edit(profile, false, tr("No key is stored for this profile yet."));
    });
}

void ConnectionController::newProfile()
{
    ConnectionProfile profile;
    profile.id = ProfileStore::newProfileId();
    edit(profile, true);
}

void ConnectionController::editCurrent()
{
    if (!m_session->isOpen())
        return newProfile();
    if (m_session->profile().demo || m_session->profile().keyFromEnvironment) {
        m_activity->add(ActivityModel::Level::Warning, tr("This connection comes from %1 and cannot be edited.")
                                                           .arg(m_session->profile().demo ? tr("the demo") : u"CLERK_SECRET_KEY"_s));
        return;
    }
    // After a rejected key the dialog says why and starts at the key.
    edit(m_session->profile(), false, m_state == State::Failed && m_problemKind == Problem::Key ? m_problem : QString());
}

void ConnectionController::deleteCurrent()
{
    if (!m_session->isOpen() || m_session->profile().demo || m_session->profile().keyFromEnvironment)
        return;
    const ConnectionProfile profile = m_session->profile();
    if (m_prompts->ask(m_window, tr("Delete profile"),
                       tr("Delete the profile \"%1\" and its stored key?").arg(profile.name),
                       QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        != QMessageBox::Yes)
        return;
    m_session->close();
    m_secrets.remove(SecretStore::keyEntry(profile.id));
    m_secrets.remove(SecretStore::proxyEntry(profile.id));
    m_secrets.remove(SecretStore::teamAuditEntry(profile.id));
    m_store.remove(profile.id);
    Q_EMIT profilesChanged();
}

void ConnectionController::edit(const ConnectionProfile &profile, bool isNew, const QString &reason)
{
    // Where its key is: a key kept for this session only is not said to be in the keychain.
    const SecretStore::Kept kept = isNew || !reason.isEmpty() ? SecretStore::Kept::Nowhere
                                   : m_secrets.hasSessionSecret(SecretStore::keyEntry(profile.id))
                                       ? SecretStore::Kept::ForThisSession
                                       : SecretStore::Kept::InKeychain;
    const Prompts::ProfileAnswer answer = m_prompts->editProfile(m_window, profile, isNew, kept, reason);
    if (!answer.accepted)
        return;
    m_store.save(answer.profile);
    Q_EMIT profilesChanged();
    if (!answer.teamAuditPassword.isEmpty())
        storeTeamAuditPassword(answer.profile.id, answer.teamAuditPassword);
    if (answer.secretKey.isEmpty()) {
        // Key unchanged: reopen with the stored one so the other settings take effect.
        m_session->close();
        activate(answer.profile.id);
        return;
    }
    storeKey(answer.profile, answer.secretKey);
}

void ConnectionController::storeKey(const ConnectionProfile &profile, const QString &key)
{
    m_secrets.write(SecretStore::keyEntry(profile.id), key, this, [this, profile, key](bool ok, bool noKeychain, const QString &error) {
        if (!ok) {
            const auto answer = m_prompts->ask(
                m_window, tr("No keychain"),
                noKeychain ? tr("No keychain is available on this computer, so the key cannot be stored safely.\n\n"
                                "Keep it for this session only? You will be asked again next time.")
                           : tr("The key could not be stored in the keychain (%1).\n\nKeep it for this session only?")
                                 .arg(error),
                QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Yes);
            if (answer != QMessageBox::Yes)
                return;
            m_secrets.keepForSession(SecretStore::keyEntry(profile.id), key);
        }
        open(profile, key);
        m_store.setLastProfileId(profile.id);
    });
}

void ConnectionController::storeTeamAuditPassword(const QString &profileId, const QString &password)
{
    // Kept in memory at once, so the session opened right after has it whatever the keychain answers.
    const QString entry = SecretStore::teamAuditEntry(profileId);
    m_secrets.keepForSession(entry, password);
    m_secrets.write(entry, password, this, [this](bool ok, bool, const QString &) {
        if (!ok)
            m_activity->add(ActivityModel::Level::Warning,
                            tr("No keychain: the team audit database's password is kept for this session only."));
    });
}

void ConnectionController::open(const ConnectionProfile &profile, const QString &key)
{
    const quint64 request = ++m_opening;
    auto openSession = [this, profile, key, request](const ProxyCredentials &proxy, const QString &auditPassword) {
        if (request != m_opening)
            return; // another profile was chosen while the keychain answered
        const QString problem = m_session->open(profile, key, proxy, auditPassword);
        if (!problem.isEmpty())
            m_activity->add(ActivityModel::Level::Warning, problem);
    };
    // The team audit database's password, when the profile names one.
    auto openWith = [this, profile, openSession](const ProxyCredentials &proxy) {
        if (profile.teamAuditUrl.isEmpty())
            return openSession(proxy, {});
        m_secrets.read(SecretStore::teamAuditEntry(profile.id), this,
                       [openSession, proxy](const SecretStore::ReadResult &result) {
                           openSession(proxy, result.found ? result.key : QString());
                       });
    };
    const QString endpoint = proxyEndpointFor(profile);
    if (endpoint.isEmpty())
        return openWith({});
    m_secrets.read(SecretStore::proxyEntry(profile.id), this, [openWith, endpoint](const SecretStore::ReadResult &result) {
        const ProxyCredentials stored = result.found ? ProxyCredentials::fromSecret(result.key) : ProxyCredentials{};
        // Given for another proxy (the profile's proxy changed since): not for this one.
        openWith(stored.endpoint == endpoint ? stored : ProxyCredentials{});
    });
}

void ConnectionController::proxyCredentialsNeeded(const ClerkError &error)
{
    // Said in the window; the question comes when the agent chooses to sign in (no dialog mid-typing).
    if (!m_session->isOpen() || proxyEndpointFor(m_session->profile()).isEmpty())
        return;
    m_proxyError = error.userMessage();
    setState(State::Failed,
             tr("The proxy %1 asks for a user name and password: %2\nSign in to the proxy to go on.")
                 .arg(proxyEndpointFor(m_session->profile()), error.userMessage()),
             Problem::Proxy);
}

void ConnectionController::signInToProxy()
{
    if (!m_session->isOpen() || m_askingProxy)
        return; // one question at a time
    const ConnectionProfile profile = m_session->profile();
    const QString endpoint = proxyEndpointFor(profile);
    if (endpoint.isEmpty())
        return;
    m_askingProxy = true;
    const Prompts::ProxyAnswer answer =
        m_prompts->askProxyCredentials(m_window, tr("%1\n\nProxy: %2").arg(m_proxyError, endpoint));
    m_askingProxy = false;
    if (!answer.accepted)
        return;
    const QString entry = SecretStore::proxyEntry(profile.id);
    const QString secret = ProxyCredentials{endpoint, answer.user, answer.password}.toSecret();
    m_secrets.write(entry, secret, this, [this, profile, entry, secret](bool ok, bool, const QString &) {
        if (!ok)
            m_secrets.keepForSession(entry, secret); // no keychain: for this session only
        // Only the session that asked is reopened: the agent may have moved to another profile meanwhile.
        if (!m_session->isOpen() || m_session->profile().id != profile.id)
            return;
        m_session->close();
        activate(profile.id);
    });
}

void ConnectionController::testConnection()
{
    if (!m_session->client())
        return;
    const quint64 test = ++m_test;
    m_testAnswer = {};
    if (m_session->teamAudit()) {
        // Asked beside Clerk, not after it: a store that cannot be used is worth knowing when Clerk fails too.
        testTeamAudit(m_session->teamAuditTarget(), this, [this, test](const TeamAuditTestAnswer &answer) {
            if (test != m_test)
                return; // a later test, or the session it asked about has closed
            m_activity->add(!answer.usable ? ActivityModel::Level::Error
                            : answer.warned ? ActivityModel::Level::Warning
                                            : ActivityModel::Level::Success,
                            answer.text);
            answerTest(m_testAnswer.store, answer.text);
        });
    } else {
        m_testAnswer.store = QString();
    }
    check(true);
}

void ConnectionController::answerTest(std::optional<QString> &part, const QString &text)
{
    part = text;
    if (!m_testAnswer.clerk || !m_testAnswer.store)
        return;
    Q_EMIT statusMessage(m_testAnswer.store->isEmpty() ? *m_testAnswer.clerk : *m_testAnswer.clerk + u' ' + *m_testAnswer.store,
                         8000);
}

QString ConnectionController::adviceFor(const ClerkError &error) const
{
    const QString url = m_session->profile().apiUrl.toString();
    switch (error.kind()) {
    case ClerkError::Kind::Network:
    case ClerkError::Kind::Timeout:
        return tr("Cannot reach %1: %2\nCheck the API URL in the profile (Connection → Edit Profile), the network and "
                  "the proxy settings, then press Retry.")
            .arg(url, error.userMessage());
    case ClerkError::Kind::Tls:
        return tr("The connection to %1 is not trusted: %2\nCheck the API URL, or add your company's CA certificate "
                  "in the profile.")
            .arg(url, error.userMessage());
    default:
        break;
    }
    if (error.isUnauthorized())
        return tr("Clerk rejected the secret key of the profile \"%1\": %2\nEdit the profile and enter a valid key.")
            .arg(m_session->profile().name, error.userMessage());
    return tr("%1 did not answer as Clerk's API would: %2\nCheck the API URL in the profile, then press Retry.")
        .arg(url, error.userMessage());
}

void ConnectionController::check(bool reportSuccess)
{
    if (!m_session->client())
        return;
    const quint64 check = ++m_check;
    if (m_state == State::Connecting)
        m_session->client()->cancel(m_checkCall); // a new check replaces the one in flight
    const bool wasSlow = std::exchange(m_slow, false);
    setState(State::Connecting);
    if (wasSlow)
        Q_EMIT stateChanged(m_state); // no longer slow: the bar's offer to stop goes
    m_slowTimer.setClock(m_session->clock());
    m_slowTimer.start(slowAfter);
    if (reportSuccess)
        Q_EMIT statusMessage(tr("Testing the connection…"), 0);
    OrganizationQuery query;
    query.limit = 1;
    m_checkCall = m_session->client()->listOrganizations(query, this, [this, check, reportSuccess](Result<Page<Organization>> result) {
        if (check != m_check || !m_session->isOpen())
            return; // a later check or another session
        if (!result) {
            const ClerkError &error = result.error();
            if (error.isCancelled())
                return;
            m_activity->addError(tr("Connecting with profile \"%1\"").arg(m_session->profile().name), error);
            if (error.needsProxyCredentials())
                return proxyCredentialsNeeded(error);
            // Said in the window's message bar (and kept in the Activity panel); in the status bar only as the
            // answer to Test Connection, whose "Testing…" it replaces.
            setState(State::Failed, adviceFor(error), error.isUnauthorized() ? Problem::Key : Problem::Connection);
            if (reportSuccess)
                answerTest(m_testAnswer.clerk, error.userMessage());
            return;
        }
        setState(State::Connected);
        const QString text = tr("Connected: %1, %Ln organization(s), with the profile \"%2\".", nullptr,
                                int(result.value().totalCount))
                                 .arg(Session::badgeText(m_session->badge()), m_session->profile().name);
        m_activity->add(ActivityModel::Level::Success, text);
        if (reportSuccess)
            answerTest(m_testAnswer.clerk, text);
    });
}

void ConnectionController::keyRejected(const ClerkError &error)
{
    // Said in the window, never asked in a dialog: this arrives while the agent may be typing, and a
    // question popping up would take the Enter meant for the search field.
    if (m_session->isOpen())
        setState(State::Failed, adviceFor(error), Problem::Key);
}

} // namespace InviteDesk
