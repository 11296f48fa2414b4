// @generated from core/include/yativo/status.def by tests/status_table.rs
// (`YATIVO_BLESS=1 cargo test --test status_table`). Do not edit.

/// What went wrong: one variant per failure code of libyativo's status table
/// (numbers never change; new kinds may be added, hence `#[non_exhaustive]`).
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// Bad input caught before any I/O: a NULL or empty required argument, bad base32, limit above 100, a float-like or negative amount, http:// to a non-loopback host.
    InvalidArgument,
    /// HTTP 401 that is not a 2FA answer, after one token re-exchange; or a token exchange refused.
    Authentication,
    /// HTTP 401 two_factor_required / two_factor_invalid (after one retry on the next TOTP step), or a 2FA call made without a code or TOTP source.
    TwoFactorRequired,
    /// HTTP 403: the credential lacks the scope the call needs.
    PermissionDenied,
    /// HTTP 404, 405 (no such operation at that path) or 410.
    NotFound,
    /// HTTP 409, an idempotency key reused for a different request; existing_transaction_id tells which.
    Conflict,
    /// HTTP 400, 422 or another 4xx not listed here (413 payload too large, 415, ...): the server refused the request as sent (insufficient_balance, validation_error), or a 2xx whose body says status:false. Not retryable.
    Validation,
    /// HTTP 429 after retries, or when waiting would pass the deadline; retry_after tells how long to wait.
    RateLimited,
    /// HTTP 5xx after retries. Retryable when 500, 502, 503 or 504.
    Server,
    /// The connection failed or was dropped (refused, reset, closed before an answer).
    Network,
    /// The attempt timeout or the call's total deadline passed, or HTTP 408 (the server gave up waiting for the request, which it did not process).
    Timeout,
    /// TLS handshake or certificate verification failed.
    Tls,
    /// The response is not the JSON the call expects (truncated, not JSON, wrong shape), or a redirect (3xx, never followed).
    Protocol,
    /// A webhook signature that does not verify, is missing, or has a stale timestamp; or a replay of an event id a WebhookVerifier already accepted (error_code webhook_replay).
    SignatureInvalid,
    /// The call's cancellation token was triggered.
    Cancelled,
    /// Memory allocation failed. After a call that may have changed something, the error still carries the idempotency key and outcome_unknown.
    NoMemory,
    /// A bug in libyativo; please report it.
    Internal,
}

impl ErrorKind {
    /// Every kind, in table order.
    pub const ALL: &'static [ErrorKind] = &[
        ErrorKind::InvalidArgument,
        ErrorKind::Authentication,
        ErrorKind::TwoFactorRequired,
        ErrorKind::PermissionDenied,
        ErrorKind::NotFound,
        ErrorKind::Conflict,
        ErrorKind::Validation,
        ErrorKind::RateLimited,
        ErrorKind::Server,
        ErrorKind::Network,
        ErrorKind::Timeout,
        ErrorKind::Tls,
        ErrorKind::Protocol,
        ErrorKind::SignatureInvalid,
        ErrorKind::Cancelled,
        ErrorKind::NoMemory,
        ErrorKind::Internal,
    ];

    /// The status number (`yv_status`), stable across versions.
    pub const fn code(self) -> i32 {
        match self {
            ErrorKind::InvalidArgument => 100,
            ErrorKind::Authentication => 200,
            ErrorKind::TwoFactorRequired => 201,
            ErrorKind::PermissionDenied => 202,
            ErrorKind::NotFound => 203,
            ErrorKind::Conflict => 204,
            ErrorKind::Validation => 205,
            ErrorKind::RateLimited => 206,
            ErrorKind::Server => 207,
            ErrorKind::Network => 300,
            ErrorKind::Timeout => 301,
            ErrorKind::Tls => 302,
            ErrorKind::Protocol => 303,
            ErrorKind::SignatureInvalid => 400,
            ErrorKind::Cancelled => 500,
            ErrorKind::NoMemory => 501,
            ErrorKind::Internal => 502,
        }
    }

    /// The table's name of the kind (`"RATE_LIMITED"`).
    pub const fn name(self) -> &'static str {
        match self {
            ErrorKind::InvalidArgument => "INVALID_ARGUMENT",
            ErrorKind::Authentication => "AUTHENTICATION",
            ErrorKind::TwoFactorRequired => "TWO_FACTOR_REQUIRED",
            ErrorKind::PermissionDenied => "PERMISSION_DENIED",
            ErrorKind::NotFound => "NOT_FOUND",
            ErrorKind::Conflict => "CONFLICT",
            ErrorKind::Validation => "VALIDATION",
            ErrorKind::RateLimited => "RATE_LIMITED",
            ErrorKind::Server => "SERVER",
            ErrorKind::Network => "NETWORK",
            ErrorKind::Timeout => "TIMEOUT",
            ErrorKind::Tls => "TLS",
            ErrorKind::Protocol => "PROTOCOL",
            ErrorKind::SignatureInvalid => "SIGNATURE_INVALID",
            ErrorKind::Cancelled => "CANCELLED",
            ErrorKind::NoMemory => "NO_MEMORY",
            ErrorKind::Internal => "INTERNAL",
        }
    }

    /// The kind of a status number; `None` for success and for numbers this version
    /// does not know.
    pub const fn from_code(code: i32) -> Option<ErrorKind> {
        match code {
            100 => Some(ErrorKind::InvalidArgument),
            200 => Some(ErrorKind::Authentication),
            201 => Some(ErrorKind::TwoFactorRequired),
            202 => Some(ErrorKind::PermissionDenied),
            203 => Some(ErrorKind::NotFound),
            204 => Some(ErrorKind::Conflict),
            205 => Some(ErrorKind::Validation),
            206 => Some(ErrorKind::RateLimited),
            207 => Some(ErrorKind::Server),
            300 => Some(ErrorKind::Network),
            301 => Some(ErrorKind::Timeout),
            302 => Some(ErrorKind::Tls),
            303 => Some(ErrorKind::Protocol),
            400 => Some(ErrorKind::SignatureInvalid),
            500 => Some(ErrorKind::Cancelled),
            501 => Some(ErrorKind::NoMemory),
            502 => Some(ErrorKind::Internal),
            _ => None,
        }
    }
}
