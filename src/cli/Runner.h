#pragma once

#include "cli/Options.h"
#include "cli/Output.h"
#include "core/workflows/Connection.h"
#include "core/workflows/InvitationListing.h"
#include "core/workflows/RevokeRun.h"

#include <QtCore/QFile>
#include <QtCore/QObject>
#include <QtCore/QTextStream>

#include <memory>

namespace InviteDesk::Cli {

/*!
 * Runs one invitedesk-cli command against a ClerkClient and exits the event
 * loop with its exit code. Output goes to stdout; progress, errors and
 * prompts to stderr, one clear line each.
 */
class Runner : public QObject
{
    Q_OBJECT

public:
    Runner(Options options, QObject *parent = nullptr);
    ~Runner() override;

    /*! Starts the command; QCoreApplication::exit() is called with the exit code when done. */
    void start();
    /*! First Ctrl+C: stop sending, let in-flight requests finish, report the rest as cancelled. */
    void interrupt();

private:
    void runOrgs();
    void runList();
    void runRevoke();
    void runAudit();
    void runAuditVerify(const QString &path);
    void runAuditSync(const QString &path);
    void runAuditTeam();
    /*! After a revoke: gives the team store a few seconds to take this run's records, says what waits. */
    void reportTeamAudit();
    static int exitCodeFor(TeamAuditProblem problem);
    void resolveOrganization(std::function<void(const Organization &)> next);
    /*! The stale sweep (revoke --older-than): lists the pending ones, picks the stale, then as startRevokes(). */
    void runSweep();
    /*!
     * Confirms (unless --yes) and revokes \a ids of \a org, or of the organizations \a known names when \a org
     * is empty; \a which says how they were picked (" pending for more than 14 days"), or is empty.
     */
    void startRevokes(const Organization &org, const QStringList &ids, const QHash<QString, Invitation> &known,
                      const QString &which = {});
    /*! Whether a revoke may go on: --yes, or a terminal to ask on (else says why and exits 2). */
    bool mayAsk();
    static bool stdinIsTerminal();
    static bool stderrIsTerminal();
    void runBulk(const QList<RevokeItem> &items);
    void fail(const ClerkError &error, const QString &context = {});
    void finish(int code);
    /*! Asks on stderr and reads one line of stdin (a terminal: runRevoke() checked). */
    QString ask(const QString &question);
    static bool isYes(const QString &answer);

    Options m_options;
    QTextStream m_out;
    QTextStream m_err;
    std::unique_ptr<Connection> m_connection; //!< client, pacer, audit writer, team sender: none of them built here
    ClerkClient *m_client = nullptr;          //!< m_connection's
    std::unique_ptr<InvitationListing> m_query;
    std::unique_ptr<QFile> m_listOut;                      //!< stdout, for list and find
    std::unique_ptr<Output::InvitationWriter> m_listWriter; //!< writes them as they come
    AuditWriter *m_audit = nullptr; //!< m_connection's, once a revoke opened the log
    std::unique_ptr<RevokeRun> m_run;
    bool m_progressShown = false;
    bool m_teamAuditBlocked = false; //!< the store refuses this log's records: a revoke exits 5
    bool m_finished = false;
};

} // namespace InviteDesk::Cli
