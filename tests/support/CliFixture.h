#pragma once

// What every test of the CLI as a process starts from: a fresh sandbox for each test and a harness that
// runs the CLI against it (its own HOME, audit log and settings). A CLI test class derives from CliFixture
// and calls startClean() and finish() from its own init() and cleanup() (Qt Test runs only the slots a
// test class declares).

#include "support/CliHarness.h"
#include "support/TestSandbox.h"

#include <memory>

namespace InviteDesk::Testing {

class CliFixture : public QObject
{
protected:
    std::unique_ptr<Sandbox::ClerkSandbox> m_sandbox;
    std::unique_ptr<CliHarness> m_cli;

    void startClean()
    {
        m_sandbox = startSandbox();
        m_cli = std::make_unique<CliHarness>(m_sandbox.get());
    }

    /*! The harness first: it may still hold a process that talks to the sandbox. */
    void finish()
    {
        m_cli.reset();
        m_sandbox.reset();
    }

    int posts() const { return requestCount(*m_sandbox, "POST"); }
};

} // namespace InviteDesk::Testing
