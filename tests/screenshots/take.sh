#!/usr/bin/env bash
# Renders docs/screenshots/*.png from the demo data under Xvfb (real fonts, real xcb platform).
set -euo pipefail
cd "$(dirname "$0")/../.."
build="${1:-build/default}"
cmake --build "$build" --target invitedesk-screenshots >/dev/null
xvfb-run -a -s "-screen 0 1400x900x24" "$build/tests/invitedesk-screenshots" docs/screenshots
# The same at 2× scale, as on a high-density screen.
mkdir -p docs/screenshots/2x
QT_SCALE_FACTOR=2 xvfb-run -a -s "-screen 0 2800x1800x24" "$build/tests/invitedesk-screenshots" docs/screenshots/2x
# And in German, at 1× and 2× (German texts run longest).
mkdir -p docs/screenshots/de/2x
LANGUAGE=de LC_ALL=de_DE.UTF-8 LANG=de_DE.UTF-8 xvfb-run -a -s "-screen 0 1400x900x24" "$build/tests/invitedesk-screenshots" docs/screenshots/de
LANGUAGE=de LC_ALL=de_DE.UTF-8 LANG=de_DE.UTF-8 QT_SCALE_FACTOR=2 xvfb-run -a -s "-screen 0 2800x1800x24" \
    "$build/tests/invitedesk-screenshots" docs/screenshots/de/2x
