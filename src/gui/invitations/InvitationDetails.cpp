#include "gui/invitations/InvitationDetails.h"

#include "core/audit/AuditRecord.h"
#include "core/util/TextOutput.h"
#include "gui/TimeFormat.h"

#include <QtConcurrent/QtConcurrentRun>
#include <QtCore/QDateTime>
#include <QtCore/QFutureWatcher>
#include <QtCore/QJsonDocument>
#include <QtWidgets/QLabel>
#include <QtWidgets/QTextBrowser>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace InviteDesk {

namespace {

/*! "5 Dec 2026, 14:03:12 (13:03:12 UTC)": the agent's time, and the one Clerk's dashboard and logs use. */
QString both(qint64 msSinceEpoch)
{
    if (QDateTime::fromMSecsSinceEpoch(msSinceEpoch).offsetFromUtc() == 0)
        return TimeFormat::exact(msSinceEpoch); // the agent's time is UTC's: once is enough
    const QDateTime utc = QDateTime::fromMSecsSinceEpoch(msSinceEpoch, Qt::UTC);
    return InvitationDetails::tr("%1 (%2 UTC)").arg(TimeFormat::exact(msSinceEpoch), utc.toString(u"yyyy-MM-dd HH:mm:ss"_s));
}

QString row(const QString &name, const QString &valueHtml)
{
    return u"<tr><th align='left' valign='top'>%1</th><td>%2</td></tr>"_s.arg(name.toHtmlEscaped(), valueHtml);
}

/*! One line of the history: when, what, by whom, for which ticket. */
QString historyLine(const AuditRecord &record)
{
    const QString event = record.text("event");
    const QString outcome = record.text("outcome");
    QString what = outcome.isEmpty() ? event : u"%1: %2"_s.arg(event, outcome);
    if (const QString ticket = record.text("ticket"); !ticket.isEmpty())
        what += u" · "_s + InvitationDetails::tr("ticket %1").arg(ticket);
    const QDateTime at = QDateTime::fromString(record.text("time"), Qt::ISODateWithMs);
    return u"<li>%1 — %2 — %3</li>"_s.arg(at.isValid() ? TimeFormat::exact(at.toMSecsSinceEpoch()) : record.text("time"),
                                          what.toHtmlEscaped(), record.text("operator").toHtmlEscaped());
}

} // namespace

InvitationDetails::InvitationDetails(QWidget *parent)
    : QWidget(parent), m_title(new QLabel(this)), m_text(new QTextBrowser(this))
{
    // An address has no place to break but anywhere: in a narrow pane it was cut mid-word over two lines
    // ("…acme.exampl" / "e"). One line, elided in the middle, keeps both of its ends readable.
    m_title->setObjectName(u"detailsTitle"_s);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed); // the pane's width decides, not the address
    QFont font = m_title->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.2);
    m_title->setFont(font);
    m_title->setContentsMargins(4, 4, 4, 0);
    m_title->installEventFilter(this);
    m_text->setObjectName(u"detailsText"_s);
    m_text->setAccessibleName(tr("Invitation details"));
    m_text->setOpenLinks(false); // the link is shown to copy, not opened: it would accept the invitation
    m_text->setTextInteractionFlags(Qt::TextBrowserInteraction | Qt::TextSelectableByKeyboard);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_text);
    setFocusProxy(m_text);
    clear();
}

InvitationDetails::~InvitationDetails() = default;

QString InvitationDetails::text() const
{
    return m_invitation.emailAddress.isEmpty() ? m_text->toPlainText()
                                               : m_invitation.emailAddress + u'\n' + m_text->toPlainText();
}

bool InvitationDetails::eventFilter(QObject *watched, QEvent *event)
{
    // The title's own size, not the pane's: shown again after clear(), it is laid out only then.
    if (watched == m_title && event->type() == QEvent::Resize)
        elideTitle();
    return QWidget::eventFilter(watched, event);
}

void InvitationDetails::showTitle()
{
    // As the table shows it: a direction override or a look-alike character is shown as an escape.
    const QString address = printableAddress(m_invitation.emailAddress);
    m_title->setVisible(!address.isEmpty());
    m_title->setToolTip(address);
    m_title->setAccessibleName(address);
    // Who the details are about, for a reader that lands in the text by Tab.
    m_text->setAccessibleDescription(address);
    elideTitle();
}

void InvitationDetails::elideTitle()
{
    const QString address = printableAddress(m_invitation.emailAddress);
    m_title->setText(m_title->fontMetrics().elidedText(address, Qt::ElideMiddle, m_title->contentsRect().width()));
}

void InvitationDetails::clear()
{
    ++m_generation;
    m_invitation = {};
    m_wholeMetadata.reset();
    m_wholeUnreadable.clear();
    m_wantedWhole.clear();
    showTitle();
    m_text->setHtml(tr("<p>Select an invitation to see its details.</p>"));
}

