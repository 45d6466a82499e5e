#!/usr/bin/env bash
# What a screen reader hears from the window, through the real accessibility bus: the app runs under Xvfb
# with a window manager and Qt's AT-SPI bridge, listen.py records the events, xdotool drives the window by
# keyboard. Usage: run.sh PATH/TO/invitedesk. Started by CTest (tst_screenreader).
set -euo pipefail
app="$(realpath "$1")"
here="$(cd "$(dirname "$0")" && pwd)"
# Without the real parts the test is skipped (CTest's SKIP_RETURN_CODE); .ci/install-deps installs them.
for tool in dbus-run-session Xvfb openbox xprop xdotool /usr/libexec/at-spi-bus-launcher; do
    command -v "$tool" >/dev/null || { echo "SKIP: missing $tool (run .ci/install-deps)"; exit 77; }
done
/usr/bin/python3 -c "import pyatspi" 2>/dev/null || { echo "SKIP: missing python3-pyatspi (run .ci/install-deps)"; exit 77; }

if [ "${INVITEDESK_SCREENREADER_INNER:-}" != 1 ]; then
    export INVITEDESK_SCREENREADER_INNER=1
    exec dbus-run-session -- "$0" "$@"
fi

work="$(mktemp -d)"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work" 2>/dev/null || true
}
trap cleanup EXIT
events="$work/events"

# shellcheck source=../xvfb.sh
source "$here/../xvfb.sh"
start_xvfb 1366x768 "$work"

# Waits (up to 60 s) for a line of the events matching the extended regular expression $1.
wait_for() {
    local deadline=$(( $(date +%s) + 60 ))
    until grep -Eq -- "$1" "$events" 2>/dev/null; do
        if [ "$(date +%s)" -ge "$deadline" ]; then
            echo "FAIL: never heard: $1 — $2"
            echo "--- what the screen reader was told (last 60 events):"
            tail -n 60 "$events"
            exit 1
        fi
        sleep 0.2
    done
    echo "PASS: heard $2"
}

# Waits (up to 30 s) for a line matching $2 among the events after line $1 (the count before the keys).
heard_since() {
    local deadline=$(( $(date +%s) + 30 ))
    until tail -n +$(( $1 + 1 )) "$events" | grep -Eq -- "$2"; do
        if [ "$(date +%s)" -ge "$deadline" ]; then
            echo "FAIL: never heard: $2 — $3"
            tail -n +$(( $1 + 1 )) "$events" | tail -n 30
            exit 1
        fi
        sleep 0.2
    done
    echo "PASS: heard $3"
}

/usr/libexec/at-spi-bus-launcher --launch-immediately & pids+=($!)
/usr/bin/python3 "$here/listen.py" "$events" & pids+=($!)
wait_for '^listening$' "the listener registered"
start_openbox "$work"

export QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 QT_QPA_PLATFORM=xcb LANGUAGE=en LC_ALL=C.UTF-8 LANG=C.UTF-8
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_CACHE_HOME="$work/cache"
"$app" --demo & pids+=($!)
window=$(xdotool search --sync --name 'InviteDesk' | head -n 1)
xdotool windowactivate --sync "$window"

# Spoken: a notification object showing (Qt before 6.8), or an announcement (Qt 6.8 and later).
said() { printf '(showing\t1\tNOTIFICATION|ANNOUNCED)\t%s' "$1"; }
# The demo opens its organization as the window opens. Until that load has ended, the keys below could meet
# it (a second load of the same organization then replaces the rows that Space selected): each step waits
# for what it caused, heard after its keys, never for a line an earlier step left in the events.
wait_for "$(said '10,000 invitations loaded')" "the demo's organization opened with the window"

# Open an organization by keyboard; the end of the load is said.
mark=$(wc -l < "$events")
xdotool key ctrl+l
xdotool type --delay 40 acme
heard_since "$mark" $'\t1\tLIST_ITEM\tAcme Corporation' "the suggestion"
mark=$(wc -l < "$events")
xdotool key Return
heard_since "$mark" "$(said '10,000 invitations loaded')" "the load's end"

# Revoke the first row: Ctrl+F, Tab to the table, Space selects, Delete asks.
mark=$(wc -l < "$events")
xdotool key ctrl+f Tab
heard_since "$mark" $'focused\t1\tTABLE' "the table focused"
xdotool key space Delete
wait_for $'window:activate\t0\tDIALOG\tRevoke 1 invitation' "the confirmation"
xdotool key alt+r

# The end of the run is said although the focus is in the table, and said once.
wait_for "$(said '1 revoked')" "the end of the run"
mark=$(wc -l < "$events")
xdotool key ctrl+l
heard_since "$mark" $'focused\t1\tTEXT\tFind organization' "the search field focused, after the run's end"
times=$(grep -Ec -- "$(said '1 revoked')\$" "$events" || true)
if [ "$times" != 1 ]; then
    echo "FAIL: the end of the run was said $times times"
    grep -E -- "$(said '1 revoked')" "$events"
    exit 1
fi
echo "PASS: said once"

# The menu bar gives the focus back (issue 26.12): Alt, then Alt again; a menu by its letter, then Escape twice.
# Each time the table, where the agent was, is focused again.
mark=$(wc -l < "$events")
xdotool key Escape ctrl+f Tab
heard_since "$mark" $'focused\t1\tTABLE' "the table focused again"
mark=$(wc -l < "$events")
xdotool key alt
heard_since "$mark" $'focused\t1\tMENU_ITEM' "Alt: the menu bar"
mark=$(wc -l < "$events")
xdotool key alt
heard_since "$mark" $'focused\t1\tTABLE' "Alt again: back in the table"
mark=$(wc -l < "$events")
xdotool key alt+v
heard_since "$mark" $'showing\t1\tPOPUP_MENU' "Alt+V: the View menu"
mark=$(wc -l < "$events")
xdotool key Escape
# The second Escape only once the first has closed the menu: sent while the menu still held the keyboard,
# it went with it (a fixed 0.3 s between the two was too short on a busy machine).
heard_since "$mark" $'showing\t0\tPOPUP_MENU' "Escape: the menu closed"
mark=$(wc -l < "$events")
xdotool key Escape
heard_since "$mark" $'focused\t1\tTABLE' "Escape again: back in the table"
