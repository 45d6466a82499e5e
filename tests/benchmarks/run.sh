#!/usr/bin/env bash
# One command for every benchmark: builds the release binaries, installs Clerk's SDK from npm,
# and runs tests/benchmarks/run.mjs. Quote its table with this command line.
set -euo pipefail
cd "$(dirname "$0")/../.."
.ci/install-deps
command -v node >/dev/null || .ci/install-deps --node
cmake --preset release >/dev/null
cmake --build --preset release --target invitedesk invitedesk-cli invitedesk-sandbox invitedesk-bench
(cd tests/benchmarks && npm install --no-audit --no-fund --silent)
node tests/benchmarks/run.mjs "$@"
