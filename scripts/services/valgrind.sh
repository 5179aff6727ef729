#!/usr/bin/env bash
# Makes sure valgrind (callgrind counts the instructions of `npm run bench -- --only instructions`) and a C
# compiler (for its callgrind.h toggle) are installed; prints valgrind's path.
# Idempotent: does nothing when both are on PATH; otherwise installs Debian's packages with apt-get.
set -euo pipefail

say() { echo "valgrind.sh: $*" >&2; }

if command -v valgrind >/dev/null 2>&1 && command -v cc >/dev/null 2>&1 && [ -f /usr/include/valgrind/callgrind.h ]; then
  command -v valgrind
  exit 0
fi

say "valgrind or a C compiler not found; installing them with apt-get"
bash "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh" valgrind gcc libc6-dev
command -v valgrind