void InvitationDetails::present(const Invitation &invitation, const QString &status, const QString &message,
                                const QString &auditLogPath)
{
    // The history is read again for another invitation, or when this one's status moved (a revoke wrote to it).
    const bool reread = invitation.id != m_invitation.id || status != m_status || m_history.isEmpty();
    if (invitation.id != m_invitation.id) {
        m_wholeMetadata.reset();
        m_wholeUnreadable.clear();
        m_wantedWhole.clear();
    }
    m_invitation = invitation;
    m_status = status;
    m_message = message;
    if (reread) {
        const quint64 generation = ++m_generation;
        m_history.clear();
        auto *watcher = new QFutureWatcher<QList<AuditRecord>>(this);
        connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
            watcher->deleteLater();
            if (generation != m_generation)
                return; // another invitation is shown by now
            const QList<AuditRecord> records = watcher->result();
            QString lines;
            for (const AuditRecord &record : records)
                lines += historyLine(record);
            m_history = records.isEmpty() ? tr("<p>Nothing in this computer's audit log.</p>") : u"<ul>%1</ul>"_s.arg(lines);
            render();
        });
        watcher->setFuture(QtConcurrent::run([path = auditLogPath, id = invitation.id] { return AuditRecord::about(path, id); }));
    }
    render();
    if (invitation.metadataCut && m_wantedWhole != invitation.id) {
        m_wantedWhole = invitation.id;
        Q_EMIT wholeInvitationWanted(invitation);
    }
}

void InvitationDetails::presentRead(const QString &invitationId, const Result<Invitation> &read)
{
    if (invitationId != m_invitation.id)
        return; // another invitation is shown by now
    if (read)
        m_wholeMetadata = read.value().publicMetadata;
    else
        m_wholeUnreadable = read.error().userMessage();
    render();
}

void InvitationDetails::render()
{
    const Invitation &inv = m_invitation;
    QString status = m_status.toHtmlEscaped();
    if (!m_message.isEmpty())
        status += u"<br>"_s + m_message.toHtmlEscaped().replace(u'\n', u"<br>"_s);
    QString rows;
    rows += row(tr("Status"), status);
    rows += row(tr("Role"), (inv.roleName.isEmpty() ? inv.role : u"%1 (%2)"_s.arg(inv.roleName, inv.role)).toHtmlEscaped());
    if (inv.organization)
        rows += row(tr("Organization"), u"%1 <code>%2</code>"_s.arg(inv.organization->name.toHtmlEscaped(),
                                                                    inv.organization->id.toHtmlEscaped()));
    else if (!inv.organizationId.isEmpty())
        rows += row(tr("Organization"), u"<code>%1</code>"_s.arg(inv.organizationId.toHtmlEscaped()));
    if (inv.kind == InvitationKind::Application) // to sign up at all: there is no organization to name
        rows += row(tr("Kind"), tr("Application invitation: to sign up to the instance, not to an organization").toHtmlEscaped());
    rows += row(tr("Invited by"), inv.inviterDisplay().toHtmlEscaped());
    rows += row(tr("Invited"), both(inv.createdAt).toHtmlEscaped());
    rows += row(tr("Last changed"), both(inv.updatedAt).toHtmlEscaped());
    rows += row(tr("Expires"), (inv.expiresAt ? both(*inv.expiresAt) : tr("never")).toHtmlEscaped());
    rows += row(tr("Invitation ID"), u"<code>%1</code>"_s.arg(inv.id.toHtmlEscaped()));
    if (!inv.url.isEmpty())
        rows += row(tr("Link"), QString::fromUtf8(inv.url).toHtmlEscaped());
    // The list keeps little of an invitation's metadata: more is read again from Clerk when shown.
    const QJsonObject &publicMetadata = m_wholeMetadata ? *m_wholeMetadata : inv.publicMetadata;
    QString metadata;
    if (inv.metadataCut && !m_wholeMetadata)
        metadata = (m_wholeUnreadable.isEmpty() ? tr("Reading it from Clerk…")
                                                : tr("It could not be read from Clerk: %1").arg(m_wholeUnreadable))
                       .toHtmlEscaped();
    else if (publicMetadata.isEmpty())
        metadata = tr("none");
    else
        metadata = u"<pre>%1</pre>"_s.arg(QString::fromUtf8(QJsonDocument(publicMetadata).toJson()).toHtmlEscaped());
    rows += row(tr("Public metadata"), metadata);
    const QString history = m_history.isEmpty() ? tr("<p>Reading the audit log…</p>") : m_history;
    showTitle();
    m_text->setHtml(u"<table cellspacing='4'>%1</table><h4>%2</h4>%3"_s.arg(
        rows, tr("In this computer's audit log").toHtmlEscaped(), history));
}

} // namespace InviteDesk
