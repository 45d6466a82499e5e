// The audit writer: records are written on its own thread in order, the caller's thread never waits
// for the file lock, and the first failure latches so nothing can be sent after a lost record.

#include "core/audit/AuditWriter.h"
#include "support/LostFolder.h"

#include <QtCore/QDir>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QLockFile>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTimer>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace InviteDesk;

namespace {
RevokeItem item(const QString &id)
{
    return RevokeItem{u"org_1"_s, u"Acme"_s, id, id + u"@example.com"_s, u"org:member"_s, u"SUP-9"_s};
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
        // Another process holds the log's lock for a second.
        QLockFile other(path + u".lock"_s);
        QVERIFY(other.tryLock(0));
        QTimer::singleShot(1'000, this, [&other] { other.unlock(); });

        std::optional<bool> answer;
        QElapsedTimer clock;
        clock.start();
        writer.revokeIntended(item(u"inv_1"_s), [&answer](bool ok, const QString &) { answer = ok; });
        QVERIFY2(clock.elapsed() < 200, "revokeIntended() waited for the lock on the caller's thread");
        int ticks = 0;
        QTimer tick;
        connect(&tick, &QTimer::timeout, this, [&ticks] { ++ticks; });
        tick.start(50);
        QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 15'000);
        QVERIFY(*answer);
        QVERIFY2(ticks >= 5, "the event loop did not turn while the record waited for the lock");
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
