# Shared part of the Debian cross toolchain files (aarch64-linux-gnu.cmake,
# arm-linux-gnueabihf.cmake): they set YV_CROSS_TRIPLE and CMAKE_SYSTEM_PROCESSOR, then include
# this. Compilers are Debian's g++-<triple>; libraries and headers come from a sysroot of the
# target's -dev packages (scripts/cross-sysroot.sh unpacks one into build-cross/sysroot-<triple>;
# any other sysroot works: -DYV_SYSROOT=/path or the environment variable YV_SYSROOT).
set(CMAKE_SYSTEM_NAME Linux)

if(NOT YV_SYSROOT)
  if(DEFINED ENV{YV_SYSROOT})
    set(YV_SYSROOT "$ENV{YV_SYSROOT}")
  else()
    get_filename_component(YV_SYSROOT
      "${CMAKE_CURRENT_LIST_DIR}/../../build-cross/sysroot-${YV_CROSS_TRIPLE}" ABSOLUTE)
  endif()
endif()
if(NOT EXISTS "${YV_SYSROOT}/usr/include")
  message(FATAL_ERROR "No sysroot at ${YV_SYSROOT}: run scripts/cross-sysroot.sh ${YV_CROSS_TRIPLE}")
endif()
# try_compile projects read this file again: hand them the sysroot.
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES YV_SYSROOT)

set(CMAKE_C_COMPILER ${YV_CROSS_TRIPLE}-gcc)
set(CMAKE_CXX_COMPILER ${YV_CROSS_TRIPLE}-g++)
set(CMAKE_SYSROOT "${YV_SYSROOT}")

# Headers, libraries and CMake packages only from the sysroot (the compiler adds its own libc and
# libstdc++); programs (pkg-config, python3, nm) from the host.
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# pkg-config (liboath, and libcurl's dependencies) reads the target's .pc files only, and prefixes
# their -I/-L with the sysroot.
set(ENV{PKG_CONFIG_SYSROOT_DIR} "${YV_SYSROOT}")
set(ENV{PKG_CONFIG_LIBDIR}
  "${YV_SYSROOT}/usr/lib/${YV_CROSS_TRIPLE}/pkgconfig:${YV_SYSROOT}/usr/lib/pkgconfig:${YV_SYSROOT}/usr/share/pkgconfig")
set(ENV{PKG_CONFIG_PATH} "")

# The linker resolves the NEEDED entries of the sysroot's shared libraries (libcurl.so.4 needs
# libz.so.1, libssl.so.3, ...) only through -rpath-link when they are not in a directory it
# searches by default: say where they are, for a sysroot with or without a merged /usr.
set(_yv_rpath_link
  "-Wl,-rpath-link,${YV_SYSROOT}/usr/lib/${YV_CROSS_TRIPLE}:${YV_SYSROOT}/lib/${YV_CROSS_TRIPLE}")
set(CMAKE_EXE_LINKER_FLAGS_INIT "${_yv_rpath_link}")
set(CMAKE_SHARED_LINKER_FLAGS_INIT "${_yv_rpath_link}")
set(CMAKE_MODULE_LINKER_FLAGS_INIT "${_yv_rpath_link}")

# Test programs run under qemu-user with the sysroot as their root (gtest_discover_tests, ctest).
find_program(YV_QEMU qemu-${YV_QEMU_ARCH})
if(YV_QEMU)
  set(CMAKE_CROSSCOMPILING_EMULATOR "${YV_QEMU};-L;${YV_SYSROOT}")
endif()
