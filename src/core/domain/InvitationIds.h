#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QStringList>

#include <optional>

namespace InviteDesk {

/*!
 * What may be revoked by ID: Clerk's IDs are short runs of letters, digits and '_' ("orginv_2abc…").
 * Anything else (a stray header cell, binary junk, a pasted sentence) is refused before a request is
 * built, so a wrong file can never turn into thousands of requests or a megabyte-long audit record.
 */
namespace InvitationIds {

/*! Longer than any Clerk ID (about 34 characters) by far; longer than this is not an ID. */
constexpr int maxLength = 128;
/*! An ID file larger than this is refused: 16 MiB are half a million IDs, more than any organization holds. */
constexpr qint64 maxFileBytes = 16 * 1024 * 1024;

/*! Why \a id cannot be an invitation ID; nullopt when it can. */
std::optional<QString> problem(const QString &id);

struct FileContent
{
    QStringList ids;
    std::optional<QString> problem; //!< the first line that is not an ID, named
};

/*!
 * IDs from a file or standard input, one per line: the first field of each line (fields are separated
 * by spaces, tabs, commas or semicolons, so a spreadsheet's CSV export works), blank lines and lines
 * starting with '#' skipped, a UTF-8 byte order mark ignored, repeats dropped in order. The first
 * field that is not an ID stops the reading with its line number.
 */
FileContent read(const QByteArray &content);

} // namespace InvitationIds
} // namespace InviteDesk
