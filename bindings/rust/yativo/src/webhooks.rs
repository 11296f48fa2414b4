use std::ptr::{self, NonNull};
use std::time::Duration;

use serde_json::Value;
use yativo_sys as sys;

use crate::error::{Error, ErrorKind, Result};
use crate::ffi::{
    c_ptr, c_string, check, json_or_null, opt_c_string, opt_string, parse_json, string,
    CStringArray, SecretCString,
};
use crate::handle::resource_handle;
use crate::secret::Secret;

/// A webhook subscription. `secret` is `Some` only on the one returned by create (shown
/// once); `Debug` never shows it, and `payload` leaves it out.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Webhook {
    pub id: String,
    pub url: String,
    pub events: Vec<String>,
    pub description: Option<String>,
    pub secret: Option<Secret>,
    pub created_at: String,
    /// The whole payload without `secret` (`Null` if the library could not build it).
    pub payload: Value,
}

impl Webhook {
    /// Copies every field of a borrowed webhook.
    ///
    /// # Safety
    /// `webhook` is a valid webhook for the duration of the call.
    unsafe fn read(webhook: *const sys::yv_webhook) -> Self {
        // NULL when the library ran out of memory building the JSON view (the webhook and its
        // secret are whole): the payload is then Null.
        let mut payload = json_or_null(sys::yv_webhook_json(webhook));
        if let Value::Object(map) = &mut payload {
            if let Some(Value::String(mut s)) = map.remove("secret") {
                zeroize::Zeroize::zeroize(&mut s);
            }
        }
        Webhook {
            id: string(sys::yv_webhook_id(webhook)),
            url: string(sys::yv_webhook_url(webhook)),
            events: (0..sys::yv_webhook_events_count(webhook))
                .map(|i| string(sys::yv_webhook_event(webhook, i)))
                .collect(),
            description: opt_string(sys::yv_webhook_description(webhook)),
            secret: opt_string(sys::yv_webhook_secret(webhook)).map(Secret::from),
            created_at: string(sys::yv_webhook_created_at(webhook)),
            payload,
        }
    }

    /// Reads and frees an owned webhook (the library wipes its copy of the secret).
    ///
    /// # Safety
    /// `webhook` is an owned webhook, not used afterwards.
    pub(crate) unsafe fn take(webhook: *mut sys::yv_webhook) -> Self {
        let w = Self::read(webhook);
        sys::yv_webhook_free(webhook);
        w
    }

    /// Reads and frees an owned list of webhooks (listed without secrets).
    ///
    /// # Safety
    /// `list` is an owned list, not used afterwards.
    pub(crate) unsafe fn take_list(list: *mut sys::yv_webhook_list) -> Vec<Self> {
        // Its webhooks are borrowed from the list until it is freed.
        let webhooks = (0..sys::yv_webhook_list_count(list))
            .map(|i| Self::read(sys::yv_webhook_list_get(list, i)))
            .collect();
        sys::yv_webhook_list_free(list);
        webhooks
    }
}

// BEGIN GENERATED: endpoints (python3 -m codegen; do not edit)
use crate::records::WebhookDelivery;

/// The parameters of [`Webhooks::create`].
#[derive(Clone, Copy, Debug, Default)]
pub struct CreateWebhook<'a> {
    /// The https:// URL deliveries go to
    pub url: &'a str,
    /// The event types to deliver
    pub events: &'a [&'a str],
    /// A note kept with the subscription; `None` = unset
    pub description: Option<&'a str>,
}

resource_handle!(
    /// Webhook subscriptions. Deliveries are checked with the webhook verifier.
    Webhooks
);

