#include "sandbox/SandboxThread.h"

namespace InviteDesk::Sandbox {

SandboxThread::SandboxThread(SandboxOptions options, QObject *parent) : QObject(parent), m_options(std::move(options))
{
    m_thread.setObjectName(QStringLiteral("ClerkSandbox"));
}

SandboxThread::~SandboxThread()
{
    if (m_sandbox) {
        ClerkSandbox *sandbox = m_sandbox;
        QMetaObject::invokeMethod(sandbox, [sandbox] { delete sandbox; }, Qt::BlockingQueuedConnection);
    }
    m_thread.quit();
    m_thread.wait();
}

void SandboxThread::start()
{
    auto *starter = new QObject;
    starter->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, starter, &QObject::deleteLater);
    m_thread.start();
    QMetaObject::invokeMethod(starter, [this, starter] {
        // Runs in the sandbox thread: seeding happens here, not on the GUI thread.
        auto *sandbox = new ClerkSandbox(m_options);
        if (!sandbox->listen()) {
            const QString error = sandbox->errorString();
            delete sandbox;
            QMetaObject::invokeMethod(this, [this, error] { Q_EMIT failed(error); });
            return;
        }
        const QUrl url = sandbox->apiUrl();
        QMetaObject::invokeMethod(this, [this, sandbox, url] {
            m_sandbox = sandbox;
            m_url = url;
            Q_EMIT ready(url);
        });
        Q_UNUSED(starter);
    });
}

} // namespace InviteDesk::Sandbox
