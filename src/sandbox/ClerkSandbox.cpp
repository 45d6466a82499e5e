#include "sandbox/ClerkSandbox.h"

#include <QtCore/QDateTime>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QTimer>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace InviteDesk::Sandbox {

namespace {
const QStringList knownApiVersions = {u"2021-02-05"_s, u"2024-10-01"_s, u"2025-03-12"_s,
                                      u"2025-04-10"_s, u"2025-11-10"_s, u"2026-05-12"_s};

} // namespace

struct ClerkSandbox::Limiter
{
    int limit = 0;
    qint64 windowMs = 0;
    std::deque<qint64> stamps;

    /*! The wait in ms when the request must be refused; otherwise records it. A sliding window: strict. */
    std::optional<qint64> admit(qint64 now)
    {
        while (!stamps.empty() && stamps.front() <= now - windowMs)
            stamps.pop_front();
        if (int(stamps.size()) >= limit)
            return stamps.front() + windowMs - now;
        stamps.push_back(now);
        return std::nullopt;
    }
};

std::optional<qint64> ClerkSandbox::admitCreate(const QString &key, qint64 nowMs)
{
    std::shared_ptr<Limiter> &limiter = m_createLimiters[key];
    if (!limiter) {
        // Clerk's documented limit for creating invitations: 250 per hour.
        limiter = std::make_shared<Limiter>();
        limiter->limit = 250;
        limiter->windowMs = 3600LL * 1000;
    }
    return limiter->admit(nowMs);
}

QString SandboxOptions::defaultProductionKey()
{
    return u"sk_live_InviteDeskSandboxProduction00000000000000"_s;
}

QString SandboxOptions::defaultDevelopmentKey()
{
    return u"sk_test_InviteDeskSandboxDevelopment0000000000000"_s;
}

ClerkSandbox::ClerkSandbox(const SandboxOptions &options, QObject *parent)
    : QObject(parent), m_options(options), m_store(options.seed), m_faultRandom(m_faults.seed)
{
    m_server = std::make_unique<HttpServer>(
        [this](const HttpRequest &request, HttpResponder responder) { handle(request, std::move(responder)); });
}

ClerkSandbox::~ClerkSandbox() = default;

bool ClerkSandbox::listen(quint16 port, const QHostAddress &address)
{
    return m_server->listen(address, port);
}

QString ClerkSandbox::errorString() const
{
    return m_server->errorString();
}

quint16 ClerkSandbox::port() const
{
    return m_server->port();
}

QUrl ClerkSandbox::apiUrl() const
{
    return QUrl(u"http://127.0.0.1:%1/v1"_s.arg(port()));
}

int ClerkSandbox::connectionsAccepted() const
{
    return m_server->connectionsAccepted();
}

int ClerkSandbox::openConnections() const
{
    return m_server->connectionCount();
}

void ClerkSandbox::setFaults(const FaultSettings &faults)
{
    m_faults = faults;
    m_faultRandom.seed(faults.seed);
}

void ClerkSandbox::setRateLimitOverride(int requestsPerWindow, int windowMs)
{
    m_limitOverride = requestsPerWindow;
    m_windowOverrideMs = windowMs;
    m_limiters.clear();
}

qint64 ClerkSandbox::now() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

QByteArray ClerkSandbox::newTraceId()
{
    return QByteArray::number(QRandomGenerator::global()->generate64(), 16).rightJustified(16, '0')
           + QByteArray::number(QRandomGenerator::global()->generate64(), 16).rightJustified(16, '0');
}

HttpResponse ClerkSandbox::json(const QJsonObject &object, int status)
{
    return HttpResponse{status, {{"Content-Type", "application/json"}}, QJsonDocument(object).toJson(QJsonDocument::Compact)};
}

HttpResponse ClerkSandbox::error(int status, const QString &code, const QString &message, const QString &longMessage,
                                 const QString &paramName)
{
    QJsonObject entry{{"code"_L1, code}, {"message"_L1, message}, {"long_message"_L1, longMessage}};
    if (!paramName.isEmpty())
        entry.insert("meta"_L1, QJsonObject{{"param_name"_L1, paramName}});
    return json(QJsonObject{{"errors"_L1, QJsonArray{entry}}, {"clerk_trace_id"_L1, QString::fromLatin1(newTraceId())}},
                status);
}

void ClerkSandbox::deliver(std::function<void()> action, qsizetype logIndex, int status, bool write)
{
    if (logIndex >= 0 && logIndex < qsizetype(m_log.size()))
        m_log[logIndex].status = status;
    const int latency = m_faults.latencyMs + (write ? m_faults.writeLatencyMs : 0);
    if (latency > 0)
        QTimer::singleShot(latency, this, std::move(action));
    else
        action();
}

