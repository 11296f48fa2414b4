#!/usr/bin/env bash
# The Rust suite: clippy (warnings are errors), rustfmt check and cargo test (unit, sandbox and
# doc tests) of bindings/rust, against libyativo and yativo-sandbox of the main CMake build in
# $1. Uses the machine's cargo (~/.cargo/bin), never Debian's rustc. Cargo's target dir lives
# under the build dir so nothing lands in the source tree.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-build}" && pwd)

if ! command -v cargo >/dev/null 2>&1 || [ "$(command -v cargo)" = /usr/bin/cargo ]; then
    export PATH="$HOME/.cargo/bin:$PATH"
fi
if ! command -v cargo >/dev/null 2>&1; then
    echo "test-rust: cargo not found (install rustup's toolchain in ~/.cargo/bin)" >&2
    exit 1
fi
if ! cargo clippy --version >/dev/null 2>&1; then
    rustup component add clippy
fi

if [ ! -e "$build/capi/libyativo.so" ] || [ ! -x "$build/sandbox/yativo-sandbox" ]; then
    cmake --build "$build" --target yativo yativo-sandbox -j "$(nproc)"
fi

export PKG_CONFIG_PATH="$build/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
export YATIVO_SANDBOX="$build/sandbox/yativo-sandbox"
export CARGO_TARGET_DIR="$build/rust-target"
unset YATIVO_API_KEY YATIVO_API_SECRET YATIVO_ACCESS_TOKEN YATIVO_BASE_URL YATIVO_TOTP_SECRET
jobs=$(( $(nproc) < 2 ? $(nproc) : 2 ))

cd "$root/bindings/rust"
cargo fmt --all -- --check
cargo clippy --locked -j "$jobs" --all-targets -- -D warnings
# --nocapture: what passing tests print reaches the log that scripts/run-tests.sh searches for
# secrets.
cargo test --locked -j "$jobs" -- --nocapture
# YATIVO_STATIC=1 (read by the pkg-config crate): libyativo.a is linked in, no libyativo.so needed.
YATIVO_STATIC=1 CARGO_TARGET_DIR="$build/rust-target-static" \
    cargo build --locked -j "$jobs" -p yativo --example version
static_bin="$build/rust-target-static/debug/examples/version"
if ldd "$static_bin" | grep -q libyativo; then
    echo "test-rust: YATIVO_STATIC=1 still links libyativo.so" >&2
    exit 1
fi
"$static_bin"
