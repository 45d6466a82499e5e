#pragma once

#include "core/api/ClerkTypes.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QString>

#include <optional>

namespace InviteDesk {

/*!
 * What a listing shows, one owner for both front ends: one organization's invitations, one address's
 * across the instance, every organization invitation of the instance, or the instance's application
 * (sign-up) invitations — each with the status asked for. Every text a front end says about "here"
 * (a title, a sentence, the ticket's scope line, what is typed to confirm, an export's file name) is
 * decided here, once, instead of by an if/else per caller.
 */
class ListingScope
{
    Q_DECLARE_TR_FUNCTIONS(ListingScope)

public:
    enum class Kind { None, Organization, EmailAddress, Instance, Application };

    ListingScope() = default;
    static ListingScope ofOrganization(const Organization &organization, std::optional<InvitationStatus> status);
    /*! The window shows an address with every status ("everything for this person"); the CLI may ask one. */
    static ListingScope ofAddress(const QString &email, std::optional<InvitationStatus> status = std::nullopt);
    static ListingScope ofInstance(std::optional<InvitationStatus> status);
    static ListingScope ofApplication(std::optional<InvitationStatus> status);

    Kind kind() const { return m_kind; }
    bool isChosen() const { return m_kind != Kind::None; }
    const Organization &organization() const { return m_organization; }
    QString email() const { return m_email; }
    std::optional<InvitationStatus> status() const { return m_status; }
    /*! Whether the window's status choice applies (not to an address: it is shown with every status). */
    bool takesStatus() const { return m_kind != Kind::None && m_kind != Kind::EmailAddress; }
    /*! The same scope with another status; an address's stays as it is. */
    ListingScope withStatus(std::optional<InvitationStatus> status) const;
    /*! Rows come from several organizations: each row names its own. */
    bool spansOrganizations() const { return m_kind == Kind::EmailAddress || m_kind == Kind::Instance; }
    /*! Whether it is the same thing shown (its status and an organization's counts aside). */
    bool sameViewAs(const ListingScope &other) const;

    /*! A heading: "Acme", "ana@example.com", "All organizations", "Application invitations". */
    QString title() const;
    /*! The same inside a sentence ("Revoking 3 invitations in %1"). */
    QString inSentence() const;
    /*! The ticket summary's scope line. */
    QString ticketLine() const;
    /*! What failed when a load fails ("Loading invitations of Acme"). */
    QString loadingText() const;
    /*!
     * The revoke confirmation's "where" for \a count invitations in \a organizations organizations, and
     * what is typed to confirm them (Confirmation: an organization's handle, an address, or the count).
     */
    QString revokeWhere(int organizations) const;
    QString confirmationHandle(int count) const;
    /*! The first part of an export's file name: a slug, an address, "all-organizations". */
    QString fileStem() const;

    /*!
     * A revoke or re-invite done here changed \a organizationId's pending count by \a change: an
     * organization's seats line is right without reading it again. Whether this scope's count moved.
     */
    bool countPendingChange(const QString &organizationId, int change);

private:
    Kind m_kind = Kind::None;
    Organization m_organization;
    QString m_email;
    std::optional<InvitationStatus> m_status;
};

} // namespace InviteDesk
