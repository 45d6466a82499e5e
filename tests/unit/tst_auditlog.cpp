// The audit log: records, the hash chain, and what tampering verify() detects.

#include "core/audit/AuditFiles.h"
#include "core/audit/AuditLog.h"
#include "core/audit/SendJournal.h"
#include "core/api/ClientConfig.h"
#include "support/FullDisk.h"
#include "support/LostFolder.h"

#include <QtCore/QBuffer>
#include <QtCore/QDateTime>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonDocument>
#include <QtCore/QDir>
#include <QtCore/QLockFile>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

#ifdef Q_OS_UNIX
#include <sys/file.h>
#endif

using namespace Qt::StringLiterals;
using namespace InviteDesk;

class TestAuditLog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString freshPath()
    {
        static int n = 0;
        return m_dir.filePath(u"log%1/audit.jsonl"_s.arg(++n));
    }

    static RevokeItem item(const QString &id)
    {
        return RevokeItem{u"org_1"_s, u"Acme"_s, id, id + u"@example.com"_s, u"org:member"_s};
    }

    static QList<QByteArray> lines(const QString &path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        QList<QByteArray> result = f.readAll().split('\n');
        if (!result.isEmpty() && result.last().isEmpty())
            result.removeLast();
        return result;
    }

    static void writeLines(const QString &path, const QList<QByteArray> &content)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        for (const QByteArray &line : content)
            f.write(line + '\n');
    }

    /*! The intents of \a ids, to be written as one group. */
    static QList<AuditLog::Entry> intents(AuditLog &log, const QStringList &ids)
    {
        QList<AuditLog::Entry> group;
        for (const QString &id : ids)
            group << log.intent(item(id));
        return group;
    }

    /*! Three revokes: intent + outcome each, six records. */
    QString writeSample()
    {
        const QString path = freshPath();
        AuditLog log(path);
        log.setContext({u"support"_s, u"production"_s, u"fp123"_s, u"api.clerk.com"_s, u"SUP-42"_s, u"alice"_s});
        for (const QString &id : {u"inv_1"_s, u"inv_2"_s, u"inv_3"_s}) {
            QString why;
            if (!log.recordIntent(item(id), &why))
                qFatal("intent failed: %s", qPrintable(why));
            log.recordOutcome(item(id), RevokeResult{RevokeOutcome::Revoked, std::nullopt, std::nullopt, 1, false}, nullptr);
        }
        return path;
    }

