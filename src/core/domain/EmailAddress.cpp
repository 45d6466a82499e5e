#include "core/domain/EmailAddress.h"

#include <QtCore/QList>

#include <algorithm>

using namespace Qt::StringLiterals;

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

namespace {
/*! What decides, for one address, which of its characters are revealed. */
struct Context
{
    bool latin = false;      //!< it holds Latin letters: a letter of another script among them may imitate one
    bool decomposed = false; //!< NFKC changes it as a whole: a combining mark builds what a letter would show
};

Context contextOf(const QString &address, const QList<uint> &characters)
{
    Context context;
    context.latin = std::any_of(characters.cbegin(), characters.cend(),
                                [](uint c) { return QChar::isLetter(c) && QChar::script(c) == QChar::Script_Latin; });
    context.decomposed = address.normalized(QString::NormalizationForm_KC) != address;
    return context;
}

bool isMark(uint c)
{
    const QChar::Category category = QChar::category(c);
    return category == QChar::Mark_NonSpacing || category == QChar::Mark_SpacingCombining
           || category == QChar::Mark_Enclosing;
}

bool reveals(uint c, const Context &context)
{
    if (c < 0x80)
        return false;
    // Invisible: a soft hyphen, a word joiner, a tag; variation selectors and the grapheme joiner are
    // marks that show nothing either.
    if (QChar::category(c) == QChar::Other_Format || (c >= 0xFE00 && c <= 0xFE0F) || c == 0x034F
        || (c >= 0x180B && c <= 0x180F))
        return true;
    if (context.decomposed && isMark(c))
        return true;
    return mayImitate(char32_t(c), context.latin);
}
} // namespace

bool mayImitate(char32_t c, bool hasLatinLetters)
{
    if (c < 0x80)
        return false;
    const QString one = QString::fromUcs4(&c, 1);
    if (one.normalized(QString::NormalizationForm_KC) != one)
        return true;
    const QChar::Script script = QChar::script(c);
    return hasLatinLetters && QChar::isLetter(c) && script != QChar::Script_Latin && script != QChar::Script_Common
           && script != QChar::Script_Inherited;
}

bool mayImitate(const QString &address)
{
    if (std::all_of(address.cbegin(), address.cend(), [](QChar c) { return c.unicode() < 0x80; }))
        return false;
    const QList<uint> characters = address.toUcs4();
    const Context context = contextOf(address, characters);
    return std::any_of(characters.cbegin(), characters.cend(), [&context](uint c) { return reveals(c, context); });
}

QString revealed(const QString &address)
{
    if (!mayImitate(address))
        return address;
    const QList<uint> characters = address.toUcs4();
    const Context context = contextOf(address, characters);
    QString out;
    out.reserve(address.size() + 8);
    for (const uint c : characters) {
        if (reveals(c, context))
            out += u"\\u{"_s + QString::number(c, 16) + u'}';
        else
            out += QString::fromUcs4(reinterpret_cast<const char32_t *>(&c), 1);
    }
    return out;
}

} // namespace InviteDesk::EmailAddress
