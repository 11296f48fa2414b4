//! Gives this crate's own tests, examples and doc tests an rpath to the libyativo that
//! yativo-sys found (DEP_YATIVO_LIBDIR), so they run from a build tree without LD_LIBRARY_PATH.
//! Crates depending on yativo are not affected.

fn main() {
    println!("cargo:rerun-if-env-changed=DEP_YATIVO_LIBDIR");
    if let Ok(dir) = std::env::var("DEP_YATIVO_LIBDIR") {
        println!("cargo:rustc-link-arg=-Wl,-rpath,{dir}");
    }
}
