// invitedesk-cli under attack: two processes on one audit log, a full disk mid-run, a hostile server,
// hostile text in every field, malformed input files, an unwritable audit folder.

#include "core/audit/AuditLog.h"
#include "support/CliFixture.h"
#include "support/TestSandbox.h"

#include <QtCore/QDir>
#include <QtCore/QDirIterator>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QSet>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

#include <algorithm>
#include <tuple>

#ifdef Q_OS_UNIX
#  include <csignal>
#  include <sys/resource.h>
#  include <sys/stat.h>
#  include <unistd.h>
#endif

using namespace Qt::StringLiterals;
using namespace InviteDesk;
using namespace InviteDesk::Sandbox;
using namespace InviteDesk::Testing;

namespace {

QList<QJsonObject> records(const QString &path)
{
    QList<QJsonObject> list;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return list;
    while (!file.atEnd()) {
        const QJsonObject r = QJsonDocument::fromJson(file.readLine()).object();
        if (!r.isEmpty())
            list << r;
    }
    return list;
}

/*! Every intent ends in exactly one outcome or reconciliation, and no record settles someone else's intent twice. */
void checkEveryIntentSettledOnce(const QString &log)
{
    QHash<QString, int> settledPerOp;
    QSet<QString> intents;
    for (const QJsonObject &r : records(log)) {
        const QString event = r.value("event"_L1).toString();
        if (event == "intent"_L1)
            intents.insert(r.value("op"_L1).toString());
        else if (event == "outcome"_L1 || event == "reconciled"_L1)
            ++settledPerOp[r.value("op"_L1).toString()];
    }
    for (const QString &op : intents)
        QVERIFY2(settledPerOp.value(op) == 1, qPrintable(u"intent %1 settled %2 times"_s.arg(op).arg(settledPerOp.value(op))));
}

} // namespace

class TestCliSafety : public CliFixture
{
    Q_OBJECT

    QStringList pendingIds(const QString &slug, int count, int skip = 0)
    {
        return Testing::pendingIds(*m_sandbox, slug, count, skip);
    }

private Q_SLOTS:
    void init() { startClean(); }
    void cleanup() { finish(); }

    // Issue 11, item 2 -----------------------------------------------------------------------

