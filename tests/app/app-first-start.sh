#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The desktop app's first start with a working keychain; run inside tests/core/settings/with-gnome-keyring.sh.
#   app-first-start.sh APP CLI
# An empty data directory given only receiver.listen and api.url: the app starts, generates its verification
# string (into the keychain) and runs no receiver, for there is no site URL yet. The site URL saved from the CLI
# then starts the receiver within 3 s, without a restart, checking deliveries against that string (wrong key: 403).
# bash for /dev/tcp: the ports and the one HTTP request need no other tool.
set -u
app=$1
cli=$2
dir=$(mktemp -d)
data=$dir/data
pid=
stop_app() {
    [ -n "$pid" ] || return 0
    kill -TERM "$pid" 2>/dev/null
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    pid=
}
trap 'stop_app; rm -rf "$dir"' EXIT
fail() {
    echo "FAIL: $*" >&2
    echo "--- the app said:" >&2
    cat "$dir/app.log" >&2
    exit 1
}

accepts() { timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }
# A loopback port nobody listens on, below the range the OS hands out for outgoing connections.
free_port() {
    local port
    for _ in $(seq 50); do
        port=$((20000 + RANDOM % 12000))
        accepts "$port" || { echo "$port"; return 0; }
    done
    return 1
}
# MoySklad's POST with a wrong verification string; prints the HTTP status (empty when there was no answer).
post_wrong_key() {
    timeout 5 bash -c '
        exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
        body="{\"events\":[]}"
        printf "POST /moysklad/customerorder/update?key=WrongKey_0123456789abcdef&requestId=40000000-0000-4000-8000-000000000001 HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nContent-Type: application/json\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s" "$1" "${#body}" "$body" >&3
        read -r _ status _ <&3
        echo "$status"' sh "$1" 2>/dev/null
}

port=$(free_port) || fail "no free port"
api_port=$(free_port) || fail "no free port"
mkdir -p "$data"
"$cli" --data-dir "$data" config set receiver.listen "127.0.0.1:$port" >/dev/null || fail "config set receiver.listen"
# Nothing listens there: the app's own calls to MoySklad fail at once and leave the machine never.
"$cli" --data-dir "$data" config set api.url "http://127.0.0.1:$api_port/api/remap/1.2" >/dev/null || fail "config set api.url"

env -u MOYSKLAD_TOKEN -u MOYSKLAD_LOGIN -u MOYSKLAD_PASSWORD QT_QPA_PLATFORM=offscreen \
    "$app" --data-dir "$data" >"$dir/app.log" 2>&1 &
pid=$!

# The app is up once its generated verification string is in the keychain (`config get` shows it masked).
generated=no
for _ in $(seq 150); do
    if "$cli" --data-dir "$data" config get site.secret >/dev/null 2>&1; then generated=yes; break; fi
    kill -0 "$pid" 2>/dev/null || fail "the app exited"
    sleep 0.1
done
[ $generated = yes ] || fail "no verification string in the keychain 15 s after the first start"

sleep 2
accepts "$port" && fail "the receiver listens without a site URL"
kill -0 "$pid" 2>/dev/null || fail "the app exited"

"$cli" --data-dir "$data" config set site.url https://shop.example.com/ >/dev/null || fail "config set site.url"
listening=no
for _ in $(seq 30); do
    if accepts "$port"; then listening=yes; break; fi
    sleep 0.1
done
[ $listening = yes ] || fail "the receiver did not listen on 127.0.0.1:$port within 3 s of the site URL being saved"
kill -0 "$pid" 2>/dev/null || fail "the app exited"
status=$(post_wrong_key "$port")
[ "$status" = 403 ] || fail "a wrong key was answered '$status', not 403"
echo "ok"
