// The audit writer: records are written on its own thread in order, the caller's thread never waits
// for the file lock, and the first failure latches so nothing can be sent after a lost record.

#include "core/audit/AuditWriter.h"
#include "core/audit/AuditFiles.h"
#include "support/FullDisk.h"
#include "support/LostFolder.h"

#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QLockFile>
#include <QtCore/QTemporaryDir>
#include <QtCore/QThread>
#include <QtCore/QTimer>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace InviteDesk;

namespace {
RevokeItem item(const QString &id)
{
    return RevokeItem{u"org_1"_s, u"Acme"_s, id, id + u"@example.com"_s, u"org:member"_s, u"SUP-9"_s};
}

QList<QJsonObject> records(const QString &path)
{
    QList<QJsonObject> all;
    QFile file(path);
    if (file.open(QIODevice::ReadOnly)) {
        while (!file.atEnd())
            all << QJsonDocument::fromJson(file.readLine()).object();
    }
    return all;
}

/*! One answer of the writer, and whether its record was on disk (in the log, and named by its head) then. */
struct Answer
{
    QString id;
    bool ok = false;
    QString why;
    bool onDisk = false;
};

/*! Asks \a writer for the intents of \a ids from a thread of their own, all at once, while the test's thread
 *  holds the log's lock (so the writer is busy with the first of them meanwhile); answers go to \a answers. */
void askAtOnce(AuditWriter &writer, const QStringList &ids, QList<Answer> &answers)
{
    const QString path = writer.filePath();
    QLockFile other(path + u".lock"_s);
    QVERIFY(other.tryLock(0));
    std::unique_ptr<QThread> asker(QThread::create([&writer, ids, &answers, path] {
        for (const QString &id : ids) {
            writer.revokeIntended(item(id), [&answers, id, path](bool ok, const QString &why) {
                bool onDisk = false;
                const QList<QJsonObject> written = records(path);
                for (const QJsonObject &record : written) {
                    if (record.value("invitation_id"_L1).toString() == id) {
                        const std::optional<AuditFiles::Head> head = AuditFiles::readHead(path);
                        onDisk = head && head->seq >= qint64(record.value("seq"_L1).toDouble());
                    }
                }
                answers.append({id, ok, why, onDisk});
            });
        }
    }));
    asker->start();
    QVERIFY(asker->wait(10'000));
    other.unlock();
}
} // namespace

class TestAuditWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theCallersThreadNeverWaitsForTheLock()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"audit.jsonl"_s);
        AuditWriter writer(path, {u"p"_s, u"production"_s, u"fp"_s, u"api.clerk.com"_s, {}, u"alice"_s});
        // Another process holds the log's lock until the event loop has turned a while.
        QLockFile other(path + u".lock"_s);
        QVERIFY(other.tryLock(0));

        std::optional<bool> answer;
        writer.revokeIntended(item(u"inv_1"_s), [&answer](bool ok, const QString &) { answer = ok; });
        // Back on this thread while the lock is still held, and unanswered: had the call waited for the lock
        // here, it would have come back only after giving up on it, refused.
        QVERIFY2(!answer.has_value(), "revokeIntended() waited for the lock on the caller's thread");
        int ticks = 0;
        QTimer tick;
        connect(&tick, &QTimer::timeout, this, [&ticks] { ++ticks; });
        tick.start(50);
        QTRY_VERIFY_WITH_TIMEOUT(ticks >= 5, 15'000); // the event loop turns while the record waits
        QVERIFY(!answer.has_value());
        other.unlock();
        QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 15'000);
        QVERIFY(*answer);
        QCOMPARE(AuditLog::verify(path).records, 1);
    }

