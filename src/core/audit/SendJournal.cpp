#include "core/audit/SendJournal.h"

#include "core/audit/AuditFiles.h"

#include <QtCore/QDir>
#include <QtCore/QFileInfo>

#ifdef Q_OS_WIN
#  include <io.h>
#else
#  include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace InviteDesk {

namespace {
/*! The first line's start; the line ends with this boot's ID (or "-") and a newline. */
constexpr char magic[] = "invitedesk-sent 1 ";

/*!
 * Which boot of the system this is (Linux), or empty. The journal's lines are not synced: they survive a
 * killed process but may not survive a crash of the whole system, so a journal of another boot proves
 * nothing. Where there is no boot ID, each line is synced instead.
 */
QByteArray bootId()
{
#ifdef Q_OS_LINUX
    QFile file(u"/proc/sys/kernel/random/boot_id"_s);
    if (file.open(QIODevice::ReadOnly))
        return file.readAll().trimmed();
#endif
    return {};
}

bool syncToDisk(QFile &file)
{
#ifdef Q_OS_WIN
    return _commit(file.handle()) == 0;
#else
    return ::fsync(file.handle()) == 0;
#endif
}
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
    m_boot = bootId();
    const QByteArray header = magic + (m_boot.isEmpty() ? QByteArray("-") : m_boot) + '\n';
    if (!QDir().mkpath(QFileInfo(m_file.fileName()).absolutePath())
        || !m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered)
        || m_file.write(header) != header.size() || (m_boot.isEmpty() && !syncToDisk(m_file)))
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
    if (m_file.write(line) != line.size() || (m_boot.isEmpty() && !syncToDisk(m_file)))
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
    const qsizetype headerEnd = all.indexOf('\n');
    if (!all.startsWith(magic) || headerEnd < 0)
        return std::nullopt;
    const QByteArray boot = all.mid(sizeof magic - 1, headerEnd - qsizetype(sizeof magic - 1));
    if (boot != "-" && boot != bootId())
        return std::nullopt; // written before the system last started: unsynced lines may be gone
    QSet<QString> sent;
    for (const QByteArray &line : all.mid(headerEnd + 1).split('\n')) {
        if (!line.isEmpty())
            sent.insert(QString::fromUtf8(line)); // a line cut by the kill is a prefix of no ID: harmless
    }
    return sent;
}

} // namespace InviteDesk
