#pragma once

#include "cli/Options.h"
#include "core/domain/Revocation.h"

#include <memory>
#include <optional>

QT_BEGIN_NAMESPACE
class QIODevice;
class QThreadPool;
QT_END_NAMESPACE

/*!
 * What invitedesk-cli prints. Text for people and line-based tools (tables, revoke lines) shows
 * control characters as escapes (printable()), and an address's characters outside ASCII too
 * (printableAddress()); JSON and CSV carry exact values.
 */
namespace InviteDesk::Cli::Output {

/*! Columns padded for a terminal; cells longer than \a maxColumnWidth are cut with an ellipsis. */
QString table(const QStringList &headers, const QList<QStringList> &rows, int maxColumnWidth = 60);

/*!
 * A table written as its rows arrive: its column widths come from its first rows (as a table of them
 * alone would have), and every cell is escaped and cut at 60 characters.
 */
class StreamedTable
{
public:
    StreamedTable(QIODevice *out, QStringList headers);
    void add(const QStringList &cells);
    /*! Writes what is held back (a table shorter than its sample). */
    void finish();

private:
    void write(const QStringList &cells);

    QIODevice *m_out;
    QStringList m_headers;
    QList<QStringList> m_heldBack;
    QList<qsizetype> m_widths;
};

/*!
 * Invitations as JSON (Clerk's own fields), CSV or a table, written as they come: the memory used
 * does not grow with the list. A JSON array cut short by a failure is left without its bracket.
 *
 * Pages handed over with addPage() are made into text on any free core at once (JSON, CSV; a table's
 * widths come from its first rows, so it is made on the writer's thread) and written in the order given
 * by the writer's own thread: the thread that reads the network goes back to it at once, and the last
 * pages of a list do not wait for each other. wait() (and finish(), and the destructor) waits for them.
 * While pages are being written, only wait() and finish() may touch \a out.
 */
class InvitationWriter
{
public:
    /*! A table \a withKind says which kind each row is (CSV always does, JSON by Clerk's `object`). */
    InvitationWriter(QIODevice *out, Format format, bool withOrganization, bool withKind = false);
    ~InvitationWriter();
    InvitationWriter(const InvitationWriter &) = delete;
    InvitationWriter &operator=(const InvitationWriter &) = delete;

    void add(const Invitation &invitation);
    /*! Writes \a page after the pages handed over before it, on the writer's thread, and flushes a file. */
    void addPage(QList<Invitation> page);
    /*! Returns once every page handed over is written. */
    void wait();
    /*! Waits for the pages, then closes the document (a JSON array's bracket). */
    void finish();
    /*! Rows handed over (all written after wait() or finish()). */
    qint64 rows() const { return m_rows; }

private:
    /*! The row \a index (from 0) of the output, as JSON or CSV text: the same for a row alone or in a page. */
    static QByteArray rowText(const Invitation &invitation, Format format, qint64 index);
    void writeRow(const Invitation &invitation, qint64 index);

    QIODevice *m_out;
    Format m_format;
    bool m_withOrganization;
    bool m_withKind;
    qint64 m_rows = 0;
    std::optional<StreamedTable> m_table;
    std::unique_ptr<QThreadPool> m_thread; //!< one thread, started by the first page; last: it stops first
};

/*! Organizations as JSON, CSV or a table. */
QString organizations(Format format, const QList<Organization> &organizations);

/*!
 * The team audit store's records (`audit team`) as JSON, CSV or a table, written as they arrive: the
 * memory used does not grow with the number of rows. A table takes its column widths from its first
 * rows (cells are cut at 60 characters anyway).
 */
class TeamActivityWriter
{
public:
    TeamActivityWriter(QIODevice *out, Format format);
    void add(const TeamActivityRow &row);
    /*! Writes what is held back and closes the document (a JSON array's bracket). */
    void finish();
    qint64 rows() const { return m_rows; }

private:
    QStringList tableCells(const TeamActivityRow &row) const;

    QIODevice *m_out;
    Format m_format;
    qint64 m_rows = 0;
    std::optional<StreamedTable> m_table;
};

/*! One tab-separated line for a settled revoke: ID, email, outcome and, for failures, the reason. */
QString revokeLine(const RevokeItem &item, const RevokeResult &result);

} // namespace InviteDesk::Cli::Output
