//! The transaction history page after page, as futures (`yv_tx_pager_next_start`): when the
//! walk ends is the core pager's rule, as for the blocking iterator.

use std::os::raw::c_void;
use std::ptr;
use std::sync::Arc;

use yativo_sys as sys;

use super::call::{CallFuture, Slot, StartArgs, Starter};
use super::resources::Transactions;
use super::AsyncClient;
use crate::call::CallOptions;
use crate::error::{Error, ErrorKind, Result};
use crate::ffi::check;
use crate::records::Transaction;
use crate::resources::TransactionQuery;

/// An owned `yv_tx_pager`, freed when the last call that uses it has ended.
struct RawPager(*mut sys::yv_tx_pager);

// SAFETY: a yv_tx_pager may be used from any thread, by one call at a time (TransactionPages
// starts a call only when no other holds the pager) and freed on any thread.
unsafe impl Send for RawPager {}
unsafe impl Sync for RawPager {}

impl Drop for RawPager {
    fn drop(&mut self) {
        unsafe { sys::yv_tx_pager_free(self.0) };
    }
}

impl Transactions<'_> {
    /// Every transaction matching `params`, a page per [`TransactionPages::next_page`], from
    /// `params.page` (the async [`crate::Transactions::iter`]). The handle's options apply to
    /// each page.
    pub fn pages(&self, params: &TransactionQuery<'_>) -> TransactionPages {
        TransactionPages {
            client: self.client().clone(),
            pager: new_pager(self.client(), self.options(), params).map(Arc::new),
            finished: false,
        }
    }
}

fn new_pager(
    client: &AsyncClient,
    opts: Option<&CallOptions>,
    params: &TransactionQuery<'_>,
) -> Result<RawPager> {
    let query = params.c_handle()?;
    let call = opts.map(CallOptions::to_raw).transpose()?;
    let call_ptr = call.as_ref().map_or(ptr::null(), |c| c.as_ptr());
    let mut raw = RawPager(ptr::null_mut());
    check(|err| unsafe {
        sys::yv_tx_pager_new(client.client().as_ptr(), query.0, call_ptr, &mut raw.0, err)
    })?;
    Ok(raw)
}

/// The pages of [`Transactions::pages`].
///
/// ```no_run
/// # async fn demo(client: &yativo::AsyncClient) -> yativo::Result<()> {
/// let query = yativo::TransactionQuery { limit: Some(50), ..Default::default() };
/// let mut pages = client.transactions().pages(&query);
/// while let Some(page) = pages.next_page().await? {
///     for tx in page {
///         println!("{} {}", tx.id, tx.amount.as_deref().unwrap_or("?"));
///     }
/// }
/// # Ok(()) }
/// ```
pub struct TransactionPages {
    client: AsyncClient,
    pager: Result<Arc<RawPager>>,
    finished: bool,
}

impl TransactionPages {
    /// The next page's transactions; `None` once the walk is over. A failed page is asked for
    /// again by the next call. Dropping the future cancels the page's call.
    pub async fn next_page(&mut self) -> Result<Option<Vec<Transaction>>> {
        if self.finished {
            return Ok(None);
        }
        let pager = match &self.pager {
            Ok(pager) => pager.clone(),
            Err(e) => {
                self.finished = true;
                return Err(e.clone());
            }
        };
        // A dropped page's call keeps the pager until it has ended.
        if Arc::strong_count(&pager) > 2 {
            return Err(Error::local(
                ErrorKind::InvalidArgument,
                "the previous page's call has not ended yet",
            ));
        }
        let starter_pager = pager.clone();
        let page = CallFuture::<Option<Vec<Transaction>>>::new(self.client.driver(), None, || {
            Ok(Box::new(move |a: &StartArgs| {
                let pager = starter_pager;
                unsafe {
                    sys::yv_tx_pager_next_start(
                        a.loop_,
                        pager.0,
                        Some(complete_page),
                        a.user_data,
                        a.pending,
                        a.err,
                    )
                }
            }) as Starter)
        })
        .keep_alive(pager)
        .await?;
        if page.is_none() {
            self.finished = true;
        }
        Ok(page)
    }
}

/// `yv_tx_page_fn`: a page, the end of the walk, or the error.
unsafe extern "C" fn complete_page(
    user_data: *mut c_void,
    status: sys::yv_status,
    page: *mut sys::yv_transaction_list,
    finished: bool,
    err: *mut sys::yv_error,
) {
    // SAFETY: user_data is the Slot reference CallFuture gave away for this callback.
    let slot = unsafe { Arc::from_raw(user_data as *const Slot<Option<Vec<Transaction>>>) };
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        if status != sys::YV_OK {
            return Err(unsafe { Error::from_raw(status, err) });
        }
        if !err.is_null() {
            unsafe { sys::yv_error_free(err) };
        }
        Ok((!finished).then(|| unsafe { Transaction::take_list(page) }))
    }))
    .unwrap_or_else(|_| {
        Err(Error::local(
            ErrorKind::Internal,
            "reading a page of transactions panicked",
        ))
    });
    slot.fill(outcome);
}
