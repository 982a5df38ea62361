#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# skladhook-cli and the OS keychain; run inside tests/core/settings/with-gnome-keyring.sh.
#   cli-keychain.sh CLI unlocked: site.secret goes to the keyring, is shown masked, never lands in the data dir.
#   cli-keychain.sh CLI locked:   a keyring that cannot be written is reported as such, never "not saved".
set -u
# The messages matched below are the English ones, whatever the developer's locale.
unset LC_ALL LC_MESSAGES
export LANG=C.UTF-8
cli=$1
mode=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
secret=KeychainCliSecret_0123456789abcdefXYZ
fail() { echo "FAIL: $*" >&2; exit 1; }

"$cli" --data-dir "$dir" config set site.secret "$secret" >"$dir/out" 2>"$dir/err"
status=$?
if grep -q "$secret" "$dir/out" "$dir/err"; then fail "the secret was printed"; fi
if [ "$mode" = unlocked ]; then
    [ $status -eq 0 ] || fail "config set failed: $(cat "$dir/err")"
    grep -q "OS keychain" "$dir/err" || fail "did not say where the secret went: $(cat "$dir/err")"
    shown=$("$cli" --data-dir "$dir" config get site.secret) || fail "config get failed"
    [ "$shown" != "$secret" ] || fail "config get printed the secret in full"
    case "$shown" in Ke*) ;; *) fail "config get printed '$shown'" ;; esac
    rm -f "$dir/out" "$dir/err"
    if grep -rq "$secret" "$dir"; then fail "the secret is in a file of the data directory"; fi
else
    [ $status -ne 0 ] || fail "config set succeeded with a locked keyring"
    grep -q "locked" "$dir/err" || fail "the error does not say the keyring is locked: $(cat "$dir/err")"
    if grep -qi "not set\|not saved\|no secret" "$dir/err"; then fail "a locked keyring read as 'nothing saved'"; fi
    [ "$(wc -l <"$dir/err")" -eq 1 ] || fail "more than one line on stderr: $(cat "$dir/err")"
    if grep -rq "$secret" "$dir"; then fail "the secret fell back to a file"; fi
fi

# Leaving the plaintext opt-in moves the secrets: into an open keyring (and out of settings.ini), and with a locked one
# nowhere, the opt-in staying, so that a running service keeps its token.
moved=$(mktemp -d)
trap 'rm -rf "$dir" "$moved"' EXIT
token=KeychainCliToken_abcdefghijklmnop0123
"$cli" --data-dir "$moved" config set secrets.store file 2>/dev/null || fail "secrets.store file failed"
"$cli" --data-dir "$moved" config set api.token "$token" 2>/dev/null || fail "the token was not saved in the file"
grep -q "$token" "$moved/settings.ini" || fail "the opted-in token is not in settings.ini"
"$cli" --data-dir "$moved" config set secrets.store keychain >"$dir/out" 2>"$dir/err"
status=$?
if grep -q "$token" "$dir/out" "$dir/err"; then fail "the token was printed"; fi
store=$("$cli" --data-dir "$moved" config get secrets.store)
if [ "$mode" = unlocked ]; then
    [ $status -eq 0 ] || fail "moving to the keychain failed: $(cat "$dir/err")"
    [ "$store" = keychain ] || fail "secrets.store is '$store' after the move"
    if grep -q "$token" "$moved/settings.ini"; then fail "the plaintext token stayed in settings.ini"; fi
    case "$("$cli" --data-dir "$moved" config get api.token)" in Ke*) ;; *) fail "the token is not in the keyring" ;; esac
else
    [ $status -ne 0 ] || fail "moving to a locked keyring succeeded"
    grep -q "stay in" "$dir/err" || fail "the error does not say the secrets stay: $(cat "$dir/err")"
    [ "$store" = file ] || fail "secrets.store is '$store' though the keyring took nothing"
    grep -q "$token" "$moved/settings.ini" || fail "the token left settings.ini though the keyring took nothing"
fi
echo "ok ($mode)"
