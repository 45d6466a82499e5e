// invitedesk-cli run as a user would, against an in-process sandbox.

#include "core/audit/AuditLog.h"
#include "support/CliFixture.h"
#include "support/KilledRun.h"
#include "support/TestSandbox.h"

#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QSet>
#include <QtCore/QStandardPaths>

#ifdef Q_OS_UNIX
#  include <pwd.h>
#  include <unistd.h>
#endif
#include <QtCore/QTemporaryDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace InviteDesk;
using namespace InviteDesk::Sandbox;
using namespace InviteDesk::Testing;

class TestCli : public CliFixture
{
    Q_OBJECT

    using Run = CliHarness::Run;

    Run cli(const QStringList &arguments, const QString &key = SandboxOptions::defaultProductionKey(),
            const QByteArray &stdinData = {}, bool withUrl = true)
    {
        return m_cli->run(arguments, key, stdinData, withUrl);
    }

    QSet<QString> pendingIds(const QString &slug)
    {
        QSet<QString> ids;
        for (const SandboxInvitation &inv : m_sandbox->store().organization(slug)->invitations) {
            if (SandboxStore::effectiveStatus(inv, m_sandbox->now()) == "pending"_L1)
                ids.insert(inv.id);
        }
        return ids;
    }

private Q_SLOTS:
    void init() { startClean(); }
    void cleanup() { finish(); }

