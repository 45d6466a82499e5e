// The secret key never lands in a file InviteDesk writes, nor in its logs at any verbosity.
// A whole session runs with its own HOME and XDG folders, which are then scanned byte by byte.

#include "core/util/MessageFilter.h"
#include "gui/connection/ConnectionController.h"
#include "gui/invitations/InvitationTableModel.h"
#include "gui/invitations/InvitationsController.h"
#include "gui/MainWindow.h"
#include "gui/session/Session.h"
#include "support/ManualClock.h"
#include "support/ScriptedPrompts.h"
#include "support/TestSandbox.h"

#include <QtCore/QDirIterator>
#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QTableView>

using namespace Qt::StringLiterals;
using namespace InviteDesk;
using namespace InviteDesk::Sandbox;
using namespace InviteDesk::Testing;

namespace {
// The sandbox accepts this extra production key; it appears nowhere else in the code.
const QString secretKey = u"sk_live_ThisKeyMustNeverBeWrittenAnywhere42"_s;

QTemporaryDir &home()
{
    static QTemporaryDir dir;
    return dir;
}

/*! Every file under the session's folders that contains the key, or its Base64 form. */
QStringList filesContaining(const QString &root)
{
    const QByteArray plain = secretKey.toUtf8();
    const QByteArray base64 = plain.toBase64();
    QStringList hits;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly)) {
            const QByteArray content = file.readAll();
            if (content.contains(plain) || content.contains(base64))
                hits << file.fileName();
        }
    }
    return hits;
}
} // namespace

class TestSecrets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scrubbing()
    {
        QCOMPARE(scrubSecrets(u"Authorization: Bearer sk_live_abc123"_s), u"Authorization: Bearer <redacted>"_s);
        QVERIFY(!scrubSecrets(u"key=sk_test_Zz9_x-1 trailing"_s).contains(u"Zz9"_s));
        QCOMPARE(scrubSecrets(u"nothing secret here"_s), u"nothing secret here"_s);
    }

    void aWholeSessionWritesNoKey()
    {
        SandboxOptions options = smallSandboxOptions();
        options.productionKeys << secretKey;
        auto sandbox = startSandbox(options);

        {
            Testing::ScriptedPrompts prompts;
            ManualClock clock; // the undo window is moved through, not waited out; outlives the window
            MainWindow window{&prompts};
            window.session()->setClock(&clock);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            // A saved profile, as a user would create it (the key itself stays out of the settings).
            ConnectionProfile profile;
            profile.id = u"saved-profile"_s;
            profile.name = u"Acme production"_s;
            profile.apiUrl = sandbox->apiUrl();
            profile.environment = KeyEnvironment::Production;
            window.connections()->store().save(profile);
            window.connections()->secrets().keepForSession(SecretStore::keyEntry(profile.id), secretKey);
            window.connections()->activate(profile.id);
            QTRY_VERIFY(window.session()->isOpen());
            window.openOrganization(u"initech"_s);
            QTRY_COMPARE_WITH_TIMEOUT(window.invitationModel()->rowCount(), 41, 20'000);
            QTRY_VERIFY(!window.invitations()->isLoading());
            window.findChild<QTableView *>(u"invitationsView"_s)->selectRow(0);
            prompts.confirmAll(u"SUP-1"_s);
            QMetaObject::invokeMethod(window.findChild<QAction *>(u"actionRevoke"_s), &QAction::trigger);
            // A production profile holds revokes for five seconds first (the undo window).
            QVERIFY(clock.runUntil([&] {
                return !window.invitations()->isHolding() && !window.invitations()->isRevoking()
                    && QFile::exists(window.invitations()->auditLogPath());
            }, 20'000, std::chrono::seconds(1)));
            QCOMPARE(requestCount(*sandbox, "POST"), 1); // the key went out in a revoke too
            QVERIFY(QFile::exists(window.invitations()->auditLogPath()));
            window.close(); // writes the window settings
        }

        // The CLI at full verbosity, with Qt's own network logging switched on.
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"CLERK_SECRET_KEY"_s, secretKey);
        env.insert(u"INVITEDESK_DEBUG"_s, u"1"_s);
        env.insert(u"QT_LOGGING_RULES"_s, u"*.debug=true"_s);
        cli.setProcessEnvironment(env);
        cli.start(QStringLiteral(INVITEDESK_CLI_PATH),
                  {u"--api-url"_s, sandbox->apiUrl().toString(), u"list"_s, u"initech"_s, u"--format"_s, u"json"_s});
        QVERIFY(cli.waitForStarted());
        QVERIFY(QTest::qWaitFor([&cli] { return cli.state() == QProcess::NotRunning; }, 30'000));
        QCOMPARE(cli.exitCode(), 0);
        const QByteArray err = cli.readAllStandardError();
        QVERIFY(!err.contains(secretKey.toUtf8()));

        const QStringList hits = filesContaining(home().path());
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(u", "_s)));
        // The scan itself must be able to find something: prove it on a file we plant.
        QFile planted(home().filePath(u"planted.txt"_s));
        QVERIFY(planted.open(QIODevice::WriteOnly));
        planted.write(secretKey.toUtf8());
        planted.close();
        QCOMPARE(filesContaining(home().path()).size(), 1);
    }
};

int main(int argc, char *argv[])
{
    // Everything the session writes lands below one temporary folder.
    const QString root = home().path();
    qputenv("HOME", root.toLocal8Bit());
    qputenv("XDG_CONFIG_HOME", (root + u"/config"_s).toLocal8Bit());
    qputenv("XDG_DATA_HOME", (root + u"/data"_s).toLocal8Bit());
    qputenv("XDG_CACHE_HOME", (root + u"/cache"_s).toLocal8Bit());
    qputenv("XDG_STATE_HOME", (root + u"/state"_s).toLocal8Bit());
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"InviteDesk"_s);
    QApplication::setApplicationName(u"InviteDesk"_s);
    TestSecrets test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_secrets.moc"
