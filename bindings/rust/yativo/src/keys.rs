use std::ptr;
use std::time::Duration;

use yativo_sys as sys;

use crate::error::Result;
use crate::ffi::{c_string, opt_string, string, CStringArray};
use crate::handle::resource_handle;
use crate::secret::Secret;

/// An API key. `api_secret` is `Some` only right after create and rotate (shown once);
/// `Debug` never shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ApiKey {
    pub id: String,
    pub name: String,
    /// The public key (`yativo_…`), sent with the secret.
    pub api_key: String,
    pub api_secret: Option<Secret>,
    pub permissions: Vec<String>,
    /// `active`, `revoked` or `expired`.
    pub status: String,
    pub created_at: String,
    pub expires_at: Option<String>,
    pub last_used_at: Option<String>,
    /// The IP addresses or CIDR blocks the key may be used from; empty: any.
    pub allowed_ips: Vec<String>,
}

impl ApiKey {
    /// Copies every field of a borrowed key.
    ///
    /// # Safety
    /// `key` is a valid key for the duration of the call.
    unsafe fn read(key: *const sys::yv_api_key) -> Self {
        let permissions = (0..sys::yv_api_key_permissions_count(key))
            .map(|i| string(sys::yv_api_key_permission(key, i)))
            .collect();
        let allowed_ips = (0..sys::yv_api_key_allowed_ips_count(key))
            .map(|i| string(sys::yv_api_key_allowed_ip(key, i)))
            .collect();
        ApiKey {
            id: string(sys::yv_api_key_id(key)),
            name: string(sys::yv_api_key_name(key)),
            api_key: string(sys::yv_api_key_api_key(key)),
            api_secret: opt_string(sys::yv_api_key_api_secret(key)).map(Secret::from),
            permissions,
            status: string(sys::yv_api_key_status(key)),
            created_at: string(sys::yv_api_key_created_at(key)),
            expires_at: opt_string(sys::yv_api_key_expires_at(key)),
            last_used_at: opt_string(sys::yv_api_key_last_used_at(key)),
            allowed_ips,
        }
    }

    /// Reads and frees an owned key (the library wipes its copy of the secret).
    ///
    /// # Safety
    /// `key` is an owned key, not used afterwards.
    pub(crate) unsafe fn take(key: *mut sys::yv_api_key) -> Self {
        let k = Self::read(key);
        sys::yv_api_key_free(key);
        k
    }

    /// Reads and frees an owned list of keys.
    ///
    /// # Safety
    /// `list` is an owned list, not used afterwards.
    pub(crate) unsafe fn take_list(list: *mut sys::yv_api_key_list) -> Vec<Self> {
        // Its keys are borrowed from the list until it is freed.
        let keys = (0..sys::yv_api_key_list_count(list))
            .map(|i| Self::read(sys::yv_api_key_list_get(list, i)))
            .collect();
        sys::yv_api_key_list_free(list);
        keys
    }
}

/// An access token from the token exchange. `Debug` never shows the token.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct AccessToken {
    pub access_token: Secret,
    /// `Bearer`.
    pub token_type: String,
    /// Time left when returned.
    pub expires_in: Duration,
    /// As the server wrote it.
    pub expires_at: Option<String>,
    pub scopes: Vec<String>,
}

impl AccessToken {
    /// # Safety
    /// `token` is an owned token, not used afterwards.
    pub(crate) unsafe fn from_raw(token: *mut sys::yv_token) -> Self {
        let scopes = (0..sys::yv_token_scopes_count(token))
            .map(|i| string(sys::yv_token_scope(token, i)))
            .collect();
        let t = AccessToken {
            access_token: Secret::from(string(sys::yv_token_access_token(token))),
            token_type: string(sys::yv_token_token_type(token)),
            expires_in: Duration::from_secs(
                u64::try_from(sys::yv_token_expires_in(token)).unwrap_or(0),
            ),
            expires_at: opt_string(sys::yv_token_expires_at(token)),
            scopes,
        };
        sys::yv_token_free(token);
        t
    }
}

// BEGIN GENERATED: endpoints (python3 -m codegen; do not edit)

