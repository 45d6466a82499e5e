#pragma once

#include "cli/Options.h"
#include "core/domain/Revocation.h"

QT_BEGIN_NAMESPACE
class QIODevice;
QT_END_NAMESPACE

/*!
 * What invitedesk-cli prints. Text for people and line-based tools (tables, revoke lines) shows
 * control characters as escapes (printable()); JSON and CSV carry exact values.
 */
namespace InviteDesk::Cli::Output {

/*! Columns padded for a terminal; cells longer than \a maxColumnWidth are cut with an ellipsis. */
QString table(const QStringList &headers, const QList<QStringList> &rows, int maxColumnWidth = 60);

/*! Invitations as JSON (Clerk's own fields), CSV or a table, written to \a out one at a time. */
void invitations(QIODevice *out, Format format, const QList<Invitation> &invitations, bool withOrganization);

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
    void writeTableRows(const QList<QStringList> &rows);

    QIODevice *m_out;
    Format m_format;
    qint64 m_rows = 0;
    QList<QStringList> m_heldBack; //!< a table's first rows, until the widths are known
    QList<qsizetype> m_widths;
};

/*! One tab-separated line for a settled revoke: ID, email, outcome and, for failures, the reason. */
QString revokeLine(const RevokeItem &item, const RevokeResult &result);

} // namespace InviteDesk::Cli::Output
