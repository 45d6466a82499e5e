#include "core/audit/AuditLog.h"

#include "core/audit/AuditFiles.h"
#include "core/util/PrivateProcess.h"

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
#include <QtCore/QThread>
#include <QtCore/QUuid>

#include <algorithm>
#include <cerrno>

#ifdef Q_OS_WIN
#  include <io.h>
#  include <windows.h>
#else
#  include <pwd.h>
#  include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace InviteDesk {

using namespace AuditFiles;

namespace {

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

} // namespace

// Declared in AuditLog.h.
/*!
 * Who is acting: the operating system's account of this process, never an environment variable
 * (`USER=ana invitedesk-cli …` must not sign as ana). POSIX: the effective user's name; Windows: the
 * user of the process's token.
 */
QString operatorName()
{
    QString name;
#ifdef Q_OS_WIN
    wchar_t buffer[257];
    DWORD size = DWORD(std::size(buffer));
    if (::GetUserNameW(buffer, &size) && size > 1)
        name = QString::fromWCharArray(buffer, int(size) - 1);
#else
    const uid_t uid = ::geteuid();
    if (const passwd *entry = ::getpwuid(uid))
        name = QString::fromLocal8Bit(entry->pw_name);
    else
        name = u"uid %1"_s.arg(uid); // an account without a name (a container's): its number is still true
#endif
    return name.isEmpty() ? u"unknown"_s : name;
}


AuditLog::AuditLog(QString filePath)
    : m_path(std::move(filePath)), m_runId(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    // What an older version or another umask left readable by every local user is made this account's
    // alone (what is created from now on is, by PrivateProcess::apply()).
    const QString folder = QFileInfo(m_path).absolutePath();
    const QString dataFolder = QFileInfo(folder).absolutePath(); // ~/.local/share/InviteDesk for the default log
    if (QFileInfo(dataFolder).fileName() == "InviteDesk"_L1)
        PrivateProcess::makePrivate(dataFolder);
    for (const QString &path : QStringList{folder, m_path, headPath(m_path), runFolder(m_path), m_path + u".team"_s})
        PrivateProcess::makePrivate(path);
}

AuditLog::~AuditLog() = default;

QString AuditLog::defaultPath()
{
    // A folder of the organization's choosing: on a desktop whose profile is wiped at sign-out, the log
    // lives on a drive that stays.
    if (const QString folder = qEnvironmentVariable("INVITEDESK_AUDIT_DIR"); !folder.isEmpty())
        return QDir(folder).filePath(u"audit.jsonl"_s);
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
    return appendIf({std::move(record)}, {});
}

