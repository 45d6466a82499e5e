#pragma once

// The audit log's files on disk, shared by its writing and reading halves (AuditLog.cpp,
// AuditLogReading.cpp). Not part of the library's interface.

#include <QtCore/QByteArray>
#include <QtCore/QString>

#include <optional>

namespace InviteDesk::AuditFiles {

/*! The "prev" of the first record. */
inline constexpr char genesisHash[] = "0000000000000000000000000000000000000000000000000000000000000000";

/*! The side file naming the newest record: "SEQ HASH". */
QString headPath(const QString &logPath);
/*! One lock per live run, so other processes can tell a running revoke from a crashed one. */
QString runFolder(const QString &logPath);
QString runLockPath(const QString &logPath, const QString &runId);

/*! What the head file names; seq -1 when the file is there but empty or damaged. */
struct Head
{
    qint64 seq = 0;
    QByteArray hash;
};
/*! nullopt when there is no head file. */
std::optional<Head> readHead(const QString &logPath);

} // namespace InviteDesk::AuditFiles
