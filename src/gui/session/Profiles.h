#pragma once

#include "core/api/ClerkTypes.h"
#include "core/api/ClientConfig.h"

#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QUrl>

#include <functional>
#include <memory>

class QThreadPool;

namespace InviteDesk {

/*! A connection to one Clerk instance. The secret key is not part of it: it lives in the keychain. */
struct ConnectionProfile
{
    QString id; //!< stable; names the keychain entry
    QString name;
    QUrl apiUrl = defaultApiUrl();
    QString actingUserId;   //!< sent as requesting_user_id; empty for none
    int rateBudgetPercent = 0; //!< 0: the default for the key's environment
    KeyEnvironment environment = KeyEnvironment::Unknown; //!< from the key's prefix, known before the key is read
    bool demo = false;      //!< the built-in sandbox; never saved
    bool keyFromEnvironment = false; //!< CLERK_SECRET_KEY; never saved
    QString caFile;         //!< a PEM file of CA certificates to trust as well; empty for none
    ProxyMode proxyMode = ProxyMode::System;
    QUrl proxyUrl;          //!< for ProxyMode::Manual: http://host:port
    QString teamAuditUrl;   //!< the team audit store (postgresql://…, no password); empty for none

    bool isValid() const { return !id.isEmpty(); }
};

/*!
 * What a proxy that answers 407 is given; kept in the keychain with the profile, together with the
 * proxy they were given for, so that no other proxy ever receives them.
 */
struct ProxyCredentials
{
    QString endpoint; //!< "host:port" of the proxy
    QString user;
    QString password;

    /*! As kept in the keychain: endpoint, user and password on three lines. */
    QString toSecret() const;
    static ProxyCredentials fromSecret(const QString &secret);
};

/*! "host:port" of the proxy \a profile's requests go through, or empty when they go straight. */
QString proxyEndpointFor(const ConnectionProfile &profile);

/*!
 * How a client talks to \a profile's instance with \a secretKey: URL, key, extra CA certificates,
 * proxy. When the profile's CA file cannot be used, \a problem says why and the client trusts only
 * the system's certificates (so TLS then fails with a message that names the issuer).
 */
ClientConfig clientConfigFor(const ConnectionProfile &profile, const QString &secretKey,
                             const ProxyCredentials &proxy = {}, QString *problem = nullptr);

/*! An organization remembered for quick access. */
struct RecentOrganization
{
    QString id;
    QString name;
    QString slug;
};

/*!
 * Profiles and every per-profile preference (recent and last organization, the undo window), kept
 * through Settings, so that removing a profile removes all of it. Holds no secrets.
 */
class ProfileStore
{
public:
    /*! The most recent organizations kept (and read) per profile. */
    static constexpr int maxRecent = 10;
    /*! The most profiles read from a settings file. */
    static constexpr int maxProfiles = 100;

    ProfileStore();
    ~ProfileStore(); //!< waits for the writes still going

    QList<ConnectionProfile> profiles() const;
    void save(const ConnectionProfile &profile);
    void remove(const QString &profileId);

    QString lastProfileId() const;
    void setLastProfileId(const QString &id);

    QList<RecentOrganization> recentOrganizations(const QString &profileId) const;
    /*! Moves \a organization to the front; keeps ten; it becomes the last organization too. */
    void rememberOrganization(const QString &profileId, const Organization &organization);
    /*! The organization to open when the profile is connected again; empty for none. */
    QString lastOrganizationId(const QString &profileId) const;

    /*! Whether confirmed revokes are held for an undo window; \a byDefault when never set. */
    bool holdsRevokes(const QString &profileId, bool byDefault) const;
    void setHoldsRevokes(const QString &profileId, bool hold);

    static QString newProfileId();

private:
    /*!
     * One thread, so writes keep their order: the organization opened is remembered off the GUI thread
     * (QSettings writes its file with fdatasync(), milliseconds on a busy disk, while the first rows
     * arrive). What reads those keys waits for it.
     */
    std::unique_ptr<QThreadPool> m_writes;
};

/*!
 * Secret keys in the operating system's keychain (QtKeychain: macOS Keychain,
 * Windows Credential Manager, Secret Service or KWallet on Linux).
 *
 * Where no keychain is reachable (a headless machine), the caller may keep a
 * key for this session only, in memory.
 */
class SecretStore : public QObject
{
    Q_OBJECT

public:
    struct ReadResult
    {
        QString key;
        bool found = false;
        bool noKeychain = false; //!< no backend: offer the session-only fallback
        bool denied = false;     //!< the agent did not unlock the keychain (cancelled its prompt)
        QString error;
    };

    explicit SecretStore(QObject *parent = nullptr);

    /*! The keychain entry of a profile's secret key. */
    static QString keyEntry(const QString &profileId);
    /*! The keychain entry of a profile's proxy credentials ("user\npassword"). */
    static QString proxyEntry(const QString &profileId);
    /*! The keychain entry of a profile's team audit database password. */
    static QString teamAuditEntry(const QString &profileId);

    void read(const QString &entry, QObject *context, std::function<void(const ReadResult &)> done);
    void write(const QString &entry, const QString &secret, QObject *context,
               std::function<void(bool ok, bool noKeychain, const QString &error)> done);
    void remove(const QString &entry);

    /*! Where a profile's key is kept. */
    enum class Kept {
        Nowhere,        //!< a new profile, or its key could not be read
        InKeychain,     //!< in the system's keychain
        ForThisSession, //!< in memory only, until InviteDesk quits (no keychain, and the agent agreed)
    };

    /*! What a failed keychain call means for the agent. */
    enum class Failure {
        Denied,     //!< the keychain is there but stayed locked (the agent cancelled its unlock prompt)
        NoKeychain, //!< nothing answers for secrets on this computer: offer the session-only fallback
        Other,      //!< the keychain answered with an error of its own
    };
    /*!
     * Classifies QtKeychain's \a error code with its \a message: the Secret Service back end reports both a
     * missing service and a dismissed unlock prompt as OtherError, told apart only by the message.
     */
    static Failure classify(int error, const QString &message);

    void keepForSession(const QString &entry, const QString &secret) { m_session.insert(entry, secret); }
    bool hasSessionSecret(const QString &entry) const { return m_session.contains(entry); }

    static constexpr const char *serviceName = "InviteDesk";

private:
    QHash<QString, QString> m_session;
};

} // namespace InviteDesk
