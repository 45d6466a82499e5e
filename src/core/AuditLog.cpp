#include "core/AuditLog.h"

#include <map>

#include "core/Csv.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QDateTime>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonDocument>
#include <QtCore/QLockFile>
#include <QtCore/QSaveFile>
#include <QtCore/QSet>
#include <QtCore/QStandardPaths>
#include <QtCore/QUuid>

#ifdef Q_OS_WIN
#  include <io.h>
#else
#  include <pwd.h>
#  include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace InviteDesk {

namespace {

constexpr auto genesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

QString headPath(const QString &logPath)
{
    return logPath + u".head"_s;
}

bool syncToDisk(QFile &file)
{
    if (!file.flush())
        return false;
#ifdef Q_OS_WIN
    return _commit(file.handle()) == 0;
#else
    return ::fsync(file.handle()) == 0;
#endif
}

/*! The last complete line of a file, read from its end. */
QByteArray lastLine(QFile &file)
{
    const qint64 size = file.size();
    qint64 chunk = 4096;
    while (true) {
        const qint64 from = std::max<qint64>(0, size - chunk);
        file.seek(from);
        QByteArray tail = file.read(size - from);
        while (tail.endsWith('\n'))
            tail.chop(1);
        const qsizetype nl = tail.lastIndexOf('\n');
        if (nl >= 0)
            return tail.mid(nl + 1);
        if (from == 0)
            return tail;
        chunk *= 4;
    }
}

QString operatorName()
{
    QString name = qEnvironmentVariable("USER");
    if (name.isEmpty())
        name = qEnvironmentVariable("USERNAME");
    if (name.isEmpty())
        name = qEnvironmentVariable("LOGNAME");
#ifndef Q_OS_WIN
    if (name.isEmpty()) {
        if (const passwd *entry = ::getpwuid(::getuid()))
            name = QString::fromLocal8Bit(entry->pw_name);
    }
#endif
    return name.isEmpty() ? u"unknown"_s : name;
}

} // namespace

AuditLog::AuditLog(QString filePath) : m_path(std::move(filePath)) {}

AuditLog::~AuditLog() = default;

QString AuditLog::defaultPath()
{
    // Shared by the desktop app and the CLI, whatever each calls itself.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/InviteDesk/audit/audit.jsonl"_s;
}

void AuditLog::setContext(const AuditContext &context)
{
    m_context = context;
    if (m_context.operatorName.isEmpty())
        m_context.operatorName = operatorName();
}

QByteArray AuditLog::hashRecord(const QJsonObject &recordWithoutHash)
{
    // QJsonObject keeps keys sorted, so the compact form is canonical.
    return QCryptographicHash::hash(QJsonDocument(recordWithoutHash).toJson(QJsonDocument::Compact),
                                    QCryptographicHash::Sha256)
        .toHex();
}

