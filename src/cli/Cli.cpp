#include "cli/Cli.h"

#include "core/api/ClerkJson.h"
#include "core/util/Csv.h"
#include "core/util/TextOutput.h"
#include "invitedesk/Version.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDateTime>
#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QLocale>
#include <QtCore/QSet>

#include <cstdio>

#ifdef Q_OS_WIN
#  include <io.h>
#  define isatty _isatty
#  define fileno _fileno
#else
#  include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace InviteDesk::Cli {

namespace {

bool stdinIsTerminal()
{
    return isatty(fileno(stdin)) != 0;
}

bool stderrIsTerminal()
{
    return isatty(fileno(stderr)) != 0;
}

QString isoTime(qint64 ms)
{
    return ms ? QDateTime::fromMSecsSinceEpoch(ms).toUTC().toString(Qt::ISODate) : QString();
}

/*! Pads to a display width; a rough measure that is right for Latin text. */
QString pad(const QString &text, int width)
{
    return text.leftJustified(width, u' ', false);
}

QString table(const QStringList &headers, const QList<QStringList> &rows, int maxColumnWidth = 60)
{
    QList<int> widths;
    for (const QString &h : headers)
        widths << int(h.size());
    for (const QStringList &row : rows) {
        for (int i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::min(maxColumnWidth, std::max(widths[i], int(printable(row[i]).size())));
    }
    QString out;
    auto line = [&](const QStringList &cells) {
        QStringList padded;
        for (int i = 0; i < cells.size(); ++i) {
            QString cell = printable(cells[i]); // a hostile name never reaches the terminal as control codes
            if (cell.size() > maxColumnWidth)
                cell = cell.left(maxColumnWidth - 1) + u'…';
            padded << (i + 1 == cells.size() ? cell : pad(cell, widths[i]));
        }
        out += padded.join(u"  "_s) + u'\n';
    };
    line(headers);
    for (const QStringList &row : rows)
        line(row);
    return out;
}

struct OptionSpec
{
    const char *name;
    bool takesValue;
};

} // namespace

QString usageText()
{
    return uR"(Usage: invitedesk-cli [--api-url URL] <command> ...

Commands:
  orgs [--query TEXT] [--format table|csv|json]
      List or search the instance's organizations (ID exactly, name or slug partially).
  list ORG [--status pending|accepted|revoked|expired|all] [--format table|csv|json]
           [--rate-budget PERCENT]
      Every invitation of an organization (ID or slug) with that status (default: pending).
  find EMAIL [--status pending|accepted|revoked|expired|all] [--format table|csv|json]
             [--rate-budget PERCENT]
      Every invitation of this address, in every organization of the instance (default: all statuses).
  revoke ORG [INVITATION_ID ...] [--from-file FILE|-] [--yes] [--acting-user USER_ID]
             [--rate-budget PERCENT] [--ticket REF]
      Revoke invitations, paced to a share of the instance's rate limit (default 25% on
      production keys, 50% on development keys; list and find are paced the same way). Asks for confirmation on a terminal;
      without a terminal it needs --yes. Prints one line per invitation with its outcome.
  audit verify [--file PATH]
      Check the audit log's hash chain; reports the first edited or missing record.
  audit export --csv [--file PATH]
      Write the audit log as CSV to stdout.

Options:
  --api-url URL     Clerk Backend API base URL (default: $CLERK_API_URL, else
                    https://api.clerk.com/v1). Plain http is accepted only for loopback.
  -h, --help        Show this help.
  --version         Show the version.

The secret key is read from the environment variable CLERK_SECRET_KEY, never from
the command line (it would be visible to other users in the process list).

Exit codes:
  0  success (revoke: every invitation ended revoked or already revoked)
  1  revoke: some invitations were not revoked (see their lines)
  2  usage error, or confirmation needed but stdin is not a terminal
  3  authentication or configuration error (no key, rejected key, refused URL)
  4  Clerk or the network failed (not found, server error, offline, timeout)
  5  audit verify: the audit log was altered
)"_s;
}

