// invitedesk-cli: the scriptable face of InviteDesk's core library.

#include "cli/Runner.h"
#include "core/util/MessageFilter.h"
#include "core/util/PrivateProcess.h"
#include "core/util/ProcessStats.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QThread>
#include <QtCore/QTimer>

#include <atomic>
#include <csignal>
#include <cstdio>

#ifdef Q_OS_WIN
#  include <fcntl.h>
#  include <io.h>
#endif

using namespace Qt::StringLiterals;

namespace {
std::atomic<bool> interrupted{false};

/*!
 * Ctrl+C, and what a logout or `systemctl stop` sends (SIGTERM, SIGHUP): the same graceful stop — no
 * new revoke, the ones in flight settle, every ID is printed. The same signal again ends it at once.
 */
extern "C" void onInterrupt(int signal)
{
    interrupted = true;
    std::signal(signal, SIG_DFL);
}
} // namespace

int main(int argc, char *argv[])
{
    InviteDesk::PrivateProcess::apply(); // before any file is written or the key is read
    InviteDesk::installMessageFilter();
    InviteDesk::ProcessStats::reportPeakRssAtExitIfAsked();
#ifdef Q_OS_WIN
    // The bytes as written, as on every other platform: the C runtime's text mode would turn each "\n" into
    // "\r\n", and so CSV's own "\r\n" into "\r\r\n".
    _setmode(_fileno(stdout), _O_BINARY);
    _setmode(_fileno(stderr), _O_BINARY);
#endif
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"InviteDesk"_s);
    QCoreApplication::setApplicationName(u"invitedesk-cli"_s);

    InviteDesk::Cli::Options options;
    bool helpOrVersion = false;
    if (const std::optional<QString> error =
            InviteDesk::Cli::parseArguments(QCoreApplication::arguments(), &options, &helpOrVersion)) {
        std::fprintf(stderr, "invitedesk-cli: %s\nRun 'invitedesk-cli --help' for usage.\n",
                     error->toLocal8Bit().constData());
        return InviteDesk::Cli::Usage;
    }
    if (helpOrVersion)
        return InviteDesk::Cli::Success;

    // No window to keep responsive: every core may parse.
    InviteDesk::ClerkClient::setParseThreads(QThread::idealThreadCount());
    InviteDesk::Cli::Runner runner(options);
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
#ifdef SIGHUP
    std::signal(SIGHUP, onInterrupt);
#endif
#ifdef SIGXFSZ
    // Past a file size limit, writes then fail (EFBIG) and the audit log says so; by default the process
    // would be killed without a word.
    std::signal(SIGXFSZ, SIG_IGN);
#endif
    QTimer interruptPoll;
    QObject::connect(&interruptPoll, &QTimer::timeout, &runner, [&runner] {
        if (interrupted.exchange(false))
            runner.interrupt();
    });
    interruptPoll.start(100);
    QTimer::singleShot(0, &runner, &InviteDesk::Cli::Runner::start);
    return QCoreApplication::exec();
}
