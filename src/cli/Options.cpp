#include "cli/Options.h"

#include <cmath>

#include "core/api/ClientConfig.h"
#include "invitedesk/Version.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QHash>
#include <QtCore/QTimeZone>
#include <QtCore/QSet>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace InviteDesk::Cli {

namespace {
struct OptionSpec
{
    const char *name;
    bool takesValue;
};
} // namespace

QString usageText()
{
    return uR"(Usage: invitedesk-cli [--api-url URL] [--ca-file PEM] [--proxy URL|none|system]
                      [--audit-url postgresql://USER@HOST:PORT/DB] <command> ...

Commands:
  orgs [--query TEXT] [--format table|csv|json]
      List or search the instance's organizations (ID exactly, name or slug partially).
  list ORG|--all-orgs|--application [--status pending|accepted|revoked|expired|all]
           [--format table|csv|json] [--rate-budget PERCENT]
      Every invitation of an organization (ID or slug), or of every organization of the
      instance with --all-orgs (with the organization's name), or the instance's application
      invitations (to sign up at all) with --application, with that status (default: pending).
      Clerk lists application invitations of every status but revoked for "all" (and so does find);
      --status revoked lists those.
  find EMAIL [--status pending|accepted|revoked|expired|all] [--format table|csv|json]
             [--rate-budget PERCENT]
      Every invitation of this address: in every organization of the instance, then its
      application invitations; a KIND column says which (default: all statuses).
  revoke ORG [INVITATION_ID ...] [--from-file FILE|-] [--yes] [--acting-user USER_ID]
             [--rate-budget PERCENT] [--ticket REF]
      Revoke invitations, paced to a share of the instance's rate limit (default 25% on
      production keys, 50% on development keys; list and find are paced the same way). Asks for confirmation on a terminal;
      without a terminal it needs --yes. Prints one line per invitation with its outcome.
  revoke --application [INVITATION_ID ...] [--from-file FILE|-] [--yes] [--rate-budget PERCENT]
         [--ticket REF]
      The same for application invitations (IDs inv_…), through the same pacing, confirmation
      and audit log (the records say "invitation_kind": "application").
  revoke ORG|--all-orgs|--application --older-than SPAN [--dry-run [--format table|csv|json]] [--yes]
         [--acting-user USER_ID] [--rate-budget PERCENT] [--ticket REF]
      The stale sweep: revoke every invitation of the organization, of the whole instance, or
      every application invitation, pending for longer than SPAN (36h, 14d, 2w), with one
      confirmation.
      --dry-run prints exactly those invitations and revokes nothing.
  audit verify [--file PATH]
      Check the audit log's hash chain; reports the first edited or missing record. With a team
      audit store, also checks every agent's chain there and this log against it.
  audit sync [--file PATH] [--resend]
      Send the records the team audit store does not hold yet; exit code 6 while some wait,
      5 while the store refuses them (a diverged chain) or has lost records it had taken;
      --resend sends those lost records again (after the store's owner has looked).
  audit team [--organization ORG] [--email EMAIL] [--agent NAME] [--ticket REF]
             [--since DATE] [--until DATE] [--intents] [--format table|csv|json]
      Who revoked or re-invited what, across every agent, from the team audit store, oldest
      first (UTC times; DATE as 2026-11-30 or 2026-11-30T14:00:00Z; --until is exclusive).
      Each row names the account the record names and the database role that sent it, and
      flags a row that disagrees with its chain's owner. Only an outcome "revoked" is the
      agent's own revoke; "revoked_unattributed" and "already_revoked" are not.
  audit export --csv [--file PATH]
      Write the audit log as CSV to stdout.

Options:
  --api-url URL     Clerk Backend API base URL (default: $CLERK_API_URL, else
                    https://api.clerk.com/v1). Plain http is accepted only for loopback.
  --ca-file PEM     Also trust the CA certificates in this PEM file (a company's HTTPS
                    inspection, a private front); default: $SSL_CERT_FILE. Certificate
                    errors are never ignored.
  --proxy URL       Send requests through this HTTP proxy (http://host:port), except to
                    hosts in $NO_PROXY; "none" for none; default "system" (https_proxy and
                    no_proxy from the environment). A proxy that asks for a password gets
                    $INVITEDESK_PROXY_USER and $INVITEDESK_PROXY_PASSWORD.
  --audit-url URL   Also keep the audit trail in the team's PostgreSQL store (default:
                    $INVITEDESK_AUDIT_URL). The local log is written first, as always; records
                    are sent from it in order, and wait there while the store is down.
                    sslmode=verify-full unless the host is loopback; the password comes from
                    $INVITEDESK_AUDIT_PASSWORD (or PGPASSWORD, ~/.pgpass), never this URL.
  -h, --help        Show this help.
  --version         Show the version.

The secret key is read from the environment variable CLERK_SECRET_KEY, never from
the command line (it would be visible to other users in the process list).

Exit codes:
  0  success (revoke: every invitation ended revoked, whoever revoked it)
  1  revoke: some invitations were not revoked (see their lines)
  2  usage error, or confirmation needed but stdin is not a terminal
  3  authentication or configuration error (no key, rejected key, refused URL; for the
     team audit store: refused password, TLS, database or rights)
  4  Clerk or the network failed (not found, server error, offline, timeout)
  5  audit verify/sync: the audit log, or its copy in the team store, was altered, or the team
     store refuses this log's records (revoke too, when its records are blocked that way)
  6  audit sync/verify: records wait to be sent to the team audit store
  7  list/find: the list was printed, but may not be whole: Clerk's count disagreed with the
     rows read, pages repeated, or the list changed while it was read (said on stderr)
)"_s;
}

std::optional<QString> parseArguments(const QStringList &arguments, Options *options, bool *helpOrVersion)
{
    *helpOrVersion = false;
    static const QHash<QString, QList<OptionSpec>> specs = {
        {u"orgs"_s, {{"query", true}, {"format", true}}},
        {u"list"_s, {{"status", true}, {"format", true}, {"rate-budget", true}, {"all-orgs", false}, {"application", false}}},
        {u"find"_s, {{"status", true}, {"format", true}, {"rate-budget", true}}},
        {u"revoke"_s,
         {{"from-file", true}, {"yes", false}, {"acting-user", true}, {"rate-budget", true}, {"ticket", true},
          {"all-orgs", false}, {"older-than", true}, {"dry-run", false}, {"format", true}, {"application", false}}},
        {u"audit"_s,
         {{"file", true}, {"csv", false}, {"organization", true}, {"email", true}, {"agent", true}, {"ticket", true},
          {"since", true}, {"until", true}, {"format", true}, {"intents", false}, {"resend", false}}},
    };
    // The key and the store's password are never arguments: named here, so the message says why.
    for (const QString &arg : arguments.mid(1)) {
        if (arg == "--"_L1)
            break;
        const QString name = arg.section(u'=', 0, 0);
        if (name == "--key"_L1 || name == "--secret-key"_L1)
            return u"the secret key is never taken from the command line (other users can see it); set CLERK_SECRET_KEY"_s;
    }

    // Qt's parser, twice: first with every command's options, to find the command whatever comes before
    // it; then with the global options and that command's alone, so that another command's is refused.
    const QCommandLineOption help(QStringList{u"h"_s, u"help"_s});
    const QCommandLineOption version(u"version"_s);
    const QCommandLineOption apiUrlOption(u"api-url"_s, {}, u"URL"_s);
    const QCommandLineOption auditUrlOption(u"audit-url"_s, {}, u"URL"_s);
    const QCommandLineOption caFileOption(u"ca-file"_s, {}, u"PEM"_s);
    const QCommandLineOption proxyOption(u"proxy"_s, {}, u"URL"_s);
    auto parserWith = [&](const QList<OptionSpec> &commandOptions, QCommandLineParser &parser) {
        parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
        parser.addOptions({help, version, apiUrlOption, auditUrlOption, caFileOption, proxyOption});
        QSet<QString> added; // two commands may share an option: it is added once
        for (const OptionSpec &spec : commandOptions) {
            const QString name = QString::fromLatin1(spec.name);
            if (!std::exchange(added, added + QSet<QString>{name}).contains(name))
                parser.addOption(spec.takesValue ? QCommandLineOption(name, {}, u"VALUE"_s) : QCommandLineOption(name));
        }
    };
    // An unknown option as it was typed ("-foo" is one option here, never -f -o -o).
    auto dashed = [&arguments](const QString &name) -> QString {
        for (const QString &arg : arguments.mid(1)) {
            if (arg == "--"_L1)
                break;
            const QString typed = arg.section(u'=', 0, 0);
            if (typed == u"-"_s + name || typed == u"--"_s + name)
                return typed;
        }
        return u"--"_s + name;
    };
    QList<OptionSpec> everyOption;
    for (const QList<OptionSpec> &commandOptions : specs)
        everyOption += commandOptions;
    QCommandLineParser first;
    parserWith(everyOption, first);
    const bool firstParsed = first.parse(arguments);
    if (first.isSet(help)) {
        *helpOrVersion = true;
        std::fputs(usageText().toLocal8Bit().constData(), stdout);
        return std::nullopt;
    }
    if (first.isSet(version)) {
        *helpOrVersion = true;
        std::fputs("invitedesk-cli " INVITEDESK_VERSION "\n", stdout);
        return std::nullopt;
    }
    options->command = first.positionalArguments().value(0);
    if (!firstParsed && first.unknownOptionNames().isEmpty())
        return first.errorText(); // a value missing, or given to a flag
    if (options->command.isEmpty())
        return first.unknownOptionNames().isEmpty() ? u"no command given"_s
                                                    : u"unknown option %1 (give the command first)"_s.arg(dashed(first.unknownOptionNames().constFirst()));
    if (!specs.contains(options->command)) // an unknown option's value may have been taken for the command
        return first.unknownOptionNames().isEmpty()
                   ? u"unknown command \"%1\""_s.arg(options->command)
                   : u"unknown option %1 (give the command first)"_s.arg(dashed(first.unknownOptionNames().constFirst()));

    QCommandLineParser parser;
    parserWith(specs.value(options->command), parser);
    if (!parser.parse(arguments)) {
        const QStringList unknown = parser.unknownOptionNames();
        if (unknown.isEmpty())
            return parser.errorText();
        return u"unknown option %1 for %2"_s.arg(dashed(unknown.constFirst()), options->command);
    }
    options->positional = parser.positionalArguments().mid(1);
    QHash<QString, QString> values;
    QSet<QString> flags;
    for (const OptionSpec &spec : specs.value(options->command)) {
        const QString name = QString::fromLatin1(spec.name);
        if (!parser.isSet(name))
            continue;
        if (spec.takesValue)
            values.insert(name, parser.value(name)); // the last one given, as with every option
        else
            flags.insert(name);
    }
    const QString apiUrl = parser.isSet(apiUrlOption) ? parser.value(apiUrlOption) : qEnvironmentVariable("CLERK_API_URL");
    const bool auditUrlOnCommandLine = parser.isSet(auditUrlOption);
    const QString auditUrl = auditUrlOnCommandLine ? parser.value(auditUrlOption) : qEnvironmentVariable("INVITEDESK_AUDIT_URL");
    if (parser.isSet(caFileOption))
        options->caFile = parser.value(caFileOption);
    if (parser.isSet(proxyOption)) {
        const QString proxy = parser.value(proxyOption);
        if (proxy == "none"_L1) {
            options->proxyMode = ProxyMode::None;
        } else if (proxy == "system"_L1) {
            options->proxyMode = ProxyMode::System;
        } else {
            options->proxyMode = ProxyMode::Manual;
            options->proxyUrl = QUrl(proxy, QUrl::StrictMode);
            if (const std::optional<ClerkError> bad = checkProxyUrl(options->proxyUrl))
                return bad->userMessage();
        }
    }

    options->apiUrl = apiUrl.isEmpty() ? defaultApiUrl() : QUrl(apiUrl, QUrl::StrictMode);
    if (!auditUrl.isEmpty()) {
        QString why;
        options->teamAudit = TeamAuditTarget::parse(auditUrl, &why);
        if (!options->teamAudit)
            return why;
        if (auditUrlOnCommandLine && !options->teamAudit->password.isEmpty())
            return u"the team audit password is never taken from the command line (other users can see it); set INVITEDESK_AUDIT_PASSWORD"_s;
    }
    // As OpenSSL's own tools read it, where TLS is spoken: a plain-http API URL (loopback only) reads no
    // CA bundle, which costs ~0.2 s of CPU before the first request when it names the system's whole one.
    if (options->caFile.isEmpty() && options->apiUrl.scheme() != "http"_L1)
        options->caFile = qEnvironmentVariable("SSL_CERT_FILE");
    options->secretKey = qEnvironmentVariable("CLERK_SECRET_KEY").trimmed();
    options->query = values.value(u"query"_s);
    options->fromFile = values.value(u"from-file"_s);
    options->actingUser = values.value(u"acting-user"_s);
    options->ticket = values.value(u"ticket"_s);
    options->auditFile = values.value(u"file"_s);
    options->yes = flags.contains(u"yes"_s);
    options->csv = flags.contains(u"csv"_s);

    const QString format = values.value(u"format"_s, u"table"_s);
    if (format == "table"_L1)
        options->format = Format::Table;
    else if (format == "csv"_L1)
        options->format = Format::Csv;
    else if (format == "json"_L1)
        options->format = Format::Json;
    else
        return u"--format must be table, csv or json"_s;

    const QString status = values.value(u"status"_s, options->command == "find"_L1 ? u"all"_s : u"pending"_s);
    if (status == "all"_L1) {
        options->status.reset();
    } else {
        const InvitationStatus parsed = invitationStatusFromString(status);
        if (parsed == InvitationStatus::Unknown)
            return u"--status must be pending, accepted, revoked, expired or all"_s;
        options->status = parsed;
    }

    if (values.contains(u"rate-budget"_s)) {
        QString text = values.value(u"rate-budget"_s);
        if (text.endsWith(u'%'))
            text.chop(1);
        bool ok = false;
        const double percent = text.toDouble(&ok);
        if (!ok || !std::isfinite(percent) || percent < 1 || percent > 100) // "nan" parses, and compares false
            return u"--rate-budget must be a percentage from 1 to 100"_s;
        options->rateBudgetPercent = percent;
    }

    if (options->command == "orgs"_L1 && !options->positional.isEmpty())
        return u"orgs takes no arguments (use --query TEXT)"_s;
    options->allOrganizations = flags.contains(u"all-orgs"_s);
    options->application = flags.contains(u"application"_s);
    if (options->application && options->allOrganizations)
        return u"--application lists the instance's application invitations; --all-orgs its organizations' invitations: "
               u"give one"_s;
    if (options->command == "list"_L1 && (options->allOrganizations || options->application) && !options->positional.isEmpty())
        return u"list %1 takes no ORG"_s.arg(options->application ? u"--application"_s : u"--all-orgs"_s);
    if (options->command == "list"_L1 && !options->allOrganizations && !options->application && options->positional.size() != 1)
        return u"list needs exactly one ORG (an organization ID or slug), --all-orgs or --application"_s;
    if (options->command == "find"_L1 && options->positional.size() != 1)
        return u"find needs exactly one EMAIL address"_s;
    if (options->command == "find"_L1 && options->positional.first().trimmed().isEmpty())
        return u"find needs an EMAIL address, not an empty one (list --all-orgs lists the whole instance)"_s;
    if (options->command == "revoke"_L1) {
        options->dryRun = flags.contains(u"dry-run"_s);
        if (options->application && !options->actingUser.isEmpty())
            return u"--acting-user is for organization invitations (Clerk revokes an application invitation for no user)"_s;
        if (values.contains(u"older-than"_s)) {
            QString why;
            options->olderThan = StaleRule::parse(values.value(u"older-than"_s), &why);
            if (!options->olderThan)
                return u"--older-than: "_s + why;
            if ((options->allOrganizations || options->application) && !options->positional.isEmpty())
                return u"revoke %1 --older-than takes no ORG and no invitation IDs: --older-than picks them"_s.arg(
                    options->application ? u"--application"_s : u"--all-orgs"_s);
            if (!options->allOrganizations && !options->application && options->positional.size() != 1)
                return u"revoke --older-than takes one ORG (or --all-orgs, or --application) and no invitation IDs: "
                       u"it picks them"_s;
            if (!options->fromFile.isEmpty())
                return u"revoke --older-than picks the invitations itself; --from-file is for a list of IDs"_s;
        } else {
            if (options->allOrganizations)
                return u"revoke --all-orgs needs --older-than (a whole instance is never revoked unasked)"_s;
            if (options->dryRun)
                return u"--dry-run shows what --older-than picks; a list of IDs is already what it says"_s;
            if (values.contains(u"format"_s))
                return u"--format is for revoke --older-than --dry-run"_s;
            if (options->application && options->positional.isEmpty() && options->fromFile.isEmpty())
                return u"revoke --application needs invitation IDs (inv_…), as arguments or with --from-file, or "
                       u"--older-than"_s;
            if (!options->application && options->positional.isEmpty())
                return u"revoke needs an ORG (an organization ID or slug)"_s;
            if (!options->application && options->positional.size() == 1 && options->fromFile.isEmpty())
                return u"revoke needs invitation IDs, as arguments or with --from-file, or --older-than"_s;
        }
        if (values.contains(u"format"_s) && !options->dryRun)
            return u"--format is for revoke --older-than --dry-run"_s;
    }
    if (options->command == "audit"_L1) {
        const QString sub = options->positional.value(0);
        if (options->positional.size() != 1
            || (sub != "verify"_L1 && sub != "export"_L1 && sub != "sync"_L1 && sub != "team"_L1))
            return u"audit needs verify, sync, team or export"_s;
        if ((sub == "sync"_L1 || sub == "team"_L1) && !options->teamAudit)
            return u"audit %1 needs a team audit store: --audit-url or INVITEDESK_AUDIT_URL"_s.arg(sub);
        for (const char *teamOnly : {"organization", "email", "agent", "ticket", "since", "until", "format"}) {
            if (sub != "team"_L1 && values.contains(QLatin1StringView(teamOnly)))
                return u"--%1 is for audit team"_s.arg(QLatin1StringView(teamOnly));
        }
        if (sub != "team"_L1 && flags.contains(u"intents"_s))
            return u"--intents is for audit team"_s;
        if (sub != "sync"_L1 && flags.contains(u"resend"_s))
            return u"--resend is for audit sync"_s;
        options->resendLost = flags.contains(u"resend"_s);
        if (sub != "export"_L1 && options->csv)
            return u"--csv is for audit export (audit team takes --format csv)"_s;
        TeamActivityFilter &filter = options->activity;
        filter.organization = values.value(u"organization"_s);
        filter.email = values.value(u"email"_s);
        filter.agent = values.value(u"agent"_s);
        filter.ticket = values.value(u"ticket"_s);
        filter.withIntents = flags.contains(u"intents"_s);
        for (const auto &[name, target] : {std::pair{u"since"_s, &filter.since}, std::pair{u"until"_s, &filter.until}}) {
            const QString text = values.value(name);
            if (text.isEmpty())
                continue;
            // A date alone is exactly ten characters (Qt would also read the date out of a longer time);
            // a time must say its offset, so that it is never read as this computer's local time.
            const QDate day = text.size() == 10 ? QDate::fromString(text, Qt::ISODate) : QDate();
            *target = day.isValid() ? day.startOfDay(QTimeZone::utc()) : QDateTime::fromString(text, Qt::ISODate);
            if (!target->isValid() || (!day.isValid() && target->timeSpec() == Qt::LocalTime))
                return u"--%1 must be a date (2026-11-30) or a time with its offset (2026-11-30T14:00:00Z)"_s.arg(name);
            *target = target->toUTC();
        }
        if (sub == "export"_L1 && !options->csv)
            return u"audit export needs --csv (the only format so far)"_s;
    }
    return std::nullopt;
}

} // namespace InviteDesk::Cli
