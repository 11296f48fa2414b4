// Runs a blocking core call with the GIL released, so other Python threads run meanwhile, and
// keeps Ctrl-C working on the main thread (Python runs signal handlers only there).
#pragma once

#include <pybind11/pybind11.h>

#include <functional>

#include <yativo/options.hpp>

namespace yvpy {

// Captures the main thread's identity; called once at import.
void init_call_runner();

// The exception a signal handler raised (KeyboardInterrupt) during a call that completed
// anyway: the caller attaches the call's result with raise_interrupted_result().
struct Interrupted {
    pybind11::object exception;  // empty when no handler raised
    explicit operator bool() const { return static_cast<bool>(exception); }
};

// Runs `work` without the GIL. On the main thread the work runs on the main thread's EventLoop,
// which the main thread drives in short slices (a signal ends a slice at once), running
// Python's signal handlers between them, and once more when the work has ended. When a handler
// raises (KeyboardInterrupt), the call's cancellation token is triggered and the call awaited; then
// - if `work` threw, the handler's exception is raised with the call's error (CancelledError
//   with idempotency_key and outcome_unknown, or whatever the core reported) as __context__;
// - if `work` completed, the handler's exception is returned, not raised: the result exists and
//   must reach the caller (see raise_interrupted_result).
// Other threads run `work` directly: no signal can be handled there anyway.
// `call.cancel` must be empty; it is set here when needed. Rethrows what `work` threw.
[[nodiscard]] Interrupted run_blocking(yativo::CallOptions &call,
                                       const std::function<void()> &work);

// Raises the interrupt of a call that completed, carrying its result as `.result`. Returning
// the result and leaving the signal pending would lose it: the interpreter runs pending signal
// handlers as the call's bytecode ends, before the result is stored anywhere.
// A hook of the core (the log hook) raised `error`. A signal handler runs inside such a hook when
// the hook runs on the main thread (calls on the main thread's loop, asyncio): a
// KeyboardInterrupt (any BaseException that is not an Exception) it raised must not be lost
// with the hook's other errors. During a main-thread call it is kept and raised by run_blocking
// as the call's interrupt; elsewhere a KeyboardInterrupt is raised again as a new SIGINT.
void keep_interrupt_from_hook(const pybind11::error_already_set &error);

[[noreturn]] void raise_interrupted_result(Interrupted interrupted, pybind11::object result);

}  // namespace yvpy
