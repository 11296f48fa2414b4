use std::fmt;

use subtle::ConstantTimeEq;
use zeroize::Zeroize;

/// A secret string: an API secret, an access token, a webhook secret, a TOTP secret or code.
///
/// `Debug` and `Display` print `Secret("***")` / `***`, so a secret never lands in a log line by
/// accident; [`Secret::expose`] gives the value where it is the point. The memory is wiped
/// (`zeroize`) when the secret is dropped. `==` compares in constant time (`subtle`): how long it
/// takes tells nothing of where two secrets of the same length differ.
///
/// ```
/// let s = yativo::Secret::new("hunter2");
/// assert_eq!(format!("{s:?}"), r#"Secret("***")"#);
/// assert_eq!(s.expose(), "hunter2");
/// ```
#[derive(Clone, Default)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The secret itself.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl PartialEq for Secret {
    fn eq(&self, other: &Self) -> bool {
        // The lengths are compared first (a length is not a secret); then every byte, without
        // stopping at the first difference.
        self.0.as_bytes().ct_eq(other.0.as_bytes()).into()
    }
}

impl Eq for Secret {}

impl Drop for Secret {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(\"***\")")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Secret(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Secret(value.to_owned())
    }
}
