#include "core/api/ClerkClient.h"
#include "core/api/ClerkClientCall.h"

#include "core/api/ClerkJson.h"
#include "core/api/ProxyRules.h"
#include "core/api/RatePacer.h"
#include "core/util/Clock.h"
#include "invitedesk/Version.h"

#include <QtConcurrent/QtConcurrentRun>
#include <QtCore/QCoreApplication>
#include <QtCore/QFutureWatcher>
#include <QtCore/QJsonDocument>
#include <QtCore/QRandomGenerator>
#include <QtCore/QSysInfo>
#include <QtCore/QThread>
#include <QtCore/QThreadPool>
#include <QtCore/QTimer>
#include <QtNetwork/QAuthenticator>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QSslConfiguration>
#include <QtNetwork/QSslError>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace InviteDesk {

namespace {

/*!
 * Qt reports a proxy that refuses the tunnel (403) and one that refuses the credentials (407 again)
 * with the same code, UnknownNetworkError; only its own (translated) message tells them apart.
 */
bool proxyDeniedTunnel(const QString &errorString)
{
    // Qt's own message in Qt's own translation: not one of ours (so not a literal lupdate would collect).
    static const char *const qtContext = "QHttpSocketEngine";
    static const char *const qtMessage = "Proxy denied connection";
    return errorString.contains(QCoreApplication::translate(qtContext, qtMessage));
}

/*!
 * Parsing gets all cores but one: the GUI thread keeps a core for itself, so the window stays
 * responsive while pages arrive faster than they are parsed.
 */
QThreadPool *parsePool()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(std::max(1, QThread::idealThreadCount() - 1));
        return p;
    }();
    return pool;
}
} // namespace

void ClerkClient::setParseThreads(int threads)
{
    parsePool()->setMaxThreadCount(std::max(1, threads));
}

namespace {

QString queryString(const QUrlQuery &query)
{
    // QUrlQuery leaves '+' alone, which servers read as a space; Clerk's "+created_at" needs %2B.
    QByteArray out;
    const auto items = query.queryItems(QUrl::FullyDecoded);
    for (const auto &[key, value] : items) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    return QString::fromLatin1(out);
}

} // namespace

ClerkClient::ClerkClient(ClientConfig config, QObject *parent)
    : ClerkClient(std::move(config), nullptr, parent)
{
}

ClerkClient::ClerkClient(ClientConfig config, QNetworkAccessManager *network, QObject *parent)
    : QObject(parent), m_config(std::move(config)), m_network(network), m_clock(Clock::steady())
{
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    m_network->setProxyFactory(new ProxyRules(m_config));
    m_proxy = ProxyRules::endpointFor(m_config);
    m_tls = tlsConfigurationFor(m_config);
    // The proxy requests go through, when it answers 407, gets the credentials the user gave for it,
    // once; any other proxy gets nothing. Without them (or when they are refused) the request fails with
    // ProxyAuthenticationRequiredError, which the front end asks about.
    connect(m_network, &QNetworkAccessManager::proxyAuthenticationRequired, this,
            [this](const QNetworkProxy &proxy, QAuthenticator *authenticator) {
                const QString key = proxy.hostName() + u':' + QString::number(proxy.port());
                if (m_config.proxyUser.isEmpty() || key != m_proxy || m_proxyCredentialsTried.contains(key))
                    return;
                m_proxyCredentialsTried.insert(key);
                authenticator->setUser(m_config.proxyUser);
                authenticator->setPassword(m_config.proxyPassword);
            });
}

int ClerkClient::concurrency() const
{
    return m_http2Seen ? m_config.http2Concurrency : m_config.http1Concurrency;
}

ClerkClient::~ClerkClient()
{
    std::vector<CallId> ids;
    ids.reserve(m_calls.size());
    for (const auto &entry : m_calls)
        ids.push_back(entry.first);
    for (CallId id : ids)
        discard(id);
}

