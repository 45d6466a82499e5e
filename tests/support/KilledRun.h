#pragma once

// A CLI revoke run killed (SIGKILL) at the worst moment for its audit log: some revokes are settled, and
// intents written after them wait for the pacer, never sent. The tests of "a killed run never claims another
// agent's revokes" start from it, and it checks that every revoke the server saw has its intent on disk.

#include "core/audit/AuditLog.h"
#include "sandbox/ClerkSandbox.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QSet>
#include <QtTest/QTest>

namespace InviteDesk::Testing {

struct KilledRun
{
    QString failure;              //!< empty when the run was killed as meant
    QSet<QString> sent;           //!< the IDs the server saw a revoke of (the oracle; the CLI never sees this)
    QList<QJsonObject> open;      //!< the intents the log holds open after the kill
    QSet<QString> neverSent;      //!< the open intents the server never saw
    QSet<QString> sentWithoutIntent; //!< what the server saw a revoke of with no intent on disk: must stay empty
};

/*! Waits until \a process (revoking \a ids, writing the audit log \a log, against \a sandbox) has printed a
 *  few results and intents of it have waited for the pacer, unseen by the server, for half a second (an
 *  intent is also unsent for the moment between its write and its send, which a slow machine or a sanitizer
 *  build stretches); then kills it and waits until it is gone. */
inline KilledRun killWhileIntentsWait(QProcess &process, const Sandbox::ClerkSandbox &sandbox, const QStringList &ids,
                                      const QString &log)
{
    auto sentSoFar = [&] {
        QSet<QString> sent;
        for (const Sandbox::LoggedRequest &r : sandbox.requests()) {
            for (const QString &id : ids) {
                if (r.method == "POST" && r.rawPath.contains(id.toLatin1()))
                    sent.insert(id);
            }
        }
        return sent;
    };
    auto unsentOf = [](const QList<QJsonObject> &open, const QSet<QString> &sent) {
        QSet<QString> unsent;
        for (const QJsonObject &intent : open) {
            if (const QString id = intent.value(QLatin1String("invitation_id")).toString(); !sent.contains(id))
                unsent.insert(id);
        }
        return unsent;
    };
    KilledRun killed;
    QByteArray printed;
    QSet<QString> unsentBefore;
    QElapsedTimer unsentSince;
    const bool waited = QTest::qWaitFor([&] {
        printed += process.readAllStandardOutput();
        if (process.state() == QProcess::NotRunning)
            return true;
        const QSet<QString> unsent = unsentOf(AuditLog::unsettledIntents(log), sentSoFar());
        if (printed.count('\n') < 3 || !unsent.intersects(unsentBefore)) {
            unsentBefore = unsent;
            unsentSince.start();
            return false;
        }
        return unsentSince.elapsed() >= 500;
    }, 60'000);
    if (!waited || process.state() != QProcess::Running) {
        killed.failure = waited ? QStringLiteral("the run ended before it could be killed")
                                : QStringLiteral("no intent waited for the pacer within a minute");
        return killed;
    }
    const qint64 pid = process.processId();
    process.kill();
    if (!QTest::qWaitFor([&process] { return process.state() == QProcess::NotRunning; }, 10'000)
        || !QTest::qWaitFor([pid] { return !QFileInfo::exists(QStringLiteral("/proc/%1").arg(pid)); }, 10'000)) {
        killed.failure = QStringLiteral("the killed run did not go");
        return killed;
    }
    killed.sent = sentSoFar();
    killed.open = AuditLog::unsettledIntents(log);
    killed.neverSent = unsentOf(killed.open, killed.sent);
    // The promise the kill tests: nothing was sent before its intent was on disk, whatever group it was
    // written in. (A line a kill cut short is no record; the next append removes it.)
    killed.sentWithoutIntent = killed.sent;
    QFile file(log);
    if (file.open(QIODevice::ReadOnly)) {
        while (!file.atEnd()) {
            const QJsonObject record = QJsonDocument::fromJson(file.readLine()).object();
            if (record.value(QLatin1String("event")).toString() == QLatin1String("intent"))
                killed.sentWithoutIntent.remove(record.value(QLatin1String("invitation_id")).toString());
        }
    }
    if (!killed.sentWithoutIntent.isEmpty())
        killed.failure = QStringLiteral("sent without an intent on disk: ")
                         + QStringList(killed.sentWithoutIntent.cbegin(), killed.sentWithoutIntent.cend()).join(u", ");
    else if (killed.neverSent.isEmpty())
        killed.failure = QStringLiteral("the kill came too late: every open intent had been sent");
    return killed;
}

} // namespace InviteDesk::Testing