private Q_SLOTS:
    void aSendJournalSaysOnlyWhatItCanProve()
    {
        QTemporaryDir dir;
        const QString log = dir.filePath(u"audit.jsonl"_s);
        SendJournal journal(log, u"run-1"_s);
        QVERIFY(!SendJournal::read(log, u"run-1"_s)); // no journal: whether anything left cannot be told
        journal.open();
        QCOMPARE(*SendJournal::read(log, u"run-1"_s), QSet<QString>()); // made before any intent: nothing left
        journal.add(u"orginv_a"_s);
        QCOMPARE(*SendJournal::read(log, u"run-1"_s), QSet<QString>{u"orginv_a"_s});
        QFile file(SendJournal::path(log, u"run-1"_s));
        QVERIFY(file.open(QIODevice::Append));
        file.write("orginv_"); // a kill in the middle of a line: that request had not left yet
        file.close();
        QVERIFY(!SendJournal::read(log, u"run-1"_s)->contains(u"orginv_b"_s));
#ifdef Q_OS_LINUX
        // A journal of an earlier boot of the system: its unsynced lines may not have reached the disk.
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray text = file.readAll();
        file.close();
        const qsizetype headerEnd = text.indexOf('\n');
        text.replace(headerEnd - 36, 36, "00000000-0000-0000-0000-000000000000");
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(text);
        file.close();
        QVERIFY(!SendJournal::read(log, u"run-1"_s));
#endif
        journal.remove();
        QVERIFY(!SendJournal::read(log, u"run-1"_s));
    }

    void recordsCarryTheRequiredFields()
    {
        const QString path = writeSample();
        const QList<QByteArray> content = lines(path);
        QCOMPARE(content.size(), 6);
        const QJsonObject intent = QJsonDocument::fromJson(content.at(0)).object();
        const QJsonObject outcome = QJsonDocument::fromJson(content.at(1)).object();
        QCOMPARE(intent.value("event"_L1).toString(), u"intent"_s);
        QCOMPARE(outcome.value("event"_L1).toString(), u"outcome"_s);
        QCOMPARE(outcome.value("op"_L1), intent.value("op"_L1));
        for (const char *key : {"time", "operator", "profile", "environment", "key_fingerprint", "organization_id",
                                "organization_name", "invitation_id", "email", "role", "ticket", "seq", "prev", "hash"})
            QVERIFY2(intent.contains(QLatin1StringView(key)), key);
        QCOMPARE(outcome.value("outcome"_L1).toString(), u"revoked"_s);
        QCOMPARE(intent.value("ticket"_L1).toString(), u"SUP-42"_s);
        QCOMPARE(intent.value("operator"_L1).toString(), u"alice"_s);
        QVERIFY(intent.value("time"_L1).toString().endsWith(u'Z'));
        QVERIFY(AuditLog::verify(path).ok);
        QCOMPARE(AuditLog::verify(path).records, 6);
        QVERIFY(AuditLog::unsettledIntents(path).isEmpty());
    }

    void editedLineIsDetected()
    {
        const QString path = writeSample();
        QList<QByteArray> content = lines(path);
        content[2].replace("inv_2@example.com", "someone@else.com");
        writeLines(path, content);
        const AuditVerification v = AuditLog::verify(path);
        QVERIFY(!v.ok);
        QCOMPARE(v.firstBadLine, 3);
    }

    void rehashedEditIsDetectedByTheNextRecord()
    {
        // An editor who also recomputes the edited record's own hash still breaks the next "prev".
        const QString path = writeSample();
        QList<QByteArray> content = lines(path);
        QJsonObject record = QJsonDocument::fromJson(content[2]).object();
        record.insert("outcome"_L1, u"failed"_s);
        record.remove("hash"_L1);
        record.insert("hash"_L1, QString::fromLatin1(AuditLog::hashRecord(record)));
        content[2] = QJsonDocument(record).toJson(QJsonDocument::Compact);
        writeLines(path, content);
        const AuditVerification v = AuditLog::verify(path);
        QVERIFY(!v.ok);
        QCOMPARE(v.firstBadLine, 4);
    }

    void deletedLineIsDetected()
    {
        const QString path = writeSample();
        QList<QByteArray> content = lines(path);
        content.removeAt(3);
        writeLines(path, content);
        const AuditVerification v = AuditLog::verify(path);
        QVERIFY(!v.ok);
        QCOMPARE(v.firstBadLine, 4);
    }

    void truncatedTailIsDetected()
    {
        const QString path = writeSample();
        QList<QByteArray> content = lines(path);
        content.removeLast();
        writeLines(path, content);
        const AuditVerification v = AuditLog::verify(path);
        QVERIFY(!v.ok);
        QVERIFY(v.problem.contains(u"missing at the end"_s));
    }

    void headBehindByAGroupAfterACrashIsFine()
    {
        // A crash between writing a group of records and rewriting the head leaves the head that group
        // behind: here two of six.
        const QString path = writeSample();
        QFile head(path + u".head"_s);
        QVERIFY(head.open(QIODevice::WriteOnly | QIODevice::Truncate));
        const QJsonObject fourth = QJsonDocument::fromJson(lines(path).at(3)).object();
        head.write("4 " + fourth.value("hash"_L1).toString().toLatin1() + '\n');
        head.close();
        QVERIFY2(AuditLog::verify(path).ok, qPrintable(AuditLog::verify(path).problem));
        // But a head naming a record that is not there (or not like that) is tampering.
        QVERIFY(head.open(QIODevice::WriteOnly | QIODevice::Truncate));
        head.write("4 " + QByteArray(64, 'a') + '\n');
        head.close();
        QVERIFY(AuditLog::verify(path).problem.contains(u"replaced"_s));
    }

    void headFartherBehindThanAGroupIsDetected()
    {
        // No crash leaves the head more than a group behind: the log was cut back and written again past it.
        const QString path = freshPath();
        AuditLog log(path);
        log.setContext({u"support"_s, u"production"_s, u"fp123"_s, u"api.clerk.com"_s, u"SUP-42"_s, u"alice"_s});
        const int records = AuditLog::maxGroup + 3;
        for (int i = 1; i <= records; ++i)
            QVERIFY(log.append(QJsonObject{{u"event"_s, u"note"_s}, {u"n"_s, i}}));
        QVERIFY(AuditLog::verify(path).ok);
        const auto headNaming = [&](int seq) {
            QFile head(path + u".head"_s);
            QVERIFY(head.open(QIODevice::WriteOnly | QIODevice::Truncate));
            const QJsonObject record = QJsonDocument::fromJson(lines(path).at(seq - 1)).object();
            head.write(QByteArray::number(seq) + ' ' + record.value("hash"_L1).toString().toLatin1() + '\n');
        };
        headNaming(records - (AuditLog::maxGroup + 1)); // as far as a crash can leave it
        QVERIFY2(AuditLog::verify(path).ok, qPrintable(AuditLog::verify(path).problem));
        headNaming(records - (AuditLog::maxGroup + 2)); // one farther
        const AuditVerification v = AuditLog::verify(path);
        QVERIFY(!v.ok);
        QVERIFY2(v.problem.contains(u"replaced"_s), qPrintable(v.problem));
    }

    void missingOrEmptyHeadIsAFailure_data()
    {
        QTest::addColumn<bool>("remove");
        QTest::newRow("removed") << true;
        QTest::newRow("emptied") << false;
    }

    void missingOrEmptyHeadIsAFailure()
    {
        // Cutting records off the end and deleting the head used to verify as "chain intact".
        QFETCH(bool, remove);
        const QString path = writeSample();
        QList<QByteArray> content = lines(path);
        content.removeLast();
        writeLines(path, content);
        if (remove) {
            QVERIFY(QFile::remove(path + u".head"_s));
        } else {
            QFile head(path + u".head"_s);
            QVERIFY(head.open(QIODevice::WriteOnly | QIODevice::Truncate));
        }
        const AuditVerification v = AuditLog::verify(path);
        QVERIFY(!v.ok);
        QVERIFY2(v.problem.contains(u"head file"_s), qPrintable(v.problem));
    }

    void anEmptiedOrDeletedLogIsNotAFreshStart_data()
    {
        QTest::addColumn<bool>("remove");
        QTest::newRow("emptied") << false;
        QTest::newRow("deleted") << true;
    }

    void anEmptiedOrDeletedLogIsNotAFreshStart()
    {
        const QString path = writeSample();
        QFETCH(bool, remove);
        if (remove) {
            QVERIFY(QFile::remove(path));
        } else {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        }
        const AuditVerification v = AuditLog::verify(path);
        QVERIFY(!v.ok);
        QVERIFY2(v.problem.contains(u"head"_s), qPrintable(v.problem));
        // And nothing starts a new chain over it.
        AuditLog log(path);
        QString why;
        QVERIFY(!log.recordIntent(item(u"inv_9"_s), &why));
        QVERIFY2(why.contains(u"head"_s), qPrintable(why));
    }

    void theEndMustBeWhatTheHeadNames_data()
    {
        QTest::addColumn<QString>("change");
        QTest::newRow("trailing blank line") << u"blank"_s;
        QTest::newRow("last record duplicated") << u"duplicate"_s;
        QTest::newRow("last record removed") << u"remove"_s;
        QTest::newRow("head removed") << u"nohead"_s;
    }

    void theEndMustBeWhatTheHeadNames()
    {
        QFETCH(QString, change);
        const QString path = writeSample();
        QList<QByteArray> content = lines(path);
        if (change == "blank"_L1)
            content << QByteArray();
        else if (change == "duplicate"_L1)
            content << content.last();
        else if (change == "remove"_L1)
            content.removeLast();
        if (change != "nohead"_L1)
            writeLines(path, content);
        else
            QVERIFY(QFile::remove(path + u".head"_s));
        AuditLog log(path);
        QString why;
        QVERIFY(!log.recordIntent(item(u"inv_9"_s), &why));
        QVERIFY(!AuditLog::verify(path).ok);
        QCOMPARE(lines(path).size(), change == "blank"_L1 ? 7 : change == "nohead"_L1 ? 6 : int(content.size()));
    }

    void tornTailIsRepairedAndRecorded()
    {
        // What a full disk leaves: the start of a record, no newline.
        const QString path = writeSample();
        const QByteArray torn = "{\"event\":\"intent\",\"invitation_id\":\"inv_torn\",\"op\":\"x\",\"prev\":\"abc";
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::Append));
            f.write(torn);
        }
        AuditVerification v = AuditLog::verify(path);
        QVERIFY2(v.ok, qPrintable(v.problem)); // not tampering: the next write repairs it
        QVERIFY(v.note.contains(u"incomplete"_s));
        QCOMPARE(v.records, 6);

        AuditLog log(path);
        QString why;
        QVERIFY2(log.recordIntent(item(u"inv_4"_s), &why), qPrintable(why));
        const QList<QByteArray> content = lines(path);
        QCOMPARE(content.size(), 8);
        const QJsonObject repair = QJsonDocument::fromJson(content.at(6)).object();
        const QJsonObject intent = QJsonDocument::fromJson(content.at(7)).object();
        QCOMPARE(repair.value("event"_L1).toString(), u"repair"_s);
        QCOMPARE(repair.value("seq"_L1).toInt(), 7); // the chain goes on; it does not restart at 1
        QCOMPARE(repair.value("cut_bytes"_L1).toInt(), int(torn.size()));
        QCOMPARE(intent.value("seq"_L1).toInt(), 8);
        QCOMPARE(intent.value("invitation_id"_L1).toString(), u"inv_4"_s);
        v = AuditLog::verify(path);
        QVERIFY2(v.ok, qPrintable(v.problem));
        QVERIFY(v.note.isEmpty());
        QCOMPARE(v.records, 8);
    }

    void aDamagedLastRecordIsNotChainedOnto()
    {
        const QString path = writeSample();
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::Append));
            f.write("this is not a record\n");
        }
        AuditLog log(path);
        QString why;
        QVERIFY(!log.recordIntent(item(u"inv_4"_s), &why));
        QVERIFY2(why.contains(u"damaged"_s), qPrintable(why));
        QCOMPARE(lines(path).size(), 7); // nothing appended, no new chain started
    }

    void aFailedOutcomeAppendIsReported()
    {
        const QString path = freshPath();
        AuditLog log(path);
        QString why;
        QVERIFY(log.recordIntent(item(u"inv_a"_s), &why));
        // The log's folder disappears under it (a removed USB disk, a full quota): the outcome cannot be written.
        QVERIFY(Testing::loseFolder(QFileInfo(path).absolutePath()));
        QVERIFY(!log.recordOutcome(item(u"inv_a"_s), RevokeResult{RevokeOutcome::Revoked, std::nullopt, std::nullopt, 1, false},
                                   &why));
        QVERIFY2(why.contains(u"inv_a"_s) && why.contains(u"nothing more is sent"_s), qPrintable(why));
    }

    void aLiveRunsIntentsAreNotSettledByOthers()
    {
        const QString path = freshPath();
        auto running = std::make_unique<AuditLog>(path);
        QString why;
        QVERIFY(running->recordIntent(item(u"inv_live"_s), &why));
        const QJsonObject intent = AuditLog::unsettledIntents(path).first();
        QCOMPARE(intent.value("run"_L1).toString(), running->runId());
        QVERIFY(AuditLog::runIsAlive(path, running->runId()));
        // The run ends (its object, standing in for its process, goes away) with the intent still open.
        running.reset();
        std::unique_ptr<QLockFile> claim;
        QVERIFY(!AuditLog::runIsAlive(path, intent.value("run"_L1).toString(), &claim));
        QVERIFY(claim && claim->isLocked());
        // While claimed, nobody else sees the ended run as free to settle.
        QVERIFY(AuditLog::runIsAlive(path, intent.value("run"_L1).toString()));
    }

    // kill -9 can land between a lock file's creation and its first write: the file stays, empty, naming no
    // process. Neither the log's append lock nor a run's lock may then block for good (tst_cli's kill test
    // failed this way: the next run waited 10 s on the append lock, then wrote nothing).
    static void leaveEmptyLockFile(const QString &lockPath, qint64 ageSeconds)
    {
        QVERIFY(QDir().mkpath(QFileInfo(lockPath).absolutePath()));
        QFile file(lockPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.setFileTime(QDateTime::currentDateTime().addSecs(-ageSeconds), QFileDevice::FileModificationTime));
    }

    void anEmptyAppendLockLeftByACrashDoesNotBlockTheLog()
    {
        const QString path = freshPath();
        leaveEmptyLockFile(path + u".lock"_s, 5);
        AuditLog log(path);
        QString why;
        QVERIFY2(log.recordIntent(item(u"inv_after_crash"_s), &why), qPrintable(why));
        QVERIFY(AuditLog::verify(path).ok);
        QCOMPARE(AuditLog::unsettledIntents(path).size(), 1);
    }

    void anEmptyRunLockLeftByACrashIsAnEndedRun()
    {
        const QString path = freshPath();
        AuditLog log(path);
        QString why;
        QVERIFY(log.recordIntent(item(u"inv_a"_s), &why));
        const QString crashed = u"run_crashed"_s;
        leaveEmptyLockFile(path + u".runs/"_s + crashed + u".lock"_s, 5);
        std::unique_ptr<QLockFile> claim;
        QVERIFY(!AuditLog::runIsAlive(path, crashed, &claim));
        QVERIFY(claim && claim->isLocked());
        QVERIFY(AuditLog::runIsAlive(path, crashed)); // now claimed by this reader
    }

    void anEmptyRunLockJustCreatedCountsAsAlive()
    {
        // A live process fills its lock file right after creating it: a fresh empty one is someone's, not a crash's.
        const QString path = freshPath();
        leaveEmptyLockFile(path + u".runs/run_starting.lock"_s, 0);
        QVERIFY(AuditLog::runIsAlive(path, u"run_starting"_s));
    }

    void anEmptyRunLockThatALiveProcessHoldsCountsAsAlive()
    {
        // Old and empty, but held with the system's lock (as a process between creating and filling it holds
        // it): not a crash's, so not removed.
        const QString path = freshPath();
        const QString lockPath = path + u".runs/run_slow.lock"_s;
        leaveEmptyLockFile(lockPath, 5);
        QFile held(lockPath);
        QVERIFY(held.open(QIODevice::ReadWrite)); // on Windows, an open file cannot be removed
#ifdef Q_OS_UNIX
        QCOMPARE(::flock(held.handle(), LOCK_EX | LOCK_NB), 0);
#endif
        QVERIFY(AuditLog::runIsAlive(path, u"run_slow"_s));
        QVERIFY(QFileInfo::exists(lockPath));
    }

    void anEmptyLockIsRemovedByOneProcessAtATime()
    {
        // Another process is removing the same crash's file (it holds the removal guard): this one leaves it,
        // or it could remove the lock file the other has made in its place meanwhile.
        const QString path = freshPath();
        const QString lockPath = path + u".runs/run_crashed.lock"_s;
        leaveEmptyLockFile(lockPath, 5);
        QLockFile removing(lockPath + u".rmlock"_s);
        QVERIFY(removing.tryLock(0));
        QVERIFY(AuditLog::runIsAlive(path, u"run_crashed"_s)); // cannot tell yet: counted as alive
        QVERIFY(QFileInfo::exists(lockPath));
        removing.unlock();
        QVERIFY(!AuditLog::runIsAlive(path, u"run_crashed"_s));
    }

    void aLockIsOnlyHeldWhileItsFileNamesThisProcess()
    {
        // What a process that stalled between creating its lock file and locking it checks once it holds the
        // system's lock: if the file was removed as a crash's and another process made its own, the file at
        // the path is not this one's, and it must not go on as the log's writer.
#ifdef Q_OS_WIN
        QSKIP("Windows lets no one remove a lock file while its process holds it open: it cannot be taken over");
#endif
        const QString lockPath = m_dir.filePath(u"names/audit.jsonl.lock"_s);
        QVERIFY(QDir().mkpath(QFileInfo(lockPath).absolutePath()));
        QLockFile mine(lockPath);
        QVERIFY(mine.tryLock(0));
        QVERIFY(AuditFiles::namesThisProcess(mine));
        QVERIFY(QFile::remove(lockPath)); // taken over: another process removed it...
        QFile other(lockPath);            // ...and wrote its own
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.write("999999999\ninvitedesk-cli\nsomehost\n");
        other.close();
        QVERIFY(!AuditFiles::namesThisProcess(mine));
        QVERIFY(QFile::remove(lockPath)); // gone, and no one's yet
        QVERIFY(!AuditFiles::namesThisProcess(mine));
    }

    void anIntentSettledMeanwhileIsNotReconciledAgain()
    {
        const QString path = freshPath();
        AuditLog log(path);
        QString why;
        QVERIFY(log.recordIntent(item(u"inv_a"_s), &why));
        const qint64 scanned = QFileInfo(path).size();
        const QJsonObject open = AuditLog::unsettledIntents(path).first();
        // After the reconciler's read, someone else settles it.
        AuditLog other(path);
        QVERIFY(other.recordReconciliation(open, u"revoked"_s, u"first"_s, scanned));
        QVERIFY(!other.recordReconciliation(open, u"revoked"_s, u"second"_s, scanned));
        int reconciled = 0;
        for (const QByteArray &line : lines(path))
            reconciled += line.contains("\"reconciled\"") ? 1 : 0;
        QCOMPARE(reconciled, 1);
    }

    void intentWithoutOutcomeIsFound()
    {
        const QString path = freshPath();
        AuditLog log(path);
        QString why;
        QVERIFY(log.recordIntent(item(u"inv_a"_s), &why));
        QVERIFY(log.recordIntent(item(u"inv_b"_s), &why));
        log.recordOutcome(item(u"inv_a"_s), RevokeResult{RevokeOutcome::Revoked, std::nullopt, std::nullopt, 1, false}, nullptr);
        // "Crash" here: inv_b never gets its outcome.
        const QList<QJsonObject> open = AuditLog::unsettledIntents(path);
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.first().value("invitation_id"_L1).toString(), u"inv_b"_s);

        AuditLog next(path);
        QVERIFY(next.recordReconciliation(open.first(), u"revoked"_s, u"re-read after restart"_s));
        QVERIFY(AuditLog::unsettledIntents(path).isEmpty());
        QVERIFY(AuditLog::verify(path).ok);
    }

    void unsettledIntentsInOrderAndOnlyUpToAPoint()
    {
        const QString path = freshPath();
        AuditLog log(path);
        QString why;
        for (const QString &id : {u"inv_1"_s, u"inv_2"_s, u"inv_3"_s})
            QVERIFY(log.recordIntent(item(id), &why));
        log.recordOutcome(item(u"inv_2"_s), RevokeResult{RevokeOutcome::Revoked, std::nullopt, std::nullopt, 1, false}, nullptr);
        const qint64 before = QFileInfo(path).size();
        // What a session writes after the reconciler looked belongs to that session.
        QVERIFY(log.recordIntent(item(u"inv_4"_s), &why));

        const auto ids = [](const QList<QJsonObject> &intents) {
            QStringList list;
            for (const QJsonObject &intent : intents)
                list << intent.value("invitation_id"_L1).toString();
            return list;
        };
        QCOMPARE(ids(AuditLog::unsettledIntents(path)), (QStringList{u"inv_1"_s, u"inv_3"_s, u"inv_4"_s}));
        QCOMPARE(ids(AuditLog::unsettledIntents(path, before)), (QStringList{u"inv_1"_s, u"inv_3"_s}));
    }

    void aGroupIsOneSyncAndOneHead()
    {
        const QString path = writeSample();
        AuditLog log(path);
        QString why;
        QVERIFY2(log.write(intents(log, {u"inv_4"_s, u"inv_5"_s, u"inv_6"_s, u"inv_7"_s}), &why), qPrintable(why));
        QCOMPARE(log.syncs(), 1);
        const QList<QByteArray> content = lines(path);
        QCOMPARE(content.size(), 10);
        for (int i = 6; i < 10; ++i) { // in the order given, chained on
            const QJsonObject record = QJsonDocument::fromJson(content.at(i)).object();
            QCOMPARE(record.value("seq"_L1).toInt(), i + 1);
            QCOMPARE(record.value("invitation_id"_L1).toString(), u"inv_%1"_s.arg(i - 2));
        }
        QCOMPARE(AuditFiles::readHead(path)->seq, 10);
        QVERIFY(AuditLog::verify(path).ok);
        QCOMPARE(AuditLog::unsettledIntents(path).size(), 4);
        QVERIFY(log.hasOpenIntents());
    }

    void aGroupThatDoesNotFitIsRefusedWhole()
    {
#ifndef Q_OS_UNIX
        QSKIP("fills the disk with RLIMIT_FSIZE");
#else
        // The disk fills up two and a half records past the end: the group of five goes wrong in its third.
        const QString path = writeSample();
        const qint64 size = QFileInfo(path).size();
        const qint64 record = lines(path).last().size() + 1;
        AuditLog log(path);
        const QList<AuditLog::Entry> group = intents(log, {u"inv_4"_s, u"inv_5"_s, u"inv_6"_s, u"inv_7"_s, u"inv_8"_s});
        QString why;
        {
            const Testing::FullDiskAt full(size + record * 5 / 2);
            QVERIFY(full.isSet());
            QVERIFY(!log.write(group, &why));
        }
        QVERIFY2(why.startsWith(u"Not sent"_s), qPrintable(why));
        QVERIFY2(why.contains(u"too large"_s), qPrintable(why)); // the cause (EFBIG), not "Unknown error"
        // None of it was written: the two that fitted were taken back with the rest, and none is open.
        QCOMPARE(lines(path).size(), 6);
        QVERIFY(!log.hasOpenIntents());
        QCOMPARE(AuditFiles::readHead(path)->seq, 6);
        const AuditVerification verified = AuditLog::verify(path);
        QVERIFY2(verified.ok && verified.note.isEmpty(), qPrintable(verified.problem + verified.note));
        // With room again, the next group chains on where the log ended.
        QVERIFY2(log.write(intents(log, {u"inv_9"_s, u"inv_10"_s}), &why), qPrintable(why));
        QCOMPARE(QJsonDocument::fromJson(lines(path).last()).object().value("seq"_L1).toInt(), 8);
        QVERIFY(AuditLog::verify(path).ok);
#endif
    }

    void theNextAppendCarriesOnAfterACrashBetweenAGroupAndItsHead()
    {
        // A crash after a group's sync and before its head's rewrite leaves the head naming the record
        // before the group: the next append (another process) goes on from the group's end.
        const QString path = writeSample();
        QFile head(path + u".head"_s);
        QVERIFY(head.open(QIODevice::ReadOnly));
        const QByteArray before = head.readAll();
        head.close();
        {
            AuditLog crashed(path);
            QString why;
            QVERIFY2(crashed.write(intents(crashed, {u"inv_4"_s, u"inv_5"_s, u"inv_6"_s, u"inv_7"_s}), &why), qPrintable(why));
        }
        QVERIFY(head.open(QIODevice::WriteOnly | QIODevice::Truncate));
        head.write(before);
        head.close();
        AuditLog next(path);
        QString why;
        QVERIFY2(next.recordIntent(item(u"inv_8"_s), &why), qPrintable(why));
        QCOMPARE(lines(path).size(), 11);
        QVERIFY(AuditLog::verify(path).ok);

        // But a head naming a record that is not in the chain (or not like that) still stops the log.
        QVERIFY(head.open(QIODevice::WriteOnly | QIODevice::Truncate));
        head.write("9 " + QByteArray(64, 'a') + '\n');
        head.close();
        QVERIFY(!next.recordIntent(item(u"inv_9"_s), &why));
        QVERIFY2(why.contains(u"head"_s), qPrintable(why));
        QCOMPARE(lines(path).size(), 11);
    }

    void unwritableLogStopsTheRevoke()
    {
        QTemporaryDir dir;
        const QString blocker = dir.filePath(u"file"_s);
        QFile f(blocker);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        AuditLog log(blocker + u"/audit.jsonl"_s); // its folder is a file: cannot be created
        QString why;
        QVERIFY(!log.recordIntent(item(u"inv_x"_s), &why));
        QVERIFY(why.contains(u"audit log"_s));
    }

    void csvExport()
    {
        const QString path = writeSample();
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QString error;
        QVERIFY(AuditLog::exportCsv(path, &buffer, &error));
        const QList<QByteArray> rows = buffer.data().split('\n');
        QVERIFY(rows.first().startsWith("seq,time,event,operator"));
        QCOMPARE(rows.size(), 8); // header, six records, trailing empty
        QVERIFY(rows.at(2).contains("revoked"));
    }

    void neverStoresTheKey()
    {
        const QString key = u"sk_live_thisMustNeverBeWritten123"_s;
        const QString path = freshPath();
        AuditLog log(path);
        log.setContext({u"p"_s, u"production"_s, keyFingerprint(key), u"api.clerk.com"_s, {}, u"bob"_s});
        QString why;
        QVERIFY(log.recordIntent(item(u"inv"_s), &why));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.readAll().contains(key.toLatin1()));
    }
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
