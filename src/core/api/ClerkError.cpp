#include "core/api/ClerkError.h"

#include <QtCore/QDateTime>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QLocale>
#include <QtCore/QTimeZone>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace InviteDesk {

ClerkError ClerkError::invalidRequest(const QString &message)
{
    ClerkError e(Kind::InvalidRequest);
    e.m_detail = message;
    return e;
}

ClerkError ClerkError::cancelled()
{
    ClerkError e(Kind::Cancelled);
    e.m_networkError = QNetworkReply::OperationCanceledError;
    return e;
}

ClerkError ClerkError::timeout(const QString &detail)
{
    ClerkError e(Kind::Timeout);
    e.m_networkError = QNetworkReply::TimeoutError;
    e.m_detail = detail;
    return e;
}

ClerkError ClerkError::exchangeTimeout(const QString &detail)
{
    ClerkError e = timeout(detail);
    e.m_exchangeTimeout = true;
    return e;
}

ClerkError ClerkError::untrustedServer(const QString &host, const QSslError &error)
{
    ClerkError e(Kind::Tls);
    e.m_networkError = QNetworkReply::SslHandshakeFailedError;
    e.m_certificateRefused = true;
    const QSslCertificate certificate = error.certificate();
    QString issuer = certificate.issuerInfo(QSslCertificate::CommonName).value(0);
    if (issuer.isEmpty())
        issuer = certificate.issuerInfo(QSslCertificate::Organization).value(0);
    const bool untrustedIssuer = error.error() == QSslError::UnableToGetLocalIssuerCertificate
                                 || error.error() == QSslError::SelfSignedCertificateInChain
                                 || error.error() == QSslError::SelfSignedCertificate
                                 || error.error() == QSslError::UnableToVerifyFirstCertificate
                                 || error.error() == QSslError::UnableToGetIssuerCertificate;
    if (untrustedIssuer && !issuer.isEmpty())
        e.m_detail = tr("The certificate of %1 was issued by \"%2\", which this computer does not trust. If your "
                        "company inspects HTTPS, add its CA certificate to the profile (or give it with --ca-file "
                        "or SSL_CERT_FILE).")
                         .arg(host, issuer);
    else
        e.m_detail = tr("The certificate of %1 was refused: %2").arg(host, error.errorString());
    return e;
}

ClerkError ClerkError::fromNetworkError(QNetworkReply::NetworkError error, const QString &detail)
{
    Kind kind = Kind::Network;
    switch (error) {
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::InsecureRedirectError:
        kind = Kind::Tls;
        break;
    case QNetworkReply::TimeoutError:
        kind = Kind::Timeout;
        break;
    case QNetworkReply::OperationCanceledError:
        kind = Kind::Cancelled;
        break;
    default:
        break;
    }
    ClerkError e(kind);
    e.m_networkError = error;
    e.m_detail = detail;
    return e;
}

ClerkError ClerkError::fromHttp(int status, const QByteArray &body, const QByteArray &cfRay,
                                const QByteArray &retryAfter)
{
    ClerkError e(Kind::Http);
    e.m_httpStatus = status;
    e.m_retryAfter = parseRetryAfter(retryAfter);

    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error == QJsonParseError::NoError && doc.isObject()) {
        const QJsonObject root = doc.object();
        const QJsonArray errors = root.value("errors"_L1).toArray();
        if (!errors.isEmpty()) {
            const QJsonObject first = errors.first().toObject();
            e.m_code = first.value("code"_L1).toString();
            e.m_message = first.value("message"_L1).toString();
            e.m_longMessage = first.value("long_message"_L1).toString();
            e.m_paramName = first.value("meta"_L1).toObject().value("param_name"_L1).toString();
        }
        e.m_traceId = root.value("clerk_trace_id"_L1).toString();
    } else if (!body.isEmpty()) {
        // Proxies and load balancers answer with HTML or plain text; keep a short sample.
        e.m_detail = QString::fromUtf8(body.left(200)).simplified();
    }
    if (e.m_traceId.isEmpty() && !cfRay.isEmpty())
        e.m_traceId = QString::fromLatin1(cfRay);
    return e;
}

ClerkError ClerkError::payload(const QString &detail, int status, const QString &traceId)
{
    ClerkError e(Kind::Payload);
    e.m_httpStatus = status;
    e.m_detail = detail;
    e.m_traceId = traceId;
    return e;
}

ClerkError ClerkError::overBound(const QString &detail)
{
    ClerkError e = payload(detail);
    e.m_overBound = true;
    return e;
}

ClerkError ClerkError::rateLimitTooLong(const ClerkError &rateLimited, std::chrono::seconds cap)
{
    ClerkError e = rateLimited;
    e.m_waitRefused = true;
    e.m_waitCap = cap;
    return e;
}