impl Webhooks<'_> {
    /// Subscribes a URL to events. The signing secret is in this answer only.
    pub fn create(&self, params: &CreateWebhook<'_>) -> Result<Webhook> {
        let url = c_string(params.url, "url")?;
        let events = CStringArray::new(params.events, "events")?;
        let description = opt_c_string(params.description, "description")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_create_webhook(
                c,
                url.as_ptr(),
                events.as_ptr(),
                events.len(),
                c_ptr(&description),
                call,
                &mut out,
                err,
            )
        })?;
        // SAFETY: out is the owned record the call handed over.
        Ok(unsafe { Webhook::take(out) })
    }

    /// Every webhook subscription, without secrets.
    pub fn list(&self) -> Result<Vec<Webhook>> {
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_list_webhooks(c, call, &mut out, err)
        })?;
        // SAFETY: out is the owned list the call handed over.
        Ok(unsafe { Webhook::take_list(out) })
    }

    /// Deletes a webhook subscription.
    ///
    /// - `webhook_id`: the subscription's id
    pub fn delete(&self, webhook_id: &str) -> Result<()> {
        let webhook_id = c_string(webhook_id, "webhook id")?;
        let c = self.client.as_ptr();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_delete_webhook(c, webhook_id.as_ptr(), call, err)
        })
    }

    /// One webhook subscription, without its secret.
    ///
    /// - `webhook_id`: the subscription's id
    pub fn get(&self, webhook_id: &str) -> Result<Webhook> {
        let webhook_id = c_string(webhook_id, "webhook id")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_get_webhook(c, webhook_id.as_ptr(), call, &mut out, err)
        })?;
        // SAFETY: out is the owned record the call handed over.
        Ok(unsafe { Webhook::take(out) })
    }

    /// Changes a webhook subscription: only what is given changes.
    ///
    /// - `webhook_id`: the subscription's id
    /// - `url`: the new https:// URL; `None` = unset
    /// - `events`: the new event types (the whole set); empty = unset
    /// - `description`: the new note; `None` = unset
    /// - `status`: active or inactive; `None` = unset
    pub fn update(
        &self,
        webhook_id: &str,
        url: Option<&str>,
        events: &[&str],
        description: Option<&str>,
        status: Option<&str>,
    ) -> Result<Webhook> {
        let webhook_id = c_string(webhook_id, "webhook id")?;
        let url = opt_c_string(url, "url")?;
        let events = CStringArray::new(events, "events")?;
        let description = opt_c_string(description, "description")?;
        let status = opt_c_string(status, "status")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_update_webhook(
                c,
                webhook_id.as_ptr(),
                c_ptr(&url),
                events.as_ptr(),
                events.len(),
                c_ptr(&description),
                c_ptr(&status),
                call,
                &mut out,
                err,
            )
        })?;
        // SAFETY: out is the owned record the call handed over.
        Ok(unsafe { Webhook::take(out) })
    }

    /// Resumes deliveries to a webhook.
    ///
    /// - `webhook_id`: the subscription's id
    pub fn activate(&self, webhook_id: &str) -> Result<Webhook> {
        let webhook_id = c_string(webhook_id, "webhook id")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_activate_webhook(c, webhook_id.as_ptr(), call, &mut out, err)
        })?;
        // SAFETY: out is the owned record the call handed over.
        Ok(unsafe { Webhook::take(out) })
    }

    /// Pauses deliveries to a webhook (events are not queued for it meanwhile).
    ///
    /// - `webhook_id`: the subscription's id
    pub fn deactivate(&self, webhook_id: &str) -> Result<Webhook> {
        let webhook_id = c_string(webhook_id, "webhook id")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_deactivate_webhook(c, webhook_id.as_ptr(), call, &mut out, err)
        })?;
        // SAFETY: out is the owned record the call handed over.
        Ok(unsafe { Webhook::take(out) })
    }

    /// The deliveries of one webhook, newest first, one page at a time.
    ///
    /// - `webhook_id`: the subscription's id
    /// - `page`: the page, from 1; unset = the first
    /// - `limit`: items per page, 1..100; unset = the server's default
    /// - `status`: only deliveries in this status; `None` = unset
    pub fn events(
        &self,
        webhook_id: &str,
        page: Option<u32>,
        limit: Option<u32>,
        status: Option<&str>,
    ) -> Result<Vec<WebhookDelivery>> {
        let webhook_id = c_string(webhook_id, "webhook id")?;
        let status = opt_c_string(status, "status")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_list_webhook_events(
                c,
                webhook_id.as_ptr(),
                page.unwrap_or(0),
                limit.unwrap_or(0),
                c_ptr(&status),
                call,
                &mut out,
                err,
            )
        })?;
        // SAFETY: out is the owned list the call handed over.
        Ok(unsafe { WebhookDelivery::take_list(out) })
    }

    /// Queues a webhook.test event for delivery to this webhook; the answer names the event and
    /// delivery.
    ///
    /// - `webhook_id`: the subscription's id
    pub fn test(&self, webhook_id: &str) -> Result<Value> {
        let webhook_id = c_string(webhook_id, "webhook id")?;
        let c = self.client.as_ptr();
        self.client.json_call(self.opts, |call, out, err| unsafe {
            sys::yv_client_test_webhook(c, webhook_id.as_ptr(), call, out, err)
        })
    }
}
// END GENERATED: endpoints

