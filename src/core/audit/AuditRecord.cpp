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
    AuditRecord record;
    record.json = QJsonDocument::fromJson(line).object();
    record.seq = qint64(record.json.value(QLatin1StringView("seq")).toDouble());
    record.line = std::move(line);
    record.end = file.pos();
    return record;
}

} // namespace InviteDesk
