#include "cli/Output.h"

#include "core/api/ClerkJson.h"
#include "core/domain/Seats.h"
#include "core/util/Csv.h"
#include "core/util/TextOutput.h"

#include <QtCore/QDateTime>
#include <QtCore/QFileDevice>
#include <QtCore/QIODevice>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <QtCore/QTimeZone>

using namespace Qt::StringLiterals;

namespace InviteDesk::Cli::Output {

namespace {
QString isoDate(qint64 ms)
{
    return ms ? QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(Qt::ISODate).left(10) : u"-"_s;
}
} // namespace

QString table(const QStringList &headers, const QList<QStringList> &rows, int maxColumnWidth)
{
    // A hostile name never reaches the terminal as control codes: every cell is escaped first.
    QList<QStringList> shown;
    shown.reserve(rows.size() + 1);
    shown << headers;
    for (const QStringList &row : rows) {
        QStringList cells;
        for (const QString &cell : row) {
            QString text = printable(cell);
            if (text.size() > maxColumnWidth)
                text = text.left(maxColumnWidth - 1) + u'…';
            cells << text;
        }
        shown << cells;
    }
    QList<qsizetype> widths(headers.size(), 0);
    for (const QStringList &row : std::as_const(shown)) {
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], row[i].size()); // a rough measure that is right for Latin text
    }
    QString out;
    for (const QStringList &row : std::as_const(shown)) {
        for (qsizetype i = 0; i < row.size(); ++i)
            out += i + 1 == row.size() ? row[i] : row[i].leftJustified(widths[i]) + u"  "_s;
        out += u'\n';
    }
    return out;
}

StreamedTable::StreamedTable(QIODevice *out, QStringList headers) : m_out(out), m_headers(std::move(headers)) {}

void StreamedTable::add(const QStringList &cells)
{
    if (!m_widths.isEmpty())
        return write(cells);
    m_heldBack << cells;
    if (m_heldBack.size() >= 200)
        finish();
}

void StreamedTable::finish()
{
    if (!m_widths.isEmpty())
        return;
    // The first rows decide the widths, as a table of them alone would.
    m_widths.fill(0, m_headers.size());
    QList<QStringList> sample = std::exchange(m_heldBack, {});
    sample.prepend(m_headers);
    for (const QStringList &row : std::as_const(sample)) {
        for (qsizetype i = 0; i < row.size() && i < m_widths.size(); ++i)
            m_widths[i] = std::max(m_widths[i], std::min<qsizetype>(printable(row[i]).size(), 60));
    }
    for (const QStringList &row : std::as_const(sample))
        write(row);
}

void StreamedTable::write(const QStringList &cells)
{
    // A hostile name never reaches the terminal as control codes: every cell is escaped first.
    QString line;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        QString text = printable(cells[i]);
        if (text.size() > 60)
            text = text.left(59) + u'…';
        line += i + 1 == cells.size() ? text : text.leftJustified(m_widths.value(i)) + u"  "_s;
    }
    m_out->write((line + u'\n').toUtf8());
}

InvitationWriter::InvitationWriter(QIODevice *out, Format format, bool withOrganization, bool withKind)
    : m_out(out), m_format(format), m_withOrganization(withOrganization), m_withKind(withKind)
{
    if (m_format == Format::Json) {
        m_out->write("[");
    } else if (m_format == Format::Csv) {
        m_out->write(Csv::invitationHeader().toUtf8());
    } else {
        QStringList headers{u"EMAIL"_s, u"ROLE"_s, u"STATUS"_s, u"INVITED"_s, u"EXPIRES"_s, u"ID"_s};
        if (m_withOrganization)
            headers.insert(1, u"ORGANIZATION"_s);
        if (m_withKind)
            headers.insert(1, u"KIND"_s);
        m_table.emplace(m_out, headers);
    }
}

QByteArray InvitationWriter::rowText(const Invitation &inv, Format format, qint64 index)
{
    if (format == Format::Json)
        return (index == 0 ? "\n" : ",\n") + QJsonDocument(ClerkJson::toJson(inv)).toJson(QJsonDocument::Compact);
    return Csv::invitationRow(inv).toUtf8();
}

void InvitationWriter::add(const Invitation &inv)
{
    writeRow(inv, m_rows++);
}

void InvitationWriter::writeRow(const Invitation &inv, qint64 index)
{
    if (m_format != Format::Table) {
        m_out->write(rowText(inv, m_format, index));
    } else {
        // An address shows its characters outside ASCII as escapes: a look-alike never passes for another.
        QStringList row{printableAddress(inv.emailAddress), inv.role, inv.statusText, isoDate(inv.createdAt),
                        inv.expiresAt ? isoDate(*inv.expiresAt) : u"-"_s, inv.id};
        if (m_withOrganization)
            row.insert(1, inv.organization ? inv.organization->slug : inv.kind == InvitationKind::Application ? u"-"_s : inv.organizationId);
        if (m_withKind)
            row.insert(1, kindKey(inv.kind));
        m_table->add(row);
    }
}

InvitationWriter::~InvitationWriter()
{
    wait(); // a page being written still uses this writer and its device
}

