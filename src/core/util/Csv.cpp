#include "core/util/Csv.h"

using namespace Qt::StringLiterals;

namespace InviteDesk::Csv {

QString field(const QString &value)
{
    QString text = value;
    // What spreadsheet apps read as the start of a formula (OWASP's list, tab and carriage return included).
    static constexpr QStringView formulaStarts = u"=+-@\t\r";
    if (!text.isEmpty() && formulaStarts.contains(text.front()))
        text.prepend(u'\'');
    if (text.contains(u',') || text.contains(u'"') || text.contains(u'\n') || text.contains(u'\r')) {
        text.replace(u"\""_s, u"\"\""_s);
        return u'"' + text + u'"';
    }
    return text;
}

QString row(const QStringList &fields)
{
    QStringList quoted;
    quoted.reserve(fields.size());
    for (const QString &f : fields)
        quoted << field(f);
    return quoted.join(u',') + u"\r\n"_s;
}

} // namespace InviteDesk::Csv
