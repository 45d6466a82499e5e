#include "gui/invitations/InvitationsPage.h"

#include "core/util/Csv.h"
#include "gui/TimeFormat.h"
#include "gui/Prompts.h"
#include "gui/invitations/InvitationFilterModel.h"
#include "gui/invitations/InvitationTableModel.h"
#include "gui/invitations/InvitationsController.h"
#include "ui_InvitationsPage.h"

#include <QtCore/QDir>
#include <QtCore/QSaveFile>
#include <QtGui/QClipboard>

using namespace Qt::StringLiterals;

// What the page's commands do: revoke (selected, older duplicates, all for an address), re-invite, copy, export.

namespace InviteDesk {

void InvitationsPage::revokeSelected()
{
    QStringList ids;
    for (const QString &id : selectedInvitationIds()) {
        const int row = m_model->rowOf(id);
        if (row >= 0 && m_model->isRevocable(row))
            ids << id;
    }
    const ListingScope &scope = m_invitations->scope();
    confirmAndRevoke(ids, scope.revokeWhere(organizationsOf(ids)), scope.confirmationHandle(int(ids.size())));
}

void InvitationsPage::revokeOlderDuplicates()
{
    QHash<QString, QString> kept;
    const QStringList ids = m_model->olderDuplicateIds(&kept);
    if (ids.isEmpty()) {
        Q_EMIT statusMessage(tr("No address has more than one pending invitation here."), 5000);
        return;
    }
    // Which one goes and which one stays, told apart by date and ID: both may say "2 hours ago".
    auto describe = [this, &kept](const Invitation &older) {
        const Invitation &newest = m_model->invitationAt(m_model->rowOf(kept.value(older.id)));
        return tr("%1 — invited %2, %3; keeps %4 of %5")
            .arg(older.emailAddress, TimeFormat::exact(older.createdAt), older.id, newest.id, TimeFormat::exact(newest.createdAt));
    };
    const ListingScope &scope = m_invitations->scope();
    confirmAndRevoke(ids,
                     tr("%1 — the older duplicates; the newest invitation of each address stays")
                         .arg(scope.revokeWhere(organizationsOf(ids))),
                     scope.confirmationHandle(int(ids.size())), describe);
}

void InvitationsPage::revokeAllForAddress()
{
    QStringList ids;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->isRevocable(row))
            ids << m_model->invitationAt(row).id;
    }
    if (ids.isEmpty()) {
        Q_EMIT statusMessage(tr("%1 has no pending invitations.").arg(m_invitations->email()), 5000);
        return;
    }
    bool signUp = false; // the address's application invitation is among them: the scope says so
    for (const QString &id : std::as_const(ids))
        signUp = signUp || m_model->invitationAt(m_model->rowOf(id)).kind == InvitationKind::Application;
    confirmAndRevoke(ids,
                     signUp ? tr("of %1, in every organization and to sign up").arg(m_invitations->email())
                            : tr("of %1, in every organization").arg(m_invitations->email()),
                     m_invitations->email());
}

void InvitationsPage::confirmAndRevoke(const QStringList &ids, const QString &scope, const QString &confirmationText,
                                       const std::function<QString(const Invitation &)> &describe)
{
    if (m_invitations->isRevoking() || m_invitations->isHolding() || ids.isEmpty())
        return;
    Prompts::RevokeRequest request{m_session->badge(), scope, confirmationText, {}, int(ids.size()), m_invitations->undoSeconds()};
    if (m_invitations->spansOrganizations()) {
        // Grouped by organization: a heading with its count, then its rows; organizations by name.
        QMap<QString, QStringList> groups; // folded name, name, ID → lines
        for (const QString &id : ids) {
            const Invitation &inv = m_model->invitationAt(m_model->rowOf(id));
            // Application invitations are a group of their own, named as the table names them.
            const QString name = InvitationTableModel::organizationText(inv);
            groups[name.toCaseFolded() + u'\x1f' + name + u'\x1f' + inv.organizationId]
                << u"    "_s + (describe ? describe(inv) : inv.emailAddress);
        }
        for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
            request.lines << tr("%1 — %Ln invitation(s)", nullptr, int(it->size())).arg(it.key().section(u'\x1f', 1, 1));
            request.lines << *it;
        }
    } else {
        for (const QString &id : ids)
            request.lines << (describe ? describe(m_model->invitationAt(m_model->rowOf(id)))
                                       : m_model->invitationAt(m_model->rowOf(id)).emailAddress);
    }
    const Prompts::RevokeAnswer answer = m_prompts->confirmRevoke(window(), request);
    if (!answer.confirmed) {
        Q_EMIT statusMessage(tr("Nothing was revoked."), 4000);
        return;
    }
    m_invitations->revoke(ids, answer.ticket);
}

