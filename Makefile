# The two commands of the README: `make demo` and `make test`. Both install what is missing.
BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=

.PHONY: all deps build test test-core demo clean format bench cross wheel deb

all: build

deps:
	@bash scripts/install-deps.sh

$(BUILD_DIR)/build.ninja: | deps
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DYV_WERROR=ON $(CMAKE_FLAGS)

build: deps $(BUILD_DIR)/build.ninja
	cmake --build $(BUILD_DIR) -j $(JOBS)

# ctest first, then every language suite (scripts/test-*.sh, each given the build directory).
test: build
	@bash scripts/run-tests.sh $(BUILD_DIR)

demo: build
	@bash scripts/demo.sh $(BUILD_DIR)

# The Python sdist and a manylinux wheel with its native libraries inside, in dist/
# (scripts/build-wheel.sh; docs/python.md, "Wheels").
wheel: deps
	@bash scripts/build-wheel.sh dist $(BUILD_DIR)

# Debian packages libyativo0.2, libyativo-dev and yativo-tools in BUILD_DIR/deb
# (cmake/packaging.cmake; docs/c-api.md, "Packages").
deb: build
	@bash scripts/build-deb.sh $(BUILD_DIR)

# The benchmarks, then the footprint per ARM target when `make cross` has built them
# (docs/embedded.md: sizes, NEEDED, heap and threads under qemu-user, and natively).
bench: build
	@bash bench/run.sh $(BUILD_DIR)
	@if [ -f build-cross/aarch64-linux-gnu/tests/build.ninja ] && \
	    [ -f build-cross/arm-linux-gnueabihf/tests/build.ninja ]; then \
	    bash scripts/cross-footprint.sh; \
	else echo "bench: the footprint per ARM target needs \`make cross\` first"; fi

# Cross builds for aarch64-linux-gnu and arm-linux-gnueabihf (docs/embedded.md, "Cross builds"):
# per target the library-only build, then the C ABI tests run under qemu-user against a native
# yativo-sandbox (BUILD_DIR's, when it is configured). Installs the cross compilers, qemu-user and
# the targets' sysroots (build-cross/) when missing.
cross: deps
	@NATIVE_BUILD_DIR=$(BUILD_DIR) JOBS=$(JOBS) bash scripts/cross-test.sh

format:
	@git ls-files '*.cpp' '*.hpp' '*.h' '*.c' | xargs clang-format -i

clean:
	rm -rf $(BUILD_DIR)