void ClerkClient::setPacer(RatePacer *pacer)
{
    m_pacer = pacer;
}

RatePacer *ClerkClient::pacer() const
{
    return m_pacer;
}

void ClerkClient::setClock(Clock *clock)
{
    m_clock = clock ? clock : Clock::steady();
}

QByteArray ClerkClient::userAgent()
{
    // Worked out once: QSysInfo reads /etc/os-release on every call, and this goes on every request.
    static const QByteArray agent = QByteArray("InviteDesk/" INVITEDESK_VERSION " (Qt ") + qVersion() + "; "
                                    + QSysInfo::prettyProductName().toUtf8() + ')';
    return agent;
}

Result<QUrl> ClerkClient::buildUrl(const QStringList &pathSegments, const QUrlQuery &query) const
{
    if (std::optional<ClerkError> bad = checkApiUrl(m_config.apiUrl))
        return *bad;
    QByteArray path = m_config.apiUrl.path(QUrl::FullyEncoded).toLatin1();
    while (path.endsWith('/'))
        path.chop(1);
    for (const QString &segment : pathSegments) {
        if (segment.isEmpty() || segment == "."_L1 || segment == ".."_L1)
            return ClerkError::invalidRequest(
                tr("\"%1\" is not a valid organization or invitation ID.").arg(segment));
        // Everything but unreserved characters is encoded, '/' included: an ID is one segment.
        path += '/' + QUrl::toPercentEncoding(segment);
    }
    QUrl url = m_config.apiUrl;
    url.setPath(QString::fromLatin1(path), QUrl::TolerantMode);
    if (!query.isEmpty())
        url.setQuery(queryString(query), QUrl::TolerantMode);
    return url;
}

QNetworkRequest ClerkClient::buildRequest(const QUrl &url, Method method, bool hasJsonBody) const
{
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_config.secretKey.toLatin1());
    request.setRawHeader("Clerk-API-Version", apiVersion);
    request.setRawHeader("Accept", "application/json");
    request.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    if (hasJsonBody)
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    request.setTransferTimeout(int(m_config.transferTimeout.count()));
    if (method == Method::Get) {
        // Same-origin redirects keep the key within the instance; any other redirect is refused.
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
        request.setMaximumRedirectsAllowed(3);
    } else {
        // A redirected write may or may not have been carried out, and following it could turn the
        // POST into a GET: the answer is reported as it is, and RevokeTask settles it with a re-read.
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    }
    if (m_tls)
        request.setSslConfiguration(*m_tls);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    return request;
}

template <typename T>
ClerkClient::CallId ClerkClient::startParsed(Method method, const QStringList &path, const QUrlQuery &query,
                                             std::optional<QByteArray> body, QObject *context, Callback<T> done,
                                             Result<T> (*parse)(const QByteArray &), std::function<void()> beforeSend)
{
    auto shared = std::make_shared<Callback<T>>(std::move(done));
    // Runs on a worker thread for large answers: it only parses; delivery happens on the client's thread.
    SuccessHandler onSuccess = [shared, parse](const Response &response) -> Parsed {
        auto parsed = std::make_shared<Result<T>>(parse(response.body));
        if (!parsed->ok()) {
            ClerkError error = parsed->error();
            if (error.traceId().isEmpty())
                error.setTraceId(QString::fromLatin1(response.cfRay));
            return Parsed{error, {}};
        }
        return Parsed{std::nullopt, [shared, parsed] { (*shared)(std::move(*parsed)); }};
    };
    ErrorHandler onError = [shared](const ClerkError &error) { (*shared)(error); };
    return start(method, path, query, std::move(body), context, std::move(onSuccess), std::move(onError),
                 std::move(beforeSend));
}

