//! A call of the event loop as a future: its completion callback, the slot the callback fills,
//! and cancellation on drop.

use std::future::Future;
use std::os::raw::c_void;
use std::pin::Pin;
use std::ptr;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};

use serde_json::Value;
use yativo_sys as sys;

use super::driver::Driver;
use crate::call::CallOptions;
use crate::error::{Error, ErrorKind, Result};
use crate::ffi::Buffer;
use crate::keys::AccessToken;

/// What a `_start` function gets besides the call's own arguments.
pub(crate) struct StartArgs {
    pub(crate) loop_: *mut sys::yv_loop,
    pub(crate) call: *const sys::yv_call,
    pub(crate) user_data: *mut c_void,
    pub(crate) pending: *mut *mut sys::yv_pending,
    pub(crate) err: *mut *mut sys::yv_error,
}

/// Starts one call: its arguments converted for C, owned, waiting for the loop.
pub(crate) type Starter = Box<dyn FnOnce(&StartArgs) -> sys::yv_status + Send>;

/// A result a completion callback hands over, read into its Rust form (and freed).
pub(crate) trait Outcome: Sized + Send + 'static {
    type Raw;

    /// # Safety
    /// `raw` is an owned result of a successful call, not used afterwards.
    unsafe fn take(raw: *mut Self::Raw) -> Result<Self>;
}

impl Outcome for Value {
    type Raw = sys::yv_buffer;

    unsafe fn take(raw: *mut sys::yv_buffer) -> Result<Value> {
        Buffer(raw).json()
    }
}

impl Outcome for AccessToken {
    type Raw = sys::yv_token;

    unsafe fn take(raw: *mut sys::yv_token) -> Result<AccessToken> {
        Ok(AccessToken::from_raw(raw))
    }
}

/// Declares the Outcome of records (`one Record: sys::yv_record;`, read by `take`) and of lists
/// of them (`list Record: sys::yv_record_list;`, read by `take_list`).
macro_rules! outcomes {
    ($($how:ident $record:ident: $raw:ty;)*) => {
        $(outcomes!(@$how $record, $raw);)*
    };
    (@one $record:ident, $raw:ty) => {
        impl crate::async_client::call::Outcome for $record {
            type Raw = $raw;

            unsafe fn take(raw: *mut $raw) -> crate::error::Result<Self> {
                Ok($record::take(raw))
            }
        }
    };
    (@list $record:ident, $raw:ty) => {
        impl crate::async_client::call::Outcome for Vec<$record> {
            type Raw = $raw;

            unsafe fn take(raw: *mut $raw) -> crate::error::Result<Self> {
                Ok($record::take_list(raw))
            }
        }
    };
}
pub(crate) use outcomes;

/// Where a completion leaves the call's result for its future.
pub(crate) struct Slot<T> {
    state: Mutex<SlotState<T>>,
    /// What must live until the call ended (a pager the call uses), whoever ends last.
    _keep: Option<Box<dyn std::any::Any + Send + Sync>>,
}

struct SlotState<T> {
    result: Option<Result<T>>,
    waker: Option<Waker>,
}

impl<T> Slot<T> {
    pub(crate) fn fill(&self, result: Result<T>) {
        let waker = {
            let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
            s.result = Some(result);
            s.waker.take()
        };
        if let Some(w) = waker {
            w.wake();
        }
    }

    /// The result when it is there; else `waker` is woken when it is.
    fn poll(&self, waker: &Waker) -> Option<Result<T>> {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(result) = s.result.take() {
            return Some(result);
        }
        match &mut s.waker {
            Some(known) if known.will_wake(waker) => {}
            known => *known = Some(waker.clone()),
        }
        None
    }
}

fn panicked() -> Error {
    Error::local(ErrorKind::Internal, "reading a call's result panicked")
}

