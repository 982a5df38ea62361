#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a command in a private D-Bus session with a real gnome-keyring (Secret Service) and a throwaway HOME.
# --locked: the login keyring is created but left locked.
locked=no
[ "$1" = "--locked" ] && { locked=yes; shift; }
export SKLADHOOK_KEYRING_LOCKED=$locked
exec dbus-run-session -- sh -c '
    HOME=$(mktemp -d); export HOME
    if [ "$SKLADHOOK_KEYRING_LOCKED" = yes ]; then
        eval "$(printf "" | gnome-keyring-daemon --components=secrets 2>/dev/null)"
    else
        eval "$(printf test | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)"
    fi
    "$@"; status=$?
    rm -rf "$HOME"
    exit $status' sh "$@"
