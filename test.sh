#!/usr/bin/env bash
# Installs what is missing, builds (the C++ and the web UI), and runs every test: a short
# libFuzzer session per target under ASan/UBSan (ctest in build-fuzz), then ctest in
# build/: unit and golden tests, CLI tests, fuzz-corpus replays, live-server API tests,
# SIGKILL fault rounds, the web UI's unit tests (Vitest) and its end-to-end journey in
# Chromium. The last line is ctest's summary.
set -euo pipefail
cd "$(dirname "$0")"
scripts/bootstrap
# A Node.js the bootstrap installed because the system's is too old comes first.
if [[ -x .tools/node/bin/node ]]; then export PATH="$PWD/.tools/node/bin:$PATH"; fi
scripts/build
scripts/build-web
status=0
if command -v clang++ >/dev/null 2>&1; then
  if [[ ! -f build-fuzz/build.ninja ]]; then
    CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DJINCAI_FUZZ=ON
  fi
  cmake --build build-fuzz --target fuzz_targets
  (cd build-fuzz && ctest --output-on-failure -L fuzz) || status=1
fi
(cd build && ctest --output-on-failure -j2) || status=1
exit $status
