#include "core/audit/AuditFiles.h"

#include <QtCore/QFile>
#include <QtCore/QList>

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
