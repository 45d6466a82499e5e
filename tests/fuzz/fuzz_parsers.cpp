// libFuzzer targets, one per parser of Clerk's answers. Built by the "fuzz" preset (clang):
// every input must give a value or a Payload error — never a crash, a hang or a sanitizer report.

#include "core/api/ClerkError.h"
#include "core/api/ClerkJson.h"
#include "core/domain/InvitationIds.h"
#include "core/util/Csv.h"
#include "core/util/TextOutput.h"

#include <QtCore/QByteArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QSet>

#include <cstddef>
#include <cstdint>

using namespace InviteDesk;


extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
#if defined(FUZZ_INVITATION)
    const auto r = ClerkJson::parseInvitation(input);
    if (r)
        (void)ClerkJson::toJson(r.value());
#elif defined(FUZZ_INVITATION_PAGE)
    const auto r = ClerkJson::parseInvitationPage(input);
    if (r && r.value().data.size() > r.value().totalCount + 500)
        __builtin_trap(); // not an error by itself, but a page never holds more than 500
#elif defined(FUZZ_ORGANIZATION)
    const auto r = ClerkJson::parseOrganization(input);
    if (r)
        (void)ClerkJson::toJson(r.value());
#elif defined(FUZZ_ORGANIZATION_PAGE)
    (void)ClerkJson::parseOrganizationPage(input);
#elif defined(FUZZ_ROLE_PAGE)
    (void)ClerkJson::parseRolePage(input);
#elif defined(FUZZ_ERROR_ENVELOPE)
    // The body of any non-2xx answer, plus the Retry-After header from the first line.
    const qsizetype nl = input.indexOf('\n');
    const QByteArray retryAfter = nl < 0 ? QByteArray() : input.left(nl);
    const ClerkError e = ClerkError::fromHttp(429, nl < 0 ? input : input.mid(nl + 1), "ray", retryAfter);
    (void)e.oneLine();
#elif defined(FUZZ_ID_LIST)
    // invitedesk-cli revoke --from-file: any file gives a list of IDs, each one field, none twice.
    // Every ID it gives is a valid ID, none twice; a problem is named briefly.
    const InvitationIds::FileContent read = InvitationIds::read(input);
    QSet<QString> seen;
    for (const QString &id : read.ids) {
        if (InvitationIds::problem(id) || seen.contains(id))
            __builtin_trap();
        seen.insert(id);
    }
    if (read.problem && read.problem->size() > 300)
        __builtin_trap();
#elif defined(FUZZ_TEXT_OUTPUT)
    // Every text output escaper: whatever the bytes, no control or reordering character survives
    // printable(), and a CSV field never starts a formula and stays one field.
    const QString text = QString::fromUtf8(input);
    const QString shown = printable(text);
    for (const QChar c : shown) {
        const char16_t u = c.unicode();
        if (u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0) || (u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069))
            __builtin_trap();
    }
    if (printable(shown) != shown)
        __builtin_trap(); // what printable() made is itself printable
    const QString field = Csv::field(text);
    const QString unquoted = field.startsWith(u'"') ? field.mid(1) : field;
    if (!unquoted.isEmpty() && QStringView(u"=+-@\t\r").contains(unquoted.front()))
        __builtin_trap();
    if (field.startsWith(u'"') != (field.contains(u',') || field.contains(u'\n') || field.contains(u'\r') || field.contains(u'"')))
        __builtin_trap(); // a separator or a line break outside quotes would split the row
#else
#  error "define one FUZZ_* target"
#endif
    return 0;
}