std::optional<QString> parseArguments(const QStringList &arguments, Options *options, bool *helpOrVersion)
{
    *helpOrVersion = false;
    static const QHash<QString, QList<OptionSpec>> specs = {
        {u"orgs"_s, {{"query", true}, {"format", true}}},
        {u"list"_s, {{"status", true}, {"format", true}, {"rate-budget", true}}},
        {u"find"_s, {{"status", true}, {"format", true}, {"rate-budget", true}}},
        {u"revoke"_s,
         {{"from-file", true}, {"yes", false}, {"acting-user", true}, {"rate-budget", true}, {"ticket", true}}},
        {u"audit"_s, {{"file", true}, {"csv", false}}},
    };
    QHash<QString, QString> values;
    QSet<QString> flags;
    QString apiUrl = qEnvironmentVariable("CLERK_API_URL");

    for (int i = 1; i < arguments.size(); ++i) {
        QString arg = arguments.at(i);
        if (arg == "-h"_L1 || arg == "--help"_L1) {
            *helpOrVersion = true;
            std::fputs(usageText().toLocal8Bit().constData(), stdout);
            return std::nullopt;
        }
        if (arg == "--version"_L1) {
            *helpOrVersion = true;
            std::fputs("invitedesk-cli " INVITEDESK_VERSION "\n", stdout);
            return std::nullopt;
        }
        if (arg == "-"_L1 || !arg.startsWith(u'-')) {
            if (options->command.isEmpty())
                options->command = arg;
            else
                options->positional << arg;
            continue;
        }
        if (arg == "--"_L1) {
            options->positional << arguments.mid(i + 1);
            break;
        }
        QString name = arg.mid(2);
        QString inlineValue;
        bool hasInline = false;
        if (const qsizetype eq = name.indexOf(u'='); eq >= 0) {
            inlineValue = name.mid(eq + 1);
            name = name.left(eq);
            hasInline = true;
        }
        if (!arg.startsWith("--"_L1))
            return u"unknown option %1"_s.arg(arg);
        auto takeValue = [&](QString *out) -> bool {
            if (hasInline) {
                *out = inlineValue;
                return true;
            }
            if (i + 1 >= arguments.size())
                return false;
            *out = arguments.at(++i);
            return true;
        };
        if (name == "api-url"_L1) {
            if (!takeValue(&apiUrl))
                return u"--api-url needs a URL"_s;
            continue;
        }
        if (name == "key"_L1 || name == "secret-key"_L1)
            return u"the secret key is never taken from the command line (other users can see it); set CLERK_SECRET_KEY"_s;
        const QList<OptionSpec> allowed = specs.value(options->command);
        const auto spec = std::find_if(allowed.cbegin(), allowed.cend(),
                                       [&name](const OptionSpec &s) { return name == QLatin1StringView(s.name); });
        if (spec == allowed.cend())
            return options->command.isEmpty() ? u"unknown option %1 (give the command first)"_s.arg(arg)
                                              : u"unknown option %1 for %2"_s.arg(arg, options->command);
        if (spec->takesValue) {
            QString value;
            if (!takeValue(&value))
                return u"--%1 needs a value"_s.arg(name);
            values.insert(name, value);
        } else {
            if (hasInline)
                return u"--%1 takes no value"_s.arg(name);
            flags.insert(name);
        }
    }

    if (options->command.isEmpty())
        return u"no command given"_s;
    if (!specs.contains(options->command))
        return u"unknown command \"%1\""_s.arg(options->command);

    options->apiUrl = apiUrl.isEmpty() ? defaultApiUrl() : QUrl(apiUrl, QUrl::StrictMode);
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
        if (!ok || percent < 1 || percent > 100)
            return u"--rate-budget must be a percentage from 1 to 100"_s;
        options->rateBudgetPercent = percent;
    }

    if (options->command == "orgs"_L1 && !options->positional.isEmpty())
        return u"orgs takes no arguments (use --query TEXT)"_s;
    if (options->command == "list"_L1 && options->positional.size() != 1)
        return u"list needs exactly one ORG (an organization ID or slug)"_s;
    if (options->command == "find"_L1 && options->positional.size() != 1)
        return u"find needs exactly one EMAIL address"_s;
    if (options->command == "revoke"_L1) {
        if (options->positional.isEmpty())
            return u"revoke needs an ORG (an organization ID or slug)"_s;
        if (options->positional.size() == 1 && options->fromFile.isEmpty())
            return u"revoke needs invitation IDs, as arguments or with --from-file"_s;
    }
    if (options->command == "audit"_L1) {
        const QString sub = options->positional.value(0);
        if (options->positional.size() != 1 || (sub != "verify"_L1 && sub != "export"_L1))
            return u"audit needs verify or export"_s;
        if (sub == "export"_L1 && !options->csv)
            return u"audit export needs --csv (the only format so far)"_s;
    }
    return std::nullopt;
}