bool AuditLog::append(QJsonObject record)
{
    m_error.clear();
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath())) {
        m_error = QCoreApplication::translate("AuditLog", "cannot create the folder %1").arg(info.absolutePath());
        return false;
    }
    QLockFile lock(m_path + u".lock"_s);
    lock.setStaleLockTime(30'000);
    if (!lock.tryLock(10'000)) {
        m_error = QCoreApplication::translate("AuditLog", "the audit log is locked by another InviteDesk process");
        return false;
    }
    QFile file(m_path);
    if (!file.open(QIODevice::ReadWrite | QIODevice::Append)) {
        m_error = QCoreApplication::translate("AuditLog", "cannot open %1: %2").arg(m_path, file.errorString());
        return false;
    }
    QByteArray prev = genesisHash;
    qint64 seq = 1;
    if (file.size() > 0) {
        const QJsonObject last = QJsonDocument::fromJson(lastLine(file)).object();
        if (last.value("hash"_L1).isString()) {
            prev = last.value("hash"_L1).toString().toLatin1();
            seq = qint64(last.value("seq"_L1).toDouble()) + 1;
        }
    }
    record.insert("v"_L1, 1);
    record.insert("seq"_L1, seq);
    record.insert("time"_L1, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    record.insert("prev"_L1, QString::fromLatin1(prev));
    record.remove("hash"_L1);
    const QByteArray hash = hashRecord(record);
    record.insert("hash"_L1, QString::fromLatin1(hash));

    const QByteArray line = QJsonDocument(record).toJson(QJsonDocument::Compact) + '\n';
    if (file.write(line) != line.size() || !syncToDisk(file)) {
        m_error = QCoreApplication::translate("AuditLog", "cannot write %1: %2").arg(m_path, file.errorString());
        return false;
    }
    file.close();

    QSaveFile head(headPath(m_path));
    if (head.open(QIODevice::WriteOnly)) {
        head.write(QByteArray::number(seq) + ' ' + hash + '\n');
        head.commit();
    }
    return true;
}

QJsonObject AuditLog::baseRecord(const QString &event, const RevokeItem &item) const
{
    QJsonObject record{
        {"event"_L1, event},
        {"operator"_L1, m_context.operatorName.isEmpty() ? operatorName() : m_context.operatorName},
        {"profile"_L1, m_context.profile},
        {"environment"_L1, m_context.environment},
        {"key_fingerprint"_L1, m_context.keyFingerprint},
        {"api_host"_L1, m_context.apiHost},
        {"organization_id"_L1, item.organizationId},
        {"organization_name"_L1, item.organizationName},
        {"invitation_id"_L1, item.invitationId},
        {"email"_L1, item.emailAddress},
        {"role"_L1, item.role},
    };
    if (!m_context.ticket.isEmpty())
        record.insert("ticket"_L1, m_context.ticket);
    return record;
}

bool AuditLog::revokeIntended(const RevokeItem &item, QString *whyNot)
{
    QJsonObject record = baseRecord(u"intent"_s, item);
    const QString op = QUuid::createUuid().toString(QUuid::WithoutBraces);
    record.insert("op"_L1, op);
    if (!append(record)) {
        if (whyNot)
            *whyNot = QCoreApplication::translate("AuditLog", "Not sent: the audit log could not be written (%1).")
                          .arg(m_error);
        return false;
    }
    m_openIntents.insert(item.invitationId, op);
    return true;
}

void AuditLog::revokeSettled(const RevokeItem &item, const RevokeResult &result)
{
    QJsonObject record = baseRecord(u"outcome"_s, item);
    if (item.emailAddress.isEmpty() && result.invitation) {
        record.insert("email"_L1, result.invitation->emailAddress);
        record.insert("role"_L1, result.invitation->role);
    }
    record.insert("op"_L1, m_openIntents.take(item.invitationId));
    record.insert("outcome"_L1, revokeOutcomeKey(result.outcome));
    record.insert("attempts"_L1, result.attempts);
    if (result.error) {
        record.insert("error_code"_L1, result.error->code());
        record.insert("error"_L1, result.error->userMessage());
        record.insert("trace_id"_L1, result.error->traceId());
        if (result.error->httpStatus())
            record.insert("http_status"_L1, result.error->httpStatus());
    }
    append(record);
}

bool AuditLog::recordReconciliation(const QJsonObject &intent, const QString &outcome, const QString &detail)
{
    QJsonObject record = intent;
    for (const auto *key : {"v", "seq", "time", "prev", "hash", "operator", "ticket"})
        record.remove(QLatin1StringView(key));
    record.insert("event"_L1, u"reconciled"_s);
    record.insert("operator"_L1, m_context.operatorName.isEmpty() ? operatorName() : m_context.operatorName);
    record.insert("outcome"_L1, outcome);
    record.insert("detail"_L1, detail);
    record.insert("intent_seq"_L1, intent.value("seq"_L1));
    return append(record);
}

AuditVerification AuditLog::verify(const QString &filePath)
{
    AuditVerification result;
    QFile file(filePath);
    if (!file.exists()) {
        result.ok = true;
        return result;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        result.problem = QCoreApplication::translate("AuditLog", "cannot open %1: %2").arg(filePath, file.errorString());
        return result;
    }
    QByteArray prev = genesisHash;
    qint64 expectedSeq = 1;
    int lineNumber = 0;
    QHash<qint64, QByteArray> hashAtSeq;
    auto bad = [&result, &lineNumber](const QString &problem) {
        result.firstBadLine = lineNumber;
        result.problem = problem;
        return result;
    };
    while (!file.atEnd()) {
        QByteArray line = file.readLine();
        ++lineNumber;
        if (line.endsWith('\n'))
            line.chop(1);
        else if (file.atEnd() && !line.isEmpty())
            return bad(QCoreApplication::translate("AuditLog", "the last line is incomplete"));
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
        hashAtSeq.insert(expectedSeq, stored);
        ++expectedSeq;
        ++result.records;
    }
    QFile head(headPath(filePath));
    if (head.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> parts = head.readAll().trimmed().split(' ');
        if (parts.size() == 2) {
            const qint64 headSeq = parts.at(0).toLongLong();
            const qint64 lastSeq = expectedSeq - 1;
            // The side file is written just after the record; a crash in between leaves it one behind,
            // which is fine as long as it names a record that is still there, unchanged.
            const bool consistent = headSeq <= lastSeq && hashAtSeq.value(headSeq) == parts.at(1);
            if (!consistent) {
                lineNumber = result.records + 1;
                return bad(headSeq > lastSeq
                               ? QCoreApplication::translate("AuditLog",
                                                             "records are missing at the end: the log stops at %1, it had reached %2")
                                     .arg(lastSeq)
                                     .arg(headSeq)
                               : QCoreApplication::translate("AuditLog", "the newest records were replaced"));
            }
        }
    }
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
