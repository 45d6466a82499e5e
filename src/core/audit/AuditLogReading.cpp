#include "core/audit/AuditFiles.h"
#include "core/audit/AuditLog.h"
#include "core/util/Csv.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QHash>
#include <QtCore/QJsonDocument>

#include <deque>
#include <map>

using namespace Qt::StringLiterals;

// The reading half of AuditLog: verify(), unsettledIntents(), exportCsv(). AuditLog.cpp writes.

namespace InviteDesk {

using namespace AuditFiles;

AuditVerification AuditLog::verify(const QString &filePath)
{
    AuditVerification result;
    QFile file(filePath);
    const std::optional<Head> head = readHead(filePath);
    // A log that is gone or empty while its head names records is records removed, not a fresh start.
    const QString emptied = QCoreApplication::translate("AuditLog", "the log holds no records, but its head file says it held %1")
                                .arg(head ? head->seq : 0);
    if (!file.exists()) {
        result.ok = !head || head->seq == 0;
        if (!result.ok) {
            result.firstBadLine = 1;
            result.problem = emptied;
        }
        return result;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        result.problem = QCoreApplication::translate("AuditLog", "cannot open %1: %2").arg(filePath, file.errorString());
        return result;
    }
    QByteArray prev = genesisHash;
    qint64 expectedSeq = 1;
    int lineNumber = 0;
    // The newest hashes, as far back as a head may lag after a crash (headLagIsACrash()).
    std::deque<QByteArray> newest;
    auto bad = [&result, &lineNumber](const QString &problem) {
        result.firstBadLine = lineNumber;
        result.problem = problem;
        return result;
    };
    while (!file.atEnd()) {
        QByteArray line = file.readLine();
        ++lineNumber;
        if (line.endsWith('\n')) {
            line.chop(1);
        } else if (file.atEnd() && !line.isEmpty()) {
            // Only ever the last line, and only ever what a full disk or a crash mid-write leaves.
            result.note = QCoreApplication::translate("AuditLog",
                                                      "the last line is incomplete (%n byte(s), a write cut off by a "
                                                      "full disk or a crash); the next write removes it and records that",
                                                      nullptr, int(line.size()));
            break;
        }
        if (line.isEmpty())
            return bad(QCoreApplication::translate("AuditLog", "empty line"));
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            return bad(QCoreApplication::translate("AuditLog", "not a JSON record"));
        QJsonObject record = doc.object();
        const QByteArray stored = record.take("hash"_L1).toString().toLatin1();
        if (record.value("prev"_L1).toString().toLatin1() != prev)
            return bad(QCoreApplication::translate("AuditLog", "the chain is broken: a record before this one was removed or changed"));
        if (qint64(record.value("seq"_L1).toDouble()) != expectedSeq)
            return bad(QCoreApplication::translate("AuditLog", "sequence number %1 where %2 was expected")
                           .arg(qint64(record.value("seq"_L1).toDouble()))
                           .arg(expectedSeq));
        if (hashRecord(record) != stored)
            return bad(QCoreApplication::translate("AuditLog", "this record was changed after it was written"));
        prev = stored;
        newest.push_back(stored);
        if (qint64(newest.size()) > maxHeadLag + 1)
            newest.pop_front();
        ++expectedSeq;
        ++result.records;
    }
    if (result.records == 0) {
        if (head && head->seq != 0)
            return bad(emptied);
        result.ok = true;
        return result;
    }
    // The head names the newest record. It is written just after the record's group, so a crash in between
    // leaves it up to a group behind; anything else means records were cut off, replaced or the head removed.
    lineNumber = result.records + 1;
    const qint64 lastSeq = expectedSeq - 1;
    if (!head)
        return bad(QCoreApplication::translate("AuditLog",
                                               "the head file %1 is missing, so records cut off the end would go unnoticed")
                       .arg(QDir::toNativeSeparators(headPath(filePath))));
    if (head->seq < 0)
        return bad(QCoreApplication::translate("AuditLog", "the head file %1 is empty or damaged")
                       .arg(QDir::toNativeSeparators(headPath(filePath))));
    const qint64 headSeq = head->seq;
    const qint64 behind = lastSeq - headSeq;
    const bool consistent = headLagIsACrash(behind) && behind < qint64(newest.size())
                            && newest.at(newest.size() - 1 - size_t(behind)) == head->hash;
    if (!consistent)
        return bad(headSeq > lastSeq
                       ? QCoreApplication::translate("AuditLog",
                                                     "records are missing at the end: the log stops at %1, it had reached %2")
                             .arg(lastSeq)
                             .arg(headSeq)
                       : QCoreApplication::translate("AuditLog", "the newest records were replaced or the head file was edited"));
    result.ok = true;
    return result;
}

QList<QJsonObject> AuditLog::unsettledIntents(const QString &filePath, qint64 upToByte)
{
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    // Only the intents still open are kept (by line, to return them in log order): a log of years
    // of revokes costs one pass, not its size in memory.
    std::map<qint64, QJsonObject> open;
    QHash<QString, qint64> lineOfOp;
    for (qint64 line = 0; !file.atEnd() && (upToByte < 0 || file.pos() < upToByte); ++line) {
        const QJsonObject record = QJsonDocument::fromJson(file.readLine()).object();
        const QString event = record.value("event"_L1).toString();
        const QString op = record.value("op"_L1).toString();
        if (event == "intent"_L1) {
            open.emplace(line, record);
            if (!op.isEmpty())
                lineOfOp.insert(op, line);
        } else if ((event == "outcome"_L1 || event == "reconciled"_L1) && !op.isEmpty()) {
            const auto it = lineOfOp.constFind(op);
            if (it != lineOfOp.cend()) {
                open.erase(*it);
                lineOfOp.erase(it);
            }
        }
    }
    QList<QJsonObject> intents;
    intents.reserve(qsizetype(open.size()));
    for (auto &[line, intent] : open)
        intents.append(std::move(intent));
    return intents;
}

bool AuditLog::exportCsv(const QString &filePath, QIODevice *out, QString *error)
{
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    static const QStringList columns = {u"seq"_s,         u"time"_s,       u"event"_s,      u"operator"_s,
                                        u"profile"_s,     u"environment"_s, u"key_fingerprint"_s, u"api_host"_s,
                                        u"organization_id"_s, u"organization_name"_s, u"invitation_id"_s, u"email"_s,
                                        u"role"_s,        u"outcome"_s,    u"error_code"_s, u"trace_id"_s,
                                        u"ticket"_s,      u"op"_s,         u"hash"_s};
    out->write(Csv::row(columns).toUtf8());
    while (!file.atEnd()) {
        const QJsonObject record = QJsonDocument::fromJson(file.readLine()).object();
        if (record.isEmpty())
            continue;
        QStringList fields;
        for (const QString &column : columns) {
            const QJsonValue value = record.value(column);
            fields << (value.isDouble() ? QString::number(qint64(value.toDouble())) : value.toString());
        }
        out->write(Csv::row(fields).toUtf8());
    }
    return true;
}

} // namespace InviteDesk
