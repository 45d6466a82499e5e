# Sourced by the window tests that run under X.

# start_xvfb WIDTHxHEIGHT WORKDIR starts an Xvfb on a display the
# server picks itself and reports once it listens (xvfb-run -a guesses a number, and two started at once can
# pick the same), adds its process to the caller's pids array and exports DISPLAY.
start_xvfb() {
    Xvfb -displayfd 3 -screen 0 "$1x24" -nolisten tcp 3>"$2/display" 2>"$2/xvfb.log" & pids+=($!)
    for _ in $(seq 600); do # a generous minute: a busy machine is slow to start a server
        [ -s "$2/display" ] && break
        sleep 0.1
    done
    [ -s "$2/display" ] || { echo "FAIL: Xvfb did not start"; cat "$2/xvfb.log"; exit 1; }
    export DISPLAY=":$(tr -d '[:space:]' < "$2/display")"
}

# start_openbox WORKDIR starts the openbox window manager on $DISPLAY, adds it to the pids array, and returns
# once it owns the screen: a window mapped before that is neither placed nor focused as on a desktop, and keys
# sent to it go nowhere. On a busy machine the server may name its display before it takes clients, and an
# openbox started then exits ("Failed to open the display"): it is started again once the display answers.
# What openbox said is kept in WORKDIR/openbox.log, and shown if it never took the screen.
start_openbox() {
    local pid="" deadline=$((SECONDS + 60)) # a generous minute
    while [ "$SECONDS" -lt "$deadline" ]; do
        if { [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null; } && xprop -root >/dev/null 2>&1; then
            openbox >>"$1/openbox.log" 2>&1 & pids+=($!)
            pid=$!
        fi
        xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q 'window id' && return 0
        sleep 0.1
    done
    # Without the manager these tests would try nothing they exist for.
    echo "FAIL: openbox did not take the screen within a minute; openbox said:"
    cat "$1/openbox.log"
    echo "Xvfb said:"
    cat "$1/xvfb.log"
    exit 1
}