    void aSecondProcessNeverSettlesTheFirstOnesLiveRevokes()
    {
        // A's revokes are carried out at once but answered 1.5 s later, so they are in flight when B
        // starts, and B's reconciler can re-read them (reads are quick) before A writes their outcomes.
        // B must leave A's open intents to A.
        FaultSettings slowWrites;
        slowWrites.writeLatencyMs = 1'500;
        m_sandbox->setFaults(slowWrites);
        const QStringList forA = pendingIds(u"acme"_s, 30);
        const QStringList forB = pendingIds(u"acme"_s, 3, 30);
        const std::unique_ptr<QProcess> a = m_cli->start(QStringList{u"revoke"_s, u"acme"_s, u"--yes"_s} + forA);
        QVERIFY(QTest::qWaitFor([&a] { return a->bytesAvailable() > 0 || a->state() == QProcess::NotRunning; }, 60'000));
        QVERIFY2(a->state() == QProcess::Running, "A finished before B could start: the test proves nothing");
        QVERIFY(!AuditLog::unsettledIntents(m_cli->auditLogPath()).isEmpty());
        const std::unique_ptr<QProcess> b = m_cli->start(QStringList{u"revoke"_s, u"acme"_s, u"--yes"_s} + forB);
        const CliHarness::Run runB = CliHarness::finish(*b);
        m_sandbox->setFaults({}); // B has met A's revokes in flight; A's remaining ones need not wait 1.5 s each
        const CliHarness::Run runA = CliHarness::finish(*a);
        QCOMPARE(runA.exitCode, 0);
        QCOMPARE(runB.exitCode, 0);
        QVERIFY2(!runB.err.contains("interrupted earlier revoke"), runB.err.constData());

        const QString log = m_cli->auditLogPath();
        const AuditVerification verified = AuditLog::verify(log);
        QVERIFY2(verified.ok, qPrintable(verified.problem));
        int reconciled = 0;
        for (const QJsonObject &r : records(log))
            reconciled += r.value("event"_L1).toString() == "reconciled"_L1;
        QCOMPARE(reconciled, 0);
        checkEveryIntentSettledOnce(log);
        // The log's last word on each invitation is what the server has.
        QHash<QString, QString> last;
        for (const QJsonObject &r : records(log)) {
            if (r.contains("outcome"_L1))
                last.insert(r.value("invitation_id"_L1).toString(), r.value("outcome"_L1).toString());
        }
        for (const QString &id : forA + forB) {
            QCOMPARE(last.value(id), u"revoked"_s);
            QCOMPARE(m_sandbox->store().invitation(m_sandbox->store().organization(u"acme"_s)->id, id)->status,
                     u"revoked"_s);
        }
    }

    // Issue 11, item 7 -----------------------------------------------------------------------

    void aFullDiskStopsTheRunAndTheNextRunRepairsIt()
    {
#ifndef Q_OS_UNIX
        QSKIP("file size limits are a Unix feature");
#else
        // Invitations whose records all have one size: addresses of one length.
        QStringList ids;
        qsizetype length = -1;
        for (const SandboxInvitation &inv : m_sandbox->store().organization(u"acme"_s)->invitations) {
            if (inv.status != "pending"_L1 || (length >= 0 && inv.emailAddress.size() != length))
                continue;
            length = inv.emailAddress.size();
            ids << inv.id;
            if (ids.size() == 41)
                break;
        }
        QCOMPARE(ids.size(), 41);
        // A first, small run puts one intent and its outcome in the log. The second run gets a file
        // size limit with room for six more intents and half an outcome, as if the disk filled up: the
        // six revokes in flight are sent, and the first outcome after them cannot be written.
        QVERIFY(m_cli->run({u"revoke"_s, u"acme"_s, u"--yes"_s, ids.takeFirst()}).exitCode == 0);
        const QString log = m_cli->auditLogPath();
        const qint64 size = QFileInfo(log).size();
        const qint64 intentSize = records(log).isEmpty() ? 0 : QJsonDocument(records(log).first()).toJson(QJsonDocument::Compact).size() + 1;
        const rlim_t limit = rlim_t(size + 6 * intentSize + intentSize / 2);
        m_sandbox->clearRequests();
        const std::unique_ptr<QProcess> process = m_cli->start(
            QStringList{u"revoke"_s, u"acme"_s, u"--yes"_s} + ids, SandboxOptions::defaultProductionKey(), true,
            [limit](QProcess &p) {
                p.setChildProcessModifier([limit] {
                    ::signal(SIGXFSZ, SIG_IGN); // a write past the limit fails with EFBIG, like ENOSPC
                    const rlimit l{limit, limit};
                    ::setrlimit(RLIMIT_FSIZE, &l);
                });
            });
        const CliHarness::Run run = CliHarness::finish(*process);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("could not be written to the audit log"), run.err.constData());
        QVERIFY2(run.err.contains("stopped"), run.err.constData());
        // No revoke without its intent on disk: what was sent is exactly what has an intent.
        int intents = 0;
        for (const QJsonObject &r : records(log))
            intents += r.value("event"_L1).toString() == "intent"_L1;
        QCOMPARE(posts(), intents - 1); // the first run's intent was sent by that run
        QCOMPARE(posts(), 6);           // nothing after the outcome that could not be written
        AuditVerification v = AuditLog::verify(log);
        QVERIFY2(v.ok, qPrintable(v.problem));

        // The next run, with room again, settles what the full disk left open; the log stays one chain.
        const CliHarness::Run next = m_cli->run({u"revoke"_s, u"acme"_s, u"--yes"_s, ids.last()});
        QVERIFY2(next.exitCode == 0, next.err.constData());
        QVERIFY(AuditLog::unsettledIntents(log).isEmpty());
        v = AuditLog::verify(log);
        QVERIFY2(v.ok, qPrintable(v.problem));
        QVERIFY(v.note.isEmpty());
        checkEveryIntentSettledOnce(log);
        qint64 seq = 0;
        for (const QJsonObject &r : records(log))
            QCOMPARE(qint64(r.value("seq"_L1).toDouble()), ++seq); // never restarted at 1
#endif
    }

    // Issue 11, items 1 and 10 -----------------------------------------------------------------

    void anAbsurdRetryAfterIsAClearErrorNotAPause()
    {
        ScriptedFault fault{ScriptedFault::Kind::RateLimit, "GET", {}, 1000};
        fault.headers = {{"Retry-After", "999999"}};
        m_sandbox->addScriptedFault(fault);
        const CliHarness::Run run = m_cli->run({u"list"_s, u"acme"_s});
        QCOMPARE(run.exitCode, 4);
        QVERIFY2(!run.err.contains("pausing"), run.err.constData());
        QVERIFY2(run.err.contains("11.6 days"), run.err.constData());
        QCOMPARE(run.err.count('\n'), 1);
    }

    void anUnwritableAuditFolderIsNamedAsSuch()
    {
#ifndef Q_OS_UNIX
        QSKIP("POSIX permissions");
#else
        // root writes anywhere, so as root the CLI runs as "nobody" for this test.
        const bool asRoot = ::geteuid() == 0;
        const QString folder = QFileInfo(m_cli->auditLogPath()).absolutePath();
        QVERIFY(QDir().mkpath(folder));
        for (QString dir = folder; dir.startsWith(m_cli->home()); dir = QFileInfo(dir).absolutePath())
            QFile::setPermissions(dir, QFile::ReadOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup
                                           | QFile::ReadOther | QFile::ExeOther);
        // "nobody" may not reach the build tree (a checkout in a 0700 temporary folder): it runs a copy
        // of the CLI from a folder anyone can enter.
        QTemporaryDir openFolder;
        const QString cli = openFolder.filePath(u"invitedesk-cli"_s);
        if (asRoot) {
            QVERIFY(QFile::copy(QStringLiteral(INVITEDESK_CLI_PATH), cli));
            const auto open = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
                              | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther;
            QVERIFY(QFile::setPermissions(openFolder.path(), open) && QFile::setPermissions(cli, open));
        }
        const QString id = pendingIds(u"acme"_s, 1).first();
        const std::unique_ptr<QProcess> process = m_cli->start(
            {u"revoke"_s, u"acme"_s, u"--yes"_s, id}, SandboxOptions::defaultProductionKey(), true, [asRoot, cli](QProcess &p) {
                if (!asRoot)
                    return;
                p.setProgram(cli);
                p.setChildProcessModifier([] {
                    if (::setgid(65534) != 0 || ::setuid(65534) != 0)
                        ::_exit(99);
                });
            });
        const CliHarness::Run run = CliHarness::finish(*process);
        for (QString dir = folder; dir.startsWith(m_cli->home()); dir = QFileInfo(dir).absolutePath())
            QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        if (run.exitCode == 99 || (run.err.contains("Permission denied") && !run.err.contains("audit")))
            QSKIP("cannot run the CLI as an unprivileged user here");
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("read-only") || run.out.contains("read-only"), run.err.constData());
        QVERIFY2(!run.err.contains("another InviteDesk process") && !run.out.contains("another InviteDesk process"),
                 run.out.constData());
        QCOMPARE(posts(), 0);
        QCOMPARE(m_sandbox->store().invitation(m_sandbox->store().organization(u"acme"_s)->id, id)->status, u"pending"_s);
#endif
    }