    void help()
    {
        const Run run = cli({u"--help"_s}, {}, {}, false);
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("revoke ORG [INVITATION_ID ...]"));
        QVERIFY(run.out.contains("Exit codes"));
    }

    void listsExactlyThePendingInvitationsAsJson_data()
    {
        QTest::addColumn<QStringList>("budget");
        QTest::newRow("default budget") << QStringList{};
        QTest::newRow("--rate-budget 100") << QStringList{u"--rate-budget"_s, u"100"_s};
    }

    void listsExactlyThePendingInvitationsAsJson()
    {
        QFETCH(QStringList, budget);
        const Run run = cli(QStringList{u"list"_s, u"acme"_s, u"--format"_s, u"json"_s} + budget);
        QCOMPARE(run.exitCode, 0);
        const QJsonArray array = QJsonDocument::fromJson(run.out).array();
        QSet<QString> ids;
        for (const QJsonValue &v : array) {
            ids.insert(v["id"_L1].toString());
            QCOMPARE(v["object"_L1].toString(), u"organization_invitation"_s);
            QCOMPARE(v["status"_L1].toString(), u"pending"_s);
            QVERIFY(v["created_at"_L1].isDouble());
        }
        QCOMPARE(array.size(), 1234);
        QCOMPARE(ids, pendingIds(u"acme"_s));
    }

    void listsEveryPendingInvitationOfTheInstance()
    {
        const Run run = cli({u"list"_s, u"--all-orgs"_s, u"--format"_s, u"json"_s});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray array = QJsonDocument::fromJson(run.out).array();
        QSet<QString> ids;
        for (const QJsonValue &v : array) {
            ids.insert(v["id"_L1].toString());
            QCOMPARE(v["status"_L1].toString(), u"pending"_s);
            // Clerk's own field, with the organization's name: never a bare ID.
            QVERIFY(!v["public_organization_data"_L1]["name"_L1].toString().isEmpty());
        }
        QSet<QString> expected;
        for (const SandboxOrganization &org : m_sandbox->store().organizations) {
            for (const SandboxInvitation &inv : org.invitations) {
                if (SandboxStore::effectiveStatus(inv, m_sandbox->now()) == "pending"_L1)
                    expected.insert(inv.id);
            }
        }
        QCOMPARE(ids.size(), array.size()); // each once
        QCOMPARE(ids, expected);
        const Run table = cli({u"list"_s, u"--all-orgs"_s, u"--status"_s, u"revoked"_s});
        QCOMPARE(table.exitCode, 0);
        QVERIFY2(table.out.contains("ORGANIZATION") && table.out.contains("  acme  "), table.out.left(400).constData()); // its slug
        QCOMPARE(cli({u"list"_s, u"--all-orgs"_s, u"acme"_s}).exitCode, 2);
    }

    void listFormats()
    {
        const Run csv = cli({u"list"_s, u"initech"_s, u"--status"_s, u"all"_s, u"--format"_s, u"csv"_s});
        QCOMPARE(csv.exitCode, 0);
        const QList<QByteArray> lines = csv.out.trimmed().split('\n');
        QVERIFY(lines.first().startsWith("id,email_address,role"));
        QCOMPARE(lines.size(), 1 + int(m_sandbox->store().organization(u"initech"_s)->invitations.size()));
        const Run table = cli({u"list"_s, u"umbrella"_s});
        QCOMPARE(table.exitCode, 0);
        QVERIFY(table.out.startsWith("EMAIL"));
        QVERIFY(QString::fromUtf8(table.out).contains(u"zoë.ångström@umbrella.example"_s));
    }

    void findAcrossOrganizations()
    {
        const Run run = cli({u"find"_s, u"SAM.contractor@freelance.example"_s, u"--format"_s, u"json"_s});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray array = QJsonDocument::fromJson(run.out).array();
        QCOMPARE(array.size(), 5 + 1); // five organizations' invitations, then the instance's (tst_application)
        QSet<QString> organizations;
        int pending = 0;
        for (const QJsonValue &v : array) {
            QCOMPARE(v["email_address"_L1].toString(), u"sam.contractor@freelance.example"_s);
            if (v["object"_L1] == "invitation"_L1)
                continue;
            organizations.insert(v["public_organization_data"_L1]["id"_L1].toString());
            pending += v["status"_L1].toString() == "pending"_L1;
        }
        QCOMPARE(organizations.size(), 5);
        QCOMPARE(pending, 4);
        const Run table = cli({u"find"_s, u"sam.contractor@freelance.example"_s, u"--status"_s, u"pending"_s});
        QCOMPARE(table.exitCode, 0);
        QVERIFY(table.out.startsWith("EMAIL"));
        QVERIFY(table.out.contains("ORGANIZATION"));
        QCOMPARE(table.out.trimmed().count('\n'), 4 + 1);
    }

    void orgsSearch()
    {
        const Run run = cli({u"orgs"_s, u"--query"_s, u"glob"_s, u"--format"_s, u"json"_s});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray array = QJsonDocument::fromJson(run.out).array();
        QCOMPARE(array.size(), 1);
        QCOMPARE(array.first()["slug"_L1].toString(), u"globex"_s);
    }

    void orgsSayWhatKeepsAnOrganizationFull()
    {
        // Umbrella is seeded at its limit, held there by pending invitations alone.
        const Run run = cli({u"orgs"_s, u"--query"_s, u"umbrella"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains("MEMBERS") && run.out.contains("LIMIT"), run.out.constData());
        QVERIFY2(run.out.contains("(full; revoke 1 to free a seat)"), run.out.constData());
        const Run hooli = cli({u"orgs"_s, u"--query"_s, u"hooli"_s, u"--format"_s, u"csv"_s});
        QVERIFY2(hooli.out.contains("max_allowed_memberships"), hooli.out.constData());
    }

    void revokesExactlyThoseNamed()
    {
        QStringList chosen;
        const QSet<QString> before = pendingIds(u"globex"_s);
        for (const QString &id : before) {
            chosen << id;
            if (chosen.size() == 5)
                break;
        }
        QTemporaryDir dir;
        QFile list(dir.filePath(u"ids.txt"_s));
        QVERIFY(list.open(QIODevice::WriteOnly));
        list.write("# from the ticket\n" + chosen.mid(2).join(u'\n').toLatin1() + "\n\n");
        list.close();

        const Run run = cli({u"revoke"_s, u"globex"_s, chosen.at(0), chosen.at(1), u"--from-file"_s, list.fileName(),
                             u"--yes"_s, u"--rate-budget"_s, u"50"_s, u"--ticket"_s, u"SUP-1"_s});
        QCOMPARE(run.exitCode, 0);
        const QList<QByteArray> lines = run.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 5);
        for (const QByteArray &line : lines)
            QVERIFY2(line.split('\t').value(2) == "revoked", line.constData());
        const QSet<QString> after = pendingIds(u"globex"_s);
        QCOMPARE(before - after, QSet<QString>(chosen.cbegin(), chosen.cend()));
        QCOMPARE(after.size(), before.size() - 5);

        // Again: already revoked is success too, and the audit log holds both runs.
        const Run again = cli({u"revoke"_s, u"globex"_s, chosen.at(0), u"--yes"_s});
        QCOMPARE(again.exitCode, 0);
        QVERIFY(again.out.contains("already_revoked"));
        const Run verify = cli({u"audit"_s, u"verify"_s}, {}, {}, false);
        QCOMPARE(verify.exitCode, 0);
        QVERIFY(verify.out.contains("12 records"));
    }

    void partialFailureExitsOne()
    {
        const QString pending = *pendingIds(u"initech"_s).cbegin();
        const Run run = cli({u"revoke"_s, u"initech"_s, pending, u"orginv_nope"_s, u"--yes"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.contains("not_found"));
        QVERIFY(run.out.contains(QByteArray(pending.toLatin1() + '\t')));
    }

    void onATerminalSixOnProductionWantTheSlugTyped_data()
    {
        QTest::addColumn<QByteArray>("typed");
        QTest::addColumn<int>("revoked");
        QTest::newRow("y") << QByteArray("y\n") << 0;
        QTest::newRow("yes") << QByteArray("yes\n") << 0;
        QTest::newRow("another slug") << QByteArray("acme\n") << 0;
        QTest::newRow("nothing") << QByteArray("\n") << 0;
        QTest::newRow("the slug") << QByteArray("initech\n") << 6;
    }

    void onATerminalSixOnProductionWantTheSlugTyped()
    {
        // The one confirmation rule (core/domain/Confirmation), as an agent at a terminal meets it: more than
        // five on a production key want the organization's slug typed, and a habitual "y" revokes nothing.
        if (QStandardPaths::findExecutable(u"script"_s).isEmpty())
            QSKIP("util-linux script(1) is needed for a pseudo-terminal");
        QFETCH(QByteArray, typed);
        QFETCH(int, revoked);
        const QSet<QString> pending = pendingIds(u"initech"_s);
        const QStringList six = QStringList(pending.cbegin(), pending.cend()).mid(0, 6);
        QCOMPARE(six.size(), 6);
        const Run run = m_cli->runOnTerminal(QStringList{u"revoke"_s, u"initech"_s} + six, typed);
        QVERIFY2(run.out.contains("Type initech to revoke them"), run.out.constData()); // asked on the terminal
        QCOMPARE(requestCount(*m_sandbox, "POST"), revoked);
        const QSet<QString> left = pendingIds(u"initech"_s);
        for (const QString &id : six)
            QCOMPARE(left.contains(id), revoked == 0);
        QCOMPARE(run.exitCode, revoked == 0 ? 1 : 0);
        if (revoked == 0)
            QVERIFY2(run.out.contains("Nothing was revoked"), run.out.constData());
    }

    void refusesWithoutATerminal()
    {
        const QString pending = *pendingIds(u"initech"_s).cbegin();
        const Run run = cli({u"revoke"_s, u"initech"_s, pending}, SandboxOptions::defaultProductionKey(), "y\n");
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("--yes"));
        QVERIFY(pendingIds(u"initech"_s).contains(pending));
        QVERIFY(m_sandbox->requests().empty()); // refused before anything was sent
    }

    void wrongKeyIsClear()
    {
        const Run run = cli({u"orgs"_s}, u"sk_live_wrong"_s);
        QCOMPARE(run.exitCode, 3);
        QVERIFY(run.err.contains("rejected the secret key"));
        QVERIFY(run.err.contains("clerk_key_invalid"));
        QCOMPARE(run.err.count('\n'), 1); // one line, no Qt noise
    }

    void missingKey()
    {
        const Run run = cli({u"orgs"_s}, QString());
        QCOMPARE(run.exitCode, 3);
        QVERIFY(run.err.contains("CLERK_SECRET_KEY"));
    }

    void keyIsNeverAnArgument()
    {
        const Run run = cli({u"orgs"_s, u"--key"_s, u"sk_live_x"_s});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("CLERK_SECRET_KEY"));
    }

    void insecureUrlIsRefused()
    {
        const Run run = cli({u"--api-url"_s, u"http://api.example.com/v1"_s, u"orgs"_s}, SandboxOptions::defaultProductionKey(),
                            {}, false);
        QCOMPARE(run.exitCode, 3);
        QVERIFY(run.err.contains("https"));
    }

    void unknownOrganization()
    {
        const Run run = cli({u"list"_s, u"no-such-org"_s});
        QCOMPARE(run.exitCode, 4);
        QVERIFY(run.err.contains("no-such-org"));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no command") << QStringList{};
        QTest::newRow("unknown command") << QStringList{u"frobnicate"_s};
        QTest::newRow("list without org") << QStringList{u"list"_s};
        QTest::newRow("bad format") << QStringList{u"orgs"_s, u"--format"_s, u"xml"_s};
        QTest::newRow("bad status") << QStringList{u"list"_s, u"acme"_s, u"--status"_s, u"maybe"_s};
        QTest::newRow("revoke without ids") << QStringList{u"revoke"_s, u"acme"_s};
        QTest::newRow("budget too high") << QStringList{u"revoke"_s, u"acme"_s, u"x"_s, u"--rate-budget"_s, u"150"_s};
        QTest::newRow("budget not a number") << QStringList{u"revoke"_s, u"acme"_s, u"x"_s, u"--rate-budget"_s, u"nan"_s};
        QTest::newRow("budget infinite") << QStringList{u"list"_s, u"acme"_s, u"--rate-budget"_s, u"inf"_s};
        QTest::newRow("option of another command") << QStringList{u"orgs"_s, u"--yes"_s};
        QTest::newRow("find an empty address") << QStringList{u"find"_s, u"  "_s};
        QTest::newRow("list budget zero") << QStringList{u"list"_s, u"acme"_s, u"--rate-budget"_s, u"0"_s};
        QTest::newRow("a value missing") << QStringList{u"list"_s, u"acme"_s, u"--status"_s};
        QTest::newRow("a value given to a flag") << QStringList{u"revoke"_s, u"acme"_s, u"x"_s, u"--yes=no"_s};
        QTest::newRow("an unknown short option") << QStringList{u"list"_s, u"acme"_s, u"-y"_s};
        QTest::newRow("the key as an argument") << QStringList{u"list"_s, u"acme"_s, u"--secret-key=sk_test_x"_s};
    }

    void optionsGoAnywhereAndDoubleDashEndsThem()
    {
        // Qt's parser reads the arguments: an option before the command or after its arguments, --x=v or
        // --x v, and after "--" everything is an argument (a slug may start with a dash).
        const Run before = cli({u"--api-url"_s, m_sandbox->apiUrl().toString(), u"orgs"_s, u"--format"_s, u"json"_s},
                               SandboxOptions::defaultProductionKey(), {}, false);
        QVERIFY2(before.exitCode == 0, before.err.constData());
        QVERIFY(QJsonDocument::fromJson(before.out).isArray());
        const Run inline_ = cli({u"list"_s, u"--status=all"_s, u"initech"_s, u"--format=csv"_s});
        QVERIFY2(inline_.exitCode == 0, inline_.err.constData());
        QCOMPARE(inline_.out.trimmed().count('\n'), int(m_sandbox->store().organization(u"initech"_s)->invitations.size()));
        const Run dashed = cli({u"list"_s, u"--"_s, u"--initech"_s});
        QCOMPARE(dashed.exitCode, 4); // an organization named "--initech", looked for and not found
        QVERIFY2(dashed.err.contains("--initech"), dashed.err.constData());
        const Run otherCommands = cli({u"list"_s, u"acme"_s, u"--yes"_s});
        QCOMPARE(otherCommands.exitCode, 2);
        QVERIFY2(otherCommands.err.contains("unknown option --yes for list"), otherCommands.err.constData());
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        const Run run = cli(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.startsWith("invitedesk-cli: "));
    }

    void verifyingAFileThatIsNotOneIsAUsageError_data()
    {
        QTest::addColumn<bool>("directory");
        QTest::newRow("no such file") << false;
        QTest::newRow("a directory") << true;
    }

    void verifyingAFileThatIsNotOneIsAUsageError()
    {
        // Never "0 records, chain intact" for a log that is not there to check.
        QFETCH(bool, directory);
        QTemporaryDir dir;
        const QString path = directory ? dir.path() : dir.filePath(u"nonexistent.jsonl"_s);
        const Run run = cli({u"audit"_s, u"verify"_s, u"--file"_s, path}, {}, {}, false);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.startsWith("invitedesk-cli: ") && run.err.contains(path.toUtf8())
                     && run.err.contains(directory ? "not a file" : "no such file"),
                 run.err.constData());
        QCOMPARE(run.err.count('\n'), 1);
        QVERIFY(!run.out.contains("intact"));
    }

    void killedMidRunIsReconciledNextTime()
    {
        // kill -9 in the middle of a bulk revoke: the audit log keeps its chain, holds intents
        // without outcomes, and the next run settles them by re-reading those invitations.
        m_sandbox->setFaults({150});
        QStringList ids;
        for (const QString &id : pendingIds(u"acme"_s)) {
            ids << id;
            if (ids.size() == 80)
                break;
        }
        const std::unique_ptr<QProcess> started = m_cli->start(QStringList{u"revoke"_s, u"acme"_s, u"--yes"_s} + ids);
        QProcess &process = *started;
        QVERIFY(QTest::qWaitFor([&process] { return process.readAllStandardOutput().count('\n') >= 1 ||
                                                      process.state() == QProcess::NotRunning; }, 30'000));
        const qint64 killedPid = process.processId();
        process.kill(); // SIGKILL: no chance to write anything more
        QVERIFY(QTest::qWaitFor([&process] { return process.state() == QProcess::NotRunning; }, 10'000));

        const QString log = m_cli->auditLogPath();
        // A kill between a group's sync and its head's rewrite leaves the head up to a group behind: that
        // verifies (AuditLog::headLagIsACrash()), as it is, before any next run writes.
        const AuditVerification verified = AuditLog::verify(log);
        QVERIFY2(verified.ok, qPrintable(verified.problem));
        const QList<QJsonObject> open = AuditLog::unsettledIntents(log);
        QVERIFY(!open.isEmpty());
        // The sandbox has read what was on the wire: every connection of the killed run is closed.
        QTRY_COMPARE_WITH_TIMEOUT(m_sandbox->openConnections(), 0, 10'000);
        // The next run settles a run whose process is gone; while the kernel still lists the killed process,
        // its run lock (QLockFile, by PID) rightly calls the run alive. Wait until it does not (where there
        // is no /proc this waits for nothing).
        QTRY_VERIFY_WITH_TIMEOUT(!QFileInfo::exists(u"/proc/%1"_s.arg(killedPid)), 10'000);

        m_sandbox->setFaults({});
        const Run next = cli({u"revoke"_s, u"acme"_s, ids.last(), u"--yes"_s});
        QVERIFY(next.exitCode == 0 || next.exitCode == 1);
        QCOMPARE(int(next.err.count("interrupted earlier revoke")), int(open.size()));
        QVERIFY(AuditLog::unsettledIntents(log).isEmpty());
        QVERIFY(AuditLog::verify(log).ok);
        // Each reconciled record says what the server really has.
        QFile file(log);
        QVERIFY(file.open(QIODevice::ReadOnly));
        int reconciled = 0;
        while (!file.atEnd()) {
            const QJsonObject record = QJsonDocument::fromJson(file.readLine()).object();
            if (record.value("event"_L1).toString() != "reconciled"_L1)
                continue;
            ++reconciled;
            const SandboxInvitation *inv = m_sandbox->store().invitation(record.value("organization_id"_L1).toString(),
                                                                         record.value("invitation_id"_L1).toString());
            QVERIFY(inv);
            // Revoked by the killed run's own requests here, but only their lost answers could have said so.
            QCOMPARE(record.value("outcome"_L1).toString(),
                     inv->status == "revoked"_L1 ? u"revoked_unattributed"_s : u"not_revoked_still_pending"_s);
        }
        QCOMPARE(reconciled, open.size());
    }

    void aKilledRunNeverClaimsAnotherAgentsRevokes()
    {
        // Agent B's run is killed while some of its intents wait for the pacer (never sent); agent C, on
        // another computer (another HOME), then revokes the same invitations. B's next run settles its
        // open intents: what C revoked is never recorded as B's, and each record keeps B's ticket.
        const QSet<QString> pending = pendingIds(u"acme"_s);
        QStringList all(pending.cbegin(), pending.cend());
        all.sort();
        const QStringList ids = all.mid(0, 24);
        // 1 % of the production budget: a few revokes go at once, the rest wait for the next window.
        const std::unique_ptr<QProcess> b = m_cli->start(
            QStringList{u"revoke"_s, u"acme"_s, u"--yes"_s, u"--rate-budget"_s, u"1"_s, u"--ticket"_s, u"SUP-B"_s} + ids);
        const QString log = m_cli->auditLogPath();
        const KilledRun killed = killWhileIntentsWait(*b, *m_sandbox, ids, log);
        QVERIFY2(killed.failure.isEmpty(), qPrintable(killed.failure));
        const QSet<QString> &sentByB = killed.sent;
        const QList<QJsonObject> &open = killed.open;
        const int neverSent = int(killed.neverSent.size());

        CliHarness agentC(m_sandbox.get());
        const Run c = agentC.run(QStringList{u"revoke"_s, u"acme"_s, u"--yes"_s} + ids);
        QVERIFY2(c.exitCode == 0 || c.exitCode == 1, c.err.constData());

        const Run next = cli({u"revoke"_s, u"acme"_s, all.last(), u"--yes"_s});
        QCOMPARE(next.exitCode, 0);
        QVERIFY(AuditLog::unsettledIntents(log).isEmpty());
        QFile file(log);
        QVERIFY(file.open(QIODevice::ReadOnly));
        int reconciled = 0;
        int notB = 0;
        while (!file.atEnd()) {
            const QJsonObject record = QJsonDocument::fromJson(file.readLine()).object();
            if (record.value("event"_L1).toString() != "reconciled"_L1)
                continue;
            ++reconciled;
            const QString id = record.value("invitation_id"_L1).toString();
            const QString outcome = record.value("outcome"_L1).toString();
            QCOMPARE(record.value("ticket"_L1).toString(), u"SUP-B"_s);
            QVERIFY2(outcome != "revoked"_L1, qPrintable(id)); // never claimed without Clerk's answer
            if (!sentByB.contains(id)) {
                QCOMPARE(outcome, u"already_revoked"_s); // C's revoke, and the record says so
                ++notB;
            } else {
                QVERIFY2(outcome == "revoked_unattributed"_L1 || outcome == "already_revoked"_L1, qPrintable(outcome));
            }
        }
        QCOMPARE(reconciled, open.size());
        QCOMPARE(notB, neverSent);
    }

    void theOperatorIsTheSystemsAccountNeverAnEnvironmentVariable()
    {
        // Bob sets USER (and its cousins) to sign as Ana: the record names the account the process runs as.
#ifndef Q_OS_UNIX
        QSKIP("reads the account with getpwuid(); Windows takes the token's user (GetUserNameW)");
#else
        const QSet<QString> pending = pendingIds(u"globex"_s);
        const std::unique_ptr<QProcess> started = m_cli->start(
            {u"revoke"_s, u"globex"_s, *pending.cbegin(), u"--yes"_s}, Sandbox::SandboxOptions::defaultProductionKey(),
            true, [](QProcess &p) {
                QProcessEnvironment env = p.processEnvironment();
                for (const QString &name : {u"USER"_s, u"LOGNAME"_s, u"USERNAME"_s})
                    env.insert(name, u"ana"_s);
                p.setProcessEnvironment(env);
            });
        const Run run = CliHarness::finish(*started);
        QCOMPARE(run.exitCode, 0);
        const passwd *account = ::getpwuid(::geteuid());
        QVERIFY(account);
        QFile file(m_cli->auditLogPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        int records = 0;
        while (!file.atEnd()) {
            QCOMPARE(QJsonDocument::fromJson(file.readLine()).object().value("operator"_L1).toString(),
                     QString::fromLocal8Bit(account->pw_name));
            ++records;
        }
        QCOMPARE(records, 2);
#endif
    }

    void networkFailureIsOneLine()
    {
        m_sandbox->addScriptedFault({ScriptedFault::Kind::ServerError, {}, {}, 100, 503});
        const Run run = cli({u"orgs"_s});
        QCOMPARE(run.exitCode, 4);
        QVERIFY(run.err.contains("HTTP 503"));
        QCOMPARE(run.err.count('\n'), 1);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