Runner::Runner(Options options, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_out(stdout), m_err(stderr)
{
}

Runner::~Runner() = default;

void Runner::finish(int code)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_progressShown)
        m_err << u"\r\x1b[K"_s;
    m_out.flush();
    m_err.flush();
    QCoreApplication::exit(code);
}

void Runner::fail(const ClerkError &error, const QString &context)
{
    m_err << printable(u"invitedesk-cli: "_s + (context.isEmpty() ? QString() : context + u": "_s) + error.oneLine())
          << u'\n';
    if (error.kind() == ClerkError::Kind::InvalidRequest || error.isUnauthorized())
        finish(AuthConfig);
    else
        finish(ApiError);
}

void Runner::start()
{
    if (m_options.command == "audit"_L1) {
        runAudit();
        return;
    }
    if (std::optional<ClerkError> bad = checkApiUrl(m_options.apiUrl)) {
        fail(*bad);
        return;
    }
    if (std::optional<ClerkError> bad = checkSecretKey(m_options.secretKey)) {
        fail(*bad);
        return;
    }
    ClientConfig config;
    config.apiUrl = m_options.apiUrl;
    config.secretKey = m_options.secretKey;
    m_client = std::make_unique<ClerkClient>(config);
    m_pacer = std::make_unique<RatePacer>();
    const KeyEnvironment environment = m_client->environment();
    const double share = m_options.rateBudgetPercent ? *m_options.rateBudgetPercent / 100.0
                                                     : RateBudget::defaultShare(environment);
    m_pacer->setBudget(RateBudget::forShare(environment, share));
    m_client->setPacer(m_pacer.get());
    connect(m_client.get(), &ClerkClient::rateLimited, this, [this](qint64 waitMs) {
        m_err << u"invitedesk-cli: rate limited by Clerk; pausing %1 s\n"_s.arg((waitMs + 999) / 1000);
        m_err.flush();
    });

    if (m_options.command == "orgs"_L1)
        runOrgs();
    else if (m_options.command == "list"_L1)
        runList();
    else if (m_options.command == "find"_L1)
        runList();
    else if (m_options.command == "revoke"_L1)
        runRevoke();
}

void Runner::runOrgs()
{
    OrganizationQuery query;
    query.query = m_options.query;
    query.limit = 500;
    query.includeMembersCount = true;
    m_client->listOrganizations(query, this, [this](Result<Page<Organization>> result) {
        if (!result)
            return fail(result.error());
        const Page<Organization> &page = result.value();
        if (m_options.format == Format::Json) {
            QJsonArray array;
            for (const Organization &org : page.data)
                array.append(ClerkJson::toJson(org));
            m_out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        } else if (m_options.format == Format::Csv) {
            m_out << Csv::row({u"id"_s, u"slug"_s, u"name"_s, u"members_count"_s, u"pending_invitations_count"_s,
                               u"created_at"_s});
            for (const Organization &org : page.data)
                m_out << Csv::row({org.id, org.slug, org.name,
                                   org.membersCount ? QString::number(*org.membersCount) : QString(),
                                   org.pendingInvitationsCount ? QString::number(*org.pendingInvitationsCount) : QString(),
                                   isoTime(org.createdAt)});
        } else {
            QList<QStringList> rows;
            for (const Organization &org : page.data)
                rows << QStringList{org.id, org.slug, org.name,
                                    org.pendingInvitationsCount ? QString::number(*org.pendingInvitationsCount) : u"-"_s};
            m_out << table({u"ID"_s, u"SLUG"_s, u"NAME"_s, u"PENDING"_s}, rows);
        }
        if (page.totalCount > page.data.size())
            m_err << u"invitedesk-cli: showing %1 of %2 organizations; narrow the list with --query\n"_s
                         .arg(page.data.size())
                         .arg(page.totalCount);
        finish(Success);
    });
}

