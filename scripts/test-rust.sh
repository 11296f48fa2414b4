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
