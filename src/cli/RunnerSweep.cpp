#include "cli/Runner.h"

#include "cli/Output.h"
#include "core/util/TextOutput.h"

#include <QtCore/QDateTime>
#include <QtCore/QFile>

using namespace Qt::StringLiterals;

// The stale sweep: revoke --older-than SPAN, for one organization or (--all-orgs) the whole instance.

namespace InviteDesk::Cli {

void Runner::runSweep()
{
    if (!m_options.dryRun && !mayAsk())
        return;
    auto sweep = [this](const Organization &org) {
        m_query = std::make_unique<InvitationListing>(m_client);
        m_query->setKeepsMetadata(m_options.dryRun && m_options.format == Format::Json);
        connect(m_query.get(), &InvitationListing::failed, this,
                [this](const ClerkError &error) { fail(error, u"cannot read the pending invitations"_s); });
        connect(m_query.get(), &InvitationListing::finished, this, [this, org] {
            // Pending longer than the span as of now: what the agent asked, decided by the rule both front ends use.
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            const QString which = u" pending for more than "_s + m_options.olderThan->describe();
            QStringList ids;
            QHash<QString, Invitation> stale;
            const QList<Invitation> read = m_query->invitations();
            for (const Invitation &inv : read) {
                if (m_options.olderThan->isStale(inv, now) && !stale.contains(inv.id)) {
                    ids << inv.id;
                    stale.insert(inv.id, inv);
                }
            }
            // A list that may be short is said; what was read is still swept (a stale one stays stale).
            const QString doubt = m_query->doubt();
            if (!doubt.isEmpty())
                m_err << printable(u"invitedesk-cli: warning: "_s + doubt) << u'\n';
            if (m_options.dryRun) {
                QFile out;
                if (!out.open(stdout, QIODevice::WriteOnly))
                    return finish(ApiError);
                Output::InvitationWriter writer(&out, m_options.format, org.id.isEmpty() && !m_options.application);
                for (const QString &id : std::as_const(ids))
                    writer.add(stale.value(id));
                writer.finish();
                out.flush();
                m_err << u"%1 invitation(s)%2; nothing was revoked (--dry-run)\n"_s.arg(ids.size()).arg(which);
                return finish(doubt.isEmpty() ? Success : ListUncertain);
            }
            if (ids.isEmpty()) {
                m_err << u"No invitation has been%1; nothing to revoke.\n"_s.arg(which);
                return finish(doubt.isEmpty() ? Success : ListUncertain);
            }
            startRevokes(org, ids, stale, which);
        });
        if (m_options.application)
            m_query->loadApplication(InvitationStatus::Pending);
        else if (org.id.isEmpty())
            m_query->loadInstance(InvitationStatus::Pending);
        else
            m_query->loadOrganization(org, InvitationStatus::Pending);
    };
    if (m_options.allOrganizations || m_options.application)
        sweep(Organization{});
    else
        resolveOrganization(sweep);
}

} // namespace InviteDesk::Cli
