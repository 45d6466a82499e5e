// Connection profiles: create, edit and delete through the prompts (every dialog path), the profile
// store owning every per-profile setting, and one name for each key's environment.

#include "core/api/RatePacer.h"
#include "gui/ActivityModel.h"
#include "gui/connection/ConnectionController.h"
#include "gui/connection/ProfileDialog.h"
#include "gui/session/Session.h"
#include "gui/session/Settings.h"
#include "support/ManualClock.h"
#include "support/RealParts.h"
#include "support/ScriptedPrompts.h"
#include "support/TestSandbox.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QLockFile>
#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtCore/QSettings>

#include <cmath>
#ifdef Q_OS_UNIX
#  include <sys/stat.h>
#endif
#include <QtCore/QStandardPaths>
#include <QtGui/QAccessible>
#include <QtNetwork/QTcpServer>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>

using namespace Qt::StringLiterals;
using namespace InviteDesk;
using namespace InviteDesk::Sandbox;
using namespace InviteDesk::Testing;

class TestConnection : public QObject
{
    Q_OBJECT

    std::unique_ptr<ClerkSandbox> m_sandbox;
    ScriptedPrompts m_prompts;
    std::unique_ptr<ManualClock> m_clock; //!< a test's session's clock, when it moves time itself
    std::unique_ptr<Session> m_session;
    ActivityModel m_activity;
    std::unique_ptr<ConnectionController> m_connections;

