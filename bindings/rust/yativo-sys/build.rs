//! Finds libyativo with pkg-config (`PKG_CONFIG_PATH=build/pkgconfig` inside this repository,
//! or an installed `yativo.pc`). No bindgen here: its output, src/bindings.rs, is committed.

fn main() {
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
                 PKG_CONFIG_PATH=build/pkgconfig, or install it."
            );
        }
    }
}
