// Networks as offices have them, with real parts started here: the sandbox behind a TLS + HTTP/2 front
// (nghttpx, with a certificate from a CA made for this run), an HTTP proxy (tinyproxy) with and without
// a password, private CAs, NO_PROXY. The client trusts the test CA only by being told to: never by
// ignoring a certificate error.

#include "core/api/ClerkClient.h"
#include "core/api/ProxyRules.h"
#include "core/api/RatePacer.h"
#include "core/workflows/BulkRevoker.h"
#include "core/workflows/InvitationLoader.h"
#include "support/CliHarness.h"
#include "support/RealParts.h"
#include "support/TestSandbox.h"

#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace InviteDesk;
using namespace InviteDesk::Sandbox;
using namespace InviteDesk::Testing;

class TestNetwork : public QObject
{
    Q_OBJECT

    std::unique_ptr<ClerkSandbox> m_sandbox;
    std::unique_ptr<TestCa> m_ca;
    std::unique_ptr<TlsFront> m_front;
    QString m_hostName; //!< this machine's name, when it resolves to loopback: not "localhost"

    QUrl frontUrl(const QString &host = u"localhost"_s) const
    {
        return QUrl(u"https://%1:%2/v1"_s.arg(host).arg(m_front->port()));
    }

    ClientConfig tlsConfig(const QString &host = u"localhost"_s) const
    {
        ClientConfig config = configFor(*m_sandbox);
        config.apiUrl = frontUrl(host);
        config.extraCaCertificates = loadCaCertificates(m_ca->caPath()).value();
        return config;
    }

    QString orgId(const QString &slug) { return m_sandbox->store().organization(slug)->id; }

private Q_SLOTS:
    void initTestCase()
    {
        INVITEDESK_REQUIRE_PARTS(missingPart({u"nghttpx"_s, u"tinyproxy"_s, u"openssl"_s}));
        m_hostName = localHostName();
        m_ca = std::make_unique<TestCa>();
        QVERIFY(m_ca->create(m_hostName.isEmpty() ? QStringList{u"localhost"_s} : QStringList{u"localhost"_s, m_hostName}));
    }

    void init()
    {
        m_sandbox = startSandbox();
        m_front = std::make_unique<TlsFront>();
        QVERIFY(m_front->start(*m_ca, m_sandbox->port()));
    }

    void cleanup()
    {
        m_front.reset();
        m_sandbox.reset();
    }

