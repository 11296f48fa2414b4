//! Safe Rust client for the Yativo Crypto API, over libyativo's C ABI (`yativo-sys`).
//!
//! ```no_run
//! use yativo::{CallOptions, Client, CreateKey, SendFunds};
//!
//! # fn main() -> yativo::Result<()> {
//! let client = Client::builder()
//!     .api_key("yativo_...", "api secret")
//!     .totp_secret("JBSWY3DPEHPK3PXP") // for the 2FA of key management
//!     .build()?;
//!
//! let key = client.api_keys().create(&CreateKey {
//!     name: "gateway-7",
//!     permissions: &["read", "transactions"],
//!     expires_in_days: Some(30),
//!     allowed_ips: &[],
//! })?;
//! println!("{} {:?}", key.id, key.api_secret); // Secret("***"): use .expose() to store it
//!
//! let tx = client
//!     .transactions()
//!     .with(&CallOptions::new().idempotency_key("order-42"))
//!     .send_funds(&SendFunds {
//!         account: "acc_...",
//!         assets: "ast_...",
//!         receiving_address: "9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin",
//!         amount: "12.50",
//!         r#type: "USDC",
//!         chain: "solana",
//!         category: "payment",
//!         ..Default::default()
//!     })?;
//! // Amounts are exact decimal text; the key is the one given (or the one the core generated).
//! println!("{:?} {:?} {}", tx.id, tx.amount, tx.idempotency_key);
//! # Ok(())
//! # }
//! ```
//!
//! Every call returns [`Result<T, Error>`](Error); [`Error::kind`] is an [`ErrorKind`]
//! generated from libyativo's status table. Resources come back as records ([`Account`],
//! [`Asset`], [`Balance`], [`Transfer`], [`Transaction`], [`ApiKey`], [`Webhook`]): counts are
//! integers, amounts exact decimal text (never a float), and each generated record's `raw` holds
//! the whole object, every number as a string, as a [`Raw`]: its JSON text, parsed into a
//! [`serde_json::Value`] the first time it is read (`record.raw["field"]`), never before. Only
//! [`Client::request`] and `gas_price` return JSON. Secrets are [`Secret`]s: redacted in
//! `Debug`/`Display`, wiped on drop.

#[cfg(feature = "async")]
pub mod async_client;
mod builder;
mod call;
mod client;
mod error;
mod ffi;
mod handle;
mod kind;
mod log;
mod pager;
mod raw;
mod secret;
// BEGIN GENERATED: modules (python3 -m codegen; do not edit)
mod keys;
mod records;
mod resources;
mod webhooks;
// END GENERATED: modules

#[cfg(feature = "async")]
pub use async_client::{AsyncClient, CallFuture};
pub use builder::{AuthMode, ClientBuilder, Environment};
pub use call::{CallOptions, CancelToken};
pub use client::{Client, RateLimit};
pub use error::{Error, ErrorKind, Result};
pub use keys::{AccessToken, ApiKey};
pub use log::LogLevel;
pub use pager::TransactionIter;
pub use raw::Raw;
pub use secret::Secret;
pub use serde_json;
pub use webhooks::{
    sign_webhook, totp, verify_webhook, Event, VerifierOptions, VerifyOptions, Webhook,
    WebhookVerifier,
};
// BEGIN GENERATED: types (python3 -m codegen; do not edit)
pub use keys::{ApiKeys, CreateKey};
pub use records::{
    Account, Asset, AutoForwardingRule, Balance, Card, CardAccount, CardFunding, CardOrder,
    CardOrderPayment, CardTransaction, Customer, IbanStatus, Session, SpendingLimits,
    SwapExecution, SwapHistoryItem, SwapQuote, Transaction, Transfer, WebhookDelivery,
};
pub use resources::{
    Accounts, Analytics, Assets, AutoForwarding, Balances, CardIssuer, Cards, CreateForwardingRule,
    Customers, Iban, IssuerApplication, SendFunds, Sessions, Swap, TransactionQuery, Transactions,
    UpdateForwardingRule,
};
pub use webhooks::{CreateWebhook, Webhooks};
// END GENERATED: types
/// The raw C declarations, for what this crate does not wrap.
pub use yativo_sys as sys;

/// The version of the linked libyativo (`"0.1.0"`).
pub fn version() -> String {
    // SAFETY: static storage.
    unsafe { ffi::string(sys::yv_version()) }
}

/// The examples of docs/rust.md, compiled (and the runnable ones run) as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../../../../docs/rust.md")]
struct RustGuide;
