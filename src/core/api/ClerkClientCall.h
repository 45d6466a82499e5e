#pragma once

// Private to ClerkClient's own files: a call in flight, and an answer as it arrived.

#include "core/api/ClerkClient.h"
#include "core/api/RatePacer.h"
#include "core/util/Clock.h"

#include <QtCore/QPointer>
#include <QtCore/QUrl>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QSslError>

#include <functional>
#include <optional>

namespace InviteDesk {

struct ClerkClient::Response
{
    int status = 0;
    QByteArray body;
    QByteArray cfRay;
};

struct ClerkClient::Call
{
    CallId id = 0;
    Method method = Method::Get;
    QUrl url;
    std::optional<QByteArray> body;
    int attempt = 0;
    int rateLimitWaits = 0;
    bool hasContext = false;
    QPointer<QObject> context;
    QMetaObject::Connection contextConnection;
    SuccessHandler onSuccess;
    ErrorHandler onError;
    std::function<void()> beforeSend; //!< runs each time the request leaves
    QNetworkReply *reply = nullptr;
    quint64 pacerTicket = 0; //!< waiting in the pacer under this ticket
    quint64 sentTicket = 0;  //!< on the wire under this ticket of sentPacer, which counts it until it ends
    QPointer<RatePacer> sentPacer;
    ClockTimer *retryTimer = nullptr;
    bool tooLarge = false;
    bool exchangeTimedOut = false; //!< the whole-exchange deadline fired, not Qt's idle timeout
    std::optional<QSslError> sslError; //!< the first certificate problem the server's chain had
    bool parsing = false; //!< the answer arrived and is being parsed on a worker thread

    bool retryable() const { return method == Method::Get; }
    /*! The request is over (answered, failed, aborted): its pacer counts it from now, for a window. */
    void endSend()
    {
        if (sentTicket && sentPacer)
            sentPacer->ended(sentTicket);
        sentTicket = 0;
        sentPacer = nullptr;
    }
    bool contextAlive() const { return !hasContext || !context.isNull(); }
};

} // namespace InviteDesk