ClerkClient::CallId ClerkClient::start(Method method, const QStringList &path, const QUrlQuery &query,
                                       std::optional<QByteArray> body, QObject *context, SuccessHandler onSuccess,
                                       ErrorHandler onError, std::function<void()> beforeSend)
{
    const CallId id = m_nextId++;
    auto call = std::make_unique<Call>();
    call->id = id;
    call->method = method;
    call->body = std::move(body);
    call->onSuccess = std::move(onSuccess);
    call->onError = std::move(onError);
    call->beforeSend = std::move(beforeSend);
    if (context) {
        call->hasContext = true;
        call->context = context;
        call->contextConnection = connect(context, &QObject::destroyed, this, [this, id] { discard(id); });
    }

    std::optional<ClerkError> refusal = checkSecretKey(m_config.secretKey);
    Result<QUrl> url = buildUrl(path, query);
    if (!refusal && !url)
        refusal = url.error();
    if (url)
        call->url = url.value();
    m_calls.emplace(id, std::move(call));

    if (refusal) {
        // Refused before sending; still report asynchronously, like every other outcome.
        QTimer::singleShot(0, this, [this, id, error = *refusal] { fail(id, error); });
        return id;
    }
    dispatch(id);
    return id;
}

void ClerkClient::dispatch(CallId id)
{
    if (!m_pacer) {
        send(id);
        return;
    }
    RatePacer *pacer = m_pacer;
    const RatePacer::Ticket ticket = pacer->acquire([this, id, pacer = QPointer<RatePacer>(pacer)](RatePacer::Ticket sent) {
        const auto it = m_calls.find(id);
        if (it == m_calls.end()) { // gone before it went (it withdraws its ticket, so this is only a guard)
            if (pacer)
                pacer->ended(sent);
            return;
        }
        it->second->sentTicket = sent;
        it->second->sentPacer = pacer;
        send(id);
    });
    const auto it = m_calls.find(id);
    if (it != m_calls.end() && !it->second->reply)
        it->second->pacerTicket = ticket;
}

void ClerkClient::send(CallId id)
{
    const auto it = m_calls.find(id);
    if (it == m_calls.end())
        return;
    Call &call = *it->second;
    call.pacerTicket = 0;
    call.tooLarge = false;

    const QNetworkRequest request = buildRequest(call.url, call.method, call.body.has_value());
    if (call.beforeSend)
        call.beforeSend();
    QNetworkReply *reply = call.method == Method::Get ? m_network->get(request)
                                                      : m_network->post(request, call.body.value_or(QByteArray()));
    call.reply = reply;
    call.exchangeTimedOut = false;
    // Qt's transfer timeout restarts with every byte; this bounds the whole exchange.
    auto *deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, this, [this, id, reply] {
        const auto found = m_calls.find(id);
        if (found == m_calls.end() || found->second->reply != reply)
            return;
        found->second->exchangeTimedOut = true;
        reply->abort();
    });
    deadline->start(m_config.exchangeTimeout);
    connect(reply, &QNetworkReply::finished, this, [this, id] { onReplyFinished(id); });
    // Kept for the message: which certificate the server showed, and who issued it.
    connect(reply, &QNetworkReply::sslErrors, this, [this, id, reply](const QList<QSslError> &errors) {
        const auto found = m_calls.find(id);
        if (found != m_calls.end() && found->second->reply == reply && !errors.isEmpty())
            found->second->sslError = errors.first();
    });
    connect(reply, &QNetworkReply::downloadProgress, this, [this, id, reply](qint64 received, qint64 total) {
        const auto found = m_calls.find(id);
        if (found == m_calls.end() || found->second->reply != reply)
            return;
        if (received > m_config.maxResponseBytes || total > m_config.maxResponseBytes) {
            found->second->tooLarge = true;
            reply->abort();
        }
    });
}

std::unique_ptr<ClerkClient::Call> ClerkClient::takeCall(CallId id)
{
    const auto it = m_calls.find(id);
    if (it == m_calls.end())
        return nullptr;
    std::unique_ptr<Call> call = std::move(it->second);
    m_calls.erase(it);
    return call;
}

