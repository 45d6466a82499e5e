#include "cli/Runner.h"

#include "cli/Output.h"
#include "core/util/TextOutput.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

// invitedesk-cli's audit commands (verify, sync, team, export) and what a revoke says of the team store.

namespace InviteDesk::Cli {

int Runner::exitCodeFor(TeamAuditProblem problem)
{
    switch (problem) {
    case TeamAuditProblem::None: return Success;
    case TeamAuditProblem::Unreachable: return AuditWaiting; // try again later: the records wait
    case TeamAuditProblem::Diverged: return AuditFailed;
    case TeamAuditProblem::Credentials:
    case TeamAuditProblem::Schema:
    case TeamAuditProblem::Refused: break; // retrying changes nothing until someone changes the setup
    }
    return AuthConfig;
}

void Runner::reportTeamAudit()
{
    TeamAuditSender *const sender = m_connection ? m_connection->teamAudit() : nullptr;
    if (!sender)
        return;
    m_audit->flush(); // every record of this run is on disk before the last look
    // Longer than a statement's deadline: a store that froze mid-statement is then said as such.
    const std::chrono::milliseconds patience = m_options.teamAudit->longestWait() + std::chrono::seconds(5);
    TeamAuditSender::Status status = sender->flush(int(patience.count()));
    m_connection->releaseTeamAudit(); // a store still busy is let go here, at once (TeamAuditSender)
    if (status.stillSending) // the count from the last look may be old: what this computer knows now
        status.waiting = TeamAuditStore::waitingAsFarAsKnown(AuditLog::defaultPath(), *m_options.teamAudit);
    if (!status.warning.isEmpty())
        m_err << printable(u"invitedesk-cli: warning: team audit: "_s + status.warning) << u'\n';
    if (status.stillSending) {
        m_err << printable(u"invitedesk-cli: team audit: still sending when the run ended; %1 records wait in the "
                           u"local log and go out with the next run or `invitedesk-cli audit sync`"_s
                               .arg(status.waiting))
              << u'\n';
        return;
    }
    if (status.blocked()) {
        m_teamAuditBlocked = true;
        m_err << printable(u"invitedesk-cli: TEAM AUDIT BLOCKED: %1; %2 records of this computer are kept in the "
                           u"local log and cannot be sent until the store's owner looks (docs/TEAM-AUDIT.md)"_s
                               .arg(status.error)
                               .arg(status.waiting))
              << u'\n';
        return;
    }
    if (status.waiting == 0 && status.problem == TeamAuditProblem::None)
        return;
    m_err << printable(u"invitedesk-cli: team audit: %1 records waiting (%2); they are kept in the local log and "
                       u"sent by the next run or `invitedesk-cli audit sync`"_s
                           .arg(status.waiting)
                           .arg(status.error.isEmpty() ? u"still sending"_s : status.error))
          << u'\n';
}

void Runner::runAuditSync(const QString &path)
{
    TeamAuditStore store(*m_options.teamAudit);
    const TeamAuditStore::Sync sync = store.sync(path, nullptr, m_options.resendLost);
    if (!sync.warning.isEmpty())
        m_err << printable(u"invitedesk-cli: warning: team audit: "_s + sync.warning) << u'\n';
    if (sync.ok()) {
        m_out << u"%1: %2 records sent; none waiting\n"_s.arg(store.target().display()).arg(sync.sent);
        finish(Success);
        return;
    }
    if (sync.problem == TeamAuditProblem::Unreachable && sync.waiting == 0) {
        m_err << printable(u"invitedesk-cli: team audit %1: %2; none of this computer's records wait"_s.arg(
                     store.target().display(), sync.error))
              << u'\n';
        finish(Success);
        return;
    }
    m_err << printable(u"invitedesk-cli: team audit %1: %2; %3 records wait in the local log"_s.arg(
                           store.target().display(), sync.error)
                           .arg(sync.waiting))
          << u'\n';
    finish(exitCodeFor(sync.problem));
}

void Runner::runAuditTeam()
{
    TeamAuditStore store(*m_options.teamAudit);
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly)) {
        finish(ApiError);
        return;
    }
    // Streamed: rows go out a page at a time as they arrive, whatever the size of the team's history.
    Output::TeamActivityWriter writer(&out, m_options.format);
    TeamAuditProblem problem = TeamAuditProblem::None;
    QString error;
    const bool read = store.activity(m_options.activity, [&writer](const TeamActivityRow &row) { writer.add(row); },
                                     &problem, &error);
    if (read)
        writer.finish(); // a listing cut short is left unclosed (a JSON array without its bracket)
    out.flush();
    if (!read) {
        m_err << printable(u"invitedesk-cli: team audit %1: %2%3"_s.arg(
                               store.target().display(), error,
                               writer.rows() ? u" (after %1 rows; the output is incomplete)"_s.arg(writer.rows()) : QString()))
              << u'\n';
        finish(exitCodeFor(problem) == AuditWaiting ? ApiError : exitCodeFor(problem));
        return;
    }
    finish(Success);
}

