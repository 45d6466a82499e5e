#include "sandbox/SandboxStore.h"

#include "core/util/Durations.h"

#include <QtCore/QDateTime>
#include <QtCore/QJsonArray>

using namespace Qt::StringLiterals;

namespace InviteDesk::Sandbox {

namespace {


const char16_t *const firstNames[] = {
    u"Ada",    u"Grace",  u"Linus",   u"Zoë",    u"José",   u"Aiko",    u"Chidi",  u"Ingrid", u"Mateus", u"Priya",
    u"Oluwa",  u"Sven",   u"Mei",     u"Fatima", u"Nikolai", u"Ana",    u"Björn",  u"Camille", u"Dmitri", u"Élodie",
    u"Farah",  u"Gunnar", u"Hana",    u"Ísak",   u"Jürgen", u"Kalani",  u"Łucja",  u"Mónica", u"Nour",   u"Oskar",
};
const char16_t *const lastNames[] = {
    u"Lovelace", u"Hopper",  u"Ångström", u"Núñez",   u"Okafor",  u"Tanaka",  u"Müller",  u"Silva",    u"Sharma",
    u"Adeyemi",  u"Larsson", u"Chen",     u"Haddad",  u"Petrov",  u"Kowalski", u"Dubois",  u"Rossi",    u"O'Brien",
    u"Nakamura", u"García",  u"Johansson", u"Kim",    u"Novák",   u"Yılmaz",  u"Fischer", u"Moreau",   u"Singh",
};
const char16_t *const fillerFirst[] = {
    u"Northwind", u"Blue Harbor", u"Cobalt",  u"Evergreen", u"Silverline", u"Red Maple", u"Quantum", u"Helios",
    u"Granite",   u"Lighthouse",  u"Juniper", u"Aurora",    u"Summit",     u"Pioneer",   u"Orchid",  u"Meridian",
};
const char16_t *const fillerSecond[] = {
    u"Labs", u"Health", u"Logistics", u"Analytics", u"Studios", u"Foods", u"Energy", u"Partners", u"Robotics", u"Bank",
};
const char16_t *const departments[] = {u"Platform", u"Sales", u"Support", u"Finance", u"Design", u"Legal"};

template <typename T, std::size_t N>
QString pick(QRandomGenerator &random, const T (&list)[N])
{
    return QString::fromUtf16(list[random.bounded(int(N))]);
}

QString asciiFold(const QString &text)
{
    QString folded = text.normalized(QString::NormalizationForm_KD);
    folded.removeIf([](QChar c) { return c.unicode() > 0x7f || c == u'\''; });
    return folded.toLower();
}

} // namespace

SandboxStore::SandboxStore() : SandboxStore(SeedOptions{}) {}

SandboxStore::SandboxStore(const SeedOptions &options) : m_random(options.seed)
{
    seed(options);
    seedApplicationInvitations(options);
    reindex();
}

SandboxInvitation *SandboxStore::applicationInvitation(const QString &invitationId)
{
    for (SandboxInvitation &inv : applicationInvitations) {
        if (inv.id == invitationId)
            return &inv;
    }
    return nullptr;
}

void SandboxStore::seedApplicationInvitations(const SeedOptions &options)
{
    const qint64 now = options.now ? options.now : QDateTime::currentMSecsSinceEpoch();
    QRandomGenerator rng(options.seed ^ 0x5EED'A99u);
    auto token = [&rng](int length) {
        static constexpr char alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        QString t(length, Qt::Uninitialized);
        for (QChar &c : t)
            c = QLatin1Char(alphabet[rng.bounded(62)]);
        return t;
    };
    // Addresses an organization also invited: the ex-contractor whose sign-up invitation stays open after
    // every organization's is revoked.
    QStringList shared{u"sam.contractor@freelance.example"_s};
    for (const SandboxOrganization &org : organizations) {
        for (std::size_t i = 0; i < org.invitations.size() && shared.size() < 40; i += 97)
            shared << org.invitations[i].emailAddress;
    }
    for (int i = 0; i < options.applicationInvitations; ++i) {
        SandboxInvitation inv;
        inv.id = u"inv_2"_s + token(26);
        const int roll = rng.bounded(100);
        inv.status = i == 0 ? u"pending"_s : roll < 70 ? u"pending"_s : roll < 85 ? u"accepted"_s : roll < 95 ? u"revoked"_s : u"expired"_s;
        inv.emailAddress = i < shared.size() && rng.bounded(100) < 60
                               ? shared.at(i)
                               : asciiFold(pick(rng, firstNames)) + u'.' + asciiFold(pick(rng, lastNames))
                                     + QString::number(rng.bounded(100000)) + u"@signup.example"_s;
        if (i == 0)
            inv.emailAddress = shared.first();
        const qint64 minAge = inv.status == "expired"_L1 ? 31 * msPerDay : msPerHour;
        const qint64 maxAge = inv.status == "pending"_L1 ? 29 * msPerDay : 120 * msPerDay;
        inv.createdAt = now - (minAge + qint64(rng.bounded(double(maxAge - minAge))));
        inv.expiresAt = inv.createdAt + 30 * msPerDay;
        inv.updatedAt = inv.status == "pending"_L1 ? inv.createdAt : std::min(now, inv.createdAt + msPerDay);
        if (rng.bounded(100) < 30)
            inv.publicMetadata = QJsonObject{{"plan"_L1, rng.bounded(2) ? u"pro"_s : u"team"_s}};
        inv.url = u"https://accounts.example/sign-up?__clerk_ticket="_s + token(32);
        applicationInvitations.push_back(std::move(inv));
    }
    std::stable_sort(applicationInvitations.begin(), applicationInvitations.end(),
                     [](const SandboxInvitation &a, const SandboxInvitation &b) { return a.createdAt < b.createdAt; });
}

QString SandboxStore::newToken(int length)
{
    static constexpr char alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    QString token(length, Qt::Uninitialized);
    for (int i = 0; i < length; ++i)
        token[i] = QLatin1Char(alphabet[m_random.bounded(62)]);
    return token;
}

QString SandboxStore::newId(const QString &prefix)
{
    return prefix + u"_2"_s + newToken(26);
}

void SandboxStore::reindex()
{
    m_orgById.clear();
    m_orgBySlug.clear();
    m_userById.clear();
    m_invitationIndex.clear();
    for (int i = 0; i < int(organizations.size()); ++i) {
        const SandboxOrganization &org = organizations[i];
        m_orgById.insert(org.id, i);
        if (!org.slug.isEmpty())
            m_orgBySlug.insert(org.slug, i);
        for (qsizetype j = 0; j < qsizetype(org.invitations.size()); ++j)
            m_invitationIndex.insert(org.invitations[j].id, j);
    }
    for (int i = 0; i < int(users.size()); ++i)
        m_userById.insert(users[i].id, i);
}

SandboxOrganization *SandboxStore::organization(const QString &idOrSlug, bool allowSlug)
{
    auto it = m_orgById.constFind(idOrSlug);
    if (it != m_orgById.cend())
        return &organizations[*it];
    if (allowSlug) {
        it = m_orgBySlug.constFind(idOrSlug);
        if (it != m_orgBySlug.cend())
            return &organizations[*it];
    }
    return nullptr;
}

SandboxInvitation *SandboxStore::invitation(const QString &organizationId, const QString &invitationId)
{
    SandboxOrganization *org = organization(organizationId, false);
    const auto it = m_invitationIndex.constFind(invitationId);
    if (!org || it == m_invitationIndex.cend() || *it >= qsizetype(org->invitations.size()))
        return nullptr;
    SandboxInvitation &inv = org->invitations[*it];
    return inv.id == invitationId ? &inv : nullptr;
}

const SandboxUser *SandboxStore::user(const QString &id) const
{
    const auto it = m_userById.constFind(id);
    return it == m_userById.cend() ? nullptr : &users[*it];
}

const SandboxRole *SandboxStore::role(const QString &key) const
{
    for (const SandboxRole &role : roles) {
        if (role.key == key)
            return &role;
    }
    return nullptr;
}

QString SandboxStore::effectiveStatus(const SandboxInvitation &invitation, qint64 now)
{
    if (invitation.status == "pending"_L1 && invitation.expiresAt != 0 && invitation.expiresAt <= now)
        return u"expired"_s;
    return invitation.status;
}

bool SandboxStore::hasStatus(const SandboxInvitation &invitation, QStringView status, qint64 now)
{
    if (invitation.expiresAt != 0 && invitation.expiresAt <= now && invitation.status == "pending"_L1)
        return status == "expired"_L1;
    return invitation.status == status;
}

int SandboxStore::countWithStatus(const SandboxOrganization &organization, const QString &status, qint64 now) const
{
    int count = 0;
    for (const SandboxInvitation &inv : organization.invitations)
        count += hasStatus(inv, status, now) ? 1 : 0;
    return count;
}

SandboxInvitation &SandboxStore::addInvitation(SandboxOrganization &organization, SandboxInvitation invitation)
{
    invitation.organizationId = organization.id;
    organization.invitations.push_back(std::move(invitation));
    m_invitationIndex.insert(organization.invitations.back().id, qsizetype(organization.invitations.size()) - 1);
    return organization.invitations.back();
}

void SandboxStore::seed(const SeedOptions &options)
{
    const qint64 now = options.now ? options.now : QDateTime::currentMSecsSinceEpoch();
    QRandomGenerator &rng = m_random;

    roles = {
        {newId(u"role"_s), u"org:admin"_s, u"Admin"_s, u"Can manage members, invitations and settings."_s, now - 400 * msPerDay},
        {newId(u"role"_s), u"org:member"_s, u"Member"_s, u"Can read organization resources."_s, now - 400 * msPerDay},
        {newId(u"role"_s), u"org:billing_manager"_s, u"Billing manager"_s, u"Manages subscriptions and invoices."_s, now - 200 * msPerDay},
        {newId(u"role"_s), u"org:viewer"_s, u"Viewer"_s, QString(), now - 100 * msPerDay},
    };

    for (int i = 0; i < 40; ++i) {
        SandboxUser user;
        user.id = newId(u"user"_s);
        user.firstName = pick(rng, firstNames);
        user.lastName = pick(rng, lastNames);
        user.email = asciiFold(user.firstName) + u'.' + asciiFold(user.lastName) + u"@staff.example"_s;
        user.imageUrl = u"https://img.clerk.example/"_s + user.id;
        users.push_back(user);
    }

    auto makeOrg = [&](const QString &name, const QString &slug, qint64 createdAt) -> SandboxOrganization & {
        SandboxOrganization org;
        org.id = newId(u"org"_s);
        org.name = name;
        org.slug = slug;
        org.createdAt = createdAt;
        org.updatedAt = createdAt + msPerDay;
        org.maxAllowedMemberships = 0;
        // Two or three admins and a few members, so requesting_user_id can be checked.
        const int admins = 2 + rng.bounded(2);
        for (int i = 0; i < admins + 4; ++i) {
            const SandboxUser &user = users[rng.bounded(int(users.size()))];
            if (!org.members.contains(user.id))
                org.members.insert(user.id, i < admins ? u"org:admin"_s : u"org:member"_s);
        }
        org.createdBy = org.members.keys().value(0);
        organizations.push_back(std::move(org));
        return organizations.back();
    };

    auto adminsOf = [](const SandboxOrganization &org) {
        QStringList admins;
        for (auto it = org.members.cbegin(); it != org.members.cend(); ++it) {
            if (it.value() == "org:admin"_L1)
                admins << it.key();
        }
        admins.sort();
        return admins;
    };

    // Invitations are generated in creation order: the newest is added last.
    auto addInvitations = [&](SandboxOrganization &org, int count, const QString &status, const QString &domain,
                              qint64 minAgeMs, qint64 maxAgeMs) {
        const QStringList admins = adminsOf(org);
        std::vector<SandboxInvitation> batch;
        batch.reserve(count);
        for (int i = 0; i < count; ++i) {
            SandboxInvitation inv;
            inv.id = newId(u"orginv"_s);
            const QString first = pick(rng, firstNames);
            const QString last = pick(rng, lastNames);
            inv.emailAddress = asciiFold(first) + u'.' + asciiFold(last) + QString::number(rng.bounded(100000))
                               + u'@' + domain;
            const int roll = rng.bounded(100);
            inv.role = roll < 70 ? u"org:member"_s : roll < 85 ? u"org:viewer"_s : roll < 95 ? u"org:billing_manager"_s
                                                                                             : u"org:admin"_s;
            inv.status = status;
            const qint64 age = minAgeMs + qint64(rng.bounded(double(std::max<qint64>(1, maxAgeMs - minAgeMs))));
            inv.createdAt = now - age;
            inv.expiresAt = inv.createdAt + 30 * msPerDay;
            inv.updatedAt = status == "pending"_L1 ? inv.createdAt
                                                   : std::min(now, inv.createdAt + qint64(rng.bounded(5 * msPerDay)));
            if (rng.bounded(100) < 80 && !admins.isEmpty())
                inv.inviterId = admins.at(rng.bounded(int(admins.size())));
            if (rng.bounded(100) < 35)
                inv.publicMetadata = QJsonObject{{"department"_L1, pick(rng, departments)}};
            if (rng.bounded(100) < 15)
                inv.privateMetadata = QJsonObject{{"crm_id"_L1, QString(u"CRM-"_s + QString::number(rng.bounded(99999)))}};
            inv.url = u"https://accounts."_s + org.slug + u".example/accept-invitation?__clerk_ticket="_s
                      + newToken(32);
            batch.push_back(std::move(inv));
        }
        for (SandboxInvitation &inv : batch) {
            inv.organizationId = org.id;
            org.invitations.push_back(std::move(inv));
        }
    };

    auto sortByCreation = [](SandboxOrganization &org) {
        std::stable_sort(org.invitations.begin(), org.invitations.end(),
                         [](const SandboxInvitation &a, const SandboxInvitation &b) { return a.createdAt < b.createdAt; });
        // Clerk's timestamps are unique enough; make ours strictly increasing so the order is total.
        for (std::size_t i = 1; i < org.invitations.size(); ++i) {
            if (org.invitations[i].createdAt <= org.invitations[i - 1].createdAt)
                org.invitations[i].createdAt = org.invitations[i - 1].createdAt + 1;
            org.invitations[i].updatedAt = std::max(org.invitations[i].updatedAt, org.invitations[i].createdAt);
            if (org.invitations[i].status == "pending"_L1)
                org.invitations[i].expiresAt = org.invitations[i].createdAt + 30 * msPerDay;
        }
    };

    // Filler organizations first (older), then the named ones, so that the named ones sort first.
    for (int i = 0; i < options.fillerOrganizations; ++i) {
        const QString name = pick(rng, fillerFirst) + u' ' + pick(rng, fillerSecond) + u' ' + QString::number(i + 1);
        QString slug = asciiFold(name);
        slug.replace(u' ', u'-');
        // Older than the named ones however many there are.
        const qint64 ageDays = std::max(900, options.fillerOrganizations + 600) - i;
        SandboxOrganization &org = makeOrg(name, slug, now - ageDays * msPerDay);
        addInvitations(org, rng.bounded(options.fillerPendingMax + 1), u"pending"_s, slug + u".example"_s, msPerHour, 29 * msPerDay);
        addInvitations(org, rng.bounded(10), u"accepted"_s, slug + u".example"_s, msPerDay, 200 * msPerDay);
        sortByCreation(org);
    }

    {
        SandboxOrganization &globex = makeOrg(u"Globex"_s, u"globex"_s, now - 500 * msPerDay);
        addInvitations(globex, 1234, u"pending"_s, u"globex.example"_s, msPerHour, 29 * msPerDay);
        addInvitations(globex, 150, u"accepted"_s, u"globex.example"_s, msPerDay, 300 * msPerDay);
        addInvitations(globex, 40, u"revoked"_s, u"globex.example"_s, msPerDay, 300 * msPerDay);
        addInvitations(globex, 25, u"expired"_s, u"globex.example"_s, 31 * msPerDay, 300 * msPerDay);
        sortByCreation(globex);
    }
    {
        SandboxOrganization &initech = makeOrg(u"Initech"_s, u"initech"_s, now - 450 * msPerDay);
        addInvitations(initech, 37, u"pending"_s, u"initech.example"_s, 2 * msPerHour, 29 * msPerDay);
        addInvitations(initech, 12, u"accepted"_s, u"initech.example"_s, msPerDay, 100 * msPerDay);
        addInvitations(initech, 6, u"revoked"_s, u"initech.example"_s, msPerDay, 100 * msPerDay);
        addInvitations(initech, 4, u"expired"_s, u"initech.example"_s, 31 * msPerDay, 100 * msPerDay);
        // A few that run out within the next day, so "expires soon" has something to show.
        addInvitations(initech, 3, u"pending"_s, u"initech.example"_s, 29 * msPerDay + 2 * msPerHour, 29 * msPerDay + 20 * msPerHour);
        sortByCreation(initech);
        // The same person invited twice: support sees this when an email "never arrived".
        SandboxInvitation twice = initech.invitations.back();
        twice.id = newId(u"orginv"_s);
        twice.createdAt = initech.invitations.back().createdAt + 60'000;
        twice.updatedAt = twice.createdAt;
        twice.expiresAt = twice.createdAt + 30 * msPerDay;
        twice.status = u"pending"_s;
        twice.url = u"https://accounts.initech.example/accept-invitation?__clerk_ticket="_s + newToken(32);
        initech.invitations.push_back(twice);
    }
    {
        SandboxOrganization &umbrella = makeOrg(u"Umbrella Ünïcødé GmbH"_s, u"umbrella"_s, now - 300 * msPerDay);
        const QStringList specialEmails = {
            u"zoë.ångström@umbrella.example"_s,
            u"josé.núñez@umbrella.example"_s,
            u"用户@例子.广告"_s,
            u"пользователь@пример.рф"_s,
            u"o'brien+support@umbrella.example"_s,
            QString(64, u'a') + u"@"_s + QString(60, u'b') + u"."_s + QString(60, u'c') + u"."_s + QString(60, u'd')
                + u".example"_s,
            u"very.long.address.with.many.parts.for.testing.column.widths.in.the.invitations.table@subdomain.of.a.rather.long.domain.umbrella-corporation.example"_s,
        };
        addInvitations(umbrella, 14, u"pending"_s, u"umbrella.example"_s, msPerHour, 20 * msPerDay);
        addInvitations(umbrella, 5, u"accepted"_s, u"umbrella.example"_s, msPerDay, 60 * msPerDay);
        sortByCreation(umbrella);
        const QStringList admins = adminsOf(umbrella);
        for (int i = 0; i < specialEmails.size(); ++i) {
            SandboxInvitation inv;
            inv.id = newId(u"orginv"_s);
            inv.emailAddress = specialEmails.at(i);
            inv.role = i % 2 ? u"org:viewer"_s : u"org:member"_s;
            inv.status = u"pending"_s;
            inv.createdAt = umbrella.invitations.back().createdAt + 1000 * (i + 1);
            inv.updatedAt = inv.createdAt;
            inv.expiresAt = inv.createdAt + 30 * msPerDay;
            if (i % 3 != 0)
                inv.inviterId = admins.value(0);
            inv.publicMetadata = QJsonObject{{"note"_L1, u"Ünïcødé ✓"_s}, {"tags"_L1, QJsonArray{u"a"_s, u"b"_s}}};
            inv.url = u"https://accounts.umbrella.example/accept-invitation?__clerk_ticket="_s + newToken(32);
            inv.organizationId = umbrella.id;
            umbrella.invitations.push_back(inv);
        }
    }
    makeOrg(u"Hooli"_s, u"hooli"_s, now - 200 * msPerDay); // no invitations at all

    // A contractor invited to several organizations: what "find by email" and "revoke everything for
    // this address" are for. Pending in Umbrella and three others, revoked in a fourth.
    {
        const QString contractor = u"sam.contractor@freelance.example"_s;
        QList<SandboxOrganization *> targets;
        for (SandboxOrganization &org : organizations) {
            if (org.slug == "umbrella"_L1)
                targets.prepend(&org);
        }
        for (int i = 0; i < int(organizations.size()) && targets.size() < 5; ++i) {
            if (organizations[i].invitations.size() > 0 && organizations[i].slug != "umbrella"_L1
                && organizations[i].slug != "acme"_L1 && organizations[i].slug != "globex"_L1
                && organizations[i].slug != "initech"_L1)
                targets.append(&organizations[i]);
        }
        for (int i = 0; i < targets.size(); ++i) {
            SandboxOrganization &org = *targets[i];
            const QStringList admins = adminsOf(org);
            SandboxInvitation inv;
            inv.id = newId(u"orginv"_s);
            inv.emailAddress = contractor;
            inv.role = u"org:member"_s;
            inv.status = i == targets.size() - 1 ? u"revoked"_s : u"pending"_s;
            inv.createdAt = (org.invitations.empty() ? now - msPerDay : org.invitations.back().createdAt) + 500;
            inv.updatedAt = inv.createdAt;
            inv.expiresAt = inv.createdAt + 30 * msPerDay;
            inv.inviterId = admins.value(0);
            inv.publicMetadata = QJsonObject{{"contract"_L1, u"C-2026-114"_s}};
            inv.url = u"https://accounts."_s + org.slug + u".example/accept-invitation?__clerk_ticket="_s + newToken(32);
            inv.organizationId = org.id;
            org.invitations.push_back(inv);
        }
    }
    {
        SandboxOrganization &acme = makeOrg(u"Acme Corporation"_s, u"acme"_s, now - 100 * msPerDay);
        addInvitations(acme, options.largeOrgPending, u"pending"_s, u"acme.example"_s, 10 * 60'000, 29 * msPerDay);
        addInvitations(acme, options.largeOrgAccepted, u"accepted"_s, u"acme.example"_s, msPerDay, 90 * msPerDay);
        addInvitations(acme, options.largeOrgRevoked, u"revoked"_s, u"acme.example"_s, msPerDay, 90 * msPerDay);
        addInvitations(acme, options.largeOrgExpired, u"expired"_s, u"acme.example"_s, 31 * msPerDay, 90 * msPerDay);
        sortByCreation(acme);
    }
    // Umbrella is at its membership limit, and only its pending invitations keep it there: no one
    // can join until some are revoked (what the seats line in the window explains).
    for (SandboxOrganization &org : organizations) {
        if (org.slug == "umbrella"_L1)
            org.maxAllowedMemberships = int(org.members.size()) + countWithStatus(org, u"pending"_s, now);
    }
}

} // namespace InviteDesk::Sandbox
