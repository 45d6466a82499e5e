#include "core/audit/TeamAuditMark.h"

#include "core/audit/AuditFiles.h"

#include <QtCore/QFile>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QLockFile>
#include <QtCore/QSaveFile>

using namespace Qt::StringLiterals;

namespace InviteDesk {

namespace {
QString markPath(const QString &logPath)
{
    return logPath + u".team"_s;
}

TeamAuditMark readAny(const QString &logPath)
{
    QFile file(markPath(logPath));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject o = QJsonDocument::fromJson(file.read(4096)).object();
    TeamAuditMark mark{o.value("store"_L1).toString(), o.value("chain"_L1).toString(),
                       qint64(o.value("seq"_L1).toDouble()), o.value("hash"_L1).toString(),
                       qint64(o.value("offset"_L1).toDouble())};
    if (mark.seq < 0 || mark.offset < 0)
        return {};
    return mark;
}
} // namespace

TeamAuditMark TeamAuditMark::read(const QString &logPath, const QString &store, const QString &chain)
{
    TeamAuditMark mark = readAny(logPath);
    if (mark.store != store || mark.chain != chain)
        return {store, chain, 0, {}, 0};
    return mark;
}

void TeamAuditMark::write(const QString &logPath) const
{
    // Read, compare and replace as one: a window's sender and a CLI may both have just sent.
    const QString lockPath = markPath(logPath) + u".lock"_s;
    auto lock = std::make_unique<QLockFile>(lockPath);
    lock->setStaleLockTime(30'000);
    if (!AuditFiles::takeLock(lock, lockPath, 2'000))
        return; // then the count of records waiting stays too high, never too low
    const TeamAuditMark before = readAny(logPath);
    if (before.store == store && before.chain == chain && before.seq >= seq)
        return;
    QSaveFile file(markPath(logPath));
    if (!file.open(QIODevice::WriteOnly))
        return; // then the count of records waiting stays too high, never too low
    file.write(QJsonDocument(QJsonObject{{"store"_L1, store},
                                         {"chain"_L1, chain},
                                         {"seq"_L1, seq},
                                         {"hash"_L1, hash},
                                         {"offset"_L1, offset}})
                   .toJson(QJsonDocument::Compact));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.commit();
}

} // namespace InviteDesk
