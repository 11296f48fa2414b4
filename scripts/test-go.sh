#!/usr/bin/env bash
# The Go suite: `go vet` and `go test -race` of bindings/go against the C library and the sandbox
# of the main CMake build in $1 (default build). cgo finds libyativo through the build tree's
# pkg-config file (build/pkgconfig/yativo.pc, which sets an rpath); the tests start
# $YATIVO_SANDBOX themselves. Uses the machine's Go (/usr/local/go/bin first), never Debian's
# older golang-go.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build_arg=${1:-build}
mkdir -p "$build_arg"
build=$(cd "$build_arg" && pwd)

if [ -x /usr/local/go/bin/go ]; then
    export PATH="/usr/local/go/bin:$PATH"
fi
if ! command -v go >/dev/null; then
    echo "test-go: no Go toolchain (expected /usr/local/go/bin/go)" >&2
    exit 1
fi
if ! command -v pkg-config >/dev/null; then
    echo "test-go: pkg-config is needed by cgo (apt-get install pkg-config)" >&2
    exit 1
fi

# The library and the sandbox, built only when missing (the core is compiled once, by CMake).
if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S "$root" -B "$build" -G Ninja -DYV_BUILD_SANDBOX=ON >/dev/null
elif grep -q '^YV_BUILD_SANDBOX:BOOL=OFF' "$build/CMakeCache.txt"; then
    cmake -S "$root" -B "$build" -DYV_BUILD_SANDBOX=ON >/dev/null
fi
if [ ! -e "$build/capi/libyativo.so" ] || [ ! -e "$build/capi/libyativo.a" ] ||
   [ ! -x "$build/sandbox/yativo-sandbox" ] || [ ! -f "$build/pkgconfig/yativo.pc" ]; then
    cmake --build "$build" --target yativo yativo_static yativo-sandbox -j 2
fi

export PKG_CONFIG_PATH="$build/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
export YATIVO_SANDBOX="$build/sandbox/yativo-sandbox"
export CGO_ENABLED=1
unset YATIVO_API_KEY YATIVO_API_SECRET YATIVO_ACCESS_TOKEN YATIVO_BASE_URL YATIVO_TOTP_SECRET

cd "$root/bindings/go"
echo "test-go: $(go version), libyativo from $build/capi"
unformatted=$(gofmt -l .)
if [ -n "$unformatted" ]; then
    echo "test-go: not gofmt-ed: $unformatted" >&2
    exit 1
fi
go vet ./...
# Without cgo the build must fail with a sentence that says so (internal/capi/nocgo.go), not
# "build constraints exclude all Go files".
if nocgo=$(CGO_ENABLED=0 go build ./... 2>&1); then
    echo "test-go: the build without cgo succeeded" >&2
    exit 1
fi
grep -q 'libyativo_needs_cgo__build_with_CGO_ENABLED_1' <<<"$nocgo" ||
    { echo "test-go: the build without cgo does not say why: $nocgo" >&2; exit 1; }
# -v: the output of passing tests (and the core's YATIVO_LOG lines) reaches the log that
# scripts/run-tests.sh searches for secrets.
go test -race -count=1 -timeout 170s -v ./...
# -tags yativo_static links libyativo.a (yativo-static.pc): the binary runs with no libyativo.so.
static_dir=$(mktemp -d)
trap 'rm -rf "$static_dir"' EXIT
go test -c -tags yativo_static -o "$static_dir/static.test" ./yativo
if grep -q libyativo <<<"$(ldd "$static_dir/static.test")"; then
    echo "test-go: -tags yativo_static still links libyativo.so" >&2
    exit 1
fi
"$static_dir/static.test" -test.run 'TestVersion|TestResources' -test.count=1