void ClerkClient::onReplyFinished(CallId id)
{
    std::unique_ptr<Call> call = takeCall(id);
    if (!call || !call->reply)
        return;
    QNetworkReply *reply = call->reply;
    call->reply = nullptr;
    reply->disconnect(this);
    reply->deleteLater();
    call->endSend(); // the answer is in: Clerk counted the request before now

    Response response;
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (response.status != 0)
        m_heardBack = true;
    if (reply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool())
        m_http2Seen = true;
    response.cfRay = reply->rawHeader("cf-ray");
    const QNetworkReply::NetworkError networkError = reply->error();
    const bool transportError = (networkError > QNetworkReply::NoError && networkError < 200);

    std::optional<ClerkError> error;
    if (call->tooLarge) {
        error = ClerkError::payload(
            tr("the answer is larger than %1 MiB and was cut off").arg(m_config.maxResponseBytes / (1024 * 1024)),
            response.status, QString::fromLatin1(response.cfRay));
        // Retrying cannot make it smaller.
        call->attempt = m_config.maxReadAttempts;
    } else if (call->exchangeTimedOut) {
        error = ClerkError::exchangeTimeout(tr("no complete answer within %n second(s)", nullptr,
                                               int(m_config.exchangeTimeout.count() / 1000)));
    } else if (transportError || response.status == 0) {
        if (networkError == QNetworkReply::OperationCanceledError && !m_proxy.isEmpty() && !m_heardBack)
            // Nothing has ever come back through the proxy: it is the one not answering (it accepts
            // connections and never opens the way). Said as such, and not tried again and again.
            error = ClerkError::fromNetworkError(
                QNetworkReply::ProxyTimeoutError,
                tr("%1: the proxy did not answer within %n second(s)", nullptr,
                   int(m_config.transferTimeout.count() / 1000))
                    .arg(m_proxy));
        else if (networkError == QNetworkReply::OperationCanceledError) // Qt's transfer timeout aborts this way
            error = ClerkError::timeout(reply->errorString());
        else if (networkError == QNetworkReply::InsecureRedirectError)
            error = ClerkError::invalidRequest(
                tr("The API answered with a redirect to another site; InviteDesk does not send the key there."));
        else if (networkError == QNetworkReply::TooManyRedirectsError)
            error = ClerkError::invalidRequest(
                tr("The API kept redirecting (more than %n time(s)); check the API URL.", nullptr,
                   reply->request().maximumRedirectsAllowed()));
        else if (networkError == QNetworkReply::NoError)
            error = ClerkError::payload(tr("the server's answer had no HTTP status"));
        else if (!m_proxyCredentialsTried.isEmpty() && networkError == QNetworkReply::UnknownNetworkError
                 && !proxyDeniedTunnel(reply->errorString()))
            // After credentials were given, Qt reports a proxy that refused them as "Error communicating with
            // HTTP proxy": say what it most likely is.
            error = ClerkError::fromNetworkError(QNetworkReply::ProxyAuthenticationRequiredError, reply->errorString());
        else if (!m_proxy.isEmpty() && (networkError == QNetworkReply::HostNotFoundError
                                        || networkError == QNetworkReply::ConnectionRefusedError
                                        || networkError == QNetworkReply::UnknownNetworkError))
            // Through a proxy, this computer looks up and connects to the proxy only (the proxy reaches
            // Clerk), so these are the proxy's: not found, refused, or refusing the tunnel.
            error = ClerkError::fromNetworkError(networkError == QNetworkReply::HostNotFoundError
                                                     ? QNetworkReply::ProxyNotFoundError
                                                     : QNetworkReply::ProxyConnectionRefusedError,
                                                 m_proxy + u": "_s + reply->errorString());
        else if (networkError == QNetworkReply::SslHandshakeFailedError && call->sslError)
            error = ClerkError::untrustedServer(call->url.host(), *call->sslError);
        else
            error = ClerkError::fromNetworkError(networkError, reply->errorString());
    } else if (call->method != Method::Get && response.status >= 300 && response.status < 400) {
        error = ClerkError::unconfirmedWrite(
            tr("it answered with a redirect (HTTP %1) instead of a result; InviteDesk never follows a redirect "
               "for a change")
                .arg(response.status),
            response.status, QString::fromLatin1(response.cfRay));
    } else if (response.status >= 200 && response.status < 300) {
        response.body = reply->readAll();
        if (response.body.size() >= offThreadParseBytes) {
            // A page of 500 invitations is about half a megabyte of JSON: parse it off the GUI thread.
            auto *watcher = new QFutureWatcher<Parsed>(this);
            connect(watcher, &QFutureWatcherBase::finished, this, [this, id, watcher] {
                watcher->deleteLater();
                onParsed(id, watcher->result());
            });
            watcher->setFuture(
                QtConcurrent::run(parsePool(), [handler = call->onSuccess, response] { return handler(response); }));
            call->parsing = true;
            m_calls.emplace(id, std::move(call));
            return;
        }
        const Parsed parsed = call->onSuccess(response); // evaluated before the call is moved
        onParsed(std::move(call), parsed);
        return;
    } else {
        response.body = reply->readAll();
        error = ClerkError::fromHttp(response.status, response.body, response.cfRay, reply->rawHeader("Retry-After"));
    }
    handleFailure(std::move(call), *error);
}