/// The parameters of [`ApiKeys::create`].
#[derive(Clone, Copy, Debug, Default)]
pub struct CreateKey<'a> {
    /// A name to recognise the key by
    pub name: &'a str,
    /// Scopes: read, write, transactions, webhooks
    pub permissions: &'a [&'a str],
    /// Days until the key expires; unset = never
    pub expires_in_days: Option<u32>,
    /// The IP addresses or CIDR blocks the key may be used from; empty = any
    pub allowed_ips: &'a [&'a str],
}

resource_handle!(
    /// API key management. Writes send X-2FA-Token: the call's code or the client's TOTP
    /// source.
    ApiKeys
);

impl ApiKeys<'_> {
    /// Creates an API key. Its api_secret is in this answer only.
    ///
    /// Sends `X-2FA-Token`: the call's code, or one from the client's TOTP secret.
    pub fn create(&self, params: &CreateKey<'_>) -> Result<ApiKey> {
        let name = c_string(params.name, "name")?;
        let permissions = CStringArray::new(params.permissions, "permissions")?;
        let allowed_ips = CStringArray::new(params.allowed_ips, "allowed ips")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_create_api_key(
                c,
                name.as_ptr(),
                permissions.as_ptr(),
                permissions.len(),
                params.expires_in_days.unwrap_or(0),
                allowed_ips.as_ptr(),
                allowed_ips.len(),
                call,
                &mut out,
                err,
            )
        })?;
        // SAFETY: out is the owned record the call handed over.
        Ok(unsafe { ApiKey::take(out) })
    }

    /// Every API key of the account, without secrets.
    pub fn list(&self) -> Result<Vec<ApiKey>> {
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_list_api_keys(c, call, &mut out, err)
        })?;
        // SAFETY: out is the owned list the call handed over.
        Ok(unsafe { ApiKey::take_list(out) })
    }

    /// One API key, without its secret.
    ///
    /// - `key_id`: the key's id
    pub fn get(&self, key_id: &str) -> Result<ApiKey> {
        let key_id = c_string(key_id, "key id")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_get_api_key(c, key_id.as_ptr(), call, &mut out, err)
        })?;
        // SAFETY: out is the owned record the call handed over.
        Ok(unsafe { ApiKey::take(out) })
    }

    /// Issues a new api_secret (in this answer only); the old one stops working at once.
    ///
    /// Sends `X-2FA-Token`: the call's code, or one from the client's TOTP secret.
    ///
    /// - `key_id`: the key's id
    pub fn rotate(&self, key_id: &str) -> Result<ApiKey> {
        let key_id = c_string(key_id, "key id")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_rotate_api_key(c, key_id.as_ptr(), call, &mut out, err)
        })?;
        // SAFETY: out is the owned record the call handed over.
        Ok(unsafe { ApiKey::take(out) })
    }

    /// Replaces the key's whole set of scopes.
    ///
    /// Sends `X-2FA-Token`: the call's code, or one from the client's TOTP secret.
    ///
    /// - `key_id`: the key's id
    /// - `permissions`: the new scopes
    pub fn update_permissions(&self, key_id: &str, permissions: &[&str]) -> Result<ApiKey> {
        let key_id = c_string(key_id, "key id")?;
        let permissions = CStringArray::new(permissions, "permissions")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_update_api_key_permissions(
                c,
                key_id.as_ptr(),
                permissions.as_ptr(),
                permissions.len(),
                call,
                &mut out,
                err,
            )
        })?;
        // SAFETY: out is the owned record the call handed over.
        Ok(unsafe { ApiKey::take(out) })
    }

    /// Revokes the key: it stops working at once.
    ///
    /// Sends `X-2FA-Token`: the call's code, or one from the client's TOTP secret.
    ///
    /// - `key_id`: the key's id
    pub fn revoke(&self, key_id: &str) -> Result<()> {
        let key_id = c_string(key_id, "key id")?;
        let c = self.client.as_ptr();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_revoke_api_key(c, key_id.as_ptr(), call, err)
        })
    }
}
// END GENERATED: endpoints
