#pragma once

// A disk that fills up at a chosen byte, for the tests of "a group of records that does not fit is refused
// whole": LostFolder.h takes the whole folder away, which fails a write before its first byte; this fails
// one in the middle, as a full disk does.

#include <QtCore/QtGlobal>

#ifdef Q_OS_UNIX
#  include <csignal>
#  include <sys/resource.h>
#endif

namespace InviteDesk::Testing {

/*!
 * While it lives, no file of this process grows past \a bytes: a write across that point writes what fits and
 * fails (EFBIG, where a full disk says ENOSPC). POSIX only (RLIMIT_FSIZE; SIGXFSZ, which would end the
 * process, is ignored meanwhile). Other files written meanwhile must stay under it too (lock and head files
 * are a few dozen bytes).
 */
class FullDiskAt
{
public:
    explicit FullDiskAt(qint64 bytes)
    {
#ifdef Q_OS_UNIX
        m_signal = std::signal(SIGXFSZ, SIG_IGN);
        m_ok = ::getrlimit(RLIMIT_FSIZE, &m_before) == 0;
        rlimit limit = m_before;
        limit.rlim_cur = rlim_t(bytes);
        m_ok = m_ok && ::setrlimit(RLIMIT_FSIZE, &limit) == 0;
#else
        Q_UNUSED(bytes);
#endif
    }
    ~FullDiskAt()
    {
#ifdef Q_OS_UNIX
        ::setrlimit(RLIMIT_FSIZE, &m_before);
        std::signal(SIGXFSZ, m_signal);
#endif
    }
    FullDiskAt(const FullDiskAt &) = delete;
    FullDiskAt &operator=(const FullDiskAt &) = delete;

    bool isSet() const { return m_ok; }

private:
    bool m_ok = false;
#ifdef Q_OS_UNIX
    rlimit m_before{};
    void (*m_signal)(int) = SIG_DFL;
#endif
};

} // namespace InviteDesk::Testing
