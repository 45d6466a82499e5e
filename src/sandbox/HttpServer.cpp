#include "sandbox/HttpServer.h"

#include <QtCore/QDateTime>
#include <QtCore/QTimer>
#include <QtCore/QUrl>
#include <QtNetwork/QTcpSocket>

#include <memory>

using namespace Qt::StringLiterals;

namespace InviteDesk::Sandbox {

namespace {
constexpr qsizetype maxHeaderBytes = 64 * 1024;
constexpr qsizetype maxBodyBytes = 1024 * 1024;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 307: return "Temporary Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 411: return "Length Required";
    case 413: return "Payload Too Large";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    default: return "Status";
    }
}

QString decodeQueryPart(QByteArray part)
{
    part.replace('+', ' ');
    return QUrl::fromPercentEncoding(part);
}
} // namespace

bool HttpRequest::hasQuery(const QString &name) const
{
    return std::any_of(query.cbegin(), query.cend(), [&name](const auto &item) { return item.first == name; });
}

QString HttpRequest::queryValue(const QString &name) const
{
    for (const auto &item : query) {
        if (item.first == name)
            return item.second;
    }
    return {};
}

QStringList HttpRequest::queryValues(const QString &name) const
{
    QStringList values;
    for (const auto &item : query) {
        if (item.first == name)
            values << item.second;
    }
    return values;
}