    // Issue 11, item 6 -----------------------------------------------------------------------

    void filesArePrivateWhateverTheUmask()
    {
#ifndef Q_OS_UNIX
        QSKIP("POSIX modes; Windows keeps a profile's files private by its ACLs");
#else
        // An older version under umask 022 left the data folder readable by every local user.
        const QString folder = QFileInfo(m_cli->auditLogPath()).absolutePath();
        const QString dataFolder = QFileInfo(folder).absolutePath();
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(QFile::setPermissions(dataFolder, QFileDevice::Permissions(0x7755)));
        QVERIFY(QFile::setPermissions(folder, QFileDevice::Permissions(0x7755)));
        const std::unique_ptr<QProcess> process = m_cli->start(
            {u"revoke"_s, u"acme"_s, u"--yes"_s, pendingIds(u"acme"_s, 1).first()}, SandboxOptions::defaultProductionKey(),
            true, [](QProcess &p) { p.setChildProcessModifier([] { ::umask(022); }); });
        const CliHarness::Run run = CliHarness::finish(*process);
        QCOMPARE(run.exitCode, 0);
        auto mode = [](const QString &path) {
            struct stat st{};
            return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 0777) : -1;
        };
        QCOMPARE(mode(dataFolder), 0700);
        QCOMPARE(mode(folder), 0700);
        QStringList checked;
        QDirIterator it(folder, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            const int expected = QFileInfo(path).isDir() ? 0700 : 0600;
            QVERIFY2(mode(path) == expected, qPrintable(u"%1: %2"_s.arg(path).arg(mode(path), 0, 8)));
            checked << QFileInfo(path).fileName();
        }
        QVERIFY2(checked.contains(u"audit.jsonl"_s) && checked.contains(u"audit.jsonl.head"_s), qPrintable(checked.join(u' ')));
#endif
    }

    void aReadableAuditLogLeftBehindIsMadePrivate()
    {
#ifndef Q_OS_UNIX
        QSKIP("POSIX modes; Windows keeps a profile's files private by its ACLs");
#else
        // A log an older version wrote under umask 022 (0644 in a 0755 folder): the next run makes it
        // this account's alone, and keeps writing to it.
        const QStringList ids = pendingIds(u"acme"_s, 2);
        QCOMPARE(m_cli->run({u"revoke"_s, u"acme"_s, u"--yes"_s, ids.at(0)}).exitCode, 0);
        const QString log = m_cli->auditLogPath();
        const QString folder = QFileInfo(log).absolutePath();
        const QString head = log + u".head"_s;
        QVERIFY(QFileInfo::exists(head));
        QVERIFY(QFile::setPermissions(folder, QFileDevice::Permissions(0x7755)));
        QVERIFY(QFile::setPermissions(log, QFileDevice::Permissions(0x6644)));
        QVERIFY(QFile::setPermissions(head, QFileDevice::Permissions(0x6644)));
        const std::unique_ptr<QProcess> process = m_cli->start(
            {u"revoke"_s, u"acme"_s, u"--yes"_s, ids.at(1)}, SandboxOptions::defaultProductionKey(), true,
            [](QProcess &p) { p.setChildProcessModifier([] { ::umask(022); }); });
        QCOMPARE(CliHarness::finish(*process).exitCode, 0);
        auto mode = [](const QString &path) {
            struct stat st{};
            return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 0777) : -1;
        };
        QVERIFY2(mode(log) == 0600, qPrintable(QString::number(mode(log), 8)));
        QVERIFY2(mode(head) == 0600, qPrintable(QString::number(mode(head), 8)));
        QVERIFY2(mode(folder) == 0700, qPrintable(QString::number(mode(folder), 8)));
        QVERIFY(AuditLog::verify(log).ok);