void ClerkClient::onParsed(CallId id, const Parsed &parsed)
{
    std::unique_ptr<Call> call = takeCall(id);
    if (!call)
        return; // cancelled or discarded while parsing
    call->parsing = false;
    onParsed(std::move(call), parsed);
}

void ClerkClient::onParsed(std::unique_ptr<Call> call, const Parsed &parsed)
{
    if (parsed.error) {
        handleFailure(std::move(call), *parsed.error);
        return;
    }
    if (!call->contextAlive())
        return;
    if (call->contextConnection)
        disconnect(call->contextConnection);
    parsed.deliver(); // runs the caller's code, which may even delete this client: touch nothing after it
}

// Every operation parses with one of these; the operations themselves are in ClerkEndpoints.cpp.
template ClerkClient::CallId ClerkClient::startParsed<Page<Organization>>(Method, const QStringList &, const QUrlQuery &,
                                                                          std::optional<QByteArray>, QObject *,
                                                                          Callback<Page<Organization>>,
                                                                          Result<Page<Organization>> (*)(const QByteArray &), std::function<void()>);
template ClerkClient::CallId ClerkClient::startParsed<Organization>(Method, const QStringList &, const QUrlQuery &,
                                                                    std::optional<QByteArray>, QObject *, Callback<Organization>,
                                                                    Result<Organization> (*)(const QByteArray &), std::function<void()>);
template ClerkClient::CallId ClerkClient::startParsed<Page<Invitation>>(Method, const QStringList &, const QUrlQuery &,
                                                                        std::optional<QByteArray>, QObject *,
                                                                        Callback<Page<Invitation>>,
                                                                        Result<Page<Invitation>> (*)(const QByteArray &), std::function<void()>);
template ClerkClient::CallId ClerkClient::startParsed<Invitation>(Method, const QStringList &, const QUrlQuery &,
                                                                  std::optional<QByteArray>, QObject *, Callback<Invitation>,
                                                                  Result<Invitation> (*)(const QByteArray &), std::function<void()>);
template ClerkClient::CallId ClerkClient::startParsed<Page<Role>>(Method, const QStringList &, const QUrlQuery &,
                                                                  std::optional<QByteArray>, QObject *, Callback<Page<Role>>,
                                                                  Result<Page<Role>> (*)(const QByteArray &), std::function<void()>);

} // namespace InviteDesk
