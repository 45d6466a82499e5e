#pragma once

// Shared by the integration tests: a small seeded sandbox and a client pointed at it.

#include "core/api/ClerkClient.h"
#include "sandbox/ClerkSandbox.h"

#include <QtTest/QTest>

#include <memory>

namespace InviteDesk::Testing {

/*! Small enough to seed in milliseconds, large enough for three pages in "acme". */
inline Sandbox::SandboxOptions smallSandboxOptions()
{
    Sandbox::SandboxOptions options;
    options.seed.largeOrgPending = 1'234;
    options.seed.largeOrgAccepted = 40;
    options.seed.largeOrgRevoked = 30;
    options.seed.largeOrgExpired = 20;
    options.seed.fillerOrganizations = 6;
    return options;
}

inline std::unique_ptr<Sandbox::ClerkSandbox> startSandbox(const Sandbox::SandboxOptions &options = smallSandboxOptions())
{
    auto sandbox = std::make_unique<Sandbox::ClerkSandbox>(options);
    if (!sandbox->listen())
        qFatal("cannot start the sandbox: %s", qPrintable(sandbox->errorString()));
    return sandbox;
}

inline ClientConfig configFor(const Sandbox::ClerkSandbox &sandbox, const QString &key = Sandbox::SandboxOptions::defaultProductionKey())
{
    ClientConfig config;
    config.apiUrl = sandbox.apiUrl();
    config.secretKey = key;
    config.backoffInitial = std::chrono::milliseconds(20);
    config.backoffMax = std::chrono::milliseconds(200);
    config.transferTimeout = std::chrono::milliseconds(5'000);
    return config;
}

/*! The IDs of up to \a count pending invitations of the organization \a slug, after skipping \a skip. */
inline QStringList pendingIds(Sandbox::ClerkSandbox &sandbox, const QString &slug, int count, int skip = 0)
{
    QStringList ids;
    for (const Sandbox::SandboxInvitation &inv : sandbox.store().organization(slug)->invitations) {
        if (Sandbox::SandboxStore::effectiveStatus(inv, sandbox.now()) != QLatin1StringView("pending") || skip-- > 0)
            continue;
        ids << inv.id;
        if (ids.size() == count)
            break;
    }
    return ids;
}

/*! How many requests with \a method (and \a pathPart in their path, if given) the sandbox saw. */
inline int requestCount(const Sandbox::ClerkSandbox &sandbox, const QByteArray &method, const QString &pathPart = {})
{
    int n = 0;
    for (const Sandbox::LoggedRequest &r : sandbox.requests())
        n += (r.method == method && (pathPart.isEmpty() || r.rawPath.contains(pathPart.toLatin1()))) ? 1 : 0;
    return n;
}

/*! Waits for a callback-style call; fails the test if it never comes. */
template <typename T>
struct Waiter
{
    std::optional<Result<T>> result;
    int calls = 0;
    ClerkClient::Callback<T> callback()
    {
        return [this](Result<T> r) {
            ++calls;
            result.emplace(std::move(r));
        };
    }
    bool wait(int timeoutMs = 15'000)
    {
        return QTest::qWaitFor([this] { return result.has_value(); }, timeoutMs);
    }
};

} // namespace InviteDesk::Testing