#endif
    }

    void theKeyNeverReachesACoreFile()
    {
#ifndef Q_OS_LINUX
        QSKIP("prctl(PR_SET_DUMPABLE) is Linux's");
#else
        QFile pattern(u"/proc/sys/kernel/core_pattern"_s);
        QVERIFY(pattern.open(QIODevice::ReadOnly));
        const QByteArray where = pattern.readAll().trimmed();
        if (where.startsWith('|') || where.contains('/'))
            QSKIP(qPrintable(u"cores go to %1 here, not into the process's folder, where this test looks"_s.arg(
                QString::fromLocal8Bit(where))));
        // A CLI waiting on a request that never answers, with core files allowed, is made to crash; what
        // it leaves in its working folder is returned, whole.
        const auto crash = [this](bool allowCoreDumps) {
            m_sandbox->addScriptedFault({ScriptedFault::Kind::Stall, "GET", u"/organizations"_s, 100});
            const size_t before = m_sandbox->requests().size();
            QTemporaryDir cwd;
            const std::unique_ptr<QProcess> process = m_cli->start(
                {u"list"_s, u"acme"_s}, SandboxOptions::defaultProductionKey(), true, [&cwd, allowCoreDumps](QProcess &p) {
                    p.setWorkingDirectory(cwd.path());
                    if (allowCoreDumps) {
                        QProcessEnvironment env = p.processEnvironment();
                        env.insert(u"INVITEDESK_ALLOW_CORE_DUMPS"_s, u"1"_s);
                        p.setProcessEnvironment(env);
                    }
                    p.setChildProcessModifier([] {
                        const rlimit unlimited{RLIM_INFINITY, RLIM_INFINITY};
                        ::setrlimit(RLIMIT_CORE, &unlimited);
                    });
                });
            // The key is in its memory once its first request arrived.
            const bool asked = QTest::qWaitFor([&] { return m_sandbox->requests().size() > before; }, 10'000);
            ::kill(pid_t(process->processId()), SIGABRT);
            const bool ended = QTest::qWaitFor([&] { return process->state() == QProcess::NotRunning; }, 10'000);
            m_sandbox->clearScriptedFaults();
            QList<QByteArray> files;
            for (const QFileInfo &info : QDir(cwd.path()).entryInfoList(QDir::Files)) {
                QFile file(info.filePath());
                files << (file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("unreadable"));
            }
            return std::tuple(asked && ended, files);
        };
        const QByteArray key = SandboxOptions::defaultProductionKey().toLatin1();

        // First, that a core file can be written here at all, and that the key is found in one: without
        // it, finding no key below would prove nothing (a container may forbid cores, say).
        const auto [controlRan, controlFiles] = crash(true);
        QVERIFY(controlRan);
        if (controlFiles.isEmpty())
            QSKIP("no core file is written here even for a process that allows it (INVITEDESK_ALLOW_CORE_DUMPS=1)");
        QVERIFY2(std::any_of(controlFiles.cbegin(), controlFiles.cend(), [&key](const QByteArray &f) { return f.contains(key); }),
                 "a core of a process allowed to dump holds no key: the scan below could not find one either");

        const auto [ran, files] = crash(false);
        QVERIFY(ran);
        for (const QByteArray &file : files)
            QVERIFY2(!file.contains(key), "a core file holds the secret key");
        QCOMPARE(files.size(), 0); // and no core at all: the process is not dumpable
#endif
    }

    void sigtermStopsARunAsGracefullyAsCtrlC()
    {
#ifndef Q_OS_UNIX
        QSKIP("POSIX signals");
#else
        // What a logout (SIGHUP) or `systemctl stop` (SIGTERM) sends: no new revoke, every ID printed.
        for (const int signal : {SIGTERM, SIGHUP}) {
            // The run before this one used this instance's budget: its sends are remembered for a rate window
            // (10 s) and the next run would wait them out before its first revoke. A computer of its own.
            if (signal == SIGHUP)
                QVERIFY2(QDir(m_cli->pacingFolder()).exists(), qPrintable(m_cli->pacingFolder()));
            QVERIFY(QDir(m_cli->pacingFolder()).removeRecursively());
            const QStringList ids = pendingIds(u"acme"_s, 30);
            const std::unique_ptr<QProcess> process =
                m_cli->start(QStringList{u"revoke"_s, u"acme"_s, u"--yes"_s, u"--rate-budget"_s, u"1"_s} + ids);
            QByteArray out;
            QVERIFY(QTest::qWaitFor([&] {
                out += process->readAllStandardOutput();
                return out.count('\n') >= 2 || process->state() == QProcess::NotRunning;
            }, 30'000));
            ::kill(pid_t(process->processId()), signal);
            const CliHarness::Run run = CliHarness::finish(*process);
            out += run.out;
            QCOMPARE(run.exitCode, 1); // some were not revoked: cancelled
            QCOMPARE(int(out.count('\n')), int(ids.size())); // one line for every ID, cancelled ones too
            QVERIFY2(run.err.contains("interrupted"), run.err.constData());
            QVERIFY(AuditLog::unsettledIntents(m_cli->auditLogPath()).isEmpty());
        }
#endif
    }

    void aLiveRevokeOfMoreThanFiveNeedsTheSlugTypedOnATerminal()
    {
        // The window's rule, on a terminal too (a pseudo-terminal, through util-linux's script): six on a
        // production key want the organization's slug; a "y" from habit revokes nothing.
        const QString script = QStandardPaths::findExecutable(u"script"_s);
        if (script.isEmpty())
            QSKIP("no `script` (util-linux) to give the CLI a terminal");
        const QStringList ids = pendingIds(u"acme"_s, 6);
        auto revokeAnswering = [&](const QByteArray &answer) {
            QStringList command{QStringLiteral(INVITEDESK_CLI_PATH), u"--api-url"_s, m_sandbox->apiUrl().toString(),
                                u"revoke"_s, u"acme"_s};
            command += ids;
            for (QString &word : command)
                word = u"'"_s + word + u"'"_s;
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(u"HOME"_s, m_cli->home());
            env.insert(u"XDG_DATA_HOME"_s, m_cli->home() + u"/data"_s);
            env.insert(u"XDG_CONFIG_HOME"_s, m_cli->home() + u"/config"_s);
            env.insert(u"CLERK_SECRET_KEY"_s, SandboxOptions::defaultProductionKey());
            p.setProcessEnvironment(env);
            p.start(script, {u"-qfec"_s, command.join(u' '), u"/dev/null"_s});
            p.waitForStarted();
            QByteArray seen;
            QVERIFY(QTest::qWaitFor([&] {
                seen += p.readAllStandardOutput();
                return seen.contains("to revoke them:") || seen.contains("[y/N]") || p.state() == QProcess::NotRunning;
            }, 20'000));
            QVERIFY2(seen.contains("Type acme to revoke them:"), seen.constData());
            p.write(answer + "\r");
            QVERIFY(QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 30'000));
        };
        revokeAnswering("y");
        QCOMPARE(requestCount(*m_sandbox, "POST"), 0);
        revokeAnswering("acme");
        QCOMPARE(requestCount(*m_sandbox, "POST"), 6);
    }

    void separatorOnlyRowsInAnIdFileAreSkipped()
    {
        const QStringList ids = pendingIds(u"initech"_s, 2);
        QTemporaryDir dir;
        QFile file(dir.filePath(u"ids.csv"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("\xEF\xBB\xBF,,,\r\n;;;\r\n \t \r\n,," + ids.at(0).toLatin1() + ",Ada,admin\r\n" + ids.at(1).toLatin1()
                   + ";x\r\n");
        file.close();
        const CliHarness::Run run = m_cli->run({u"revoke"_s, u"initech"_s, u"--yes"_s, u"--from-file"_s, file.fileName()});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(run.out.trimmed().split('\n').size(), 2);
        const CliHarness::Run empty = m_cli->run({u"revoke"_s, u"initech"_s, u"--yes"_s, u"--from-file"_s, u"-"_s},
                                                 SandboxOptions::defaultProductionKey(), ",,,\n;\n");
        QCOMPARE(empty.exitCode, 2);
        QVERIFY(empty.err.contains("no invitation IDs"));
    }

    void hugeOrBinaryIdFilesAreRefusedBeforeAnythingIsSent_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("17 MiB") << QByteArray(17 * 1024 * 1024, 'a') << QByteArray("larger than 16 MiB");
        QTest::newRow("binary") << QByteArray("\x7f" "ELF\x02\x01\x01\0\0\0", 10) << QByteArray("line 1");
        QTest::newRow("an address") << QByteArray("orginv_ok\nada@example.com\n") << QByteArray("line 2");
    }

    void hugeOrBinaryIdFilesAreRefusedBeforeAnythingIsSent()
    {
        QFETCH(QByteArray, content);
        QFETCH(QByteArray, message);
        QTemporaryDir dir;
        QFile file(dir.filePath(u"ids"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        const CliHarness::Run run = m_cli->run({u"revoke"_s, u"initech"_s, u"--yes"_s, u"--from-file"_s, file.fileName()});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(message), run.err.constData());
        QVERIFY(run.err.size() < 400); // named, never echoed whole
        QVERIFY(m_sandbox->requests().empty());
#ifdef Q_OS_UNIX
        const CliHarness::Run zero = m_cli->run({u"revoke"_s, u"initech"_s, u"--yes"_s, u"--from-file"_s, u"/dev/zero"_s});
        QCOMPARE(zero.exitCode, 2);
        QVERIFY(zero.err.contains("larger than"));
#endif
        const CliHarness::Run arg = m_cli->run({u"revoke"_s, u"initech"_s, u"--yes"_s, u"orginv_x/../../users"_s});
        QCOMPARE(arg.exitCode, 2);
        QVERIFY(m_sandbox->requests().empty());
    }

    // Issue 11, item 9 -----------------------------------------------------------------------

    void hostileTextCannotForgeLinesOrReachTheTerminal()
    {
        SandboxOrganization *org = m_sandbox->store().organization(u"initech"_s);
        const QStringList ids = pendingIds(u"initech"_s, 3);
        const QString forged = u"evil@x.example\tforged\trevoked\nsecond line\x1b[31mred\u202Eevil"_s;
        const QString formula = u"\t=HYPERLINK(\"http://x\")@x.example"_s;
        for (SandboxInvitation &inv : org->invitations) {
            if (inv.id == ids.at(0))
                inv.emailAddress = forged;
            if (inv.id == ids.at(1))
                inv.emailAddress = formula;
        }

        const CliHarness::Run table = m_cli->run({u"list"_s, u"initech"_s});
        QCOMPARE(table.exitCode, 0);
        QVERIFY(!table.out.contains('\x1b'));
        QVERIFY(!table.out.contains("\xE2\x80\xAE")); // U+202E RIGHT-TO-LEFT OVERRIDE
        int pending = 0;
        for (const SandboxInvitation &inv : org->invitations)
            pending += SandboxStore::effectiveStatus(inv, m_sandbox->now()) == "pending"_L1;
        QCOMPARE(int(table.out.count('\n')), 1 + pending); // header + one line per invitation
        QVERIFY(table.out.contains("evil@x.example\\tforged"));

        const CliHarness::Run csv = m_cli->run({u"list"_s, u"initech"_s, u"--format"_s, u"csv"_s});
        QVERIFY(csv.out.contains(",\"'\t=HYPERLINK")); // neutralised, not run by a spreadsheet
        QVERIFY(csv.out.contains("\"evil@x.example\t")); // exact, quoted

        const CliHarness::Run json = m_cli->run({u"list"_s, u"initech"_s, u"--format"_s, u"json"_s});
        QStringList emails;
        for (const QJsonValue &v : QJsonDocument::fromJson(json.out).array())
            emails << v["email_address"_L1].toString();
        QVERIFY(emails.contains(forged)); // JSON keeps the exact value
        QVERIFY(emails.contains(formula));

        const CliHarness::Run revoke = m_cli->run({u"revoke"_s, u"initech"_s, u"--yes"_s, ids.at(0), ids.at(2)});
        QCOMPARE(revoke.exitCode, 0);
        const QList<QByteArray> lines = revoke.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2); // one line per invitation, whatever the address holds
        for (const QByteArray &line : lines) {
            QCOMPARE(line.count('\t'), 2);
            QVERIFY(line.endsWith("\trevoked"));
        }
        QVERIFY(!revoke.out.contains('\x1b') && !revoke.err.contains('\x1b'));
    }

    void aLookAlikeAddressIsShownForWhatItIs()
    {
        // The Kelvin sign (U+212A) prints as a plain-looking "K": in a table or a revoke line it is escaped,
        // so "Kelvin@…" and "\u{212a}elvin@…" never read as one address. JSON and CSV keep the exact value.
        SandboxOrganization *org = m_sandbox->store().organization(u"initech"_s);
        const QString id = pendingIds(u"initech"_s, 1).first();
        const QString lookAlike = u"\u212Aelvin@initech.example"_s;
        for (SandboxInvitation &inv : org->invitations) {
            if (inv.id == id)
                inv.emailAddress = lookAlike;
        }
        const QByteArray kelvinSign = "\xE2\x84\xAA"; // U+212A in UTF-8

        const CliHarness::Run table = m_cli->run({u"list"_s, u"initech"_s});
        QCOMPARE(table.exitCode, 0);
        QVERIFY2(table.out.contains("\\u{212a}elvin@initech.example"), table.out.constData());
        QVERIFY(!table.out.contains(kelvinSign));

        const CliHarness::Run csv = m_cli->run({u"list"_s, u"initech"_s, u"--format"_s, u"csv"_s});
        QVERIFY(csv.out.contains(lookAlike.toUtf8()));

        const CliHarness::Run revoke = m_cli->run({u"revoke"_s, u"initech"_s, u"--yes"_s, id});
        QCOMPARE(revoke.exitCode, 0);
        QVERIFY2(revoke.out.contains(QByteArray(id.toUtf8() + "\t\\u{212a}elvin@initech.example\trevoked")), revoke.out.constData());
        QVERIFY(!revoke.out.contains(kelvinSign) && !revoke.err.contains(kelvinSign));
    }
};

QTEST_GUILESS_MAIN(TestCliSafety)
#include "tst_clisafety.moc"