/// The completion of a call returning `T` (`yv_<record>_done_fn`, `yv_buffer_done_fn`, ...).
/// Runs on the thread driving the loop; owns the result and the error, and frees them even when
/// the future is gone (its Slot then has no reader).
pub(crate) unsafe extern "C" fn complete<T: Outcome>(
    user_data: *mut c_void,
    status: sys::yv_status,
    result: *mut T::Raw,
    err: *mut sys::yv_error,
) {
    // SAFETY: user_data is the Slot reference start() gave away for this callback.
    let slot = unsafe { Arc::from_raw(user_data as *const Slot<T>) };
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        if status == sys::YV_OK {
            if !err.is_null() {
                unsafe { sys::yv_error_free(err) };
            }
            unsafe { T::take(result) }
        } else {
            // yativo.h: the result is NULL unless YV_OK.
            Err(unsafe { Error::from_raw(status, err) })
        }
    }))
    .unwrap_or_else(|_| Err(panicked()));
    slot.fill(outcome);
}

/// The completion of a call with no result (`yv_done_fn`).
pub(crate) unsafe extern "C" fn complete_unit(
    user_data: *mut c_void,
    status: sys::yv_status,
    err: *mut sys::yv_error,
) {
    // SAFETY: as in complete.
    let slot = unsafe { Arc::from_raw(user_data as *const Slot<()>) };
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        if status == sys::YV_OK {
            if !err.is_null() {
                unsafe { sys::yv_error_free(err) };
            }
            Ok(())
        } else {
            Err(unsafe { Error::from_raw(status, err) })
        }
    }))
    .unwrap_or_else(|_| Err(panicked()));
    slot.fill(outcome);
}

/// A call of an [`AsyncClient`](crate::AsyncClient): a future of its result.
///
/// It starts when first polled, on the client's event loop, and resolves to what the blocking
/// twin returns. It is `Send` and `'static` (it owns copies of its arguments), so it can be
/// spawned. Dropping it before it resolves cancels the call (`yv_pending_cancel`): the core ends
/// it by the rules of a cancelled blocking call, a write that may have reached the server
/// reporting `outcome_unknown` and keeping its idempotency key; nobody reads that outcome.
#[must_use = "a call does nothing until it is awaited"]
pub struct CallFuture<T: Send + 'static> {
    driver: Arc<Driver>,
    state: State<T>,
}

type Keep = Box<dyn std::any::Any + Send + Sync>;

enum State<T> {
    /// Not started: the starter (and what the call needs kept alive), or the error converting
    /// the arguments gave.
    Ready(
        Result<(Starter, Option<crate::call::RawCall>)>,
        Option<Keep>,
    ),
    Running {
        id: u64,
        slot: Arc<Slot<T>>,
        pending: PendingHandle,
    },
    Done,
}

struct PendingHandle(*mut sys::yv_pending);

// SAFETY: yativo.h: yv_pending_cancel and yv_pending_free may be called from any thread.
unsafe impl Send for PendingHandle {}
unsafe impl Sync for PendingHandle {}

impl Drop for PendingHandle {
    fn drop(&mut self) {
        unsafe { sys::yv_pending_free(self.0) };
    }
}

// SAFETY: RawCall is an owned yv_call read only by the _start function (on the thread that
// polls), freed on any thread.
unsafe impl Send for crate::call::RawCall {}

impl<T: Send + 'static> Unpin for CallFuture<T> {}

