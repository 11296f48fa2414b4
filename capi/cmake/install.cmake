# Install rules of the C ABI and the C++ core: libraries, headers, pkg-config files (installed and
# build-tree) and the CMake package (find_package(yativo) -> yativo::yativo, yativo::cpp).
# Components, which are also the Debian packages of `make deb` (cmake/packaging.cmake): "runtime"
# (libyativo.so.X.Y only), "dev" (everything else here); the CLI and the sandbox are "tools".
# The library-only build installs the one libyativo it built and yativo.h, not the C++ core.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(YV_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/yativo)

set(YV_INSTALL_TARGETS ${YV_CAPI_TARGETS})
if(NOT YV_LIBRARY_ONLY)
  # The core is installed for C++ users; its exported name is yativo::cpp.
  set_target_properties(yativo_core PROPERTIES EXPORT_NAME cpp)
  list(APPEND YV_INSTALL_TARGETS yativo_core)
endif()

install(TARGETS ${YV_INSTALL_TARGETS} EXPORT yativoTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT runtime NAMELINK_COMPONENT dev
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${PROJECT_SOURCE_DIR}/capi/include/yativo.h
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT dev)
if(NOT YV_LIBRARY_ONLY)
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/core/include/yativo
    DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT dev)
endif()

# yativoConfig.cmake: the static targets' link dependencies are looked for only when a static
# target is installed (a shared-only package needs none of them at the consumer).
if(yativo_static IN_LIST YV_INSTALL_TARGETS OR yativo_core IN_LIST YV_INSTALL_TARGETS)
  set(YV_PACKAGE_HAS_STATIC ON)
else()
  set(YV_PACKAGE_HAS_STATIC OFF)
endif()

install(EXPORT yativoTargets NAMESPACE yativo:: DESTINATION ${YV_CMAKE_DIR} COMPONENT dev)
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/yativoConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/yativoConfig.cmake INSTALL_DESTINATION ${YV_CMAKE_DIR})
# 0.x: a new minor version may break the ABI.
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/yativoConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/yativoConfig.cmake
  ${CMAKE_CURRENT_BINARY_DIR}/yativoConfigVersion.cmake DESTINATION ${YV_CMAKE_DIR} COMPONENT dev)

# pkg-config, installed: paths relative to the .pc file, so `cmake --install --prefix` works.
file(RELATIVE_PATH YV_PC_UP /${CMAKE_INSTALL_LIBDIR}/pkgconfig /)
string(REGEX REPLACE "/$" "" YV_PC_UP "${YV_PC_UP}")
set(YV_PC_PREFIX "\${pcfiledir}/${YV_PC_UP}")
set(YV_PC_LIBDIR "\${prefix}/${CMAKE_INSTALL_LIBDIR}")
set(YV_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
set(YV_PC_RPATH "")
set(YV_PC_CXX_RUNTIME "")
foreach(lib IN LISTS YV_CXX_RUNTIME)
  if(IS_ABSOLUTE "${lib}" OR lib MATCHES "^-")
    string(APPEND YV_PC_CXX_RUNTIME " ${lib}")
  else()
    string(APPEND YV_PC_CXX_RUNTIME " -l${lib}")
  endif()
endforeach()
configure_file(${CMAKE_CURRENT_LIST_DIR}/yativo.pc.in ${CMAKE_CURRENT_BINARY_DIR}/yativo.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/yativo.pc
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig COMPONENT dev)
# yativo-static.pc: the archive itself. `pkg-config --static yativo` cannot do this: with both
# libyativo.so and libyativo.a in libdir, the linker takes the shared one for -lyativo.
if(yativo_static IN_LIST YV_INSTALL_TARGETS)
  configure_file(${CMAKE_CURRENT_LIST_DIR}/yativo-static.pc.in
    ${CMAKE_CURRENT_BINARY_DIR}/yativo-static.pc @ONLY)
  install(FILES ${CMAKE_CURRENT_BINARY_DIR}/yativo-static.pc
    DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig COMPONENT dev)
endif()

# pkg-config, build tree: ${CMAKE_BINARY_DIR}/pkgconfig/yativo.pc, for the Go and Rust bindings
# during `make test` (PKG_CONFIG_PATH=build/pkgconfig). It points at the built libraries and the
# source header, with an rpath so test binaries find libyativo.so without LD_LIBRARY_PATH.
set(YV_PC_PREFIX "${PROJECT_BINARY_DIR}")
list(GET YV_CAPI_TARGETS 0 YV_PC_TARGET)
set(YV_PC_LIBDIR "$<TARGET_FILE_DIR:${YV_PC_TARGET}>")
set(YV_PC_INCLUDEDIR "${PROJECT_SOURCE_DIR}/capi/include")
set(YV_PC_RPATH "-Wl,-rpath,\${libdir} ")
configure_file(${CMAKE_CURRENT_LIST_DIR}/yativo.pc.in
  ${CMAKE_CURRENT_BINARY_DIR}/yativo-build.pc.in @ONLY)
file(GENERATE OUTPUT ${PROJECT_BINARY_DIR}/pkgconfig/yativo.pc
  INPUT ${CMAKE_CURRENT_BINARY_DIR}/yativo-build.pc.in)
if(yativo_static IN_LIST YV_CAPI_TARGETS)
  set(YV_PC_LIBDIR "$<TARGET_FILE_DIR:yativo_static>")
  configure_file(${CMAKE_CURRENT_LIST_DIR}/yativo-static.pc.in
    ${CMAKE_CURRENT_BINARY_DIR}/yativo-static-build.pc.in @ONLY)
  file(GENERATE OUTPUT ${PROJECT_BINARY_DIR}/pkgconfig/yativo-static.pc
    INPUT ${CMAKE_CURRENT_BINARY_DIR}/yativo-static-build.pc.in)
endif()
