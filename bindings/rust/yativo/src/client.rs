use std::ptr::{self, NonNull};

use serde_json::Value;
use yativo_sys as sys;

use crate::builder::ClientBuilder;
use crate::call::CallOptions;
use crate::error::Result;
use crate::ffi::{c_string, check, Buffer, SecretCString};
use crate::keys::AccessToken;
// BEGIN GENERATED: group handles (python3 -m codegen; do not edit)
use crate::keys::ApiKeys;
use crate::resources::{
    Accounts, Analytics, Assets, AutoForwarding, Balances, CardIssuer, Cards, Customers, Iban,
    Sessions, Swap, Transactions,
};
use crate::webhooks::Webhooks;
// END GENERATED: group handles

/// `X-RateLimit-*` of the last response that carried any of them; a header that response did
/// not carry is -1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RateLimit {
    pub limit: i64,
    pub remaining: i64,
    /// Unix seconds when the window ends.
    pub reset: i64,
}

/// A client of the Yativo Crypto API.
///
/// `Client` is `Send + Sync`: share one in an `Arc` across threads (one token cache, one
/// connection pool, single-flight token refresh). Dropping it frees the C client.
///
/// ```no_run
/// # fn main() -> yativo::Result<()> {
/// let client = yativo::Client::builder()
///     .api_key("yativo_...", "secret")
///     .base_url("http://127.0.0.1:8080/api/v1")
///     .build()?;
/// for account in client.accounts().list()? {
///     println!("{} {:?} {:?} assets", account.id, account.name, account.assets);
/// }
/// # Ok(())
/// # }
/// ```
pub struct Client {
    raw: NonNull<sys::yv_client>,
}

// SAFETY: yativo.h: "One yv_client is safe to share: any number of threads may call it at
// once", and destructors may run on any thread. Every &self method only makes such calls.
unsafe impl Send for Client {}
unsafe impl Sync for Client {}

impl Drop for Client {
    fn drop(&mut self) {
        // &mut self: no call on this client is in flight.
        unsafe { sys::yv_client_free(self.raw.as_ptr()) };
    }
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.base_url())
            .finish_non_exhaustive()
    }
}

impl Client {
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// Takes ownership of a client from `yv_client_new`.
    ///
    /// # Safety
    /// `raw` must be a live client that nothing else frees.
    pub(crate) unsafe fn from_raw(raw: NonNull<sys::yv_client>) -> Self {
        Client { raw }
    }

    pub(crate) fn as_ptr(&self) -> *mut sys::yv_client {
        self.raw.as_ptr()
    }

    /// Runs a call that fills a `yv_buffer` and parses the payload.
    pub(crate) fn json_call(
        &self,
        opts: Option<&CallOptions>,
        f: impl FnOnce(
            *const sys::yv_call,
            *mut *mut sys::yv_buffer,
            *mut *mut sys::yv_error,
        ) -> sys::yv_status,
    ) -> Result<Value> {
        let call = opts.map(CallOptions::to_raw).transpose()?;
        let call_ptr = call.as_ref().map_or(ptr::null(), |c| c.as_ptr());
        let mut out = Buffer::null();
        check(|err| f(call_ptr, &mut out.0, err))?;
        out.json()
    }

    /// Runs a call that returns nothing but a status.
    pub(crate) fn unit_call(
        &self,
        opts: Option<&CallOptions>,
        f: impl FnOnce(*const sys::yv_call, *mut *mut sys::yv_error) -> sys::yv_status,
    ) -> Result<()> {
        let call = opts.map(CallOptions::to_raw).transpose()?;
        let call_ptr = call.as_ref().map_or(ptr::null(), |c| c.as_ptr());
        check(|err| f(call_ptr, err))
    }

    /// The normalised base URL.
    pub fn base_url(&self) -> String {
        unsafe { crate::ffi::string(sys::yv_client_base_url(self.as_ptr())) }
    }

    /// Replaces key + secret for every later call (thread-safe); the cached token is dropped.
    pub fn set_credentials(&self, api_key: &str, api_secret: &str) -> Result<()> {
        let key = c_string(api_key, "API key")?;
        let secret = SecretCString::new(api_secret, "API secret")?;
        check(|err| unsafe {
            sys::yv_client_set_credentials(self.as_ptr(), key.as_ptr(), secret.as_ptr(), err)
        })
    }

    /// Replaces the bearer token of [`AuthMode::Bearer`](crate::AuthMode::Bearer).
    pub fn set_access_token(&self, token: &str) -> Result<()> {
        let token = SecretCString::new(token, "access token")?;
        check(|err| unsafe { sys::yv_client_set_access_token(self.as_ptr(), token.as_ptr(), err) })
    }

