#pragma once

#include "core/api/ClerkTypes.h"
#include "core/api/ClientConfig.h"
#include "core/audit/TeamAudit.h"
#include "core/domain/StaleRule.h"

#include <QtCore/QStringList>
#include <QtCore/QUrl>

#include <optional>

namespace InviteDesk::Cli {

/*! Exit codes of invitedesk-cli (documented in its --help and the README). */
enum ExitCode {
    Success = 0,
    SomeFailed = 1,  //!< revoke: at least one invitation did not end revoked or already revoked
    Usage = 2,       //!< bad arguments, or a confirmation that cannot be asked
    AuthConfig = 3,  //!< no key, a rejected key, a refused API URL
    ApiError = 4,    //!< Clerk or the network failed (not found, 5xx, offline, …)
    AuditFailed = 5, //!< `audit verify` found a broken chain
    AuditWaiting = 6, //!< records wait to be sent to the team audit store (it could not take them)
    ListUncertain = 7, //!< list/find: printed, but Clerk's count disagreed, pages repeated, or the list moved
};

enum class Format { Table, Csv, Json };

struct Options
{
    QUrl apiUrl;
    QString secretKey;
    QString command;
    QStringList positional;
    QString query;
    bool allOrganizations = false; //!< list --all-orgs, revoke --all-orgs (with --older-than)
    bool application = false;           //!< list/revoke --application: the instance's application invitations
    std::optional<StaleRule> olderThan; //!< revoke --older-than: the stale sweep picks the invitations
    bool dryRun = false;                //!< revoke --dry-run: print what --older-than picks, revoke nothing
    Format format = Format::Table;
    std::optional<InvitationStatus> status = InvitationStatus::Pending;
    QString fromFile;
    bool yes = false;
    QString actingUser;
    std::optional<double> rateBudgetPercent;
    QString ticket;
    QString auditFile;
    bool csv = false;
    QString caFile; //!< --ca-file, else $SSL_CERT_FILE for an https API URL (plain http speaks no TLS)
    ProxyMode proxyMode = ProxyMode::System;
    QUrl proxyUrl;
    std::optional<TeamAuditTarget> teamAudit; //!< --audit-url, else $INVITEDESK_AUDIT_URL
    TeamActivityFilter activity;              //!< audit team's filters
    bool resendLost = false;                  //!< audit sync --resend
};

/*! Parses argv into Options; on failure returns the message to print (and exit code 2). */
std::optional<QString> parseArguments(const QStringList &arguments, Options *options, bool *helpOrVersion);
QString usageText();

} // namespace InviteDesk::Cli
