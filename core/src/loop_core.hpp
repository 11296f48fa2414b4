// The engine behind EventLoop: fibers (a call's own small stack, switched with ucontext) and the
// libcurl multi handle that carries every transfer of the loop. The core's blocking points ask
// Fiber::current(): on a fiber they give the loop back instead of blocking the thread.
#pragma once

#include <curl/curl.h>
#include <ucontext.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "clock.hpp"
#include "yativo/cancel.hpp"
#include "yativo/event_loop.hpp"
#include "yativo/status.hpp"

namespace yativo::detail {

class LoopCore;

// Wakes posted from any thread; the loop's eventfd tells the driving thread there are some.
struct WakeQueue {
    std::mutex mutex;
    std::vector<std::pair<std::uint64_t, std::uint64_t>> posted;  // (fiber id, wait number)
    int event_fd = -1;
    bool signalled = false;
    bool closed = false;

    void post(std::uint64_t fiber, std::uint64_t wait) noexcept;
    std::vector<std::pair<std::uint64_t, std::uint64_t>> take() noexcept;
};

// Ends one wait of one fiber, from any thread; a wake for a wait that already ended does nothing.
class Waker {
  public:
    Waker() = default;
    Waker(std::shared_ptr<WakeQueue> queue, std::uint64_t fiber, std::uint64_t wait)
        : queue_(std::move(queue)), fiber_(fiber), wait_(wait) {}
    void wake() const noexcept {
        if (queue_) queue_->post(fiber_, wait_);
    }
    bool same_wait(const Waker &other) const noexcept {
        return fiber_ == other.fiber_ && wait_ == other.wait_ && queue_ == other.queue_;
    }

  private:
    friend class LoopCore;
    std::shared_ptr<WakeQueue> queue_;
    std::uint64_t fiber_ = 0;
    std::uint64_t wait_ = 0;
};

struct AsyncCallState {
    std::shared_ptr<CancelToken> cancel = std::make_shared<CancelToken>();
    std::atomic<bool> done{false};
};

// libstdc++'s per-thread exception state (the caught-exception stack and the count of uncaught
// ones): each fiber has its own, or a fiber suspended inside a catch block would see another
// fiber's exceptions come and go under it.
struct EhGlobals {
    void *caught = nullptr;
    unsigned int uncaught = 0;
#ifdef __ARM_EABI_UNWINDER__
    void *propagating = nullptr;
#endif
};

class Fiber {
  public:
    // The fiber running on this thread, or nullptr on a plain thread's own stack.
    static Fiber *current() noexcept;

    LoopCore &loop() noexcept { return loop_; }
    // The call's token: AsyncCall::cancel() triggers it.
    CancelToken &cancel() noexcept { return *state_->cancel; }

    // Begins a wait; its waker may be handed to anyone (any thread) before suspend().
    Waker begin_wait();
    // Gives the loop back until the waker of the current wait is called, or `until` passes.
    // True when woken, false when the time passed. Never call it with a lock held.
    bool suspend(std::optional<SteadyTime> until);
    // suspend() for the wait of `waker`, which `cancel` (when given) also ends.
    bool suspend(const Waker &waker, std::optional<SteadyTime> until, CancelToken *cancel);
    // Sleeps until `until`; false when `cancel` was triggered first.
    bool sleep_until(SteadyTime until, CancelToken *cancel);

  private:
    friend class LoopCore;
    Fiber(LoopCore &loop, std::uint64_t id, std::function<void()> work,
          std::function<void(const Error *)> done, std::shared_ptr<AsyncCallState> state);
    static void entry() noexcept;
    void finish_switch_in();

