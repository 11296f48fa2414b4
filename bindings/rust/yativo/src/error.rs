use std::fmt;
use std::time::Duration;

use serde_json::Value;
use yativo_sys as sys;

pub use crate::kind::ErrorKind;

/// `Result` with [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A failure of a libyativo call, with every field the library reports.
///
/// `kind()` tells what happened; the other accessors give the details the server or the
/// transport supplied (absent ones are `None`). Messages never contain a secret.
///
/// ```
/// # fn demo(client: &yativo::Client) {
/// match client.balance().check("ast_123") {
///     Ok(balance) => println!("{}", balance.balance),
///     Err(e) if e.kind() == yativo::ErrorKind::RateLimited => {
///         println!("retry in {:?}", e.retry_after());
///     }
///     Err(e) => eprintln!("{e}"),
/// }
/// # }
/// ```
#[derive(Clone)]
pub struct Error {
    // Boxed: a Result<T, Error> stays two words wide on the success path.
    inner: Box<Inner>,
}

#[derive(Clone)]
struct Inner {
    code: i32,
    kind: ErrorKind,
    message: String,
    http_status: Option<u16>,
    error_code: Option<String>,
    details: Option<Value>,
    request_id: Option<String>,
    retry_after: Option<Duration>,
    existing_transaction_id: Option<String>,
    idempotency_key: Option<String>,
    outcome_unknown: bool,
    retryable: bool,
}

impl Error {
    /// An error raised on the Rust side (an interior NUL in a string, a payload that is not
    /// JSON): same shape as the library's, without server fields.
    pub(crate) fn local(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error::from_inner(Inner {
            code: kind.code(),
            kind,
            message: message.into(),
            http_status: None,
            error_code: None,
            details: None,
            request_id: None,
            retry_after: None,
            existing_transaction_id: None,
            idempotency_key: None,
            outcome_unknown: false,
            retryable: false,
        })
    }

    fn from_inner(inner: Inner) -> Self {
        Error {
            inner: Box::new(inner),
        }
    }

    /// Reads every field of `err` and frees it.
    ///
    /// # Safety
    /// `err` is NULL or an error object owned by the caller, not used afterwards.
    pub(crate) unsafe fn from_raw(status: sys::yv_status, err: *mut sys::yv_error) -> Self {
        use crate::ffi::{opt_string, string};
        let raw = if err.is_null() {
            status
        } else {
            sys::yv_error_code(err)
        };
        // yv_status is C's enum, unsigned for the compiler; every number of the table fits i32.
        let code = raw as i32;
        let kind = ErrorKind::from_code(code).unwrap_or(ErrorKind::Internal);
        if err.is_null() {
            let name = string(sys::yv_status_str(status));
            return Error::local(kind, name);
        }
        let http = sys::yv_error_http_status(err);
        let retry_ms = sys::yv_error_retry_after_ms(err);
        let details = opt_string(sys::yv_error_details_json(err))
            .map(|text| serde_json::from_str(&text).unwrap_or(Value::String(text)));
        let e = Error::from_inner(Inner {
            code,
            kind,
            message: string(sys::yv_error_message(err)),
            http_status: u16::try_from(http).ok().filter(|s| *s != 0),
            error_code: opt_string(sys::yv_error_error_code(err)),
            details,
            request_id: opt_string(sys::yv_error_request_id(err)),
            retry_after: u64::try_from(retry_ms).ok().map(Duration::from_millis),
            existing_transaction_id: opt_string(sys::yv_error_existing_transaction_id(err)),
            idempotency_key: opt_string(sys::yv_error_idempotency_key(err)),
            outcome_unknown: sys::yv_error_outcome_unknown(err),
            retryable: sys::yv_error_retryable(err),
        });
        sys::yv_error_free(err);
        e
    }

    /// What went wrong.
    pub fn kind(&self) -> ErrorKind {
        self.inner.kind
    }

    /// The raw status number (`yv_status`); differs from `kind().code()` only for a code this
    /// crate does not know (then `kind()` is `Internal`).
    pub fn status_code(&self) -> i32 {
        self.inner.code
    }

    /// One line, never a secret.
    pub fn message(&self) -> &str {
        &self.inner.message
    }

    /// The HTTP status of the failing response; `None` when no response arrived.
    pub fn http_status(&self) -> Option<u16> {
        self.inner.http_status
    }

    /// The server's machine code (`"insufficient_balance"`, `"two_factor_invalid"`, …).
    pub fn error_code(&self) -> Option<&str> {
        self.inner.error_code.as_deref()
    }

    /// The server's `details`.
    pub fn details(&self) -> Option<&Value> {
        self.inner.details.as_ref()
    }

    /// `X-Request-Id` of the failing response.
    pub fn request_id(&self) -> Option<&str> {
        self.inner.request_id.as_deref()
    }

    /// How long the server asked to wait (`Retry-After` or the body's `retry_after`).
    pub fn retry_after(&self) -> Option<Duration> {
        self.inner.retry_after
    }

    /// On `Conflict`: the transaction the idempotency key already belongs to.
    pub fn existing_transaction_id(&self) -> Option<&str> {
        self.inner.existing_transaction_id.as_deref()
    }

    /// The `Idempotency-Key` the failing write carried (always set for send-funds).
    pub fn idempotency_key(&self) -> Option<&str> {
        self.inner.idempotency_key.as_deref()
    }

    /// True when the request may have been processed (timeout, dropped connection, 5xx after
    /// retries): retry with the same idempotency key.
    pub fn outcome_unknown(&self) -> bool {
        self.inner.outcome_unknown
    }

    /// True when a later identical call may succeed.
    pub fn retryable(&self) -> bool {
        self.inner.retryable
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({}", self.inner.message, self.inner.kind.name())?;
        if let Some(status) = self.inner.http_status {
            write!(f, ", HTTP {status}")?;
        }
        if let Some(code) = &self.inner.error_code {
            write!(f, ", {code}")?;
        }
        if let Some(id) = &self.inner.request_id {
            write!(f, ", request {id}")?;
        }
        f.write_str(")")
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = &self.inner;
        f.debug_struct("Error")
            .field("kind", &e.kind)
            .field("message", &e.message)
            .field("http_status", &e.http_status)
            .field("error_code", &e.error_code)
            .field("details", &e.details)
            .field("request_id", &e.request_id)
            .field("retry_after", &e.retry_after)
            .field("existing_transaction_id", &e.existing_transaction_id)
            .field("idempotency_key", &e.idempotency_key)
            .field("outcome_unknown", &e.outcome_unknown)
            .field("retryable", &e.retryable)
            .finish()
    }
}

impl std::error::Error for Error {}
