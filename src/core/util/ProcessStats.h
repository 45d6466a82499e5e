#pragma once

#include <QtCore/QtGlobal>

namespace InviteDesk::ProcessStats {

/*! The process's peak resident set size in KiB (getrusage / GetProcessMemoryInfo); 0 if unknown. */
qint64 peakRssKb();

/*!
 * When INVITEDESK_REPORT_RSS is set, prints "peak-rss-kb N" to stderr at exit.
 * The benchmarks read it; it costs nothing otherwise.
 */
void reportPeakRssAtExitIfAsked();

} // namespace InviteDesk::ProcessStats