int InvitationsPage::organizationsOf(const QStringList &ids) const
{
    QSet<QString> organizations;
    for (const QString &id : ids)
        organizations.insert(m_model->invitationAt(m_model->rowOf(id)).organizationId);
    return int(organizations.size());
}

void InvitationsPage::reinviteSelected()
{
    const QStringList ids = selectedInvitationIds();
    const int row = ids.size() == 1 ? m_model->rowOf(ids.first()) : -1;
    if (row < 0)
        return;
    if (!m_model->isReinvitable(row)) {
        Q_EMIT statusMessage(tr("Re-invite is for a revoked or expired invitation; this one is %1.")
                                 .arg(m_model->statusAt(row).toLower()),
                             8000);
        return;
    }
    const Invitation inv = m_model->invitationAt(row);
    if (inv.kind == InvitationKind::Application) {
        Q_EMIT statusMessage(tr("Re-invite is for organization invitations; invite this address to sign up again in "
                                "Clerk's Dashboard."),
                             8000);
        return;
    }
    const QString orgName = inv.organization ? inv.organization->name : m_invitations->organization().name;
    const Prompts::ReinviteAnswer answer = m_prompts->confirmReinvite(window(), m_session->badge(), inv, orgName);
    if (answer.confirmed)
        m_invitations->reinvite(inv.id, answer.notify, answer.expiresInDays);
}

void InvitationsPage::copyColumn(int role, const QString &what)
{
    QStringList values;
    const QModelIndexList rows = m_ui->invitationsView->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows) {
        const QString value = m_proxy->mapToSource(index).data(role).toString();
        if (!value.isEmpty())
            values << value;
    }
    if (values.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(values.join(u'\n'));
    Q_EMIT statusMessage(tr("Copied %1 %2.").arg(values.size()).arg(what), 3000);
}

void InvitationsPage::copySummary()
{
    const QString text = m_invitations->ticketSummary();
    if (text.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(text);
    Q_EMIT statusMessage(tr("Summary copied: paste it into the ticket."), 4000);
}

void InvitationsPage::exportCsv()
{
    const QString suggested = QDir::home().filePath(
        u"%1-invitations-%2.csv"_s.arg(m_invitations->scope().fileStem(), QDate::currentDate().toString(Qt::ISODate)));
    const QString path = m_prompts->saveFileName(window(), tr("Export invitations"), suggested, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    // What the table shows, in its order: the same columns as `invitedesk-cli list --format csv`.
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly)) {
        file.write(Csv::invitationHeader().toUtf8());
        for (int row = 0; row < m_proxy->rowCount(); ++row)
            file.write(Csv::invitationRow(m_model->invitationAt(m_proxy->mapToSource(m_proxy->index(row, 0)).row())).toUtf8());
    }
    if (!file.commit()) {
        m_prompts->warn(window(), tr("Export failed"), tr("Cannot write %1: %2").arg(path, file.errorString()));
        return;
    }
    Q_EMIT statusMessage(tr("Exported %Ln invitation(s) to %1.", nullptr, m_proxy->rowCount()).arg(QDir::toNativeSeparators(path)),
                         8000);
}

} // namespace InviteDesk
