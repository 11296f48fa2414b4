use std::ptr;
use std::sync::Arc;
use std::time::Duration;

use yativo_sys as sys;

use crate::error::Result;
use crate::ffi::{c_string, check, millis, SecretCString};
use crate::secret::Secret;

/// Per-call options: deadline, idempotency key, 2FA code, cancellation, envelope. Unset fields
/// take the client's settings (and the core's defaults).
///
/// ```
/// use std::time::Duration;
/// let cancel = yativo::CancelToken::new();
/// let opts = yativo::CallOptions::new()
///     .timeout(Duration::from_secs(5))
///     .idempotency_key("order-42")
///     .totp_code("123456")
///     .cancel(&cancel)
///     .envelope(true);
/// assert!(format!("{opts:?}").contains("***"));
/// ```
#[derive(Clone, Debug, Default)]
pub struct CallOptions {
    timeout: Option<Duration>,
    idempotency_key: Option<String>,
    totp_code: Option<Secret>,
    cancel: Option<CancelToken>,
    envelope: bool,
}

impl CallOptions {
    pub fn new() -> Self {
        Self::default()
    }

    /// Total deadline of the call (token refresh, retries and waits included).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// `Idempotency-Key` of a write; send-funds generates one when none is given.
    pub fn idempotency_key(mut self, key: impl Into<String>) -> Self {
        self.idempotency_key = Some(key.into());
        self
    }

    /// An explicit 2FA code; otherwise the client's TOTP secret computes one.
    pub fn totp_code(mut self, code: impl Into<Secret>) -> Self {
        self.totp_code = Some(code.into());
        self
    }

    /// Ends the call with `ErrorKind::Cancelled` once `token` is triggered.
    pub fn cancel(mut self, token: &CancelToken) -> Self {
        self.cancel = Some(token.clone());
        self
    }

    /// With `true`, a call that returns its payload as JSON ([`Client::request`](crate::Client::request),
    /// `gas_price`) returns the whole answer instead: the envelope with `data` and its siblings
    /// (`message`, `pagination`, ...). An answer without an envelope is returned as it is. Calls
    /// that return records (and [`TransactionIter`](crate::TransactionIter)) are not affected.
    pub fn envelope(mut self, envelope: bool) -> Self {
        self.envelope = envelope;
        self
    }

    fn is_default(&self) -> bool {
        self.timeout.is_none()
            && self.idempotency_key.is_none()
            && self.totp_code.is_none()
            && self.cancel.is_none()
            && !self.envelope
    }

    /// The `yv_call` for these options, or none when every field is unset.
    pub(crate) fn to_raw(&self) -> Result<RawCall> {
        if self.is_default() {
            return Ok(RawCall(ptr::null_mut()));
        }
        let mut raw = RawCall(ptr::null_mut());
        check(|err| unsafe { sys::yv_call_new(&mut raw.0, err) })?;
        if let Some(timeout) = self.timeout {
            check(|err| unsafe { sys::yv_call_set_timeout_ms(raw.0, millis(timeout), err) })?;
        }
        if let Some(key) = &self.idempotency_key {
            let key = c_string(key, "idempotency key")?;
            check(|err| unsafe { sys::yv_call_set_idempotency_key(raw.0, key.as_ptr(), err) })?;
        }
        if let Some(code) = &self.totp_code {
            let code = SecretCString::new(code.expose(), "2FA code")?;
            check(|err| unsafe { sys::yv_call_set_totp_code(raw.0, code.as_ptr(), err) })?;
        }
        if let Some(cancel) = &self.cancel {
            check(|err| unsafe { sys::yv_call_set_cancel(raw.0, cancel.inner.0, err) })?;
        }
        if self.envelope {
            check(|err| unsafe { sys::yv_call_set_envelope(raw.0, true, err) })?;
        }
        Ok(raw)
    }
}

/// An owned `yv_call` (NULL = defaults).
pub(crate) struct RawCall(*mut sys::yv_call);

impl RawCall {
    pub(crate) fn as_ptr(&self) -> *const sys::yv_call {
        self.0
    }
}

impl Drop for RawCall {
    fn drop(&mut self) {
        unsafe { sys::yv_call_free(self.0) };
    }
}

/// A cancellation token: pass it in [`CallOptions::cancel`], trigger it from any thread, and
/// the calls watching it end promptly with `ErrorKind::Cancelled`. Once triggered it stays
/// triggered. Clones share one token.
///
/// ```
/// let token = yativo::CancelToken::new();
/// let remote = token.clone();
/// std::thread::spawn(move || remote.cancel()).join().unwrap();
/// assert!(token.is_cancelled());
/// ```
#[derive(Clone)]
pub struct CancelToken {
    inner: Arc<RawCancel>,
}

struct RawCancel(*mut sys::yv_cancel);

// SAFETY: yativo.h: yv_cancel_trigger may be called from any thread, yv_cancel_is_triggered
// reads an atomic flag, and destructors may run on any thread.
unsafe impl Send for RawCancel {}
unsafe impl Sync for RawCancel {}

impl Drop for RawCancel {
    fn drop(&mut self) {
        unsafe { sys::yv_cancel_free(self.0) };
    }
}

impl CancelToken {
    /// A new, untriggered token.
    ///
    /// # Panics
    /// When the library cannot allocate it (out of memory).
    pub fn new() -> Self {
        let mut raw = ptr::null_mut();
        check(|err| unsafe { sys::yv_cancel_new(&mut raw, err) })
            .unwrap_or_else(|e| panic!("yv_cancel_new: {e}"));
        CancelToken {
            inner: Arc::new(RawCancel(raw)),
        }
    }

    /// Triggers the token. Thread-safe, idempotent.
    pub fn cancel(&self) {
        unsafe { sys::yv_cancel_trigger(self.inner.0) };
    }

    pub fn is_cancelled(&self) -> bool {
        unsafe { sys::yv_cancel_is_triggered(self.inner.0) }
    }
}

impl Default for CancelToken {
    fn default() -> Self {
        Self::new()
    }
}

impl std::fmt::Debug for CancelToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CancelToken")
            .field("cancelled", &self.is_cancelled())
            .finish()
    }
}
