#pragma once

// Whether a Windows test runs under Wine (the CI's MinGW stage), for the few checks where Wine's own
// implementation differs from Windows: such a check names the difference with QEXPECT_FAIL.

#ifdef Q_OS_WIN
#  include <windows.h>
#endif

namespace InviteDesk::Testing {

inline bool runningUnderWine()
{
#ifdef Q_OS_WIN
    const HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
    return ntdll && GetProcAddress(ntdll, "wine_get_version");
#else
    return false;
#endif
}

} // namespace InviteDesk::Testing
