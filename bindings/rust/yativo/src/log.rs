//! The log callback: a boxed Rust closure handed to C as `user_data`, called through an
//! `extern "C"` trampoline that never lets a panic unwind into C.

use std::os::raw::{c_char, c_void};
use std::panic::{catch_unwind, AssertUnwindSafe};

use yativo_sys as sys;

/// Severity of a log line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LogLevel {
    /// Method, path, status, request id, attempt, retry decisions, token refreshes.
    Debug,
    Info,
    Warn,
    Error,
}

impl LogLevel {
    pub(crate) fn to_raw(self) -> sys::yv_log_level {
        match self {
            LogLevel::Debug => sys::YV_LOG_DEBUG,
            LogLevel::Info => sys::YV_LOG_INFO,
            LogLevel::Warn => sys::YV_LOG_WARN,
            LogLevel::Error => sys::YV_LOG_ERROR,
        }
    }

    fn from_raw(level: sys::yv_log_level) -> Self {
        match level {
            sys::YV_LOG_DEBUG => LogLevel::Debug,
            sys::YV_LOG_INFO => LogLevel::Info,
            sys::YV_LOG_WARN => LogLevel::Warn,
            _ => LogLevel::Error,
        }
    }
}

pub(crate) type LogFn = dyn Fn(LogLevel, &str) + Send + Sync + 'static;

/// Boxes `f` for C: the thin pointer to pass as `user_data`, released by [`free_logger`].
pub(crate) fn into_user_data(f: Box<LogFn>) -> *mut c_void {
    Box::into_raw(Box::new(f)) as *mut c_void
}

/// Calls the closure. A panic is caught here and answered with a non-OK status, which
/// switches the callback off for good (yativo.h), so a panicking logger is not called again.
pub(crate) unsafe extern "C" fn log_trampoline(
    level: sys::yv_log_level,
    message: *const c_char,
    message_len: usize,
    user_data: *mut c_void,
) -> sys::yv_status {
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        if user_data.is_null() {
            return;
        }
        // SAFETY: user_data came from into_user_data and lives until free_logger runs;
        // message is message_len bytes, borrowed for this call.
        let f = &*(user_data as *const Box<LogFn>);
        let bytes = if message.is_null() {
            &[][..]
        } else {
            std::slice::from_raw_parts(message as *const u8, message_len)
        };
        f(LogLevel::from_raw(level), &String::from_utf8_lossy(bytes));
    }));
    match outcome {
        Ok(()) => sys::YV_OK,
        Err(_) => sys::YV_E_INTERNAL,
    }
}

/// Drops the boxed closure; runs once, on whichever thread frees the last holder.
pub(crate) unsafe extern "C" fn free_logger(user_data: *mut c_void) {
    if user_data.is_null() {
        return;
    }
    // A Drop impl of something the closure captured may panic: it must not cross into C.
    let _ = catch_unwind(AssertUnwindSafe(|| {
        drop(Box::from_raw(user_data as *mut Box<LogFn>));
    }));
}
