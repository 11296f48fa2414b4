//! The transaction history, item after item, over the C pager (`yv_tx_pager`): when the walk
//! ends is the core's rule, not this crate's.

use std::marker::PhantomData;
use std::ptr;

use yativo_sys as sys;

use crate::call::CallOptions;
use crate::error::{Error, Result};
use crate::ffi::check;
use crate::records::Transaction;
use crate::resources::{TransactionQuery, Transactions};
use crate::Client;

impl<'c> Transactions<'c> {
    /// Every transaction matching `params`, page after page from `params.page` (`params.limit`
    /// per page; `None` leaves the page size to the server). The core's pager decides when the
    /// walk ends: it follows the server's `pagination` block and asks for no page past the last
    /// (without one, a short page ends the walk). Pages are fetched as the iterator is advanced,
    /// with the handle's [`CallOptions`](crate::CallOptions) (a timeout applies to each page;
    /// `envelope` does not apply: items are yielded).
    ///
    /// The first error is yielded and ends the iteration.
    ///
    /// ```no_run
    /// # fn demo(client: &yativo::Client) -> yativo::Result<()> {
    /// let query = yativo::TransactionQuery { limit: Some(50), ..Default::default() };
    /// for tx in client.transactions().iter(&query) {
    ///     let tx = tx?;
    ///     println!("{} {}", tx.id, tx.amount.as_deref().unwrap_or("?"));
    /// }
    /// # Ok(()) }
    /// ```
    pub fn iter(&self, params: &TransactionQuery<'_>) -> TransactionIter<'c> {
        match new_pager(self, params) {
            Ok(raw) => TransactionIter::new(raw, None),
            Err(e) => TransactionIter::new(ptr::null_mut(), Some(e)),
        }
    }
}

/// The iterator of [`Transactions::iter`]: yields each [`Transaction`] once, in the server's
/// order.
/// It borrows the client; it is `Send` (one thread at a time may advance it, as `yv_tx_pager`
/// allows) but not `Sync`.
pub struct TransactionIter<'c> {
    raw: *mut sys::yv_tx_pager,
    items: std::vec::IntoIter<Transaction>,
    pending: Option<Error>,
    finished: bool,
    _client: PhantomData<&'c Client>,
}

// SAFETY: a yv_tx_pager may be used from any thread, one at a time (&mut self guarantees it);
// the client it borrows is Sync.
unsafe impl Send for TransactionIter<'_> {}

impl TransactionIter<'_> {
    fn new(raw: *mut sys::yv_tx_pager, pending: Option<Error>) -> Self {
        TransactionIter {
            raw,
            items: Vec::new().into_iter(),
            pending,
            finished: false,
            _client: PhantomData,
        }
    }

    /// The next page's items, or `None` when the walk is over.
    fn next_page(&mut self) -> Result<Option<Vec<Transaction>>> {
        let mut out = ptr::null_mut();
        let mut done = false;
        check(|err| unsafe { sys::yv_tx_pager_next(self.raw, &mut out, &mut done, err) })?;
        if done {
            return Ok(None);
        }
        // SAFETY: out is the owned page the call handed over.
        Ok(Some(unsafe { Transaction::take_list(out) }))
    }
}

impl Iterator for TransactionIter<'_> {
    type Item = Result<Transaction>;

    fn next(&mut self) -> Option<Result<Transaction>> {
        loop {
            if let Some(item) = self.items.next() {
                return Some(Ok(item));
            }
            if let Some(e) = self.pending.take() {
                self.finished = true;
                return Some(Err(e));
            }
            if self.finished {
                return None;
            }
            match self.next_page() {
                Ok(Some(items)) => self.items = items.into_iter(),
                Ok(None) => self.finished = true,
                Err(e) => {
                    self.finished = true;
                    return Some(Err(e));
                }
            }
        }
    }
}

impl std::iter::FusedIterator for TransactionIter<'_> {}

impl Drop for TransactionIter<'_> {
    fn drop(&mut self) {
        unsafe { sys::yv_tx_pager_free(self.raw) };
    }
}

/// The C pager for `params` with the handle's options.
fn new_pager(t: &Transactions<'_>, params: &TransactionQuery<'_>) -> Result<*mut sys::yv_tx_pager> {
    let query = params.c_handle()?;
    let call = t.options().map(CallOptions::to_raw).transpose()?;
    let call_ptr = call.as_ref().map_or(ptr::null(), |c| c.as_ptr());
    let mut raw = ptr::null_mut();
    check(|err| unsafe {
        sys::yv_tx_pager_new(t.client().as_ptr(), query.0, call_ptr, &mut raw, err)
    })?;
    Ok(raw)
}