ClerkError ClerkError::unconfirmedWrite(const QString &detail, int status, const QString &traceId)
{
    ClerkError e(Kind::Payload);
    e.m_httpStatus = status;
    e.m_detail = detail;
    e.m_traceId = traceId;
    e.m_unconfirmedWrite = true;
    return e;
}

bool ClerkError::isTransient() const
{
    switch (m_kind) {
    case Kind::Network:
        // Sending refused credentials again only adds failed logins to a directory account; a proxy that
        // never answered will not answer the next time either.
        return m_networkError != QNetworkReply::ProxyAuthenticationRequiredError
               && m_networkError != QNetworkReply::ProxyTimeoutError;
    case Kind::Timeout:
        return !m_exchangeTimeout;
    case Kind::Http:
        return (m_httpStatus == 429 && !m_waitRefused) || m_httpStatus >= 500;
    case Kind::Payload:
        // A truncated or garbled answer to a read is worth one more try; one over a bound of ours is not.
        return !m_overBound;
    case Kind::InvalidRequest:
    case Kind::Cancelled:
    case Kind::Tls:
        return false;
    }
    return false;
}

bool ClerkError::outcomeUnknown() const
{
    switch (m_kind) {
    case Kind::Timeout:
    case Kind::Payload:
        return true;
    case Kind::Network:
        // Refused connections and unknown hosts never reached Clerk.
        return m_networkError != QNetworkReply::ConnectionRefusedError
            && m_networkError != QNetworkReply::HostNotFoundError
            && m_networkError != QNetworkReply::ProxyConnectionRefusedError
            && m_networkError != QNetworkReply::ProxyNotFoundError
            && m_networkError != QNetworkReply::ProxyTimeoutError; // no tunnel: the request never left
    case Kind::Http:
        return m_httpStatus >= 500;
    case Kind::InvalidRequest:
    case Kind::Cancelled:
    case Kind::Tls:
        break;
    }
    return false;
}

QString ClerkError::userMessage() const
{
    const QString message = baseMessage();
    return m_note.isEmpty() ? message : message + u' ' + m_note;
}

QString ClerkError::baseMessage() const
{
    const QString clerkText = !m_longMessage.isEmpty() ? m_longMessage : m_message;
    switch (m_kind) {
    case Kind::InvalidRequest:
        return m_detail;
    case Kind::Cancelled:
        return tr("Cancelled.");
    case Kind::Timeout:
        return tr("Clerk did not answer in time. Check the connection and try again.");
    case Kind::Tls:
        if (m_certificateRefused) // a whole sentence that names the host and the issuer
            return m_detail + u' ' + tr("InviteDesk never ignores certificate errors.");
        return tr("The secure connection to Clerk could not be verified (%1). "
                  "InviteDesk never ignores certificate errors.")
            .arg(m_detail);
    case Kind::Network:
        switch (m_networkError) {
        case QNetworkReply::ConnectionRefusedError:
            return tr("Could not connect to the Clerk API: the connection was refused.");
        case QNetworkReply::HostNotFoundError:
            return tr("Could not find the Clerk API host. Are you offline?");
        case QNetworkReply::RemoteHostClosedError:
            return tr("The connection to Clerk was closed before the answer arrived.");
        case QNetworkReply::ProxyAuthenticationRequiredError:
            return tr("The proxy asks for a user name and password (HTTP 407), or refused the ones given.");
        case QNetworkReply::ProxyConnectionRefusedError:
        case QNetworkReply::ProxyNotFoundError:
        case QNetworkReply::ProxyConnectionClosedError:
        case QNetworkReply::ProxyTimeoutError:
            return tr("The proxy could not be reached or closed the connection (%1). Check the proxy setting.")
                .arg(m_detail);
        default:
            return tr("Network error while talking to Clerk: %1").arg(m_detail);
        }
    case Kind::Payload:
        if (m_unconfirmedWrite)
            return tr("Clerk's answer did not confirm the change: %1").arg(m_detail);
        return tr("Clerk's answer could not be read: %1").arg(m_detail);
    case Kind::Http:
        break;
    }

    if (m_httpStatus == 401)
        return tr("Clerk rejected the secret key: check that it is the right, current key for this instance.")
            + (clerkText.isEmpty() ? QString() : u" ("_s + clerkText + u')');
    if (m_httpStatus == 403)
        return clerkText.isEmpty() ? tr("Clerk refused this operation for this key or acting user.")
                                   : tr("Clerk refused this operation: %1").arg(clerkText);
    if (m_httpStatus == 429) {
        if (m_waitRefused && m_retryAfter)
            return tr("Clerk asked InviteDesk to wait %1 before the next request, longer than the %2 it waits "
                      "by itself; nothing more was sent. Try again later.")
                .arg(describeWait(*m_retryAfter), describeWait(m_waitCap));
        if (m_retryAfter)
            return tr("Clerk's rate limit was reached; it accepts requests again in %n second(s).", nullptr,
                      int(m_retryAfter->count()));
        return tr("Clerk's rate limit was reached; try again shortly.");
    }
    if (m_httpStatus >= 500)
        return tr("Clerk had a server error (HTTP %1). Try again in a moment.").arg(m_httpStatus);
    if (!clerkText.isEmpty()) {
        if (!m_paramName.isEmpty())
            return tr("%1 (parameter: %2)").arg(clerkText, m_paramName);
        return clerkText;
    }
    if (!m_detail.isEmpty())
        return tr("Clerk answered HTTP %1: %2").arg(m_httpStatus).arg(m_detail);
    return tr("Clerk answered HTTP %1.").arg(m_httpStatus);
}

