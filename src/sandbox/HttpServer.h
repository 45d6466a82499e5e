#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QStringList>
#include <QtNetwork/QHostAddress>
#include <QtNetwork/QTcpServer>

#include <functional>

namespace InviteDesk::Sandbox {

class HttpConnection;

/*! One parsed HTTP/1.1 request. */
struct HttpRequest
{
    QByteArray method;
    QByteArray rawPath;       //!< as sent: percent-encoded, without the query
    QStringList pathSegments; //!< each '/'-separated segment, percent-decoded on its own
    QByteArray rawQuery;
    QList<QPair<QString, QString>> query; //!< decoded like Go's url.ParseQuery ('+' is a space)
    QHash<QByteArray, QByteArray> headers; //!< names in lower case
    QByteArray body;

    QByteArray header(const QByteArray &lowerCaseName) const { return headers.value(lowerCaseName); }
    bool hasQuery(const QString &name) const;
    QString queryValue(const QString &name) const;
    QStringList queryValues(const QString &name) const;
};

struct HttpResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    /*! When set, the whole answer is written one byte at a time, this many milliseconds apart. */
    int trickleMs = 0;
};

/*!
 * Answers one request, now or later. Copies refer to the same request; only
 * the first answer counts, and answering after the client went away is a no-op.
 */
class HttpResponder
{
public:
    HttpResponder() = default;
    HttpResponder(HttpConnection *connection, quint64 serial);

    void respond(const HttpResponse &response) const;
    /*! Closes the connection without a byte of answer. */
    void drop() const;
    /*! Sends a status line, headers and part of a body, then resets the connection. */
    void dropMidAnswer() const;
    bool isPending() const;

private:
    QPointer<HttpConnection> m_connection;
    quint64 m_serial = 0;
};

/*!
 * A deliberately small HTTP/1.1 server for the sandbox: keep-alive,
 * Content-Length bodies, one request at a time per connection, and raw
 * control of the socket so faults (drops, half answers, stalls) are real.
 */
class HttpServer : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<void(const HttpRequest &, HttpResponder)>;

    explicit HttpServer(Handler handler, QObject *parent = nullptr);
    ~HttpServer() override;

    bool listen(const QHostAddress &address, quint16 port = 0);
    quint16 port() const { return m_server.serverPort(); }
    QString errorString() const { return m_server.errorString(); }
    int connectionCount() const { return m_open; }
    /*! Total TCP connections accepted so far. */
    int connectionsAccepted() const { return m_accepted; }

private:
    friend class HttpConnection;
    void onNewConnection();

    QTcpServer m_server;
    Handler m_handler;
    int m_accepted = 0;
    int m_open = 0;
};

} // namespace InviteDesk::Sandbox
