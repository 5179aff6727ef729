#!/usr/bin/env bash
# Makes sure wrk (the HTTP load generator the benchmark drives) is installed; prints its path.
# Idempotent: does nothing when wrk is on PATH; otherwise installs Debian's package with apt-get.
set -euo pipefail

say() { echo "wrk.sh: $*" >&2; }

if command -v wrk >/dev/null 2>&1; then
  command -v wrk
  exit 0
fi

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    say "need root to run: $*"
    exit 1
  fi
}

say "wrk not found; installing it with apt-get"
as_root apt-get update -qq >&2
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >&2
command -v wrk
