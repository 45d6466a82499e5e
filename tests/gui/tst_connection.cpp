// Connection profiles: create, edit and delete through the prompts (every dialog path), the profile
// store owning every per-profile setting, and one name for each key's environment.

#include "gui/ActivityModel.h"
#include "gui/connection/ConnectionController.h"
#include "gui/session/Session.h"
#include "support/ScriptedPrompts.h"
#include "support/TestSandbox.h"

#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>

using namespace Qt::StringLiterals;
using namespace InviteDesk;
using namespace InviteDesk::Sandbox;
using namespace InviteDesk::Testing;

class TestConnection : public QObject
{
    Q_OBJECT

    std::unique_ptr<ClerkSandbox> m_sandbox;
    ScriptedPrompts m_prompts;
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
        m_sandbox.reset();
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

        // Edit: a new name, same key (an empty key answer keeps the stored one).
        m_prompts.onEditProfile = [](const ConnectionProfile &profile, bool isNew, const QString &) {
            Prompts::ProfileAnswer answer{!isNew, profile, {}};
            answer.profile.name = u"Support Europe"_s;
            return answer;
        };
        m_connections->editCurrent();
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

    void aCancelledDialogChangesNothing()
    {
        m_prompts.onEditProfile = [](const ConnectionProfile &, bool, const QString &) { return Prompts::ProfileAnswer{}; };
        m_connections->newProfile();
        QTest::qWait(50);
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

    void aRejectedKeyOffersToEditTheProfile()
    {
        ConnectionProfile profile;
        profile.id = u"r"_s;
        profile.name = u"Rejected"_s;
        profile.apiUrl = m_sandbox->apiUrl();
        m_session->open(profile, u"sk_live_wrong"_s);
        bool edited = false;
        m_prompts.onAsk = [](const QString &) { return QMessageBox::Yes; };
        m_prompts.onEditProfile = [&edited](const ConnectionProfile &p, bool isNew, const QString &) {
            edited = !isNew && p.id == u"r"_s;
            return Prompts::ProfileAnswer{};
        };
        m_connections->keyRejected(ClerkError::fromHttp(401, {}));
        QVERIFY(m_prompts.asked.last().contains(u"Rejected"_s));
        QVERIFY(edited);
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
};

QTEST_MAIN(TestConnection)
#include "tst_connection.moc"
