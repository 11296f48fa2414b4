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
        }
    }

    /// Reads and frees an owned key (the library wipes its copy of the secret).
    ///
    /// # Safety
    /// `key` is an owned key, not used afterwards.
    unsafe fn take(key: *mut sys::yv_api_key) -> Self {
        let k = Self::read(key);
        sys::yv_api_key_free(key);
        k
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

/// What [`ApiKeys::create`] creates.
#[derive(Clone, Copy, Debug, Default)]
pub struct CreateKey<'a> {
    pub name: &'a str,
    /// `read`, `write`, `transactions`, `webhooks`; other strings pass through to the server.
    pub permissions: &'a [&'a str],
    /// `None` = no expiry.
    pub expires_in_days: Option<u32>,
}

resource_handle!(
    /// API key management. create, rotate, update_permissions and revoke send `X-2FA-Token`:
    /// the call's code, or one computed from the client's TOTP secret.
    ApiKeys
);

impl ApiKeys<'_> {
    fn key_call(
        &self,
        f: impl FnOnce(
            *const sys::yv_call,
            *mut *mut sys::yv_api_key,
            *mut *mut sys::yv_error,
        ) -> sys::yv_status,
    ) -> Result<ApiKey> {
        let mut out = ptr::null_mut();
        self.client
            .unit_call(self.opts, |call, err| f(call, &mut out, err))?;
        Ok(unsafe { ApiKey::take(out) })
    }

    /// Creates a key; the answer carries its `api_secret`, shown once.
    pub fn create(&self, key: &CreateKey<'_>) -> Result<ApiKey> {
        let name = c_string(key.name, "key name")?;
        let perms = CStringArray::new(key.permissions, "permission")?;
        let c = self.client.as_ptr();
        self.key_call(|call, out, err| unsafe {
            sys::yv_client_create_api_key(
                c,
                name.as_ptr(),
                perms.as_ptr(),
                perms.len(),
                key.expires_in_days.unwrap_or(0),
                call,
                out,
                err,
            )
        })
    }

    pub fn list(&self) -> Result<Vec<ApiKey>> {
        let mut out = ptr::null_mut();
        let c = self.client.as_ptr();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_list_api_keys(c, call, &mut out, err)
        })?;
        // SAFETY: out is an owned list; its keys are borrowed from it until it is freed.
        unsafe {
            let keys = (0..sys::yv_api_key_list_count(out))
                .map(|i| ApiKey::read(sys::yv_api_key_list_get(out, i)))
                .collect();
            sys::yv_api_key_list_free(out);
            Ok(keys)
        }
    }

    pub fn get(&self, key_id: &str) -> Result<ApiKey> {
        let id = c_string(key_id, "key id")?;
        let c = self.client.as_ptr();
        self.key_call(|call, out, err| unsafe {
            sys::yv_client_get_api_key(c, id.as_ptr(), call, out, err)
        })
    }

    /// A new secret for the key (in the answer); the old one is refused from now on.
    pub fn rotate(&self, key_id: &str) -> Result<ApiKey> {
        let id = c_string(key_id, "key id")?;
        let c = self.client.as_ptr();
        self.key_call(|call, out, err| unsafe {
            sys::yv_client_rotate_api_key(c, id.as_ptr(), call, out, err)
        })
    }

    pub fn update_permissions(&self, key_id: &str, permissions: &[&str]) -> Result<ApiKey> {
        let id = c_string(key_id, "key id")?;
        let perms = CStringArray::new(permissions, "permission")?;
        let c = self.client.as_ptr();
        self.key_call(|call, out, err| unsafe {
            sys::yv_client_update_api_key_permissions(
                c,
                id.as_ptr(),
                perms.as_ptr(),
                perms.len(),
                call,
                out,
                err,
            )
        })
    }

    pub fn revoke(&self, key_id: &str) -> Result<()> {
        let id = c_string(key_id, "key id")?;
        let c = self.client.as_ptr();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_revoke_api_key(c, id.as_ptr(), call, err)
        })
    }
}