    ConnectionProfile profileNamed(const QString &name) const
    {
        for (const ConnectionProfile &p : m_connections->store().profiles()) {
            if (p.name == name)
                return p;
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(u"InviteDeskTests"_s);
        QApplication::setApplicationName(u"tst_connection"_s);
    }

    void init()
    {
        QSettings().clear();
        m_sandbox = startSandbox();
        m_prompts = ScriptedPrompts();
        m_session = std::make_unique<Session>();
        m_connections = std::make_unique<ConnectionController>(m_session.get(), &m_prompts, &m_activity, nullptr);
    }

    void cleanup()
    {
        m_connections.reset();
        m_session.reset();
        m_clock.reset();
        m_sandbox.reset();
    }

    void keychainFailuresAreToldApart_data()
    {
        // QtKeychain's codes (keychain.h): 3 AccessDeniedByUser, 4 AccessDenied, 5 NoBackendAvailable, 7 OtherError.
        QTest::addColumn<int>("error");
        QTest::addColumn<QString>("message");
        QTest::addColumn<SecretStore::Failure>("failure");
        QTest::newRow("the unlock prompt closed (Secret Service)") << 7 << u"Operation was cancelled"_s << SecretStore::Failure::Denied;
        QTest::newRow("a prompt dismissed") << 7 << u"The prompt was dismissed"_s << SecretStore::Failure::Denied;
        QTest::newRow("KWallet said no") << 3 << u"Access denied by user"_s << SecretStore::Failure::Denied;
        QTest::newRow("no Secret Service") << 7
                                           << u"The name org.freedesktop.secrets was not provided by any .service files"_s
                                           << SecretStore::Failure::NoKeychain;
        QTest::newRow("no session bus") << 7 << u"Cannot autolaunch D-Bus without X11 $DISPLAY"_s << SecretStore::Failure::NoKeychain;
        QTest::newRow("no back end") << 5 << u"No keychain service available"_s << SecretStore::Failure::NoKeychain;
        QTest::newRow("something else") << 7 << u"Unexpected reply"_s << SecretStore::Failure::Other;
    }

    void keychainFailuresAreToldApart()
    {
        // A cancelled keyring unlock was said to be "No keychain is available" (both are OtherError).
        QFETCH(int, error);
        QFETCH(QString, message);
        QFETCH(SecretStore::Failure, failure);
        QCOMPARE(SecretStore::classify(error, message), failure);
    }

    void createEditAndDeleteAProfile()
    {
        // New: the agent fills in the dialog; the key goes to the keychain or, where there is none, is
        // kept for this session after the agent agrees.
        m_prompts.onEditProfile = [this](const ConnectionProfile &profile, bool isNew, const QString &) {
            Prompts::ProfileAnswer answer{true, profile, SandboxOptions::defaultProductionKey()};
            answer.profile.name = isNew ? u"Support EU"_s : u"Support Europe"_s;
            answer.profile.apiUrl = m_sandbox->apiUrl();
            answer.profile.environment = KeyEnvironment::Production;
            return answer;
        };
        m_prompts.onAsk = [](const QString &) { return QMessageBox::Yes; }; // keep the key for this session
        QSignalSpy opened(m_session.get(), &Session::opened);
        m_connections->newProfile();
        QVERIFY(opened.wait(10'000) || m_session->isOpen());
        QCOMPARE(m_session->profile().name, u"Support EU"_s);
        const QString id = m_session->profile().id;
        QVERIFY(profileNamed(u"Support EU"_s).isValid());
        QCOMPARE(m_connections->store().lastProfileId(), id);

        // Per-profile settings, all owned by the store.
        Organization org;
        org.id = u"org_1"_s;
        org.name = u"Acme"_s;
        m_connections->store().rememberOrganization(id, org);
        m_connections->store().setHoldsRevokes(id, true);
        QCOMPARE(m_connections->store().lastOrganizationId(id), u"org_1"_s);
        QVERIFY(m_connections->store().holdsRevokes(id, false));

        // Edit: a new name, same key (an empty key answer keeps the stored one). The dialog is told where the
        // key is: kept for this session only where no keychain took it, not "stored in the keychain".
        const bool sessionOnly = m_prompts.asked.join(u'\n').contains(u"Keep it for this session only"_s);
        m_prompts.onEditProfile = [](const ConnectionProfile &profile, bool isNew, const QString &) {
            Prompts::ProfileAnswer answer{!isNew, profile, {}};
            answer.profile.name = u"Support Europe"_s;
            return answer;
        };
        m_connections->editCurrent();
        QCOMPARE(m_prompts.keyKept, sessionOnly ? SecretStore::Kept::ForThisSession : SecretStore::Kept::InKeychain);
        QTRY_COMPARE_WITH_TIMEOUT(m_session->profile().name, u"Support Europe"_s, 10'000);
        QVERIFY(profileNamed(u"Support Europe"_s).isValid());
        QVERIFY(!profileNamed(u"Support EU"_s).isValid());

        // Delete: asked first; "Cancel" keeps it.
        m_prompts.onAsk = [](const QString &) { return QMessageBox::Cancel; };
        m_connections->deleteCurrent();
        QVERIFY(profileNamed(u"Support Europe"_s).isValid());
        QVERIFY(m_prompts.asked.last().contains(u"Support Europe"_s));
        // "Yes" removes the profile and every setting that belonged to it.
        m_prompts.onAsk = [](const QString &) { return QMessageBox::Yes; };
        m_connections->deleteCurrent();
        QVERIFY(!m_session->isOpen());
        QVERIFY(!profileNamed(u"Support Europe"_s).isValid());
        QSettings settings;
        for (const QString &key : settings.allKeys())
            QVERIFY2(!key.contains(id), qPrintable(key)); // no undo/, lastOrganization/ or recent/ left behind
    }

    void settingsOfEarlierVersionsLoad()
    {
        // A settings file as earlier versions wrote it, key by key: Settings reads it, and writes the same keys.
        const QString id = u"0b8c6a52-1d7e-4e4b-9d55-3f2f4c1a7e10"_s;
        {
            QSettings old;
            old.setValue(u"profiles/"_s + id + u"/name"_s, u"Support Europe"_s);
            old.setValue(u"profiles/"_s + id + u"/apiUrl"_s, u"https://api.eu.example/v1"_s);
            old.setValue(u"profiles/"_s + id + u"/rateBudgetPercent"_s, 40);
            old.setValue(u"profiles/"_s + id + u"/proxyMode"_s, u"none"_s);
            old.setValue(u"lastProfile"_s, id);
            old.setValue(u"lastOrganization/"_s + id, u"org_2"_s);
            old.setValue(u"undo/"_s + id, true);
            old.setValue(u"filters/staleDays"_s, 30);
            old.setValue(u"window/invitationColumns"_s, QByteArray("columns"));
            old.beginWriteArray(u"recent/"_s + id, 2);
            old.setArrayIndex(0);
            old.setValue(u"id"_s, u"org_2"_s);
            old.setValue(u"name"_s, u"Globex"_s);
            old.setValue(u"slug"_s, u"globex"_s);
            old.setArrayIndex(1);
            old.setValue(u"id"_s, u"org_1"_s);
            old.setValue(u"name"_s, u"Acme"_s);
            old.setValue(u"slug"_s, u"acme"_s);
            old.endArray();
        }
        ProfileStore store;
        QCOMPARE(store.profiles().size(), 1);
        const ConnectionProfile profile = store.profiles().first();
        QCOMPARE(profile.id, id);
        QCOMPARE(profile.name, u"Support Europe"_s);
        QCOMPARE(profile.apiUrl, QUrl(u"https://api.eu.example/v1"_s));
        QCOMPARE(profile.rateBudgetPercent, 40);
        QCOMPARE(profile.proxyMode, ProxyMode::None);
        QCOMPARE(store.lastProfileId(), id);
        QCOMPARE(store.lastOrganizationId(id), u"org_2"_s);
        QVERIFY(store.holdsRevokes(id, false));
        QVERIFY(!store.holdsRevokes(u"other"_s, false)); // the caller's default where none was written
        QCOMPARE(store.recentOrganizations(id).size(), 2);
        QCOMPARE(store.recentOrganizations(id).at(1).slug, u"acme"_s);
        QCOMPARE(Settings::staleDays.get(), 30);
        QCOMPARE(Settings::invitationColumns.get(), QByteArray("columns"));
        QCOMPARE(Settings::windowGeometry.get(), QByteArray()); // never written: empty

        Organization acme;
        acme.id = u"org_1"_s;
        acme.name = u"Acme"_s;
        acme.slug = u"acme"_s;
        store.rememberOrganization(id, acme);
        store.setHoldsRevokes(id, false);
        Settings::staleDays.set(9);
        QCOMPARE(store.lastOrganizationId(id), u"org_1"_s); // waits for the write
        QSettings now;
        QCOMPARE(now.value(u"lastOrganization/"_s + id).toString(), u"org_1"_s);
        QCOMPARE(now.value(u"recent/"_s + id + u"/1/id"_s).toString(), u"org_1"_s);
        QCOMPARE(now.value(u"recent/"_s + id + u"/2/id"_s).toString(), u"org_2"_s);
        QCOMPARE(now.value(u"undo/"_s + id).toBool(), false);
        QCOMPARE(now.value(u"filters/staleDays"_s).toInt(), 9);
        // Removing the profile takes everything kept for it, a per-profile setting of a later version too,
        // and nothing of another profile's.
        now.setValue(u"later/"_s + id, 1);
        now.setValue(u"undo/other"_s, true);
        now.sync();
        store.remove(id);
        QCOMPARE(QSettings().allKeys().filter(id), QStringList());
        QVERIFY(QSettings().value(u"undo/other"_s).toBool());
        QCOMPARE(QSettings().value(u"filters/staleDays"_s).toInt(), 9);
    }

    void aCancelledDialogChangesNothing()
    {
        m_prompts.onEditProfile = [](const ConnectionProfile &, bool, const QString &) { return Prompts::ProfileAnswer{}; };
        m_connections->newProfile(); // the scripted dialog answers before this returns
        QCoreApplication::processEvents();
        QVERIFY(!m_session->isOpen());
        QVERIFY(m_connections->store().profiles().isEmpty());
    }

    void testConnectionSaysWhichInstanceAnswered()
    {
        ConnectionProfile profile;
        profile.id = u"t"_s;
        profile.name = u"T"_s;
        profile.apiUrl = m_sandbox->apiUrl();
        m_session->open(profile, SandboxOptions::defaultProductionKey());
        QSignalSpy said(m_connections.get(), &ConnectionController::statusMessage);
        m_connections->testConnection();
        QTRY_COMPARE_WITH_TIMEOUT(said.size(), 2, 10'000); // "Testing…", then the answer
        QVERIFY2(said.last().first().toString().startsWith(u"Connected: LIVE"_s), qPrintable(said.last().first().toString()));
        m_session->open(profile, u"sk_live_wrong"_s);
        m_connections->testConnection();
        QTRY_COMPARE_WITH_TIMEOUT(said.size(), 4, 10'000);
        QVERIFY2(said.last().first().toString().contains(u"rejected"_s), qPrintable(said.last().first().toString()));
        QCOMPARE(m_activity.index(m_activity.rowCount() - 1, 0).data(ActivityModel::LevelRole).toInt(),
                 int(ActivityModel::Level::Error));
    }

    void testConnectionChecksTheTeamStoreToo()
    {
        // Connection → Test Connection also asks the profile's team audit store, and does when Clerk fails:
        // a store nothing listens on is said in the status bar's answer and in the Activity panel.
        quint16 closedPort = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            closedPort = probe.serverPort();
        }
        ConnectionProfile profile;
        profile.id = u"ts"_s;
        profile.name = u"With a team store"_s;
        profile.apiUrl = m_sandbox->apiUrl();
        profile.teamAuditUrl = u"postgresql://agent_ana@127.0.0.1:%1/invitedesk_audit?connect_timeout=2"_s.arg(closedPort);
        auto storeSaid = [this](int since) {
            for (int row = m_activity.rowCount() - 1; row >= since; --row) {
                if (m_activity.messageAt(row).startsWith(u"The team audit database cannot be used: "_s))
                    return m_activity.index(row, 0).data(ActivityModel::LevelRole).toInt() == int(ActivityModel::Level::Error);
            }
            return false;
        };
        for (const QString &key : {SandboxOptions::defaultProductionKey(), u"sk_live_wrong"_s}) {
            const int since = m_activity.rowCount();
            m_session->open(profile, key);
            QVERIFY(m_session->teamAudit());
            QSignalSpy said(m_connections.get(), &ConnectionController::statusMessage);
            m_connections->testConnection();
            QTRY_COMPARE_WITH_TIMEOUT(said.size(), 2, 30'000); // "Testing…", then Clerk's and the store's answer
            const QString answer = said.last().first().toString();
            QVERIFY2(key == u"sk_live_wrong"_s ? answer.contains(u"rejected"_s) : answer.startsWith(u"Connected: LIVE"_s),
                     qPrintable(answer));
            QVERIFY2(answer.contains(u"The team audit database cannot be used: "_s), qPrintable(answer));
            QVERIFY(storeSaid(since));
        }
    }

    void aRejectedKeyIsAFailedConnectionNotAQuestion()
    {
        ConnectionProfile profile;
        profile.id = u"r"_s;
        profile.name = u"Rejected"_s;
        profile.apiUrl = m_sandbox->apiUrl();
        // Opening checks the connection at once: Connecting, then Failed, with the key named as the cause.
        QSignalSpy states(m_connections.get(), &ConnectionController::stateChanged);
        m_session->open(profile, u"sk_live_wrong"_s);
        QCOMPARE(m_connections->state(), ConnectionController::State::Connecting);
        QTRY_COMPARE_WITH_TIMEOUT(m_connections->state(), ConnectionController::State::Failed, 10'000);
        QVERIFY(m_connections->problemIsKey());
        QVERIFY2(m_connections->problem().contains(u"\"Rejected\""_s), qPrintable(m_connections->problem()));
        // A load meeting the 401 later says the same, and asks nothing: a dialog would take typed keys.
        m_connections->keyRejected(ClerkError::fromHttp(401, {}));
        QVERIFY(m_prompts.asked.isEmpty());
        QCOMPARE(m_connections->state(), ConnectionController::State::Failed);

        // The right key: Connected; an unreachable URL: Failed, and the advice is about the URL, not the key.
        m_session->open(profile, SandboxOptions::defaultProductionKey());
        QTRY_COMPARE_WITH_TIMEOUT(m_connections->state(), ConnectionController::State::Connected, 10'000);
        profile.apiUrl = QUrl(u"http://127.0.0.1:9"_s); // discard port: nothing answers
        m_clock = std::make_unique<ManualClock>(); // the check's retries are moved through, not waited out
        m_session->setClock(m_clock.get());
        m_session->open(profile, SandboxOptions::defaultProductionKey());
        QVERIFY(m_clock->runUntil([&] { return m_connections->state() == ConnectionController::State::Failed; }, 20'000));
        QVERIFY(!m_connections->problemIsKey());
        QVERIFY2(m_connections->problem().contains(u"API URL"_s), qPrintable(m_connections->problem()));
        QVERIFY2(m_connections->problem().contains(u"127.0.0.1:9"_s), qPrintable(m_connections->problem()));
        QVERIFY(states.size() >= 5);
    }

    void theProfileDialogShowsProxyAndCaSettings()
    {
        TestCa ca;
        QVERIFY(ca.create({u"localhost"_s}, u"Contoso Inspection CA"_s));
        ConnectionProfile profile;
        profile.id = u"d"_s;
        profile.name = u"D"_s;
        profile.apiUrl = QUrl(u"https://api.clerk.com/v1"_s);
        profile.caFile = ca.caPath();
        profile.proxyMode = ProxyMode::Manual;
        profile.proxyUrl = QUrl(u"http://proxy.example.com:3128"_s);
        ProfileDialog dialog(profile, SecretStore::Kept::InKeychain);
        auto *mode = dialog.findChild<QComboBox *>(u"proxyModeCombo"_s);
        auto *url = dialog.findChild<QLineEdit *>(u"proxyUrlEdit"_s);
        auto *summary = dialog.findChild<QLabel *>(u"caSummary"_s);
        auto *remove = dialog.findChild<QPushButton *>(u"caRemoveButton"_s);
        QVERIFY(mode && url && summary && remove);
        QVERIFY(url->isEnabled());
        QVERIFY2(summary->text().contains(u"Contoso Inspection CA"_s), qPrintable(summary->text())); // who is trusted
        QVERIFY2(summary->text().contains(u"valid until 2"_s), qPrintable(summary->text()));       // and until when
        // A screen reader hears the same (a label is read by its name), and so does the agent on Choose file.
        auto *choose = dialog.findChild<QPushButton *>(u"caChooseButton"_s);
        const QString heard = QAccessible::queryAccessibleInterface(summary)->text(QAccessible::Name);
        QVERIFY2(heard.contains(u"Contoso Inspection CA"_s) && heard.contains(u"valid until 2"_s), qPrintable(heard));
        QVERIFY2(heard.startsWith(u"Extra CA certificate"_s), qPrintable(heard));
        const QString described = QAccessible::queryAccessibleInterface(choose)->text(QAccessible::Description);
        QVERIFY2(described.contains(u"Contoso Inspection CA"_s), qPrintable(described));
        QCOMPARE(dialog.profile().caFile, profile.caFile);
        QCOMPARE(dialog.profile().proxyMode, ProxyMode::Manual);
        QCOMPARE(dialog.profile().proxyUrl, profile.proxyUrl);

        // A URL is only kept for "this proxy".
        mode->setCurrentIndex(mode->findData(QVariant::fromValue(ProxyMode::None)));
        QVERIFY(!url->isEnabled());
        QCOMPARE(dialog.profile().proxyMode, ProxyMode::None);
        QVERIFY(dialog.profile().proxyUrl.isEmpty());

        remove->click();
        QVERIFY(dialog.profile().caFile.isEmpty());
        QVERIFY(!remove->isEnabled());
        QVERIFY(!summary->text().contains(u"Contoso"_s));
        QVERIFY2(!summary->accessibleName().contains(u"Contoso"_s), qPrintable(summary->accessibleName()));
        QVERIFY2(summary->accessibleName().contains(u"None"_s), qPrintable(summary->accessibleName()));

        // Every control can be named by a screen reader.
        for (QWidget *w : dialog.findChildren<QWidget *>()) {
            if (w->objectName().startsWith(u"qt_"_s))
                continue; // Qt's own parts of a compound control
            if (qobject_cast<QLineEdit *>(w) || qobject_cast<QComboBox *>(w)
                || (qobject_cast<QPushButton *>(w) && w->objectName().startsWith(u"ca"_s)))
                QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
        }
    }

    void theTeamAuditDatabaseIsKeptWithTheProfileWithoutAPassword()
    {
        ConnectionProfile profile;
        profile.id = u"t"_s;
        profile.name = u"T"_s;
        profile.teamAuditUrl = u"postgresql://agent@db.example.com/invitedesk_audit"_s;
        ProfileDialog dialog(profile, SecretStore::Kept::InKeychain);
        auto *edit = dialog.findChild<QLineEdit *>(u"teamAuditEdit"_s);
        QVERIFY(edit);
        QCOMPARE(edit->text(), profile.teamAuditUrl);
        QVERIFY(!edit->accessibleName().isEmpty());
        edit->setText(u"  postgresql://agent@db2.example.com/audit  "_s);
        QCOMPARE(dialog.profile().teamAuditUrl, u"postgresql://agent@db2.example.com/audit"_s);

        QVERIFY(ProfileDialog::teamAuditProblem({}).isEmpty()); // none is fine
        QVERIFY(ProfileDialog::teamAuditProblem(u"postgresql://agent@db.example.com/audit"_s).isEmpty());
        QVERIFY(ProfileDialog::teamAuditProblem(u"db.example.com"_s).contains(u"postgresql://"_s));
        const QString withPassword = ProfileDialog::teamAuditProblem(u"postgresql://agent:s3cret@db.example.com/audit"_s);
        QVERIFY(withPassword.contains(u"password"_s));
        QVERIFY(!withPassword.contains(u"s3cret"_s));

        ProfileStore().save(profile);
        QCOMPARE(ProfileStore().profiles().value(0).teamAuditUrl, profile.teamAuditUrl);

        auto *password = dialog.findChild<QLineEdit *>(u"teamAuditPasswordEdit"_s);
        QVERIFY(password);
        QCOMPARE(password->echoMode(), QLineEdit::Password);
        QVERIFY(!password->accessibleName().isEmpty());
        QVERIFY(dialog.teamAuditPassword().isEmpty()); // untouched: the stored one stays
        password->setText(u"s3cret"_s);
        QCOMPARE(dialog.teamAuditPassword(), u"s3cret"_s);
    }

    void theTeamAuditPasswordGoesFromTheDialogToTheSessionNeverToSettings()
    {
        m_prompts.onEditProfile = [this](const ConnectionProfile &profile, bool, const QString &) {
            Prompts::ProfileAnswer answer{true, profile, SandboxOptions::defaultProductionKey(), u"pg-s3cret"_s};
            answer.profile.name = u"Team"_s;
            answer.profile.apiUrl = m_sandbox->apiUrl();
            answer.profile.teamAuditUrl = u"postgresql://agent@127.0.0.1:%1/audit"_s.arg(freePort());
            return answer;
        };
        m_prompts.onAsk = [](const QString &) { return QMessageBox::Yes; }; // no keychain here: this session only
        m_connections->newProfile();
        QTRY_VERIFY_WITH_TIMEOUT(m_session->isOpen() && m_session->teamAudit(), 10'000);
        QCOMPARE(m_session->teamAuditTarget().password, u"pg-s3cret"_s);
        QCOMPARE(m_session->teamAuditTarget().user, u"agent"_s);

        // Edited without typing it again: the stored one is used.
        m_prompts.onEditProfile = [](const ConnectionProfile &profile, bool, const QString &) {
            return Prompts::ProfileAnswer{true, profile, {}, {}};
        };
        m_connections->editCurrent();
        QTRY_VERIFY_WITH_TIMEOUT(m_session->isOpen() && m_session->teamAudit(), 10'000);
        QCOMPARE(m_session->teamAuditTarget().password, u"pg-s3cret"_s);
        QSettings settings;
        for (const QString &key : settings.allKeys())
            QVERIFY2(!settings.value(key).toString().contains(u"pg-s3cret"_s), qPrintable(key));
    }

    void aProxyThatWantsAPasswordIsAskedOnceThenRemembered()
    {
        // The real parts: a TLS front signed by a private CA, behind a proxy that wants a password.
        INVITEDESK_REQUIRE_PARTS(missingPart({u"nghttpx"_s, u"tinyproxy"_s, u"openssl"_s}));
        TestCa ca;
        QVERIFY(ca.create({u"localhost"_s}));
        TlsFront front;
        QVERIFY(front.start(ca, m_sandbox->port()));
        TestProxy proxy;
        QVERIFY(proxy.start({front.port()}, u"agent"_s, u"s3cret"_s));

        m_prompts.onEditProfile = [&](const ConnectionProfile &profile, bool, const QString &) {
            Prompts::ProfileAnswer answer{true, profile, SandboxOptions::defaultProductionKey()};
            answer.profile.name = u"Behind the proxy"_s;
            answer.profile.apiUrl = QUrl(u"https://localhost:%1/v1"_s.arg(front.port()));
            answer.profile.caFile = ca.caPath();
            answer.profile.proxyMode = ProxyMode::Manual;
            answer.profile.proxyUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(proxy.port()));
            return answer;
        };
        m_prompts.onAsk = [](const QString &) { return QMessageBox::Yes; };
        QStringList reasons;
        m_prompts.onProxyCredentials = [&reasons](const QString &why) {
            reasons << why;
            return Prompts::ProxyAnswer{true, u"agent"_s, u"s3cret"_s};
        };
        m_connections->newProfile();
        QTRY_VERIFY_WITH_TIMEOUT(m_session->isOpen(), 10'000);
        const QString id = m_session->profile().id;

        // First call: the proxy says 407. The window says so without asking (the agent may be typing);
        // signing in asks, once, and the session reopens with it.
        QSignalSpy opened(m_session.get(), &Session::opened);
        m_connections->testConnection();
        QTRY_COMPARE_WITH_TIMEOUT(m_connections->problemKind(), ConnectionController::Problem::Proxy, 20'000);
        QCOMPARE(m_connections->state(), ConnectionController::State::Failed);
        QVERIFY(reasons.isEmpty());
        m_connections->signInToProxy();
        QTRY_COMPARE_WITH_TIMEOUT(reasons.size(), 1, 20'000);
        QVERIFY2(reasons.first().contains(u"proxy"_s, Qt::CaseInsensitive), qPrintable(reasons.first()));
        QVERIFY(opened.wait(10'000) || opened.size() > 0);
        QCOMPARE(m_session->profile().id, id);

        QSignalSpy said(m_connections.get(), &ConnectionController::statusMessage);
        m_connections->testConnection();
        QTRY_COMPARE_WITH_TIMEOUT(said.size(), 2, 20'000);
        QVERIFY2(said.last().first().toString().startsWith(u"Connected: LIVE"_s), qPrintable(said.last().first().toString()));
        QCOMPARE(reasons.size(), 1);
        QVERIFY(proxy.tunnels() >= 1);

        // The profile keeps its network settings (never the proxy password).
        const ConnectionProfile saved = ProfileStore().profiles().value(0);
        QCOMPARE(saved.id, id);
        QCOMPARE(saved.caFile, ca.caPath());
        QCOMPARE(saved.proxyMode, ProxyMode::Manual);
        QCOMPARE(saved.proxyUrl, QUrl(u"http://127.0.0.1:%1"_s.arg(proxy.port())));
        QSettings settings;
        for (const QString &key : settings.allKeys())
            QVERIFY2(!settings.value(key).toString().contains(u"s3cret"_s), qPrintable(key));

        // The profile now names another proxy: the saved password was given for the first one, and the
        // new proxy must not receive it unasked (it may be anyone's).
        TestProxy other;
        QVERIFY(other.start({front.port()}, u"agent"_s, u"s3cret"_s));
        ConnectionProfile moved = saved;
        moved.proxyUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(other.port()));
        m_connections->store().save(moved);
        m_session->close();
        m_connections->activate(id);
        QTRY_VERIFY_WITH_TIMEOUT(m_session->isOpen(), 10'000);
        m_connections->testConnection();
        QTRY_COMPARE_WITH_TIMEOUT(m_connections->problemKind(), ConnectionController::Problem::Proxy, 20'000);
        m_connections->signInToProxy();
        QTRY_COMPARE_WITH_TIMEOUT(reasons.size(), 2, 20'000);
        QVERIFY2(reasons.last().contains(u"127.0.0.1:%1"_s.arg(other.port())), qPrintable(reasons.last())); // names the proxy
    }

    void aProfileLeftWhileTheProxyAskedStaysLeft()
    {
        ConnectionProfile a;
        a.id = u"a"_s;
        a.name = u"A"_s;
        a.apiUrl = m_sandbox->apiUrl();
        a.proxyMode = ProxyMode::Manual;
        a.proxyUrl = QUrl(u"http://127.0.0.1:3128"_s);
        ConnectionProfile b = a;
        b.id = u"b"_s;
        b.name = u"B"_s;
        b.proxyMode = ProxyMode::None;
        // A's requests would go through its proxy only over https: plain http (the sandbox) never does.
        a.apiUrl = QUrl(u"https://clerk.invalid/v1"_s);
        m_connections->store().save(a);
        m_connections->store().save(b);
        m_connections->secrets().keepForSession(SecretStore::keyEntry(u"b"_s), SandboxOptions::defaultProductionKey());
        m_session->open(a, SandboxOptions::defaultProductionKey());
        // While the proxy question is open, the agent switches to profile B (another window, a shortcut).
        bool switched = false;
        m_prompts.onProxyCredentials = [this, &switched](const QString &) -> Prompts::ProxyAnswer {
            m_connections->activate(u"b"_s);
            switched = QTest::qWaitFor([this] { return m_session->isOpen() && m_session->profile().id == u"b"_s; }, 10'000);
            return Prompts::ProxyAnswer{true, u"agent"_s, u"s3cret"_s};
        };
        m_connections->proxyCredentialsNeeded(ClerkError::fromNetworkError(QNetworkReply::ProxyAuthenticationRequiredError, {}));
        m_connections->signInToProxy();
        QVERIFY(switched);
        // The keychain answers the write of A's proxy credentials: a read asked after it is answered after it
        // (QtKeychain runs its jobs one at a time), and finds them stored (or kept for the session).
        std::optional<SecretStore::ReadResult> read;
        m_connections->secrets().read(SecretStore::proxyEntry(u"a"_s), this,
                                      [&read](const SecretStore::ReadResult &result) { read = result; });
        QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 10'000);
        QVERIFY(read->found || m_connections->secrets().hasSessionSecret(SecretStore::proxyEntry(u"a"_s)));
        QVERIFY(m_session->isOpen()); // not closed and swapped back to A
        QCOMPARE(m_session->profile().id, u"b"_s);
    }

    void aCaFileThatCannotBeReadIsSaidAtOpen()
    {
        ConnectionProfile profile;
        profile.id = u"c"_s;
        profile.name = u"C"_s;
        profile.apiUrl = m_sandbox->apiUrl();
        profile.caFile = u"/nonexistent/ca.pem"_s;
        m_connections->store().save(profile);
        m_connections->secrets().keepForSession(SecretStore::keyEntry(profile.id), SandboxOptions::defaultProductionKey());
        m_connections->activate(profile.id);
        QTRY_VERIFY_WITH_TIMEOUT(m_session->isOpen(), 10'000);
        bool said = false;
        for (int row = 0; row < m_activity.rowCount(); ++row)
            said = said || m_activity.index(row, ActivityModel::Message).data().toString().contains(u"/nonexistent/ca.pem"_s);
        QVERIFY(said);
    }

    void everyFrontEndNamesAnEnvironmentAlike_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("name");
        QTest::newRow("live") << u"sk_live_x"_s << u"production"_s;
        QTest::newRow("test") << u"sk_test_x"_s << u"development"_s;
        QTest::newRow("unknown") << u"sk_other_x"_s << u"unknown"_s; // the window used to say "development"
    }

    void everyFrontEndNamesAnEnvironmentAlike()
    {
        QFETCH(QString, key);
        QFETCH(QString, name);
        ConnectionProfile profile;
        profile.id = u"p"_s;
        profile.apiUrl = m_sandbox->apiUrl();
        m_session->open(profile, key);
        QCOMPARE(m_session->auditContext().environment, name);
        QCOMPARE(environmentName(environmentOfKey(key)), name); // what the CLI writes
    }

    void rememberingAnOrganizationWritesOffTheGuiThread()
    {
        // The settings file is written under a lock file and with fdatasync(), and opening an organization
        // remembers it in the same event that shows its table. While another writer holds the file's lock,
        // remembering returns at once (a write on this thread would wait for the lock, up to 30 s) and the
        // file is written once the lock is free; reading the key back waits for that write.
        ProfileStore store;
        const QString file = QSettings().fileName();
        QVERIFY(QDir().mkpath(QFileInfo(file).absolutePath()));
        QLockFile otherWriter(file + u".lock"_s);
        QVERIFY(otherWriter.tryLock(0));
        Organization org;
        org.id = u"org_remembered_while_locked"_s;
        org.name = u"Locked"_s;
        store.rememberOrganization(u"profile_lock"_s, org);
        auto onDisk = [&file] {
            QFile f(file);
            return f.open(QIODevice::ReadOnly) && f.readAll().contains("org_remembered_while_locked");
        };
        QVERIFY(!onDisk()); // not written here, with the lock held
        otherWriter.unlock();
        QCOMPARE(store.lastOrganizationId(u"profile_lock"_s), u"org_remembered_while_locked"_s);
        QTRY_VERIFY(onDisk());
        QCOMPARE(store.recentOrganizations(u"profile_lock"_s).value(0).id, u"org_remembered_while_locked"_s);
    }

    void aDamagedSettingsFileIsReadWithinBounds()
    {
        // Hand-edited or damaged: a list that claims two billion entries, budgets that are not numbers
        // or out of range. The window must start, with sane values, at once.
        {
            QSettings settings;
            settings.setValue(u"recent/p1/size"_s, 2147483647);
            settings.setValue(u"recent/p1/1/id"_s, u"org_1"_s);
            settings.setValue(u"profiles/p1/name"_s, u"one"_s);
            settings.setValue(u"profiles/p1/rateBudgetPercent"_s, u"nan"_s);
            settings.setValue(u"profiles/p2/name"_s, u"two"_s);
            settings.setValue(u"profiles/p2/rateBudgetPercent"_s, 100000);
            settings.setValue(u"profiles/p3/name"_s, u"three"_s);
            settings.setValue(u"profiles/p3/rateBudgetPercent"_s, -5);
            settings.sync();
        }
        ProfileStore store;
        const QList<RecentOrganization> recent = store.recentOrganizations(u"p1"_s);
        QVERIFY(recent.size() <= ProfileStore::maxRecent);
        QCOMPARE(recent.value(0).id, u"org_1"_s);
        const QList<ConnectionProfile> profiles = store.profiles();
        QCOMPARE(profiles.size(), 3);
        for (const ConnectionProfile &profile : profiles)
            QCOMPARE(profile.rateBudgetPercent, 0); // the environment's default
        // And the pacer, whatever reaches it, never divides by a NaN.
        QCOMPARE(RateBudget::forShare(KeyEnvironment::Production, std::nan("")).perWindow,
                 RateBudget::forShare(KeyEnvironment::Production, 0.01).perWindow);
    }

    void theSettingsFileIsPrivateWhateverTheUmask_data()
    {
        QTest::addColumn<bool>("leftReadable");
        QTest::newRow("written anew") << false;
        QTest::newRow("left 0644 by an older version") << true;
    }

    void theSettingsFileIsPrivateWhateverTheUmask()
    {
#ifndef Q_OS_UNIX
        QSKIP("POSIX modes; Windows keeps a profile's files private by its ACLs");
#else
        // The real app, started and closed under umask 022 (it writes its window state on close): its
        // settings hold profile names, API hosts and organizations, for this account alone.
        QFETCH(bool, leftReadable);
        QTemporaryDir home;
        const QString configFolder = home.filePath(u"config/InviteDesk"_s);
        const QString conf = configFolder + u"/InviteDesk.conf"_s;
        if (leftReadable) {
            QVERIFY(QDir().mkpath(configFolder));
            QFile old(conf);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("[window]\nnone=1\n");
            old.close();
            QVERIFY(QFile::setPermissions(configFolder, QFileDevice::Permissions(0x7755)));
            QVERIFY(QFile::setPermissions(conf, QFileDevice::Permissions(0x6644)));
        }
        QProcess app;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"HOME"_s, home.path());
        env.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
        env.insert(u"XDG_DATA_HOME"_s, home.filePath(u"data"_s));
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        env.remove(u"CLERK_SECRET_KEY"_s);
        app.setProcessEnvironment(env);
        app.setChildProcessModifier([] { ::umask(022); });
        app.start(QStringLiteral(INVITEDESK_APP_PATH), {u"--smoke-test"_s});
        QVERIFY(app.waitForFinished(60'000));
        QVERIFY2(app.exitCode() == 0, app.readAllStandardError().constData());
        QVERIFY(QFileInfo::exists(conf));
        auto mode = [](const QString &path) {
            struct stat st{};
            return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 0777) : -1;
        };
        QVERIFY2(mode(conf) == 0600, qPrintable(QString::number(mode(conf), 8)));
        QVERIFY2(mode(configFolder) == 0700, qPrintable(QString::number(mode(configFolder), 8)));
#endif
    }
};

QTEST_MAIN(TestConnection)
#include "tst_connection.moc"
