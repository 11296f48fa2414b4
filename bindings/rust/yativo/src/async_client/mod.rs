//! The `async` feature: [`AsyncClient`], the same resources and methods as [`Client`], each
//! returning a future ([`CallFuture`]) driven by libyativo's event loop (`yv_loop`, the C ABI's
//! non-blocking interface) on the caller's runtime.
//!
//! A call runs as the same core code as its blocking twin (retries, idempotency keys, the
//! single-flight token exchange, 2FA, deadlines); where the blocking call would wait, the loop
//! goes on with other calls. One AsyncClient holds one loop; its futures drive it in turn (see
//! `driver.rs`): no thread per call, none of this crate's own, no dependency on a runtime.
//!
//! ```no_run
//! # async fn demo() -> yativo::Result<()> {
//! let client = yativo::Client::builder()
//!     .api_key("yativo_...", "api secret")
//!     .build_async()?;
//! let (accounts, chains) = futures_util::future::join(
//!     client.accounts().list(),
//!     client.assets().get_chains(),
//! )
//! .await;
//! println!("{} accounts, chains {}", accounts?.len(), chains?);
//! # Ok(())
//! # }
//! ```

use std::ptr;
use std::sync::Arc;

use serde_json::Value;
use yativo_sys as sys;

use crate::builder::ClientBuilder;
use crate::call::CallOptions;
use crate::error::Result;
use crate::ffi::c_string;
use crate::keys::AccessToken;
use crate::Client;

mod call;
mod driver;
mod handle;
mod pager;
mod resources;

pub use call::CallFuture;
use call::{complete, Starter};
use driver::Driver;
pub use pager::TransactionPages;
pub use resources::*;

/// A client whose calls are futures, for many calls in flight from one thread.
///
/// It wraps a [`Client`] (shared: blocking callers on other threads may use the same one, with
/// one token cache and one single-flight token exchange) and one libyativo event loop. Calls are
/// the blocking client's, with the same names and the same [`Error`](crate::Error); each returns
/// a [`CallFuture`]. Any runtime drives them: Tokio (current-thread or multi-thread),
/// async-std, smol or `futures::executor`.
///
/// `AsyncClient` is `Send + Sync` and cheap to clone (clones share the loop). Dropping the last
/// clone and every future of it cancels whatever is still in flight.
///
/// HTTP/1.1 carries one call per connection: calls beyond
/// [`max_host_connections`](AsyncClient::with_max_host_connections) to one host wait their turn.
#[derive(Clone)]
pub struct AsyncClient {
    driver: Arc<Driver>,
}

impl std::fmt::Debug for AsyncClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AsyncClient")
            .field("client", &self.driver.client)
            .finish_non_exhaustive()
    }
}

impl ClientBuilder {
    /// [`build`](ClientBuilder::build), as an [`AsyncClient`] (the `async` feature).
    pub fn build_async(self) -> Result<AsyncClient> {
        AsyncClient::new(Arc::new(self.build()?))
    }
}

impl AsyncClient {
    /// An async client over `client`, with the core's default connection cap per host.
    pub fn new(client: Arc<Client>) -> Result<Self> {
        Self::with_max_host_connections(client, None)
    }

    /// As [`new`](AsyncClient::new), opening at most `count` connections to one host (`None`:
    /// the core's default).
    pub fn with_max_host_connections(client: Arc<Client>, count: Option<u32>) -> Result<Self> {
        Ok(AsyncClient {
            driver: Arc::new(Driver::new(client, count)?),
        })
    }

    /// The blocking client underneath (for `set_credentials`, `rate_limit`, or blocking calls).
    pub fn client(&self) -> &Arc<Client> {
        &self.driver.client
    }

    pub(crate) fn driver(&self) -> &Arc<Driver> {
        &self.driver
    }

    /// The client's pointer for a starter (the driver keeps the client alive while the loop
    /// runs the call).
    pub(crate) fn raw_client(&self) -> RawClient {
        RawClient(self.driver.client.as_ptr())
    }

    /// [`Client::request`]: any endpoint, as a future.
    pub fn request(
        &self,
        method: &str,
        path: &str,
        body: Option<&Value>,
        opts: &CallOptions,
    ) -> CallFuture<Value> {
        let c = self.raw_client();
        CallFuture::new(&self.driver, Some(opts), || {
            let method = c_string(method, "method")?;
            let path = c_string(path, "path")?;
            let body = body.map(|b| b.to_string());
            Ok(Box::new(move |a: &call::StartArgs| unsafe {
                let (body_ptr, body_len) = body.as_ref().map_or((ptr::null(), 0), |b| {
                    (b.as_ptr() as *const std::os::raw::c_char, b.len())
                });
                sys::yv_client_request_start(
                    a.loop_,
                    c.get(),
                    method.as_ptr(),
                    path.as_ptr(),
                    body_ptr,
                    body_len,
                    a.call,
                    Some(complete::<Value>),
                    a.user_data,
                    a.pending,
                    a.err,
                )
            }) as Starter)
        })
    }

    /// [`Client::token`]: the current access token (exchanged now when none is cached).
    pub fn token(&self) -> CallFuture<AccessToken> {
        self.token_with(&CallOptions::default())
    }

    /// [`Client::token_with`].
    pub fn token_with(&self, opts: &CallOptions) -> CallFuture<AccessToken> {
        let c = self.raw_client();
        CallFuture::new(&self.driver, Some(opts), || {
            Ok(Box::new(move |a: &call::StartArgs| unsafe {
                sys::yv_client_token_start(
                    a.loop_,
                    c.get(),
                    a.call,
                    Some(complete::<AccessToken>),
                    a.user_data,
                    a.pending,
                    a.err,
                )
            }) as Starter)
        })
    }

    /// Calls started on this client whose completion has not run yet.
    pub fn in_flight(&self) -> usize {
        let state = self.driver.lock();
        unsafe { sys::yv_loop_in_flight(state.raw) }
    }
}

/// A client pointer a starter may carry to the thread that starts the call.
#[derive(Clone, Copy)]
pub(crate) struct RawClient(*mut sys::yv_client);

// SAFETY: yativo.h: one yv_client is safe to share across threads; the Driver keeps it alive.
unsafe impl Send for RawClient {}

impl RawClient {
    pub(crate) fn get(self) -> *mut sys::yv_client {
        self.0
    }
}
