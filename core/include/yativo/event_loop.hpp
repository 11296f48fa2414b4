// Many calls from one thread: an event loop that runs calls of the blocking API without blocking.
//
// A call started on an EventLoop runs as the same code as its blocking twin (one set of rules:
// retries, idempotency keys, single-flight token exchange, 2FA steps, deadlines, cancellation)
// on a small stack of its own. Where the blocking call would wait (a transfer, a backoff, another
// caller's token exchange, the next TOTP step), it gives the loop back instead; libcurl's multi
// interface carries every transfer of the loop.
//
// The loop is driven in one of two ways:
// - by the host's own loop (epoll, libuv, asyncio): `watch` and `timer` say which sockets to
//   watch and when the next timer fires; the host calls on_socket() and on_timeout();
// - by itself: run_once() and run() wait with poll().
// Either way the library creates no thread of its own. (libcurl may resolve a host name on a
// short-lived thread of its own; numeric addresses never do.)
//
// Threads: one thread at a time drives a loop (start, on_socket, on_timeout, run_once, run and
// the destructor). AsyncCall::cancel() may be called from any thread. A Client may serve
// blocking callers on other threads and several loops at once: they share its token and its
// single flight.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

#include "yativo/status.hpp"

namespace yativo {

namespace detail {
class LoopCore;
struct AsyncCallState;
}  // namespace detail

// What a socket is watched for (a bit set). on_socket() also takes WatchError.
enum Watch : int { WatchNone = 0, WatchRead = 1, WatchWrite = 2, WatchError = 4 };

struct EventLoopOptions {
    // The loop wants `fd` watched for `events` (WatchRead | WatchWrite), or no longer watched
    // (WatchNone). Called on the driving thread, from the loop's functions; start() calls
    // `timer` (0: run the new call soon), as curl_multi_add_handle calls its timer callback.
    // Neither hook may call into the loop.
    std::function<void(int fd, int events)> watch;
    // Call on_timeout() after `ms` milliseconds (0: as soon as possible); -1: no timer. Each call
    // replaces the previous timer.
    std::function<void(long ms)> timer;
    // Connections this loop opens to one host at most; calls beyond it wait their turn (HTTP/1.1
    // carries one call per connection). Unset: defaults::max_host_connections.
    std::optional<long> max_host_connections;
};

// One call in flight. Copies refer to the same call; the handle may outlive the call and the loop.
class AsyncCall {
  public:
    AsyncCall() = default;
    // Asks the call to stop; thread-safe, idempotent. It ends with CANCELLED, through the same
    // rules as a cancelled blocking call: a write that may have reached the server reports
    // outcome_unknown and keeps its idempotency key. Its completion runs all the same.
    void cancel() const noexcept;
    // Whether its completion has run.
    bool done() const noexcept;
    explicit operator bool() const noexcept { return static_cast<bool>(state_); }

  private:
    friend class EventLoop;
    explicit AsyncCall(std::shared_ptr<detail::AsyncCallState> state) : state_(std::move(state)) {}
    std::shared_ptr<detail::AsyncCallState> state_;
};

class EventLoop {
  public:
    explicit EventLoop(EventLoopOptions options = {});
    // Cancels every call in flight and runs each one's completion (CANCELLED, or its outcome if
    // it ended first) before returning. Never from one of its own completions or hooks (the
    // process is aborted with a message: the calls' stacks are in use there).
    ~EventLoop();
    EventLoop(const EventLoop &) = delete;
    EventLoop &operator=(const EventLoop &) = delete;

    // Runs `work` on this loop: a function that makes calls of the blocking API (it may make
    // several; each waits without blocking). `done` runs on the driving thread after `work`
    // ends, with nullptr or the error it ended with (an exception other than yativo::Error is
    // reported as INTERNAL). Neither runs within start(): both run while the loop is driven.
    // `work` must not block on anything but libyativo calls, and must not drive this loop.
    AsyncCall start(std::function<void()> work, std::function<void(const Error *)> done);

    // `work` returns a value: `done(value, nullptr)` or `done(std::nullopt, &error)`.
    template <class Work, class Done>
    AsyncCall call(Work work, Done done) {
        using R = std::invoke_result_t<Work>;
        if constexpr (std::is_void_v<R>) {
            return start(std::move(work), std::move(done));
        } else {
            auto result = std::make_shared<std::optional<R>>();
            return start([result, work = std::move(work)]() mutable { result->emplace(work()); },
                         [result, done = std::move(done)](const Error *error) mutable {
                             if (error)
                                 done(std::optional<R>(), error);
                             else
                                 done(std::move(*result), nullptr);
                         });
        }
    }

    // The host's loop saw `fd` ready (WatchRead | WatchWrite | WatchError).
    void on_socket(int fd, int events);
    // The timer the loop asked for fired.
    void on_timeout();

    // Waits with poll() at most `max_wait` for the loop's sockets and timers, and does the work
    // that is due. Returns the number of calls still in flight.
    std::size_t run_once(std::chrono::milliseconds max_wait);
    // Drives the loop until no call is in flight.
    void run();

    // Calls started whose completion has not run yet.
    std::size_t in_flight() const noexcept;

  private:
    std::unique_ptr<detail::LoopCore> core_;
};

}  // namespace yativo
