#pragma once

#include "core/api/ClientConfig.h"

#include <QtCore/QPointer>
#include <QtCore/QString>

#include <functional>

namespace InviteDesk {

class RatePacer;

/*!
 * What the pacers of earlier processes on this computer counted against one Clerk instance (one API URL
 * and key): the ends of their sends of the last window, in a small file of its own per instance.
 *
 * `invitedesk-cli list` and then `invitedesk-cli revoke` are two processes: the second starts while the
 * first's requests are still in Clerk's window, and at a full budget it met a 429 for not knowing them.
 * recall() gives a new pacer those sends (its window counts them as it counts its own); remember() writes
 * the pacer's with the file's when the connection goes. Two processes at the same time still do not see
 * each other's sends until one has gone: Clerk's 429 and Retry-After remain the answer to that.
 *
 * Times go through the wall clock (the only one processes share): one set back makes sends look newer
 * (waited for longer, at most a window), one set forward makes them look older (a 429 is then possible).
 */
class PacingMemory
{
public:
    /*! Milliseconds since the epoch. */
    using WallClock = std::function<qint64()>;

    /*! On \a pacer (not owned) with the file for \a config in \a folder; an empty folder keeps nothing. */
    PacingMemory(const QString &folder, const ClientConfig &config, RatePacer *pacer, WallClock wall = {});

    /*! `<data folder>/InviteDesk/pacing`, shared by the window and the CLI. */
    static QString defaultFolder();
    QString filePath() const { return m_path; }

    /*! Counts the file's sends of the last window in the pacer. */
    void recall();
    /*! Writes the pacer's sends of the last window with the file's; false when it could not. */
    bool remember();

private:
    QList<qint64> read(qint64 sinceMs) const;
    void forgetOthersPast() const;
    qint64 windowMs() const;

    QString m_path;
    QPointer<RatePacer> m_pacer;
    WallClock m_wall;
    qint64 m_offsetNs = 0; //!< wall time minus the pacer's clock, in ns, taken once: a time read back is the one written
};

} // namespace InviteDesk
