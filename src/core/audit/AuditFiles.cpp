#include "core/audit/AuditFiles.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDateTime>
#include <QtCore/QDeadlineTimer>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QList>
#include <QtCore/QLockFile>

#include <algorithm>
#include <cstdlib>

using namespace Qt::StringLiterals;

namespace InviteDesk::AuditFiles {

QString headPath(const QString &logPath)
{
    return logPath + u".head"_s;
}

QString runFolder(const QString &logPath)
{
    return logPath + u".runs"_s;
}

QString runLockPath(const QString &logPath, const QString &runId)
{
    return runFolder(logPath) + u'/' + runId + u".lock"_s;
}

namespace {

/*! Longer than any live process takes between creating its lock file and writing its PID into it. */
constexpr qint64 unnamedLockGraceMs = 2'000;

/*! The process the file at \a lock's path names; nullopt when it names none (empty, unreadable, gone). */
std::optional<qint64> namedProcess(const QLockFile &lock)
{
    qint64 pid = 0;
    QString host;
    QString app;
    return lock.getLockInfo(&pid, &host, &app) ? std::optional<qint64>(pid) : std::nullopt;
}

bool namesNoProcessForAWhile(const QLockFile &lock, const QString &lockPath)
{
    if (namedProcess(lock))
        return false;
    const QDateTime written = QFileInfo(lockPath).lastModified();
    // Either way: a clock set back must not keep a crash's file for good.
    return written.isValid() && std::abs(written.msecsTo(QDateTime::currentDateTime())) > unnamedLockGraceMs;
}

} // namespace

bool namesThisProcess(const QLockFile &lock)
{
    return namedProcess(lock) == QCoreApplication::applicationPid();
}

bool takeLock(std::unique_ptr<QLockFile> &lock, const QString &lockPath, int timeoutMs)
{
    const QDeadlineTimer deadline(std::max(timeoutMs, 0));
    const qint64 staleMs = lock->staleLockTime();
    bool removedOne = false;
    int lost = 0;
    for (;;) {
        if (lock->tryLock(int(std::min<qint64>(deadline.remainingTime(), 100)))) {
            // A process that stalled longer than the grace between creating its file and locking it (a
            // debugger, SIGSTOP, swapping) may have had it removed as a crash's, and another process may
            // hold the lock now: then the file at the path is not the one written here. This one gives it
            // up without unlock(), which would remove the other's file, and waits its turn.
            if (namesThisProcess(*lock))
                return true;
            (void)lock.release(); // deliberately kept open: its file is already gone from the path
            lock = std::make_unique<QLockFile>(lockPath);
            lock->setStaleLockTime(int(staleMs));
            if (++lost > 3)
                return false; // taken over again and again: something else is wrong; say so rather than loop
            continue; // the next try meets the other's lock: it waits, or (no time left) says it is held
        }
        if (lock->error() != QLockFile::LockFailedError)
            return false;
        if (!removedOne && namesNoProcessForAWhile(*lock, lockPath)) {
            // Two processes may find the same file: one at a time removes it, and only if it is still the
            // crash's (the other may have removed it and made its own meanwhile). Qt guards its own stale
            // lock files with the same name.
            QLockFile removing(lockPath + u".rmlock"_s);
            if (removing.tryLock(0) && namesNoProcessForAWhile(*lock, lockPath) && lock->removeStaleLockFile()) {
                removedOne = true; // one crash leaves one such file; try again at once
                continue;
            }
        }
        if (deadline.hasExpired())
            return false;
    }
}

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

} // namespace InviteDesk::AuditFiles
