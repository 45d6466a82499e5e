#include "core/domain/Seats.h"

namespace InviteDesk {

std::optional<SeatUse> seatUseOf(const Organization &organization)
{
    if (!organization.membersCount || !organization.pendingInvitationsCount)
        return std::nullopt;
    return SeatUse{*organization.membersCount, *organization.pendingInvitationsCount,
                   organization.maxAllowedMemberships.value_or(0)};
}

} // namespace InviteDesk
