// The message filter: secrets are scrubbed from every log line, warnings are shown (not hidden), and
// lines logged while the program is shutting down (after static objects are destroyed) are scrubbed too.
// The PostgreSQL driver's tidying-up of a lost connection is kept off the terminal unless debugging.

#include "core/util/MessageFilter.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QProcess>
#include <QtTest/QTest>

#include <cstdlib>
#include <cstring>

using namespace Qt::StringLiterals;
using namespace InviteDesk;

namespace {

constexpr auto secretLine = "Authorization: Bearer sk_live_MustNeverBePrinted123";

/*! Runs after static destruction: registered before the filter's own statics exist. */
void logAtExit()
{
    qWarning("%s", secretLine);
}

/*! The child: installs the filter, logs one warning, and one more while exiting. */
int child(int argc, char **argv)
{
    std::atexit(logAtExit);
    QCoreApplication app(argc, argv);
    installMessageFilter();
    qWarning("%s", secretLine);
    // As Qt 6.4's driver says it, and as later versions do.
    qWarning("Unable to free statement: server closed the connection unexpectedly");
    qWarning("QPSQLResult: Unable to free statement: no connection to the server");
    qWarning("Unable to read the team audit store: kept");
    return 0;
}

} // namespace

class TestMessageFilter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scrubsEvenDuringShutdown_data()
    {
        QTest::addColumn<bool>("debug");
        QTest::newRow("default") << false;
        QTest::newRow("INVITEDESK_DEBUG=1") << true;
    }

    void scrubsEvenDuringShutdown()
    {
        QFETCH(bool, debug);
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (debug)
            env.insert(u"INVITEDESK_DEBUG"_s, u"1"_s);
        else
            env.remove(u"INVITEDESK_DEBUG"_s);
        process.setProcessEnvironment(env);
        process.start(QCoreApplication::applicationFilePath(), {u"--child"_s});
        QVERIFY(process.waitForFinished(20'000));
        QCOMPARE(process.exitCode(), 0);
        const QByteArray err = process.readAllStandardError();
        QVERIFY2(!err.contains("MustNeverBePrinted"), err.constData());
        QVERIFY2(!err.contains("invalid QRegularExpression"), err.constData());
        // Both warnings are shown, scrubbed: the one logged normally and the one logged at exit.
        QCOMPARE(int(err.count("Bearer <redacted>")), 2);
        QCOMPARE(int(err.count("Unable to free statement")), debug ? 2 : 0);
        QVERIFY2(err.contains("Unable to read the team audit store: kept"), err.constData());
    }
};

int main(int argc, char **argv)
{
    if (argc > 1 && std::strcmp(argv[1], "--child") == 0)
        return child(argc, argv);
    QCoreApplication app(argc, argv);
    TestMessageFilter test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_messagefilter.moc"
