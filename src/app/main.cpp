// invitedesk: the desktop console.

#include "core/util/PrivateProcess.h"
#include "core/util/MessageFilter.h"
#include "core/util/ProcessStats.h"
#include "gui/Application.h"
#include "gui/invitations/InvitationsController.h"
#include "gui/MainWindow.h"
#include "gui/session/Profiles.h"
#include "gui/session/Settings.h"
#include "gui/Translations.h"
#include "invitedesk/Version.h"
#include "sandbox/SandboxThread.h"

#include <QtCore/QFileInfo>
#include <QtCore/QTemporaryDir>
#include <QtCore/QCommandLineParser>
#include <QtCore/QTimer>
#include <QtWidgets/QApplication>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <optional>

using namespace Qt::StringLiterals;
using namespace InviteDesk;

namespace {
/*! --help and --version need no display: answer them before a QApplication wants one. */
bool onlyAsksForInformation(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--help" || arg == "-h" || arg == "--help-all" || arg == "--version" || arg == "-v" || arg == "-?")
            return true;
    }
    return false;
}
std::atomic<bool> endRequested{false};

/*! SIGTERM, SIGHUP: noted here, acted on by the event loop (MainWindow::endOnSignal); again, at once. */
extern "C" void onEndSignal(int signal)
{
    endRequested = true;
    std::signal(signal, SIG_DFL);
}

/*! Prints "first-paint" to stdout once the window has been painted. */
class FirstPaintProbe : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_done) {
            m_done = true;
            QTimer::singleShot(0, this, [] {
                std::printf("first-paint\n");
                std::fflush(stdout);
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_done = false;
};
} // namespace

int main(int argc, char *argv[])
{
    PrivateProcess::apply(); // before any file is written or the key is read
    installMessageFilter();
#ifdef SIGXFSZ
    // Past a file size limit, writes then fail (EFBIG) and the audit log says so; by default the process
    // would be killed without a word.
    std::signal(SIGXFSZ, SIG_IGN);
#endif
    ProcessStats::reportPeakRssAtExitIfAsked();
    if (onlyAsksForInformation(argc, argv))
        qputenv("QT_QPA_PLATFORM", "minimal");
    Application app(argc, argv);
    QApplication::setOrganizationName(u"InviteDesk"_s);
    QApplication::setApplicationName(u"InviteDesk"_s);
    QApplication::setApplicationDisplayName(u"InviteDesk"_s);
    QApplication::setApplicationVersion(QStringLiteral(INVITEDESK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral(INVITEDESK_APP_ID));
    {
        // Settings written by an older version, or under another umask: this account's alone.
        const QString settings = Settings::fileName();
        PrivateProcess::makePrivate(QFileInfo(settings).absolutePath());
        PrivateProcess::makePrivate(settings);
    }

    installTranslations();

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Revoke Clerk organization invitations safely."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOption(u"demo"_s, QApplication::translate(
        "main", "Start a local Clerk sandbox with demo data and connect to it (no Clerk account needed)."));
    const QCommandLineOption orgOption(u"org"_s, QApplication::translate("main", "Open this organization (ID or slug)."),
                                       u"ORG"_s);
    const QCommandLineOption smokeOption(u"smoke-test"_s, QApplication::translate(
        "main", "Start, show the window once, and quit (for installation checks)."));
    parser.addOptions({demoOption, orgOption, smokeOption});
    parser.process(app);

    // The demo is a try-out: what it remembers (recent organizations, the last one opened, the window's
    // layout) goes to a folder of its own, removed at exit, never into the agent's own settings.
    std::optional<QTemporaryDir> demoSettings;
    if (parser.isSet(demoOption)) {
        demoSettings.emplace();
        Settings::keepIn(demoSettings->path());
    }

    MainWindow window;
    if (qEnvironmentVariableIsSet("INVITEDESK_REPORT_STARTUP")) {
        // For the start-up benchmark: one line when the window has painted for the first time.
        auto *firstPaint = new FirstPaintProbe(&window);
        window.installEventFilter(firstPaint);
    }
    window.show();

    std::unique_ptr<Sandbox::SandboxThread> sandbox;
    if (parser.isSet(demoOption)) {
        sandbox = std::make_unique<Sandbox::SandboxThread>();
        QObject::connect(sandbox.get(), &Sandbox::SandboxThread::ready, &window, [&window, &parser, &orgOption](const QUrl &url) {
            ConnectionProfile demo;
            demo.id = u"demo"_s;
            demo.name = QApplication::translate("main", "Demo sandbox");
            demo.apiUrl = url;
            demo.demo = true;
            demo.environment = KeyEnvironment::Production;
            window.openOrganization(parser.isSet(orgOption) ? parser.value(orgOption) : u"acme"_s);
            window.useTransientProfile(demo, Sandbox::SandboxOptions::defaultProductionKey());
        });
        QObject::connect(sandbox.get(), &Sandbox::SandboxThread::failed, &window, [](const QString &error) {
            std::fprintf(stderr, "invitedesk: the demo sandbox could not start: %s\n", qPrintable(error));
        });
        sandbox->start();
    } else {
        if (parser.isSet(orgOption))
            window.openOrganization(parser.value(orgOption));
        const QString envKey = qEnvironmentVariable("CLERK_SECRET_KEY").trimmed();
        if (!envKey.isEmpty()) {
            ConnectionProfile fromEnv;
            fromEnv.id = u"environment"_s;
            fromEnv.name = u"CLERK_SECRET_KEY"_s;
            const QString url = qEnvironmentVariable("CLERK_API_URL");
            fromEnv.apiUrl = url.isEmpty() ? defaultApiUrl() : QUrl(url);
            fromEnv.keyFromEnvironment = true;
            fromEnv.environment = environmentOfKey(envKey);
            window.useTransientProfile(fromEnv, envKey);
        } else {
            window.restoreLastProfile();
        }
    }

    if (parser.isSet(smokeOption)) {
        // With --demo, wait until the demo organization has loaded: that exercises the sandbox thread,
        // the network stack, the models and the widgets of an installed package.
        auto done = [&window](int count) {
            std::printf("smoke ok: InviteDesk %s, Qt %s, platform %s, %d invitations shown\n", INVITEDESK_VERSION,
                        qVersion(), qPrintable(QGuiApplication::platformName()), count);
            std::fflush(stdout);
            window.close();
            QApplication::quit();
        };
        if (parser.isSet(demoOption)) {
            QObject::connect(window.invitations(), &InvitationsController::loadFinished, &window, done);
            QTimer::singleShot(60'000, &window, [] {
                std::fprintf(stderr, "smoke failed: the demo did not load within 60 s\n");
                QApplication::exit(1);
            });
        } else {
            QTimer::singleShot(0, &window, [done] { done(0); });
        }
    }
    std::signal(SIGTERM, onEndSignal);
#ifdef SIGHUP
    std::signal(SIGHUP, onEndSignal);
#endif
    QTimer endPoll;
    QObject::connect(&endPoll, &QTimer::timeout, &window, [&window] {
        if (endRequested.exchange(false))
            window.endOnSignal();
    });
    endPoll.start(100);
    return QApplication::exec();
}
