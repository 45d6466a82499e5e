#pragma once

#include "core/api/ClerkTypes.h"
#include "core/api/ClientConfig.h"
#include "core/api/Result.h"

#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QSet>
#include <QtCore/QUrlQuery>
#include <QtNetwork/QNetworkRequest>
#include <QtNetwork/QSslConfiguration>

#include <functional>
#include <memory>
#include <optional>
#include <unordered_map>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
class QNetworkReply;
QT_END_NAMESPACE

namespace InviteDesk {

class Clock;

class RatePacer;

struct OrganizationQuery
{
    QString query; //!< ID exactly, name or slug partially
    int limit = 20;
    int offset = 0;
    QString orderBy; //!< e.g. "name", "-created_at"; empty for Clerk's default
    bool includeMembersCount = false;
};

struct InvitationQuery
{
    std::optional<InvitationStatus> status; //!< none for every status
    QString orderBy;                        //!< "created_at" or "email_address" with +/-
    int limit = 500;
    int offset = 0;
    QString emailAddress;
};

/*! A query across the instance: its organizations' invitations, or its application invitations. */
struct InstanceInvitationQuery
{
    QString query; //!< matches the invitee's email address (and, for application invitations, the ID)
    std::optional<InvitationStatus> status;
    QString orderBy;
    int limit = 500;
    int offset = 0;
};

struct NewInvitation
{
    QString emailAddress;
    QString role;
    QString inviterUserId;
    QJsonObject publicMetadata;
    QString redirectUrl;
    std::optional<int> expiresInDays;
    std::optional<bool> notify;
};

/*!
 * Talks to Clerk's Backend API for one instance (one secret key).
 *
 * Every request is built in buildRequest(): bearer key, API version, user
 * agent, Accept, transfer timeout, percent-encoded path segments. Reads are
 * retried on connection errors, 429 (after Retry-After) and 5xx with capped,
 * jittered exponential backoff; writes are sent once, because a write whose
 * answer was lost must be checked with a read before it is repeated.
 *
 * Every wait is bounded (ClientConfig says why each bound is what it is):
 * the whole exchange, not only the gap between bytes; the Retry-After a
 * server may ask for; the size of an answer; the number of attempts.
 *
 * Each operation takes a context object and a callback that receives a
 * Result. The callback never runs synchronously, never runs after the context
 * or the client is destroyed, and runs exactly once otherwise (with a
 * Cancelled error after cancel()).
 *
 * \code
 * client->getInvitation(orgId, invId, this, [this](Result<Invitation> r) {
 *     if (!r) return showError(r.error().userMessage());
 *     show(r.value());
 * });
 * \endcode
 */
class ClerkClient : public QObject
{
    Q_OBJECT

public:
    using CallId = quint64;
    enum class Method { Get, Post };
    template <typename T>
    using Callback = std::function<void(Result<T>)>;

    static constexpr const char *apiVersion = "2026-05-12";

    explicit ClerkClient(ClientConfig config, QObject *parent = nullptr);
    ClerkClient(ClientConfig config, QNetworkAccessManager *network, QObject *parent = nullptr);
    ~ClerkClient() override;

    const ClientConfig &config() const { return m_config; }
    KeyEnvironment environment() const { return environmentOfKey(m_config.secretKey); }

    /*! Every request waits for \a pacer (not owned; may be null for unpaced). */
    void setPacer(RatePacer *pacer);
    RatePacer *pacer() const;
    /*!
     * The clock the backoff between retries, and the work built on this client (a revoke's waits, the
     * undo hold), run on: the real one unless \a clock (not owned; null for the real one) is given.
     */
    void setClock(Clock *clock);
    Clock *clock() const { return m_clock; }

    CallId listOrganizations(const OrganizationQuery &query, QObject *context, Callback<Page<Organization>> done);
    CallId getOrganization(const QString &idOrSlug, QObject *context, Callback<Organization> done);
    CallId listInvitations(const QString &organizationId, const InvitationQuery &query, QObject *context,
                           Callback<Page<Invitation>> done);
    CallId listInstanceInvitations(const InstanceInvitationQuery &query, QObject *context,
                                   Callback<Page<Invitation>> done);
    /*! The instance's application invitations (`GET /invitations`, paginated). */
    CallId listApplicationInvitations(const InstanceInvitationQuery &query, QObject *context,
                                      Callback<Page<Invitation>> done);
    CallId getInvitation(const QString &organizationId, const QString &invitationId, QObject *context,
                         Callback<Invitation> done);
    /*!
     * One application invitation. Clerk has no read of one by ID, and its list leaves revoked ones out
     * unless asked for them: `GET /invitations?query=ID&status=revoked`, then without the status. Not
     * found only when neither has a row with exactly that ID.
     */
    CallId getApplicationInvitation(const QString &invitationId, QObject *context, Callback<Invitation> done);
    /*! One invitation of either kind read again: getInvitation() or getApplicationInvitation(). */
    CallId readInvitation(InvitationKind kind, const QString &organizationId, const QString &invitationId,
                          QObject *context, Callback<Invitation> done);
    /*! `POST /invitations/{id}/revoke` (no requesting user); one attempt, as revokeInvitation(). */
    CallId revokeApplicationInvitation(const QString &invitationId, QObject *context, Callback<Invitation> done,
                                       std::function<void()> beforeSend = {});
    /*!
     * One attempt only; RevokeTask decides what to do with a lost answer. \a beforeSend runs right
     * before the request leaves (after the pacer let it go), never if it is cancelled before that.
     */
    CallId revokeInvitation(const QString &organizationId, const QString &invitationId,
                            const QString &requestingUserId, QObject *context, Callback<Invitation> done,
                            std::function<void()> beforeSend = {});
    CallId createInvitation(const QString &organizationId, const NewInvitation &invitation, QObject *context,
                            Callback<Invitation> done);
    CallId listRoles(int limit, int offset, QObject *context, Callback<Page<Role>> done);