    void recordsAreWrittenInTheOrderAsked()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"audit.jsonl"_s);
        AuditWriter writer(path, {u"p"_s, u"production"_s, u"fp"_s, u"api.clerk.com"_s, {}, u"alice"_s});
        QStringList answered;
        for (int i = 0; i < 20; ++i) {
            const QString id = u"inv_%1"_s.arg(i);
            writer.revokeIntended(item(id), [&answered, id](bool ok, const QString &) {
                if (ok)
                    answered << id;
            });
        }
        QTRY_COMPARE(answered.size(), 20);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QStringList written;
        while (!file.atEnd())
            written << QJsonDocument::fromJson(file.readLine()).object().value("invitation_id"_L1).toString();
        QCOMPARE(written, answered);
        // Each record carries the run and the item's ticket.
        const QJsonObject first = AuditLog::unsettledIntents(path).first();
        QCOMPARE(first.value("run"_L1).toString(), writer.runId());
        QCOMPARE(first.value("ticket"_L1).toString(), u"SUP-9"_s);
    }

    void theFirstFailureLatches()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(u"audit"_s);
        const QString path = folder + u"/audit.jsonl"_s;
        AuditWriter writer(path, {u"p"_s, u"production"_s, u"fp"_s, u"h"_s, {}, u"alice"_s});
        std::optional<bool> first;
        writer.revokeIntended(item(u"inv_1"_s), [&first](bool ok, const QString &) { first = ok; });
        QTRY_VERIFY(first.has_value());
        QVERIFY(*first);
        // The folder is lost: nothing more can be written there.
        QVERIFY(Testing::loseFolder(folder));
        std::optional<QString> outcome;
        writer.revokeSettled(item(u"inv_1"_s), RevokeResult{RevokeOutcome::Revoked, std::nullopt, std::nullopt, 1, false},
                             [&outcome](bool ok, const QString &why) { outcome = ok ? QString() : why; });
        QTRY_VERIFY(outcome.has_value());
        QVERIFY(!outcome->isEmpty());
        // Room again: the writer still refuses, with the same reason, until a new run starts.
        QVERIFY(Testing::findFolderAgain(folder));
        std::optional<QString> next;
        writer.revokeIntended(item(u"inv_2"_s), [&next](bool ok, const QString &why) { next = ok ? QString() : why; });
        QTRY_VERIFY(next.has_value());
        QCOMPARE(*next, *outcome);
        QFile log(path); // gone with the folder (Unix), or as it was (Windows): inv_2 is not in it
        QVERIFY(!log.exists() || (log.open(QIODevice::ReadOnly) && !log.readAll().contains("inv_2")));
    }

    void recordsAskedForAtOnceAreWrittenTogether()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"audit.jsonl"_s);
        AuditWriter writer(path, {u"p"_s, u"production"_s, u"fp"_s, u"api.clerk.com"_s, {}, u"alice"_s});
        QStringList ids;
        for (int i = 0; i < 100; ++i)
            ids << u"inv_%1"_s.arg(i);
        QList<Answer> answers;
        askAtOnce(writer, ids, answers);
        QTRY_COMPARE_WITH_TIMEOUT(answers.size(), ids.size(), 15'000);
        // Answered in the order asked, each after its record was on disk; written in that order, chained.
        QStringList answered;
        for (const Answer &answer : std::as_const(answers)) {
            QVERIFY2(answer.ok, qPrintable(answer.why));
            QVERIFY2(answer.onDisk, qPrintable(answer.id + u" was answered before its record was on disk"_s));
            answered << answer.id;
        }
        QCOMPARE(answered, ids);
        QStringList written;
        for (const QJsonObject &record : records(path))
            written << record.value("invitation_id"_L1).toString();
        QCOMPARE(written, ids);
        const AuditVerification verified = AuditLog::verify(path);
        QVERIFY2(verified.ok, qPrintable(verified.problem));
        QCOMPARE(verified.records, 100);
        // The first one or few went while the others were asked for; the rest in one group.
        QVERIFY2(writer.syncs() <= 3, qPrintable(u"%1 syncs for 100 records"_s.arg(writer.syncs())));
    }

    void aGroupThatFailsIsRefusedWholeAndSoIsEverythingAfter()
    {
#ifndef Q_OS_UNIX
        QSKIP("fills the disk with RLIMIT_FSIZE");
#else
        QTemporaryDir dir;
        const QString path = dir.filePath(u"audit.jsonl"_s);
        AuditWriter writer(path, {u"p"_s, u"production"_s, u"fp"_s, u"api.clerk.com"_s, {}, u"alice"_s});
        std::optional<bool> first;
        writer.revokeIntended(item(u"inv_first"_s), [&first](bool ok, const QString &) { first = ok; });
        QTRY_VERIFY(first.has_value());
        QVERIFY(*first);
        const qint64 record = QFileInfo(path).size();
        QStringList ids;
        for (int i = 0; i < 10; ++i)
            ids << u"inv_%1"_s.arg(i);
        QList<Answer> answers;
        {
            // The disk fills up two and a half records on: whatever the first group is, one group goes
            // wrong in the middle of its records.
            const Testing::FullDiskAt full(record * 7 / 2);
            QVERIFY(full.isSet());
            askAtOnce(writer, ids, answers);
            QTRY_COMPARE_WITH_TIMEOUT(answers.size(), ids.size(), 15'000);
        }
        // Answered in order: those written (on disk when answered), then only refusals, for one reason.
        qsizetype written = 0;
        while (written < answers.size() && answers.at(written).ok) {
            QVERIFY(answers.at(written).onDisk);
            ++written;
        }
        QVERIFY2(written <= 2, "more records than fitted were answered as written");
        QVERIFY(written < answers.size());
        const QString why = answers.at(written).why;
        QVERIFY(!why.isEmpty());
        for (qsizetype i = written; i < answers.size(); ++i) {
            QVERIFY2(!answers.at(i).ok, qPrintable(answers.at(i).id + u" was answered as written after a refusal"_s));
            QCOMPARE(answers.at(i).why, why);
            QVERIFY(!answers.at(i).onDisk);
        }
        // Room again: still refused for the same reason, until a new run starts.
        std::optional<QString> later;
        writer.revokeIntended(item(u"inv_later"_s), [&later](bool ok, const QString &reason) { later = ok ? QString() : reason; });
        QTRY_VERIFY(later.has_value());
        QCOMPARE(*later, why);
        // The log holds exactly what was answered as written, and the next run chains on.
        QCOMPARE(records(path).size(), 1 + written);
        AuditLog next(path);
        QString reason;
        QVERIFY2(next.recordIntent(item(u"inv_next"_s), &reason), qPrintable(reason));
        const AuditVerification verified = AuditLog::verify(path);
        QVERIFY2(verified.ok, qPrintable(verified.problem));
        QCOMPARE(verified.records, 2 + written);
#endif
    }

    void answersStopWithTheWriter()
    {
        QTemporaryDir dir;
        int answers = 0;
        {
            AuditWriter writer(dir.filePath(u"audit.jsonl"_s), {});
            writer.revokeIntended(item(u"inv_1"_s), [&answers](bool, const QString &) { ++answers; });
        } // destroyed before its answer could be delivered: the record is written, no callback runs
        QCoreApplication::processEvents(); // whatever its thread posted before it stopped
        QCOMPARE(answers, 0);
        QCOMPARE(AuditLog::verify(dir.filePath(u"audit.jsonl"_s)).records, 1);
    }
};

QTEST_GUILESS_MAIN(TestAuditWriter)
#include "tst_auditwriter.moc"