void ClerkSandbox::handle(const HttpRequest &request, HttpResponder responder)
{
    qsizetype logIndex = -1;
    if (m_options.logRequests) {
        LoggedRequest entry;
        entry.method = request.method;
        entry.rawPath = request.rawPath;
        entry.rawQuery = request.rawQuery;
        entry.headers = request.headers;
        if (entry.headers.contains("authorization"))
            entry.headers.insert("authorization", "Bearer <redacted>");
        entry.body = request.body;
        m_log.push_back(std::move(entry));
        logIndex = qsizetype(m_log.size()) - 1;
    }

    const QByteArray cfRay = QByteArray::number(QRandomGenerator::global()->generate64(), 16).left(16) + "-FRA";
    const bool write = request.method != "GET";
    auto answer = [this, responder, logIndex, cfRay, write](HttpResponse response) {
        response.headers.append({"cf-ray", cfRay});
        deliver([responder, response] { responder.respond(response); }, logIndex, response.status, write);
    };

    if (request.pathSegments.value(0) != "v1"_L1) {
        answer(error(404, u"resource_not_found"_s, u"not found"_s, u"The requested resource was not found."_s));
        return;
    }

    // Authentication comes first, as with Clerk: a wrong key never learns anything else.
    const QByteArray authorization = request.header("authorization");
    if (!authorization.startsWith("Bearer ") || authorization.size() <= 7) {
        answer(error(401, u"authorization_header_format_invalid"_s, u"Invalid Authorization header format"_s,
                     u"Must be 'Bearer <YOUR_API_KEY>'"_s));
        return;
    }
    const QString key = QString::fromLatin1(authorization.mid(7));
    const bool production = m_options.productionKeys.contains(key);
    if (!production && !m_options.developmentKeys.contains(key)) {
        answer(error(401, u"clerk_key_invalid"_s, u"Secret Key is invalid"_s,
                     u"The provided Clerk Secret Key is invalid. Make sure that your Clerk Secret Key is correct."_s));
        return;
    }
    if (logIndex >= 0)
        m_log[logIndex].authorized = true;

    const QByteArray version = request.header("clerk-api-version");
    if (!version.isEmpty() && request.hasQuery(u"__clerk_api_version"_s)) {
        answer(error(400, u"api_version_conflict"_s, u"conflicting API versions"_s,
                     u"Send the API version either as the Clerk-API-Version header or as the __clerk_api_version query parameter, not both."_s));
        return;
    }
    if (!version.isEmpty() && !knownApiVersions.contains(QString::fromLatin1(version))) {
        answer(error(400, u"api_version_invalid"_s, u"invalid API version"_s,
                     u"The requested API version is not supported."_s));
        return;
    }

    if (m_options.rateLimits) {
        std::shared_ptr<Limiter> &limiter = m_limiters[key];
        if (!limiter) {
            limiter = std::make_shared<Limiter>();
            limiter->limit = m_limitOverride ? m_limitOverride : (production ? 1000 : 100);
            limiter->windowMs = m_windowOverrideMs ? m_windowOverrideMs : 10'000;
        }
        if (const std::optional<qint64> wait = limiter->admit(now())) {
            ++m_rateLimited;
            HttpResponse limited = error(429, u"too_many_requests"_s, u"Too many requests"_s,
                                         u"Too many requests, retry later"_s);
            limited.headers.append({"Retry-After", QByteArray::number(std::max<qint64>(1, (*wait + 999) / 1000))});
            answer(limited);
            return;
        }
    }

    std::optional<ScriptedFault> scripted;
    for (auto it = m_scripted.begin(); it != m_scripted.end(); ++it) {
        if ((!it->method.isEmpty() && it->method != request.method)
            || (!it->pathContains.isEmpty() && !QString::fromLatin1(request.rawPath).contains(it->pathContains)))
            continue;
        scripted = *it;
        if (--it->count <= 0)
            m_scripted.erase(it);
        break;
    }

    enum class After { Nothing, Malform, Lose, Trickle, Drop } after = After::Nothing;
    if (scripted) {
        switch (scripted->kind) {
        case ScriptedFault::Kind::ServerError:
            answer(error(scripted->status, scripted->status == 503 ? u"service_unavailable"_s : u"internal_clerk_error"_s,
                         u"Something went wrong"_s, u"There was an internal error on our servers. We've been notified and are working on fixing it."_s));
            return;
        case ScriptedFault::Kind::Drop:
            deliver([responder] { responder.drop(); }, logIndex, 0, write);
            return;
        case ScriptedFault::Kind::Stall:
            return; // the responder is dropped unanswered; the connection stays open
        case ScriptedFault::Kind::RateLimit: {
            ++m_rateLimited;
            HttpResponse limited = error(429, u"too_many_requests"_s, u"Too many requests"_s,
                                         u"Too many requests, retry later"_s);
            const bool ownRetryAfter = std::any_of(scripted->headers.cbegin(), scripted->headers.cend(), [](const auto &h) {
                return h.first.compare("retry-after", Qt::CaseInsensitive) == 0;
            });
            if (!ownRetryAfter)
                limited.headers.append({"Retry-After", QByteArray::number(scripted->retryAfterSeconds)});
            limited.headers += scripted->headers;
            answer(limited);
            return;
        }
        case ScriptedFault::Kind::RawAnswer: {
            HttpResponse raw{scripted->status, {{"Content-Type", "application/json"}}, scripted->body};
            raw.headers += scripted->headers;
            answer(raw);
            return;
        }
        case ScriptedFault::Kind::Trickle:
            after = After::Trickle;
            break;
        case ScriptedFault::Kind::CarryOutThenDrop:
            after = After::Drop;
            break;
        case ScriptedFault::Kind::Malformed:
            after = After::Malform;
            break;
        case ScriptedFault::Kind::LoseAnswer:
            after = After::Lose;
            break;
        }
    } else if (!m_faults.writesOnly || write) {
        const double roll = m_faultRandom.generateDouble();
        double edge = m_faults.serverErrorRate;
        if (roll < edge) {
            const bool unavailable = m_faultRandom.bounded(2) == 1;
            answer(error(unavailable ? 503 : 500, unavailable ? u"service_unavailable"_s : u"internal_clerk_error"_s,
                         u"Something went wrong"_s, u"There was an internal error on our servers."_s));
            return;
        }
        if (roll < (edge += m_faults.dropRate)) {
            deliver([responder] { responder.drop(); }, logIndex, 0, write);
            return;
        }
        if (roll < (edge += m_faults.malformedRate))
            after = After::Malform;
        else if (roll < (edge += m_faults.lostAnswerRate))
            after = After::Lose;
    }

    bool changedState = false;
    HttpResponse response = route(request, key, &changedState);
    if (after == After::Trickle)
        response.trickleMs = scripted ? scripted->trickleMs : 100;
    if (after == After::Drop) {
        deliver([responder] { responder.drop(); }, logIndex, 0, write);
        return;
    }
    if (after == After::Malform && response.status == 200) {
        response.body = response.body.left(response.body.size() / 2) + "<!-- upstream error -->";
    } else if (after == After::Lose && (changedState || request.method == "GET")) {
        deliver([responder] { responder.dropMidAnswer(); }, logIndex, 0, write);
        return;
    }
    answer(response);
}

