#include "core/audit/AuditReconciler.h"

#include "core/audit/AuditFiles.h"
#include "core/audit/SendJournal.h"

#include <QtConcurrent/QtConcurrentRun>
#include <QtCore/QDateTime>
#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QTimer>

using namespace Qt::StringLiterals;

namespace InviteDesk {

AuditReconciler::AuditReconciler(ClerkClient *client, AuditWriter *writer, QObject *parent)
    : QObject(parent), m_client(client), m_writer(writer)
{
    connect(&m_reading, &QFutureWatcher<QList<QJsonObject>>::finished, this,
            [this] { onRead(m_reading.result()); });
}

AuditReconciler::~AuditReconciler()
{
    // The read holds no pointer to this object; waiting keeps it from outliving the log's file.
    m_reading.waitForFinished();
}

void AuditReconciler::start()
{
    m_todo.clear();
    m_settled.clear();
    m_left = 0;
    // Reading a log of years of revokes takes a while: not on the caller's (the window's) thread.
    // Only what is there now: intents this session writes meanwhile are its own, not interrupted ones.
    const QString path = m_writer->filePath();
    const qint64 upTo = QFileInfo(path).size();
    m_scannedUpTo = upTo;
    m_reading.setFuture(QtConcurrent::run([path, upTo] { return AuditLog::unsettledIntents(path, upTo); }));
}

void AuditReconciler::onRead(const QList<QJsonObject> &unsettled)
{
    const QString fingerprint = keyFingerprint(m_client ? m_client->config().secretKey : QString());
    for (const QJsonObject &intent : unsettled) {
        if (intent.value("key_fingerprint"_L1).toString() != fingerprint) {
            ++m_left;
            continue;
        }
        const QString run = intent.value("run"_L1).toString();
        if (!m_claimed.count(run)) {
            std::unique_ptr<QLockFile> claim;
            if (AuditLog::runIsAlive(m_writer->filePath(), run, &claim)) {
                ++m_left; // another process is still working on it
                continue;
            }
            m_claimed.emplace(run, std::move(claim));
        }
        m_todo.append(intent);
    }
    removeEndedJournals(unsettled);
    QTimer::singleShot(0, this, &AuditReconciler::next);
}

void AuditReconciler::removeEndedJournals(const QList<QJsonObject> &unsettled)
{
    // Runs that ended with nothing left open (a kill between two revokes): their journals are not
    // needed. A journal younger than a minute may be a run's that is about to write its first intent.
    QSet<QString> open;
    for (const QJsonObject &intent : unsettled)
        open.insert(intent.value("run"_L1).toString());
    const QString log = m_writer->filePath();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QFileInfo &info : QDir(AuditFiles::runFolder(log)).entryInfoList({u"*.sent"_s}, QDir::Files)) {
        const QString run = info.completeBaseName();
        if (open.contains(run) || m_claimed.count(run) || info.lastModified().secsTo(now) < 60)
            continue;
        std::unique_ptr<QLockFile> claim; // released at the end of this block: its lock file goes with it
        if (!AuditLog::runIsAlive(log, run, &claim))
            SendJournal::remove(log, run);
    }
}

void AuditReconciler::next()
{
    if (m_todo.isEmpty() || !m_client || !m_writer) {
        for (const QJsonObject &intent : std::as_const(m_todo))
            m_runsLeftOpen.insert(intent.value("run"_L1).toString());
        m_left += int(m_todo.size());
        m_todo.clear();
        // Ended runs whose every intent is settled: their journals are no longer needed, and their lock
        // files go with the claims.
        for (const auto &claimed : m_claimed) {
            if (!m_runsLeftOpen.contains(claimed.first))
                SendJournal::remove(m_writer ? m_writer->filePath() : QString(), claimed.first);
        }
        m_claimed.clear();
        m_runsLeftOpen.clear();
        Q_EMIT finished(m_settled, m_left);
        return;
    }
    const QJsonObject intent = m_todo.takeFirst();
    const QString run = intent.value("run"_L1).toString();
    auto leaveForLater = [this, run] {
        ++m_left;
        m_runsLeftOpen.insert(run);
        next();
    };
    auto settle = [this, intent, run, leaveForLater](Result<Invitation> result) {
        if (result && result.value().id != intent.value("invitation_id"_L1).toString())
            return leaveForLater(); // an answer about another invitation settles nothing: try again next time
        if (!result && !result.error().isNotFound())
            return leaveForLater(); // offline or refused: try again next time
        // (Not a structured binding: clang 14 cannot capture one in the lambda below.)
        const std::pair<QString, QString> settled = result
            ? settlementOf(intent, result.value())
            : std::pair {revokeOutcomeKey(RevokeOutcome::NotFound), QString()};
        const QString outcome = settled.first;
        const QString detail = settled.second;
        const QPointer<AuditReconciler> self(this);
        m_writer->reconciled(intent, outcome, detail, m_scannedUpTo,
                             [self, intent, run, outcome](bool written, const QString &error) {
                                 if (!self)
                                     return;
                                 // Not written and no error: someone else settled it after the read; nothing is left
                                 // open.
                                 if (written)
                                     self->m_settled.append({intent.value("invitation_id"_L1).toString(),
                                                             intent.value("email"_L1).toString(), outcome});
                                 else if (!error.isEmpty()) {
                                     ++self->m_left;
                                     self->m_runsLeftOpen.insert(run);
                                 }
                                 self->next();
                             });
    };
    // The intent says which kind it revoked (records without it are of an organization's invitation).
    const InvitationKind kind = intent.value("invitation_kind"_L1).toString() == kindKey(InvitationKind::Application)
                                    ? InvitationKind::Application
                                    : InvitationKind::Organization;
    m_client->readInvitation(kind, intent.value("organization_id"_L1).toString(),
                             intent.value("invitation_id"_L1).toString(), this, std::move(settle));
}

std::pair<QString, QString> AuditReconciler::settlementOf(const QJsonObject &intent, const Invitation &found) const
{
    // Which requests of the ended run left this computer: only one that did may be what revoked it.
    const std::optional<QSet<QString>> sent =
        SendJournal::read(m_writer->filePath(), intent.value("run"_L1).toString());
    const bool mayHaveSent = !sent || sent->contains(intent.value("invitation_id"_L1).toString());
    const RevokeOutcome outcome =
        outcomeOfReRead(found.status, mayHaveSent ? OurRequest::OneMayHaveDoneIt : OurRequest::NoneCouldHaveDoneIt);
    QString detail;
    switch (outcome) {
    case RevokeOutcome::AlreadyRevoked:
        detail = u"re-read after an interrupted run: revoked, not by that run (its request never left this computer)"_s;
        break;
    case RevokeOutcome::RevokedUnattributed:
        detail = sent ? u"re-read after an interrupted run: revoked; its request had left, so by that run or someone else"_s
                      : u"re-read after an interrupted run: revoked; whether its request had left cannot be told, so by "
                        "that run or someone else"_s;
        break;
    case RevokeOutcome::StillPending:
        detail = u"re-read after an interrupted run: the revoke was not carried out"_s;
        break;
    case RevokeOutcome::NotPendingOther: detail = found.statusText; break;
    default: break;
    }
    return {revokeOutcomeKey(outcome), detail};
}

} // namespace InviteDesk