    void http2IsNegotiatedAndUsedForMoreRequestsAtOnce()
    {
        ClerkClient client(tlsConfig());
        QCOMPARE(client.concurrency(), ClientConfig().http1Concurrency);
        InvitationLoader loader(&client);
        QSignalSpy finished(&loader, &InvitationLoader::finished);
        InvitationLoader::Request request;
        request.organizationId = orgId(u"acme"_s);
        request.pageSize = 100;
        loader.start(request);
        QVERIFY(finished.wait(30'000));
        QCOMPARE(loader.invitations().size(), 1234);
        QVERIFY(client.usesHttp2());
        QCOMPARE(client.concurrency(), ClientConfig().http2Concurrency);
    }

    void bulkRevokeOverHttp2()
    {
        ClerkClient client(tlsConfig());
        RatePacer pacer;
        pacer.setBudget(RateBudget::forShare(KeyEnvironment::Production, 1.0));
        client.setPacer(&pacer);
        QList<RevokeItem> items;
        for (const SandboxInvitation &inv : m_sandbox->store().organization(u"globex"_s)->invitations) {
            if (inv.status == "pending"_L1 && items.size() < 200)
                items << RevokeItem{orgId(u"globex"_s), u"Globex"_s, inv.id, {}, {}, {}};
        }
        BulkRevoker bulk(&client);
        QSignalSpy finished(&bulk, &BulkRevoker::finished);
        bulk.start(items);
        QVERIFY(finished.wait(60'000));
        QCOMPARE(bulk.summary().revoked, 200);
        QVERIFY(client.usesHttp2());
        QCOMPARE(m_sandbox->rateLimitedCount(), 0);
    }

    void http1OnlyFrontKeepsSixInFlight()
    {
        TlsFront http1;
        QVERIFY(http1.start(*m_ca, m_sandbox->port(), false));
        ClientConfig config = tlsConfig();
        config.apiUrl = QUrl(u"https://localhost:%1/v1"_s.arg(http1.port()));
        ClerkClient client(config);
        Waiter<Page<Role>> w;
        client.listRoles(10, 0, this, w.callback());
        QVERIFY(w.wait());
        QVERIFY(w.result->ok());
        QVERIFY(!client.usesHttp2());
        QCOMPARE(client.concurrency(), 6);
    }

    void anUntrustedCaIsNamedNeverIgnored()
    {
        ClientConfig config = tlsConfig();
        config.extraCaCertificates.clear(); // the system's store does not know the test CA
        config.maxReadAttempts = 1;
        ClerkClient client(config);
        Waiter<Page<Role>> w;
        client.listRoles(10, 0, this, w.callback());
        QVERIFY(w.wait());
        QVERIFY(!w.result->ok());
        QCOMPARE(w.result->error().kind(), ClerkError::Kind::Tls);
        const QString message = w.result->error().userMessage();
        QVERIFY2(message.contains(u"InviteDesk Test CA"_s), qPrintable(message));
        QVERIFY2(message.contains(u"localhost"_s), qPrintable(message));
        QVERIFY2(message.contains(u"profile"_s), qPrintable(message));
        QVERIFY(m_sandbox->requests().empty()); // nothing went through
    }

    void caFilesAreCheckedWhenRead()
    {
        QTemporaryDir dir;
        QFile junk(dir.filePath(u"junk.pem"_s));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("not a certificate\n");
        junk.close();
        QVERIFY(!loadCaCertificates(junk.fileName()));
        QVERIFY(loadCaCertificates(junk.fileName()).error().userMessage().contains(u"no PEM certificate"_s));
        QVERIFY(!loadCaCertificates(dir.filePath(u"missing.pem"_s)));
        QVERIFY(!loadCaCertificates(dir.path())); // a folder
        // A FIFO would block the reader for good (the window's CA chooser froze on one).
        const QString fifo = dir.filePath(u"fifo.pem"_s);
        QCOMPARE(QProcess::execute(u"mkfifo"_s, {fifo}), 0);
        const Result<QList<QSslCertificate>> fromFifo = loadCaCertificates(fifo);
        QVERIFY(!fromFifo);
        QVERIFY2(fromFifo.error().userMessage().contains(u"regular file"_s), qPrintable(fromFifo.error().userMessage()));
        // Past 4 MiB it says so, instead of "no certificate" for one that sits after the cut.
        QFile big(dir.filePath(u"big.pem"_s));
        QVERIFY(big.open(QIODevice::WriteOnly));
        big.write(QByteArray(5 * 1024 * 1024, '\n'));
        QFile ca(m_ca->caPath());
        QVERIFY(ca.open(QIODevice::ReadOnly));
        big.write(ca.readAll());
        big.close();
        QVERIFY(loadCaCertificates(big.fileName()).error().userMessage().contains(u"4 MiB"_s));
        const Result<QList<QSslCertificate>> good = loadCaCertificates(m_ca->caPath());
        QVERIFY(good);
        QVERIFY(describeCertificate(good.value().first()).contains(u"InviteDesk Test CA"_s));
    }

    void extraCasAreTrustedBesideTheSystemsNotInstead()
    {
        // Any CA list turns off Qt's own loading of the system's CAs: the real api.clerk.com would have
        // become untrusted the moment a profile named a CA file.
        const QList<QSslCertificate> system = QSslConfiguration::systemCaCertificates();
        QVERIFY2(!system.isEmpty(), "this machine has no CA certificates (.ci/install-deps installs ca-certificates)");
        const std::optional<QSslConfiguration> tls = tlsConfigurationFor(tlsConfig());
        QVERIFY(tls);
        const QList<QSslCertificate> trusted = tls->caCertificates();
        QVERIFY(trusted.contains(loadCaCertificates(m_ca->caPath()).value().first()));
        for (const QSslCertificate &certificate : system)
            QVERIFY2(trusted.contains(certificate), qPrintable(describeCertificate(certificate)));
        QVERIFY(!tlsConfigurationFor(configFor(*m_sandbox))); // none named: Qt's default, untouched
    }

    void theCliTrustsACaFromAFileOrSslCertFile()
    {
        CliHarness cli(m_sandbox.get());
        const QStringList args{u"--api-url"_s, frontUrl().toString(), u"orgs"_s, u"--query"_s, u"glob"_s};
        const CliHarness::Run refused = CliHarness::finish(*cli.start(args, SandboxOptions::defaultProductionKey(), false));
        QCOMPARE(refused.exitCode, 3);
        QVERIFY2(refused.err.contains("InviteDesk Test CA"), refused.err.constData());
        const CliHarness::Run withFile = CliHarness::finish(
            *cli.start(QStringList{u"--ca-file"_s, m_ca->caPath()} + args, SandboxOptions::defaultProductionKey(), false));
        QCOMPARE(withFile.exitCode, 0);
        QVERIFY(withFile.out.contains("globex"));
        const CliHarness::Run withEnv = CliHarness::finish(
            *cli.start(args, SandboxOptions::defaultProductionKey(), false,
                       [this](QProcess &p) {
                           QProcessEnvironment env = p.processEnvironment();
                           env.insert(u"SSL_CERT_FILE"_s, m_ca->caPath());
                           p.setProcessEnvironment(env);
                       }));
        QCOMPARE(withEnv.exitCode, 0);
        // $SSL_CERT_FILE is read where TLS is spoken only: naming a file that holds no certificate fails an
        // https URL and costs a plain-http one (loopback) nothing, not even the reading.
        const auto notACaFile = [](QProcess &p) {
            QProcessEnvironment env = p.processEnvironment();
            env.insert(u"SSL_CERT_FILE"_s, QStringLiteral(INVITEDESK_CLI_PATH)); // a program, not PEM
            p.setProcessEnvironment(env);
        };
        QVERIFY(CliHarness::finish(*cli.start(args, SandboxOptions::defaultProductionKey(), false, notACaFile)).exitCode != 0);
        const CliHarness::Run plain = CliHarness::finish(
            *cli.start({u"orgs"_s, u"--query"_s, u"glob"_s}, SandboxOptions::defaultProductionKey(), true, notACaFile));
        QVERIFY2(plain.exitCode == 0, plain.err.constData());
        QVERIFY(plain.out.contains("globex"));
    }

    void throughAProxyToTheTlsFront()
    {
        TestProxy proxy;
        QVERIFY(proxy.start({m_front->port()}));
        ClientConfig config = tlsConfig(m_hostName.isEmpty() ? u"localhost"_s : m_hostName);
        config.proxyMode = ProxyMode::Manual;
        config.proxyUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(proxy.port()));
        ClerkClient client(config);
        Waiter<Page<Role>> w;
        client.listRoles(10, 0, this, w.callback());
        QVERIFY(w.wait());
        QVERIFY2(w.result->ok(), qPrintable(w.result->ok() ? QString() : w.result->error().userMessage()));
        QVERIFY(proxy.tunnels() >= 1);  // it went through the proxy, as CONNECT
        QVERIFY(client.usesHttp2());    // and still spoke h2 inside the tunnel
    }

    void theSystemProxyFromTheEnvironmentForAHostThatIsNotLocalhost()
    {
        if (m_hostName.isEmpty())
            QSKIP("this machine's name does not resolve to loopback");
        TestProxy proxy;
        QVERIFY(proxy.start({m_front->port()}));
        CliHarness cli(m_sandbox.get());
        const CliHarness::Run run = CliHarness::finish(*cli.start(
            {u"--api-url"_s, frontUrl(m_hostName).toString(), u"--ca-file"_s, m_ca->caPath(), u"orgs"_s},
            SandboxOptions::defaultProductionKey(), false, [&proxy](QProcess &p) {
                QProcessEnvironment env = p.processEnvironment();
                env.insert(u"https_proxy"_s, u"http://127.0.0.1:%1"_s.arg(proxy.port()));
                env.remove(u"no_proxy"_s);
                env.remove(u"NO_PROXY"_s);
                p.setProcessEnvironment(env);
            }));
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(proxy.tunnels() >= 1);
    }

    void plainHttpNeverGoesThroughAProxy()
    {
        // The API on plain http (allowed: it stays on this computer) with a proxy named on the command
        // line and in the environment: the key must never reach the proxy, where it would be in clear.
        QTcpServer listening; // a proxy that records what it receives
        QVERIFY(listening.listen(QHostAddress::LocalHost));
        QByteArray received;
        connect(&listening, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *socket = listening.nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, socket, [&received, socket] {
                    received += socket->readAll();
                    socket->close(); // no answer: the CLI fails at once instead of waiting
                });
        });
        const QString proxyUrl = u"http://127.0.0.1:%1"_s.arg(listening.serverPort());
        CliHarness cli(m_sandbox.get());
        for (const QStringList &how : {QStringList{u"--proxy"_s, proxyUrl}, QStringList{}}) {
            const std::unique_ptr<QProcess> p = cli.start(how + QStringList{u"orgs"_s}, SandboxOptions::defaultProductionKey(),
                                                          true, [&proxyUrl](QProcess &process) {
                                                              QProcessEnvironment env = process.processEnvironment();
                                                              for (const QString &name : {u"http_proxy"_s, u"HTTP_PROXY"_s,
                                                                                          u"all_proxy"_s})
                                                                  env.insert(name, proxyUrl);
                                                              env.remove(u"no_proxy"_s);
                                                              env.remove(u"NO_PROXY"_s);
                                                              process.setProcessEnvironment(env);
                                                          });
            const CliHarness::Run run = CliHarness::finish(*p);
            QVERIFY2(received.isEmpty(), received.constData()); // (a proxy sees "Authorization: Bearer sk_…")
            QVERIFY2(run.exitCode == 0, run.err.constData());
        }
    }

    void aProxyThatNeverAnswersIsNamedAndNotAskedAgain()
    {
        // It accepts connections and says nothing, not even to CONNECT.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        int connections = 0;
        std::vector<std::unique_ptr<QTcpSocket>> held;
        connect(&silent, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *socket = silent.nextPendingConnection()) {
                ++connections;
                held.emplace_back(socket);
            }
        });
        ClientConfig config = tlsConfig(m_hostName.isEmpty() ? u"localhost"_s : m_hostName);
        config.proxyMode = ProxyMode::Manual;
        config.proxyUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(silent.serverPort()));
        config.transferTimeout = std::chrono::milliseconds(1'000);
        ClerkClient client(config);
        Waiter<Organization> w;
        client.getOrganization(orgId(u"acme"_s), this, w.callback());
        QVERIFY(w.wait(30'000));
        QVERIFY(!w.result->ok());
        const ClerkError error = w.result->error();
        QVERIFY2(error.userMessage().contains(u"127.0.0.1:%1"_s.arg(silent.serverPort())), qPrintable(error.userMessage()));
        QVERIFY2(error.userMessage().contains(u"proxy"_s), qPrintable(error.userMessage()));
        QVERIFY(!error.isTransient());
        QCOMPARE(connections, 1); // asked once: a proxy that never answered is not asked four more times
    }

    void noProxyBypassesAManualProxy()
    {
        TestProxy proxy;
        QVERIFY(proxy.start({m_front->port()}));
        qputenv("NO_PROXY", "example.com, localhost");
        ClientConfig config = tlsConfig();
        config.proxyMode = ProxyMode::Manual;
        config.proxyUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(proxy.port()));
        ClerkClient client(config);
        qunsetenv("NO_PROXY");
        Waiter<Page<Role>> w;
        client.listRoles(10, 0, this, w.callback());
        QVERIFY(w.wait());
        QVERIFY(w.result->ok());
        QCOMPARE(proxy.tunnels(), 0);
        QVERIFY(ProxyRules::bypassed(u"api.example.com"_s, u".example.com"_s));
        QVERIFY(ProxyRules::bypassed(u"example.com"_s, u"example.com:443"_s));
        QVERIFY(!ProxyRules::bypassed(u"notexample.com"_s, u"example.com"_s));
        QVERIFY(ProxyRules::bypassed(u"anything"_s, u"*"_s));
    }

    void aProxyThatWantsAPassword()
    {
        TestProxy proxy;
        QVERIFY(proxy.start({m_front->port()}, u"agent"_s, u"s3cret"_s));
        ClientConfig config = tlsConfig();
        config.proxyMode = ProxyMode::Manual;
        config.proxyUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(proxy.port()));
        config.maxReadAttempts = 1;
        {
            ClerkClient client(config);
            Waiter<Page<Role>> w;
            client.listRoles(10, 0, this, w.callback());
            QVERIFY(w.wait());
            QVERIFY(!w.result->ok());
            QCOMPARE(w.result->error().networkError(), QNetworkReply::ProxyAuthenticationRequiredError);
            QVERIFY(w.result->error().userMessage().contains(u"proxy"_s));
        }
        config.proxyUser = u"agent"_s;
        config.proxyPassword = u"wrong"_s;
        {
            ClerkClient client(config);
            Waiter<Page<Role>> w;
            client.listRoles(10, 0, this, w.callback());
            QVERIFY(w.wait(20'000)); // refused credentials end the request, never a loop
            QCOMPARE(w.result->error().networkError(), QNetworkReply::ProxyAuthenticationRequiredError);
        }
        QVERIFY2(proxy.requests() <= 3, qPrintable(QString::number(proxy.requests()))); // refused: asked once, never retried
        config.proxyPassword = u"s3cret"_s;
        ClerkClient client(config);
        Waiter<Page<Role>> w;
        client.listRoles(10, 0, this, w.callback());
        QVERIFY(w.wait());
        QVERIFY2(w.result->ok(), qPrintable(w.result->ok() ? QString() : w.result->error().userMessage()));
        QVERIFY(proxy.tunnels() >= 1);

        // The CLI: a clear error without credentials, success with them (from the environment only).
        CliHarness cli(m_sandbox.get());
        const QStringList args{u"--api-url"_s, frontUrl().toString(), u"--ca-file"_s, m_ca->caPath(), u"--proxy"_s,
                               u"http://127.0.0.1:%1"_s.arg(proxy.port()), u"orgs"_s};
        const CliHarness::Run refused = CliHarness::finish(*cli.start(args, SandboxOptions::defaultProductionKey(), false));
        QCOMPARE(refused.exitCode, 3);
        QVERIFY2(refused.err.contains("INVITEDESK_PROXY_USER"), refused.err.constData());
        const CliHarness::Run accepted = CliHarness::finish(
            *cli.start(args, SandboxOptions::defaultProductionKey(), false, [](QProcess &p) {
                QProcessEnvironment env = p.processEnvironment();
                env.insert(u"INVITEDESK_PROXY_USER"_s, u"agent"_s);
                env.insert(u"INVITEDESK_PROXY_PASSWORD"_s, u"s3cret"_s);
                p.setProcessEnvironment(env);
            }));
        QVERIFY2(accepted.exitCode == 0, accepted.err.constData());
    }

    void whatAProxyRefusesIsSaidAsTheProxys_data()
    {
        QTest::addColumn<QString>("proxyHost");
        QTest::addColumn<int>("expected");
        QTest::newRow("unknown host") << u"proxy.invalid"_s << int(QNetworkReply::ProxyNotFoundError);
        QTest::newRow("nothing listening") << u"127.0.0.1"_s << int(QNetworkReply::ProxyConnectionRefusedError);
        QTest::newRow("tunnel refused, right password") << QString() << int(QNetworkReply::ProxyConnectionRefusedError);
    }

    void whatAProxyRefusesIsSaidAsTheProxys()
    {
        QFETCH(QString, proxyHost);
        QFETCH(int, expected);
        TestProxy proxy; // with the right password, but no tunnels to the front's port
        QVERIFY(proxy.start({1}, u"agent"_s, u"s3cret"_s));
        ClientConfig config = tlsConfig();
        config.proxyMode = ProxyMode::Manual;
        config.proxyUrl = QUrl(u"http://%1:%2"_s.arg(proxyHost.isEmpty() ? u"127.0.0.1"_s : proxyHost)
                                   .arg(proxyHost.isEmpty() ? proxy.port() : freePort()));
        config.proxyUser = u"agent"_s;
        config.proxyPassword = u"s3cret"_s;
        config.maxReadAttempts = 1;
        ClerkClient client(config);
        Waiter<Page<Role>> w;
        client.listRoles(10, 0, this, w.callback());
        QVERIFY(w.wait(20'000));
        QVERIFY(!w.result->ok());
        QCOMPARE(int(w.result->error().networkError()), expected); // never "wrong password", never "offline"
        QVERIFY2(w.result->error().userMessage().contains(u"proxy"_s), qPrintable(w.result->error().userMessage()));
        QVERIFY(!w.result->error().needsProxyCredentials());
    }
};

QTEST_GUILESS_MAIN(TestNetwork)
#include "tst_network.moc"
