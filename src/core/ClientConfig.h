#pragma once

#include "core/ClerkError.h"

#include <QtCore/QString>
#include <QtCore/QUrl>

#include <chrono>
#include <optional>

namespace InviteDesk {

/*! Which kind of Clerk instance a secret key belongs to, from its prefix. */
enum class KeyEnvironment { Production, Development, Unknown };

KeyEnvironment environmentOfKey(QStringView secretKey);

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

/*! How a ClerkClient talks to one Clerk instance. */
struct ClientConfig
{
    QUrl apiUrl = defaultApiUrl();
    QString secretKey;
    std::chrono::milliseconds transferTimeout{30'000};
    /*! Attempts for reads (GET), the first included. */
    int maxReadAttempts = 5;
    /*! 429 answers a read waits out (Retry-After) before giving up; counted apart from the attempts. */
    int maxRateLimitWaits = 10;
    std::chrono::milliseconds backoffInitial{300};
    std::chrono::milliseconds backoffMax{8'000};
    /*! A Retry-After longer than this is reported instead of waited out. */
    std::chrono::seconds maxRetryAfter{120};
    /*! Answers larger than this are cut off with an error. */
    qint64 maxResponseBytes = 32 * 1024 * 1024;
};

} // namespace InviteDesk
