#pragma once

#include "sandbox/HttpServer.h"
#include "sandbox/SandboxStore.h"

#include <QtCore/QObject>
#include <QtCore/QRandomGenerator>
#include <QtCore/QUrl>

#include <deque>
#include <memory>
#include <vector>

namespace InviteDesk::Sandbox {

/*! Random faults, each a share of API requests (0 to 1). */
struct FaultSettings
{
    int latencyMs = 0;          //!< added before every answer
    int writeLatencyMs = 0;     //!< added before answers to writes (POST): the change is made at once
    double serverErrorRate = 0; //!< 500/503 in Clerk's envelope; nothing changes
    double dropRate = 0;        //!< connection closed before any answer; nothing changes
    double malformedRate = 0;   //!< 200 with a broken JSON body (a write is carried out first)
    double lostAnswerRate = 0;  //!< writes are carried out, then the answer is cut off mid-way
    bool writesOnly = false;    //!< the random faults hit writes (POST) only, not the reads that set a run up
    quint32 seed = 7;
};

/*! A fault for the next matching requests, for tests that need one exact failure. */
struct ScriptedFault
{
    enum class Kind {
        ServerError,      //!< answer `status` (default 500) with Clerk's envelope; nothing changes
        Drop,             //!< close the connection without answering; nothing changes
        Malformed,        //!< carry out the request, answer 200 with a broken body
        LoseAnswer,       //!< carry out the request, then cut the answer off
        Stall,            //!< never answer (the client's timeout must fire)
        RateLimit,        //!< 429 with Retry-After `retryAfterSeconds` (or `headers` as given)
        RawAnswer,        //!< answer `status` with `body` and `headers` as is; nothing changes
        Trickle,          //!< carry out the request, then send the answer one byte every `trickleMs`
        CarryOutThenDrop, //!< carry out the request, then close the connection without a byte of answer
    };
    Kind kind = Kind::ServerError;
    QByteArray method;    //!< empty: any
    QString pathContains; //!< empty: any API path
    int count = 1;
    int status = 500;
    int retryAfterSeconds = 1;
    QByteArray body;
    /*! Extra headers for RawAnswer and RateLimit (a Retry-After here replaces the numeric one). */
    QList<QPair<QByteArray, QByteArray>> headers;
    int trickleMs = 100;
};

/*! What the sandbox saw, for tests that check what a client sent. */
struct LoggedRequest
{
    QByteArray method;
    QByteArray rawPath;
    QByteArray rawQuery;
    QHash<QByteArray, QByteArray> headers; //!< Authorization is replaced by "Bearer <redacted>"
    QByteArray body;
    bool authorized = false;
    int status = 0; //!< 0 when no answer was sent
};

struct SandboxOptions
{
    SeedOptions seed;
    QStringList productionKeys{defaultProductionKey()};
    QStringList developmentKeys{defaultDevelopmentKey()};
    bool rateLimits = true;
    /*! Unknown query parameters and bad values are answered with 422 (Clerk may ignore some). */
    bool strictParameters = true;
    bool logRequests = true;

    static QString defaultProductionKey();
    static QString defaultDevelopmentKey();
};

/*!
 * A local fake of Clerk's Backend API, over real HTTP on loopback: the same
 * paths, JSON shapes, ms timestamps, `{data, total_count}` pagination (limit
 * 1-500), error envelope and codes, bearer-key check, rate limits with
 * Retry-After (1000 per 10 s for sk_live_ keys, 100 per 10 s for sk_test_),
 * and fault knobs. Used by the tests, by `invitedesk --demo` and by the
 * `invitedesk-sandbox` tool.
 */
class ClerkSandbox : public QObject
{
    Q_OBJECT

public:
    explicit ClerkSandbox(const SandboxOptions &options = {}, QObject *parent = nullptr);
    ~ClerkSandbox() override;

    bool listen(quint16 port = 0, const QHostAddress &address = QHostAddress::LocalHost);
    QString errorString() const;
    quint16 port() const;
    /*! `http://127.0.0.1:<port>/v1` */
    QUrl apiUrl() const;

    SandboxStore &store() { return m_store; }
    const FaultSettings &faults() const { return m_faults; }
    void setFaults(const FaultSettings &faults);
    void addScriptedFault(const ScriptedFault &fault) { m_scripted.push_back(fault); }
    void clearScriptedFaults() { m_scripted.clear(); }
    void setRateLimits(bool enabled) { m_options.rateLimits = enabled; }
    /*! Overrides the documented limit per window (for tests); 0 restores Clerk's numbers. */
    void setRateLimitOverride(int requestsPerWindow, int windowMs);

