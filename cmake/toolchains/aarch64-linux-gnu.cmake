# Cross build for 64-bit ARM Linux (glibc) with Debian's g++-aarch64-linux-gnu:
#   scripts/cross-sysroot.sh aarch64-linux-gnu
#   cmake -S . -B build-cross/aarch64-linux-gnu \
#     -DCMAKE_TOOLCHAIN_FILE=cmake/toolchains/aarch64-linux-gnu.cmake
set(YV_CROSS_TRIPLE aarch64-linux-gnu)
set(YV_QEMU_ARCH aarch64)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
include(${CMAKE_CURRENT_LIST_DIR}/linux-gnu-cross.cmake)
