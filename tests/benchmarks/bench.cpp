// invitedesk-bench: the in-process measurements of tests/benchmarks/run.mjs.
//   invitedesk-bench gui-load   --api-url URL [--org acme|all]   (all: the instance view)
//   invitedesk-bench gui-revoke --api-url URL --count 1500 [--org acme]
//   invitedesk-bench model      --api-url URL [--org acme]
// Each prints one JSON object on stdout. Run on the offscreen platform.

#include "core/audit/AuditLog.h"
#include "core/api/ClerkJson.h"
#include "core/util/ProcessStats.h"
#include "gui/invitations/InvitationFilterModel.h"
#include "gui/invitations/InvitationTableModel.h"
#include "gui/invitations/InvitationsController.h"
#include "gui/MainWindow.h"
#include "support/ScriptedPrompts.h"
#include "gui/session/Session.h"
#include "sandbox/ClerkSandbox.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QElapsedTimer>
#include <QtCore/QEventLoop>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtCore/QThread>
#include <QtCore/QTimer>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QTableView>

#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace Qt::StringLiterals;
using namespace InviteDesk;

namespace {

/*! Since the stall probe started, while it runs (-1 otherwise): the event profile looks only at that time. */
QElapsedTimer g_probeClock;

/*! The longest gap between ticks of a 5 ms timer on the GUI thread: how long the window froze. */
class StallProbe : public QObject
{
public:
    StallProbe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            if (qEnvironmentVariableIsSet("INVITEDESK_BENCH_STALLS") && now - m_last > 17'000'000)
                std::fprintf(stderr, "stall %.1f ms at %.0f ms\n", double(now - m_last) / 1e6, double(m_last) / 1e6);
            m_worst = std::max(m_worst, now - m_last);
            m_last = now;
        });
    }
    void start()
    {
        m_clock.start();
        g_probeClock.start();
        m_last = 0;
        m_worst = 0;
        m_timer.start(5);
    }
    double stop()
    {
        m_timer.stop();
        g_probeClock.invalidate();
        return double(m_worst) / 1e6 - 5.0;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_worst = 0;
};

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1000.0 + double(ts.tv_nsec) / 1e6;
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

