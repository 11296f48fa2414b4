//! [`ClientBuilder`]: every option of a [`Client`], handed to libyativo's typed setters.

use std::ptr::{self, NonNull};
use std::time::Duration;

use yativo_sys as sys;

use crate::client::Client;
use crate::error::{Error, ErrorKind, Result};
use crate::ffi::{c_string, check, millis, SecretCString};
use crate::log::{self, LogFn, LogLevel};
use crate::secret::Secret;

/// Which API a client talks to when no base URL is given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Environment {
    Production,
    Sandbox,
}

/// How a client authenticates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuthMode {
    /// API key + secret exchanged for a cached bearer token (the default).
    Token,
    /// `X-API-Key` + `X-API-Secret` on every request.
    Headers,
    /// A caller-supplied access token (a dashboard session), used as is.
    Bearer,
}

/// Builds a [`Client`]. Every tunable left unset takes libyativo's default.
#[derive(Default)]
pub struct ClientBuilder {
    environment: Option<Environment>,
    base_url: Option<String>,
    auth_mode: Option<AuthMode>,
    api_key: Option<String>,
    api_secret: Option<Secret>,
    access_token: Option<Secret>,
    totp_secret: Option<Secret>,
    totp_period: Option<Duration>,
    totp_use_server_time: Option<bool>,
    use_environment: Option<bool>,
    timeout: Option<Duration>,
    connect_timeout: Option<Duration>,
    attempt_timeout: Option<Duration>,
    max_retries: Option<u32>,
    backoff_base: Option<Duration>,
    backoff_cap: Option<Duration>,
    refresh_margin: Option<Duration>,
    max_response_bytes: Option<u64>,
    ca_file: Option<String>,
    ca_path: Option<String>,
    ca_pem: Option<String>,
    pinned_public_key: Option<String>,
    proxy: Option<String>,
    user_agent: Option<String>,
    logger: Option<(LogLevel, Box<LogFn>)>,
}

impl std::fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("environment", &self.environment)
            .field("base_url", &self.base_url)
            .field("auth_mode", &self.auth_mode)
            .field("api_key", &self.api_key)
            .field("api_secret", &self.api_secret)
            .field("access_token", &self.access_token)
            .field("totp_secret", &self.totp_secret)
            .field("logger", &self.logger.as_ref().map(|(level, _)| level))
            .finish_non_exhaustive()
    }
}

