#!/usr/bin/env bash
# Installs Debian packages with apt-get, as root or through sudo: apt-install.sh PACKAGE...
# The service scripts call it for what they find missing; its output goes to stderr, as theirs does.
set -euo pipefail

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    echo "apt-install.sh: need root to run: $*" >&2
    exit 1
  fi
}

as_root apt-get update -qq >&2
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
