#include "gui/session/Profiles.h"

#include "core/api/ProxyRules.h"

#include <QtCore/QPointer>
#include <QtCore/QSettings>
#include <QtCore/QThreadPool>
#include <QtCore/QUuid>

#if __has_include(<qt6keychain/keychain.h>)
#  include <qt6keychain/keychain.h> // installed package
#else
#  include <keychain.h> // built from source (FetchContent)
#endif

using namespace Qt::StringLiterals;

namespace InviteDesk {

ClientConfig clientConfigFor(const ConnectionProfile &profile, const QString &secretKey, const ProxyCredentials &proxy,
                             QString *problem)
{
    ClientConfig config;
    config.apiUrl = profile.apiUrl;
    config.secretKey = secretKey;
    config.proxyMode = profile.proxyMode;
    config.proxyUrl = profile.proxyUrl;
    config.proxyUser = proxy.user;
    config.proxyPassword = proxy.password;
    if (!profile.caFile.isEmpty()) {
        const Result<QList<QSslCertificate>> extra = loadCaCertificates(profile.caFile);
        if (extra)
            config.extraCaCertificates = extra.value();
        else if (problem)
            *problem = extra.error().userMessage();
    }
    return config;
}

QString ProxyCredentials::toSecret() const
{
    return endpoint + u'\n' + user + u'\n' + password;
}

ProxyCredentials ProxyCredentials::fromSecret(const QString &secret)
{
    return ProxyCredentials{secret.section(u'\n', 0, 0), secret.section(u'\n', 1, 1), secret.section(u'\n', 2)};
}

QString proxyEndpointFor(const ConnectionProfile &profile)
{
    return ProxyRules::endpointFor(clientConfigFor(profile, {}));
}

ProfileStore::ProfileStore() : m_writes(std::make_unique<QThreadPool>())
{
    m_writes->setMaxThreadCount(1);
}

ProfileStore::~ProfileStore()
{
    m_writes->waitForDone();
}

QString ProfileStore::newProfileId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QList<ConnectionProfile> ProfileStore::profiles() const
{
    QSettings settings;
    QList<ConnectionProfile> list;
    settings.beginGroup(u"profiles"_s);
    // Bounded, whatever the file says: a damaged one must not keep the window from starting.
    for (const QString &id : settings.childGroups().mid(0, ProfileStore::maxProfiles)) {
        settings.beginGroup(id);
        ConnectionProfile p;
        p.id = id;
        p.name = settings.value(u"name"_s).toString();
        p.apiUrl = QUrl(settings.value(u"apiUrl"_s, defaultApiUrl().toString()).toString());
        p.actingUserId = settings.value(u"actingUserId"_s).toString();
        // A settings file is edited by hand too: anything but a whole percentage from 1 to 100 is the default.
        p.rateBudgetPercent = settings.value(u"rateBudgetPercent"_s, 0).toInt();
        if (p.rateBudgetPercent < 1 || p.rateBudgetPercent > 100)
            p.rateBudgetPercent = 0;
        p.environment = environmentFromName(settings.value(u"environment"_s).toString());
        p.caFile = settings.value(u"caFile"_s).toString();
        p.proxyMode = proxyModeFromName(settings.value(u"proxyMode"_s).toString());
        p.proxyUrl = QUrl(settings.value(u"proxyUrl"_s).toString());
        p.teamAuditUrl = settings.value(u"teamAuditUrl"_s).toString();
        settings.endGroup();
        list.append(p);
    }
    settings.endGroup();
    std::sort(list.begin(), list.end(), [](const ConnectionProfile &a, const ConnectionProfile &b) {
        return a.name.localeAwareCompare(b.name) < 0;
    });
    return list;
}

void ProfileStore::save(const ConnectionProfile &profile)
{
    if (profile.demo || profile.keyFromEnvironment)
        return;
    QSettings settings;
    settings.beginGroup(u"profiles/"_s + profile.id);
    settings.setValue(u"name"_s, profile.name);
    settings.setValue(u"apiUrl"_s, profile.apiUrl.toString());
    settings.setValue(u"actingUserId"_s, profile.actingUserId);
    settings.setValue(u"rateBudgetPercent"_s, profile.rateBudgetPercent);
    settings.setValue(u"environment"_s, environmentName(profile.environment));
    settings.setValue(u"caFile"_s, profile.caFile);
    settings.setValue(u"proxyMode"_s, proxyModeName(profile.proxyMode));
    settings.setValue(u"proxyUrl"_s, profile.proxyUrl.toString());
    settings.setValue(u"teamAuditUrl"_s, profile.teamAuditUrl);
    settings.endGroup();
}

void ProfileStore::remove(const QString &profileId)
{
    QSettings settings;
    for (const QString &group : {u"profiles/"_s, u"recent/"_s, u"lastOrganization/"_s, u"undo/"_s})
        settings.remove(group + profileId);
}

QString ProfileStore::lastProfileId() const
{
    return QSettings().value(u"lastProfile"_s).toString();
}

void ProfileStore::setLastProfileId(const QString &id)
{
    QSettings().setValue(u"lastProfile"_s, id);
}

namespace {

QList<RecentOrganization> readRecent(const QString &profileId)
{
    QSettings settings;
    QList<RecentOrganization> list;
    // The file says how many; no more than are ever written are read (a damaged size would take forever).
    const int count = std::min(settings.beginReadArray(u"recent/"_s + profileId), ProfileStore::maxRecent);
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        list.append({settings.value(u"id"_s).toString(), settings.value(u"name"_s).toString(),
                     settings.value(u"slug"_s).toString()});
    }
    settings.endArray();
    return list;
}

} // namespace