void Runner::resolveOrganization(std::function<void(const Organization &)> next)
{
    const QString org = m_options.positional.first();
    m_client->getOrganization(org, this, [this, org, next = std::move(next)](Result<Organization> result) {
        if (!result) {
            if (result.error().isNotFound()) {
                m_err << printable(u"invitedesk-cli: no organization with the ID or slug \"%1\" [%2]"_s.arg(
                             org, result.error().traceId().isEmpty() ? u"HTTP 404"_s : u"trace "_s + result.error().traceId()))
                      << u'\n';
                finish(ApiError);
                return;
            }
            return fail(result.error(), u"cannot look up organization \"%1\""_s.arg(org));
        }
        next(result.value());
    });
}

void Runner::runList()
{
    m_query = std::make_unique<InvitationListing>(m_client.get());
    const bool showProgress = stderrIsTerminal();
    connect(m_query.get(), &InvitationListing::arrived, this,
            [this, showProgress](const QList<Invitation> &, int loaded, qint64 total) {
                if (!showProgress)
                    return;
                m_progressShown = true;
                m_err << u"\rLoaded %1 of %2"_s.arg(QLocale().toString(loaded), QLocale().toString(total));
                m_err.flush();
            });
    connect(m_query.get(), &InvitationListing::failed, this, [this](const ClerkError &error) {
        if (error.isNotFound() && m_options.positional.first().startsWith("org_"_L1)) {
            m_err << printable(u"invitedesk-cli: no organization with the ID \"%1\" [%2]"_s.arg(
                         m_options.positional.first(), error.traceId().isEmpty() ? u"HTTP 404"_s : u"trace "_s + error.traceId()))
                  << u'\n';
            finish(ApiError);
            return;
        }
        if (m_query->kind() == InvitationListing::Kind::EmailAddress)
            fail(error, u"searching invitations of %1"_s.arg(m_query->email()));
        else
            fail(error, u"loading invitations failed after %1"_s.arg(m_query->loadedCount()));
    });
    connect(m_query.get(), &InvitationListing::finished, this, [this] {
        if (m_progressShown) {
            m_err << u"\r\x1b[K"_s;
            m_err.flush();
            m_progressShown = false;
        }
        printInvitations(m_query->invitations(), m_query->kind() == InvitationListing::Kind::EmailAddress);
        finish(Success);
    });
    if (m_options.command == "find"_L1) {
        m_query->searchEmail(m_options.positional.first(), m_options.status);
        return;
    }
    // An organization ID needs no lookup: the first pages go out at once, and their answers tell the total.
    const QString org = m_options.positional.first();
    if (org.startsWith("org_"_L1)) {
        Organization byId;
        byId.id = org;
        m_query->loadOrganization(byId, m_options.status);
        return;
    }
    resolveOrganization([this](const Organization &organization) { m_query->loadOrganization(organization, m_options.status); });
}

void Runner::printInvitations(const QList<Invitation> &invitations, bool withOrganization)
{
    // Streamed one invitation at a time: the whole document never sits in memory twice.
    m_out.flush();
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly))
        return;
    if (m_options.format == Format::Json) {
        out.write("[");
        for (qsizetype i = 0; i < invitations.size(); ++i) {
            out.write(i == 0 ? "\n" : ",\n");
            out.write(QJsonDocument(ClerkJson::toJson(invitations.at(i))).toJson(QJsonDocument::Compact));
        }
        out.write(invitations.isEmpty() ? "]\n" : "\n]\n");
        return;
    }
    if (m_options.format == Format::Csv) {
        out.write(Csv::invitationHeader().toUtf8());
        for (const Invitation &inv : invitations)
            out.write(Csv::invitationRow(inv).toUtf8());
        return;
    }
    QList<QStringList> rows;
    rows.reserve(invitations.size());
    for (const Invitation &inv : invitations) {
        QStringList row{inv.emailAddress, inv.role, inv.statusText, isoTime(inv.createdAt).left(10),
                        inv.expiresAt ? isoTime(*inv.expiresAt).left(10) : u"-"_s, inv.id};
        if (withOrganization)
            row.insert(1, inv.organization ? inv.organization->slug : inv.organizationId);
        rows << row;
    }
    QStringList headers{u"EMAIL"_s, u"ROLE"_s, u"STATUS"_s, u"INVITED"_s, u"EXPIRES"_s, u"ID"_s};
    if (withOrganization)
        headers.insert(1, u"ORGANIZATION"_s);
    out.write(table(headers, rows).toUtf8());
    out.close();
    m_err << u"%1 invitation(s)\n"_s.arg(invitations.size());
}

