#!/usr/bin/env bash
# The Debian packages (make deb) as a user gets them: built from the build in $1, unpacked with
# `dpkg -x` into a temporary root (no root rights, nothing installed on the machine), checked for
# what each holds and depends on, then the C example is compiled against the unpacked
# libyativo-dev (pkg-config, shared and static) and run, and the unpacked CLI and sandbox run.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-build}" && pwd)
bash "$root/scripts/build-deb.sh" "$build" >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sysroot="$work/root"
version=$(sed -n 's/^project(libyativo VERSION \([0-9.]*\).*/\1/p' "$root/CMakeLists.txt")
runtime=libyativo${version%.*}
for pkg in "$runtime" libyativo-dev yativo-tools; do
    deb=$(ls "$build"/deb/${pkg}_*.deb)
    dpkg-deb -I "$deb" >"$work/$pkg.info"
    dpkg-deb -c "$deb" >"$work/$pkg.list"
    dpkg -x "$deb" "$sysroot"
done
has() { grep -q "$2" "$work/$1.list" || { echo "test-deb: $1 lacks $2" >&2; exit 1; }; }
lacks() { ! grep -q "$2" "$work/$1.list" || { echo "test-deb: $1 holds $2" >&2; exit 1; }; }
has "$runtime" "libyativo.so.${version%.*}"
lacks "$runtime" "include/"
has libyativo-dev "include/yativo.h"
has libyativo-dev "libyativo.a"
has libyativo-dev "pkgconfig/yativo.pc"
has libyativo-dev "pkgconfig/yativo-static.pc"
has libyativo-dev "cmake/yativo/yativoConfig.cmake"
has yativo-tools "bin/yativo\$"
has yativo-tools "bin/yativo-sandbox"
has yativo-tools "man1/yativo.1"
grep -q "Depends:.*libcurl4" "$work/$runtime.info" || { echo "test-deb: $runtime does not depend on libcurl4" >&2; exit 1; }
grep -q "Depends:.*$runtime" "$work/libyativo-dev.info" || { echo "test-deb: libyativo-dev does not depend on $runtime" >&2; exit 1; }
for f in $(find "$sysroot" -type f \( -name 'libyativo.so.*' -o -path '*/bin/*' \)); do
    if grep -q '\.symtab' <<<"$(readelf -S "$f")"; then
        echo "test-deb: $f is not stripped" >&2
        exit 1
    fi
done

pc=$(dirname "$(find "$sysroot" -name yativo.pc | head -n1)")
libdir=$(PKG_CONFIG_PATH=$pc pkg-config --variable=libdir yativo)
PKG_CONFIG_PATH=$pc cc -std=c99 -Wall -Werror $(PKG_CONFIG_PATH=$pc pkg-config --cflags yativo) \
    "$root/tests/capi/static_min.c" -o "$work/shared" $(PKG_CONFIG_PATH=$pc pkg-config --libs yativo)
LD_LIBRARY_PATH=$libdir "$work/shared"
PKG_CONFIG_PATH=$pc cc -std=c99 -Wall -Werror $(PKG_CONFIG_PATH=$pc pkg-config --cflags yativo-static) \
    "$root/tests/capi/static_min.c" -o "$work/static" $(PKG_CONFIG_PATH=$pc pkg-config --libs yativo-static)
"$work/static"
"$sysroot/usr/bin/yativo" version
"$sysroot/usr/bin/yativo-sandbox" --help >/dev/null
ls -s "$build"/deb/*.deb
echo "test-deb: the packages unpack, link and run"
