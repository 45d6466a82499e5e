#pragma once

#include "core/api/ClerkError.h"
#include "core/api/Result.h"

#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QUrl>
#include <QtNetwork/QSslCertificate>
#include <QtNetwork/QSslConfiguration>

#include <chrono>
#include <optional>

namespace InviteDesk {

/*! Which kind of Clerk instance a secret key belongs to, from its prefix. */
enum class KeyEnvironment { Production, Development, Unknown };

KeyEnvironment environmentOfKey(QStringView secretKey);
/*! "production", "development" or "unknown": how settings, the audit log and the CLI name it. */
QString environmentName(KeyEnvironment environment);
/*! The reverse of environmentName(); anything else is Unknown. */
KeyEnvironment environmentFromName(QStringView name);

/*! Clerk's production API, `https://api.clerk.com/v1`. */
QUrl defaultApiUrl();

/*! 127.0.0.0/8, ::1 and "localhost". */
bool isLoopbackHost(const QString &host);

/*!
 * Checks an API base URL before anything is sent: https anywhere, plain
 * http only to a loopback host, no credentials, query or fragment.
 */
std::optional<ClerkError> checkApiUrl(const QUrl &url);

/*! Checks that a secret key can be sent in a header at all (non-empty, no spaces or control characters). */
std::optional<ClerkError> checkSecretKey(const QString &key);

/*! A short, stable fingerprint of a key for logs and audit records; never reveals the key. */
QString keyFingerprint(const QString &secretKey);

/*! How requests reach Clerk: as the operating system says, straight, or through one named proxy. */
enum class ProxyMode { System, None, Manual };

/*! "system", "none", "manual": how settings name it. */
QString proxyModeName(ProxyMode mode);
ProxyMode proxyModeFromName(QStringView name);

/*!
 * Checks a manual proxy URL: http://host:port (credentials, if any, are asked for when the proxy wants
 * them, and kept in the keychain, never in the URL).
 */
std::optional<ClerkError> checkProxyUrl(const QUrl &url);

/*!
 * CA certificates from a PEM file, to trust in addition to the system's (a company's TLS-inspecting
 * proxy, a private front). A file that cannot be read, holds no certificate, or only expired ones, is
 * an error that says which.
 */
Result<QList<QSslCertificate>> loadCaCertificates(const QString &pemPath);

struct ClientConfig;

/*!
 * What requests use for TLS when \a config names extra CAs: the system's CAs and those. Without extra
 * CAs, nothing (Qt's default, which loads the system's CAs as needed).
 */
std::optional<QSslConfiguration> tlsConfigurationFor(const ClientConfig &config);

/*! "CN=Contoso Inspection CA, valid until 2027-03-01": for the profile dialog and messages. */
QString describeCertificate(const QSslCertificate &certificate);

/*! How a ClerkClient talks to one Clerk instance. Every bound says why it is what it is. */
struct ClientConfig
{
    QUrl apiUrl = defaultApiUrl();
    QString secretKey;
    /*!
     * The longest silence between two bytes (Qt's transfer timeout). Clerk answers in well under a
     * second; 30 s covers a congested office link without leaving a dead connection hanging.
     */
    std::chrono::milliseconds transferTimeout{30'000};
    /*!
     * The whole exchange, from sending the request to the last byte of the answer. Qt's transfer
     * timeout starts again with every byte, so a server that trickles one byte a second would hold a
     * request forever without this. The largest answer InviteDesk asks for (500 invitations, about
     * 0.5 MB) takes seconds even on a slow link; 60 s is ten times that.
     */
    std::chrono::milliseconds exchangeTimeout{60'000};
    /*! Attempts for reads (GET), the first included. */
    int maxReadAttempts = 5;
    /*! 429 answers a read waits out (Retry-After) before giving up; counted apart from the attempts. */
    int maxRateLimitWaits = 10;
    std::chrono::milliseconds backoffInitial{300};
    std::chrono::milliseconds backoffMax{8'000};
    /*!
     * The longest Retry-After that is waited out. Clerk counts requests per 10-second window, so its
     * own answers ask for at most about 10 s; 60 s leaves room for a gateway's longer pause. A server
     * that asks for more is broken or hostile, or wants a pause that a person should decide to wait:
     * the request fails at once with a message that says how long was asked.
     */
    std::chrono::seconds maxRetryAfter{60};
    /*! The pause after a 429 without a readable Retry-After: Clerk's windows are short. */
    std::chrono::seconds defaultRetryAfter{1};
    /*! Answers larger than this are cut off with an error (a page of 500 is about 0.5 MB). */
    qint64 maxResponseBytes = 32 * 1024 * 1024;
    /*!
     * Requests in flight at once over HTTP/1.1: Qt opens six connections per host, and more would wait
     * inside Qt, after the pacer let them go.
     */
    int http1Concurrency = 6;
    /*!
     * Requests in flight at once once a reply shows HTTP/2 was used (one connection carries them all as
     * streams). Bounded so that one agent never floods an instance: 32 streams at 30 ms round trips are
     * about a thousand requests a second, more than any share of Clerk's limit needs.
     */
    int http2Concurrency = 32;

    /*! Trusted in addition to the system's certificates; certificate errors are never ignored. */
    QList<QSslCertificate> extraCaCertificates;
    ProxyMode proxyMode = ProxyMode::System;
    /*! For ProxyMode::Manual: http://host:port. */
    QUrl proxyUrl;
    /*! For a proxy that answers 407; empty until the user gave them. */
    QString proxyUser;
    QString proxyPassword;
};

} // namespace InviteDesk