QString ClerkError::oneLine() const
{
    QString line = userMessage();
    QStringList extras;
    if (m_kind == Kind::Http)
        extras << u"HTTP "_s + QString::number(m_httpStatus);
    if (!m_code.isEmpty())
        extras << m_code;
    if (!m_traceId.isEmpty())
        extras << u"trace "_s + m_traceId;
    if (!extras.isEmpty())
        line += u" ["_s + extras.join(u", "_s) + u']';
    return line.simplified();
}

std::optional<std::chrono::seconds> ClerkError::parseRetryAfter(const QByteArray &value)
{
    // Large enough to be "too long" for any cap, small enough that no clock arithmetic overflows with it.
    constexpr qint64 saturated = qint64(100) * 365 * 24 * 3600;
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 64)
        return std::nullopt;
    const bool digitsOnly = std::all_of(trimmed.cbegin(), trimmed.cend(), [](char c) { return c >= '0' && c <= '9'; });
    if (digitsOnly) {
        qint64 seconds = 0;
        for (const char c : trimmed) {
            seconds = seconds * 10 + (c - '0');
            if (seconds >= saturated)
                return std::chrono::seconds(saturated);
        }
        return std::chrono::seconds(seconds);
    }
    // An HTTP date in any of RFC 9110's three forms (IMF-fixdate, RFC 850, asctime; Qt's RFC 2822 parser
    // takes none of them because of "GMT"), or an RFC 2822 date with a numeric zone.
    const QString text = QString::fromLatin1(trimmed).simplified();
    const QLocale c = QLocale::c();
    QDateTime when = c.toDateTime(text, u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s);
    if (!when.isValid() && text.contains(u", "_s)) {
        // RFC 850's two-digit year reads as 19xx, where the weekday would not match: parse without it.
        when = c.toDateTime(text.section(u", "_s, 1), u"dd-MMM-yy HH:mm:ss 'GMT'"_s);
        if (when.isValid() && when.date().year() < 1970) // a two-digit year is this century's
            when = when.addYears(100);
    }
    if (!when.isValid())
        when = c.toDateTime(text, u"ddd MMM d HH:mm:ss yyyy"_s);
    if (when.isValid())
        when.setTimeZone(QTimeZone::utc());
    else
        when = QDateTime::fromString(text, Qt::RFC2822Date);
    if (!when.isValid()) {
        // The header sent twice arrives joined ("999, 999"): the longest wait asked for counts.
        if (!trimmed.contains(','))
            return std::nullopt;
        std::optional<std::chrono::seconds> longest;
        for (const QByteArray &part : trimmed.split(',')) {
            const std::optional<std::chrono::seconds> one = parseRetryAfter(part);
            if (!one || part.contains(','))
                return std::nullopt;
            longest = std::max(longest.value_or(std::chrono::seconds(0)), *one);
        }
        return longest;
    }
    const qint64 delta = QDateTime::currentDateTimeUtc().secsTo(when);
    return std::chrono::seconds(std::clamp<qint64>(delta, 0, saturated));
}

QString ClerkError::describeWait(std::chrono::seconds wait)
{
    const qint64 s = wait.count();
    if (s < 120)
        return tr("%n second(s)", nullptr, int(s));
    if (s < 2 * 3600)
        return tr("%n minute(s)", nullptr, int(s / 60));
    if (s < 2 * 86400)
        return tr("%n hour(s)", nullptr, int(s / 3600));
    if (s < qint64(2) * 365 * 86400)
        return tr("%1 days").arg(QLocale().toString(double(s) / 86400.0, 'f', 1));
    return tr("more than a year");
}

} // namespace InviteDesk
