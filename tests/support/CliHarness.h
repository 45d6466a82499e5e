#pragma once

// Runs invitedesk-cli as a user would, against an in-process sandbox, with its own HOME.

#include "sandbox/ClerkSandbox.h"

#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

#include <functional>
#include <memory>

namespace InviteDesk::Testing {

class CliHarness
{
public:
    struct Run
    {
        int exitCode = -1; //!< -2 when the process crashed
        QByteArray out;
        QByteArray err;
    };

    explicit CliHarness(const Sandbox::ClerkSandbox *sandbox) : m_sandbox(sandbox) {}

    QString home() const { return m_home.path(); }
    /*! The CLI's data folder (XDG_DATA_HOME; on Windows only the audit log is sent there). */
    QString dataFolder() const { return m_home.filePath(QStringLiteral("data")); }
    QString auditLogPath() const { return dataFolder() + QStringLiteral("/InviteDesk/audit/audit.jsonl"); }
    /*! Where the CLI remembers its sends of the last rate window (PacingMemory::defaultFolder() under this home). */
    QString pacingFolder() const { return dataFolder() + QStringLiteral("/InviteDesk/pacing"); }

    /*!
     * Starts the CLI and returns at once; \a prepare may adjust the process (limits, user, or another copy
     * of the CLI as its program) before it starts.
     */
    std::unique_ptr<QProcess> start(QStringList arguments,
                                    const QString &key = Sandbox::SandboxOptions::defaultProductionKey(),
                                    bool withUrl = true, const std::function<void(QProcess &)> &prepare = {}) const
    {
        auto process = std::make_unique<QProcess>();
        process->setProcessEnvironment(environment(key));
        if (withUrl)
            arguments = QStringList{QStringLiteral("--api-url"), m_sandbox->apiUrl().toString()} + arguments;
        if (prepare)
            prepare(*process);
        process->start(process->program().isEmpty() ? QStringLiteral(INVITEDESK_CLI_PATH) : process->program(), arguments);
        if (!process->waitForStarted())
            qFatal("cannot start the CLI");
        return process;
    }

    /*!
     * As run(), with the CLI on a pseudo-terminal (util-linux `script`), as an agent at a terminal meets it:
     * \a typed is what the agent types. Its output comes on standard output, the terminal's echo included.
     */
    Run runOnTerminal(const QStringList &arguments, const QByteArray &typed,
                      const QString &key = Sandbox::SandboxOptions::defaultProductionKey()) const
    {
        QStringList command{QStringLiteral(INVITEDESK_CLI_PATH), QStringLiteral("--api-url"), m_sandbox->apiUrl().toString()};
        command += arguments;
        for (QString &word : command)
            word = QLatin1Char('\'') + word.replace(QLatin1Char('\''), QLatin1String("'\\''")) + QLatin1Char('\'');
        QProcess process;
        process.setProcessEnvironment(environment(key));
        process.start(QStringLiteral("script"), {QStringLiteral("-q"), QStringLiteral("-e"), QStringLiteral("-c"),
                                                 command.join(QLatin1Char(' ')), QStringLiteral("/dev/null")});
        if (!process.waitForStarted())
            qFatal("cannot start script(1) for a pseudo-terminal");
        return finish(process, typed);
    }

    QProcessEnvironment environment(const QString &key) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("CLERK_SECRET_KEY"));
        env.remove(QStringLiteral("CLERK_API_URL"));
        if (!key.isNull())
            env.insert(QStringLiteral("CLERK_SECRET_KEY"), key);
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.insert(QStringLiteral("XDG_DATA_HOME"), dataFolder());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
#ifdef Q_OS_WIN
        // Windows keeps app data where the profile says, whatever XDG_DATA_HOME says: the same folder, named.
        env.insert(QStringLiteral("INVITEDESK_AUDIT_DIR"), QFileInfo(auditLogPath()).absolutePath());
#endif
        return env;
    }

    /*! Waits for a started CLI, keeping this thread's event loop (and so the sandbox) running. */
    static Run finish(QProcess &process, const QByteArray &stdinData = {})
    {
        if (!stdinData.isNull())
            process.write(stdinData);
        process.closeWriteChannel();
        if (!QTest::qWaitFor([&process] { return process.state() == QProcess::NotRunning; }, 90'000))
            qFatal("the CLI did not finish");
        return Run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2,
                   process.readAllStandardOutput(), process.readAllStandardError()};
    }

    Run run(const QStringList &arguments, const QString &key = Sandbox::SandboxOptions::defaultProductionKey(),
            const QByteArray &stdinData = {}, bool withUrl = true) const
    {
        const std::unique_ptr<QProcess> process = start(arguments, key, withUrl);
        return finish(*process, stdinData);
    }

private:
    const Sandbox::ClerkSandbox *m_sandbox;
    QTemporaryDir m_home;
};

} // namespace InviteDesk::Testing
