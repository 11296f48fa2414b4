# The C ABI tests, cross-built to run under qemu-user against a NATIVE yativo-sandbox
# (scripts/test-cross.sh passes this file as CMAKE_PROJECT_libyativo_INCLUDE, with
# YV_NATIVE_SANDBOX=/path/to/the/host's/yativo-sandbox).
#
# tests/support compiles $<TARGET_FILE:yativo-sandbox> into the tests as YV_SANDBOX_EXE and starts
# it with posix_spawn. Under qemu-user that execve goes to the host kernel, which runs a host
# binary but not a target one (no binfmt_misc here), so the path must be the native sandbox. This
# file, run right after project(), swaps that path in at the end of the configure, and, since
# yv_test_support still depends on the target's yativo-sandbox, turns that target into an empty
# program so the cross build never compiles the sandbox (nor needs the target's Boost).
# A tests/support option naming an external sandbox would make all of this unnecessary.
if(NOT YV_NATIVE_SANDBOX)
  message(FATAL_ERROR "cross-tests.cmake: set YV_NATIVE_SANDBOX to a native yativo-sandbox")
endif()

# sandbox/CMakeLists.txt asks for Boost 1.74 at configure time: answered here by a package file
# in the directory find_package reads before anything else (CMake >= 3.24).
file(WRITE "${CMAKE_FIND_PACKAGE_REDIRECTS_DIR}/boost-config.cmake"
  "# cross-tests.cmake: the cross build never compiles the sandbox\nset(Boost_INCLUDE_DIRS \"\")\n")
file(WRITE "${CMAKE_FIND_PACKAGE_REDIRECTS_DIR}/boost-config-version.cmake"
  "set(PACKAGE_VERSION 1.74.0)\nset(PACKAGE_VERSION_COMPATIBLE TRUE)\n")

function(_yv_cross_tests_use_native_sandbox)
  if(NOT TARGET yv_test_support OR NOT TARGET yativo-sandbox)
    message(FATAL_ERROR "cross-tests.cmake: configure with YV_BUILD_TESTS=ON and YV_BUILD_SANDBOX=ON")
  endif()
  foreach(prop COMPILE_DEFINITIONS INTERFACE_COMPILE_DEFINITIONS)
    get_target_property(defs yv_test_support ${prop})
    string(REPLACE "$<TARGET_FILE:yativo-sandbox>" "${YV_NATIVE_SANDBOX}" swapped "${defs}")
    if(swapped STREQUAL defs)
      message(FATAL_ERROR "cross-tests.cmake: yv_test_support's ${prop} no longer names "
        "$<TARGET_FILE:yativo-sandbox> (${defs}): update this file")
    endif()
    set_property(TARGET yv_test_support PROPERTY ${prop} "${swapped}")
  endforeach()
  set(stub "${CMAKE_BINARY_DIR}/yv_cross_sandbox_stub.c")
  file(WRITE "${stub}" "int main(void) { return 127; } /* the tests run the native sandbox */\n")
  set_property(TARGET yativo-sandbox PROPERTY SOURCES "${stub}")
  set_property(TARGET yativo-sandbox PROPERTY LINK_LIBRARIES "")
endfunction()
cmake_language(DEFER DIRECTORY "${CMAKE_SOURCE_DIR}" CALL _yv_cross_tests_use_native_sandbox)