void Runner::runAuditVerify(const QString &path)
{
    const QFileInfo local(path);
    const bool localExists = local.exists();
    if (!m_options.auditFile.isEmpty() && !local.isFile()) {
        // The file asked about is checked or nothing is: never "0 records, chain intact" for a folder.
        m_err << printable(u"invitedesk-cli: %1: %2"_s.arg(path, localExists ? u"not a file"_s : u"no such file"_s)) << u'\n';
        finish(Usage);
        return;
    }
    // This computer's chain is checked on another core while the store's is read: each re-hashes every
    // record, and at 200,000 records the local check alone is ~40 % of the command's CPU.
    QFuture<AuditVerification> localCheck = QtConcurrent::run([path] { return AuditLog::verify(path); });
    std::optional<TeamAuditStore> store;
    TeamAuditStore::Check check;
    if (m_options.teamAudit) {
        store.emplace(*m_options.teamAudit);
        check = store->verify(path);
    }
    const AuditVerification result = localCheck.result();
    bool altered = !result.ok;
    if (!localExists) {
        m_out << u"%1: no local audit log on this computer\n"_s.arg(path);
    } else if (result.ok) {
        m_out << u"%1: %2 records, chain intact\n"_s.arg(path).arg(result.records);
        if (!result.note.isEmpty())
            m_err << u"invitedesk-cli: note: %1\n"_s.arg(result.note);
    } else {
        m_err << u"invitedesk-cli: %1: line %2: %3\n"_s.arg(path).arg(result.firstBadLine).arg(result.problem);
    }
    if (!m_options.teamAudit) {
        finish(altered ? AuditFailed : Success);
        return;
    }
    const QString where = store->target().display();
    if (check.problem != TeamAuditProblem::None) {
        m_err << printable(u"invitedesk-cli: team audit %1: the store could not be checked: %2"_s.arg(where, check.error))
              << u'\n';
        // Not "records wait" (6): nothing was compared. A store away or busy is Clerk-or-network's 4.
        const int code = exitCodeFor(check.problem);
        finish(altered ? AuditFailed : code == AuditWaiting ? ApiError : code);
        return;
    }
    if (!check.schemaNote.isEmpty())
        m_out << printable(u"%1: %2"_s.arg(where, check.schemaNote)) << u'\n';
    for (const TeamAuditStore::Chain &chain : check.chains) {
        const QString name = u"%1: chain %2 (%3, sent by %4)"_s.arg(where, chain.chain.left(12), chain.operatorName,
                                                                   chain.sentBy);
        if (chain.problems.isEmpty()) {
            m_out << printable(u"%1: %2 records, chain intact"_s.arg(name).arg(chain.records)) << u'\n';
            continue;
        }
        altered = true;
        for (const QString &problem : chain.problems)
            m_err << printable(u"invitedesk-cli: %1: %2"_s.arg(name, problem)) << u'\n';
        if (chain.moreProblems > 0)
            m_err << printable(u"invitedesk-cli: %1: … and %2 more problems"_s.arg(name).arg(chain.moreProblems)) << u'\n';
    }
    if (check.chains.isEmpty())
        m_out << u"%1: no records in the team store\n"_s.arg(where);
    // What was checked, said plainly: the store's chains alone prove nothing about a log not compared.
    if (!check.localCompared)
        m_out << u"%1: this computer's log was not compared (there is none here)\n"_s.arg(where);
    for (const QString &problem : check.localProblems)
        m_err << printable(u"invitedesk-cli: %1: %2"_s.arg(where, problem)) << u'\n';
    if (check.moreLocalProblems > 0)
        m_err << u"invitedesk-cli: %1: … and %2 more local records differ\n"_s.arg(where).arg(check.moreLocalProblems);
    altered = altered || !check.localProblems.isEmpty();
    if (check.localWaiting > 0)
        m_err << (check.localProblems.isEmpty()
                      ? u"invitedesk-cli: %1: %2 local records are not in the team store yet (run audit sync)\n"_s
                      : u"invitedesk-cli: %1: %2 local records are not in the team store (they wait until the problems "
                        u"above are mended)\n"_s)
                     .arg(where)
                     .arg(check.localWaiting);
    finish(altered ? AuditFailed : check.localWaiting > 0 ? AuditWaiting : Success);
}

void Runner::runAudit()
{
    const QString path = m_options.auditFile.isEmpty() ? AuditLog::defaultPath() : m_options.auditFile;
    if (m_options.positional.value(0) == "verify"_L1)
        return runAuditVerify(path);
    if (m_options.positional.value(0) == "sync"_L1)
        return runAuditSync(path);
    if (m_options.positional.value(0) == "team"_L1)
        return runAuditTeam();
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
