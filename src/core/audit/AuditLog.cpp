#include "core/audit/AuditLog.h"

#include "core/util/Csv.h"

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

#include <algorithm>
#include <map>

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

/*! One lock per live run, so other processes can tell a running revoke from a crashed one. */
QString runFolder(const QString &logPath)
{
    return logPath + u".runs"_s;
}

QString runLockPath(const QString &logPath, const QString &runId)
{
    return runFolder(logPath) + u'/' + runId + u".lock"_s;
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

/*! The last \a count complete lines before byte \a end (which follows a '\n'), oldest first, without their '\n'. */
QList<QByteArray> lastLines(QFile &file, qint64 end, int count)
{
    qint64 chunk = 4096;
    while (true) {
        const qint64 from = std::max<qint64>(0, end - chunk);
        file.seek(from);
        QByteArray tail = file.read(end - from);
        if (tail.endsWith('\n'))
            tail.chop(1);
        QList<QByteArray> lines = tail.split('\n');
        if (lines.size() > count || from == 0)
            return lines.mid(std::max<qsizetype>(0, lines.size() - count));
        chunk *= 4;
    }
}

/*! The head file: the newest record's sequence number and hash. */
struct Head
{
    qint64 seq = 0;
    QByteArray hash;
};

std::optional<Head> readHead(const QString &logPath)
{
    QFile file(headPath(logPath));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QList<QByteArray> parts = file.read(256).trimmed().split(' ');
    if (parts.size() != 2 || parts.at(1).size() != 64)
        return Head{-1, {}}; // there, but empty or damaged
    bool ok = false;
    const qint64 seq = parts.at(0).toLongLong(&ok);
    return ok ? Head{seq, parts.at(1)} : Head{-1, {}};
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

AuditLog::AuditLog(QString filePath)
    : m_path(std::move(filePath)), m_runId(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

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
    return appendIf(std::move(record), {});
}

namespace {

QString lockProblem(const QLockFile &lock, const QString &folder)
{
    switch (lock.error()) {
    case QLockFile::LockFailedError: {
        qint64 pid = 0;
        QString host;
        QString app;
        if (lock.getLockInfo(&pid, &host, &app))
            return QCoreApplication::translate("AuditLog",
                                               "the audit log is being written by another InviteDesk process "
                                               "(%1, process %2) that did not finish within 10 seconds")
                .arg(app)
                .arg(pid);
        return QCoreApplication::translate("AuditLog", "the audit log is being written by another InviteDesk process");
    }
    case QLockFile::PermissionError:
        return QCoreApplication::translate("AuditLog", "no permission to write in %1 (is the folder read-only?)")
            .arg(QDir::toNativeSeparators(folder));
    case QLockFile::NoError:
    case QLockFile::UnknownError:
        break;
    }
    return QCoreApplication::translate("AuditLog", "cannot create a file in %1 (is the disk full or read-only?)")
        .arg(QDir::toNativeSeparators(folder));
}

/*! Why \a folder cannot be created: a read-only parent, or something else (a full disk, a file in the way). */
QString folderProblem(const QString &folder)
{
    QString existing = QFileInfo(folder).absolutePath();
    while (!QFileInfo::exists(existing) && existing != QFileInfo(existing).absolutePath())
        existing = QFileInfo(existing).absolutePath();
    if (QFileInfo(existing).isDir() && !QFileInfo(existing).isWritable())
        return QCoreApplication::translate("AuditLog", "no permission to write in %1 (is the folder read-only?)")
            .arg(QDir::toNativeSeparators(existing));
    return QCoreApplication::translate("AuditLog", "cannot create the folder %1 (is the disk full, or a file in the way?)")
        .arg(QDir::toNativeSeparators(folder));
}

/*! What Clerk support asks for about a failure: its code, message, trace ID and status. */
void insertError(QJsonObject &record, const ClerkError &error)
{
    record.insert("error_code"_L1, error.code());
    record.insert("error"_L1, error.userMessage());
    record.insert("trace_id"_L1, error.traceId());
    if (error.httpStatus())
        record.insert("http_status"_L1, error.httpStatus());
}

/*! Where the last complete line ends: the byte after its '\n', or 0. */
qint64 endOfLastCompleteLine(QFile &file)
{
    qint64 end = file.size();
    constexpr qint64 chunk = 64 * 1024;
    while (end > 0) {
        const qint64 from = std::max<qint64>(0, end - chunk);
        file.seek(from);
        const QByteArray block = file.read(end - from);
        const qsizetype nl = block.lastIndexOf('\n');
        if (nl >= 0)
            return from + nl + 1;
        end = from;
    }
    return 0;
}

} // namespace

bool AuditLog::appendIf(QJsonObject record, const Precondition &precondition, bool *skipped)
{
    m_error.clear();
    if (skipped)
        *skipped = false;
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath())) {
        m_error = folderProblem(info.absolutePath());
        return false;
    }
    QLockFile lock(m_path + u".lock"_s);
    lock.setStaleLockTime(30'000);
    if (!lock.tryLock(10'000)) {
        m_error = lockProblem(lock, info.absolutePath());
        return false;
    }
    QFile file(m_path);
    if (!file.open(QIODevice::ReadWrite | QIODevice::Append)) {
        m_error = QCoreApplication::translate("AuditLog", "cannot open %1: %2").arg(m_path, file.errorString());
        return false;
    }
    if (precondition && !precondition(file)) {
        if (skipped)
            *skipped = true;
        return true;
    }
    auto writeFailed = [this, &file] {
        m_error = QCoreApplication::translate("AuditLog", "cannot write %1: %2").arg(m_path, file.errorString());
        return false;
    };

    // A record cut off mid-line (a full disk, a crash) is cut away, and the cut recorded, before anything
    // is chained onto it: otherwise the next record would land on the broken line.
    std::optional<QJsonObject> repair;
    const qint64 size = file.size();
    const qint64 whole = endOfLastCompleteLine(file);
    if (whole < size) {
        file.seek(whole);
        const QByteArray cut = file.read(size - whole);
        if (!file.resize(whole) || !syncToDisk(file))
            return writeFailed();
        repair = QJsonObject{
            {"event"_L1, u"repair"_s},
            {"detail"_L1, u"an incomplete last line (a write cut off by a full disk or a crash) was removed"_s},
            {"cut_bytes"_L1, qint64(cut.size())},
            {"cut_sha256"_L1, QString::fromLatin1(QCryptographicHash::hash(cut, QCryptographicHash::Sha256).toHex())},
            {"operator"_L1, m_context.operatorName.isEmpty() ? operatorName() : m_context.operatorName},
            {"run"_L1, m_runId},
        };
    }

    // The end of the log must be what its head names (or one record past it, after a crash between the
    // two writes): otherwise records were removed, replaced or added by hand, and chaining onto them
    // would bury that. A person has to look first (`audit verify` says where).
    auto refuse = [this](const QString &why) {
        m_error = QCoreApplication::translate("AuditLog", "%1, so nothing more is written to %2 until someone looks "
                                                          "(`invitedesk-cli audit verify` says where)")
                      .arg(why, QDir::toNativeSeparators(m_path));
        return false;
    };
    const std::optional<Head> head = readHead(m_path);
    QByteArray prev = genesisHash;
    qint64 seq = 1;
    if (whole == 0) {
        if (head && head->seq != 0)
            return refuse(QCoreApplication::translate("AuditLog", "the audit log is empty but its head file says it held records"));
    } else {
        const QList<QByteArray> tail = lastLines(file, whole, 2);
        const QJsonObject last = QJsonDocument::fromJson(tail.last()).object();
        const QString lastHash = last.value("hash"_L1).toString();
        const qint64 lastSeq = qint64(last.value("seq"_L1).toDouble());
        if (lastHash.size() != 64 || lastSeq < 1)
            return refuse(QCoreApplication::translate("AuditLog", "the last record of the audit log is damaged"));
        if (tail.size() == 2) {
            // The two newest records must be chained to each other (a copied or moved record is not).
            const QJsonObject before = QJsonDocument::fromJson(tail.first()).object();
            if (before.value("hash"_L1) != last.value("prev"_L1) || qint64(before.value("seq"_L1).toDouble()) != lastSeq - 1)
                return refuse(QCoreApplication::translate("AuditLog", "the newest records of the audit log are not chained"));
        }
        if (!head || head->seq < 0)
            return refuse(QCoreApplication::translate("AuditLog", "the audit log's head file is missing or damaged"));
        const bool atHead = head->seq == lastSeq && head->hash == lastHash.toLatin1();
        const bool oneBehind = head->seq == lastSeq - 1 && head->hash == last.value("prev"_L1).toString().toLatin1();
        if (!atHead && !oneBehind)
            return refuse(QCoreApplication::translate("AuditLog", "the end of the audit log is not what its head file names"));
        prev = lastHash.toLatin1();
        seq = lastSeq + 1;
    }

    QByteArray lines;
    QByteArray newestHash;
    auto chain = [&](QJsonObject r) {
        r.insert("v"_L1, 1);
        r.insert("seq"_L1, seq);
        r.insert("time"_L1, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
        r.insert("prev"_L1, QString::fromLatin1(prev));
        r.remove("hash"_L1);
        newestHash = hashRecord(r);
        r.insert("hash"_L1, QString::fromLatin1(newestHash));
        lines += QJsonDocument(r).toJson(QJsonDocument::Compact) + '\n';
        prev = newestHash;
        ++seq;
    };
    if (repair)
        chain(*repair);
    chain(std::move(record));

    if (file.write(lines) != lines.size() || !syncToDisk(file)) {
        // Leave no torn line behind if we can help it; if not, the next append repairs it.
        if (file.resize(whole))
            syncToDisk(file);
        return writeFailed();
    }
    file.close();

    // Unbuffered, so that a full disk fails the write itself and the old head stays (QSaveFile renames
    // only on success); then read back, since some file systems report the shortage only later.
    QSaveFile headFile(headPath(m_path));
    const QByteArray headLine = QByteArray::number(seq - 1) + ' ' + newestHash + '\n';
    const bool headWritten = headFile.open(QIODevice::WriteOnly | QIODevice::Unbuffered)
                             && headFile.write(headLine) == headLine.size() && headFile.commit();
    if (!headWritten) {
        headFile.cancelWriting();
        m_error = QCoreApplication::translate("AuditLog", "cannot update %1: %2").arg(headPath(m_path), headFile.errorString());
        return false;
    }
    const std::optional<Head> check = readHead(m_path);
    if (!check || check->seq != seq - 1 || check->hash != newestHash) {
        m_error = QCoreApplication::translate("AuditLog", "cannot update %1: what was written did not stay (is the disk full?)")
                      .arg(headPath(m_path));
        return false;
    }
    return true;
}

bool AuditLog::holdRunLock()
{
    if (m_runLock && m_runLock->isLocked())
        return true;
    const QString folder = runFolder(m_path);
    if (!QDir().mkpath(folder)) {
        m_error = folderProblem(folder);
        return false;
    }
    m_runLock = std::make_unique<QLockFile>(runLockPath(m_path, m_runId));
    // Never stale by age: only a process that is gone gives up its run (QLockFile checks the PID).
    m_runLock->setStaleLockTime(0);
    if (!m_runLock->tryLock(0)) {
        m_error = lockProblem(*m_runLock, folder);
        return false;
    }
    return true;
}

bool AuditLog::runIsAlive(const QString &filePath, const QString &runId, std::unique_ptr<QLockFile> *claim)
{
    if (runId.isEmpty())
        return false;
    auto lock = std::make_unique<QLockFile>(runLockPath(filePath, runId));
    lock->setStaleLockTime(0);
    if (!lock->tryLock(0))
        return lock->error() == QLockFile::LockFailedError; // held by a live process; other errors: cannot tell
    if (claim)
        *claim = std::move(lock);
    return false;
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
        {"run"_L1, m_runId},
    };
    const QString ticket = item.ticket.isEmpty() ? m_context.ticket : item.ticket;
    if (!ticket.isEmpty())
        record.insert("ticket"_L1, ticket);
    return record;
}

bool AuditLog::recordIntent(const RevokeItem &item, QString *whyNot)
{
    QJsonObject record = baseRecord(u"intent"_s, item);
    const QString op = QUuid::createUuid().toString(QUuid::WithoutBraces);
    record.insert("op"_L1, op);
    if (!holdRunLock() || !append(record)) {
        if (whyNot)
            *whyNot = QCoreApplication::translate("AuditLog", "Not sent: the audit log could not be written (%1).")
                          .arg(m_error);
        return false;
    }
    m_openIntents.insert(item.invitationId, op);
    return true;
}

bool AuditLog::recordOutcome(const RevokeItem &item, const RevokeResult &result, QString *whyNot)
{
    QJsonObject record = baseRecord(u"outcome"_s, item);
    if (item.emailAddress.isEmpty() && result.invitation) {
        record.insert("email"_L1, result.invitation->emailAddress);
        record.insert("role"_L1, result.invitation->role);
    }
    record.insert("op"_L1, m_openIntents.take(item.invitationId));
    record.insert("outcome"_L1, revokeOutcomeKey(result.outcome));
    record.insert("attempts"_L1, result.attempts);
    if (result.error)
        insertError(record, *result.error);
    if (append(record))
        return true;
    if (whyNot)
        *whyNot = QCoreApplication::translate("AuditLog",
                                              "The outcome of %1 could not be written to the audit log (%2); "
                                              "nothing more is sent. The next start re-reads it and records what happened.")
                      .arg(item.invitationId, m_error);
    return false;
}

bool AuditLog::recordReinviteIntent(const RevokeItem &previous, bool notify, int expiresInDays, QString *whyNot)
{
    QJsonObject record = baseRecord(u"reinvite_intent"_s, previous);
    const QString op = QUuid::createUuid().toString(QUuid::WithoutBraces);
    record.insert("op"_L1, op);
    record.insert("notify"_L1, notify);
    record.insert("expires_in_days"_L1, expiresInDays);
    if (!holdRunLock() || !append(record)) {
        if (whyNot)
            *whyNot = QCoreApplication::translate("AuditLog", "Not created: the audit log could not be written (%1).")
                          .arg(m_error);
        return false;
    }
    m_openReinvites.insert(previous.invitationId, op);
    return true;
}

bool AuditLog::recordReinviteOutcome(const RevokeItem &previous, const std::optional<Invitation> &created,
                                     const std::optional<ClerkError> &error, QString *whyNot)
{
    QJsonObject record = baseRecord(u"reinvite_outcome"_s, previous);
    record.insert("op"_L1, m_openReinvites.take(previous.invitationId));
    record.insert("outcome"_L1, created ? u"created"_s : u"failed"_s);
    if (created)
        record.insert("new_invitation_id"_L1, created->id);
    if (error)
        insertError(record, *error);
    if (append(record))
        return true;
    if (whyNot)
        *whyNot = QCoreApplication::translate("AuditLog", "The re-invite of %1 could not be recorded in the audit log (%2).")
                      .arg(previous.emailAddress, m_error);
    return false;
}

bool AuditLog::recordReconciliation(const QJsonObject &intent, const QString &outcome, const QString &detail,
                                    qint64 scannedUpTo)
{
    QJsonObject record = intent;
    for (const auto *key : {"v", "seq", "time", "prev", "hash", "operator", "ticket"})
        record.remove(QLatin1StringView(key));
    record.insert("event"_L1, u"reconciled"_s);
    record.insert("operator"_L1, m_context.operatorName.isEmpty() ? operatorName() : m_context.operatorName);
    record.insert("outcome"_L1, outcome);
    record.insert("detail"_L1, detail);
    record.insert("intent_seq"_L1, intent.value("seq"_L1));
    record.insert("reconciled_by_run"_L1, m_runId);
    const QString op = intent.value("op"_L1).toString();
    // Under the log's lock: did anyone settle this intent after the read that found it open?
    auto stillOpen = [op, scannedUpTo](QFile &file) {
        if (op.isEmpty() || scannedUpTo < 0)
            return true;
        file.seek(std::min(scannedUpTo, file.size()));
        while (!file.atEnd()) {
            const QByteArray line = file.readLine();
            if (!line.contains(op.toLatin1()))
                continue;
            const QJsonObject r = QJsonDocument::fromJson(line).object();
            const QString event = r.value("event"_L1).toString();
            if (r.value("op"_L1).toString() == op && (event == "outcome"_L1 || event == "reconciled"_L1))
                return false;
        }
        return true;
    };
    bool skipped = false;
    if (!appendIf(record, stillOpen, &skipped))
        return false;
    return !skipped;
}

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
    QByteArray lastHash;
    QByteArray previousHash;
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
        previousHash = std::exchange(lastHash, stored);
        ++expectedSeq;
        ++result.records;
    }
    if (result.records == 0) {
        if (head && head->seq != 0)
            return bad(emptied);
        result.ok = true;
        return result;
    }
    // The head names the newest record. It is written just after the record, so a crash in between
    // leaves it exactly one behind; anything else means records were cut off, replaced or the head removed.
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
    const bool consistent = (headSeq == lastSeq && head->hash == lastHash)
                            || (headSeq == lastSeq - 1 && head->hash == previousHash);
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