bool Runner::confirm(const QString &question)
{
    m_err << question << u' ';
    m_err.flush();
    QTextStream in(stdin);
    const QString answer = in.readLine().trimmed().toLower();
    return answer == "y"_L1 || answer == "yes"_L1;
}

void Runner::runRevoke()
{
    QStringList ids = m_options.positional.mid(1);
    if (!m_options.fromFile.isEmpty()) {
        QFile file;
        bool opened = false;
        if (m_options.fromFile == "-"_L1)
            opened = file.open(stdin, QIODevice::ReadOnly);
        else {
            file.setFileName(m_options.fromFile);
            opened = file.open(QIODevice::ReadOnly);
        }
        if (!opened) {
            m_err << u"invitedesk-cli: cannot read %1: %2\n"_s.arg(m_options.fromFile, file.errorString());
            finish(Usage);
            return;
        }
        ids << readInvitationIds(file.readAll());
    }
    // The same ID twice would be revoked once and then reported "already revoked": drop repeats.
    QStringList unique;
    QSet<QString> seen;
    for (const QString &id : std::as_const(ids)) {
        if (!seen.contains(id)) {
            seen.insert(id);
            unique << id;
        }
    }
    if (unique.isEmpty()) {
        m_err << u"invitedesk-cli: no invitation IDs to revoke\n"_s;
        finish(Usage);
        return;
    }
    if (!m_options.yes && !stdinIsTerminal()) {
        m_err << u"invitedesk-cli: refusing to revoke without confirmation: stdin is not a terminal (add --yes)\n"_s;
        finish(Usage);
        return;
    }

    resolveOrganization([this, unique](const Organization &org) {
        // One walk of the pending list gives emails and roles for the confirmation and the audit log,
        // at one request per 500 instead of one per invitation.
        m_query = std::make_unique<InvitationListing>(m_client.get());
        connect(m_query.get(), &InvitationListing::failed, this,
                [this](const ClerkError &error) { fail(error, u"cannot read the pending invitations"_s); });
        connect(m_query.get(), &InvitationListing::finished, this, [this, org, unique] {
            QHash<QString, Invitation> known;
            for (const Invitation &inv : m_query->invitations())
                known.insert(inv.id, inv);
            startRevokes(org, unique, known);
        });
        m_query->loadOrganization(org, InvitationStatus::Pending);
    });
}

void Runner::startRevokes(const Organization &org, const QStringList &ids, const QHash<QString, Invitation> &known)
{
    const KeyEnvironment environment = m_client->environment();
    if (!m_options.yes) {
        m_err << printable(u"About to revoke %1 invitation(s) in %2 (%3) on a %4 instance:"_s.arg(
                     QString::number(ids.size()), org.name, org.slug.isEmpty() ? org.id : org.slug,
                     environment == KeyEnvironment::Production ? u"PRODUCTION"_s : environmentName(environment)))
              << u'\n';
        for (const QString &id : ids.mid(0, 20)) {
            const auto it = known.constFind(id);
            m_err << u"  "_s << printable(id) << u"  "_s
                  << printable(it != known.cend() ? it->emailAddress : u"(not pending)"_s) << u'\n';
        }
        if (ids.size() > 20)
            m_err << u"  … and %1 more\n"_s.arg(ids.size() - 20);
        if (!confirm(u"Revoke them? [y/N]"_s)) {
            m_err << u"Nothing was revoked.\n"_s;
            finish(SomeFailed);
            return;
        }
    }

    AuditContext context;
    context.profile = u"cli"_s;
    context.environment = environmentName(environment);
    context.keyFingerprint = keyFingerprint(m_options.secretKey);
    context.apiHost = m_options.apiUrl.host();
    m_audit = std::make_unique<AuditWriter>(AuditLog::defaultPath(), context);

    QList<RevokeItem> items;
    items.reserve(ids.size());
    for (const QString &id : ids) {
        // An ID that is not pending has no row to take email and role from: it is revoked (and reported) by ID.
        Invitation inv = known.value(id);
        inv.id = id;
        items << RevokeItem::of(inv, org);
    }

    // First settle what an interrupted earlier run left open, so the log never keeps a dangling intent.
    m_reconciler = std::make_unique<AuditReconciler>(m_client.get(), m_audit.get());
    connect(m_reconciler.get(), &AuditReconciler::finished, this,
            [this, items](const QList<AuditReconciler::Settled> &settled, int) {
                for (const AuditReconciler::Settled &s : settled)
                    m_err << printable(u"invitedesk-cli: interrupted earlier revoke of %1 settled: %2"_s.arg(s.invitationId, s.outcome))
                          << u'\n';
                runBulk(items);
            });
    m_reconciler->start();
}

