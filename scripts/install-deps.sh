#!/usr/bin/env bash
# Installs the Debian packages the build and tests need, only when one is missing, so `make test`
# works on a fresh machine and costs nothing on a prepared one; then Jinja2 for python3.
# libclang-dev: bindgen in yativo-sys's test tests/bindings_fresh.rs loads libclang.
# strace: scripts/test-firmware.sh traces a whole C session to show the library writes no file.
# valgrind: the instruction gate (bench/gate.sh) and the C ABI's leak checks.
set -euo pipefail
pkgs=(build-essential cmake ninja-build pkg-config ccache clang-format
      libcurl4-openssl-dev libssl-dev rapidjson-dev libgtest-dev libgmock-dev libboost-dev
      liboath-dev openssl curl tinyproxy wrk libclang-dev strace valgrind)
missing=()
for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}"
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# python3 -m codegen renders its templates with Jinja2 (the ctests codegen_check, codegen_status).
python3 -c 'import jinja2' 2>/dev/null || python3 -m pip install -q 'jinja2>=3.1'
