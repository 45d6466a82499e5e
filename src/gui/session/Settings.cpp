#include "gui/session/Settings.h"

#include "gui/session/Profiles.h"

#include <QtCore/QSettings>

using namespace Qt::StringLiterals;

namespace InviteDesk::Settings {

namespace {
// Groups with one entry per profile: profiles/<ID>/…, recent/<ID> (an array).
constexpr auto profilesGroup = "profiles"_L1;
constexpr auto recentGroup = "recent"_L1;

QString entryOf(QLatin1StringView group, const QString &profileId)
{
    return group + u'/' + profileId;
}
} // namespace

QVariant read(const QString &key, const QVariant &byDefault)
{
    return QSettings().value(key, byDefault);
}

void write(const QString &key, const QVariant &value)
{
    QSettings().setValue(key, value);
}

QList<ConnectionProfile> profiles(int most)
{
    QSettings settings;
    QList<ConnectionProfile> list;
    settings.beginGroup(profilesGroup);
    // Bounded, whatever the file says: a damaged one must not keep the window from starting.
    for (const QString &id : settings.childGroups().mid(0, most)) {
        settings.beginGroup(id);
        ConnectionProfile p;
        p.id = id;
        p.name = settings.value("name"_L1).toString();
        p.apiUrl = QUrl(settings.value("apiUrl"_L1, defaultApiUrl().toString()).toString());
        p.actingUserId = settings.value("actingUserId"_L1).toString();
        // A settings file is edited by hand too: anything but a whole percentage from 1 to 100 is the default.
        p.rateBudgetPercent = settings.value("rateBudgetPercent"_L1, 0).toInt();
        if (p.rateBudgetPercent < 1 || p.rateBudgetPercent > 100)
            p.rateBudgetPercent = 0;
        p.environment = environmentFromName(settings.value("environment"_L1).toString());
        p.caFile = settings.value("caFile"_L1).toString();
        p.proxyMode = proxyModeFromName(settings.value("proxyMode"_L1).toString());
        p.proxyUrl = QUrl(settings.value("proxyUrl"_L1).toString());
        p.teamAuditUrl = settings.value("teamAuditUrl"_L1).toString();
        settings.endGroup();
        list.append(p);
    }
    settings.endGroup();
    return list;
}

void writeProfile(const ConnectionProfile &profile)
{
    QSettings settings;
    settings.beginGroup(entryOf(profilesGroup, profile.id));
    settings.setValue("name"_L1, profile.name);
    settings.setValue("apiUrl"_L1, profile.apiUrl.toString());
    settings.setValue("actingUserId"_L1, profile.actingUserId);
    settings.setValue("rateBudgetPercent"_L1, profile.rateBudgetPercent);
    settings.setValue("environment"_L1, environmentName(profile.environment));
    settings.setValue("caFile"_L1, profile.caFile);
    settings.setValue("proxyMode"_L1, proxyModeName(profile.proxyMode));
    settings.setValue("proxyUrl"_L1, profile.proxyUrl.toString());
    settings.setValue("teamAuditUrl"_L1, profile.teamAuditUrl);
    settings.endGroup();
}

void removeProfile(const QString &profileId)
{
    // Whatever is kept for a profile is kept under <group>/<profile ID> (its record, its recent
    // organizations, each PerProfile value): a setting added later goes with the profile without a list.
    QSettings settings;
    for (const QString &group : settings.childGroups())
        settings.remove(group + u'/' + profileId);
}

QList<RecentOrganization> recentOrganizations(const QString &profileId, int most)
{
    QSettings settings;
    QList<RecentOrganization> list;
    // The file says how many; no more than are ever written are read (a damaged size would take forever).
    const int count = std::min(settings.beginReadArray(entryOf(recentGroup, profileId)), most);
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        list.append({settings.value("id"_L1).toString(), settings.value("name"_L1).toString(),
                     settings.value("slug"_L1).toString()});
    }
    settings.endArray();
    return list;
}

void writeRecentOrganizations(const QString &profileId, const QList<RecentOrganization> &list)
{
    QSettings settings;
    const QString key = entryOf(recentGroup, profileId);
    settings.remove(key);
    settings.beginWriteArray(key, int(list.size()));
    for (int i = 0; i < list.size(); ++i) {
        settings.setArrayIndex(i);
        settings.setValue("id"_L1, list.at(i).id);
        settings.setValue("name"_L1, list.at(i).name);
        settings.setValue("slug"_L1, list.at(i).slug);
    }
    settings.endArray();
    if (!list.isEmpty()) // in the same write: one sync of the file
        settings.setValue(lastOrganization.keyFor(profileId), list.first().id);
}

void forgetRetired()
{
    QSettings().remove("window/tableHeader"_L1); // kept the columns in their old order, the Organization column second
}

QString fileName()
{
    return QSettings().fileName();
}

void keepIn(const QString &folder)
{
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, folder);
}

} // namespace InviteDesk::Settings