void Runner::runBulk(const QList<RevokeItem> &items)
{
    m_run = std::make_unique<RevokeRun>(m_client.get(), m_audit.get());
    m_run->setRequestingUserId(m_options.actingUser);
    connect(m_run.get(), &RevokeRun::itemFinished, this, [this](const RevokeItem &item, const RevokeResult &result) {
        if (m_progressShown) {
            m_err << u"\r\x1b[K"_s;
            m_err.flush();
        }
        QString email = item.emailAddress;
        if (email.isEmpty() && result.invitation)
            email = result.invitation->emailAddress;
        // Tab-separated, one line per invitation: no field may hold a tab or a newline of its own.
        m_out << printable(item.invitationId) << u'\t' << (email.isEmpty() ? u"-"_s : printable(email)) << u'\t'
              << revokeOutcomeKey(result.outcome);
        if (result.error && !revokeSucceeded(result.outcome))
            m_out << u'\t' << printable(result.error->oneLine());
        m_out << u'\n';
        m_out.flush();
    });
    const bool showProgress = stderrIsTerminal();
    connect(m_run.get(), &RevokeRun::progress, this, [this, showProgress](int done, int total, qint64 eta) {
        if (!showProgress || done == total)
            return;
        m_progressShown = true;
        m_err << u"\r%1 of %2 done"_s.arg(done).arg(total)
              << (eta > 0 ? u", about %1 s left"_s.arg((eta + 999) / 1000) : QString());
        m_err.flush();
    });
    connect(m_run.get(), &RevokeRun::finished, this, [this](const BulkSummary &summary) {
        if (m_progressShown) {
            m_err << u"\r\x1b[K"_s;
            m_progressShown = false;
        }
        if (const std::optional<ClerkError> &why = m_run->stopReason())
            m_err << printable(u"invitedesk-cli: stopped: "_s + why->oneLine()) << u'\n';
        m_err << summary.describe() << u" in "_s << QString::number(double(m_run->elapsedMs()) / 1000.0, 'f', 1)
              << u" s\n"_s;
        finish(summary.allSucceeded() ? Success : SomeFailed);
    });
    m_run->start(items, m_options.ticket);
}

void Runner::interrupt()
{
    if (m_run && m_run->isRunning() && m_run->state() != BulkRevoker::State::Cancelling) {
        m_err << u"\ninvitedesk-cli: interrupted; letting requests in flight finish, the rest is cancelled\n"_s;
        m_err.flush();
        m_run->cancel();
        return;
    }
    if (m_query && m_query->isRunning())
        m_query->cancel();
    m_err << u"\ninvitedesk-cli: interrupted\n"_s;
    finish(SomeFailed);
}

void Runner::runAudit()
{
    const QString path = m_options.auditFile.isEmpty() ? AuditLog::defaultPath() : m_options.auditFile;
    if (m_options.positional.value(0) == "verify"_L1) {
        const AuditVerification result = AuditLog::verify(path);
        if (result.ok) {
            m_out << u"%1: %2 records, chain intact\n"_s.arg(path).arg(result.records);
            if (!result.note.isEmpty())
                m_err << u"invitedesk-cli: note: %1\n"_s.arg(result.note);
            finish(Success);
        } else {
            m_err << u"invitedesk-cli: %1: line %2: %3\n"_s.arg(path).arg(result.firstBadLine).arg(result.problem);
            finish(AuditFailed);
        }
        return;
    }
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly)) {
        finish(ApiError);
        return;
    }
    QString error;
    if (!AuditLog::exportCsv(path, &out, &error)) {
        m_err << u"invitedesk-cli: cannot read %1: %2\n"_s.arg(path, error);
        finish(Usage);
        return;
    }
    finish(Success);
}

} // namespace InviteDesk::Cli
