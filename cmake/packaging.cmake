# `make deb`: Debian packages with CPack, one per install component:
#   libyativo0.2   component runtime: libyativo.so.0.2 (the package name follows the SONAME, as
#                  Debian policy 8.1 wants, so 0.3 can be installed beside it)
#   libyativo-dev  component dev: yativo.h, the C++ headers, libyativo.a, the .so link,
#                  yativo.pc, yativo-static.pc, the CMake package
#   yativo-tools   component tools: the yativo CLI and yativo-sandbox
# Stripped; dependencies on system libraries computed by dpkg-shlibdeps.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME libyativo)
set(CPACK_PACKAGE_VENDOR "libyativo")
set(CPACK_PACKAGE_CONTACT "libyativo maintainers <maintainers@libyativo.invalid>")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://github.com/libyativo/libyativo")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Client SDK for the Yativo Crypto API")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_COMPONENTS_ALL runtime dev tools)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION libs)
set(CPACK_DEBIAN_ENABLE_COMPONENT_DEPENDS ON)

set(YV_DEB_RUNTIME libyativo${PROJECT_VERSION_MAJOR}.${PROJECT_VERSION_MINOR})
set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME ${YV_DEB_RUNTIME})
set(CPACK_COMPONENT_RUNTIME_DESCRIPTION
  "libyativo, the client library for the Yativo Crypto API (C ABI)")
set(CPACK_DEBIAN_DEV_PACKAGE_NAME libyativo-dev)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
set(CPACK_COMPONENT_DEV_DEPENDS runtime)
set(CPACK_COMPONENT_DEV_DESCRIPTION
  "libyativo development files: C and C++ headers, static library, pkg-config and CMake files")
# The static archive and the C++ headers need these at the consumer's build.
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS "libcurl4-openssl-dev, libssl-dev, rapidjson-dev")
set(CPACK_DEBIAN_TOOLS_PACKAGE_NAME yativo-tools)
set(CPACK_DEBIAN_TOOLS_PACKAGE_SECTION utils)
set(CPACK_COMPONENT_TOOLS_DESCRIPTION
  "yativo, the command line for the Yativo Crypto API, and yativo-sandbox, its local emulator")
include(CPack)
