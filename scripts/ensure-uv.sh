#!/usr/bin/env bash
# Makes sure a working `uv` exists and prints the path of its binary (the only output on success).
#
# Order: `uv` on PATH, then the private venv from an earlier run, else a fresh install from PyPI into
# ${XDG_CACHE_HOME:-$HOME/.cache}/python-specialist/uv-venv (never into the system Python).
# Idempotent: a second run installs nothing. Override the pinned version with PS_UV_VERSION.
set -euo pipefail

UV_VERSION="${PS_UV_VERSION:-0.13.8}"
VENV_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/python-specialist/uv-venv"
PYTHON="${PYTHON:-python3}"

works() { [ -n "$1" ] && [ -x "$1" ] && "$1" --version >/dev/null 2>&1; }

if candidate="$(command -v uv 2>/dev/null)" && works "$candidate"; then
  echo "$candidate"
  exit 0
fi

if works "$VENV_DIR/bin/uv"; then
  echo "$VENV_DIR/bin/uv"
  exit 0
fi

if ! command -v "$PYTHON" >/dev/null 2>&1; then
  echo "ensure-uv: $PYTHON not found; install Python 3 (e.g. apt-get install -y python3 python3-venv)" >&2
  exit 1
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
{
  rm -rf "$VENV_DIR"
  mkdir -p "$(dirname "$VENV_DIR")"
  if "$PYTHON" -m venv "$VENV_DIR"; then
    "$VENV_DIR/bin/python" -m pip install --quiet --disable-pip-version-check "uv==$UV_VERSION"
  else
    # Debian's python3 without python3-venv has no ensurepip: make a bare venv, install with the outer pip.
    rm -rf "$VENV_DIR"
    "$PYTHON" -m venv --without-pip "$VENV_DIR" &&
      "$PYTHON" -m pip --python "$VENV_DIR/bin/python" install --quiet --disable-pip-version-check "uv==$UV_VERSION"
  fi
} >"$log" 2>&1 || {
  cat "$log" >&2
  echo "ensure-uv: could not install uv==$UV_VERSION into $VENV_DIR" >&2
  exit 1
}

if ! works "$VENV_DIR/bin/uv"; then
  echo "ensure-uv: installed uv==$UV_VERSION but $VENV_DIR/bin/uv does not run" >&2
  exit 1
fi
echo "$VENV_DIR/bin/uv"
