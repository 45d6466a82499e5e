#include "core/domain/InvitationIds.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QSet>

using namespace Qt::StringLiterals;

namespace InviteDesk::InvitationIds {

std::optional<QString> problem(const QString &id)
{
    if (id.isEmpty())
        return QCoreApplication::translate("InvitationIds", "an empty ID");
    if (id.size() > maxLength)
        return QCoreApplication::translate("InvitationIds", "longer than %1 characters, so not an invitation ID")
            .arg(maxLength);
    for (const QChar c : id) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'_'
                        || u == u'-';
        if (!ok)
            return QCoreApplication::translate("InvitationIds",
                                               "not an invitation ID (IDs hold letters, digits, '_' and '-' only)");
    }
    return std::nullopt;
}

FileContent read(const QByteArray &content)
{
    FileContent result;
    QSet<QString> seen;
    QByteArrayView rest(content);
    if (rest.startsWith("\xEF\xBB\xBF"))
        rest = rest.sliced(3);
    auto isSeparator = [](QChar c) { return c.isSpace() || c == u',' || c == u';'; };
    for (int lineNumber = 1; !rest.isEmpty(); ++lineNumber) {
        const qsizetype nl = rest.indexOf('\n');
        const QByteArrayView line = nl < 0 ? rest : rest.first(nl);
        rest = nl < 0 ? QByteArrayView() : rest.sliced(nl + 1);
        const QString text = QString::fromUtf8(line.first(std::min<qsizetype>(line.size(), 4 * maxLength))).trimmed();
        if (text.isEmpty() || text.startsWith(u'#'))
            continue;
        // The first field: up to the first separator. A row of separators only (",,,") has none.
        qsizetype begin = 0;
        while (begin < text.size() && isSeparator(text.at(begin)))
            ++begin;
        qsizetype end = begin;
        while (end < text.size() && !isSeparator(text.at(end)))
            ++end;
        if (end == begin)
            continue;
        const QString id = text.mid(begin, end - begin);
        if (const std::optional<QString> why = problem(id)) {
            result.problem = QCoreApplication::translate("InvitationIds", "line %1: \"%2\" is %3")
                                 .arg(lineNumber)
                                 .arg(id.left(40) + (id.size() > 40 ? u"…"_s : QString()), *why);
            return result;
        }
        if (!seen.contains(id)) {
            seen.insert(id);
            result.ids << id;
        }
    }
    return result;
}

} // namespace InviteDesk::InvitationIds