void print(const QJsonObject &object)
{
    std::printf("%s\n", QJsonDocument(object).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

struct Window
{
    Testing::ScriptedPrompts prompts;
    MainWindow window{&prompts};

    bool connect(const QUrl &url, int budgetPercent)
    {
        window.resize(1280, 760);
        window.show();
        ConnectionProfile profile;
        profile.id = u"bench"_s;
        profile.name = u"Benchmark"_s;
        profile.apiUrl = url;
        profile.rateBudgetPercent = budgetPercent;
        profile.keyFromEnvironment = true;
        QSettings().setValue(u"undo/bench"_s, false); // measure the revokes, not the undo window
        window.useTransientProfile(profile, Sandbox::SandboxOptions::defaultProductionKey());
        return QTest::qWaitFor([this] { return window.session()->isOpen(); }, 10'000);
    }

    double firstRowsMs = -1;

    /*!
     * Opens the organization ("all": the instance view); returns ms from asking to the last row in the
     * table, and keeps when the first rows were there.
     */
    double load(const QString &org)
    {
        QElapsedTimer clock;
        clock.start();
        firstRowsMs = -1;
        QEventLoop loop;
        QObject::connect(window.invitations(), &InvitationsController::loadFinished, &loop, &QEventLoop::quit);
        QObject::connect(window.invitations(), &InvitationsController::loadFailed, &loop, &QEventLoop::quit);
        const QMetaObject::Connection first =
            QObject::connect(window.invitationModel(), &QAbstractItemModel::rowsInserted, &loop, [&] {
                if (firstRowsMs < 0)
                    firstRowsMs = double(clock.nsecsElapsed()) / 1e6;
            });
        if (org == "all"_L1)
            window.showInstance();
        else
            window.openOrganization(org);
        loop.exec();
        QObject::disconnect(first);
        return double(clock.nsecsElapsed()) / 1e6;
    }
};

int guiLoad(const QUrl &url, const QString &org)
{
    Window w;
    if (!w.connect(url, 0))
        return 1;
    StallProbe probe;
    probe.start();
    const double ms = w.load(org);
    const double stall = probe.stop();
    print({{"scenario"_L1, "gui-load"_L1},
           {"load_ms"_L1, ms},
           {"first_rows_ms"_L1, w.firstRowsMs},
           {"rows"_L1, w.window.invitationModel()->rowCount()},
           {"organizations"_L1, w.window.invitationModel()->organizationCount()},
           {"max_stall_ms"_L1, stall},
           {"peak_rss_kb"_L1, double(ProcessStats::peakRssKb())}});
    return 0;
}

int guiRevoke(const QUrl &url, const QString &org, int count)
{
    Window w;
    if (!w.connect(url, 100))
        return 1;
    w.load(org);
    auto *table = w.window.findChild<QTableView *>(u"invitationsView"_s);
    QItemSelection selection(table->model()->index(0, 0),
                             table->model()->index(count - 1, table->model()->columnCount() - 1));
    table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    w.prompts.confirmAll();
    BulkSummary summary;
    QEventLoop loop;
    QObject::connect(w.window.invitations(), &InvitationsController::revokeFinished, &loop,
                     [&](const BulkSummary &s) {
                         summary = s;
                         loop.quit();
                     });
    StallProbe probe;
    probe.start();
    QElapsedTimer clock;
    clock.start();
    QMetaObject::invokeMethod(w.window.findChild<QAction *>(u"actionRevoke"_s), &QAction::trigger);
    const double triggerMs = double(clock.nsecsElapsed()) / 1e6; // confirming and starting, before any event
    loop.exec();
    const double ms = double(clock.nsecsElapsed()) / 1e6;
    const double stall = probe.stop();
    print({{"scenario"_L1, "gui-revoke"_L1},
           {"revoke_ms"_L1, ms},
           {"selected"_L1, count},
           {"revoked"_L1, summary.revoked},
           {"failed"_L1, summary.total - summary.succeeded()},
           {"max_stall_ms"_L1, stall},
           {"trigger_ms"_L1, triggerMs},
           {"peak_rss_kb"_L1, double(ProcessStats::peakRssKb())}});
    return 0;
}

/*! Fetches every page once (not measured), then measures parsing, inserting, sorting and filtering. */
int model(const QUrl &url, const QString &org)
{
    ClientConfig config;
    config.apiUrl = url;
    config.secretKey = Sandbox::SandboxOptions::defaultProductionKey();
    ClerkClient client(config);
    std::optional<Organization> organization;
    client.getOrganization(org, nullptr, [&](Result<Organization> r) {
        if (r)
            organization = r.value();
    });
    if (!QTest::qWaitFor([&] { return organization.has_value(); }, 20'000))
        return 1;
    // Raw page bodies, exactly as Clerk sends them.
    QNetworkAccessManager network;
    QList<QByteArray> pages;
    const int total = organization->pendingInvitationsCount.value_or(0);
    for (int offset = 0; offset < total; offset += 500) {
        const Result<QUrl> pageUrl = client.buildUrl({u"organizations"_s, organization->id, u"invitations"_s},
                                                     QUrlQuery(u"status=pending&limit=500&offset=%1"_s.arg(offset)));
        QNetworkReply *reply = network.get(client.buildRequest(pageUrl.value()));
        if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 60'000))
            return 2;
        pages << reply->readAll();
        reply->deleteLater();
    }

    QList<double> insertMs;
    QList<double> insertCpuMs;
    QList<double> parseCpuMs;
    QList<double> guiThreadCpuMs;
    QList<double> sortMs;
    QList<double> sortDoneMs;
    QList<double> keystrokeMs;
    QList<double> keystrokeDoneMs;
    int rows = 0;
    for (int round = 0; round < 5; ++round) {
        InvitationTableModel model;
        InvitationFilterModel proxy;
        proxy.setSourceModel(&model);
        proxy.sort(InvitationTableModel::Invited, Qt::DescendingOrder);
        QElapsedTimer clock;
        clock.start();
        const double cpu0 = threadCpuMs();
        // As the window does it: pages appended at the end, one sort at the end. Parsing happens on a
        // worker thread in the app; it is measured here on one thread, apart from the GUI thread's part.
        double parseCpu = 0;
        for (const QByteArray &body : std::as_const(pages)) {
            const double p0 = threadCpuMs();
            Result<Page<Invitation>> page = ClerkJson::parseInvitationPage(body);
            parseCpu += threadCpuMs() - p0;
            if (!page)
                return 3;
            model.append(page.value().data);
        }
        proxy.sort(InvitationTableModel::Invited, Qt::DescendingOrder);
        if (!QTest::qWaitFor([&] { return !proxy.isWorking(); }, 60'000))
            return 4;
        parseCpuMs << parseCpu;
        insertCpuMs << threadCpuMs() - cpu0;
        guiThreadCpuMs << insertCpuMs.last() - parseCpu;
        insertMs << double(clock.nsecsElapsed()) / 1e6;
        rows = model.rowCount();

        // What blocks the GUI thread (the call: a snapshot, the worker starts) and when the new order is
        // in place (the worker's time, and the swap).
        auto timed = [&](QList<double> &blocked, QList<double> &done, const std::function<void()> &call) {
            clock.restart();
            call();
            blocked << double(clock.nsecsElapsed()) / 1e6;
            if (!QTest::qWaitFor([&] { return !proxy.isWorking(); }, 60'000))
                qFatal("a sort or filter never settled");
            done << double(clock.nsecsElapsed()) / 1e6;
        };
        for (int column = 0; column < InvitationTableModel::ColumnCount; ++column)
            timed(sortMs, sortDoneMs, [&] { proxy.sort(column, round % 2 ? Qt::AscendingOrder : Qt::DescendingOrder); });
        // Typing an address one key at a time, then deleting it again.
        const QString typed = u"ada.rossi"_s;
        for (int i = 1; i <= typed.size(); ++i)
            timed(keystrokeMs, keystrokeDoneMs, [&] { proxy.setText(typed.left(i)); });
        for (qsizetype i = typed.size() - 1; i >= 0; --i)
            timed(keystrokeMs, keystrokeDoneMs, [&] { proxy.setText(typed.left(i)); });
    }
    print({{"scenario"_L1, "model"_L1},
           {"rows"_L1, rows},
           {"parse_insert_ms_median"_L1, median(insertMs)},
           {"parse_insert_cpu_ms_median"_L1, median(insertCpuMs)},
           {"parse_cpu_ms_median"_L1, median(parseCpuMs)},
           {"gui_thread_cpu_ms_median"_L1, median(guiThreadCpuMs)},
           {"sort_ms_median"_L1, median(sortMs)},
           {"sort_ms_max"_L1, *std::max_element(sortMs.cbegin(), sortMs.cend())},
           {"keystroke_ms_median"_L1, median(keystrokeMs)},
           {"keystroke_ms_max"_L1, *std::max_element(keystrokeMs.cbegin(), keystrokeMs.cend())},
           {"sort_done_ms_median"_L1, median(sortDoneMs)},
           {"sort_done_ms_max"_L1, *std::max_element(sortDoneMs.cbegin(), sortDoneMs.cend())},
           {"keystroke_done_ms_median"_L1, median(keystrokeDoneMs)},
           {"keystroke_done_ms_max"_L1, *std::max_element(keystrokeDoneMs.cbegin(), keystrokeDoneMs.cend())}});
    return 0;
}

/*! With INVITEDESK_BENCH_EVENTS set, reports the slowest event deliveries: where a stall comes from. */
class TimedApplication : public QApplication
{
public:
    using QApplication::QApplication;
    ~TimedApplication() override
    {
        if (!qEnvironmentVariableIsSet("INVITEDESK_BENCH_EVENTS"))
            return;
        std::sort(m_slowest.begin(), m_slowest.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
        for (int i = 0; i < std::min<int>(8, int(m_slowest.size())); ++i)
            std::fprintf(stderr, "%8.1f ms  %s\n", m_slowest[i].first, qPrintable(m_slowest[i].second));
        std::fprintf(stderr, "%8.1f ms in %d layout requests\n", m_layouts.first, m_layouts.second);
        // Paint events are delivered inside another event (an update request): their own share, per widget.
        QList<std::pair<double, QString>> paints;
        for (auto it = m_paints.cbegin(); it != m_paints.cend(); ++it)
            paints.append({it->first, it.key() + u" ×"_s + QString::number(it->second)});
        std::sort(paints.begin(), paints.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
        for (int i = 0; i < std::min<int>(8, int(paints.size())); ++i)
            std::fprintf(stderr, "%8.1f ms painting in all  %s\n", paints[i].first, qPrintable(paints[i].second));
    }
    bool notify(QObject *receiver, QEvent *event) override
    {
        // notify() runs for the events of every thread (the audit writer's, the parser's): only the GUI
        // thread's stall the window, and the bookkeeping below is not meant for two threads at once.
        if (QThread::currentThread() != thread())
            return QApplication::notify(receiver, event);
        if (event->type() == QEvent::Paint && g_probeClock.isValid() && qEnvironmentVariableIsSet("INVITEDESK_BENCH_EVENTS")) {
            const QString name = QString::fromLatin1(receiver->metaObject()->className()) + u' ' + receiver->objectName();
            QElapsedTimer clock;
            clock.start();
            ++m_depth;
            const bool r = QApplication::notify(receiver, event);
            --m_depth;
            auto &paint = m_paints[name];
            paint.first += double(clock.nsecsElapsed()) / 1e6;
            ++paint.second;
            return r;
        }
        if (m_depth++ > 0 || !qEnvironmentVariableIsSet("INVITEDESK_BENCH_EVENTS") || !g_probeClock.isValid()) {
            const bool r = QApplication::notify(receiver, event);
            --m_depth;
            return r;
        }
        // Named before delivery: the event may delete its receiver (a deleteLater, a finished reply).
        const char *className = receiver->metaObject()->className();
        const QString objectName = receiver->objectName();
        const int type = int(event->type());
        QElapsedTimer clock;
        clock.start();
        const double at = double(g_probeClock.nsecsElapsed()) / 1e6;
        const double cpu0 = threadCpuMs();
        const bool r = QApplication::notify(receiver, event);
        const double ms = double(clock.nsecsElapsed()) / 1e6;
        if (type == QEvent::LayoutRequest) {
            ++m_layouts.second;
            m_layouts.first += ms;
        }
        // The thread's own CPU time beside the wall time: a gap between them is time the thread waited
        // for a core (two cores, shared with the parser thread, the sort worker and the sandbox).
        if (ms > 5)
            m_slowest.append({ms, u"(CPU %1 ms, at %2 ms)  "_s.arg(threadCpuMs() - cpu0, 0, 'f', 1).arg(at, 0, 'f', 0)
                                      + QString::fromLatin1(className)
                                      + u' ' + objectName + u" event "_s + QString::number(type)});
        --m_depth;
        return r;
    }

private:
    int m_depth = 0;
    QList<std::pair<double, QString>> m_slowest;
    std::pair<double, int> m_layouts; //!< time in layout requests (the window laid out again), how many
    QHash<QString, std::pair<double, int>> m_paints; //!< widget -> time painting it (nested paints counted twice), times
};

} // namespace

int main(int argc, char *argv[])
{
    QStandardPaths::setTestModeEnabled(true); // settings and audit log stay out of the real folders
    TimedApplication app(argc, argv);
    QApplication::setOrganizationName(u"InviteDeskBench"_s);
    QCommandLineParser parser;
    parser.addPositionalArgument(u"scenario"_s, u"gui-load, gui-revoke or model"_s);
    const QCommandLineOption urlOption(u"api-url"_s, u"Sandbox URL"_s, u"URL"_s);
    const QCommandLineOption orgOption(u"org"_s, u"Organization (all: every organization)"_s, u"ORG"_s, u"acme"_s);
    const QCommandLineOption countOption(u"count"_s, u"Invitations to revoke"_s, u"N"_s, u"1500"_s);
    parser.addOptions({urlOption, orgOption, countOption});
    parser.process(app);
    // Every run starts as a fresh install: an audit log grown by earlier runs would be measured too.
    QFile::remove(AuditLog::defaultPath());
    QFile::remove(AuditLog::defaultPath() + u".head"_s);
    const QString scenario = parser.positionalArguments().value(0);
    const QUrl url(parser.value(urlOption));
    if (scenario == "gui-load"_L1)
        return guiLoad(url, parser.value(orgOption));
    if (scenario == "gui-revoke"_L1)
        return guiRevoke(url, parser.value(orgOption), parser.value(countOption).toInt());
    if (scenario == "model"_L1)
        return model(url, parser.value(orgOption));
    std::fprintf(stderr, "unknown scenario\n");
    return 2;
}
