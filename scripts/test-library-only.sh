#!/usr/bin/env bash
# The library-only build (docs/embedded.md), as a Yocto or Buildroot recipe runs it: configured
# with GTest, Boost, Python and pybind11 disabled (CMake must not even look for them), built
# shared and static, installed into a temporary prefix, and consumed by a C program the two
# documented ways: pkg-config and find_package(yativo) from a C-only project (project(app C)),
# which links the static library only if the package names the C++ runtime.
# usage: test-library-only.sh [BUILD_DIR]  (BUILD_DIR is not used: everything happens in a
# temporary directory; ccache keeps the second and later builds short)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
t0=$(date +%s)
work=$(mktemp -d "${TMPDIR:-/tmp}/yv-library-only.XXXXXX")
trap 'rm -rf "$work"' EXIT
jobs=2

launcher=()
if command -v ccache >/dev/null; then
    launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
not_looked_for=(GTest Boost pybind11 Python)

fail() {
    echo "test-library-only: $*" >&2
    exit 1
}

# The tiny consumer: a TOTP code (RFC 6238's SHA-1 vector, so the core, OpenSSL and the base32
# decoding all run) and the run-time version equal to the header's.
mkdir -p "$work/app"
cat >"$work/app/app.c" <<'EOF'
#include <stdio.h>
#include <string.h>
#include <yativo.h>

int main(void) {
    char code[YV_TOTP_CODE_SIZE];
    yv_error *err = NULL;
    if (yv_totp("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", 59, 30, 8, code, sizeof code, &err) != YV_OK) {
        fprintf(stderr, "totp: %s\n", yv_error_message(err));
        yv_error_free(err);
        return 1;
    }
    printf("libyativo %s, code %s\n", yv_version(), code);
    return strcmp(code, "94287082") != 0 || strcmp(yv_version(), YV_VERSION_STRING) != 0;
}
EOF
cat >"$work/app/CMakeLists.txt" <<'EOF'
cmake_minimum_required(VERSION 3.25)
project(app C)
find_package(yativo 0.2 REQUIRED)
add_executable(app app.c)
target_link_libraries(app PRIVATE yativo::yativo)
EOF

for kind in shared static; do
    shared=$([ "$kind" = shared ] && echo ON || echo OFF)
    build=$work/build-$kind prefix=$work/prefix-$kind
    disable=()
    for pkg in "${not_looked_for[@]}"; do disable+=("-DCMAKE_DISABLE_FIND_PACKAGE_$pkg=ON"); done

    echo "--- $kind: configure, build, install"
    cmake -S "$root" -B "$build" -G Ninja -DYV_LIBRARY_ONLY=ON -DBUILD_SHARED_LIBS="$shared" \
        -DCMAKE_BUILD_TYPE=MinSizeRel -DYV_WERROR=ON "${launcher[@]}" "${disable[@]}" \
        >"$work/configure-$kind.log" 2>&1 || { cat "$work/configure-$kind.log"; fail "$kind: configure"; }
    # CMake lists a -D it never read: each CMAKE_DISABLE_FIND_PACKAGE_<name> is unread only when
    # no find_package(<name>) ran. The cache must hold nothing of them either.
    for pkg in "${not_looked_for[@]}"; do
        grep -q "^ *CMAKE_DISABLE_FIND_PACKAGE_$pkg\$" "$work/configure-$kind.log" ||
            fail "$kind: the library-only configure looked for $pkg"
    done
    if grep -iE '^_?(gtest|boost|python|pybind11)[a-z0-9_]*:' "$build/CMakeCache.txt"; then
        fail "$kind: the cache holds the entries above"
    fi
    cmake --build "$build" -j "$jobs" >"$work/build-$kind.log" 2>&1 ||
        { tail -n 50 "$work/build-$kind.log"; fail "$kind: build"; }
    cmake --install "$build" --prefix "$prefix" >/dev/null

    # Exactly one kind of library, yativo.h and the package descriptions (yativo-static.pc beside
    # a static one); no program, no C++ core (its library or headers).
    libdir=$(dirname "$(find "$prefix" -name yativo.pc)")/..
    libdir=$(cd "$libdir" && pwd)
    installed=$(cd "$prefix" && find . -type f -o -type l | sed 's|^\./||' | sort)
    echo "$installed" | sed 's/^/    /'
    if [ "$kind" = shared ]; then
        [ -e "$libdir/libyativo.so" ] && [ ! -e "$libdir/libyativo.a" ] ||
            fail "shared: want libyativo.so and no libyativo.a"
    else
        [ -e "$libdir/libyativo.a" ] && [ -z "$(find "$prefix" -name 'libyativo.so*')" ] ||
            fail "static: want libyativo.a and no libyativo.so"
    fi
    if echo "$installed" | grep -vE '^(include/yativo\.h|lib[^/]*/(.*/)?(libyativo\.(so[.0-9]*|a)|pkgconfig/yativo(-static)?\.pc|cmake/yativo/yativo[A-Za-z-]*\.cmake))$'; then
        fail "$kind: installed more than the library (the files above)"
    fi

    export PKG_CONFIG_PATH=$libdir/pkgconfig
    echo "--- $kind: pkg-config consumer"
    if [ "$kind" = shared ]; then
        cc -std=c99 -Wall -Wextra -pedantic -Werror $(pkg-config --cflags yativo) "$work/app/app.c" \
            -o "$work/pc-$kind" $(pkg-config --libs yativo)
        LD_LIBRARY_PATH=$libdir "$work/pc-$kind"
        echo "    NEEDED of libyativo.so:" \
            $(readelf -d "$libdir/libyativo.so" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
    else
        cc -std=c99 -Wall -Wextra -pedantic -Werror $(pkg-config --cflags yativo) "$work/app/app.c" \
            -o "$work/pc-$kind" $(pkg-config --static --libs yativo)
        "$work/pc-$kind"
    fi

    echo "--- $kind: find_package(yativo) consumer, project(app C)"
    cmake -S "$work/app" -B "$work/app-$kind" -G Ninja -DCMAKE_BUILD_TYPE=MinSizeRel \
        -DCMAKE_PREFIX_PATH="$prefix" "${launcher[@]}" >"$work/app-$kind.log" 2>&1 ||
        { cat "$work/app-$kind.log"; fail "$kind: consumer configure"; }
    cmake --build "$work/app-$kind" >>"$work/app-$kind.log" 2>&1 ||
        { cat "$work/app-$kind.log"; fail "$kind: consumer build"; }
    LD_LIBRARY_PATH=$libdir "$work/app-$kind/app"
    needs_so=$(readelf -d "$work/app-$kind/app" | grep -c 'NEEDED.*libyativo\.so' || true)
    if [ "$kind" = shared ] && [ "$needs_so" = 0 ]; then fail "shared: app does not need libyativo.so"; fi
    if [ "$kind" = static ] && [ "$needs_so" != 0 ]; then fail "static: app needs libyativo.so"; fi
    unset PKG_CONFIG_PATH
done

echo "test-library-only: passed in $(( $(date +%s) - t0 )) s"
