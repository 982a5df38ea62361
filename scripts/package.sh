#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the Debian package from this checkout: the `release` preset (RelWithDebInfo, no tests, prefix /usr),
# then `cpack -G DEB`. Prints the path of the .deb on the last line.
#   scripts/package.sh            (SKLADHOOK_JOBS=N to change the parallel build jobs, default 2)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
umask 022   # the files CPack copies keep the permissions Debian expects
jobs=${SKLADHOOK_JOBS:-2}

# Debian's hardening flags (fortify, stack protector, relro, bindnow), as a Debian build would use them.
export DEB_BUILD_MAINT_OPTIONS=hardening=+all
# CPack strips the binaries (CPACK_STRIP_FILES): debug information would only be compiled to be thrown away.
export DEB_CXXFLAGS_MAINT_STRIP=-g DEB_CFLAGS_MAINT_STRIP=-g
cxxflags="$(dpkg-buildflags --get CXXFLAGS) $(dpkg-buildflags --get CPPFLAGS)"
ldflags=$(dpkg-buildflags --get LDFLAGS)

echo "== package: configure (release preset)" >&2
cmake --preset release -DCMAKE_CXX_FLAGS="$cxxflags" -DCMAKE_EXE_LINKER_FLAGS="$ldflags" >/dev/null
echo "== package: build" >&2
cmake --build --preset release -j "$jobs" >&2
echo "== package: cpack" >&2
rm -f build/release/skladhook_*.deb
(cd build/release && cpack -G DEB >&2)
deb=$(ls build/release/skladhook_*.deb)
echo "$(pwd)/$deb"
