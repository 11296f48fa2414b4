//! Raw declarations of `yativo.h`, the C ABI of libyativo. `src/bindings.rs` is bindgen's output,
//! committed: building this crate runs neither bindgen nor libclang. `tests/bindings_fresh.rs`
//! regenerates it and fails when it is stale against the header
//! (`YATIVO_BLESS=1 cargo test -p yativo-sys --test bindings_fresh` rewrites it).
//!
//! Enums are integer constants named as in C (`YV_E_NOT_FOUND: yv_status`); strings are
//! NUL-terminated byte arrays (`YV_VERSION_STRING`).

#[allow(non_camel_case_types, non_upper_case_globals)]
mod bindings;
pub use bindings::*;

/// `YV_NOW` of the header (`((int64_t)-1)`): pass as a unix time to mean "now". Declared here
/// because bindgen does not translate a macro holding a cast; `tests/library.rs` checks it.
pub const YV_NOW: i64 = -1;