std::optional<HttpResponse> ClerkSandbox::checkParameters(const HttpRequest &request, const QStringList &allowed)
{
    if (!m_options.strictParameters)
        return std::nullopt;
    for (const auto &[name, value] : request.query) {
        Q_UNUSED(value);
        if (name != "__clerk_api_version"_L1 && !allowed.contains(name))
            return error(422, u"form_param_unknown"_s, u"is unknown"_s,
                         u"%1 is not a recognized parameter for this request."_s.arg(name), name);
    }
    return std::nullopt;
}

std::optional<HttpResponse> ClerkSandbox::readStatus(const HttpRequest &request, QString *status)
{
    *status = request.queryValue(u"status"_s);
    if (status->isEmpty() || *status == "pending"_L1 || *status == "accepted"_L1 || *status == "revoked"_L1
        || *status == "expired"_L1)
        return std::nullopt;
    return error(422, u"form_param_value_invalid"_s, u"is invalid"_s,
                 u"status must be one of pending, accepted, revoked or expired."_s, u"status"_s);
}

std::optional<HttpResponse> ClerkSandbox::readPaging(const HttpRequest &request, int *limit, int *offset)
{
    *limit = 10;
    *offset = 0;
    if (request.hasQuery(u"limit"_s)) {
        bool ok = false;
        const int value = request.queryValue(u"limit"_s).toInt(&ok);
        if (!ok)
            return error(422, u"form_param_format_invalid"_s, u"is invalid"_s, u"limit must be an integer."_s, u"limit"_s);
        if (value < 1 || value > 500)
            return error(422, u"form_param_value_invalid"_s, u"is invalid"_s,
                         u"limit must be between 1 and 500."_s, u"limit"_s);
        *limit = value;
    }
    if (request.hasQuery(u"offset"_s)) {
        bool ok = false;
        const int value = request.queryValue(u"offset"_s).toInt(&ok);
        if (!ok)
            return error(422, u"form_param_format_invalid"_s, u"is invalid"_s, u"offset must be an integer."_s, u"offset"_s);
        if (value < 0)
            return error(422, u"form_param_value_invalid"_s, u"is invalid"_s,
                         u"offset must be greater than or equal to 0."_s, u"offset"_s);
        *offset = value;
    }
    return std::nullopt;
}

} // namespace InviteDesk::Sandbox
