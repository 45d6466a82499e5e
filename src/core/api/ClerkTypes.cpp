#include "core/api/ClerkTypes.h"

#include <QtCore/QJsonDocument>

using namespace Qt::StringLiterals;

namespace InviteDesk {

InvitationStatus invitationStatusFromString(QStringView text)
{
    if (text == u"pending")
        return InvitationStatus::Pending;
    if (text == u"accepted")
        return InvitationStatus::Accepted;
    if (text == u"revoked")
        return InvitationStatus::Revoked;
    if (text == u"expired")
        return InvitationStatus::Expired;
    return InvitationStatus::Unknown;
}

QString kindKey(InvitationKind kind)
{
    return kind == InvitationKind::Application ? u"application"_s : u"organization"_s;
}

QString invitationStatusKey(InvitationStatus status)
{
    switch (status) {
    case InvitationStatus::Pending:
        return u"pending"_s;
    case InvitationStatus::Accepted:
        return u"accepted"_s;
    case InvitationStatus::Revoked:
        return u"revoked"_s;
    case InvitationStatus::Expired:
        return u"expired"_s;
    case InvitationStatus::Unknown:
        break;
    }
    return {};
}

QString InviterData::displayName() const
{
    const QString name = QString(firstName + u' ' + lastName).trimmed();
    if (!name.isEmpty())
        return name;
    if (!identifier.isEmpty())
        return identifier;
    return userId;
}

void Invitation::keepListedMetadataOnly()
{
    privateMetadata.reset();
    if (publicMetadata.isEmpty()
        || QJsonDocument(publicMetadata).toJson(QJsonDocument::Compact).size() <= listedMetadataBytes)
        return;
    publicMetadata = {};
    metadataCut = true;
}

QString Invitation::inviterDisplay() const
{
    if (inviter)
        return inviter->displayName();
    return inviterId;
}

} // namespace InviteDesk