QList<RecentOrganization> ProfileStore::recentOrganizations(const QString &profileId) const
{
    m_writes->waitForDone();
    return readRecent(profileId);
}

void ProfileStore::rememberOrganization(const QString &profileId, const Organization &organization)
{
    const RecentOrganization opened{organization.id, organization.name, organization.slug};
    m_writes->start([profileId, opened] {
        QList<RecentOrganization> list = readRecent(profileId);
        list.removeIf([&opened](const RecentOrganization &r) { return r.id == opened.id; });
        list.prepend(opened);
        while (list.size() > maxRecent)
            list.removeLast();
        QSettings settings;
        settings.remove(u"recent/"_s + profileId);
        settings.beginWriteArray(u"recent/"_s + profileId, int(list.size()));
        for (int i = 0; i < list.size(); ++i) {
            settings.setArrayIndex(i);
            settings.setValue(u"id"_s, list.at(i).id);
            settings.setValue(u"name"_s, list.at(i).name);
            settings.setValue(u"slug"_s, list.at(i).slug);
        }
        settings.endArray();
        settings.setValue(u"lastOrganization/"_s + profileId, opened.id);
    }); // written when `settings` goes, on that thread
}

QString ProfileStore::lastOrganizationId(const QString &profileId) const
{
    m_writes->waitForDone();
    return QSettings().value(u"lastOrganization/"_s + profileId).toString();
}

bool ProfileStore::holdsRevokes(const QString &profileId, bool byDefault) const
{
    return QSettings().value(u"undo/"_s + profileId, byDefault).toBool();
}

void ProfileStore::setHoldsRevokes(const QString &profileId, bool hold)
{
    QSettings().setValue(u"undo/"_s + profileId, hold);
}

SecretStore::SecretStore(QObject *parent) : QObject(parent) {}

QString SecretStore::keyEntry(const QString &profileId)
{
    return u"profile/"_s + profileId;
}

QString SecretStore::proxyEntry(const QString &profileId)
{
    return u"proxy/"_s + profileId;
}

QString SecretStore::teamAuditEntry(const QString &profileId)
{
    return u"team-audit/"_s + profileId;
}

void SecretStore::read(const QString &entry, QObject *context, std::function<void(const ReadResult &)> done)
{
    if (m_session.contains(entry)) {
        const QString key = m_session.value(entry);
        QMetaObject::invokeMethod(
            context, [done = std::move(done), key] { done(ReadResult{key, true, false, {}}); }, Qt::QueuedConnection);
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(QLatin1StringView(serviceName), this);
    job->setAutoDelete(true);
    job->setKey(entry);
    QPointer<QObject> guard(context);
    connect(job, &QKeychain::Job::finished, context, [job, done = std::move(done), guard] {
        if (!guard)
            return;
        ReadResult result;
        if (job->error() == QKeychain::NoError) {
            result.key = job->textData();
            result.found = true;
        } else if (job->error() != QKeychain::EntryNotFound) {
            const Failure failure = classify(job->error(), job->errorString());
            result.denied = failure == Failure::Denied;
            result.noKeychain = failure == Failure::NoKeychain;
            result.error = job->errorString();
        }
        done(result);
    });
    job->start();
}

SecretStore::Failure SecretStore::classify(int error, const QString &message)
{
    switch (QKeychain::Error(error)) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return Failure::NoKeychain;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return Failure::Denied;
    default:
        break;
    }
    if (message.contains(u"cancel"_s, Qt::CaseInsensitive) || message.contains(u"dismiss"_s, Qt::CaseInsensitive))
        return Failure::Denied; // GLib's "Operation was cancelled": the unlock prompt was closed
    // D-Bus found nobody for the Secret Service (no GNOME Keyring, KWallet or KeePassXC running or installed).
    static const QString missingService[] = {u"org.freedesktop.secrets"_s, u"ServiceUnknown"_s,
                                             u"not provided by any .service files"_s, u"Cannot autolaunch D-Bus"_s};
    for (const QString &sign : missingService) {
        if (message.contains(sign, Qt::CaseInsensitive))
            return Failure::NoKeychain;
    }
    return Failure::Other;
}

void SecretStore::write(const QString &entry, const QString &secret, QObject *context,
                        std::function<void(bool, bool, const QString &)> done)
{
    auto *job = new QKeychain::WritePasswordJob(QLatin1StringView(serviceName), this);
    job->setAutoDelete(true);
    job->setKey(entry);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, context, [job, done = std::move(done)] {
        const bool ok = job->error() == QKeychain::NoError;
        done(ok, !ok && classify(job->error(), job->errorString()) == Failure::NoKeychain, ok ? QString() : job->errorString());
    });
    job->start();
}

void SecretStore::remove(const QString &entry)
{
    m_session.remove(entry);
    auto *job = new QKeychain::DeletePasswordJob(QLatin1StringView(serviceName), this);
    job->setAutoDelete(true);
    job->setKey(entry);
    job->start();
}

} // namespace InviteDesk
