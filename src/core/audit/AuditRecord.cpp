#include "core/audit/AuditRecord.h"

#include <QtCore/QFile>
#include <QtCore/QJsonDocument>

namespace InviteDesk {

std::optional<AuditRecord> AuditRecord::readNext(QFile &file)
{
    if (file.atEnd())
        return std::nullopt;
    const qint64 start = file.pos();
    QByteArray line = file.readLine();
    if (!line.endsWith('\n')) {
        file.seek(start);
        return std::nullopt;
    }
    line.chop(1);
    return parsed(std::move(line), file.pos());
}

AuditRecord AuditRecord::parsed(QByteArray line, qint64 end)
{
    AuditRecord record;
    record.json = QJsonDocument::fromJson(line).object();
    record.seq = qint64(record.json.value(QLatin1StringView("seq")).toDouble());
    record.line = std::move(line);
    record.end = end;
    return record;
}

QList<AuditRecord> AuditRecord::about(const QString &path, const QString &invitationId, qsizetype limit)
{
    QList<AuditRecord> found;
    QFile file(path);
    if (invitationId.isEmpty() || limit <= 0 || !file.open(QIODevice::ReadOnly))
        return found;
    const QByteArray quoted = '"' + invitationId.toUtf8() + '"'; // the whole ID, not a prefix of a longer one
    while (!file.atEnd()) {
        QByteArray line = file.readLine();
        if (!line.endsWith('\n'))
            break; // a torn last line is no record
        if (!line.contains(quoted))
            continue;
        line.chop(1);
        AuditRecord record = parsed(std::move(line), file.pos());
        if (record.text("invitation_id") != invitationId)
            continue;
        if (found.size() == limit)
            found.removeFirst();
        found.append(std::move(record));
    }
    return found;
}

} // namespace InviteDesk
