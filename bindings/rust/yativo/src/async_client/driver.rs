//! One `yv_loop` driven from the futures of the caller's runtime.
//!
//! The loop is host-driven: its watch hook puts the sockets it wants watched into a poller of
//! our own (epoll or kqueue, level-triggered), and its timer hook records when it next wants
//! `yv_loop_on_timeout`. That poller's one file descriptor and the deadline are handed to
//! async-io's reactor, which wakes [`Signal`] when either is due; the signal wakes one of the
//! futures waiting on the loop (the "driver"), whose poll drives the loop: a zero-wait look at
//! the poller, `yv_loop_on_socket` for each ready socket, `yv_loop_on_timeout` when due, until
//! nothing is left to do. Completions run inside those calls and wake their own futures.
//!
//! async-io's reactor runs on whatever thread calls `async_io::block_on` (smol, async-std), or
//! else on its one process-wide "async-io" thread, shared with every other user of async-io in
//! the process (under Tokio). This crate starts no thread, and none per call.

use std::collections::HashMap;
use std::future::Future as _;
use std::io;
use std::os::fd::BorrowedFd;
use std::os::raw::{c_int, c_void};
use std::ptr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::task::{Context, Wake, Waker};
use std::time::{Duration, Instant};

use async_io::{Async, Timer};
use polling::{Event, Events, PollMode, Poller};
use yativo_sys as sys;

use crate::error::{Error, ErrorKind, Result};
use crate::ffi::check;
use crate::Client;

/// Rounds of work one poll does before it lets other tasks run (it wakes itself to go on).
const MAX_ROUNDS: usize = 64;

/// What the loop asked for through its hooks. Touched only on the thread driving the loop (from
/// within a `yv_loop_*` call made under [`Driver::state`]'s lock), through a raw pointer: the
/// hooks' `user_data`.
struct Hooks {
    poller: Arc<Poller>,
    watched: HashMap<c_int, c_int>,
    due: Option<Instant>,
}

unsafe extern "C" fn on_watch(user: *mut c_void, fd: c_int, events: c_int) {
    // No panic may cross into C; the hooks do nothing that panics but allocate.
    let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        // SAFETY: user is the loop's Hooks, alive until yv_loop_free returned; the loop calls
        // its hooks only from calls made under the state lock, one at a time.
        let hooks = unsafe { &mut *(user as *mut Hooks) };
        hooks.watch(fd, events);
    }));
}

unsafe extern "C" fn on_timer(user: *mut c_void, timeout_ms: i64) {
    let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        // SAFETY: as in on_watch.
        let hooks = unsafe { &mut *(user as *mut Hooks) };
        hooks.due = u64::try_from(timeout_ms)
            .ok()
            .map(|ms| Instant::now() + Duration::from_millis(ms));
    }));
}

impl Hooks {
    fn watch(&mut self, fd: c_int, events: c_int) {
        let Ok(key) = usize::try_from(fd) else { return };
        if events == sys::YV_WATCH_NONE as c_int {
            if self.watched.remove(&fd).is_some() {
                // The socket may be closed already (the kernel then dropped it from the poller).
                // SAFETY: only the number is used, for epoll_ctl/kevent.
                let _ = self.poller.delete(unsafe { BorrowedFd::borrow_raw(fd) });
            }
            return;
        }
        let interest = Event::new(
            key,
            events & sys::YV_WATCH_READ as c_int != 0,
            events & sys::YV_WATCH_WRITE as c_int != 0,
        );
        // SAFETY: fd is a socket the loop owns and watches until it reports YV_WATCH_NONE;
        // only the number is used. A socket closed before that is dropped from the poller by
        // the kernel, and a new socket under the same number is added afresh below.
        let borrowed = unsafe { BorrowedFd::borrow_raw(fd) };
        let known = self.watched.insert(fd, events).is_some();
        let first = if known {
            self.poller
                .modify_with_mode(borrowed, interest, PollMode::Level)
        } else {
            unsafe { self.poller.add_with_mode(fd, interest, PollMode::Level) }
        };
        if first.is_err() {
            // Known to us but closed and reused (ENOENT), or unknown to us but still registered
            // (EEXIST): the other operation applies.
            let _ = if known {
                unsafe { self.poller.add_with_mode(fd, interest, PollMode::Level) }
            } else {
                self.poller
                    .modify_with_mode(borrowed, interest, PollMode::Level)
            };
        }
    }
}

