#!/usr/bin/env bash
# CTest's emulator for the Windows build (the `mingw` preset): runs one Qt Test program under Wine.
# - Its report goes through a file and is printed here: a Windows program's stdout does not reach a pipe
#   from Wine. Its other output goes through a file too: a process it leaves behind (Wine's own services,
#   a CLI it started) would otherwise hold CTest's pipe open, and CTest waits for the pipe, not the test.
# - Wine does not pass QT_* variables on to Windows programs: .ci/windows sets QT_QPA_PLATFORM=offscreen
#   in the test prefix's registry (HKCU\Environment), as CTest sets it for the Linux tests.
set -uo pipefail
program=$1
shift
report=$(mktemp --suffix=.txt)
console=$(mktemp)
trap 'rm -f "$report" "$console"' EXIT
wine "$program" "$@" -o "$(winepath -w "$report")",txt >"$console" 2>&1 </dev/null
code=$?
cat "$report" "$console"
exit $code
