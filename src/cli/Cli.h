#pragma once

#include "core/audit/AuditWriter.h"
#include "core/audit/AuditReconciler.h"
#include "core/workflows/RevokeRun.h"
#include "core/api/ClerkClient.h"
#include "core/workflows/InvitationListing.h"
#include "core/api/RatePacer.h"

#include <QtCore/QObject>
#include <QtCore/QStringList>
#include <QtCore/QTextStream>

#include <memory>

namespace InviteDesk::Cli {

/*! Exit codes of invitedesk-cli (documented in its --help and the README). */
enum ExitCode {
    Success = 0,
    SomeFailed = 1,  //!< revoke: at least one invitation did not end revoked or already revoked
    Usage = 2,       //!< bad arguments, or a confirmation that cannot be asked
    AuthConfig = 3,  //!< no key, a rejected key, a refused API URL
    ApiError = 4,    //!< Clerk or the network failed (not found, 5xx, offline, …)
    AuditFailed = 5, //!< `audit verify` found a broken chain
};

enum class Format { Table, Csv, Json };

struct Options
{
    QUrl apiUrl;
    QString secretKey;
    QString command;
    QStringList positional;
    QString query;
    Format format = Format::Table;
    std::optional<InvitationStatus> status = InvitationStatus::Pending;
    QString fromFile;
    bool yes = false;
    QString actingUser;
    std::optional<double> rateBudgetPercent;
    QString ticket;
    QString auditFile;
    bool csv = false;
};

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
    void resolveOrganization(std::function<void(const Organization &)> next);
    void startRevokes(const Organization &org, const QStringList &ids, const QHash<QString, Invitation> &known);
    void runBulk(const QList<RevokeItem> &items);
    void printInvitations(const QList<Invitation> &invitations, bool withOrganization = false);
    void fail(const ClerkError &error, const QString &context = {});
    void finish(int code);
    bool confirm(const QString &question);

    Options m_options;
    QTextStream m_out;
    QTextStream m_err;
    std::unique_ptr<RatePacer> m_pacer;
    std::unique_ptr<ClerkClient> m_client;
    std::unique_ptr<InvitationListing> m_query;
    std::unique_ptr<AuditWriter> m_audit;
    std::unique_ptr<AuditReconciler> m_reconciler;
    std::unique_ptr<RevokeRun> m_run;
    bool m_progressShown = false;
    bool m_finished = false;
};

/*! Parses argv into Options; on failure returns the message to print (and exit code 2). */
std::optional<QString> parseArguments(const QStringList &arguments, Options *options, bool *helpOrVersion);
QString usageText();

} // namespace InviteDesk::Cli
