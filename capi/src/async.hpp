// The event loop of yativo.h (yv_loop, yv_pending) over yativo::EventLoop, and the one way every
// _start function hands a call to it. Internal to capi/.
//
// A _start function checks and copies its arguments into a "run" function (the same one its
// blocking twin calls at once), then yv_capi::start() runs it on the loop: the run function
// executes inside the guard there, on the loop's own small stack, so its outcome (status, result,
// error object) is built exactly as the blocking call builds it, and the completion callback
// only hands it over.
#pragma once

#include <memory>
#include <type_traits>
#include <utility>

#include "handles.hpp"
#include "yativo/event_loop.hpp"

struct yv_loop_options {
    yv_watch_fn watch = nullptr;
    yv_timer_fn timer = nullptr;
    void *user_data = nullptr;
    std::optional<long> max_host_connections;
};

struct yv_loop {
    explicit yv_loop(yativo::EventLoopOptions options) : loop(std::move(options)) {}
    yativo::EventLoop loop;
};

struct yv_pending {
    yativo::AsyncCall call;
};

namespace yv_capi {

// One call on the loop as the loop sees it. Three plain function pointers instead of virtual
// functions or std::function per endpoint: 121 _start functions instantiate this, and type-erased
// glue keeps each one's code small (a gateway links all of them).
struct AsyncCallBase {
    void (*work)(AsyncCallBase *self) = nullptr;     // on the loop's stack: the call, in the guard
    void (*deliver)(AsyncCallBase *self) = nullptr;  // on the driving thread: the C callback
    void (*destroy)(AsyncCallBase *self) = nullptr;  // frees the call (and what it still holds)
    yv_status status = YV_E_INTERNAL;
    yv_error *error = nullptr;

    AsyncCallBase() = default;
    AsyncCallBase(const AsyncCallBase &) = delete;
    AsyncCallBase &operator=(const AsyncCallBase &) = delete;

  protected:
    ~AsyncCallBase() { yv_error_free(error); }
};

// Starts `call` on the loop, taking ownership of it (also when this throws). `*pending` (when
// `pending` is not NULL) gets its handle. Nothing that can fail happens after the loop took it.
void start_erased(yativo::EventLoop &loop, yv_pending **pending, AsyncCallBase *call);

// guard() for a body passed as a function pointer: one instantiation for every call on a loop.
yv_status guard_erased(yv_error **err, void (*body)(void *), void *context);

// What a run function returns: a std::unique_ptr to the object handed to the callback (or a
// struct holding it), or void.
template <class Result>
struct Outcome {
    Result result;
};
template <>
struct Outcome<void> {};

// A call of one kind: its run function until it has run, then its outcome until `hand_over(call)`
// gives it to the C callback.
template <class Run, class HandOver>
struct AsyncCallOf final : AsyncCallBase {
    using Result = std::invoke_result_t<Run &>;

    AsyncCallOf(Run r, HandOver h) : run(std::move(r)), hand_over(std::move(h)) {
        work = [](AsyncCallBase *base) {
            base->status = guard_erased(
                &base->error,
                [](void *context) {
                    auto *self = static_cast<AsyncCallOf *>(context);
                    if constexpr (std::is_void_v<Result>) {
                        self->run();
                    } else {
                        self->outcome.result = self->run();
                    }
                },
                base);
        };
        deliver = [](AsyncCallBase *base) {
            auto *self = static_cast<AsyncCallOf *>(base);
            self->hand_over(*self);
        };
        destroy = [](AsyncCallBase *base) { delete static_cast<AsyncCallOf *>(base); };
    }

    Run run;
    HandOver hand_over;
    Outcome<Result> outcome;
};

// The driving loop of a _start function, its checks done: `pending` cleared, `loop` and `done`
// not NULL.
template <class Done>
yativo::EventLoop &loop_for_start(yv_loop *loop, Done done, yv_pending **pending) {
    clear_out(pending);
    auto &l = need(loop, "loop");
    if (!done) invalid("done is NULL");
    return l.loop;
}

// Starts `run` on the loop; `hand_over(call)` gives the outcome (call.status, call.error,
// call.outcome.result) to the C callback, once, on the driving thread. A result it leaves in the
// call is freed with it (the callback gets a result only on YV_OK).
template <class Run, class HandOver>
void start_run(yativo::EventLoop &loop, yv_pending **pending, Run run, HandOver hand_over) {
    start_erased(loop, pending, new AsyncCallOf<Run, HandOver>(std::move(run), hand_over));
}

// Checks the loop, `done` and `pending`, then `prepare()` checks and copies the call's arguments
// into its run function, which is started with the usual completion: (user_data, status, result
// or NULL, error or NULL), the callback owning the result and the error.
template <class Prepare, class Done>
void start(yv_loop *loop, yv_pending **pending, Done done, void *user_data, Prepare &&prepare) {
    auto &l = loop_for_start(loop, done, pending);
    auto run = prepare();
    start_run(l, pending, std::move(run), [done, user_data](auto &call) {
        yv_error *error = std::exchange(call.error, nullptr);
        if constexpr (std::is_void_v<typename std::decay_t<decltype(call)>::Result>) {
            done(user_data, call.status, error);
        } else {
            auto *result = call.status == YV_OK ? call.outcome.result.release() : nullptr;
            done(user_data, call.status, result, error);
        }
    });
}

}  // namespace yv_capi
