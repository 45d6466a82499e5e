#!/usr/bin/env bash
# Build times as a newcomer meets them (docs/BENCHMARKS.md, "Build"): for each run, a fresh clone of
# COMMIT, then
#   demo         .ci/demo until the window has painted (INVITEDESK_REPORT_STARTUP prints "first-paint")
#   test         .ci/test to its summary
#   core-change  one line added to a file in src/core, then the test build again
# ccache is off, so every run compiles from nothing. Packages must be installed already.
# Usage: tests/benchmarks/build-times.sh [COMMIT] [RUNS]     (defaults: HEAD, 3)
set -uo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
commit=$(git -C "$repo" rev-parse "${1:-HEAD}")
runs=${2:-3}
export CCACHE_DISABLE=1
now() { date +%s.%N; }
for i in $(seq 1 "$runs"); do
  d=$(mktemp -d)
  git clone -q "$repo" "$d" && git -C "$d" checkout -q "$commit"
  t0=$(now)
  (cd "$d" && QT_QPA_PLATFORM=offscreen INVITEDESK_REPORT_STARTUP=1 XDG_CONFIG_HOME="$d/.cfg" XDG_DATA_HOME="$d/.data" \
     exec timeout 1800 .ci/demo >"$d/demo.out" 2>&1) &
  pid=$!
  until grep -q first-paint "$d/demo.out" 2>/dev/null; do
    sleep 0.2
    kill -0 $pid 2>/dev/null || { echo "run $i: the demo ended before painting"; break; }
  done
  t1=$(now)
  kill $pid 2>/dev/null; pkill -f "$d/build/default/src/app/invitedesk"; wait $pid 2>/dev/null
  echo "run $i demo $(echo "$t1 - $t0" | bc) s"
  t0=$(now)
  (cd "$d" && .ci/test >"$d/test.out" 2>&1); rc=$?
  t1=$(now)
  echo "run $i test $(echo "$t1 - $t0" | bc) s (exit $rc: $(grep 'tests passed' "$d/test.out"))"
  sed -i 's|^bool ClerkError::isTransient() const|// one line\nbool ClerkError::isTransient() const|' "$d/src/core/api/ClerkError.cpp"
  t0=$(now)
  (cd "$d" && cmake --build --preset ci >"$d/rebuild.out" 2>&1)
  t1=$(now)
  echo "run $i core-change $(echo "$t1 - $t0" | bc) s"
  rm -rf "$d"
done