    const std::deque<LoggedRequest> &requests() const { return m_log; }
    void clearRequests() { m_log.clear(); }
    /*! The 429s answered, by the rate limiter or a scripted fault. */
    int rateLimitedCount() const { return m_rateLimited; }
    int connectionsAccepted() const;
    /*! Connections open now: one whose client went away is counted out once its last bytes were read. */
    int openConnections() const;

    /*! Milliseconds since the epoch as the sandbox sees it. */
    qint64 now() const;

private:
    struct Limiter;

    void handle(const HttpRequest &request, HttpResponder responder);
    HttpResponse route(const HttpRequest &request, const QString &key, bool *changedState);
    void deliver(std::function<void()> action, qsizetype logIndex, int status, bool write);
    /*! Counts a create against its key's hourly limit; the wait in ms when refused. */
    std::optional<qint64> admitCreate(const QString &key, qint64 nowMs);

    HttpResponse listOrganizations(const HttpRequest &request);
    HttpResponse getOrganization(const HttpRequest &request, const QString &idOrSlug);
    HttpResponse listInvitations(const HttpRequest &request, SandboxOrganization &org);
    HttpResponse listInstanceInvitations(const HttpRequest &request);
    HttpResponse getInvitation(SandboxOrganization &org, const QString &invitationId);
    HttpResponse revokeInvitation(const HttpRequest &request, SandboxOrganization &org, const QString &invitationId,
                                  bool *changedState);
    HttpResponse createInvitation(const HttpRequest &request, SandboxOrganization &org, const QString &key,
                                  bool *changedState);
    HttpResponse listRoles(const HttpRequest &request);
    HttpResponse listApplicationInvitations(const HttpRequest &request);
    HttpResponse revokeApplicationInvitation(const QString &invitationId, bool *changedState);
    QJsonObject applicationInvitationJson(const SandboxInvitation &invitation) const;

    HttpResponse error(int status, const QString &code, const QString &message, const QString &longMessage,
                       const QString &paramName = {});
    HttpResponse json(const QJsonObject &object, int status = 200);
    std::optional<HttpResponse> checkParameters(const HttpRequest &request, const QStringList &allowed);
    std::optional<HttpResponse> readPaging(const HttpRequest &request, int *limit, int *offset);
    /*! The one `status` of the instance-wide lists (empty: every status), or the 422 for another value. */
    std::optional<HttpResponse> readStatus(const HttpRequest &request, QString *status);
    QJsonObject invitationJson(const SandboxInvitation &invitation, const SandboxOrganization *withOrg = nullptr) const;
    QByteArray cachedInvitationJson(const SandboxInvitation &invitation, qint64 now,
                                    const SandboxOrganization *withOrg = nullptr);
    QJsonObject organizationJson(const SandboxOrganization &org, bool withMembersCount) const;
    QByteArray newTraceId();

    SandboxOptions m_options;
    SandboxStore m_store;
    FaultSettings m_faults;
    QRandomGenerator m_faultRandom;
    std::deque<ScriptedFault> m_scripted;
    std::deque<LoggedRequest> m_log;
    QHash<QString, std::shared_ptr<Limiter>> m_limiters;
    QHash<QString, std::shared_ptr<Limiter>> m_createLimiters;
    int m_limitOverride = 0;
    int m_windowOverrideMs = 0;
    int m_rateLimited = 0;
    std::unique_ptr<HttpServer> m_server;

    /*!
     * An invitation's JSON, kept while everything it was made from stays: the invitation as stored (tests
     * edit its fields in place, not always with updated_at), its status at the time, its organization's
     * public data. Not its role's name or its inviter's user: tests that change those change no row after.
     */
    struct CachedJson
    {
        SandboxInvitation source;
        QString status;
        QString orgId; //!< the organization's ID, name and slug, when its data is part of the JSON
        QString orgName;
        QString orgSlug;
        QByteArray bytes;
    };
    QHash<QString, CachedJson> m_jsonCache; //!< invitation ID -> its JSON, while unchanged
    QHash<QString, CachedJson> m_instanceJsonCache; //!< the same with its organization's public data

    struct InstanceMatch
    {
        const SandboxInvitation *invitation = nullptr;
        const SandboxOrganization *organization = nullptr;
        qint64 createdAt = 0; //!< with the addresses: the same rows, not others moved into their place
        bool operator==(const InstanceMatch &) const = default;
    };
    struct InstanceOrder
    {
        QString key; //!< the order asked for
        std::vector<InstanceMatch> scanning; //!< this request's matches in the store's order (room kept)
        std::vector<InstanceMatch> scanned;  //!< the matches the order was worked out for
        std::vector<InstanceMatch> sorted;   //!< the same in the order asked for
    };
    InstanceOrder m_instanceOrder; //!< the last instance-wide listing's order, reused while its rows stay
};

} // namespace InviteDesk::Sandbox
