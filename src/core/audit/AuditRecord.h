#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QJsonObject>
#include <QtCore/QString>

#include <optional>

QT_BEGIN_NAMESPACE
class QFile;
QT_END_NAMESPACE

namespace InviteDesk {

/*! One complete line of a local audit log, as read back: the exact bytes and what they say. */
struct AuditRecord
{
    qint64 seq = 0;
    QByteArray line; //!< exactly as written, without the newline
    QJsonObject json;
    qint64 end = 0;  //!< the byte after its newline

    QString hash() const { return json.value(QLatin1StringView("hash")).toString(); }
    QString text(const char *key) const { return json.value(QLatin1StringView(key)).toString(); }

    /*!
     * The next complete line of \a file, or nullopt at the end or before a torn last line (cut off
     * by a crash or a full disk: the log repairs it, it is never read as a record).
     */
    static std::optional<AuditRecord> readNext(QFile &file);
};

} // namespace InviteDesk
