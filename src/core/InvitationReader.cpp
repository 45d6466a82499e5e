#include "core/InvitationReader.h"

#include <QtCore/QHash>
#include <QtCore/QJsonDocument>

#include <limits>

namespace InviteDesk::InvitationReader {
namespace {

constexpr int maxDepth = 32;
constexpr int maxPlainDigits = 15; // every integer this long is exact in a double, as Qt reads it
constexpr qint64 secondsCutoff = 100'000'000'000LL; // as ClerkJson: smaller timestamps are seconds

/*! A string as it stands between its quotes in the input. */
struct RawString
{
    QByteArrayView bytes;
    bool escaped = false;
    bool ascii = true;
};

/*! Strict UTF-8; also refuses what a stricter reader might treat differently (non-characters, BOM). */
bool isPlainUtf8(QByteArrayView bytes)
{
    const auto *s = reinterpret_cast<const unsigned char *>(bytes.data());
    const auto *const e = s + bytes.size();
    while (s < e) {
        const unsigned char lead = *s++;
        if (lead < 0x80)
            continue;
        int need = 0;
        char32_t cp = 0;
        char32_t smallest = 0;
        if ((lead & 0xE0) == 0xC0) {
            need = 1, cp = lead & 0x1F, smallest = 0x80;
        } else if ((lead & 0xF0) == 0xE0) {
            need = 2, cp = lead & 0x0F, smallest = 0x800;
        } else if ((lead & 0xF8) == 0xF0) {
            need = 3, cp = lead & 0x07, smallest = 0x10000;
        } else {
            return false;
        }
        if (e - s < need)
            return false;
        for (int i = 0; i < need; ++i) {
            if ((s[i] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (s[i] & 0x3F);
        }
        s += need;
        if (cp < smallest || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) || (cp & 0xFFFE) == 0xFFFE
            || (cp >= 0xFDD0 && cp <= 0xFDEF) || cp == 0xFEFF)
            return false;
    }
    return true;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/*! The code unit of the four hex digits at \a p, or -1. */
int hex4(const char *p)
{
    int unit = 0;
    for (int i = 0; i < 4; ++i) {
        const int digit = hexValue(p[i]);
        if (digit < 0)
            return -1;
        unit = unit * 16 + digit;
    }
    return unit;
}

/*! The text of a string that Reader::string() has already checked. */
QString decode(const RawString &s)
{
    if (!s.escaped)
        return s.ascii ? QString::fromLatin1(s.bytes) : QString::fromUtf8(s.bytes);
    QString text;
    text.reserve(s.bytes.size());
    const char *p = s.bytes.data();
    const char *const end = p + s.bytes.size();
    while (p < end) {
        const char *run = p;
        while (p < end && *p != '\\')
            ++p;
        if (p > run)
            text += QString::fromUtf8(run, p - run);
        if (p == end)
            break;
        const char letter = p[1];
        p += 2;
        switch (letter) {
        case 'b': text += u'\b'; break;
        case 'f': text += u'\f'; break;
        case 'n': text += u'\n'; break;
        case 'r': text += u'\r'; break;
        case 't': text += u'\t'; break;
        case 'u':
            text += QChar(char16_t(hex4(p)));
            p += 4;
            break;
        default: text += QLatin1Char(letter); break; // '"', '\\' and '/'
        }
    }
    return text;
}

/*!
 * Strings that repeat across a page (roles, statuses, organization and inviter fields) become one
 * shared QString, looked up by their bytes before any conversion.
 */
class StringPool
{
public:
    QString operator()(const RawString &s)
    {
        if (s.bytes.isEmpty())
            return QString();
        if (s.escaped)
            return decode(s);
        const auto it = m_strings.constFind(s.bytes);
        if (it != m_strings.cend())
            return *it;
        QString text = decode(s);
        m_strings.insert(s.bytes, text);
        return text;
    }

private:
    QHash<QByteArrayView, QString> m_strings;
};

/*! A pull reader over JSON text; every member returns false where the input leaves its narrow road. */
class Reader
{
public:
    explicit Reader(QByteArrayView json)
        : m_p(json.data())
        , m_end(json.data() + json.size())
    {
    }

    bool atEnd()
    {
        skipSpace();
        return m_p == m_end;
    }

    char peek()
    {
        skipSpace();
        return m_p == m_end ? '\0' : *m_p;
    }

    bool take(char c)
    {
        if (peek() != c)
            return false;
        ++m_p;
        return true;
    }

    bool string(RawString *out)
    {
        if (!take('"'))
            return false;
        const char *start = m_p;
        bool escaped = false;
        bool ascii = true;
        while (m_p < m_end) {
            const auto c = static_cast<unsigned char>(*m_p);
            if (c == '"') {
                *out = RawString{QByteArrayView(start, m_p - start), escaped, ascii};
                ++m_p;
                return ascii || isPlainUtf8(out->bytes);
            }
            if (c < 0x20)
                return false;
            if (c >= 0x80)
                ascii = false;
            if (c != '\\') {
                ++m_p;
                continue;
            }
            escaped = true;
            if (m_end - m_p < 2)
                return false;
            const char letter = m_p[1];
            m_p += 2;
            switch (letter) {
            case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't': break;
            case 'u': {
                if (m_end - m_p < 4)
                    return false;
                const int unit = hex4(m_p);
                if (unit <= 0 || QChar::isSurrogate(char16_t(unit)))
                    return false;
                m_p += 4;
                break;
            }
            default: return false;
            }
        }
        return false;
    }

    /*! A number in JSON's grammar; \a plain gets it when it is a non-negative integer of ≤ 15 digits. */
    bool number(std::optional<qint64> *plain)
    {
        skipSpace();
        const char *start = m_p;
        const bool negative = m_p < m_end && *m_p == '-';
        if (negative)
            ++m_p;
        const char *digits = m_p;
        if (m_p < m_end && *m_p == '0') {
            ++m_p;
        } else {
            while (m_p < m_end && *m_p >= '0' && *m_p <= '9')
                ++m_p;
        }
        const qsizetype count = m_p - digits;
        if (count == 0 || count > maxPlainDigits)
            return false;
        // Fractions and exponents never appear where InviteDesk reads numbers; the general
        // parser takes those answers (and decides about overflow the way Qt does).
        if (m_p < m_end && (*m_p == '.' || *m_p == 'e' || *m_p == 'E'))
            return false;
        qint64 value = 0;
        for (const char *d = digits; d < m_p; ++d)
            value = value * 10 + (*d - '0');
        if (negative)
            plain->reset();
        else
            *plain = value;
        return m_p > start;
    }

    /*! Any value, checked but not kept. */
    bool skipValue()
    {
        switch (peek()) {
        case '"': {
            RawString ignored;
            return string(&ignored);
        }
        case '{':
        case '[': return !structure().isNull();
        case 't': return literal("true");
        case 'f': return literal("false");
        case 'n': return literal("null");
        default: {
            std::optional<qint64> ignored;
            return number(&ignored);
        }
        }
    }

    bool literal(const char *word)
    {
        skipSpace();
        const qsizetype length = qsizetype(qstrlen(word));
        if (m_end - m_p < length || QByteArrayView(m_p, length) != QByteArrayView(word, length))
            return false;
        m_p += length;
        return true;
    }

    /*!
     * An object or array, for values the console keeps as QJsonObject (metadata) or ignores:
     * found by bracket matching, then checked and read by QJsonDocument itself. A null view
     * means it is not valid JSON.
     */
    QByteArrayView structure(QJsonObject *object = nullptr)
    {
        skipSpace();
        const char *start = m_p;
        int depth = 0;
        while (m_p < m_end) {
            const char c = *m_p++;
            if (c == '"') {
                while (m_p < m_end && *m_p != '"') {
                    if (*m_p == '\\' && m_end - m_p < 2)
                        return {};
                    m_p += *m_p == '\\' ? 2 : 1;
                }
                if (m_p >= m_end)
                    return {};
                ++m_p;
            } else if (c == '{' || c == '[') {
                if (++depth > maxDepth) // the general parser counts depth from the document's root
                    return {};
            } else if (c == '}' || c == ']') {
                if (--depth == 0)
                    break;
            }
        }
        if (depth != 0)
            return {};
        const QByteArrayView text(start, m_p - start);
        if (text == "{}" || text == "[]")
            return text;
        QJsonParseError error{};
        const QJsonDocument document = QJsonDocument::fromJson(text.toByteArray(), &error);
        if (error.error != QJsonParseError::NoError)
            return {};
        if (object)
            *object = document.object();
        return text;
    }

private:
    void skipSpace()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }

    const char *m_p;
    const char *m_end;
};

/*! Calls \a field(key) for each member of an object; false when the object or a field is off-road. */
template <typename Fn>
bool members(Reader &r, Fn field)
{
    if (!r.take('{'))
        return false;
    if (r.take('}'))
        return true;
    do {
        RawString key;
        if (!r.string(&key) || key.escaped || !r.take(':') || !field(key.bytes))
            return false;
    } while (r.take(','));
    return r.take('}');
}

/*! Tracks which fields an object has given, so that a repeated one hands the answer to Qt. */
class Seen
{
public:
    bool first(int field)
    {
        const quint32 bit = 1u << field;
        const bool fresh = !(m_bits & bit);
        m_bits |= bit;
        return fresh;
    }

private:
    quint32 m_bits = 0;
};

/*! A string field read as QJsonValue::toString() does: any other type is an empty string. */
bool text(Reader &r, StringPool &pool, QString *out)
{
    if (r.peek() != '"')
        return r.skipValue();
    RawString s;
    if (!r.string(&s))
        return false;
    *out = pool(s);
    return true;
}

/*! A timestamp as ClerkJson reads it: ms, or seconds scaled; any other type is absent. */
bool timestamp(Reader &r, std::optional<qint64> *out)
{
    const char c = r.peek();
    if (c != '-' && (c < '0' || c > '9')) {
        out->reset();
        return r.skipValue();
    }
    std::optional<qint64> value;
    if (!r.number(&value) || !value)
        return false;
    *out = *value > 0 && *value < secondsCutoff ? *value * 1000 : *value;
    return true;
}

bool flag(Reader &r, bool *out)
{
    *out = r.peek() == 't';
    return r.skipValue();
}

/*! A metadata object; \a isObject says whether the value was one (anything else reads as {}). */
bool metadata(Reader &r, QJsonObject *out, bool *isObject)
{
    *isObject = r.peek() == '{';
    if (!*isObject)
        return r.skipValue();
    return !r.structure(out).isNull();
}

bool inviterData(Reader &r, StringPool &pool, InviterData *out)
{
    Seen seen;
    return members(r, [&](QByteArrayView key) {
        if (key == "user_id")
            return seen.first(0) && text(r, pool, &out->userId);
        if (key == "first_name")
            return seen.first(1) && text(r, pool, &out->firstName);
        if (key == "last_name")
            return seen.first(2) && text(r, pool, &out->lastName);
        if (key == "image_url")
            return seen.first(3) && text(r, pool, &out->imageUrl);
        if (key == "identifier")
            return seen.first(4) && text(r, pool, &out->identifier);
        if (key == "has_image")
            return seen.first(5) && flag(r, &out->hasImage);
        return r.skipValue();
    });
}

bool organizationData(Reader &r, StringPool &pool, OrganizationRef *out)
{
    Seen seen;
    return members(r, [&](QByteArrayView key) {
        if (key == "id")
            return seen.first(0) && text(r, pool, &out->id);
        if (key == "name")
            return seen.first(1) && text(r, pool, &out->name);
        if (key == "slug")
            return seen.first(2) && text(r, pool, &out->slug);
        return r.skipValue();
    });
}

enum Field {
    Id,
    Email,
    Role,
    RoleName,
    OrganizationId,
    InviterId,
    Status,
    Url,
    PublicMetadata,
    PrivateMetadata,
    ExpiresAt,
    CreatedAt,
    UpdatedAt,
    Inviter,
    OrganizationData,
    Other
};

Field fieldOf(QByteArrayView key)
{
    switch (key.size()) {
    case 2: return key == "id" ? Id : Other;
    case 3: return key == "url" ? Url : Other;
    case 4: return key == "role" ? Role : Other;
    case 6: return key == "status" ? Status : Other;
    case 9: return key == "role_name" ? RoleName : Other;
    case 10:
        if (key == "created_at")
            return CreatedAt;
        if (key == "updated_at")
            return UpdatedAt;
        if (key == "expires_at")
            return ExpiresAt;
        return key == "inviter_id" ? InviterId : Other;
    case 13: return key == "email_address" ? Email : Other;
    case 15:
        if (key == "organization_id")
            return OrganizationId;
        return key == "public_metadata" ? PublicMetadata : Other;
    case 16: return key == "private_metadata" ? PrivateMetadata : Other;
    case 19: return key == "public_inviter_data" ? Inviter : Other;
    case 24: return key == "public_organization_data" ? OrganizationData : Other;
    default: return Other;
    }
}

bool invitation(Reader &r, StringPool &pool, Invitation *inv)
{
    Seen seen;
    bool hasId = false;
    bool hasEmail = false;
    std::optional<qint64> created;
    std::optional<qint64> updated;
    const bool ok = members(r, [&](QByteArrayView key) {
        const Field field = fieldOf(key);
        if (field != Other && !seen.first(field))
            return false;
        RawString s;
        bool isObject = false;
        switch (field) {
        case Id:
            if (!r.string(&s) || s.bytes.isEmpty())
                return false;
            inv->id = decode(s);
            return hasId = true;
        case Email:
            if (!r.string(&s))
                return false;
            inv->emailAddress = decode(s);
            return hasEmail = true;
        case Role: return text(r, pool, &inv->role);
        case RoleName: return text(r, pool, &inv->roleName);
        case OrganizationId: return text(r, pool, &inv->organizationId);
        case InviterId: return text(r, pool, &inv->inviterId);
        case Status: return text(r, pool, &inv->statusText);
        case Url:
            if (r.peek() != '"')
                return r.skipValue();
            if (!r.string(&s))
                return false;
            inv->url = decode(s);
            return true;
        case PublicMetadata: return metadata(r, &inv->publicMetadata, &isObject);
        case PrivateMetadata: {
            QJsonObject object;
            if (!metadata(r, &object, &isObject))
                return false;
            if (isObject)
                inv->privateMetadata = std::move(object);
            return true;
        }
        case ExpiresAt: return timestamp(r, &inv->expiresAt);
        case CreatedAt: return timestamp(r, &created) && created.has_value();
        case UpdatedAt: return timestamp(r, &updated);
        case Inviter: {
            if (r.peek() != '{')
                return r.skipValue();
            InviterData data;
            if (!inviterData(r, pool, &data))
                return false;
            inv->inviter = std::move(data);
            return true;
        }
        case OrganizationData: {
            if (r.peek() != '{')
                return r.skipValue();
            OrganizationRef ref;
            if (!organizationData(r, pool, &ref))
                return false;
            inv->organization = std::move(ref);
            return true;
        }
        case Other: return r.skipValue();
        }
        return false;
    });
    if (!ok || !hasId || !hasEmail || !created)
        return false;
    inv->createdAt = *created;
    inv->updatedAt = updated.value_or(*created);
    inv->status = invitationStatusFromString(inv->statusText);
    if (inv->organizationId.isEmpty() && inv->organization)
        inv->organizationId = inv->organization->id;
    return true;
}

} // namespace

std::optional<Page<Invitation>> readPage(QByteArrayView json)
{
    Reader r(json);
    StringPool pool;
    Page<Invitation> page;
    Seen seen;
    bool hasData = false;
    bool hasTotal = false;
    const bool ok = members(r, [&](QByteArrayView key) {
        if (key == "data") {
            if (!seen.first(0) || !r.take('['))
                return false;
            hasData = true;
            if (r.take(']'))
                return true;
            page.data.reserve(qMin<qsizetype>(500, json.size() / 400));
            do {
                Invitation inv;
                if (!invitation(r, pool, &inv))
                    return false;
                page.data.append(std::move(inv));
            } while (r.take(','));
            return r.take(']');
        }
        if (key == "total_count") {
            std::optional<qint64> total;
            if (!seen.first(1) || !r.number(&total) || !total || *total > std::numeric_limits<int>::max())
                return false;
            page.totalCount = *total;
            return hasTotal = true;
        }
        return r.skipValue();
    });
    if (!ok || !hasData || !hasTotal || !r.atEnd())
        return std::nullopt;
    return page;
}

std::optional<Invitation> readOne(QByteArrayView json)
{
    Reader r(json);
    StringPool pool;
    Invitation inv;
    if (!invitation(r, pool, &inv) || !r.atEnd())
        return std::nullopt;
    return inv;
}

} // namespace InviteDesk::InvitationReader
