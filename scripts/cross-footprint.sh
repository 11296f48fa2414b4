#!/usr/bin/env bash
# Footprint of libyativo per cross target, the rows of docs/embedded.md ("Cross builds"), printed
# as Markdown. Run after scripts/cross-test.sh (make cross), whose builds it reads:
#
#   scripts/cross-footprint.sh [TRIPLE...]   (default: aarch64-linux-gnu arm-linux-gnueabihf)
#
# Per target:
#   - libyativo.so from the library-only MinSizeRel build (build-cross/<triple>/lib), stripped;
#   - tests/capi/static_min.c as ctest's capi.static_link builds it (build-cross/<triple>/tests:
#     MinSizeRel, libyativo.a, --gc-sections; libstdc++, libcurl, OpenSSL and libc dynamic),
#     stripped;
#   - the same program at its smallest: libyativo.a from a library-only static build
#     (build-cross/<triple>/min; its objects have a section per function and datum, as every
#     build's), the program compiled -Os with sections too and linked with --gc-sections and
#     --as-needed, stripped, once with libstdc++ dynamic and once with -static-libstdc++
#     -static-libgcc; the second is run under qemu-user against a native sandbox (a TOTP code,
#     then list_accounts), so the number is that of a working program;
#   - the NEEDED entries of each.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
triples=("$@")
[ ${#triples[@]} -gt 0 ] || triples=(aarch64-linux-gnu arm-linux-gnueabihf)
jobs=${JOBS:-2}
out=$root/build-cross
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)

size() { stat -c %s "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }
needed() { "$1-readelf" -d "$2" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/`\1`/p' | paste -sd' '; }
# The bytes of the file that are mapped (PT_LOAD file sizes): the stripped size minus alignment
# padding, which is up to 64 KiB on aarch64 (Debian's linker aligns its segments for 64 KiB pages).
loaded() {
    local n=0 filesz
    for filesz in $("$1-readelf" -lW "$2" | awk '$1 == "LOAD" { print $5 }'); do
        n=$((n + filesz))
    done
    echo "$n" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'
}
row() { echo "| $1 | $2 | $(size "$3") | $(loaded "$1" "$3") | $(needed "$1" "$3") |"; }
# A row of the RAM table from footprint's JSON line and the clone calls logged beside it.
ram_rows=()
ram_row() {
    local json clones
    json=$(grep -o -m1 '{"heap_idle"[^}]*}' "$2")
    clones=$(grep -c 'CLONE_THREAD' "$2" || true)
    python3 -c 'import json,sys; d=json.loads(sys.argv[2]); print("| %s | %s B | %s B | %s | %s |" % (sys.argv[1], format(d["heap_idle"], ","), format(d["heap_after_first_call"], ","), sys.argv[3], d["threads_after_first_call"]))' "$1" "$json" "$clones"
}

echo "| target | what | stripped bytes | mapped (LOAD) bytes | NEEDED |"
echo "|---|---|---|---|---|"
for t in "${triples[@]}"; do
    sysroot=$out/sysroot-$t
    tests=$out/$t/tests
    [ -f "$out/$t/lib/build.ninja" ] && [ -f "$tests/build.ninja" ] ||
        { echo "cross-footprint: run scripts/cross-test.sh $t first" >&2; exit 1; }
    qemu=(qemu-$(sed -n 's/^set(YV_QEMU_ARCH \(.*\))$/\1/p' "cmake/toolchains/$t.cmake") -L "$sysroot")
    work=$out/$t/footprint
    mkdir -p "$work"

    so=$(find "$out/$t/lib" -name 'libyativo.so.*.*.*' | head -n 1)
    "$t-strip" -o "$work/libyativo.so" "$so"
    row "$t" "\`$(basename "$so")\` (library-only, MinSizeRel)" "$work/libyativo.so"

    "$t-strip" -o "$work/static_min" "$tests/tests/capi/yv_capi_static_min"
    row "$t" "\`static_min.c\` as \`capi.static_link\` builds it" "$work/static_min"

    sections="-ffunction-sections -fdata-sections"
    [ -f "$out/$t/min/build.ninja" ] ||
        cmake -S . -B "$out/$t/min" -G Ninja -DCMAKE_TOOLCHAIN_FILE="$root/cmake/toolchains/$t.cmake" \
            -DCMAKE_BUILD_TYPE=MinSizeRel -DYV_LIBRARY_ONLY=ON -DBUILD_SHARED_LIBS=OFF -DYV_WERROR=ON \
            "${launcher[@]}" >/dev/null
    cmake --build "$out/$t/min" -j "$jobs" >/dev/null
    export PKG_CONFIG_SYSROOT_DIR=$sysroot
    export PKG_CONFIG_LIBDIR=$sysroot/usr/lib/$t/pkgconfig:$sysroot/usr/share/pkgconfig
    for runtime in dynamic static; do
        extra=()
        [ "$runtime" = static ] && extra=(-static-libstdc++ -static-libgcc)
        "$t-g++" --sysroot="$sysroot" -Os $sections -x c -std=c99 -I capi/include \
            tests/capi/static_min.c -x none "$out/$t/min/capi/libyativo.a" \
            $(pkg-config --libs libcurl libcrypto) "${extra[@]}" -Wl,--gc-sections -Wl,--as-needed \
            "-Wl,-rpath-link,$sysroot/usr/lib/$t" -s -o "$work/static_min_$runtime"
        row "$t" "\`static_min.c\` smallest: sections + \`--gc-sections\`, libstdc++ $runtime" \
            "$work/static_min_$runtime"
    done
    # The smallest one works: a TOTP code offline, then a client's list_accounts on the sandbox.
    "${qemu[@]}" "$tests/tests/capi/yv_with_sandbox" -- sh -c \
        'exec "$@" "$YATIVO_BASE_URL" "$YATIVO_ACCESS_TOKEN"' sh "${qemu[@]}" "$work/static_min_static" \
        >"$work/static_min_run.log" 2>&1 ||
        { cat "$work/static_min_run.log" >&2; echo "cross-footprint: $t: static_min failed" >&2; exit 1; }
    # RAM and threads: bench/src/footprint.c under qemu-user, its clone calls logged by -strace.
    "$t-gcc" --sysroot="$sysroot" -O2 -std=c99 -I capi/include bench/src/footprint.c \
        "$out/$t/min/capi/libyativo.a" $(pkg-config --libs libcurl libcrypto) -lstdc++ -lm \
        "-Wl,-rpath-link,$sysroot/usr/lib/$t" -o "$work/footprint"
    "${qemu[@]}" "$tests/tests/capi/yv_with_sandbox" -- sh -c \
        'exec "$@" "$YATIVO_BASE_URL" "$YATIVO_ACCESS_TOKEN"' sh "${qemu[@]}" -strace "$work/footprint" \
        >"$work/footprint.log" 2>&1 ||
        { cat "$work/footprint.log" >&2; echo "cross-footprint: $t: footprint failed" >&2; exit 1; }
    ram_rows+=("$(ram_row "$t" "$work/footprint.log")")
done
echo
echo "| target | heap of an idle client | heap after the first call | threads the library created (client + first call) | threads alive after it (under qemu-user: + 1 of the emulator) |"
echo "|---|---|---|---|---|"
# The same program natively (x86_64), its clone calls counted by strace.
if [ -f build/capi/libyativo.so ] && command -v strace >/dev/null; then
    native=$out/native/footprint
    mkdir -p "$native"
    cc -O2 -std=c99 -I capi/include bench/src/footprint.c -Lbuild/capi -lyativo -lcurl \
        "-Wl,-rpath,$root/build/capi" -o "$native/footprint"
    build/tests/capi/yv_with_sandbox -- sh -c \
        'exec strace -f -e trace=clone,clone3 "$@" "$YATIVO_BASE_URL" "$YATIVO_ACCESS_TOKEN"' sh \
        "$native/footprint" >"$native/footprint.log" 2>&1 ||
        { cat "$native/footprint.log" >&2; echo "cross-footprint: native footprint failed" >&2; exit 1; }
    ram_row "x86_64 (native)" "$native/footprint.log"
fi
printf '%s\n' "${ram_rows[@]}"