/// A verified webhook delivery. De-duplicate on `id`.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Event {
    pub id: String,
    pub r#type: String,
    pub created_at: String,
    pub data: Value,
    /// The whole event body.
    pub body: Value,
}

/// Options of [`verify_webhook`].
#[derive(Clone, Copy, Debug, Default)]
pub struct VerifyOptions {
    /// Scheme B timestamp tolerance; `None` = libyativo's default (300 s).
    pub tolerance: Option<Duration>,
    /// Refuse scheme A (no timestamp).
    pub require_timestamp: bool,
}

struct RawHeaders(*mut sys::yv_headers);

impl RawHeaders {
    fn new<K: AsRef<str>, V: AsRef<str>>(headers: &[(K, V)]) -> Result<Self> {
        let mut raw = RawHeaders(ptr::null_mut());
        check(|err| unsafe { sys::yv_headers_new(&mut raw.0, err) })?;
        for (name, value) in headers {
            let name = c_string(name.as_ref(), "header name")?;
            let value = c_string(value.as_ref(), "header value")?;
            check(|err| unsafe { sys::yv_headers_add(raw.0, name.as_ptr(), value.as_ptr(), err) })?;
        }
        Ok(raw)
    }
}

impl Drop for RawHeaders {
    fn drop(&mut self) {
        unsafe { sys::yv_headers_free(self.0) };
    }
}

/// Verifies a webhook delivery: `body` exactly as received, its headers, the subscription's
/// secret. Scheme A (`X-Webhook-Signature`) or scheme B (`X-Yativo-Signature` over
/// `"<X-Yativo-Timestamp>.<body>"`; when present only B is accepted). A signature that does
/// not verify or a stale timestamp is `ErrorKind::SignatureInvalid`; a verified body that is
/// not a JSON object is `ErrorKind::Protocol`.
///
/// ```
/// let body = br#"{"id":"evt_1","type":"transaction.completed","created_at":"2026-01-01T00:00:00Z","data":{"amount":"1.5"}}"#;
/// let headers = yativo::sign_webhook(body, "whsec_test", None)?;
/// let event = yativo::verify_webhook(body, &headers, "whsec_test", yativo::VerifyOptions::default())?;
/// assert_eq!(event.id, "evt_1");
/// assert_eq!(event.data["amount"], "1.5");
/// # Ok::<(), yativo::Error>(())
/// ```
pub fn verify_webhook<K: AsRef<str>, V: AsRef<str>>(
    body: &[u8],
    headers: &[(K, V)],
    secret: &str,
    options: VerifyOptions,
) -> Result<Event> {
    let raw = RawHeaders::new(headers)?;
    let secret = SecretCString::new(secret, "webhook secret")?;
    let tolerance = options
        .tolerance
        .map_or(0, |t| u32::try_from(t.as_secs().max(1)).unwrap_or(u32::MAX));
    let mut event = ptr::null_mut();
    check(|err| unsafe {
        sys::yv_webhook_verify(
            body.as_ptr(),
            body.len(),
            raw.0,
            secret.as_ptr(),
            tolerance,
            options.require_timestamp,
            &mut event,
            err,
        )
    })?;
    // SAFETY: event is the owned event the call handed over.
    Ok(unsafe { take_event(event) })
}