/*! One client connection; parses requests and writes answers in order. */
class HttpConnection : public QObject
{
public:
    HttpConnection(QTcpSocket *socket, HttpServer *server) : QObject(server), m_socket(socket), m_server(server)
    {
        ++server->m_open;
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
        connect(socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
        connect(socket, &QTcpSocket::errorOccurred, this, [this] {
            if (m_socket->state() == QAbstractSocket::UnconnectedState)
                deleteLater();
        });
    }

    ~HttpConnection() override
    {
        if (m_server)
            --m_server->m_open;
    }

    bool isCurrent(quint64 serial) const { return m_awaiting && serial == m_serial; }

    void respond(quint64 serial, const HttpResponse &response)
    {
        if (!isCurrent(serial))
            return;
        m_awaiting = false;
        QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
        bool hasContentType = false;
        for (const auto &[name, value] : response.headers) {
            out += name + ": " + value + "\r\n";
            hasContentType = hasContentType || name.compare("content-type", Qt::CaseInsensitive) == 0;
        }
        if (!hasContentType && !response.body.isEmpty())
            out += "Content-Type: application/json\r\n";
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
        out += "Date: " + QDateTime::currentDateTimeUtc().toString(Qt::RFC2822Date).toLatin1() + "\r\n";
        out += m_closeAfter ? "Connection: close\r\n" : "Connection: keep-alive\r\n";
        out += "\r\n";
        out += response.body;
        if (response.trickleMs > 0) {
            trickle(out, response.trickleMs);
            return;
        }
        m_socket->write(out);
        if (m_closeAfter) {
            m_socket->disconnectFromHost();
            return;
        }
        parseNext();
    }

    void drop(quint64 serial)
    {
        if (!isCurrent(serial))
            return;
        m_awaiting = false;
        m_socket->abort();
        deleteLater();
    }

    void dropMidAnswer(quint64 serial)
    {
        if (!isCurrent(serial))
            return;
        m_awaiting = false;
        m_socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4096\r\n\r\n{\"object\":\"organiz");
        m_socket->flush();
        m_socket->abort();
        deleteLater();
    }

private:
    /*! Writes \a out a byte at a time (a server that trickles); the connection serves nothing else meanwhile. */
    void trickle(const QByteArray &out, int intervalMs)
    {
        auto *timer = new QTimer(this);
        auto sent = std::make_shared<qsizetype>(0);
        connect(timer, &QTimer::timeout, this, [this, timer, out, sent] {
            if (*sent >= out.size()) {
                timer->deleteLater();
                if (m_closeAfter)
                    m_socket->disconnectFromHost();
                else
                    parseNext();
                return;
            }
            m_socket->write(out.mid((*sent)++, 1));
        });
        timer->start(intervalMs);
    }

    void onReadyRead()
    {
        m_buffer += m_socket->readAll();
        if (!m_awaiting)
            parseNext();
    }

    void refuse(int status)
    {
        m_closeAfter = true;
        m_awaiting = true;
        respond(m_serial, HttpResponse{status, {}, {}});
    }

    void parseNext()
    {
        const qsizetype headerEnd = m_buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0) {
            if (m_buffer.size() > maxHeaderBytes)
                refuse(431);
            return;
        }
        const QList<QByteArray> lines = m_buffer.left(headerEnd).split('\n');
        const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
        if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")) {
            refuse(400);
            return;
        }
        HttpRequest request;
        request.method = requestLine.at(0);
        const QByteArray target = requestLine.at(1);
        const qsizetype q = target.indexOf('?');
        request.rawPath = q < 0 ? target : target.left(q);
        request.rawQuery = q < 0 ? QByteArray() : target.mid(q + 1);
        for (const QByteArray &segment : request.rawPath.split('/')) {
            if (!segment.isEmpty())
                request.pathSegments << QUrl::fromPercentEncoding(segment);
        }
        for (const QByteArray &pair : request.rawQuery.split('&')) {
            if (pair.isEmpty())
                continue;
            const qsizetype eq = pair.indexOf('=');
            request.query.append({decodeQueryPart(eq < 0 ? pair : pair.left(eq)),
                                  eq < 0 ? QString() : decodeQueryPart(pair.mid(eq + 1))});
        }
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            request.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
        }
        if (!request.header("transfer-encoding").isEmpty()) {
            refuse(411);
            return;
        }
        bool ok = true;
        const QByteArray lengthHeader = request.header("content-length");
        const qsizetype length = lengthHeader.isEmpty() ? 0 : lengthHeader.toLongLong(&ok);
        if (!ok || length < 0 || length > maxBodyBytes) {
            refuse(413);
            return;
        }
        const qsizetype total = headerEnd + 4 + length;
        if (m_buffer.size() < total)
            return; // wait for the rest of the body
        request.body = m_buffer.mid(headerEnd + 4, length);
        m_buffer.remove(0, total);
        m_closeAfter = request.header("connection").toLower() == "close" || requestLine.at(2) == "HTTP/1.0";

        m_awaiting = true;
        ++m_serial;
        m_server->m_handler(request, HttpResponder(this, m_serial));
    }

    QTcpSocket *m_socket;
    QPointer<HttpServer> m_server;
    QByteArray m_buffer;
    quint64 m_serial = 0;
    bool m_awaiting = false;
    bool m_closeAfter = false;
};

HttpResponder::HttpResponder(HttpConnection *connection, quint64 serial) : m_connection(connection), m_serial(serial)
{
}

void HttpResponder::respond(const HttpResponse &response) const
{
    if (m_connection)
        m_connection->respond(m_serial, response);
}

void HttpResponder::drop() const
{
    if (m_connection)
        m_connection->drop(m_serial);
}

void HttpResponder::dropMidAnswer() const
{
    if (m_connection)
        m_connection->dropMidAnswer(m_serial);
}

bool HttpResponder::isPending() const
{
    return m_connection && m_connection->isCurrent(m_serial);
}

HttpServer::HttpServer(Handler handler, QObject *parent) : QObject(parent), m_handler(std::move(handler))
{
    connect(&m_server, &QTcpServer::newConnection, this, &HttpServer::onNewConnection);
}

HttpServer::~HttpServer() = default;

bool HttpServer::listen(const QHostAddress &address, quint16 port)
{
    return m_server.listen(address, port);
}

void HttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        ++m_accepted;
        new HttpConnection(socket, this);
    }
}

} // namespace InviteDesk::Sandbox
