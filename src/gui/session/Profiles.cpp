#include "gui/session/Profiles.h"

#include "core/api/ProxyRules.h"
#include "gui/session/Settings.h"

#include <QtCore/QPointer>
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
    QList<ConnectionProfile> list = Settings::profiles(maxProfiles);
    std::sort(list.begin(), list.end(), [](const ConnectionProfile &a, const ConnectionProfile &b) {
        return a.name.localeAwareCompare(b.name) < 0;
    });
    return list;
}

void ProfileStore::save(const ConnectionProfile &profile)
{
    if (profile.demo || profile.keyFromEnvironment)
        return;
    Settings::writeProfile(profile);
}

void ProfileStore::remove(const QString &profileId)
{
    Settings::removeProfile(profileId);
}

QString ProfileStore::lastProfileId() const
{
    return Settings::lastProfile.get();
}

void ProfileStore::setLastProfileId(const QString &id)
{
    Settings::lastProfile.set(id);
}

QList<RecentOrganization> ProfileStore::recentOrganizations(const QString &profileId) const
{
    m_writes->waitForDone();
    return Settings::recentOrganizations(profileId, maxRecent);
}

void ProfileStore::rememberOrganization(const QString &profileId, const Organization &organization)
{
    const RecentOrganization opened{organization.id, organization.name, organization.slug};
    m_writes->start([profileId, opened] {
        QList<RecentOrganization> list = Settings::recentOrganizations(profileId, maxRecent);
        list.removeIf([&opened](const RecentOrganization &r) { return r.id == opened.id; });
        list.prepend(opened);
        while (list.size() > maxRecent)
            list.removeLast();
        Settings::writeRecentOrganizations(profileId, list); // on that thread
    });
}

QString ProfileStore::lastOrganizationId(const QString &profileId) const
{
    m_writes->waitForDone();
    return Settings::lastOrganization.get(profileId);
}

bool ProfileStore::holdsRevokes(const QString &profileId, bool byDefault) const
{
    return Settings::holdsRevokes.get(profileId, byDefault);
}

void ProfileStore::setHoldsRevokes(const QString &profileId, bool hold)
{
    Settings::holdsRevokes.set(profileId, hold);
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
