#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# README command 2: install what is missing, build everything with warnings as errors, run every test,
# then build and run the core tests again under AddressSanitizer + UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
jobs=$(nproc)

echo "== build (ci preset: -Werror)"
cmake --preset ci >/dev/null
cmake --build --preset ci -j "$jobs"
echo "== format check"
cmake --build --preset ci --target format-check
echo "== tests"
ctest --preset ci -j "$jobs" --timeout 300 -LE bench
echo "== benchmarks (after the tests, one at a time: they measure)"
ctest --preset ci --timeout 300 -L bench
# Figures only (issue 11): exits non-zero only when a delivery was lost, never on a time.
build/ci/tests/bench_intake_cost --deliveries 4000 --clients 16

echo "== core tests under ASan + UBSan"
cmake --preset asan >/dev/null
cmake --build --preset asan -j "$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --preset asan -j "$jobs" --timeout 600 -LE "gui|bench"

# ---- package (issue 5): build the .deb from the release preset, lintian, validators, apt install, run it ----------
echo "== package"
SKLADHOOK_JOBS=2 scripts/package.sh >/dev/null
scripts/check-package.sh
# ---- end of package stage ------------------------------------------------------------------------------------------
