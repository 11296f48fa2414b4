# Cross build for 32-bit ARM Linux, hard float (glibc, Debian's armhf: ARMv7-A, VFPv3-D16, Thumb-2)
# with Debian's g++-arm-linux-gnueabihf:
#   scripts/cross-sysroot.sh arm-linux-gnueabihf
#   cmake -S . -B build-cross/arm-linux-gnueabihf \
#     -DCMAKE_TOOLCHAIN_FILE=cmake/toolchains/arm-linux-gnueabihf.cmake
set(YV_CROSS_TRIPLE arm-linux-gnueabihf)
set(YV_QEMU_ARCH arm)
set(CMAKE_SYSTEM_PROCESSOR arm)
include(${CMAKE_CURRENT_LIST_DIR}/linux-gnu-cross.cmake)
