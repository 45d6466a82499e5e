#pragma once

#include <QtCore/QCoreApplication>
#include <QtCore/QString>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QSslError>

#include <chrono>
#include <optional>

namespace InviteDesk {

/*!
 * One error type for the three layers a Clerk call can fail in:
 * transport (connection, timeout, TLS, cancel), HTTP status (Clerk's error
 * envelope), and payload (a 2xx answer we cannot use).
 *
 * It keeps what Clerk support asks for (code, trace ID) and what a person
 * needs (userMessage()). Build one with the named constructors.
 */
class ClerkError
{
    Q_DECLARE_TR_FUNCTIONS(InviteDesk::ClerkError)

public:
    enum class Kind {
        InvalidRequest, //!< refused on our side, nothing was sent
        Network,        //!< connection refused, reset, closed, host not found
        Timeout,        //!< no complete answer within the transfer timeout
        Cancelled,      //!< cancelled by the user or the caller
        Tls,            //!< certificate or handshake failure
        Http,           //!< Clerk answered with a non-2xx status
        Payload,        //!< a 2xx answer that could not be used
    };

    /*! An unset error; only for containers and QVariant. Use the named constructors. */
    ClerkError() : m_kind(Kind::InvalidRequest) {}

    static ClerkError invalidRequest(const QString &message);
    static ClerkError cancelled();
    static ClerkError timeout(const QString &detail = {});
    /*!
     * The whole exchange took longer than allowed while bytes kept coming (a server that trickles):
     * not transient, since asking again would take as long; a write's outcome is unknown.
     */
    static ClerkError exchangeTimeout(const QString &detail);
    static ClerkError fromNetworkError(QNetworkReply::NetworkError error, const QString &detail);
    /*!
     * The server's certificate was refused: names the host, who issued the certificate, and how to trust
     * a company's inspecting CA (never: "ignore the error").
     */
    static ClerkError untrustedServer(const QString &host, const QSslError &error);
    /*! Parses Clerk's error envelope from \a body; tolerates any body. */
    static ClerkError fromHttp(int status, const QByteArray &body, const QByteArray &cfRay = {},
                               const QByteArray &retryAfter = {});
    static ClerkError payload(const QString &detail, int status = 200, const QString &traceId = {});
    /*! An answer refused by one of InviteDesk's own bounds (rows too large): the same again is refused again. */
    static ClerkError overBound(const QString &detail);
    /*!
     * A 429 whose Retry-After asks for more than InviteDesk waits (\a cap): it is not waited out and
     * not retried; the message says how long the server asked for and that a person should try later.
     */
    static ClerkError rateLimitTooLong(const ClerkError &rateLimited, std::chrono::seconds cap);
    /*!
     * A write answered in a way that does not show it was carried out (a redirect, a 2xx whose
     * invitation is still pending): the outcome is unknown and must be settled by a re-read.
     */
    static ClerkError unconfirmedWrite(const QString &detail, int status, const QString &traceId = {});

    Kind kind() const noexcept { return m_kind; }
    int httpStatus() const noexcept { return m_httpStatus; }
    QNetworkReply::NetworkError networkError() const noexcept { return m_networkError; }
    QString code() const { return m_code; }
    QString message() const { return m_message; }
    QString longMessage() const { return m_longMessage; }
    QString paramName() const { return m_paramName; }
    QString traceId() const { return m_traceId; }
    QString detail() const { return m_detail; }
    std::optional<std::chrono::seconds> retryAfter() const { return m_retryAfter; }

    void setTraceId(const QString &traceId) { m_traceId = traceId; }
    /*! A sentence added to userMessage(), e.g. what is not known because of this error. */
    void addNote(const QString &note) { m_note = note; }
    void setRetryAfter(std::optional<std::chrono::seconds> after) { m_retryAfter = after; }

    bool isUnauthorized() const { return m_kind == Kind::Http && m_httpStatus == 401; }
    /*! The proxy wants a user name and password (none were given, or it refused them): ask for them. */
    bool needsProxyCredentials() const { return m_networkError == QNetworkReply::ProxyAuthenticationRequiredError; }
    bool isForbidden() const { return m_kind == Kind::Http && m_httpStatus == 403; }
    bool isRateLimited() const { return m_kind == Kind::Http && m_httpStatus == 429; }
    bool isExchangeTimeout() const { return m_exchangeTimeout; }
    /*! A 429 that asked for a longer pause than InviteDesk waits: see rateLimitTooLong(). */
    bool isWaitRefused() const { return m_waitRefused; }
    bool isServerError() const { return m_kind == Kind::Http && m_httpStatus >= 500; }
    bool isNotFound() const
    {
        return m_kind == Kind::Http && m_httpStatus == 404 && m_code != QLatin1String("organization_invitation_not_pending");
    }
    bool isNotPending() const { return m_code == QLatin1String("organization_invitation_not_pending"); }
    bool isCancelled() const { return m_kind == Kind::Cancelled; }
    bool isOverBound() const { return m_overBound; }

    /*! True where repeating a read can help: connection errors, timeouts, 429 and 5xx. */
    bool isTransient() const;
    /*!
     * True when a state-changing request may have been carried out although
     * we did not get its answer (timeout, reset, 5xx, unreadable 2xx).
     */
    bool outcomeUnknown() const;

    /*! A sentence for people, translated. */
    QString userMessage() const;
    /*! userMessage() plus Clerk's code and trace ID, on one line: for stderr and logs. */
    QString oneLine() const;

    /*!
     * Parses a Retry-After header: delta seconds (digits only) or an HTTP date. A number too large for
     * any clock saturates, so it still reads as "too long"; anything else (empty, negative, a fraction,
     * garbage) is nullopt and the caller uses its default.
     */
    static std::optional<std::chrono::seconds> parseRetryAfter(const QByteArray &value);
    /*! "45 seconds", "3 hours", "11.6 days": a wait in words, for messages. */
    static QString describeWait(std::chrono::seconds wait);

private:
    explicit ClerkError(Kind kind) : m_kind(kind) {}
    QString baseMessage() const;

    Kind m_kind;
    int m_httpStatus = 0;
    QNetworkReply::NetworkError m_networkError = QNetworkReply::NoError;
    QString m_code;
    QString m_message;
    QString m_longMessage;
    QString m_paramName;
    QString m_traceId;
    QString m_detail;
    std::optional<std::chrono::seconds> m_retryAfter;
    QString m_note;
    std::chrono::seconds m_waitCap{0};
    bool m_waitRefused = false;
    bool m_exchangeTimeout = false;
    bool m_overBound = false;
    bool m_certificateRefused = false;
    bool m_unconfirmedWrite = false;
};

} // namespace InviteDesk

Q_DECLARE_METATYPE(InviteDesk::ClerkError)
