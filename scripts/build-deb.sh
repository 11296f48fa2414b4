#!/usr/bin/env bash
# `make deb`: the Debian packages of the build in BUILD_DIR (cmake/packaging.cmake) in
# BUILD_DIR/deb: libyativo0.2, libyativo-dev, yativo-tools. Builds what they hold first.
#   usage: scripts/build-deb.sh [BUILD_DIR]
set -euo pipefail
build=$(cd "${1:-build}" && pwd)
cmake --build "$build" --target yativo yativo_static yativo_cli yativo_manpage yativo-sandbox -j "$(nproc)" >/dev/null
rm -rf "$build/deb"
(cd "$build" && cpack --config CPackConfig.cmake -B "$build/deb" >"$build/deb-cpack.log" 2>&1) ||
    { cat "$build/deb-cpack.log" >&2; exit 1; }
ls "$build"/deb/*.deb