macro_rules! setter {
    ($(#[$doc:meta])* $name:ident: $ty:ty) => {
        $(#[$doc])*
        pub fn $name(mut self, value: $ty) -> Self {
            self.$name = Some(value);
            self
        }
    };
}

impl ClientBuilder {
    setter!(
        /// Production (default) or the hosted sandbox; `base_url` overrides it.
        environment: Environment
    );
    setter!(
        /// How to authenticate; by default token exchange, or bearer when only an access
        /// token is given.
        auth_mode: AuthMode
    );
    setter!(
        /// TOTP step (default 30 s).
        totp_period: Duration
    );
    setter!(
        /// Correct the TOTP clock by the server's `Date` header (default on).
        totp_use_server_time: bool
    );
    setter!(
        /// Read the `YATIVO_*` variables for what was not set (default on).
        use_environment: bool
    );
    setter!(
        /// Total deadline of each call, token refresh, retries and waits included.
        timeout: Duration
    );
    setter!(connect_timeout: Duration);
    setter!(
        /// Timeout of one attempt.
        attempt_timeout: Duration
    );
    setter!(
        /// 0 disables retries.
        max_retries: u32
    );
    setter!(backoff_base: Duration);
    setter!(backoff_cap: Duration);
    setter!(
        /// Refresh a cached token this long before it expires.
        refresh_margin: Duration
    );
    setter!(max_response_bytes: u64);

    /// Custom base URL (`http://` only for loopback hosts).
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }

    /// API key and secret.
    pub fn api_key(mut self, api_key: impl Into<String>, api_secret: impl Into<Secret>) -> Self {
        self.api_key = Some(api_key.into());
        self.api_secret = Some(api_secret.into());
        self
    }

    /// A caller-supplied access token. Without [`ClientBuilder::auth_mode`] the library decides:
    /// a token alone means [`AuthMode::Bearer`]; with an API key too, `build` fails with
    /// `InvalidArgument`.
    pub fn access_token(mut self, token: impl Into<Secret>) -> Self {
        self.access_token = Some(token.into());
        self
    }

    /// Base32 TOTP secret: the source of `X-2FA-Token` codes for key management.
    pub fn totp_secret(mut self, secret: impl Into<Secret>) -> Self {
        self.totp_secret = Some(secret.into());
        self
    }

    /// CA bundle file for TLS verification.
    pub fn ca_file(mut self, path: impl Into<String>) -> Self {
        self.ca_file = Some(path.into());
        self
    }

    /// CA directory for TLS verification.
    pub fn ca_path(mut self, dir: impl Into<String>) -> Self {
        self.ca_path = Some(dir.into());
        self
    }

    /// CA certificates as PEM text.
    pub fn ca_pem(mut self, pem: impl Into<String>) -> Self {
        self.ca_pem = Some(pem.into());
        self
    }

    /// libcurl pin syntax (`sha256//<base64>`).
    pub fn pinned_public_key(mut self, pin: impl Into<String>) -> Self {
        self.pinned_public_key = Some(pin.into());
        self
    }

    pub fn proxy(mut self, proxy: impl Into<String>) -> Self {
        self.proxy = Some(proxy.into());
        self
    }

    /// Appended after `libyativo/VERSION`.
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = Some(user_agent.into());
        self
    }

    /// Sends log lines at `level` and above to `f`. Lines never contain a secret. `f` runs on
    /// the thread making the call, possibly on several at once, and must not call the client.
    /// A panic inside `f` is caught at the C boundary and switches the logger off.
    pub fn logger<F>(mut self, level: LogLevel, f: F) -> Self
    where
        F: Fn(LogLevel, &str) + Send + Sync + 'static,
    {
        self.logger = Some((level, Box::new(f)));
        self
    }

    /// Validates the options and creates the client; no I/O happens here.
    pub fn build(self) -> Result<Client> {
        let opts = RawOptions::new()?;
        let o = opts.0;
        let set_str = |value: &Option<String>,
                       what: &str,
                       f: unsafe extern "C" fn(
            *mut sys::yv_options,
            *const std::os::raw::c_char,
            *mut *mut sys::yv_error,
        ) -> sys::yv_status|
         -> Result<()> {
            if let Some(v) = value {
                let v = c_string(v, what)?;
                check(|err| unsafe { f(o, v.as_ptr(), err) })?;
            }
            Ok(())
        };
        let set_secret = |value: &Option<Secret>,
                          what: &str,
                          f: unsafe extern "C" fn(
            *mut sys::yv_options,
            *const std::os::raw::c_char,
            *mut *mut sys::yv_error,
        ) -> sys::yv_status|
         -> Result<()> {
            if let Some(v) = value {
                let v = SecretCString::new(v.expose(), what)?;
                check(|err| unsafe { f(o, v.as_ptr(), err) })?;
            }
            Ok(())
        };
        let set_ms = |value: Option<Duration>,
                      f: unsafe extern "C" fn(
            *mut sys::yv_options,
            u32,
            *mut *mut sys::yv_error,
        ) -> sys::yv_status|
         -> Result<()> {
            if let Some(d) = value {
                check(|err| unsafe { f(o, millis(d), err) })?;
            }
            Ok(())
        };
        let secs = |d: Duration| u32::try_from(d.as_secs()).unwrap_or(u32::MAX);

        if let Some(env) = self.environment {
            let raw = match env {
                Environment::Production => sys::YV_ENV_PRODUCTION,
                Environment::Sandbox => sys::YV_ENV_SANDBOX,
            };
            check(|err| unsafe { sys::yv_options_set_environment(o, raw, err) })?;
        }
        set_str(&self.base_url, "base URL", sys::yv_options_set_base_url)?;
        // Unset leaves the mode to the library: it decides from the credentials.
        if let Some(mode) = self.auth_mode {
            let raw = match mode {
                AuthMode::Token => sys::YV_AUTH_TOKEN,
                AuthMode::Headers => sys::YV_AUTH_HEADERS,
                AuthMode::Bearer => sys::YV_AUTH_BEARER,
            };
            check(|err| unsafe { sys::yv_options_set_auth_mode(o, raw, err) })?;
        }
        set_str(&self.api_key, "API key", sys::yv_options_set_api_key)?;
        set_secret(
            &self.api_secret,
            "API secret",
            sys::yv_options_set_api_secret,
        )?;
        set_secret(
            &self.access_token,
            "access token",
            sys::yv_options_set_access_token,
        )?;
        set_secret(
            &self.totp_secret,
            "TOTP secret",
            sys::yv_options_set_totp_secret,
        )?;
        if let Some(period) = self.totp_period {
            check(|err| unsafe { sys::yv_options_set_totp_period_s(o, secs(period), err) })?;
        }
        if let Some(on) = self.totp_use_server_time {
            check(|err| unsafe { sys::yv_options_set_totp_use_server_time(o, on, err) })?;
        }
        if let Some(on) = self.use_environment {
            check(|err| unsafe { sys::yv_options_set_use_environment(o, on, err) })?;
        }
        set_ms(self.timeout, sys::yv_options_set_timeout_ms)?;
        set_ms(self.connect_timeout, sys::yv_options_set_connect_timeout_ms)?;
        set_ms(self.attempt_timeout, sys::yv_options_set_attempt_timeout_ms)?;
        set_ms(self.backoff_base, sys::yv_options_set_backoff_base_ms)?;
        set_ms(self.backoff_cap, sys::yv_options_set_backoff_cap_ms)?;
        if let Some(n) = self.max_retries {
            check(|err| unsafe { sys::yv_options_set_max_retries(o, n, err) })?;
        }
        if let Some(margin) = self.refresh_margin {
            check(|err| unsafe { sys::yv_options_set_refresh_margin_s(o, secs(margin), err) })?;
        }
        if let Some(n) = self.max_response_bytes {
            check(|err| unsafe { sys::yv_options_set_max_response_bytes(o, n, err) })?;
        }
        set_str(&self.ca_file, "CA file", sys::yv_options_set_ca_file)?;
        set_str(&self.ca_path, "CA path", sys::yv_options_set_ca_path)?;
        set_str(&self.ca_pem, "CA PEM", sys::yv_options_set_ca_blob)?;
        set_str(
            &self.pinned_public_key,
            "pinned public key",
            sys::yv_options_set_pinned_public_key,
        )?;
        set_str(&self.proxy, "proxy", sys::yv_options_set_proxy)?;
        set_str(
            &self.user_agent,
            "user agent",
            sys::yv_options_set_user_agent,
        )?;
        if let Some((level, f)) = self.logger {
            check(|err| unsafe { sys::yv_options_set_log_level(o, level.to_raw(), err) })?;
            let user_data = log::into_user_data(f);
            let installed = check(|err| unsafe {
                sys::yv_options_set_log_callback(
                    o,
                    Some(log::log_trampoline),
                    user_data,
                    Some(log::free_logger),
                    err,
                )
            });
            if let Err(e) = installed {
                // On failure the library took nothing: release the closure here.
                unsafe { log::free_logger(user_data) };
                return Err(e);
            }
        }

        let mut raw = ptr::null_mut();
        check(|err| unsafe { sys::yv_client_new(o, &mut raw, err) })?;
        let raw = NonNull::new(raw)
            .ok_or_else(|| Error::local(ErrorKind::Internal, "yv_client_new returned NULL"))?;
        // SAFETY: raw is a client we own.
        Ok(unsafe { Client::from_raw(raw) })
    }
}

struct RawOptions(*mut sys::yv_options);

impl RawOptions {
    fn new() -> Result<Self> {
        let mut raw = ptr::null_mut();
        check(|err| unsafe { sys::yv_options_new(&mut raw, err) })?;
        Ok(RawOptions(raw))
    }
}

impl Drop for RawOptions {
    fn drop(&mut self) {
        unsafe { sys::yv_options_free(self.0) };
    }
}