impl<T: Send + 'static> CallFuture<T> {
    /// A call of `driver` that `prepare` converts now (its errors are the future's result) and
    /// `done` completes; `opts` are the per-call options.
    pub(crate) fn new(
        driver: &Arc<Driver>,
        opts: Option<&CallOptions>,
        prepare: impl FnOnce() -> Result<Starter>,
    ) -> Self {
        let call = match opts.map(CallOptions::to_raw).transpose() {
            Ok(call) => call,
            Err(e) => return Self::failed(driver, e),
        };
        CallFuture {
            driver: driver.clone(),
            state: State::Ready(prepare().map(|starter| (starter, call)), None),
        }
    }

    /// Keeps `value` alive until the call has ended, even when the future is dropped first.
    pub(crate) fn keep_alive(mut self, value: impl std::any::Any + Send + Sync) -> Self {
        if let State::Ready(_, keep) = &mut self.state {
            *keep = Some(Box::new(value));
        }
        self
    }

    fn failed(driver: &Arc<Driver>, e: Error) -> Self {
        CallFuture {
            driver: driver.clone(),
            state: State::Ready(Err(e), None),
        }
    }

    /// Starts the call on the loop; the lock is held.
    fn start(
        &mut self,
        loop_state: &mut super::driver::LoopState,
        starter: Starter,
        call: Option<crate::call::RawCall>,
        keep: Option<Keep>,
    ) -> Result<()> {
        let slot = Arc::new(Slot {
            state: Mutex::new(SlotState {
                result: None,
                waker: None,
            }),
            _keep: keep,
        });
        let user_data = Arc::into_raw(slot.clone()) as *mut c_void;
        let mut pending = ptr::null_mut();
        let mut err = ptr::null_mut();
        let status = starter(&StartArgs {
            loop_: loop_state.raw,
            call: call.as_ref().map_or(ptr::null(), |c| c.as_ptr()),
            user_data,
            pending: &mut pending,
            err: &mut err,
        });
        if status != sys::YV_OK {
            // The callback never runs: its reference comes back.
            drop(unsafe { Arc::from_raw(user_data as *const Slot<T>) });
            return Err(unsafe { Error::from_raw(status, err) });
        }
        if !err.is_null() {
            unsafe { sys::yv_error_free(err) };
        }
        self.state = State::Running {
            id: Driver::next_id(loop_state),
            slot,
            pending: PendingHandle(pending),
        };
        Ok(())
    }
}

impl<T: Send + 'static> Future for CallFuture<T> {
    type Output = Result<T>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<T>> {
        let this = &mut *self;
        if let State::Ready(..) = this.state {
            let State::Ready(prepared, keep) = std::mem::replace(&mut this.state, State::Done)
            else {
                unreachable!()
            };
            let (starter, call) = match prepared {
                Ok(p) => p,
                Err(e) => return Poll::Ready(Err(e)),
            };
            let driver = this.driver.clone();
            let mut loop_state = driver.lock();
            if let Err(e) = this.start(&mut loop_state, starter, call, keep) {
                return Poll::Ready(Err(e));
            }
            // The loop asked for an immediate timer: run what is due now.
            driver.drive(&mut loop_state, true);
        }
        let State::Running { id, slot, .. } = &this.state else {
            panic!("CallFuture polled after it resolved");
        };
        let (id, slot) = (*id, slot.clone());
        if let Some(result) = slot.poll(cx.waker()) {
            this.finish(id);
            return Poll::Ready(result);
        }
        this.driver.signal.register(id, cx.waker());
        {
            let mut loop_state = this.driver.lock();
            this.driver.drive(&mut loop_state, false);
        }
        if let Some(result) = slot.poll(cx.waker()) {
            this.finish(id);
            return Poll::Ready(result);
        }
        Poll::Pending
    }
}

impl<T: Send + 'static> CallFuture<T> {
    fn finish(&mut self, id: u64) {
        self.state = State::Done;
        self.driver.signal.unregister(id);
    }
}

impl<T: Send + 'static> Drop for CallFuture<T> {
    fn drop(&mut self) {
        let State::Running { id, pending, .. } = &self.state else {
            return;
        };
        // Thread-safe; the completion still runs, frees the result and fills a Slot nobody
        // reads.
        unsafe { sys::yv_pending_cancel(pending.0) };
        let id = *id;
        self.driver.signal.unregister(id);
        // Let the loop settle the call now rather than at the next call's poll. When the loop
        // is being driven (by another thread, or by this one: a waker dropped inside a
        // completion may drop a future), that driver sees the cancel through the loop's eventfd.
        if let Some(mut loop_state) = self.driver.try_lock() {
            self.driver.drive(&mut loop_state, true);
        }
    }
}