/// Copies an owned `yv_event` into an [`Event`] and frees it.
///
/// # Safety
/// `event` is an event owned by the caller, not used afterwards.
unsafe fn take_event(event: *mut sys::yv_event) -> Event {
    let data = parse_json(std::ffi::CStr::from_ptr(sys::yv_event_data_json(event)).to_bytes());
    let whole = parse_json(std::ffi::CStr::from_ptr(sys::yv_event_json(event)).to_bytes());
    let e = Event {
        id: string(sys::yv_event_id(event)),
        r#type: string(sys::yv_event_type(event)),
        created_at: string(sys::yv_event_created_at(event)),
        data: data.unwrap_or(Value::Null),
        body: whole.unwrap_or(Value::Null),
    };
    sys::yv_event_free(event);
    e
}

/// Options of [`WebhookVerifier::new`]; `None` = libyativo's default.
#[derive(Clone, Copy, Debug, Default)]
pub struct VerifierOptions {
    /// How long an accepted event id is remembered (default 24 h; at least 1 s).
    pub window: Option<Duration>,
    /// How many ids at most (default 100 000); at the bound the oldest is forgotten first.
    pub max_events: Option<usize>,
    /// Tolerance and `require_timestamp`, as for [`verify_webhook`].
    pub verify: VerifyOptions,
}

/// A replay guard: [`verify_webhook`], then each event id is accepted once within a window.
/// A captured delivery sent again, also one stripped of its scheme B headers, is
/// `ErrorKind::SignatureInvalid`; a verified event without an id is `ErrorKind::Protocol` (it
/// cannot be de-duplicated, so it is refused). Share one verifier between threads:
/// concurrent deliveries of one event are accepted exactly once. It remembers in this
/// process only; receivers behind several instances also de-duplicate on `id` in their store.
///
/// ```
/// let body = br#"{"id":"evt_1","type":"transaction.completed","data":{}}"#;
/// let secret = "whsec_CANARY_doc"; // the subscription's secret (tests search output for CANARY)
/// let headers = yativo::sign_webhook(body, secret, None)?;
/// let guard = yativo::WebhookVerifier::new(secret, yativo::VerifierOptions::default())?;
/// assert_eq!(guard.verify(body, &headers)?.id, "evt_1");
/// let replay = guard.verify(body, &headers).unwrap_err();
/// assert_eq!(replay.kind(), yativo::ErrorKind::SignatureInvalid);
/// # Ok::<(), yativo::Error>(())
/// ```
pub struct WebhookVerifier {
    raw: NonNull<sys::yv_webhook_verifier>,
}

// SAFETY: yativo.h: a yv_webhook_verifier is safe to share (any number of threads may call
// yv_webhook_verifier_verify at once) and destructors may run on any thread.
unsafe impl Send for WebhookVerifier {}
unsafe impl Sync for WebhookVerifier {}

impl WebhookVerifier {
    /// A verifier for one subscription's `secret` (copied by the library).
    pub fn new(secret: &str, options: VerifierOptions) -> Result<Self> {
        let window = match options.window {
            None => 0,
            Some(w) if w.as_secs() == 0 => {
                return Err(Error::local(
                    ErrorKind::InvalidArgument,
                    "replay window must be at least 1 s",
                ))
            }
            Some(w) => u32::try_from(w.as_secs()).unwrap_or(u32::MAX),
        };
        let max_events = match options.max_events {
            None => 0,
            Some(0) => {
                return Err(Error::local(
                    ErrorKind::InvalidArgument,
                    "max_events must be at least 1",
                ))
            }
            Some(n) => n,
        };
        let tolerance = options
            .verify
            .tolerance
            .map_or(0, |t| u32::try_from(t.as_secs().max(1)).unwrap_or(u32::MAX));
        let secret = SecretCString::new(secret, "webhook secret")?;
        let mut raw = ptr::null_mut();
        check(|err| unsafe {
            sys::yv_webhook_verifier_new(
                secret.as_ptr(),
                window,
                max_events,
                tolerance,
                options.verify.require_timestamp,
                &mut raw,
                err,
            )
        })?;
        let raw = NonNull::new(raw)
            .ok_or_else(|| Error::local(ErrorKind::Internal, "no verifier returned"))?;
        Ok(WebhookVerifier { raw })
    }

