// Transport safety: certificate errors are never ignored, and the key never leaves unencrypted.

#include "core/api/ClerkClient.h"
#include "support/Wine.h"

#include <QtNetwork/QSslCertificate>
#include <QtNetwork/QSslKey>
#include <QtNetwork/QSslServer>
#include <QtNetwork/QSslSocket>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace InviteDesk;

class TestTransport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void selfSignedServerIsRefused()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("no TLS backend");
        QFile certFile(QStringLiteral(INVITEDESK_TEST_DATA "/loopback-cert.pem"));
        QFile keyFile(QStringLiteral(INVITEDESK_TEST_DATA "/loopback-key.pem"));
        QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(QSslCertificate(certFile.readAll()));
        tls.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));
        QSslServer server;
        server.setSslConfiguration(tls);
        QVERIFY(server.listen(QHostAddress::LocalHost));

        // Whatever the server manages to decrypt is recorded: it must never see the key.
        QByteArray decrypted;
        bool handshakeFailed = false;
        connect(&server, &QSslServer::pendingConnectionAvailable, this, [&] {
            while (QTcpSocket *socket = server.nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, socket, [socket, &decrypted] { decrypted += socket->readAll(); });
        });
        connect(&server, &QSslServer::errorOccurred, this, [&handshakeFailed] { handshakeFailed = true; });
        connect(&server, &QSslServer::handshakeInterruptedOnError, this, [&handshakeFailed] { handshakeFailed = true; });

        ClientConfig config;
        config.apiUrl = QUrl(u"https://127.0.0.1:%1/v1"_s.arg(server.serverPort()));
        config.secretKey = u"sk_live_neverOverAnUntrustedConnection"_s;
        config.maxReadAttempts = 1;
        ClerkClient client(config);
        std::optional<Result<Page<Organization>>> result;
        client.listOrganizations({}, this, [&result](Result<Page<Organization>> r) { result.emplace(std::move(r)); });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 15'000);

        QVERIFY(!result->ok());
        // Wine's schannel cannot serve TLS with this key (its GnuTLS says "The requested data were not
        // available"): the connection closes before the client sees a certificate to refuse.
        static const char wineServes[] = "Wine's schannel cannot act as this TLS server; Windows' own can";
        if (Testing::runningUnderWine())
            QEXPECT_FAIL("", wineServes, Continue);
        QCOMPARE(result->error().kind(), ClerkError::Kind::Tls);
        if (Testing::runningUnderWine())
            QEXPECT_FAIL("", wineServes, Continue);
        QVERIFY2(result->error().userMessage().contains(u"certificate"_s), qPrintable(result->error().userMessage()));
        QVERIFY(!decrypted.contains("sk_live_neverOverAnUntrustedConnection"));
        QVERIFY(decrypted.isEmpty());
        // The server saw the handshake fail: the client refused the certificate, it did not merely time out.
        QTRY_VERIFY_WITH_TIMEOUT(handshakeFailed, 5'000);
    }
};

QTEST_GUILESS_MAIN(TestTransport)
#include "tst_transport.moc"
