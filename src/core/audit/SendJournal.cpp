#include "core/audit/SendJournal.h"

#include "core/audit/AuditFiles.h"

#include <QtCore/QDir>
#include <QtCore/QFileInfo>

using namespace Qt::StringLiterals;

namespace InviteDesk {

namespace {
/*! The first line: an empty file is a run's that sent nothing, and a file cut at this line is one still being made. */
constexpr char header[] = "invitedesk-sent 1\n";
} // namespace

SendJournal::SendJournal(const QString &logPath, const QString &runId) : m_file(path(logPath, runId)) {}

SendJournal::~SendJournal() = default;

QString SendJournal::path(const QString &logPath, const QString &runId)
{
    return AuditFiles::runFolder(logPath) + u'/' + runId + u".sent"_s;
}

void SendJournal::open()
{
    if (m_file.isOpen() || m_failed)
        return;
    if (!QDir().mkpath(QFileInfo(m_file.fileName()).absolutePath())
        || !m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered)
        || m_file.write(header) != qint64(sizeof header - 1))
        fail();
    else
        m_file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

void SendJournal::add(const QString &invitationId)
{
    if (!m_file.isOpen())
        return; // never opened, or failed: the reader cannot tell, and says so
    const QByteArray line = invitationId.toUtf8() + '\n';
    // One write() of a few bytes to an O_APPEND file: in the kernel at once, so a kill right after keeps it.
    if (m_file.write(line) != line.size())
        fail();
}

void SendJournal::fail()
{
    // A journal that misses a sent request would make the reader wrongly sure it was never sent;
    // no journal at all makes it say "cannot tell", which is true.
    m_failed = true;
    m_file.close();
    m_file.remove();
}

void SendJournal::remove()
{
    m_file.close();
    m_file.remove();
}

void SendJournal::remove(const QString &logPath, const QString &runId)
{
    QFile::remove(path(logPath, runId));
}

std::optional<QSet<QString>> SendJournal::read(const QString &logPath, const QString &runId)
{
    if (runId.isEmpty())
        return std::nullopt;
    QFile file(path(logPath, runId));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray all = file.readAll();
    if (!all.startsWith(header))
        return std::nullopt;
    QSet<QString> sent;
    for (const QByteArray &line : all.mid(sizeof header - 1).split('\n')) {
        if (!line.isEmpty())
            sent.insert(QString::fromUtf8(line)); // a line cut by the kill is a prefix of no ID: harmless
    }
    return sent;
}

} // namespace InviteDesk
