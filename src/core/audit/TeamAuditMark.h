#pragma once

#include <QtCore/QString>

namespace InviteDesk {

/*!
 * How far a team store had taken a local log: which store, which chain, its newest record there and
 * where that record ends in the file. Kept beside the log ("audit.jsonl.team"), written after batches
 * the store committed, so it never names more than the store took: the number of records waiting is
 * true while the store is away, and a store holding less than this lost records it had taken.
 */
struct TeamAuditMark
{
    QString store; //!< TeamAuditTarget::storeId()
    QString chain;
    qint64 seq = 0;
    QString hash;
    qint64 offset = 0;

    /*! The mark for \a store and \a chain; seq 0 when there is none (or it is another store's or chain's). */
    static TeamAuditMark read(const QString &logPath, const QString &store, const QString &chain);
    /*! Only ever forward for one store and chain: two processes of one agent may sync at once. */
    void write(const QString &logPath) const;
};

} // namespace InviteDesk
