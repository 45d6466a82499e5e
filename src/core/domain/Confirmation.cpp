#include "core/domain/Confirmation.h"

namespace InviteDesk::Confirmation {

bool needsTypedHandle(bool production, int count)
{
    return production && count > typedConfirmationThreshold;
}

QString handleFor(const Organization &organization)
{
    return organization.slug.isEmpty() ? organization.id : organization.slug;
}

QString handleForCount(int count)
{
    return QString::number(count);
}

bool confirms(const QString &typed, const QString &expected)
{
    return !expected.isEmpty() && typed.trimmed() == expected;
}

} // namespace InviteDesk::Confirmation
