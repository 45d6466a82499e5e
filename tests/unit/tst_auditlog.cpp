// The audit log: records, the hash chain, and what tampering verify() detects.

#include "core/AuditLog.h"

#include <QtCore/QBuffer>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonDocument>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

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

    /*! Three revokes: intent + outcome each, six records. */
    QString writeSample()
    {
        const QString path = freshPath();
        AuditLog log(path);
        log.setContext({u"support"_s, u"production"_s, u"fp123"_s, u"api.clerk.com"_s, u"SUP-42"_s, u"alice"_s});
        for (const QString &id : {u"inv_1"_s, u"inv_2"_s, u"inv_3"_s}) {
            QString why;
            if (!log.revokeIntended(item(id), &why))
                qFatal("intent failed: %s", qPrintable(why));
            log.revokeSettled(item(id), RevokeResult{RevokeOutcome::Revoked, std::nullopt, std::nullopt, 1, false}, nullptr);
        }
        return path;
    }

private Q_SLOTS:
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

    void headOneBehindAfterACrashIsFine()
    {
        // A crash between writing a record and updating the side file leaves the side file one behind.
        const QString path = writeSample();
        QFile head(path + u".head"_s);
        QVERIFY(head.open(QIODevice::WriteOnly | QIODevice::Truncate));
        const QJsonObject fifth = QJsonDocument::fromJson(lines(path).at(4)).object();
        head.write("5 " + fifth.value("hash"_L1).toString().toLatin1() + '\n');
        head.close();
        QVERIFY(AuditLog::verify(path).ok);
        // But a side file naming a record that is not there (or not like that) is tampering.
        QVERIFY(head.open(QIODevice::WriteOnly | QIODevice::Truncate));
        head.write("5 " + QByteArray(64, 'a') + '\n');
        head.close();
        QVERIFY(!AuditLog::verify(path).ok);
    }

    void intentWithoutOutcomeIsFound()
    {
        const QString path = freshPath();
        AuditLog log(path);
        QString why;
        QVERIFY(log.revokeIntended(item(u"inv_a"_s), &why));
        QVERIFY(log.revokeIntended(item(u"inv_b"_s), &why));
        log.revokeSettled(item(u"inv_a"_s), RevokeResult{RevokeOutcome::Revoked, std::nullopt, std::nullopt, 1, false}, nullptr);
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
            QVERIFY(log.revokeIntended(item(id), &why));
        log.revokeSettled(item(u"inv_2"_s), RevokeResult{RevokeOutcome::Revoked, std::nullopt, std::nullopt, 1, false}, nullptr);
        const qint64 before = QFileInfo(path).size();
        // What a session writes after the reconciler looked belongs to that session.
        QVERIFY(log.revokeIntended(item(u"inv_4"_s), &why));

        const auto ids = [](const QList<QJsonObject> &intents) {
            QStringList list;
            for (const QJsonObject &intent : intents)
                list << intent.value("invitation_id"_L1).toString();
            return list;
        };
        QCOMPARE(ids(AuditLog::unsettledIntents(path)), (QStringList{u"inv_1"_s, u"inv_3"_s, u"inv_4"_s}));
        QCOMPARE(ids(AuditLog::unsettledIntents(path, before)), (QStringList{u"inv_1"_s, u"inv_3"_s}));
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
        QVERIFY(!log.revokeIntended(item(u"inv_x"_s), &why));
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
        QVERIFY(log.revokeIntended(item(u"inv"_s), &why));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.readAll().contains(key.toLatin1()));
    }
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
