#pragma once

#include "core/api/ClerkTypes.h"

#include <optional>

namespace InviteDesk {

/*!
 * Who holds an organization's seats. Clerk counts pending invitations against the membership limit
 * (a new member is refused with organization_membership_quota_exceeded), and a limit of 0 is no limit.
 */
struct SeatUse
{
    int members = 0;
    int pending = 0;
    int limit = 0; //!< 0: no limit

    bool hasLimit() const { return limit > 0; }
    bool atLimit() const { return hasLimit() && members + pending >= limit; }
    /*! At the limit only because of pending invitations: revoking some lets a member join. */
    bool heldByInvitations() const { return atLimit() && members < limit; }
    /*! How many pending invitations to revoke so that one more member can join (0 when none would help). */
    int revokesForOneSeat() const { return heldByInvitations() ? members + pending - limit + 1 : 0; }
};

/*! nullopt when the organization was read without its counts (include_members_count). */
std::optional<SeatUse> seatUseOf(const Organization &organization);

} // namespace InviteDesk
