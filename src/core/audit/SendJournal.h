#pragma once

#include <QtCore/QFile>
#include <QtCore/QSet>
#include <QtCore/QString>

#include <optional>

namespace InviteDesk {

/*!
 * Which revoke requests of one run actually left this computer: a file beside the run's lock
 * (`audit.jsonl.runs/RUN.sent`), one invitation ID a line, written right before each request goes out.
 *
 * After a kill -9 it tells the next run's reconciler which open intents were never sent (still waiting
 * for the pacer): an invitation it then finds revoked was revoked by someone else, not by the killed
 * run. The file is created before the run's first intent is recorded, so "the file is there and the ID
 * is not in it" proves "never sent". Where that cannot be proved (no file: a write failed and removed
 * it, or a log from an older version) the reader says so, and the caller assumes the request may have
 * gone out. On Linux the writes are not synced (a revoke costs no extra fsync): they survive a killed
 * process, and the file names the system's boot, so after a crash of the whole system (a power cut)
 * the reader says "cannot tell" rather than trust lines that may not have reached the disk. Where there
 * is no boot ID, every line is synced.
 */
class SendJournal
{
public:
    SendJournal(const QString &logPath, const QString &runId);
    ~SendJournal();

    /*! Creates the file, once, before the run's first intent is written. */
    void open();
    /*! Notes that the request for \a invitationId is leaving now. */
    void add(const QString &invitationId);
    /*! Removes the file (the run ended with no intent left open). */
    void remove();

    /*! The invitations \a runId sent; nullopt when that cannot be told. */
    static std::optional<QSet<QString>> read(const QString &logPath, const QString &runId);
    static void remove(const QString &logPath, const QString &runId);
    static QString path(const QString &logPath, const QString &runId);

private:
    void fail();

    QFile m_file;
    QByteArray m_boot; //!< empty: every line is synced
    bool m_failed = false;
};

} // namespace InviteDesk
