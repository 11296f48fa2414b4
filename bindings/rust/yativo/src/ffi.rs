//! Conversions at the C boundary. Every `unsafe` block of the crate goes through these helpers
//! or sits next to the one C call it makes.

use std::ffi::{CStr, CString};
use std::os::raw::c_char;
use std::ptr;

use serde_json::Value;
use yativo_sys as sys;
use zeroize::Zeroize;

use crate::error::{Error, ErrorKind, Result};
use crate::raw::Raw;

/// A NUL-terminated copy of `value` for C; an interior NUL is INVALID_ARGUMENT.
pub(crate) fn c_string(value: &str, what: &str) -> Result<CString> {
    CString::new(value).map_err(|_| {
        Error::local(
            ErrorKind::InvalidArgument,
            format!("{what} contains a NUL byte"),
        )
    })
}

/// A C copy of a secret, wiped when dropped (the library copies what it is given).
pub(crate) struct SecretCString(CString);

impl SecretCString {
    pub(crate) fn new(value: &str, what: &str) -> Result<Self> {
        c_string(value, what).map(SecretCString)
    }

    pub(crate) fn as_ptr(&self) -> *const c_char {
        self.0.as_ptr()
    }
}

impl Drop for SecretCString {
    fn drop(&mut self) {
        std::mem::take(&mut self.0).into_bytes().zeroize();
    }
}

/// A list of strings as C wants it: the CStrings and an array of pointers into them.
pub(crate) struct CStringArray {
    _owned: Vec<CString>,
    ptrs: Vec<*const c_char>,
}

// SAFETY: the pointers point into the CStrings it owns (heap data that moves with it).
unsafe impl Send for CStringArray {}

impl CStringArray {
    pub(crate) fn new(values: &[&str], what: &str) -> Result<Self> {
        let owned = values
            .iter()
            .map(|v| c_string(v, what))
            .collect::<Result<Vec<_>>>()?;
        let ptrs = owned.iter().map(|c| c.as_ptr()).collect();
        Ok(CStringArray {
            _owned: owned,
            ptrs,
        })
    }

    pub(crate) fn as_ptr(&self) -> *const *const c_char {
        if self.ptrs.is_empty() {
            ptr::null()
        } else {
            self.ptrs.as_ptr()
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.ptrs.len()
    }
}

/// Copies a borrowed C string (NULL → None). Invalid UTF-8 is replaced, never trusted.
///
/// # Safety
/// `p` is NULL or a NUL-terminated string valid for this call.
pub(crate) unsafe fn opt_string(p: *const c_char) -> Option<String> {
    if p.is_null() {
        None
    } else {
        Some(owned(CStr::from_ptr(p)))
    }
}

/// A copy of `s`, invalid UTF-8 replaced. `to_str` first: its validation reads a word at a time,
/// `to_string_lossy`'s a byte at a time (half of what reading a record cost, in callgrind).
fn owned(s: &CStr) -> String {
    match s.to_str() {
        Ok(text) => text.to_owned(),
        Err(_) => s.to_string_lossy().into_owned(),
    }
}

/// As [`opt_string`], "" for NULL.
///
/// # Safety
/// As [`opt_string`].
pub(crate) unsafe fn string(p: *const c_char) -> String {
    opt_string(p).unwrap_or_default()
}

/// Runs one C call that reports through `yv_error **` and turns its status into a Result.
pub(crate) fn check(f: impl FnOnce(*mut *mut sys::yv_error) -> sys::yv_status) -> Result<()> {
    let mut err: *mut sys::yv_error = ptr::null_mut();
    let status = f(&mut err);
    if status == sys::YV_OK {
        if !err.is_null() {
            // Not expected on success; never leak it.
            unsafe { sys::yv_error_free(err) };
        }
        Ok(())
    } else {
        // SAFETY: err is NULL or an error object the call handed to us.
        Err(unsafe { Error::from_raw(status, err) })
    }
}

/// An owned `yv_buffer`, freed (and wiped by the library) on drop.
pub(crate) struct Buffer(pub(crate) *mut sys::yv_buffer);

impl Buffer {
    pub(crate) fn null() -> Self {
        Buffer(ptr::null_mut())
    }