    /*! Stops a call; its callback runs later, from the event loop, with a Cancelled error (never inside cancel()). */
    void cancel(CallId id);
    void cancelAll();
    /*! Cancels only if the request has not left yet (still paced or waiting to retry); true if it was cancelled. */
    bool cancelIfNotSent(CallId id);
    /*! Like cancelIfNotSent(), but no callback follows: the caller takes the call back at once. */
    bool withdrawIfNotSent(CallId id);
    int callsInFlight() const { return int(m_calls.size()); }
    /*!
     * How many requests to keep in flight: ClientConfig::http1Concurrency, or http2Concurrency once a
     * reply showed that HTTP/2 carries them (all as streams of one connection).
     */
    int concurrency() const;
    bool usesHttp2() const { return m_http2Seen; }

    /*! The URL for \a pathSegments below the API URL, each segment percent-encoded as one. */
    Result<QUrl> buildUrl(const QStringList &pathSegments, const QUrlQuery &query = {}) const;
    /*!
     * Every header and attribute InviteDesk sends. Reads follow same-origin redirects (at most
     * three); writes follow none, since a redirected POST may or may not have been carried out.
     */
    QNetworkRequest buildRequest(const QUrl &url, Method method = Method::Get, bool hasJsonBody = false) const;
    static QByteArray userAgent();
    /*!
     * Threads that parse large answers, for all clients of the process. The default leaves one core
     * to the GUI thread; a command-line tool may use them all.
     */
    static void setParseThreads(int threads);

Q_SIGNALS:
    /*! Clerk answered 429; nothing is sent for \a waitMs. */
    void rateLimited(qint64 waitMs);

private:
    struct Response;
    struct Call;
    /*! What parsing a 2xx answer gave: an error, or a function that hands the value to the caller. */
    struct Parsed
    {
        std::optional<ClerkError> error;
        std::function<void()> deliver;
    };
    using SuccessHandler = std::function<Parsed(const Response &)>;
    using ErrorHandler = std::function<void(const ClerkError &)>;

    /*! Answers at least this large are parsed on a worker thread. */
    static constexpr qsizetype offThreadParseBytes = 64 * 1024;

    CallId start(Method method, const QStringList &path, const QUrlQuery &query, std::optional<QByteArray> body,
                 QObject *context, SuccessHandler onSuccess, ErrorHandler onError, std::function<void()> beforeSend);
    template <typename T>
    CallId startParsed(Method method, const QStringList &path, const QUrlQuery &query,
                       std::optional<QByteArray> body, QObject *context, Callback<T> done,
                       Result<T> (*parse)(const QByteArray &), std::function<void()> beforeSend = {});
    void dispatch(CallId id);
    void send(CallId id);
    void onReplyFinished(CallId id);
    void onParsed(CallId id, const Parsed &parsed);
    void onParsed(std::unique_ptr<Call> call, const Parsed &parsed);
    void handleFailure(std::unique_ptr<Call> call, const ClerkError &error);
    void retryLater(Call &call, std::chrono::milliseconds delay);
    void fail(CallId id, const ClerkError &error);
    std::unique_ptr<Call> takeCall(CallId id);
    /*! Takes the call and stops everything it has going (reply, retry timer, pacer ticket), without a callback. */
    std::unique_ptr<Call> detach(CallId id);
    void discard(CallId id);
    std::chrono::milliseconds backoffDelay(int attempt) const;

    ClientConfig m_config;
    QNetworkAccessManager *m_network = nullptr;
    QPointer<RatePacer> m_pacer;
    Clock *m_clock;
    std::unordered_map<CallId, std::unique_ptr<Call>> m_calls;
    CallId m_nextId = 1;
    bool m_heardBack = false; //!< some answer came back: a later silence is not a proxy's that never answers
    bool m_http2Seen = false;
    QSet<QString> m_proxyCredentialsTried; //!< proxies given the user's credentials once
    QString m_proxy;                          //!< "host:port" requests go through, empty for none
    std::optional<QSslConfiguration> m_tls;   //!< the system's CAs plus the extra ones, when there are extra ones
};

} // namespace InviteDesk
