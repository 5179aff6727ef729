#!/usr/bin/env bash
# Makes sure wrk (the HTTP load generator the benchmark drives) is installed; prints its path.
# Idempotent: does nothing when wrk is on PATH; otherwise installs Debian's package with apt-get.
set -euo pipefail

say() { echo "wrk.sh: $*" >&2; }

if command -v wrk >/dev/null 2>&1; then
  command -v wrk
  exit 0
fi

say "wrk not found; installing it with apt-get"
bash "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh" wrk
command -v wrk
