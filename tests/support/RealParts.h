#pragma once

// Real parts the tests start themselves: a TLS + HTTP/2 front (nghttpx, with a certificate from a CA
// made for the test) in front of the sandbox, an HTTP proxy (tinyproxy), and a throwaway PostgreSQL
// cluster. Debian packages nghttp2-proxy, tinyproxy, openssl and postgresql; .ci/install-deps installs them.
// The release workflow (.github/workflows/release.yml) installs them on macOS (Homebrew) and, except
// nghttpx and tinyproxy, which have no Windows build, on Windows. A test asks for its parts with
// INVITEDESK_REQUIRE_PARTS: a missing part fails it, unless no CI job installs that part on this
// operating system; then it skips, saying what is missing and where it runs instead.

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QProcess>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtNetwork/QHostInfo>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QTest>

#include <memory>

#ifdef Q_OS_UNIX
#  include <pwd.h>
#  include <sys/stat.h>
#  include <unistd.h>
#endif

namespace InviteDesk::Testing {

/*! A free TCP port on loopback (free when asked; the part that binds it comes right after). */
inline quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

inline bool waitForPort(quint16 port, int timeoutMs = 10'000)
{
    return QTest::qWaitFor(
        [port] {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, port);
            return socket.waitForConnected(200);
        },
        timeoutMs);
}

inline QString missingTool(const QStringList &tools)
{
    for (const QString &tool : tools) {
        if (QStandardPaths::findExecutable(tool).isEmpty()
            && QStandardPaths::findExecutable(tool, {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")}).isEmpty())
            return tool;
    }
    return {};
}

inline QString findTool(const QString &tool)
{
    QString path = QStandardPaths::findExecutable(tool);
    return path.isEmpty() ? QStandardPaths::findExecutable(tool, {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")}) : path;
}

/*! What a test that lacks a real part does: \c why is empty when nothing is missing. */
struct MissingPart
{
    QString why;
    bool skip = false; // no CI job installs the part on this operating system
};

/*! Where this operating system's CI gets the real parts, for a failure's message. */
inline QString partsInstaller()
{
#if defined(Q_OS_WIN)
    return QStringLiteral("the release workflow's windows job installs it (OpenSSL from Chocolatey, the runner's PostgreSQL)");
#elif defined(Q_OS_MACOS)
    return QStringLiteral("the release workflow's macos job installs it (brew install nghttp2 tinyproxy openssl@3 postgresql@17)");
#else
    return QStringLiteral(".ci/install-deps installs it");
#endif
}

/*!
 * The first of \a tools that is not installed, and whether a test that needs it skips: only where no CI
 * job installs it on this operating system (nghttpx and tinyproxy on Windows). Everywhere else, Linux
 * above all, a missing part is a failure.
 */
inline MissingPart missingPart(const QStringList &tools)
{
    const QString tool = missingTool(tools);
    if (tool.isEmpty())
        return {};
#ifdef Q_OS_WIN
    if (tool == QLatin1StringView("nghttpx") || tool == QLatin1StringView("tinyproxy"))
        return {QStringLiteral("%1 is not installed, and no CI job installs it on Windows (it has no Windows build); "
                               "this test runs on Linux and macOS").arg(tool),
                true};
#endif
    return {QStringLiteral("%1 is missing: %2").arg(tool, partsInstaller()), false};
}

} // namespace InviteDesk::Testing

/*! Fails the test when a real part is missing, or skips it with the reason where no CI job installs that part. */
#define INVITEDESK_REQUIRE_PARTS(missingPartExpression) \
    do { \
        const InviteDesk::Testing::MissingPart missingPart_ = (missingPartExpression); \
        if (missingPart_.skip) \
            QSKIP(qPrintable(missingPart_.why)); \
        if (!missingPart_.why.isEmpty()) \
            QFAIL(qPrintable(missingPart_.why)); \
    } while (false)

namespace InviteDesk::Testing {

/*! A certificate authority made for one test run, and a server certificate it signed for some names. */
class TestCa
{
public:
    /*! \a names: the server certificate's DNS names (127.0.0.1 is always included). */
    bool create(const QStringList &names, const QString &caName = QStringLiteral("InviteDesk Test CA"))
    {
        const QString dir = m_dir.path();
        auto openssl = [&dir](const QStringList &args) {
            QProcess p;
            p.setWorkingDirectory(dir);
            p.start(findTool(QStringLiteral("openssl")), args);
            return p.waitForFinished(30'000) && p.exitCode() == 0;
        };
        QStringList san{QStringLiteral("IP:127.0.0.1")};
        for (const QString &name : names)
            san << QStringLiteral("DNS:") + name;
        QFile ext(m_dir.filePath(QStringLiteral("server.ext")));
        if (!ext.open(QIODevice::WriteOnly))
            return false;
        ext.write("subjectAltName=" + san.join(u',').toLatin1() + "\nextendedKeyUsage=serverAuth\n");
        ext.close();
        return openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                        QStringLiteral("-nodes"), QStringLiteral("-keyout"), QStringLiteral("ca.key"), QStringLiteral("-out"),
                        QStringLiteral("ca.pem"), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                        QStringLiteral("/CN=") + caName, QStringLiteral("-addext"),
                        QStringLiteral("basicConstraints=critical,CA:TRUE"), QStringLiteral("-addext"),
                        QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")})
               && openssl({QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                           QStringLiteral("-keyout"), QStringLiteral("server.key"), QStringLiteral("-out"),
                           QStringLiteral("server.csr"), QStringLiteral("-subj"), QStringLiteral("/CN=") + names.value(0)})
               && openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), QStringLiteral("server.csr"),
                           QStringLiteral("-CA"), QStringLiteral("ca.pem"), QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
                           QStringLiteral("-CAcreateserial"), QStringLiteral("-out"), QStringLiteral("server.pem"),
                           QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-extfile"), QStringLiteral("server.ext")});
    }

    QString caPath() const { return m_dir.filePath(QStringLiteral("ca.pem")); }
    QString certificatePath() const { return m_dir.filePath(QStringLiteral("server.pem")); }
    QString keyPath() const { return m_dir.filePath(QStringLiteral("server.key")); }

private:
    QTemporaryDir m_dir;
};

/*! A server program in the foreground on a loopback port: started, waited for, stopped with the test. */
class ForegroundServer
{
public:
    ~ForegroundServer() { stop(); }

    void stop()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(5'000))
                m_process.kill();
        }
    }

    quint16 port() const { return m_port; }

protected:
    /*! Starts \a tool and waits until it listens on port(). */
    bool run(const QString &tool, const QStringList &arguments)
    {
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(findTool(tool), arguments);
        return m_process.waitForStarted(10'000) && waitForPort(m_port);
    }

    QProcess m_process;
    quint16 m_port = 0;
};

/*! nghttpx terminating TLS (h2 and HTTP/1.1 by ALPN, or HTTP/1.1 only) in front of a plain HTTP backend. */
class TlsFront : public ForegroundServer
{
public:

    bool start(const TestCa &ca, quint16 backendPort, bool http2 = true)
    {
        m_port = freePort();
        QStringList args{QStringLiteral("--conf=/dev/null"),
                         QStringLiteral("--frontend=127.0.0.1,%1").arg(m_port),
                         QStringLiteral("--backend=127.0.0.1,%1").arg(backendPort),
                         QStringLiteral("--backend-connections-per-host=64"), QStringLiteral("--workers=1"),
                         QStringLiteral("--no-ocsp")};
        if (!http2)
            args << QStringLiteral("--npn-list=http/1.1");
        args << ca.keyPath() << ca.certificatePath();
        return run(QStringLiteral("nghttpx"), args);
    }
};

/*! tinyproxy in the foreground, allowing CONNECT to the given ports, with or without BasicAuth. */
class TestProxy : public ForegroundServer
{
public:
    ~TestProxy() { stop(); } // before its folder goes

    bool start(const QList<quint16> &connectPorts, const QString &user = {}, const QString &password = {})
    {
        m_port = freePort();
        QFile config(m_dir.filePath(QStringLiteral("tinyproxy.conf")));
        if (!config.open(QIODevice::WriteOnly))
            return false;
        QByteArray text = "Port " + QByteArray::number(m_port) + "\nListen 127.0.0.1\nAllow 127.0.0.1\nMaxClients 100\n"
                          "LogLevel Info\nLogFile \"" + logPath().toLocal8Bit() + "\"\n";
        for (quint16 port : connectPorts)
            text += "ConnectPort " + QByteArray::number(port) + '\n';
        if (!user.isEmpty())
            text += "BasicAuth " + user.toLatin1() + ' ' + password.toLatin1() + '\n';
        config.write(text);
        config.close();
        return run(QStringLiteral("tinyproxy"), {QStringLiteral("-d"), QStringLiteral("-c"), config.fileName()});
    }

    QString logPath() const { return m_dir.filePath(QStringLiteral("tinyproxy.log")); }
    /*! How many CONNECT tunnels the proxy opened so far. */
    int tunnels() const
    {
        QFile log(logPath());
        if (!log.open(QIODevice::ReadOnly))
            return 0;
        return int(log.readAll().count("Established connection to host"));
    }

    /*! How many requests (CONNECT or plain) the proxy was sent so far, whatever became of them. */
    int requests() const
    {
        QFile log(logPath());
        if (!log.open(QIODevice::ReadOnly))
            return 0;
        return int(log.readAll().count("]: Request (file descriptor"));
    }

private:
    QTemporaryDir m_dir;
};

/*! This machine's name, when it resolves to this machine: a host name that is not "localhost". */
inline QString localHostName()
{
    const QString name = QHostInfo::localHostName();
    const QHostInfo info = QHostInfo::fromName(name);
    for (const QHostAddress &address : info.addresses()) {
        if (address.isLoopback())
            return name;
    }
    return {};
}

/*!
 * A PostgreSQL cluster of its own for one test, on a free loopback port, in a temporary folder; its
 * superuser is "admin" with the password adminPassword(). initdb refuses to run as root, so as root
 * the cluster runs as the unprivileged "postgres" user (or nobody). kill() is a crash (immediate stop).
 */
class TestPostgres
{
public:
    ~TestPostgres() { stop(); }

    static QString binary(const QString &tool)
    {
        // Windows' runner images name their PostgreSQL's bin folder in PGBIN (it is not on PATH).
        if (const QString pgbin = qEnvironmentVariable("PGBIN"); !pgbin.isEmpty()) {
            if (const QString path = QStandardPaths::findExecutable(tool, {pgbin}); !path.isEmpty())
                return path;
        }
        QDir lib(QStringLiteral("/usr/lib/postgresql"));
        QStringList versions = lib.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        std::sort(versions.begin(), versions.end(), [](const QString &a, const QString &b) { return a.toInt() > b.toInt(); });
        for (const QString &version : versions) {
            const QString path = lib.filePath(version + QStringLiteral("/bin/") + tool);
            if (QFileInfo(path).isExecutable())
                return path;
        }
        return findTool(tool);
    }
    static bool available() { return !binary(QStringLiteral("initdb")).isEmpty() && !binary(QStringLiteral("pg_ctl")).isEmpty(); }
    /*! For INVITEDESK_REQUIRE_PARTS: every CI job installs PostgreSQL, so it is never a skip. */
    static MissingPart missing()
    {
        if (available())
            return {};
#if defined(Q_OS_WIN)
        const QString where = QStringLiteral("initdb and pg_ctl in PGBIN or on PATH");
#elif defined(Q_OS_MACOS)
        const QString where = QStringLiteral("initdb and pg_ctl on PATH (Homebrew's postgresql@17 is keg-only)");
#else
        const QString where = QStringLiteral("Debian: postgresql");
#endif
        return {QStringLiteral("PostgreSQL is not installed (%1); %2").arg(where, partsInstaller()), false};
    }
    static QString adminPassword() { return QStringLiteral("admin-secret"); }

    bool start()
    {
        // Not under $TMPDIR, which may be a folder only root can enter (Windows has no /tmp, and no root).
#ifdef Q_OS_UNIX
        m_dir = std::make_unique<QTemporaryDir>(QStringLiteral("/tmp/invitedesk-pg-XXXXXX"));
#else
        m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/invitedesk-pg-XXXXXX"));
#endif
        if (!m_dir->isValid())
            return false;
        m_port = freePort();
#ifdef Q_OS_UNIX
        if (::geteuid() == 0) {
            const passwd *user = ::getpwnam("postgres");
            if (!user)
                user = ::getpwnam("nobody");
            if (!user)
                return false;
            m_uid = user->pw_uid;
            m_gid = user->pw_gid;
            if (::chown(QFile::encodeName(m_dir->path()).constData(), m_uid, m_gid) != 0)
                return false;
        }
#endif
        QFile pw(m_dir->filePath(QStringLiteral("pw")));
        if (!pw.open(QIODevice::WriteOnly))
            return false;
        pw.write(adminPassword().toLatin1() + '\n');
        pw.close();
#ifdef Q_OS_UNIX
        if (m_uid >= 0 && ::chown(QFile::encodeName(pw.fileName()).constData(), m_uid, m_gid) != 0)
            return false;
#endif
        if (!run(binary(QStringLiteral("initdb")),
                 {QStringLiteral("-D"), dataDir(), QStringLiteral("-U"), QStringLiteral("admin"), QStringLiteral("-A"),
                  QStringLiteral("scram-sha-256"), QStringLiteral("--pwfile=") + pw.fileName(), QStringLiteral("-N"),
                  QStringLiteral("-E"), QStringLiteral("UTF8"), QStringLiteral("--locale=C")}))
            return false;
        return resume();
    }

    /*! Starts the cluster again after stop() or kill(). */
    bool resume()
    {
#ifdef Q_OS_UNIX
        // The Unix socket in the cluster's own folder, not /var/run/postgresql; Windows makes none by default.
        const QString options = QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off").arg(m_port).arg(m_dir->path());
#else
        const QString options = QStringLiteral("-p %1 -c listen_addresses=127.0.0.1 -c fsync=off").arg(m_port);
#endif
        return run(binary(QStringLiteral("pg_ctl")),
                   {QStringLiteral("-D"), dataDir(), QStringLiteral("-o"), options,
                    QStringLiteral("-l"), m_dir->filePath(QStringLiteral("log")), QStringLiteral("-w"), QStringLiteral("start")});
    }

    /*! A crash: the server stops at once, without a shutdown checkpoint. */
    bool kill() { return stopWith(QStringLiteral("immediate")); }
    void stop()
    {
        if (m_dir && QFile::exists(dataDir() + QStringLiteral("/postmaster.pid")))
            stopWith(QStringLiteral("fast"));
    }

    quint16 port() const { return m_port; }
    QString log() const
    {
        QFile file(m_dir->filePath(QStringLiteral("log")));
        return file.open(QIODevice::ReadOnly) ? QString::fromLocal8Bit(file.readAll()) : QString();
    }

private:
    QString dataDir() const { return m_dir->filePath(QStringLiteral("data")); }
    bool stopWith(const QString &mode)
    {
        return run(binary(QStringLiteral("pg_ctl")),
                   {QStringLiteral("-D"), dataDir(), QStringLiteral("-m"), mode, QStringLiteral("-w"), QStringLiteral("stop")});
    }
    bool run(const QString &program, const QStringList &arguments)
    {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.setWorkingDirectory(m_dir->path());
#ifdef Q_OS_UNIX
        if (m_uid >= 0) {
            const uid_t uid = uid_t(m_uid);
            const gid_t gid = gid_t(m_gid);
            process.setChildProcessModifier([uid, gid] {
                if (::setgid(gid) != 0 || ::setuid(uid) != 0)
                    ::_exit(99);
            });
        }
#endif
        process.start(program, arguments);
        const bool ok = process.waitForFinished(60'000) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
        if (!ok)
            qWarning("%s failed: %s", qPrintable(QFileInfo(program).fileName()), process.readAll().constData());
        return ok;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    quint16 m_port = 0;
    long m_uid = -1;
    long m_gid = -1;
};

} // namespace InviteDesk::Testing
