#include "core/util/ProcessStats.h"

#include <cstdio>
#include <cstdlib>

#if defined(Q_OS_WIN)
#  include <windows.h>
#  include <psapi.h>
#else
#  include <sys/resource.h>
#endif

namespace InviteDesk::ProcessStats {

qint64 peakRssKb()
{
#if defined(Q_OS_WIN)
    PROCESS_MEMORY_COUNTERS counters{};
    if (GetProcessMemoryInfo(GetCurrentProcess(), &counters, sizeof counters))
        return qint64(counters.PeakWorkingSetSize / 1024);
    return 0;
#else
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) != 0)
        return 0;
#  if defined(Q_OS_MACOS)
    return qint64(usage.ru_maxrss / 1024); // bytes on macOS
#  else
    return qint64(usage.ru_maxrss); // KiB on Linux
#  endif
#endif
}

namespace {
void report()
{
    std::fprintf(stderr, "peak-rss-kb %lld\n", static_cast<long long>(peakRssKb()));
}
} // namespace

void reportPeakRssAtExitIfAsked()
{
    if (qEnvironmentVariableIsSet("INVITEDESK_REPORT_RSS"))
        std::atexit(report);
}

} // namespace InviteDesk::ProcessStats
