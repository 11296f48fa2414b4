//! src/bindings.rs is bindgen's output for capi/include/yativo.h, committed so that building
//! yativo-sys needs neither bindgen nor libclang. This test runs bindgen again (a dev-dependency,
//! which loads libclang at run time: Debian's libclang-dev) and fails when the committed file is
//! stale. To refresh it: `YATIVO_BLESS=1 cargo test -p yativo-sys --test bindings_fresh`.

use bindgen::callbacks::{IntKind, ParseCallbacks};
use std::collections::BTreeSet;
use std::path::PathBuf;

fn repo_file(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel)
}

#[derive(Debug)]
struct Sizes;

impl ParseCallbacks for Sizes {
    /// A `*_SIZE` macro (YV_TOTP_CODE_SIZE) is a buffer length: `usize`, so it sizes an array.
    fn int_macro(&self, name: &str, _value: i64) -> Option<IntKind> {
        name.ends_with("_SIZE").then_some(IntKind::Custom {
            name: "usize",
            is_signed: false,
        })
    }
}

/// What src/bindings.rs must hold for the header as it is now.
fn generate() -> String {
    let header = repo_file("../../../capi/include/yativo.h");
    bindgen::Builder::default()
        .header(header.to_str().expect("UTF-8 path"))
        .allowlist_function("yv_.*")
        .allowlist_type("yv_.*")
        .allowlist_var("YV_.*")
        // Enums stay integer constants (a library newer than these bindings may return a code
        // they do not know, which a Rust enum could not hold), named as in C: YV_E_NOT_FOUND.
        .prepend_enum_name(false)
        .merge_extern_blocks(true)
        // Handles are opaque and only ever used behind pointers.
        .derive_copy(false)
        .derive_debug(false)
        .layout_tests(false)
        .parse_callbacks(Box::new(Sizes))
        .generate()
        .expect("bindgen could not translate yativo.h")
        .to_string()
}

#[test]
fn committed_bindings_are_fresh() {
    let expected = generate();
    let path = repo_file("src/bindings.rs");
    if std::env::var_os("YATIVO_BLESS").is_some() {
        std::fs::write(&path, &expected).unwrap();
    }
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        actual == expected,
        "src/bindings.rs is stale against yativo.h: run \
         YATIVO_BLESS=1 cargo test -p yativo-sys --test bindings_fresh"
    );
}

/// The allowlist keeps every exported function: the declared set is capi/symbols.txt's.
#[test]
fn every_exported_symbol_is_declared() {
    let symbols = std::fs::read_to_string(repo_file("../../../capi/symbols.txt")).unwrap();
    let exported: BTreeSet<&str> = symbols
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    let bindings = include_str!("../src/bindings.rs");
    let declared: BTreeSet<&str> = bindings
        .split("pub fn ")
        .skip(1)
        .map(|rest| &rest[..rest.find('(').unwrap()])
        .collect();
    assert_eq!(declared, exported);
}