    pub(crate) fn bytes(&self) -> &[u8] {
        // SAFETY: data/len describe the buffer's bytes while it lives; NULL buffer → empty.
        unsafe {
            let data = sys::yv_buffer_data(self.0);
            if data.is_null() {
                return &[];
            }
            std::slice::from_raw_parts(data as *const u8, sys::yv_buffer_len(self.0))
        }
    }

    /// The payload as JSON; a payload that is not JSON is PROTOCOL.
    pub(crate) fn json(&self) -> Result<Value> {
        parse_json(self.bytes())
    }
}

impl Drop for Buffer {
    fn drop(&mut self) {
        unsafe { sys::yv_buffer_free(self.0) };
    }
}

/// The JSON text of a record's `_json` accessor as a value; NULL (the library ran out of memory
/// building it) is `Null`.
///
/// # Safety
/// `p` is NULL or a NUL-terminated string valid for this call.
pub(crate) unsafe fn json_or_null(p: *const c_char) -> Value {
    if p.is_null() {
        return Value::Null;
    }
    // The library wrote it: it is JSON.
    parse_json(CStr::from_ptr(p).to_bytes()).unwrap_or(Value::Null)
}

/// A record's `_json` text, copied once and parsed only when read ([`Raw`]); NULL (the library
/// ran out of memory building it) is `null`.
///
/// # Safety
/// `p` is NULL or a NUL-terminated string valid for this call.
pub(crate) unsafe fn raw_or_null(p: *const c_char) -> Raw {
    if p.is_null() {
        return Raw::null();
    }
    Raw::from_text(owned(CStr::from_ptr(p)))
}

pub(crate) fn parse_json(bytes: &[u8]) -> Result<Value> {
    serde_json::from_slice(bytes)
        .map_err(|e| Error::local(ErrorKind::Protocol, format!("payload is not JSON: {e}")))
}

/// Milliseconds for a C `_ms` setter: rounded up, saturating at u32::MAX.
pub(crate) fn millis(d: std::time::Duration) -> u32 {
    let ms = d.as_nanos().div_ceil(1_000_000);
    u32::try_from(ms).unwrap_or(u32::MAX)
}

/// `Some(s)` as a C string, `None` as no string (NULL: "unset" at the C boundary).
pub(crate) fn opt_c_string(value: Option<&str>, what: &str) -> Result<Option<CString>> {
    value.map(|v| c_string(v, what)).transpose()
}

/// An optional bool for C: `None` is unset (nothing is sent).
pub(crate) fn optional_bool(value: Option<bool>) -> sys::yv_optional_bool {
    match value {
        None => sys::YV_BOOL_UNSET,
        Some(false) => sys::YV_BOOL_FALSE,
        Some(true) => sys::YV_BOOL_TRUE,
    }
}

/// The pointer of an optional C string; NULL for `None`.
pub(crate) fn c_ptr(value: &Option<CString>) -> *const c_char {
    value.as_ref().map_or(ptr::null(), |c| c.as_ptr())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_replace_invalid_utf8() {
        let text = CStr::from_bytes_with_nul(b"caf\xc3\xa9 \xff!\0").unwrap();
        // SAFETY: a NUL-terminated string that outlives the calls.
        unsafe {
            assert_eq!(string(text.as_ptr()), "café \u{FFFD}!");
            assert_eq!(opt_string(ptr::null()), None);
            assert_eq!(raw_or_null(text.as_ptr()).as_str(), "café \u{FFFD}!");
            let json = CStr::from_bytes_with_nul("{\"a\":\"é\"}\0".as_bytes()).unwrap();
            assert_eq!(raw_or_null(json.as_ptr())["a"], "é");
            assert!(raw_or_null(ptr::null()).is_null());
        }
    }
}
