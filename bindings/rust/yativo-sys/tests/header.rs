//! Checks the committed declarations of src/lib.rs against capi/include/yativo.h: every
//! function (name, parameter types, return type), every enum constant and its number, every
//! opaque type. A header change that src/lib.rs does not follow fails here; regenerate with
//! gen_sys.py.

use std::collections::BTreeMap;
use std::path::PathBuf;

fn header() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../capi/include/yativo.h");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn rust_source() -> String {
    include_str!("../src/lib.rs").to_string()
}

/// Removes /* */ comments.
fn strip_c_comments(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        let end = rest[start..].find("*/").expect("unterminated comment") + start + 2;
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A C type as the Rust type it must be declared with.
fn c_to_rust(c: &str) -> String {
    let c = squeeze(c).replace(" *", "*").replace('*', " * ");
    let tokens: Vec<&str> = c.split_whitespace().collect();
    let mut i = 0;
    let mut leading_const = false;
    if tokens[0] == "const" {
        leading_const = true;
        i = 1;
    }
    let base = match tokens[i] {
        "uint32_t" => "u32",
        "uint64_t" => "u64",
        "int64_t" => "i64",
        "size_t" => "usize",
        "bool" => "bool",
        "int" => "c_int",
        "char" => "c_char",
        "uint8_t" => "u8",
        "void" => "c_void",
        "yv_log_fn" | "yv_free_fn" => return format!("Option<{}>", tokens[i]),
        other => other,
    }
    .to_string();
    // Pointer levels, inside out: each `*` may be followed by `const` qualifying that pointer.
    let mut quals = vec![leading_const];
    let mut levels = 0;
    for t in &tokens[i + 1..] {
        match *t {
            "*" => {
                levels += 1;
                quals.push(false);
            }
            "const" => *quals.last_mut().unwrap() = true,
            other => panic!("unexpected token {other} in {c}"),
        }
    }
    let mut out = base;
    for q in quals.iter().take(levels) {
        out = format!("{}{out}", if *q { "*const " } else { "*mut " });
    }
    out
}

/// Splits "T name" into (name, T).
fn split_param(p: &str) -> (String, String) {
    let p = p.trim();
    let cut = p
        .rfind(|ch: char| !(ch.is_alphanumeric() || ch == '_'))
        .unwrap();
    (p[cut + 1..].to_string(), p[..=cut].to_string())
}

type Signature = (Vec<String>, String);

fn header_functions(code: &str) -> BTreeMap<String, Signature> {
    let mut out = BTreeMap::new();
    for stmt in code.split(';') {
        let stmt = squeeze(stmt);
        let Some(pos) = stmt.rfind("YV_API ") else {
            continue;
        };
        let decl = &stmt[pos + 7..];
        if decl.contains("__attribute__") || !decl.contains('(') {
            continue;
        }
        let open = decl.find('(').unwrap();
        let head = &decl[..open];
        let params = decl[open + 1..decl.rfind(')').unwrap()].trim();
        let (name, ret) = split_param(head);
        let ret = if ret.trim() == "void" {
            String::new()
        } else {
            c_to_rust(&ret)
        };
        let params = if params == "void" {
            vec![]
        } else {
            params
                .split(',')
                .map(|p| c_to_rust(&split_param(p).1))
                .collect()
        };
        out.insert(name, (params, ret));
    }
    out
}

fn rust_functions(src: &str) -> BTreeMap<String, Signature> {
    let mut out = BTreeMap::new();
    for stmt in src.split(';') {
        let stmt = squeeze(stmt);
        let Some(pos) = stmt.find("pub fn yv_") else {
            continue;
        };
        let decl = &stmt[pos + 7..];
        let open = decl.find('(').unwrap();
        let name = decl[..open].to_string();
        let close = decl.rfind(')').unwrap();
        let params = decl[open + 1..close].trim().trim_end_matches(',');
        let ret = decl[close + 1..]
            .trim()
            .trim_start_matches("->")
            .trim()
            .to_string();
        let params = if params.is_empty() {
            vec![]
        } else {
            params
                .split(", ")
                .map(|p| squeeze(p.split_once(':').unwrap().1))
                .collect()
        };
        out.insert(name, (params, ret));
    }
    out
}

fn header_constants(code: &str) -> BTreeMap<String, i64> {
    let mut out = BTreeMap::new();
    let mut rest = code;
    while let Some(pos) = rest.find("typedef enum") {
        let body_start = rest[pos..].find('{').unwrap() + pos + 1;
        let body_end = rest[body_start..].find('}').unwrap() + body_start;
        for item in rest[body_start..body_end].split(',') {
            if let Some((name, value)) = item.split_once('=') {
                out.insert(name.trim().to_string(), value.trim().parse().unwrap());
            }
        }
        rest = &rest[body_end..];
    }
    out
}

fn rust_constants(src: &str) -> BTreeMap<String, i64> {
    let mut out = BTreeMap::new();
    for line in src.lines() {
        let line = line.trim();
        let Some(decl) = line.strip_prefix("pub const YV_") else {
            continue;
        };
        let (name, value) = decl.split_once(':').unwrap();
        let ty_value = value.split_once('=').unwrap();
        if [
            "yv_status",
            "yv_environment",
            "yv_auth_mode",
            "yv_log_level",
        ]
        .contains(&ty_value.0.trim())
        {
            let v = ty_value.1.trim().trim_end_matches(';');
            out.insert(format!("YV_{name}"), v.parse().unwrap());
        }
    }
    out
}

#[test]
fn every_function_matches_the_header() {
    let c = header_functions(&strip_c_comments(&header()));
    let rust = rust_functions(&rust_source());
    assert!(c.len() > 100, "parsed only {} C functions", c.len());
    let c_names: Vec<_> = c.keys().collect();
    let rust_names: Vec<_> = rust.keys().collect();
    assert_eq!(c_names, rust_names, "function sets differ");
    for (name, sig) in &c {
        assert_eq!(
            &rust[name], sig,
            "{name}: Rust declaration differs from yativo.h"
        );
    }
}

#[test]
fn every_enum_constant_matches_the_header() {
    let c = header_constants(&strip_c_comments(&header()));
    let rust = rust_constants(&rust_source());
    assert!(c.len() >= 27, "parsed only {} C constants", c.len());
    assert_eq!(c, rust);
}

#[test]
fn every_opaque_type_is_declared() {
    let code = strip_c_comments(&header());
    let src = rust_source();
    for part in code.split("typedef struct ").skip(1) {
        let name = part.split_whitespace().next().unwrap();
        assert!(
            src.contains(&format!("pub struct {name} ")),
            "{name} not declared"
        );
    }
}

#[test]
fn version_macros_match_the_header() {
    let code = header();
    for (name, value) in [
        ("YV_VERSION_MAJOR", yativo_sys::YV_VERSION_MAJOR.to_string()),
        ("YV_VERSION_MINOR", yativo_sys::YV_VERSION_MINOR.to_string()),
        ("YV_VERSION_PATCH", yativo_sys::YV_VERSION_PATCH.to_string()),
        (
            "YV_VERSION_STRING",
            format!("\"{}\"", yativo_sys::YV_VERSION_STRING),
        ),
        (
            "YV_TOTP_CODE_SIZE",
            yativo_sys::YV_TOTP_CODE_SIZE.to_string(),
        ),
    ] {
        assert!(
            code.contains(&format!("#define {name} {value}\n")),
            "{name} is not {value} in yativo.h"
        );
    }
    assert!(code.contains("#define YV_NOW ((int64_t)-1)"));
    assert_eq!(yativo_sys::YV_NOW, -1);
}

/// The linked library agrees with the declared numbers: yv_status_str names each constant.
#[test]
fn linked_library_names_every_status() {
    let rust = rust_constants(&rust_source());
    for (name, value) in rust
        .iter()
        .filter(|(n, _)| n.starts_with("YV_E_") || *n == "YV_OK")
    {
        let s = unsafe { std::ffi::CStr::from_ptr(yativo_sys::yv_status_str(*value as i32)) };
        let expected = name.trim_start_matches("YV_E_").trim_start_matches("YV_");
        assert_eq!(s.to_str().unwrap(), expected);
    }
    let version = unsafe { std::ffi::CStr::from_ptr(yativo_sys::yv_version()) };
    assert_eq!(version.to_str().unwrap(), yativo_sys::YV_VERSION_STRING);
}