/// Wakes one future waiting on the loop when the reactor saw the poller ready or the timer due.
/// Each waiting future registers its waker under its call's id; one of them is the driver.
pub(crate) struct Signal {
    /// Set by the reactor (or a driver that stopped early): the loop has work to look at.
    due: AtomicBool,
    waiting: Mutex<Waiting>,
}

#[derive(Default)]
struct Waiting {
    driver: Option<u64>,
    wakers: HashMap<u64, Waker>,
}

impl Signal {
    fn waiting(&self) -> MutexGuard<'_, Waiting> {
        self.waiting.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Wakes the driver, choosing one when there is none.
    fn wake_driver(&self) {
        let mut w = self.waiting();
        if w.driver.map_or(true, |id| !w.wakers.contains_key(&id)) {
            w.driver = w.wakers.keys().next().copied();
        }
        if let Some(id) = w.driver {
            w.wakers[&id].wake_by_ref();
        }
    }

    /// A future of call `id` waits: it is woken with `waker` when it is the driver.
    pub(crate) fn register(&self, id: u64, waker: &Waker) {
        let replaced = {
            let mut w = self.waiting();
            if w.driver.is_none() {
                w.driver = Some(id);
            }
            match w.wakers.get(&id) {
                Some(known) if known.will_wake(waker) => None,
                _ => w.wakers.insert(id, waker.clone()),
            }
        };
        // A waker is dropped outside the lock: the last reference to a task may drop a future
        // of this loop, whose Drop takes the lock again.
        drop(replaced);
    }

    /// The future of call `id` no longer waits (it finished or was dropped): when it was the
    /// driver, another waiting future takes over (and looks at the loop once).
    pub(crate) fn unregister(&self, id: u64) {
        let removed = {
            let mut w = self.waiting();
            let removed = w.wakers.remove(&id);
            if w.driver == Some(id) {
                w.driver = w.wakers.keys().next().copied();
                if let Some(next) = w.driver {
                    self.due.store(true, Ordering::Release);
                    w.wakers[&next].wake_by_ref();
                }
            }
            removed
        };
        drop(removed);
    }
}

impl Wake for Signal {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        self.due.store(true, Ordering::Release);
        self.wake_driver();
    }
}

/// The loop and what drives it; behind [`Driver::state`]'s lock (one thread at a time drives a
/// `yv_loop`).
pub(crate) struct LoopState {
    pub(crate) raw: *mut sys::yv_loop,
    hooks: *mut Hooks,
    source: Async<Arc<Poller>>,
    timer: Timer,
    timer_at: Option<Instant>,
    events: Events,
    next_id: u64,
}

// SAFETY: yativo.h: one thread at a time drives a loop (the Mutex guarantees it), the loop may
// be freed on any thread; Hooks is only touched from within those calls.
unsafe impl Send for LoopState {}

/// One loop shared by an AsyncClient and its futures.
pub(crate) struct Driver {
    // Dropped first: the loop's calls end before the client they use is released.
    state: Mutex<LoopState>,
    pub(crate) client: Arc<Client>,
    pub(crate) signal: Arc<Signal>,
    reactor_waker: Waker,
}

impl Driver {
    pub(crate) fn new(client: Arc<Client>, max_host_connections: Option<u32>) -> Result<Driver> {
        let io_error = |e: io::Error| Error::local(ErrorKind::Internal, format!("poller: {e}"));
        let poller = Arc::new(Poller::new().map_err(io_error)?);
        if !poller.supports_level() {
            return Err(Error::local(
                ErrorKind::Internal,
                "this platform's poller has no level-triggered mode",
            ));
        }
        let source = Async::new_nonblocking(poller.clone()).map_err(io_error)?;
        let hooks = Box::into_raw(Box::new(Hooks {
            poller,
            watched: HashMap::new(),
            due: None,
        }));
        let free_hooks = |e| {
            // SAFETY: no loop holds the pointer.
            drop(unsafe { Box::from_raw(hooks) });
            e
        };
        let mut opts = ptr::null_mut();
        check(|err| unsafe { sys::yv_loop_options_new(&mut opts, err) }).map_err(free_hooks)?;
        let opts = OptionsGuard(opts);
        check(|err| unsafe {
            sys::yv_loop_options_set_callbacks(
                opts.0,
                Some(on_watch),
                Some(on_timer),
                hooks as *mut c_void,
                err,
            )
        })
        .map_err(free_hooks)?;
        if let Some(count) = max_host_connections {
            check(|err| unsafe {
                sys::yv_loop_options_set_max_host_connections(opts.0, count, err)
            })
            .map_err(free_hooks)?;
        }
        let mut raw = ptr::null_mut();
        check(|err| unsafe { sys::yv_loop_new(opts.0, &mut raw, err) }).map_err(free_hooks)?;
        let signal = Arc::new(Signal {
            due: AtomicBool::new(false),
            waiting: Mutex::new(Waiting::default()),
        });
        Ok(Driver {
            state: Mutex::new(LoopState {
                raw,
                hooks,
                source,
                timer: Timer::never(),
                timer_at: None,
                events: Events::new(),
                next_id: 0,
            }),
            client,
            reactor_waker: Waker::from(signal.clone()),
            signal,
        })
    }

