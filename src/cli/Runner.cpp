#include "cli/Runner.h"

#include "cli/Output.h"
#include "core/domain/Confirmation.h"
#include "core/domain/InvitationIds.h"
#include "core/util/TextOutput.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QFile>
#include <QtCore/QLocale>
#include <QtCore/QSet>

#ifdef Q_OS_WIN
#  include <io.h>
#  define isatty _isatty
#  define fileno _fileno
#else
#  include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace InviteDesk::Cli {

bool Runner::stdinIsTerminal()
{
    return isatty(fileno(stdin)) != 0;
}

bool Runner::stderrIsTerminal()
{
    return isatty(fileno(stderr)) != 0;
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
    QString line = u"invitedesk-cli: "_s + (context.isEmpty() ? QString() : context + u": "_s) + error.oneLine();
    const bool proxyAuth = error.needsProxyCredentials();
    if (proxyAuth)
        line += u" Set INVITEDESK_PROXY_USER and INVITEDESK_PROXY_PASSWORD for it."_s;
    m_err << printable(line) << u'\n';
    if (error.kind() == ClerkError::Kind::InvalidRequest || error.kind() == ClerkError::Kind::Tls || error.isUnauthorized()
        || proxyAuth)
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
    ConnectionSetup setup;
    setup.client.apiUrl = m_options.apiUrl;
    setup.client.secretKey = m_options.secretKey;
    if (!m_options.caFile.isEmpty()) {
        Result<QList<QSslCertificate>> extra = loadCaCertificates(m_options.caFile);
        if (!extra)
            return fail(extra.error());
        setup.client.extraCaCertificates = extra.value();
    }
    setup.client.proxyMode = m_options.proxyMode;
    setup.client.proxyUrl = m_options.proxyUrl;
    // Never from the command line, where other users could read it.
    setup.client.proxyUser = qEnvironmentVariable("INVITEDESK_PROXY_USER");
    setup.client.proxyPassword = qEnvironmentVariable("INVITEDESK_PROXY_PASSWORD");
    if (m_options.rateBudgetPercent)
        setup.rateBudgetShare = *m_options.rateBudgetPercent / 100.0;
    setup.profileName = u"cli"_s;
    setup.teamAudit = m_options.teamAudit;
    m_connection = std::make_unique<Connection>(std::move(setup));
    m_client = m_connection->client();
    // Once per pause, not once per 429: every request in flight meets the same full window.
    connect(m_connection->pacer(), &RatePacer::holdChanged, this, [this](bool held, qint64 waitMs) {
        if (!held)
            return;
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
        m_out << Output::organizations(m_options.format, page.data);
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
    m_query = std::make_unique<InvitationListing>(m_client);
    m_query->setKeepsInvitations(false); // written as they come, in Clerk's order: nothing is collected
    m_query->setKeepsMetadata(m_options.format == Format::Json); // a table or CSV shows none of it
    m_listOut = std::make_unique<QFile>();
    if (!m_listOut->open(stdout, QIODevice::WriteOnly))
        return finish(ApiError);
    const bool withOrganization = m_options.command == "find"_L1 || m_options.allOrganizations;
    m_listWriter = std::make_unique<Output::InvitationWriter>(m_listOut.get(), m_options.format, withOrganization,
                                                              m_options.command == "find"_L1);
    // Rows on a terminal are their own progress; a "Loaded N of M" line would be torn by them.
    const bool showProgress = stderrIsTerminal() && !isatty(fileno(stdout));
    connect(m_query.get(), &InvitationListing::arrived, this,
            [this, showProgress](const QList<Invitation> &, int loaded, qint64 total) {
                if (!showProgress)
                    return;
                m_progressShown = true;
                m_err << u"\rLoaded %1 of %2"_s.arg(QLocale().toString(loaded), QLocale().toString(total));
                m_err.flush();
            });
    // Written on the writer's thread, a page at a time and out at once: a reader downstream starts while
    // the rest loads, and this thread is back for the next answers while a page is written.
    connect(m_query.get(), &InvitationListing::inOrder, this,
            [this](const QList<Invitation> &invitations) { m_listWriter->addPage(invitations); });
    auto gone = std::make_shared<QStringList>();
    connect(m_query.get(), &InvitationListing::gone, this, [gone](const QStringList &ids) { *gone += ids; });
    connect(m_query.get(), &InvitationListing::failed, this, [this](const ClerkError &error) {
        m_listWriter->wait(); // what arrived is written and stays (a JSON array without its bracket: cut short)
        m_listOut->flush();
        if (error.isNotFound() && m_options.positional.value(0).startsWith("org_"_L1)) {
            m_err << printable(u"invitedesk-cli: no organization with the ID \"%1\" [%2]"_s.arg(
                         m_options.positional.first(), error.traceId().isEmpty() ? u"HTTP 404"_s : u"trace "_s + error.traceId()))
                  << u'\n';
            finish(ApiError);
            return;
        }
        if (m_query->kind() == InvitationListing::Kind::Instance)
            fail(error, u"loading the instance's invitations failed after %1"_s.arg(m_query->loadedCount()));
        else if (m_query->kind() == InvitationListing::Kind::EmailAddress)
            fail(error, u"searching invitations of %1"_s.arg(m_query->email()));
        else
            fail(error, u"loading invitations failed after %1"_s.arg(m_query->loadedCount()));
    });
    connect(m_query.get(), &InvitationListing::finished, this, [this, gone](int, bool listChanged) {
        if (m_progressShown) {
            m_err << u"\r\x1b[K"_s;
            m_err.flush();
            m_progressShown = false;
        }
        m_listWriter->finish();
        m_listOut->flush();
        if (m_options.format == Format::Table)
            m_err << u"%1 invitation(s)\n"_s.arg(m_listWriter->rows());
        // Written, and said: a list that may be short, or that moved while it was read, is never silent.
        if (const QString doubt = m_query->doubt(); !doubt.isEmpty()) {
            m_err << printable(u"invitedesk-cli: warning: "_s + doubt) << u'\n';
            finish(ListUncertain);
            return;
        }
        if (listChanged) {
            m_err << u"invitedesk-cli: warning: the list changed while it was read; it was read again, and what "
                     u"came in then is at the end"_s
                  << (gone->isEmpty() ? QString()
                                      : u"; %1 written above were gone by then: %2"_s.arg(gone->size()).arg(
                                            printable(gone->mid(0, 20).join(u", "_s))))
                  << u'\n';
            finish(ListUncertain);
            return;
        }
        finish(Success);
    });
    if (m_options.command == "find"_L1) {
        m_query->setIncludesApplicationInvitations(true); // both kinds: "everything for this address"
        m_query->searchEmail(m_options.positional.first(), m_options.status);
        return;
    }
    if (m_options.allOrganizations) {
        m_query->loadInstance(m_options.status);
        return;
    }
    if (m_options.application) {
        m_query->loadApplication(m_options.status);
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

QString Runner::ask(const QString &question)
{
    m_err << question << u' ';
    m_err.flush();
    QTextStream in(stdin);
    return in.readLine();
}

bool Runner::isYes(const QString &answer)
{
    const QString a = answer.trimmed().toLower();
    return a == "y"_L1 || a == "yes"_L1;
}

bool Runner::mayAsk()
{
    if (m_options.yes || stdinIsTerminal())
        return true;
    m_err << u"invitedesk-cli: refusing to revoke without confirmation: stdin is not a terminal (add --yes)\n"_s;
    finish(Usage);
    return false;
}

void Runner::runRevoke()
{
    if (m_options.olderThan)
        return runSweep();
    auto usage = [this](const QString &message) {
        m_err << printable(u"invitedesk-cli: "_s + message) << u'\n';
        finish(Usage);
    };
    QStringList ids;
    for (const QString &id : m_options.positional.mid(m_options.application ? 0 : 1)) {
        if (const std::optional<QString> why = InvitationIds::problem(id))
            return usage(u"\"%1\" is %2"_s.arg(id.left(40), *why));
        ids << id;
    }
    if (!m_options.fromFile.isEmpty()) {
        QFile file;
        const bool opened = m_options.fromFile == "-"_L1 ? file.open(stdin, QIODevice::ReadOnly)
                                                          : (file.setFileName(m_options.fromFile), file.open(QIODevice::ReadOnly));
        if (!opened)
            return usage(u"cannot read %1: %2"_s.arg(m_options.fromFile, file.errorString()));
        // Read at most one byte more than allowed: a huge file (or /dev/zero) is refused, not swallowed.
        const QByteArray content = file.read(InvitationIds::maxFileBytes + 1);
        if (content.size() > InvitationIds::maxFileBytes)
            return usage(u"%1 is larger than %2 MiB; that is not a list of invitation IDs"_s.arg(m_options.fromFile)
                             .arg(InvitationIds::maxFileBytes / (1024 * 1024)));
        const InvitationIds::FileContent read = InvitationIds::read(content);
        if (read.problem)
            return usage(u"%1: %2"_s.arg(m_options.fromFile, *read.problem));
        ids << read.ids;
    }
    // The kind is the agent's to say (--application); an ID of the other kind is a slip, said before anything
    // is sent (Clerk's application invitation IDs start with inv_, its organizations' with orginv_).
    for (const QString &id : std::as_const(ids)) {
        const bool applicationId = id.startsWith("inv_"_L1);
        if (applicationId && !m_options.application)
            return usage(u"%1 is an application invitation's ID: revoke --application %1"_s.arg(id.left(40)));
        if (!applicationId && m_options.application)
            return usage(u"\"%1\" is not an application invitation's ID (inv_…); without --application, revoke ORG "
                         u"INVITATION_ID"_s.arg(id.left(40)));
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
    if (!mayAsk())
        return;

    auto revoke = [this, unique](const Organization &org) {
        // One walk of the pending list gives emails and roles for the confirmation and the audit log,
        // at one request per 500 instead of one per invitation.
        m_query = std::make_unique<InvitationListing>(m_client);
        m_query->setKeepsMetadata(false);
        connect(m_query.get(), &InvitationListing::failed, this,
                [this](const ClerkError &error) { fail(error, u"cannot read the pending invitations"_s); });
        connect(m_query.get(), &InvitationListing::finished, this, [this, org, unique] {
            QHash<QString, Invitation> known;
            for (const Invitation &inv : m_query->invitations())
                known.insert(inv.id, inv);
            startRevokes(org, unique, known);
        });
        if (m_options.application)
            m_query->loadApplication(InvitationStatus::Pending);
        else
            m_query->loadOrganization(org, InvitationStatus::Pending);
    };
    if (m_options.application)
        revoke(Organization{});
    else
        resolveOrganization(revoke);
}

void Runner::startRevokes(const Organization &org, const QStringList &ids, const QHash<QString, Invitation> &known,
                          const QString &which)
{
    const KeyEnvironment environment = m_client->environment();
    if (!m_options.yes) {
        // One organization, or (the stale sweep across the instance) as many as the invitations name.
        QSet<QString> organizations;
        for (const Invitation &inv : known)
            organizations.insert(inv.organizationId);
        const QString where = m_options.application ? u"the instance (application invitations)"_s
                              : org.id.isEmpty()    ? u"%1 organization(s)"_s.arg(organizations.size())
                                                    : u"%1 (%2)"_s.arg(org.name, Confirmation::handleFor(org));
        m_err << printable(u"About to revoke %1 invitation(s)%2 in %3 on a %4 instance:"_s.arg(
                     QString::number(ids.size()), which, where,
                     environment == KeyEnvironment::Production ? u"PRODUCTION"_s : environmentName(environment)))
              << u'\n';
        for (const QString &id : ids.mid(0, 20)) {
            const auto it = known.constFind(id);
            m_err << u"  "_s << printable(id) << u"  "_s
                  << (it == known.cend()                    ? u"(not pending)"_s
                      : org.id.isEmpty() && it->organization ? printableAddress(it->emailAddress) + u"  "_s + printable(it->organization->name)
                                                             : printableAddress(it->emailAddress))
                  << u'\n';
        }
        if (ids.size() > 20)
            m_err << u"  … and %1 more\n"_s.arg(ids.size() - 20);
        // The window's rule, decided in one place: many on production need the organization's handle typed
        // (across organizations, the number of invitations).
        const QString handle = org.id.isEmpty() ? Confirmation::handleForCount(int(ids.size())) : Confirmation::handleFor(org);
        const bool typed = Confirmation::needsTypedHandle(environment == KeyEnvironment::Production, int(ids.size()));
        const bool confirmed = typed ? Confirmation::confirms(ask(u"Type %1 to revoke them:"_s.arg(printable(handle))), handle)
                                     : isYes(ask(u"Revoke them? [y/N]"_s));
        if (!confirmed) {
            m_err << u"Nothing was revoked.\n"_s;
            finish(SomeFailed);
            return;
        }
    }

    m_audit = m_connection->audit(); // the log is opened only by a revoke: a list writes nothing

    QList<RevokeItem> items;
    items.reserve(ids.size());
    for (const QString &id : ids) {
        // An ID that is not pending has no row to take email and role from: it is revoked (and reported) by ID.
        Invitation inv = known.value(id);
        inv.id = id;
        if (m_options.application)
            inv.kind = InvitationKind::Application;
        items << RevokeItem::of(inv, org);
    }

    // First settle what an interrupted earlier run left open, so the log never keeps a dangling intent.
    m_connection->settleInterrupted(this, [this, items](const QList<AuditReconciler::Settled> &settled, int) {
        for (const AuditReconciler::Settled &s : settled)
            m_err << printable(u"invitedesk-cli: interrupted earlier revoke of %1 settled: %2"_s.arg(s.invitationId, s.outcome))
                  << u'\n';
        runBulk(items);
    });
}

void Runner::runBulk(const QList<RevokeItem> &items)
{
    m_run = std::make_unique<RevokeRun>(m_client, m_audit);
    m_run->setRequestingUserId(m_options.actingUser);
    connect(m_run.get(), &RevokeRun::itemFinished, this, [this](const RevokeItem &item, const RevokeResult &result) {
        if (m_progressShown) {
            m_err << u"\r\x1b[K"_s;
            m_err.flush();
        }
        m_out << Output::revokeLine(item, result);
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
        reportTeamAudit();
        finish(!summary.allSucceeded() ? SomeFailed : m_teamAuditBlocked ? AuditFailed : Success);
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

} // namespace InviteDesk::Cli
