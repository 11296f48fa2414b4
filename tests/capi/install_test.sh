#!/usr/bin/env bash
# ctest capi.install: `cmake --install` of the components runtime and dev into a temporary prefix,
# then consume the result the two
# documented ways: pkg-config (C shared: yativo; C static: yativo-static) and find_package(yativo)
# (C shared, C static, C static from a C-only project, C++ core).
# usage: install_test.sh BUILD_DIR SOURCE_DIR WORK_DIR
set -euo pipefail
build=$1 src=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
prefix=$work/prefix
# Only libyativo's components (the libyativo0.2 and libyativo-dev packages of make deb): the test
# needs no other part of the build.
for component in runtime dev; do
  cmake --install "$build" --prefix "$prefix" --component $component >/dev/null
done

pc_dir=$(dirname "$(find "$prefix" -name yativo.pc | head -n 1)")
export PKG_CONFIG_PATH=$pc_dir
cc -std=c99 -Wall -Wextra -pedantic -Werror $(pkg-config --cflags yativo) \
   "$src/tests/capi/static_min.c" -o "$work/pc_shared" $(pkg-config --libs yativo)
LD_LIBRARY_PATH=$(pkg-config --variable=libdir yativo) "$work/pc_shared"
# Static through yativo-static.pc, as docs/c-api.md shows it: no libyativo.so at run time.
cc -std=c99 $(pkg-config --cflags yativo-static) "$src/tests/capi/static_min.c" \
   -o "$work/pc_static" $(pkg-config --libs yativo-static)
"$work/pc_static"
if grep -q libyativo <<<"$(ldd "$work/pc_static")"; then
  echo "pkg-config yativo-static links libyativo.so" >&2
  exit 1
fi

cmake -S "$src/tests/capi/consumer" -B "$work/consumer" -G Ninja \
      -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$work/consumer" >/dev/null
"$work/consumer/c_shared"
"$work/consumer/c_static"
"$work/consumer/cpp_core"
# A C-only project: the C++ runtime of the archive comes from the exported target.
cmake -S "$src/tests/capi/consumer_c" -B "$work/consumer_c" -G Ninja \
      -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$work/consumer_c" >/dev/null
"$work/consumer_c/c_only_static"
for exe in "$work/consumer/c_static" "$work/consumer_c/c_only_static"; do
  if grep -q libyativo <<<"$(ldd "$exe")"; then
    echo "$exe links libyativo.so" >&2
    exit 1
  fi
done
rm -rf "$work"
