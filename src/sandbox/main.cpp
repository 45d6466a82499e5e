// invitedesk-sandbox: the local fake of Clerk's Backend API, for trying things by hand and for benchmarks.

#include "invitedesk/Version.h"
#include "sandbox/ClerkSandbox.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QTextStream>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace InviteDesk::Sandbox;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"invitedesk-sandbox"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(INVITEDESK_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"A local fake of Clerk's Backend API on loopback, with seeded data, rate limits and fault knobs."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption portOption(u"port"_s, u"TCP port on 127.0.0.1 (0 picks a free one)."_s, u"PORT"_s, u"0"_s);
    const QCommandLineOption keyOption(u"key"_s, u"Accept this secret key too (sk_live_… or sk_test_…); repeatable."_s,
                                       u"KEY"_s);
    const QCommandLineOption seedOption(u"seed"_s, u"Seed for the generated data."_s, u"N"_s, u"20261126"_s);
    const QCommandLineOption largeOption(u"large-org-pending"_s,
                                         u"Pending invitations in the large organization (slug acme)."_s, u"N"_s,
                                         u"10000"_s);
    const QCommandLineOption fillerOption(u"organizations"_s, u"Further organizations beside the named ones."_s, u"N"_s,
                                          u"60"_s);
    const QCommandLineOption fillerPendingOption(
        u"organization-pending-max"_s, u"Each further organization holds 0 to N pending invitations (mean N/2)."_s,
        u"N"_s, u"24"_s);
    const QCommandLineOption latencyOption(u"latency-ms"_s, u"Added latency before every answer."_s, u"MS"_s, u"0"_s);
    const QCommandLineOption errorOption(u"error-rate"_s, u"Share of requests answered with 500/503."_s, u"0..1"_s,
                                         u"0"_s);
    const QCommandLineOption dropOption(u"drop-rate"_s, u"Share of requests whose connection is dropped."_s,
                                        u"0..1"_s, u"0"_s);
    const QCommandLineOption malformedOption(u"malformed-rate"_s, u"Share of answers with broken JSON."_s,
                                             u"0..1"_s, u"0"_s);
    const QCommandLineOption lostOption(u"lost-answer-rate"_s,
                                        u"Share of writes carried out whose answer is then lost."_s, u"0..1"_s, u"0"_s);
    const QCommandLineOption noLimitOption(u"no-rate-limit"_s, u"Turn Clerk's rate limits off."_s);
    const QCommandLineOption quietOption(u"quiet"_s, u"Do not print the connection details."_s);
    parser.addOptions({portOption, keyOption, seedOption, largeOption, fillerOption, fillerPendingOption, latencyOption, errorOption, dropOption,
                       malformedOption, lostOption, noLimitOption, quietOption});
    parser.process(app);

    QTextStream err(stderr);
    auto number = [&](const QCommandLineOption &option, double low, double high) {
        bool ok = false;
        const double value = parser.value(option).toDouble(&ok);
        if (!ok || value < low || value > high) {
            err << u"invitedesk-sandbox: --%1 must be a number from %2 to %3\n"_s.arg(option.names().first()).arg(low).arg(high);
            err.flush();
            std::exit(2);
        }
        return value;
    };

    SandboxOptions options;
    options.seed.seed = quint32(number(seedOption, 0, 4294967295.0));
    options.seed.largeOrgPending = int(number(largeOption, 0, 1'000'000));
    options.seed.fillerOrganizations = int(number(fillerOption, 0, 100'000));
    options.seed.fillerPendingMax = int(number(fillerPendingOption, 0, 10'000));
    options.rateLimits = !parser.isSet(noLimitOption);
    options.logRequests = false;
    for (const QString &key : parser.values(keyOption)) {
        if (key.startsWith("sk_live_"_L1))
            options.productionKeys << key;
        else if (key.startsWith("sk_test_"_L1))
            options.developmentKeys << key;
        else {
            err << "invitedesk-sandbox: a key must start with sk_live_ or sk_test_\n";
            return 2;
        }
    }

    ClerkSandbox sandbox(options);
    FaultSettings faults;
    faults.latencyMs = int(number(latencyOption, 0, 60'000));
    faults.serverErrorRate = number(errorOption, 0, 1);
    faults.dropRate = number(dropOption, 0, 1);
    faults.malformedRate = number(malformedOption, 0, 1);
    faults.lostAnswerRate = number(lostOption, 0, 1);
    sandbox.setFaults(faults);

    if (!sandbox.listen(quint16(number(portOption, 0, 65535)))) {
        err << u"invitedesk-sandbox: cannot listen: %1\n"_s.arg(sandbox.errorString());
        return 1;
    }
    if (!parser.isSet(quietOption)) {
        QTextStream out(stdout);
        out << u"Clerk sandbox listening on %1\n"_s.arg(sandbox.apiUrl().toString());
        out << u"  production key:  %1\n"_s.arg(options.productionKeys.first());
        out << u"  development key: %1\n"_s.arg(options.developmentKeys.first());
        out << u"Try: CLERK_SECRET_KEY=%1 invitedesk-cli --api-url %2 orgs\n"_s.arg(options.developmentKeys.first(),
                                                                                   sandbox.apiUrl().toString());
        out.flush();
    }
    return QCoreApplication::exec();
}
