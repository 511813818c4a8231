#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test: unit and golden tests, CLI
# tests, fuzz-corpus replays (ctest), then a short libFuzzer session per target under
# ASan/UBSan (ctest in build-fuzz). The last line is ctest's summary.
set -euo pipefail
cd "$(dirname "$0")"
scripts/bootstrap
scripts/build
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
