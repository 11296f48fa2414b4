//! What bindgen does not check: the value it cannot translate (YV_NOW, a macro with a cast) and
//! the linked library agreeing with the declared status numbers.

#[test]
fn yv_now_matches_the_header() {
    let path =
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../capi/include/yativo.h");
    let header = std::fs::read_to_string(&path).unwrap();
    assert!(header.contains("#define YV_NOW ((int64_t)-1)\n"));
    assert_eq!(yativo_sys::YV_NOW, -1i64);
}

/// yv_status_str names each YV_OK / YV_E_* constant of src/bindings.rs after it.
#[test]
fn linked_library_names_every_status() {
    let mut seen = 0;
    for line in include_str!("../src/bindings.rs").lines() {
        let Some(decl) = line.strip_prefix("pub const ") else {
            continue;
        };
        let Some((name, value)) = decl.split_once(": yv_status = ") else {
            continue;
        };
        let value: yativo_sys::yv_status = value.trim_end_matches(';').parse().unwrap();
        let s = unsafe { std::ffi::CStr::from_ptr(yativo_sys::yv_status_str(value)) };
        let expected = name.trim_start_matches("YV_E_").trim_start_matches("YV_");
        assert_eq!(s.to_str().unwrap(), expected);
        seen += 1;
    }
    assert!(seen >= 18, "only {seen} status constants");
    let version = unsafe { std::ffi::CStr::from_ptr(yativo_sys::yv_version()) };
    assert_eq!(
        version.to_bytes_with_nul(),
        yativo_sys::YV_VERSION_STRING,
        "yv_version() and YV_VERSION_STRING differ"
    );
}