    LoopCore &loop_;
    std::uint64_t id_;
    std::function<void()> work_;
    std::function<void(const Error *)> done_;
    std::shared_ptr<AsyncCallState> state_;
    std::optional<Error> error_;
    bool finished_ = false;
    bool waiting_ = false;
    bool timed_out_ = false;
    std::uint64_t wait_ = 0;
    std::optional<std::multimap<SteadyTime, std::pair<std::uint64_t, std::uint64_t>>::iterator>
        timer_;
    ucontext_t context_{};
    void *stack_ = nullptr;
    std::size_t stack_size_ = 0;
    EhGlobals eh_{};
    [[maybe_unused]] void *asan_fake_stack_ = nullptr;
    [[maybe_unused]] void *tsan_fiber_ = nullptr;
};

class LoopCore {
  public:
    explicit LoopCore(EventLoopOptions options);
    ~LoopCore();

    std::shared_ptr<AsyncCallState> start(std::function<void()> work,
                                          std::function<void(const Error *)> done);
    void on_socket(int fd, int events);
    void on_timeout();
    std::size_t run_once(std::chrono::milliseconds max_wait);
    std::size_t in_flight() const noexcept { return fibers_.size() + completions_.size(); }

    // Runs `easy` to its end on the loop's multi handle, from the fiber `self`. Returns
    // libcurl's result; CURLE_ABORTED_BY_CALLBACK when `cancel` was triggered first.
    CURLcode transfer(Fiber &self, CURL *easy, CancelToken *cancel);

  private:
    friend class Fiber;
    static int on_curl_socket(CURL *, curl_socket_t fd, int what, void *user, void *) noexcept;
    static int on_curl_timer(CURLM *, long ms, void *user) noexcept;

    // INVALID_ARGUMENT on a fiber: a call may not drive a loop (its own would re-enter itself).
    static void refuse_driving_from_a_call();
    // Runs everything that is due until nothing is, then tells the host what to watch.
    void pump();
    void resume(Fiber &fiber);
    // Ends the fiber's wait number `wait` (0: whatever wait it is in).
    void wake_local(std::uint64_t id, std::uint64_t wait);
    void retire(std::uint64_t id);
    void read_curl_messages();
    void flush_host();
    std::optional<SteadyTime> next_deadline() const;
    void *take_stack(std::size_t &size);
    void give_stack(void *stack, std::size_t size) noexcept;

    EventLoopOptions options_;
    CURLM *multi_ = nullptr;
    std::shared_ptr<WakeQueue> wakes_;

    std::unordered_map<std::uint64_t, std::unique_ptr<Fiber>> fibers_;
    std::deque<std::uint64_t> ready_;  // fibers to resume (new ones, woken ones)
    std::multimap<SteadyTime, std::pair<std::uint64_t, std::uint64_t>> timers_;
    std::optional<SteadyTime> curl_due_;
    struct Transfer {
        Waker waker;
        bool done = false;
        CURLcode result = CURLE_OK;
    };
    std::map<CURL *, Transfer> transfers_;  // node-based: a fiber keeps a reference across waits
    std::map<int, int> wanted_;             // fd -> events libcurl wants watched
    std::map<int, int> reported_;           // fd -> events the host was last told
    // Sockets libcurl changed since the host was last told, and whether it closed one meanwhile.
    std::vector<std::pair<int, bool>> dirty_;
    std::optional<SteadyTime> reported_due_;  // the timer the host was last asked for
    bool reported_no_timer_ = true;
    // Calls that ended, whose completion has not run yet.
    struct Completion {
        std::function<void(const Error *)> done;
        std::optional<Error> error;
        std::shared_ptr<AsyncCallState> state;
    };
    std::vector<Completion> completions_;
    std::vector<std::pair<void *, std::size_t>> spare_stacks_;
    std::uint64_t next_id_ = 1;
    bool pumping_ = false;
    bool closing_ = false;

    ucontext_t main_context_{};
    EhGlobals main_eh_{};
    [[maybe_unused]] const void *main_stack_bottom_ = nullptr;
    [[maybe_unused]] std::size_t main_stack_size_ = 0;
    [[maybe_unused]] void *main_tsan_fiber_ = nullptr;
};

}  // namespace yativo::detail