void InvitationWriter::addPage(QList<Invitation> page)
{
    if (!m_thread) {
        m_thread = std::make_unique<QThreadPool>();
        m_thread->setMaxThreadCount(1); // one thread: pages are written in the order they were given
        m_thread->setExpiryTimeout(-1);
    }
    const qint64 first = m_rows;
    m_rows += page.size();
    auto flush = [this] {
        if (auto *file = qobject_cast<QFileDevice *>(m_out))
            file->flush(); // out at once: a reader downstream starts while the rest loads
    };
    if (m_format == Format::Table) {
        m_thread->start([this, flush, page = std::move(page), first] {
            for (qsizetype i = 0; i < page.size(); ++i)
                writeRow(page.at(i), first + i);
            flush();
        });
        return;
    }
    QFuture<QByteArray> text = QtConcurrent::run([page = std::move(page), format = m_format, first] {
        QByteArray out;
        for (qsizetype i = 0; i < page.size(); ++i)
            out += rowText(page.at(i), format, first + i);
        return out;
    });
    m_thread->start([this, flush, text]() mutable {
        m_out->write(text.result());
        flush();
    });
}

void InvitationWriter::wait()
{
    if (m_thread)
        m_thread->waitForDone();
}

void InvitationWriter::finish()
{
    wait();
    if (m_format == Format::Json)
        m_out->write(m_rows ? "\n]\n" : "]\n");
    else if (m_table)
        m_table->finish();
}

QString organizations(Format format, const QList<Organization> &organizations)
{
    auto count = [](const std::optional<qint64> &n, const QString &none) { return n ? QString::number(*n) : none; };
    if (format == Format::Json) {
        QJsonArray array;
        for (const Organization &org : organizations)
            array.append(ClerkJson::toJson(org));
        return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
    }
    if (format == Format::Csv) {
        QString out = Csv::row({u"id"_s, u"slug"_s, u"name"_s, u"members_count"_s, u"pending_invitations_count"_s,
                                u"max_allowed_memberships"_s, u"created_at"_s});
        for (const Organization &org : organizations)
            out += Csv::row({org.id, org.slug, org.name, count(org.membersCount, {}), count(org.pendingInvitationsCount, {}),
                             count(org.maxAllowedMemberships, {}),
                             org.createdAt ? QDateTime::fromMSecsSinceEpoch(org.createdAt, QTimeZone::utc()).toString(Qt::ISODate)
                                           : QString()});
        return out;
    }
    QList<QStringList> rows;
    for (const Organization &org : organizations) {
        const std::optional<SeatUse> seats = seatUseOf(org);
        rows << QStringList{org.id, org.slug, org.name, count(org.membersCount, u"-"_s),
                            count(org.pendingInvitationsCount, u"-"_s),
                            !seats || !seats->hasLimit() ? u"-"_s
                            : seats->heldByInvitations()
                                ? u"%1 (full; revoke %2 to free a seat)"_s.arg(seats->limit).arg(seats->revokesForOneSeat())
                            : seats->atLimit() ? u"%1 (full)"_s.arg(seats->limit)
                                               : QString::number(seats->limit)};
    }
    return table({u"ID"_s, u"SLUG"_s, u"NAME"_s, u"MEMBERS"_s, u"PENDING"_s, u"LIMIT"_s}, rows);
}

namespace {
const QStringList &teamTableHeaders()
{
    static const QStringList headers{u"TIME (UTC)"_s, u"AGENT (ROLE)"_s, u"WHAT"_s,    u"ORGANIZATION"_s,
                                     u"EMAIL"_s,      u"INVITATION"_s,   u"TICKET"_s, u"FLAG"_s};
    return headers;
}
} // namespace

TeamActivityWriter::TeamActivityWriter(QIODevice *out, Format format) : m_out(out), m_format(format)
{
    if (m_format == Format::Json)
        m_out->write("[");
    else if (m_format == Format::Csv)
        m_out->write(Csv::row(TeamActivityRow::fieldNames()).toUtf8());
    else
        m_table.emplace(m_out, teamTableHeaders());
}

QStringList TeamActivityWriter::tableCells(const TeamActivityRow &r) const
{
    // The account the record names and the database role that sent it, always both: either alone can lie.
    return {r.at.toString(u"yyyy-MM-dd HH:mm:ss"_s),
            r.operatorName + u" ("_s + r.sentBy + u')',
            r.outcome.isEmpty() ? r.event : r.event + u' ' + r.outcome,
            r.organizationName.isEmpty() ? r.organizationId : r.organizationName,
            printableAddress(r.email),
            r.invitationId,
            r.ticket,
            r.flag.isEmpty() ? QString() : u"! "_s + r.flag};
}

void TeamActivityWriter::add(const TeamActivityRow &r)
{
    ++m_rows;
    if (m_format == Format::Json) {
        const QStringList headers = TeamActivityRow::fieldNames();
        const QStringList values = r.fields();
        QJsonObject object;
        for (qsizetype i = 0; i < headers.size(); ++i)
            object.insert(headers.at(i), values.at(i));
        m_out->write(m_rows == 1 ? "\n  " : ",\n  ");
        m_out->write(QJsonDocument(object).toJson(QJsonDocument::Compact));
    } else if (m_format == Format::Csv) {
        m_out->write(Csv::row(r.fields()).toUtf8());
    } else {
        m_table->add(tableCells(r));
    }
}

void TeamActivityWriter::finish()
{
    if (m_format == Format::Json)
        m_out->write(m_rows ? "\n]\n" : "]\n");
    else if (m_table)
        m_table->finish();
}

QString revokeLine(const RevokeItem &item, const RevokeResult &result)
{
    QString email = item.emailAddress;
    if (email.isEmpty() && result.invitation)
        email = result.invitation->emailAddress;
    // Tab-separated, one line per invitation: no field may hold a tab or a newline of its own.
    QString line = printable(item.invitationId) + u'\t' + (email.isEmpty() ? u"-"_s : printableAddress(email)) + u'\t'
                   + revokeOutcomeKey(result.outcome);
    if (result.error && !revokeSucceeded(result.outcome))
        line += u'\t' + printable(result.error->oneLine());
    return line + u'\n';
}

} // namespace InviteDesk::Cli::Output
