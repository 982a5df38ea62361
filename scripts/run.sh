#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# README command 1: install what is missing, build, and start SkladHook on its defaults
# (data in ~/.local/share/SkladHook/skladhook, the production MoySklad API). Extra arguments go to the app.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset dev -DSKLADHOOK_BUILD_TESTS=OFF -DSKLADHOOK_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build --preset dev --target skladhook skladhook-cli
exec build/dev/bin/skladhook "$@"
