#pragma once

// The audit log's files on disk, shared by its writing and reading halves (AuditLog.cpp,
// AuditLogReading.cpp). Not part of the library's interface.

#include <QtCore/QByteArray>
#include <QtCore/QString>

#include <memory>
#include <optional>

class QLockFile;

namespace InviteDesk::AuditFiles {

/*! The "prev" of the first record. */
inline constexpr char genesisHash[] = "0000000000000000000000000000000000000000000000000000000000000000";

/*! The side file naming the newest record: "SEQ HASH". */
QString headPath(const QString &logPath);
/*! One lock per live run, so other processes can tell a running revoke from a crashed one. */
QString runFolder(const QString &logPath);
QString runLockPath(const QString &logPath, const QString &runId);

/*!
 * Takes \a lock (whose file is \a lockPath) within \a timeoutMs, as QLockFile::tryLock() does, and also
 * frees a lock file that names no process: kill -9 between the file's creation and its first write leaves
 * it empty, and QLockFile would then wait for its stale time (forever for a run's lock). A live process
 * fills its lock file at once, so an empty one some seconds old is a crash's, and it is removed unless a
 * live process still holds it open (QLockFile::removeStaleLockFile() checks that with the system's lock).
 *
 * A live process that did stall that long in between loses its file that way; it notices once it holds
 * the system's lock (the file at the path does not name it), gives the lock up without removing anything,
 * and waits its turn: so \a lock may be replaced by a fresh object.
 */
bool takeLock(std::unique_ptr<QLockFile> &lock, const QString &lockPath, int timeoutMs);
/*! The file at \a lock's path names this process (it was written here, and no one took it over). */
bool namesThisProcess(const QLockFile &lock);

/*! What the head file names; seq -1 when the file is there but empty or damaged. */
struct Head
{
    qint64 seq = 0;
    QByteArray hash;
};
/*! nullopt when there is no head file. */
std::optional<Head> readHead(const QString &logPath);

} // namespace InviteDesk::AuditFiles
