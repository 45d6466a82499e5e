#include "core/util/TextOutput.h"

#include "core/domain/EmailAddress.h"

#include <QtCore/QList>

using namespace Qt::StringLiterals;

namespace InviteDesk {

namespace {

/*! Characters that change how the text around them is shown, or are not shown at all. */
bool isInvisibleFormatting(char32_t c)
{
    return (c >= 0x200B && c <= 0x200F)    // zero-width space/joiners, LRM, RLM
           || (c >= 0x202A && c <= 0x202E) // bidirectional embeddings and overrides
           || (c >= 0x2066 && c <= 0x2069) // bidirectional isolates
           || c == 0x061C                  // Arabic letter mark
           || c == 0x2028 || c == 0x2029   // line and paragraph separators
           || c == 0xFEFF;                 // zero-width no-break space
}

bool needsEscape(char32_t c)
{
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || isInvisibleFormatting(c);
}

} // namespace

QString printable(const QString &text)
{
    // The common case (an ordinary address) costs one scan and no copy.
    bool plain = true;
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || (c.unicode() >= 0x7F && c.unicode() < 0xA0) || (c.unicode() >= 0x200B && c.unicode() <= 0x206F)
            || c.unicode() == 0x061C || c.unicode() == 0xFEFF || c.isSurrogate()) {
            plain = false;
            break;
        }
    }
    if (plain)
        return text;

    QString out;
    out.reserve(text.size() + 8);
    for (const char32_t c : text.toUcs4()) {
        switch (c) {
        case U'\t': out += u"\\t"_s; continue;
        case U'\n': out += u"\\n"_s; continue;
        case U'\r': out += u"\\r"_s; continue;
        case 0x1B: out += u"\\e"_s; continue;
        default: break;
        }
        if (needsEscape(c))
            out += u"\\u{"_s + QString::number(uint(c), 16) + u'}';
        else if (c == 0xFFFD || QChar::isSurrogate(c)) // an unpaired surrogate from toUcs4() shows as U+FFFD
            out += QChar(QChar::ReplacementCharacter);
        else
            out += QString::fromUcs4(&c, 1);
    }
    return out;
}

QString printableAddress(const QString &address)
{
    return printable(EmailAddress::revealed(address)); // its escapes are ASCII: printable() leaves them
}

} // namespace InviteDesk
