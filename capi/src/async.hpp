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

// What a run function returns: a std::unique_ptr to the object handed to the callback, or void.
template <class Result>
struct Outcome {
    Result result;
};
template <>
struct Outcome<void> {};

// One call on the loop: its run function until it has run, then its outcome until the
// completion hands it over.
template <class Run>
struct AsyncCall {
    using Result = std::invoke_result_t<Run &>;

    explicit AsyncCall(Run work_fn) : run(std::move(work_fn)) {}
    ~AsyncCall() { yv_error_free(error); }
    AsyncCall(const AsyncCall &) = delete;
    AsyncCall &operator=(const AsyncCall &) = delete;

    // On the loop's stack: the call, through the same guard as a blocking call.
    void work() {
        status = guard(&error, [&] {
            if constexpr (std::is_void_v<Result>) {
                run();
            } else {
                outcome.result = run();
            }
        });
    }

    // The loop reported `e`: the call ended without its run function completing (it was cancelled
    // before it started, or the loop failed it). The outcome becomes that error.
    void fail(const yativo::Error &e) noexcept {
        yv_error_free(std::exchange(error, nullptr));
        if constexpr (!std::is_void_v<Result>) outcome.result = Result();
        error = make_error(e);
        status = error->code;
    }

    Run run;
    yv_status status = YV_E_INTERNAL;
    yv_error *error = nullptr;
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

// Starts `run` on the loop. `deliver(call)` hands the outcome to the C callback (it is called
// once, on the driving thread). Nothing that can fail happens after the loop took the call.
template <class Run, class Deliver>
void start_run(yativo::EventLoop &loop, yv_pending **pending, Run run, Deliver deliver) {
    auto call = std::make_shared<AsyncCall<Run>>(std::move(run));
    auto handle = pending ? std::make_unique<yv_pending>() : nullptr;
    auto started = loop.start([call] { call->work(); },
                              [call, deliver](const yativo::Error *e) {
                                  if (e) call->fail(*e);
                                  deliver(*call);
                              });
    if (handle) {
        handle->call = std::move(started);
        *pending = handle.release();
    }
}

// Checks the loop, `done` and `pending`, then `prepare()` checks and copies the call's arguments
// into its run function, which is started with the usual completion: (user_data, status, result
// or NULL, error or NULL), the callback owning the result and the error.
template <class Prepare, class Done>
void start(yv_loop *loop, yv_pending **pending, Done done, void *user_data, Prepare &&prepare) {
    auto &l = loop_for_start(loop, done, pending);
    auto run = prepare();
    using Run = decltype(run);
    start_run(l, pending, std::move(run), [done, user_data](AsyncCall<Run> &call) {
        yv_error *error = std::exchange(call.error, nullptr);
        if constexpr (std::is_void_v<typename AsyncCall<Run>::Result>) {
            done(user_data, call.status, error);
        } else {
            auto *result = call.status == YV_OK ? call.outcome.result.release() : nullptr;
            done(user_data, call.status, result, error);
        }
    });
}

}  // namespace yv_capi