bool AuditLog::syncToDisk(QFile &file)
{
    m_syncs.fetchAndAddRelaxed(1);
    if (!file.flush())
        return false;
#ifdef Q_OS_WIN
    return _commit(file.handle()) == 0;
#else
    return ::fsync(file.handle()) == 0;
#endif
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

bool AuditLog::appendIf(QList<QJsonObject> records, const Precondition &precondition, bool *skipped)
{
    m_error.clear();
    if (skipped)
        *skipped = false;
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath())) {
        m_error = folderProblem(info.absolutePath());
        return false;
    }
    const QString lockPath = m_path + u".lock"_s;
    auto lock = std::make_unique<QLockFile>(lockPath);
    lock->setStaleLockTime(30'000);
    if (!takeLock(lock, lockPath, 10'000)) {
        m_error = lockProblem(*lock, info.absolutePath());
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
    auto writeFailed = [this, &file](const QString &cause = {}) {
        m_error = QCoreApplication::translate("AuditLog", "cannot write %1: %2")
                      .arg(m_path, cause.isEmpty() ? file.errorString() : cause);
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

    // The end of the log must be what its head names, or a chain from it (after a crash between a group's
    // sync and its head's rewrite, up to a group and its repair): otherwise records were removed, replaced
    // or added by hand, and chaining onto them would bury that. A person has to look first (`audit verify`
    // says where).
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
        const QJsonObject last = QJsonDocument::fromJson(lastLines(file, whole, 1).last()).object();
        const QString lastHash = last.value("hash"_L1).toString();
        const qint64 lastSeq = qint64(last.value("seq"_L1).toDouble());
        if (lastHash.size() != 64 || lastSeq < 1)
            return refuse(QCoreApplication::translate("AuditLog", "the last record of the audit log is damaged"));
        if (!head || head->seq < 0)
            return refuse(QCoreApplication::translate("AuditLog", "the audit log's head file is missing or damaged"));
        const qint64 behind = lastSeq - head->seq;
        if (!headLagIsACrash(behind))
            return refuse(QCoreApplication::translate("AuditLog", "the end of the audit log is not what its head file names"));
        // The record the head names and each one after it (and at least the newest two) must be chained:
        // a copied or moved record is not.
        const QList<QByteArray> tail = lastLines(file, whole, int(behind) + 2);
        const qsizetype named = tail.size() - 1 - behind;
        QJsonObject before;
        for (qsizetype i = 0; i < tail.size(); ++i) {
            const QJsonObject record = QJsonDocument::fromJson(tail.at(i)).object();
            if (i > 0 && (before.value("hash"_L1) != record.value("prev"_L1)
                          || qint64(before.value("seq"_L1).toDouble()) + 1 != qint64(record.value("seq"_L1).toDouble())))
                return refuse(QCoreApplication::translate("AuditLog", "the newest records of the audit log are not chained"));
            before = record;
        }
        if (named < 0
            || QJsonDocument::fromJson(tail.at(named)).object().value("hash"_L1).toString().toLatin1() != head->hash)
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
    for (QJsonObject &record : records)
        chain(std::move(record));

    // Written unbuffered: a write cut short by a full disk must not be tried again when the file is closed,
    // after the cut below (that would put part of a refused group back). A short write goes on until the
    // system says why it stopped, which is what the error then says.
    file.close();
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered))
        return writeFailed();
    qint64 written = 0;
    for (qint64 n = 0; written < lines.size(); written += n) {
        n = file.write(lines.constData() + written, lines.size() - written);
        if (n <= 0)
            break;
    }
    if (written != lines.size() || !syncToDisk(file)) {
        // Why, before the cut below clears the file's error (a full disk's "File too large" became
        // "Unknown error"); a failed fsync sets none of QFile's.
        const QString cause = written != lines.size() ? file.errorString() : qt_error_string(errno);
        // Leave no torn line behind if we can help it; if not, the next append repairs it.
        if (file.resize(whole))
            syncToDisk(file);
        return writeFailed(cause);
    }
    file.close();

    if (const QString failed = replaceHead(headPath(m_path), QByteArray::number(seq - 1) + ' ' + newestHash + '\n');
        !failed.isEmpty()) {
        m_error = QCoreApplication::translate("AuditLog", "cannot update %1: %2").arg(headPath(m_path), failed);
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

QString AuditLog::replaceHead(const QString &path, const QByteArray &line)
{
    // On Windows, replacing a file fails ("Access denied") while anyone has it open, if only to read it:
    // `audit verify` in another process, the team store's sender, a virus scanner. Readers hold it for a
    // moment; the replacement is tried again for up to about a second before the record is refused.
#ifdef Q_OS_WIN
    constexpr int attempts = 25;
#else
    constexpr int attempts = 1; // a rename here replaces a file that is open
#endif
    QString error;
    for (int attempt = 0; attempt < attempts; ++attempt) {
        if (attempt > 0)
            QThread::msleep(40);
        // Unbuffered, so that a full disk fails the write itself and the old head stays (QSaveFile renames
        // only on success); the caller reads it back, since some file systems report the shortage only later.
        QSaveFile file(path);
        if (file.open(QIODevice::WriteOnly | QIODevice::Unbuffered) && file.write(line) == line.size() && file.commit())
            return {};
        file.cancelWriting();
        error = file.errorString();
    }
    return error;
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
    const QString lockPath = runLockPath(filePath, runId);
    auto lock = std::make_unique<QLockFile>(lockPath);
    lock->setStaleLockTime(0);
    if (!takeLock(lock, lockPath, 0))
        return lock->error() == QLockFile::LockFailedError; // held by a live process; other errors: cannot tell
    if (claim)
        *claim = std::move(lock);
    return false;
}

} // namespace InviteDesk
