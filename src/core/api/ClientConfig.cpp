#include "core/api/ClientConfig.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QDateTime>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtNetwork/QHostAddress>

using namespace Qt::StringLiterals;

namespace InviteDesk {

KeyEnvironment environmentOfKey(QStringView secretKey)
{
    if (secretKey.startsWith(u"sk_live_"))
        return KeyEnvironment::Production;
    if (secretKey.startsWith(u"sk_test_"))
        return KeyEnvironment::Development;
    return KeyEnvironment::Unknown;
}

QString environmentName(KeyEnvironment environment)
{
    switch (environment) {
    case KeyEnvironment::Production: return u"production"_s;
    case KeyEnvironment::Development: return u"development"_s;
    case KeyEnvironment::Unknown: break;
    }
    return u"unknown"_s;
}

KeyEnvironment environmentFromName(QStringView name)
{
    if (name == u"production")
        return KeyEnvironment::Production;
    if (name == u"development")
        return KeyEnvironment::Development;
    return KeyEnvironment::Unknown;
}

QUrl defaultApiUrl()
{
    return QUrl(u"https://api.clerk.com/v1"_s);
}

bool isLoopbackHost(const QString &host)
{
    if (host.compare("localhost"_L1, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

std::optional<ClerkError> checkApiUrl(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return ClerkError::invalidRequest(
            QCoreApplication::translate("ClientConfig", "The API URL \"%1\" is not a valid URL.")
                .arg(url.toDisplayString()));
    if (!url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment())
        return ClerkError::invalidRequest(QCoreApplication::translate(
            "ClientConfig", "The API URL must not contain credentials, a query or a fragment."));
    const QString scheme = url.scheme().toLower();
    if (scheme == "https"_L1)
        return std::nullopt;
    if (scheme == "http"_L1) {
        if (isLoopbackHost(url.host()))
            return std::nullopt;
        return ClerkError::invalidRequest(
            QCoreApplication::translate("ClientConfig",
                                        "Refusing to send the secret key over plain http to %1: "
                                        "use https (plain http is only allowed to this computer).")
                .arg(url.host()));
    }
    return ClerkError::invalidRequest(
        QCoreApplication::translate("ClientConfig", "The API URL must start with https://."));
}

std::optional<ClerkError> checkSecretKey(const QString &key)
{
    if (key.isEmpty())
        return ClerkError::invalidRequest(QCoreApplication::translate(
            "ClientConfig", "No Clerk secret key is set. Add one to the connection profile or set CLERK_SECRET_KEY."));
    for (const QChar c : key) {
        if (c.unicode() <= 0x20 || c.unicode() >= 0x7f)
            return ClerkError::invalidRequest(QCoreApplication::translate(
                "ClientConfig", "The secret key contains spaces or characters a Clerk key never has."));
    }
    return std::nullopt;
}

QString proxyModeName(ProxyMode mode)
{
    switch (mode) {
    case ProxyMode::None: return u"none"_s;
    case ProxyMode::Manual: return u"manual"_s;
    case ProxyMode::System: break;
    }
    return u"system"_s;
}

ProxyMode proxyModeFromName(QStringView name)
{
    if (name == u"none")
        return ProxyMode::None;
    if (name == u"manual")
        return ProxyMode::Manual;
    return ProxyMode::System;
}

std::optional<ClerkError> checkProxyUrl(const QUrl &url)
{
    const auto bad = [](const QString &why) {
        return ClerkError::invalidRequest(QCoreApplication::translate("ClientConfig", "The proxy %1").arg(why));
    };
    if (!url.isValid() || url.host().isEmpty() || url.port() <= 0)
        return bad(QCoreApplication::translate("ClientConfig", "must be given as http://host:port."));
    if (url.scheme().compare("http"_L1, Qt::CaseInsensitive) != 0)
        return bad(QCoreApplication::translate("ClientConfig", "must be an HTTP proxy (http://host:port); HTTPS "
                                                               "traffic goes through it encrypted."));
    if (!url.userInfo().isEmpty())
        return bad(QCoreApplication::translate("ClientConfig", "URL must not hold a user name or password; they are "
                                                               "asked for when the proxy wants them."));
    return std::nullopt;
}

Result<QList<QSslCertificate>> loadCaCertificates(const QString &pemPath)
{
    constexpr qint64 maxBytes = 4 * 1024 * 1024; // a bundle of every public CA is about 0.2 MB
    const QFileInfo info(pemPath);
    if (info.exists() && !info.isFile()) // a FIFO or a device would block the reader, a folder fails
        return ClerkError::invalidRequest(
            QCoreApplication::translate("ClientConfig", "The CA certificate file %1 is not a regular file.")
                .arg(QDir::toNativeSeparators(pemPath)));
    if (info.size() > maxBytes)
        return ClerkError::invalidRequest(
            QCoreApplication::translate("ClientConfig", "The CA certificate file %1 is larger than 4 MiB; a CA file is far smaller.")
                .arg(QDir::toNativeSeparators(pemPath)));
    QFile file(pemPath);
    if (!file.open(QIODevice::ReadOnly))
        return ClerkError::invalidRequest(
            QCoreApplication::translate("ClientConfig", "The CA certificate file %1 cannot be read: %2")
                .arg(QDir::toNativeSeparators(pemPath), file.errorString()));
    const QList<QSslCertificate> all = QSslCertificate::fromData(file.read(maxBytes), QSsl::Pem);
    QList<QSslCertificate> valid;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QSslCertificate &certificate : all) {
        if (!certificate.isNull() && certificate.expiryDate() > now && certificate.effectiveDate() <= now)
            valid << certificate;
    }
    if (all.isEmpty())
        return ClerkError::invalidRequest(
            QCoreApplication::translate("ClientConfig", "%1 holds no PEM certificate (\"-----BEGIN CERTIFICATE-----\").")
                .arg(QDir::toNativeSeparators(pemPath)));
    if (valid.isEmpty())
        return ClerkError::invalidRequest(
            QCoreApplication::translate("ClientConfig", "Every certificate in %1 has expired or is not valid yet (%2).")
                .arg(QDir::toNativeSeparators(pemPath), describeCertificate(all.first())));
    return valid;
}

std::optional<QSslConfiguration> tlsConfigurationFor(const ClientConfig &config)
{
    if (config.extraCaCertificates.isEmpty())
        return std::nullopt;
    // Setting any CA list turns off Qt's loading of the system's own as needed, so they are named here
    // too: the extra ones are trusted in addition, never instead. Errors are never ignored.
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslConfiguration::systemCaCertificates() + config.extraCaCertificates);
    return tls;
}

QString describeCertificate(const QSslCertificate &certificate)
{
    QString name = certificate.subjectInfo(QSslCertificate::CommonName).value(0);
    if (name.isEmpty())
        name = certificate.subjectInfo(QSslCertificate::Organization).value(0);
    return QCoreApplication::translate("ClientConfig", "%1, valid until %2")
        .arg(name.isEmpty() ? certificate.subjectDisplayName() : name,
             certificate.expiryDate().toUTC().date().toString(Qt::ISODate));
}

QString keyFingerprint(const QString &secretKey)
{
    if (secretKey.isEmpty())
        return {};
    const QByteArray digest = QCryptographicHash::hash(secretKey.toUtf8(), QCryptographicHash::Sha256);
    return QString::fromLatin1(digest.toHex().left(12));
}

} // namespace InviteDesk
