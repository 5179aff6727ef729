#!/usr/bin/env bash
# The whole test suite on a fresh machine or in CI: gets uv, starts a private PostgreSQL, installs the npm
# dependencies and runs `npm test` (lint, unit tests, golden snapshots, and the execution matrix that
# generates every example and verifies it on SQLite and PostgreSQL). Idempotent: safe to run again.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export UV_PYTHON_DOWNLOADS=never
export UV_NO_PROGRESS=1

phase() { printf '\n== %s (%ss)\n' "$*" "$SECONDS"; }

phase "tools"
echo "commit:  $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo "os:      $(sed -n 's/^PRETTY_NAME="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' /etc/os-release 2>/dev/null || true) ($(uname -sr))"
echo "node:    $(node --version)"
echo "npm:     $(npm --version)"
echo "python3: $(python3 --version 2>&1) at $(command -v python3)"

phase "uv"
uv_bin="$(bash scripts/ensure-uv.sh)"
uv_dir="$(dirname "$uv_bin")"
export PATH="$uv_dir:$PATH"
echo "uv:      $(uv --version) at $uv_bin"

phase "postgresql"
if [ -n "${PS_TEST_POSTGRES_URL:-}" ]; then
  echo "using PS_TEST_POSTGRES_URL from the environment"
else
  bash scripts/services/postgres.sh start
  PS_TEST_POSTGRES_URL="$(bash scripts/services/postgres.sh url)"
  export PS_TEST_POSTGRES_URL
  bash scripts/services/postgres.sh status
fi
psql --version 2>/dev/null || echo "psql: not found"

phase "wrk"
# The load generator of the benchmark's smoke test (test/bench/smoke.test.ts), from Debian's packages.
echo "wrk:     $(bash scripts/services/wrk.sh)"

phase "valgrind"
# Counts instructions in the benchmark's instruction smoke test (test/bench/smoke.test.ts).
echo "valgrind: $(bash scripts/services/valgrind.sh)"

phase "npm ci"
npm ci --no-audit --no-fund

phase "npm test"
# `npm test` = lint + vitest; the extra arguments reach `vitest run`: a JSON report for the closing line.
report=".tmp/ci-vitest.json"
mkdir -p .tmp
rm -f "$report"
status=0
npm test -- --reporter=default --reporter=json --outputFile.json="$report" || status=$?
closing=""
if [ -f "$report" ]; then
  # shellcheck disable=SC2016 # JavaScript, not shell.
  closing="$(node -e '
    const r = JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"));
    const skipped = r.numPendingTests + r.numTodoTests;
    console.log(`vitest: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
  ' "$report" 2>/dev/null || true)"
fi
if [ "$status" -ne 0 ]; then
  echo "npm test failed (exit $status)" >&2
  [ -n "$closing" ] && echo "$closing"
  exit "$status"
fi

phase "done"
[ -n "$closing" ] && echo "$closing"
exit 0
