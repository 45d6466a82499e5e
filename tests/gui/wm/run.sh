#!/usr/bin/env bash
# Runs a test binary as an agent meets the window: Xvfb, the openbox window manager, Qt's xcb platform
# (the offscreen platform focuses every popup it shows, which no real desktop does).
# Usage: run.sh WIDTHxHEIGHT COMMAND [ARGS...]. Started by CTest (tst_usability_wm, tst_usability_wm_laptop2x).
set -euo pipefail
for tool in Xvfb openbox xprop; do
    command -v "$tool" >/dev/null || { echo "SKIP: missing $tool (run .ci/install-deps)"; exit 77; }
done
screen="$1"
shift
work="$(mktemp -d)"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
# shellcheck source=../xvfb.sh
source "$(dirname "$0")/../xvfb.sh"
start_xvfb "$screen" "$work"
start_openbox "$work"
export QT_QPA_PLATFORM=xcb
"$@"
