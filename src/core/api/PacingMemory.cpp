#include "core/api/PacingMemory.h"

#include "core/api/RatePacer.h"
#include "core/util/PrivateProcess.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QDateTime>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QSaveFile>
#include <QtCore/QStandardPaths>

#include <algorithm>
#include <iterator>

using namespace Qt::StringLiterals;

namespace InviteDesk {

namespace {
constexpr qint64 nsPerMs = 1'000'000;
} // namespace

PacingMemory::PacingMemory(const QString &folder, const ClientConfig &config, RatePacer *pacer, WallClock wall)
    : m_pacer(pacer), m_wall(wall ? std::move(wall) : WallClock([] { return QDateTime::currentMSecsSinceEpoch(); }))
{
    if (!folder.isEmpty()) {
        // A hash of the URL and the key: the file names neither, and each instance has its own.
        const QByteArray instance = QByteArray(config.apiUrl.toString().toUtf8() + '\n' + config.secretKey.toUtf8());
        const QByteArray id = QCryptographicHash::hash(instance, QCryptographicHash::Sha256).toHex().left(24);
        m_path = QDir(folder).filePath(QString::fromLatin1(id));
    }
    if (m_pacer)
        m_offsetNs = m_wall() * nsPerMs - m_pacer->clock()->nsecsElapsed();
}

QString PacingMemory::defaultFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/InviteDesk/pacing"_s;
}

qint64 PacingMemory::windowMs() const
{
    return m_pacer->budget().window.count() + RatePacer::safetyMargin.count();
}

QList<qint64> PacingMemory::read(qint64 sinceMs) const
{
    QList<qint64> sends;
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return sends;
    const qint64 nowMs = m_wall();
    while (!file.atEnd()) {
        bool ok = false;
        const qint64 at = file.readLine(64).trimmed().toLongLong(&ok);
        if (ok && at > sinceMs)
            sends << std::min(at, nowMs); // from a clock set back since: counted as now, not for longer
    }
    return sends;
}

void PacingMemory::recall()
{
    if (m_path.isEmpty() || !m_pacer || m_pacer->budget().perWindow <= 0)
        return;
    std::vector<qint64> ended;
    for (qint64 at : read(m_wall() - windowMs()))
        ended.push_back(at * nsPerMs - m_offsetNs);
    m_pacer->countEnded(ended);
}

void PacingMemory::forgetOthersPast() const
{
    // Another instance's file written more than a window ago holds only sends that have left it (a file is
    // written after its last send; its time is the system's, whatever clock this object was given): it goes,
    // so that instances used once (a sandbox on a port of its own, a key since rotated) leave nothing behind.
    const QDateTime past = QDateTime::currentDateTimeUtc().addMSecs(-windowMs());
    const QString ours = QFileInfo(m_path).absoluteFilePath();
    for (const QFileInfo &file : QFileInfo(m_path).dir().entryInfoList(QDir::Files)) {
        if (file.absoluteFilePath() != ours && file.lastModified() < past)
            QFile::remove(file.absoluteFilePath());
    }
}

bool PacingMemory::remember()
{
    if (m_path.isEmpty() || !m_pacer || m_pacer->budget().perWindow <= 0)
        return true;
    const qint64 sinceMs = m_wall() - windowMs();
    QList<qint64> ours;
    for (qint64 ns : m_pacer->countedSends()) {
        const qint64 ms = (ns + m_offsetNs + nsPerMs - 1) / nsPerMs; // rounded up: counted a little longer
        if (ms > sinceMs)
            ours << ms;
    }
    // What recall() read comes back as the same milliseconds, so a time the pacer holds n times and the
    // file m times stands max(n, m) times: each send once, ours and theirs (several may share a millisecond).
    forgetOthersPast();
    QList<qint64> theirs = read(sinceMs);
    std::sort(theirs.begin(), theirs.end());
    QList<qint64> sends;
    std::set_union(ours.cbegin(), ours.cend(), theirs.cbegin(), theirs.cend(), std::back_inserter(sends));
    if (sends.isEmpty()) {
        QFile::remove(m_path);
        return true;
    }
    QDir().mkpath(QFileInfo(m_path).path());
    QByteArray text;
    for (qint64 at : std::as_const(sends))
        text += QByteArray::number(at) + '\n';
    QSaveFile file(m_path);
    if (!(file.open(QIODevice::WriteOnly) && file.write(text) == text.size() && file.commit()))
        return false;
    // When the agent worked is nobody else's business: like the audit log, for the owner alone.
    PrivateProcess::makePrivate(QFileInfo(m_path).path());
    PrivateProcess::makePrivate(m_path);
    return true;
}

} // namespace InviteDesk