    pub(crate) fn lock(&self) -> MutexGuard<'_, LoopState> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The loop when no thread (this one included, from within a completion) is driving it.
    pub(crate) fn try_lock(&self) -> Option<MutexGuard<'_, LoopState>> {
        match self.state.try_lock() {
            Ok(guard) => Some(guard),
            Err(std::sync::TryLockError::Poisoned(e)) => Some(e.into_inner()),
            Err(std::sync::TryLockError::WouldBlock) => None,
        }
    }

    /// Drives the loop when the reactor said it has work (or `force`), then asks the reactor
    /// to wake [`Signal`] when it next has.
    pub(crate) fn drive(&self, state: &mut LoopState, force: bool) {
        if !(self.signal.due.swap(false, Ordering::AcqRel) || force) {
            return;
        }
        let mut cx = Context::from_waker(&self.reactor_waker);
        let mut rounds = 0;
        loop {
            let mut worked = self.step(state);
            // Arm the reactor for the poller and the loop's timer; either may be due already.
            if state.source.poll_readable(&mut cx).is_ready() {
                worked = true;
            }
            // SAFETY: the hooks are ours while the lock is held.
            let due = unsafe { (*state.hooks).due };
            if let Some(at) = due {
                if state.timer_at != Some(at) {
                    state.timer.set_at(at);
                    state.timer_at = Some(at);
                }
                if std::pin::Pin::new(&mut state.timer)
                    .poll(&mut cx)
                    .is_ready()
                {
                    state.timer_at = None;
                    worked = true;
                }
            }
            if !worked {
                return;
            }
            rounds += 1;
            if rounds >= MAX_ROUNDS {
                // Let other tasks run; the driver comes back.
                self.signal.due.store(true, Ordering::Release);
                self.signal.wake_driver();
                return;
            }
        }
    }

    /// One look at the poller and the timer; whether there was anything to do.
    fn step(&self, state: &mut LoopState) -> bool {
        let mut worked = false;
        state.events.clear();
        // SAFETY: the hooks are ours while the lock is held; the poller is shared, not the map.
        let poller = unsafe { (*state.hooks).poller.clone() };
        if poller.wait(&mut state.events, Some(Duration::ZERO)).is_ok() {
            let ready: Vec<(c_int, c_int)> = state
                .events
                .iter()
                .map(|ev| {
                    let mut mask = 0;
                    if ev.readable {
                        mask |= sys::YV_WATCH_READ as c_int;
                    }
                    if ev.writable {
                        mask |= sys::YV_WATCH_WRITE as c_int;
                    }
                    if ev.is_err() == Some(true) {
                        mask |= sys::YV_WATCH_ERROR as c_int;
                    }
                    (ev.key as c_int, mask)
                })
                .collect();
            for (fd, mask) in ready {
                worked = true;
                // An error here is the loop's own (never a call's): the calls still end.
                let _ = check(|err| unsafe { sys::yv_loop_on_socket(state.raw, fd, mask, err) });
            }
        }
        // SAFETY: as above.
        let due = unsafe { (*state.hooks).due };
        if due.is_some_and(|at| at <= Instant::now()) {
            unsafe { (*state.hooks).due = None };
            worked = true;
            let _ = check(|err| unsafe { sys::yv_loop_on_timeout(state.raw, err) });
        }
        worked
    }

    /// A fresh id for a call's future.
    pub(crate) fn next_id(state: &mut LoopState) -> u64 {
        state.next_id += 1;
        state.next_id
    }
}

impl Drop for LoopState {
    fn drop(&mut self) {
        // Cancels what is still in flight and runs every completion (they free their results:
        // no future waits on them any more).
        unsafe { sys::yv_loop_free(self.raw) };
        // SAFETY: the loop that used the hooks is gone.
        drop(unsafe { Box::from_raw(self.hooks) });
    }
}

struct OptionsGuard(*mut sys::yv_loop_options);

impl Drop for OptionsGuard {
    fn drop(&mut self) {
        unsafe { sys::yv_loop_options_free(self.0) };
    }
}