    /// Verifies a delivery (`body` exactly as received) and accepts its id once.
    pub fn verify<K: AsRef<str>, V: AsRef<str>>(
        &self,
        body: &[u8],
        headers: &[(K, V)],
    ) -> Result<Event> {
        let raw = RawHeaders::new(headers)?;
        let mut event = ptr::null_mut();
        check(|err| unsafe {
            sys::yv_webhook_verifier_verify(
                self.raw.as_ptr(),
                body.as_ptr(),
                body.len(),
                raw.0,
                &mut event,
                err,
            )
        })?;
        // SAFETY: event is the owned event the call handed over.
        Ok(unsafe { take_event(event) })
    }
}

impl Drop for WebhookVerifier {
    fn drop(&mut self) {
        // &mut self: no call on this verifier is in flight. Wipes the library's copy of the secret.
        unsafe { sys::yv_webhook_verifier_free(self.raw.as_ptr()) };
    }
}

impl std::fmt::Debug for WebhookVerifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WebhookVerifier").finish_non_exhaustive()
    }
}

/// For tests: the headers of both signature schemes for `body`, at `unix_time` (`None` = now).
pub fn sign_webhook(
    body: &[u8],
    secret: &str,
    unix_time: Option<i64>,
) -> Result<Vec<(String, String)>> {
    let secret = SecretCString::new(secret, "webhook secret")?;
    let mut raw = RawHeaders(ptr::null_mut());
    check(|err| unsafe {
        sys::yv_webhook_sign(
            body.as_ptr(),
            body.len(),
            secret.as_ptr(),
            unix_time.unwrap_or(sys::YV_NOW),
            &mut raw.0,
            err,
        )
    })?;
    // SAFETY: raw is an owned header list; names and values are borrowed from it.
    unsafe {
        Ok((0..sys::yv_headers_count(raw.0))
            .map(|i| {
                (
                    string(sys::yv_headers_name(raw.0, i)),
                    string(sys::yv_headers_value(raw.0, i)),
                )
            })
            .collect())
    }
}

/// The RFC 6238 code (HMAC-SHA1) of a base32 secret at `unix_time` (`None` = now), with
/// `period` (`None` = 30 s) and `digits` (`None` = 6, else 6..=8).
///
/// ```
/// // RFC 6238 test vector: the ASCII secret "12345678901234567890" at T = 59.
/// let code = yativo::totp("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", Some(59), None, Some(8))?;
/// assert_eq!(code.expose(), "94287082");
/// # Ok::<(), yativo::Error>(())
/// ```
pub fn totp(
    secret: &str,
    unix_time: Option<i64>,
    period: Option<Duration>,
    digits: Option<u32>,
) -> Result<Secret> {
    let secret = SecretCString::new(secret, "TOTP secret")?;
    let period = period.map_or(0, |p| u32::try_from(p.as_secs()).unwrap_or(u32::MAX));
    let mut buf = [0u8; sys::YV_TOTP_CODE_SIZE];
    let result = check(|err| unsafe {
        sys::yv_totp(
            secret.as_ptr(),
            unix_time.unwrap_or(sys::YV_NOW),
            period,
            digits.unwrap_or(0),
            buf.as_mut_ptr() as *mut std::os::raw::c_char,
            buf.len(),
            err,
        )
    });
    let code = result.map(|()| {
        let len = buf.iter().position(|b| *b == 0).unwrap_or(buf.len());
        Secret::from(String::from_utf8_lossy(&buf[..len]).into_owned())
    });
    zeroize::Zeroize::zeroize(&mut buf);
    code
}
