#include "core/domain/EmailAddress.h"

#include <algorithm>

namespace InviteDesk::EmailAddress {

namespace {
char16_t asciiLower(char16_t c)
{
    return c >= u'A' && c <= u'Z' ? char16_t(c + (u'a' - u'A')) : c;
}
} // namespace

bool same(QStringView a, QStringView b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (asciiLower(a.at(i).unicode()) != asciiLower(b.at(i).unicode()))
            return false;
    }
    return true;
}

QString key(const QString &address)
{
    // An address without capitals is its own key and shares its string: no copy per row of a long list.
    const auto capital = std::find_if(address.cbegin(), address.cend(), [](QChar c) { return asciiLower(c.unicode()) != c.unicode(); });
    if (capital == address.cend())
        return address;
    QString folded = address;
    for (qsizetype i = capital - address.cbegin(); i < folded.size(); ++i)
        folded[i] = QChar(asciiLower(folded.at(i).unicode()));
    return folded;
}

bool hasNonAscii(QStringView address)
{
    for (const QChar c : address) {
        if (c.unicode() > 0x7F)
            return true;
    }
    return false;
}

} // namespace InviteDesk::EmailAddress
