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
cargo clippy --locked -j "$jobs" --all-targets --features async -- -D warnings
# --nocapture: what passing tests print reaches the log that scripts/run-tests.sh searches for
# secrets. The `async` feature (AsyncClient) is built, tested and its Tokio example run.
cargo test --locked -j "$jobs" --features async -- --nocapture
# YATIVO_STATIC=1 (read by the pkg-config crate): libyativo.a is linked in, no libyativo.so needed.
YATIVO_STATIC=1 CARGO_TARGET_DIR="$build/rust-target-static" \
    cargo build --locked -j "$jobs" -p yativo --example version
static_bin="$build/rust-target-static/debug/examples/version"
if grep -q libyativo <<<"$(ldd "$static_bin")"; then
    echo "test-rust: YATIVO_STATIC=1 still links libyativo.so" >&2
    exit 1
fi
"$static_bin"

# The `bundled` feature as a newcomer meets it: the packaged yativo-sys (C sources inside, staged
# by scripts/stage-rust-sys.sh), unpacked outside this repository, as the one dependency of a
# `cargo new` project, built with no libyativo anywhere pkg-config could find: CMake builds the
# library-only libyativo.a and the program runs without libyativo.so.
bash "$root/scripts/stage-rust-sys.sh"
cargo package --locked -q -p yativo-sys --allow-dirty --no-verify
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)
crate="$CARGO_TARGET_DIR/package/yativo-sys-$version.crate"
listing=$(tar -tzf "$crate")
for f in CMakeLists.txt core/CMakeLists.txt core/src/client_impl.cpp capi/include/yativo.h; do
    grep -q "/libyativo/$f$" <<<"$listing" ||
        { echo "test-rust: the packaged yativo-sys lacks libyativo/$f" >&2; exit 1; }
done
bundled_dir=$(mktemp -d)
trap 'rm -rf "$bundled_dir"' EXIT
tar -xzf "$crate" -C "$bundled_dir"
cargo new -q --vcs none "$bundled_dir/demo"
cat >>"$bundled_dir/demo/Cargo.toml" <<TOML
yativo-sys = { path = "$bundled_dir/yativo-sys-$version", features = ["bundled"] }
TOML
cat >"$bundled_dir/demo/src/main.rs" <<'RS'
fn main() {
    // SAFETY: yv_version returns a static NUL-terminated string.
    let v = unsafe { std::ffi::CStr::from_ptr(yativo_sys::yv_version()) };
    println!("libyativo {}", v.to_str().unwrap());
}
RS
(cd "$bundled_dir/demo" && env -u PKG_CONFIG_PATH CARGO_TARGET_DIR="$build/rust-target-bundled" \
    cargo build -q -j "$jobs")
demo="$build/rust-target-bundled/debug/demo"
if grep -q libyativo <<<"$(ldd "$demo")"; then
    echo "test-rust: the bundled build links libyativo.so" >&2
    exit 1
fi
"$demo" | grep -qx "libyativo $version" || { echo "test-rust: the bundled demo did not run" >&2; exit 1; }
echo "test-rust: bundled: the packaged crate built libyativo itself and ran"
