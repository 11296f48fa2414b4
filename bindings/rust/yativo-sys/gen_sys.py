#!/usr/bin/env python3
"""Writes src/lib.rs (the raw declarations of capi/include/yativo.h) once, by hand, when the
header changes: `python3 gen_sys.py > src/lib.rs && cargo fmt`. Not run by the build.
tests/header.rs checks the committed declarations against the header on every `cargo test`."""
import pathlib
import re

HEADER = pathlib.Path(__file__).resolve().parents[3] / "capi/include/yativo.h"
text = HEADER.read_text()
code = re.sub(r"/\*.*?\*/", "", text, flags=re.S)

SCALARS = {"uint32_t": "u32", "uint64_t": "u64", "int64_t": "i64", "size_t": "usize",
           "bool": "bool", "int": "c_int", "char": "c_char", "uint8_t": "u8", "void": "c_void"}


def rust_type(c):
    c = c.strip()
    if c in ("yv_log_fn", "yv_free_fn"):
        return f"Option<{c}>"
    m = re.fullmatch(r"(const\s+)?(\w+)\s*((?:\*\s*(?:const\s*)?)*)", c)
    const, base, stars = m.group(1), m.group(2), m.group(3)
    base = SCALARS.get(base, base)
    ptrs = re.findall(r"\*\s*(const)?", stars)
    if not ptrs:
        return base
    out = base
    # innermost pointer takes the leading const; outer pointers take the `* const` qualifiers
    quals = [bool(const)] + [bool(q) for q in ptrs[:-1]]
    for q in quals:
        out = ("*const " if q else "*mut ") + out
    return out


def split_param(p):
    p = p.strip()
    m = re.fullmatch(r"(.*?[\s*])(\w+)", p)
    name = m.group(2)
    return (name + "_" if name in ("fn", "type", "ref", "mod", "in") else name), m.group(1)


out = ["//! Raw declarations of `yativo.h`, the C ABI of libyativo. Generated once by `gen_sys.py`",
       "//! and committed; `tests/header.rs` checks them against the header.",
       "#![allow(non_camel_case_types)]", "",
       "use std::os::raw::{c_char, c_int, c_void};", ""]
for m in re.finditer(r"#define (YV_VERSION_\w+|YV_TOTP_CODE_SIZE|YV_NOW)\s+(.+)", code):
    name, val = m.groups()
    val = val.strip()
    if val.startswith('"'):
        out.append(f"pub const {name}: &str = {val};")
    elif name == "YV_NOW":
        out.append("pub const YV_NOW: i64 = -1;")
    elif name == "YV_TOTP_CODE_SIZE":
        out.append(f"pub const {name}: usize = {val};")
    else:
        out.append(f"pub const {name}: u32 = {val};")
out.append("")
for m in re.finditer(r"typedef enum (\w+)\s*\{(.*?)\}\s*\w+;", code, re.S | re.M):
    name, body = m.groups()
    out.append(f"pub type {name} = c_int;")
    for em in re.finditer(r"(\w+)\s*=\s*(\d+)", body):
        out.append(f"pub const {em.group(1)}: {name} = {em.group(2)};")
    out.append("")
for m in re.finditer(r"typedef struct (\w+) \w+;", code):
    out.append("#[repr(C)]")
    out.append(f"pub struct {m.group(1)} {{ _private: [u8; 0], _pinned: core::marker::PhantomData<(*mut u8, core::marker::PhantomPinned)> }}")
out.append("")
for m in re.finditer(r"typedef (\w+) \(\*(\w+)\)\((.*?)\);", code, re.S | re.M):
    ret, name, params = m.groups()
    args = ", ".join(f"{n}: {rust_type(t)}" for n, t in map(split_param, params.split(",")))
    r = "" if ret == "void" else f" -> {rust_type(ret)}"
    out.append(f'pub type {name} = unsafe extern "C" fn({args}){r};')
out.append("")
out.append('#[link(name = "yativo")]')
out.append('unsafe extern "C" {')
for m in re.finditer(r"^YV_API\s+([^;{}#]*?)\s*\b(yv_\w+)\((.*?)\);", code, re.S | re.M):
    ret, name, params = m.groups()
    params = " ".join(params.split())
    if params == "void":
        args = ""
    else:
        args = ", ".join(f"{n}: {rust_type(t)}" for n, t in map(split_param, params.split(",")))
    ret = " ".join(ret.split())
    r = "" if ret == "void" else f" -> {rust_type(ret.replace(' *', '*').replace('*', ' *'))}"
    out.append(f"    pub fn {name}({args}){r};")
out.append("}")
print("\n".join(out))
