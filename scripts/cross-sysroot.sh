#!/usr/bin/env bash
# Prepares cross builds: the host tools (Debian's cross compilers and qemu-user) and, per target,
# a sysroot of the target's -dev packages unpacked under build-cross/sysroot-<triple>.
#
#   scripts/cross-sysroot.sh [TRIPLE...]    (default: aarch64-linux-gnu arm-linux-gnueabihf)
#
# The target's packages come from a private apt state (build-cross/apt-<arch>: the machine's
# sources, the target's architecture, an empty dpkg status), so the machine's own package set and
# architectures are never touched (no dpkg --add-architecture). apt resolves what the -dev
# packages pull in; each .deb is unpacked with dpkg-deb -x. The sysroot is merged like a usrmerged
# system (/lib -> usr/lib) and absolute symlinks are made relative, so the cross linker and
# qemu-user (-L) resolve everything inside it. A stamp of the package list makes a second run
# return in well under a second; delete build-cross/apt-<arch> to refresh the packages.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD/build-cross
triples=("$@")
[ ${#triples[@]} -gt 0 ] || triples=(aarch64-linux-gnu arm-linux-gnueabihf)

# What the library and its C tests need on the target. The compiler brings its own libc and
# libstdc++ headers and link libraries (libc6-dev-<arch>-cross); the sysroot adds the rest, and
# the run-time closure (libc6, libstdc++6, libcurl4's dependencies) that qemu-user loads from it
# with -L. rapidjson-dev is headers only; libgtest-dev carries the static GTest the C ABI tests
# link; liboath-dev only because the tests' configure reads sandbox/CMakeLists.txt, which asks
# pkg-config for it (libyativo does not link it; the cross build never compiles the sandbox).
target_pkgs=(libcurl4-openssl-dev libssl-dev liboath-dev zlib1g-dev rapidjson-dev libgtest-dev
             libstdc++6)

arch_of() {
    case "$1" in
        aarch64-linux-gnu) echo arm64 ;;
        arm-linux-gnueabihf) echo armhf ;;
        *) echo "cross-sysroot: unknown target $1" >&2; exit 2 ;;
    esac
}

# Host tools, installed only when missing: g++-<triple> (with its binutils), qemu-user for
# qemu-aarch64 / qemu-arm (no binfmt registration: tests call qemu explicitly).
host_pkgs=(qemu-user)
for t in "${triples[@]}"; do arch_of "$t" >/dev/null; host_pkgs+=("g++-$t"); done
missing=()
for p in "${host_pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "cross-sysroot: installing ${missing[*]}"
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# /lib, /bin, /sbin into usr/ (as on a usrmerged Debian) and every absolute symlink made relative
# to the sysroot: libz.so -> /lib/<triple>/libz.so.1 must not point at the host's file.
merge_usr() {
    local sysroot=$1 d
    for d in lib bin sbin; do
        if [ -d "$sysroot/$d" ] && [ ! -L "$sysroot/$d" ]; then
            mkdir -p "$sysroot/usr/$d"
            cp -a "$sysroot/$d/." "$sysroot/usr/$d/"
            rm -rf "${sysroot:?}/$d"
            ln -s "usr/$d" "$sysroot/$d"
        fi
    done
    local link target
    while IFS= read -r -d '' link; do
        target=$(readlink "$link")
        case "$target" in
            /*) ln -sfn "$(realpath -m --relative-to="$(dirname "$link")" "$sysroot$target")" "$link" ;;
        esac
    done < <(find "$sysroot" -type l -print0)
}

for t in "${triples[@]}"; do
    arch=$(arch_of "$t")
    aptdir=$root/apt-$arch
    sysroot=$root/sysroot-$t
    stamp_want="$(sha256sum "$0" | cut -c1-16) ${target_pkgs[*]}"
    if [ -f "$sysroot/.stamp" ] && [ "$(cat "$sysroot/.stamp")" = "$stamp_want" ]; then
        echo "cross-sysroot: $sysroot is up to date"
        continue
    fi
    mkdir -p "$aptdir/lists/partial" "$aptdir/archives/partial"
    : >"$aptdir/status"
    apt_opts=(-o "APT::Architecture=$arch" -o "APT::Architectures=$arch"
              -o "Dir::State::Lists=$aptdir/lists" -o "Dir::State::status=$aptdir/status"
              -o "Dir::Cache::archives=$aptdir/archives" -o "Dir::Cache::pkgcache="
              -o "Dir::Cache::srcpkgcache=" -o "pkgCacheGen::Essential=none"
              -o "APT::Install-Recommends=false" -o "Debug::NoLocking=1"
              -o "APT::Sandbox::User=root")
    download() {
        apt-get "${apt_opts[@]}" install -y -qq --download-only "${target_pkgs[@]}" >/dev/null &&
            apt-get "${apt_opts[@]}" autoclean -qq
    }
    echo "cross-sysroot: downloading ${target_pkgs[*]} and their dependencies for $arch"
    # The lists are kept between runs; they are refreshed when missing or when a download fails
    # (the mirror has moved on).
    if [ -z "$(ls -A "$aptdir/lists" | grep -v partial || true)" ] || ! download 2>/dev/null; then
        echo "cross-sysroot: apt-get update for $arch (private state in $aptdir)"
        apt-get "${apt_opts[@]}" update -qq
        download
    fi
    rm -rf "$sysroot"
    mkdir -p "$sysroot"
    n=0
    for deb in "$aptdir"/archives/*.deb; do
        dpkg-deb -x "$deb" "$sysroot"
        n=$((n + 1))
    done
    merge_usr "$sysroot"
    echo "$stamp_want" >"$sysroot/.stamp"
    echo "cross-sysroot: $sysroot: $n packages, $(du -sh "$sysroot" | cut -f1)"
done
