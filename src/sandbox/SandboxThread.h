#pragma once

#include "sandbox/ClerkSandbox.h"

#include <QtCore/QThread>
#include <QtCore/QUrl>

namespace InviteDesk::Sandbox {

/*!
 * Runs a ClerkSandbox in its own thread, so that seeding and serving never
 * take time from the GUI thread (`invitedesk --demo`). ready() arrives once
 * it listens; the sandbox stops with this object.
 */
class SandboxThread : public QObject
{
    Q_OBJECT

public:
    explicit SandboxThread(SandboxOptions options = {}, QObject *parent = nullptr);
    ~SandboxThread() override;

    void start();
    QUrl apiUrl() const { return m_url; }
    const SandboxOptions &options() const { return m_options; }

Q_SIGNALS:
    void ready(const QUrl &apiUrl);
    void failed(const QString &error);

private:
    SandboxOptions m_options;
    QThread m_thread;
    ClerkSandbox *m_sandbox = nullptr; // lives in m_thread
    QUrl m_url;
};

} // namespace InviteDesk::Sandbox
