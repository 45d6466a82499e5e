#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QJsonObject>
#include <QtCore/QList>
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
    /*!
     * The records of the log at \a path that name \a invitationId, oldest first, at most the newest
     * \a limit: an invitation's history (its intents, outcomes, re-invites). Lines that do not contain the
     * ID are skipped unparsed, so a long log costs a read, not a parse.
     */
    static QList<AuditRecord> about(const QString &path, const QString &invitationId, qsizetype limit = 50);

private:
    static AuditRecord parsed(QByteArray line, qint64 end);
};

} // namespace InviteDesk
