//! Finds libyativo with pkg-config (`PKG_CONFIG_PATH=build/pkgconfig` inside this repository,
//! or an installed `yativo.pc`; `YATIVO_STATIC=1` links its `libyativo.a`), or, with the
//! `bundled` feature, builds it from source with CMake and links it statically. No bindgen here:
//! its output, src/bindings.rs, is committed.

fn main() {
    #[cfg(feature = "bundled")]
    bundled::build();
    #[cfg(not(feature = "bundled"))]
    system();
}

#[cfg(not(feature = "bundled"))]
fn system() {
    println!("cargo:rerun-if-env-changed=PKG_CONFIG_PATH");
    match pkg_config::Config::new()
        .atleast_version("0.1")
        .probe("yativo")
    {
        Ok(lib) => {
            // DEP_YATIVO_LIBDIR for dependents' build scripts: the safe crate sets an rpath on
            // its own tests from it (the build-tree yativo.pc is not installed anywhere).
            if let Some(dir) = lib.link_paths.first() {
                println!("cargo:libdir={}", dir.display());
                println!("cargo:rustc-link-arg=-Wl,-rpath,{}", dir.display());
            }
            if let Some(include) = lib.include_paths.first() {
                println!("cargo:include={}", include.display());
            }
        }
        Err(e) => {
            panic!(
                "libyativo not found by pkg-config ({e}). Build it (cmake --build build) and set \
                 PKG_CONFIG_PATH=build/pkgconfig, or install it, or enable the `bundled` feature \
                 to build it from source."
            );
        }
    }
}

#[cfg(feature = "bundled")]
mod bundled {
    use std::path::{Path, PathBuf};

    /// The C sources: libyativo/ inside the packaged crate (scripts/stage-rust-sys.sh puts them
    /// there), or the repository this crate sits in when it is built from a checkout.
    fn sources() -> PathBuf {
        let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
        let staged = manifest.join("libyativo");
        let root = if staged.join("CMakeLists.txt").is_file() {
            staged
        } else {
            manifest.join("..").join("..").join("..")
        };
        if !root.join("capi/include/yativo.h").is_file() {
            panic!(
                "the `bundled` feature needs libyativo's sources: neither {}/libyativo nor the \
                 repository around the crate holds them (stage them with \
                 scripts/stage-rust-sys.sh before `cargo package`)",
                manifest.display()
            );
        }
        root
    }

    /// The `-l` libraries of the installed yativo-static.pc (libcurl, OpenSSL, the C++ runtime):
    /// one list, written by CMake, rather than a copy of it here.
    fn link_libraries(pc: &Path) -> Vec<String> {
        let text = std::fs::read_to_string(pc)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", pc.display()));
        let libs = text
            .lines()
            .find_map(|line| line.strip_prefix("Libs:"))
            .unwrap_or_else(|| panic!("{} has no Libs line", pc.display()));
        libs.split_whitespace()
            .filter_map(|flag| flag.strip_prefix("-l"))
            .map(str::to_owned)
            .collect()
    }

    pub fn build() {
        let src = sources();
        for dir in ["core", "capi", "cmake", "CMakeLists.txt"] {
            println!("cargo:rerun-if-changed={}", src.join(dir).display());
        }
        // The library-only build (docs/embedded.md): libyativo.a, yativo.h and the .pc files.
        let dst = cmake::Config::new(&src)
            .define("YV_LIBRARY_ONLY", "ON")
            .define("BUILD_SHARED_LIBS", "OFF")
            .define("YV_WERROR", "OFF")
            .define("CMAKE_INSTALL_LIBDIR", "lib")
            .build();
        let libdir = dst.join("lib");
        if !libdir.join("libyativo.a").is_file() {
            panic!(
                "the CMake build installed no {}/libyativo.a",
                libdir.display()
            );
        }
        println!("cargo:rustc-link-search=native={}", libdir.display());
        println!("cargo:rustc-link-lib=static=yativo");
        for lib in link_libraries(&libdir.join("pkgconfig/yativo-static.pc")) {
            println!("cargo:rustc-link-lib=dylib={lib}");
        }
        println!("cargo:include={}", dst.join("include").display());
    }
}
