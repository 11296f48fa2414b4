#!/usr/bin/env bash
# Copies what the library-only CMake build of libyativo needs (the top CMakeLists.txt, cmake/,
# core/, capi/, LICENSE) into bindings/rust/yativo-sys/libyativo/ (git-ignored), so that
# `cargo package -p yativo-sys` carries the sources of its `bundled` feature. Run it before
# packaging or publishing the crate; a build from this checkout needs no staging.
#   usage: scripts/stage-rust-sys.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dest="$root/bindings/rust/yativo-sys/libyativo"
rm -rf "$dest"
mkdir -p "$dest"
cp "$root/CMakeLists.txt" "$root/LICENSE" "$dest/"
cp -r "$root/cmake" "$root/core" "$root/capi" "$dest/"
echo "staged libyativo's sources in $dest ($(du -sk "$dest" | cut -f1) KiB)"