    /// `X-RateLimit-*` of the last response that carried any of them (Remaining and Reset
    /// count without Limit); `None` before any did.
    pub fn rate_limit(&self) -> Option<RateLimit> {
        let (mut limit, mut remaining, mut reset) = (-1i64, -1i64, -1i64);
        let ok = check(|err| unsafe {
            sys::yv_client_rate_limit(self.as_ptr(), &mut limit, &mut remaining, &mut reset, err)
        });
        (ok.is_ok() && (limit >= 0 || remaining >= 0 || reset >= 0)).then_some(RateLimit {
            limit,
            remaining,
            reset,
        })
    }

    /// Any endpoint: `method` is GET, POST, PUT, PATCH or DELETE, `path` is relative to the
    /// base URL. Returns the payload (`data` of the envelope, else the whole body), or the whole
    /// answer with [`CallOptions::envelope`].
    pub fn request(
        &self,
        method: &str,
        path: &str,
        body: Option<&Value>,
        opts: &CallOptions,
    ) -> Result<Value> {
        let method = c_string(method, "method")?;
        let path = c_string(path, "path")?;
        let body = body.map(|b| b.to_string());
        let (body_ptr, body_len) = body.as_ref().map_or((ptr::null(), 0), |b| {
            (b.as_ptr() as *const std::os::raw::c_char, b.len())
        });
        self.json_call(Some(opts), |call, out, err| unsafe {
            sys::yv_client_request(
                self.as_ptr(),
                method.as_ptr(),
                path.as_ptr(),
                body_ptr,
                body_len,
                call,
                out,
                err,
            )
        })
    }

    /// The current access token (exchanged now when none is cached and valid).
    pub fn token(&self) -> Result<AccessToken> {
        self.token_with(&CallOptions::default())
    }

    /// [`Client::token`] with per-call options.
    pub fn token_with(&self, opts: &CallOptions) -> Result<AccessToken> {
        let call = opts.to_raw()?;
        let mut out = ptr::null_mut();
        check(|err| unsafe { sys::yv_client_token(self.as_ptr(), call.as_ptr(), &mut out, err) })?;
        // SAFETY: out is a token we own.
        Ok(unsafe { AccessToken::from_raw(out) })
    }

    // BEGIN GENERATED: group accessors (python3 -m codegen; do not edit)

    /// API keys: create, list, get, rotate, update permissions, revoke.
    pub fn api_keys(&self) -> ApiKeys<'_> {
        ApiKeys::new(self)
    }

    pub fn accounts(&self) -> Accounts<'_> {
        Accounts::new(self)
    }

    pub fn assets(&self) -> Assets<'_> {
        Assets::new(self)
    }

    pub fn balance(&self) -> Balances<'_> {
        Balances::new(self)
    }

    pub fn transactions(&self) -> Transactions<'_> {
        Transactions::new(self)
    }

    pub fn webhooks(&self) -> Webhooks<'_> {
        Webhooks::new(self)
    }

    /// Analytics: transaction and dashboard totals.
    pub fn analytics(&self) -> Analytics<'_> {
        Analytics::new(self)
    }

    /// Auto-forwarding rules: list, get, create, update, delete.
    pub fn auto_forwarding(&self) -> AutoForwarding<'_> {
        AutoForwarding::new(self)
    }

    /// Card-issuer program: apply, status, wallets, fund customers (moves value), deposits and
    /// history.
    pub fn card_issuer(&self) -> CardIssuer<'_> {
        CardIssuer::new(self)
    }

    /// Yativo cards: onboarding, cards, transactions, disputes, limits, customers' cards,
    /// physical orders, IBAN.
    pub fn cards(&self) -> Cards<'_> {
        Cards::new(self)
    }

    /// Customers: create, list, and their transactions.
    pub fn customers(&self) -> Customers<'_> {
        Customers::new(self)
    }

    /// Standalone IBAN: options, onboarding, KYC, request and status.
    pub fn iban(&self) -> Iban<'_> {
        Iban::new(self)
    }

    /// Session sign-in: register, sign in, verify the OTP or 2FA code, passkeys.
    pub fn session(&self) -> Sessions<'_> {
        Sessions::new(self)
    }

    /// Swaps: assets, routes, quote, execute (moves value, 2FA) and history.
    pub fn swap(&self) -> Swap<'_> {
        Swap::new(self)
    }
    // END GENERATED: group accessors
}
