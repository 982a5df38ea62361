#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `skladhook --help` and `--version` answer on a machine without a display (a server, an SSH session): they must not
# construct the QApplication, which aborts when the xcb platform finds no X server.
#   app-help-without-display.sh <path to skladhook>
set -u
app="$1"
unset DISPLAY WAYLAND_DISPLAY
export QT_QPA_PLATFORM=xcb
out=$(mktemp) || exit 1
trap 'rm -f "$out"' EXIT

"$app" --help >"$out" 2>&1
rc=$?
if [ "$rc" -ne 0 ]; then
    echo "skladhook --help exited with $rc:"; cat "$out"; exit 1
fi
for expected in "Usage: $app" "--data-dir <DIR>" "--api-url <URL>" "--version"; do
    if ! grep -qF -- "$expected" "$out"; then
        echo "skladhook --help does not show '$expected':"; cat "$out"; exit 1
    fi
done

"$app" --version >"$out" 2>&1
rc=$?
if [ "$rc" -ne 0 ] || ! grep -q '^skladhook [0-9]' "$out"; then
    echo "skladhook --version exited with $rc:"; cat "$out"; exit 1
fi
echo "ok: --help and --version without a display"
