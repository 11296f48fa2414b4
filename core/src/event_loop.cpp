#include <cxxabi.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "loop_core.hpp"
#include "yativo/defaults.hpp"

// GCC says which sanitizer is on with __SANITIZE_*__, clang (before 16) only with __has_feature.
#if defined(__SANITIZE_ADDRESS__)
#define YV_FIBER_ASAN 1
#endif
#if defined(__SANITIZE_THREAD__)
#define YV_FIBER_TSAN 1
#endif
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define YV_FIBER_ASAN 1
#endif
#if __has_feature(thread_sanitizer)
#define YV_FIBER_TSAN 1
#endif
#endif
#ifdef YV_FIBER_ASAN
#include <sanitizer/common_interface_defs.h>
#endif
#ifdef YV_FIBER_TSAN
#include <sanitizer/tsan_interface.h>
#endif

namespace yativo::detail {

namespace {

// A call's stack: its deepest path (a request built, libcurl's callbacks, a log hook into an
// interpreter) stays well under it. Pages are committed only when touched.
constexpr std::size_t kStackSize = 256 * 1024;
constexpr std::size_t kGuardSize = 4096;
constexpr std::size_t kSpareStacks = 64;

thread_local Fiber *t_current = nullptr;

void swap_eh(EhGlobals &save, const EhGlobals &load) noexcept {
    auto *globals = reinterpret_cast<EhGlobals *>(abi::__cxa_get_globals());
    save = *globals;
    *globals = load;
}

long ms_until(SteadyTime due, SteadyTime now) {
    if (due <= now) return 0;
    auto left = std::chrono::ceil<std::chrono::milliseconds>(due - now).count();
    return static_cast<long>(std::min<long long>(left, 24LL * 3600 * 1000));
}

}  // namespace

void WakeQueue::post(std::uint64_t fiber, std::uint64_t wait) noexcept {
    std::lock_guard<std::mutex> lock(mutex);
    if (closed) return;
    try {
        posted.emplace_back(fiber, wait);
    } catch (...) {
        return;  // out of memory: the waiter's own timeout still ends its wait
    }
    if (!signalled) {
        signalled = true;
        std::uint64_t one = 1;
        ssize_t n = ::write(event_fd, &one, sizeof one);
        (void)n;
    }
}

std::vector<std::pair<std::uint64_t, std::uint64_t>> WakeQueue::take() noexcept {
    std::vector<std::pair<std::uint64_t, std::uint64_t>> out;
    std::lock_guard<std::mutex> lock(mutex);
    out.swap(posted);
    if (signalled) {
        std::uint64_t value = 0;
        ssize_t n = ::read(event_fd, &value, sizeof value);
        (void)n;
        signalled = false;
    }
    return out;
}

// ---- Fiber ----

Fiber::Fiber(LoopCore &loop, std::uint64_t id, std::function<void()> work,
             std::function<void(const Error *)> done, std::shared_ptr<AsyncCallState> state)
    : loop_(loop),
      id_(id),
      work_(std::move(work)),
      done_(std::move(done)),
      state_(std::move(state)) {}

Fiber *Fiber::current() noexcept {
    return t_current;
}

Waker Fiber::begin_wait() {
    return Waker(loop_.wakes_, id_, ++wait_);
}

void Fiber::finish_switch_in() {
#ifdef YV_FIBER_ASAN
    __sanitizer_finish_switch_fiber(asan_fake_stack_, &loop_.main_stack_bottom_,
                                    &loop_.main_stack_size_);
#endif
}

bool Fiber::suspend(std::optional<SteadyTime> until) {
    waiting_ = true;
    timed_out_ = false;
    if (until) timer_ = loop_.timers_.emplace(*until, std::make_pair(id_, wait_));
#ifdef YV_FIBER_ASAN
    __sanitizer_start_switch_fiber(&asan_fake_stack_, loop_.main_stack_bottom_,
                                   loop_.main_stack_size_);
#endif
#ifdef YV_FIBER_TSAN
    __tsan_switch_to_fiber(loop_.main_tsan_fiber_, 0);
#endif
    swapcontext(&context_, &loop_.main_context_);
    finish_switch_in();
    return !timed_out_;
}

bool Fiber::suspend(const Waker &waker, std::optional<SteadyTime> until, CancelToken *cancel) {
    std::uint64_t id = cancel ? cancel->add_wakeup([waker] { waker.wake(); }) : 0;
    bool woken = suspend(until);
    if (cancel) cancel->remove_wakeup(id);
    return woken;
}

bool Fiber::sleep_until(SteadyTime until, CancelToken *cancel) {
    for (;;) {
        if (cancel && cancel->cancelled()) return false;
        if (std::chrono::steady_clock::now() >= until) return true;
        suspend(begin_wait(), until, cancel);
    }
}

void Fiber::entry() noexcept {
    Fiber *self = t_current;
    self->finish_switch_in();
    try {
        self->work_();
    } catch (const Error &e) {
        self->error_ = e;
    } catch (const std::bad_alloc &) {
        self->error_ = Error(Status::NO_MEMORY, "out of memory");
    } catch (const std::exception &e) {
        self->error_ = Error(Status::INTERNAL, std::string("the call's work threw: ") + e.what());
    } catch (...) {
        self->error_ = Error(Status::INTERNAL, "the call's work threw something unknown");
    }
    self->work_ = nullptr;  // what it captured goes while the fiber still runs
    self->finished_ = true;
    LoopCore &loop = self->loop_;
#ifdef YV_FIBER_ASAN
    __sanitizer_start_switch_fiber(nullptr, loop.main_stack_bottom_, loop.main_stack_size_);
#endif
#ifdef YV_FIBER_TSAN
    __tsan_switch_to_fiber(loop.main_tsan_fiber_, 0);
#endif
    setcontext(&loop.main_context_);
}

// ---- LoopCore ----

LoopCore::LoopCore(EventLoopOptions options) : options_(std::move(options)) {
    if (static_cast<bool>(options_.watch) != static_cast<bool>(options_.timer))
        throw Error(Status::INVALID_ARGUMENT,
                    "an event loop's watch and timer hooks go together: give both or neither");
    long max_host = options_.max_host_connections.value_or(defaults::max_host_connections);
    if (max_host <= 0)
        throw Error(Status::INVALID_ARGUMENT, "max_host_connections must be positive");
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    wakes_ = std::make_shared<WakeQueue>();
    wakes_->event_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (wakes_->event_fd < 0)
        throw Error(Status::INTERNAL, std::string("eventfd: ") + std::strerror(errno));
    multi_ = curl_multi_init();
    if (!multi_) {
        ::close(wakes_->event_fd);
        throw Error(Status::NO_MEMORY, "libcurl multi handle allocation failed");
    }
    curl_multi_setopt(multi_, CURLMOPT_SOCKETFUNCTION, &LoopCore::on_curl_socket);
    curl_multi_setopt(multi_, CURLMOPT_SOCKETDATA, this);
    curl_multi_setopt(multi_, CURLMOPT_TIMERFUNCTION, &LoopCore::on_curl_timer);
    curl_multi_setopt(multi_, CURLMOPT_TIMERDATA, this);
    curl_multi_setopt(multi_, CURLMOPT_MAX_HOST_CONNECTIONS, max_host);
}

LoopCore::~LoopCore() {
    if (pumping_) {
        // Destroyed from one of its own completions or hooks: its calls' stacks are in use.
        std::fputs("libyativo: an EventLoop was destroyed from its own completion or hook\n",
                   stderr);
        std::abort();
    }
    closing_ = true;
    for (auto &entry : fibers_) entry.second->state_->cancel->cancel();
    // Every call unwinds through its own rules (a transfer stopped, a write's outcome settled)
    // and its completion runs.
    while (!fibers_.empty() || !completions_.empty()) {
        pump();
        if (!fibers_.empty()) run_once(std::chrono::milliseconds(10));
    }
    if (options_.watch) {
        for (auto &entry : reported_) {
            try {
                options_.watch(entry.first, WatchNone);
            } catch (...) {
            }
        }
        if (!reported_no_timer_) {
            try {
                options_.timer(-1);
            } catch (...) {
            }
        }
    }
    curl_multi_cleanup(multi_);
    {
        std::lock_guard<std::mutex> lock(wakes_->mutex);
        wakes_->closed = true;
        ::close(wakes_->event_fd);
        wakes_->event_fd = -1;
    }
    for (auto &stack : spare_stacks_) munmap(stack.first, stack.second);
}

void *LoopCore::take_stack(std::size_t &size) {
    if (!spare_stacks_.empty()) {
        auto stack = spare_stacks_.back();
        spare_stacks_.pop_back();
        size = stack.second;
        return stack.first;
    }
    size = kStackSize + kGuardSize;
    void *p =
        mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
    if (p == MAP_FAILED) throw Error(Status::NO_MEMORY, "no memory for a call's stack");
    // The lowest page stays unmapped for access: an overflow faults instead of corrupting.
    mprotect(p, kGuardSize, PROT_NONE);
    return p;
}

void LoopCore::give_stack(void *stack, std::size_t size) noexcept {
    if (spare_stacks_.size() < kSpareStacks) {
        try {
            spare_stacks_.emplace_back(stack, size);
            return;
        } catch (...) {
        }
    }
    munmap(stack, size);
}

std::shared_ptr<AsyncCallState> LoopCore::start(std::function<void()> work,
                                                std::function<void(const Error *)> done) {
    if (closing_) throw Error(Status::INVALID_ARGUMENT, "the event loop is closing");
    if (!work) throw Error(Status::INVALID_ARGUMENT, "an async call needs work to run");
    auto state = std::make_shared<AsyncCallState>();
    std::uint64_t id = next_id_++;
    std::unique_ptr<Fiber> fiber(new Fiber(*this, id, std::move(work), std::move(done), state));
    fiber->stack_ = take_stack(fiber->stack_size_);
    // Until the call is queued, a failure gives the stack back.
    struct StackBack {
        LoopCore &loop;
        void *stack;
        std::size_t size;
        ~StackBack() {
            if (stack) loop.give_stack(stack, size);
        }
    } stack_back{*this, fiber->stack_, fiber->stack_size_};
    getcontext(&fiber->context_);
    fiber->context_.uc_stack.ss_sp = static_cast<char *>(fiber->stack_) + kGuardSize;
    fiber->context_.uc_stack.ss_size = fiber->stack_size_ - kGuardSize;
    fiber->context_.uc_link = nullptr;
    makecontext(&fiber->context_, &Fiber::entry, 0);
    // A cancel from any thread ends whatever wait the call is in; the call then sees its token.
    // Registered before the call is queued: a start() that throws leaves nothing behind.
    state->cancel->add_wakeup([queue = wakes_, id] { queue->post(id, 0); });
    ready_.push_back(id);
    try {
        fibers_.emplace(id, std::move(fiber));
    } catch (...) {
        ready_.pop_back();
        throw;
    }
    stack_back.stack = nullptr;
#ifdef YV_FIBER_TSAN
    fibers_[id]->tsan_fiber_ = __tsan_create_fiber(0);
#endif
    if (!pumping_) flush_host();  // asks the host for an immediate timer
    return state;
}

void LoopCore::wake_local(std::uint64_t id, std::uint64_t wait) {
    auto it = fibers_.find(id);
    if (it == fibers_.end()) return;
    Fiber &f = *it->second;
    if (!f.waiting_ || (wait != 0 && f.wait_ != wait)) return;
    f.waiting_ = false;
    if (f.timer_) {
        timers_.erase(*f.timer_);
        f.timer_.reset();
    }
    ready_.push_back(id);
}

void LoopCore::resume(Fiber &f) {
    t_current = &f;
    swap_eh(main_eh_, f.eh_);
#ifdef YV_FIBER_ASAN
    void *fake_stack = nullptr;
    __sanitizer_start_switch_fiber(&fake_stack, static_cast<char *>(f.stack_) + kGuardSize,
                                   f.stack_size_ - kGuardSize);
#endif
#ifdef YV_FIBER_TSAN
    main_tsan_fiber_ = __tsan_get_current_fiber();
    __tsan_switch_to_fiber(f.tsan_fiber_, 0);
#endif
    swapcontext(&main_context_, &f.context_);
#ifdef YV_FIBER_ASAN
    __sanitizer_finish_switch_fiber(fake_stack, nullptr, nullptr);
#endif
    swap_eh(f.eh_, main_eh_);
    t_current = nullptr;
}

void LoopCore::retire(std::uint64_t id) {
    auto it = fibers_.find(id);
    if (it == fibers_.end()) return;
    std::unique_ptr<Fiber> f = std::move(it->second);
    fibers_.erase(it);
    if (f->timer_) timers_.erase(*f->timer_);
    give_stack(f->stack_, f->stack_size_);
#ifdef YV_FIBER_TSAN
    __tsan_destroy_fiber(f->tsan_fiber_);
#endif
    completions_.push_back(
        Completion{std::move(f->done_), std::move(f->error_), std::move(f->state_)});
}

void LoopCore::read_curl_messages() {
    int queued = 0;
    while (CURLMsg *msg = curl_multi_info_read(multi_, &queued)) {
        if (msg->msg != CURLMSG_DONE) continue;
        auto it = transfers_.find(msg->easy_handle);
        if (it == transfers_.end()) continue;
        it->second.done = true;
        it->second.result = msg->data.result;
        wake_local(it->second.waker.fiber_, it->second.waker.wait_);
    }
}

void LoopCore::pump() {
    if (pumping_) return;
    pumping_ = true;
    struct Reset {
        bool &flag;
        ~Reset() { flag = false; }
    } reset{pumping_};
    for (;;) {
        for (const auto &wake : wakes_->take()) wake_local(wake.first, wake.second);
        SteadyTime now = std::chrono::steady_clock::now();
        if (curl_due_ && *curl_due_ <= now) {
            curl_due_.reset();
            int running = 0;
            curl_multi_socket_action(multi_, CURL_SOCKET_TIMEOUT, 0, &running);
        }
        read_curl_messages();
        while (!timers_.empty() && timers_.begin()->first <= now) {
            auto due = timers_.begin()->second;
            timers_.erase(timers_.begin());
            auto it = fibers_.find(due.first);
            if (it == fibers_.end()) continue;
            Fiber &f = *it->second;
            f.timer_.reset();
            if (!f.waiting_ || f.wait_ != due.second) continue;
            f.waiting_ = false;
            f.timed_out_ = true;
            ready_.push_back(due.first);
        }
        if (ready_.empty() && completions_.empty()) break;
        while (!ready_.empty()) {
            std::uint64_t id = ready_.front();
            ready_.pop_front();
            auto it = fibers_.find(id);
            if (it == fibers_.end()) continue;
            resume(*it->second);
            if (it->second->finished_) retire(id);
        }
        std::vector<Completion> completions;
        completions.swap(completions_);
        for (Completion &c : completions) {
            if (c.done) {
                try {
                    c.done(c.error ? &*c.error : nullptr);
                } catch (...) {
                    // A throwing completion must not stop the other calls of the loop.
                }
            }
            c.state->done.store(true);
        }
    }
    flush_host();
}

std::optional<SteadyTime> LoopCore::next_deadline() const {
    std::optional<SteadyTime> due = curl_due_;
    if (!timers_.empty() && (!due || timers_.begin()->first < *due)) due = timers_.begin()->first;
    if (!ready_.empty() || !completions_.empty()) due = std::chrono::steady_clock::now();
    return due;
}

void LoopCore::flush_host() {
    if (!options_.watch) return;
    if (!reported_.count(wakes_->event_fd)) {
        reported_[wakes_->event_fd] = WatchRead;
        options_.watch(wakes_->event_fd, WatchRead);
    }
    // Only the sockets libcurl changed since the last flush: a thousand connections cost no
    // more per event than one.
    std::vector<std::pair<int, bool>> dirty;
    dirty.swap(dirty_);
    for (const auto &change : dirty) {
        int fd = change.first;
        auto had = reported_.find(fd);
        // libcurl closed the socket since: a new one may have its number, which the host does
        // not watch yet (an epoll set forgets a closed descriptor), so it is announced again.
        if (change.second && had != reported_.end()) {
            reported_.erase(had);
            options_.watch(fd, WatchNone);
            had = reported_.end();
        }
        auto want = wanted_.find(fd);
        int events = want == wanted_.end() ? WatchNone : want->second;
        if (had != reported_.end() && had->second == events) continue;
        if (events == WatchNone) {
            if (had == reported_.end()) continue;
            reported_.erase(had);
        } else {
            reported_[fd] = events;
        }
        options_.watch(fd, events);
    }
    std::optional<SteadyTime> due = next_deadline();
    if (due) {
        if (reported_no_timer_ || !reported_due_ || *reported_due_ != *due) {
            reported_due_ = due;
            reported_no_timer_ = false;
            options_.timer(ms_until(*due, std::chrono::steady_clock::now()));
        }
    } else if (!reported_no_timer_) {
        reported_no_timer_ = true;
        reported_due_.reset();
        options_.timer(-1);
    }
}

int LoopCore::on_curl_socket(CURL *, curl_socket_t fd, int what, void *user, void *) noexcept {
    auto *self = static_cast<LoopCore *>(user);
    try {
        self->dirty_.emplace_back(fd, what == CURL_POLL_REMOVE);
        switch (what) {
            case CURL_POLL_IN:
                self->wanted_[fd] = WatchRead;
                break;
            case CURL_POLL_OUT:
                self->wanted_[fd] = WatchWrite;
                break;
            case CURL_POLL_INOUT:
                self->wanted_[fd] = WatchRead | WatchWrite;
                break;
            default:
                self->wanted_.erase(fd);
                break;
        }
    } catch (...) {
        return -1;
    }
    return 0;
}

int LoopCore::on_curl_timer(CURLM *, long ms, void *user) noexcept {
    auto *self = static_cast<LoopCore *>(user);
    if (ms < 0)
        self->curl_due_.reset();
    else
        self->curl_due_ = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    return 0;
}

void LoopCore::refuse_driving_from_a_call() {
    if (Fiber::current())
        throw Error(Status::INVALID_ARGUMENT, "an event loop is driven from a call it runs");
}

void LoopCore::on_socket(int fd, int events) {
    refuse_driving_from_a_call();
    if (fd != wakes_->event_fd) {
        int mask = 0;
        if (events & WatchRead) mask |= CURL_CSELECT_IN;
        if (events & WatchWrite) mask |= CURL_CSELECT_OUT;
        if (events & WatchError) mask |= CURL_CSELECT_ERR;
        int running = 0;
        curl_multi_socket_action(multi_, fd, mask, &running);
    }
    pump();
}

void LoopCore::on_timeout() {
    refuse_driving_from_a_call();
    // The host's timer fired: whatever is due next must be asked for again.
    reported_no_timer_ = true;
    reported_due_.reset();
    pump();
}

std::size_t LoopCore::run_once(std::chrono::milliseconds max_wait) {
    refuse_driving_from_a_call();
    pump();
    std::vector<pollfd> fds;
    fds.reserve(wanted_.size() + 1);
    fds.push_back(pollfd{wakes_->event_fd, POLLIN, 0});
    for (const auto &entry : wanted_) {
        short events = 0;
        if (entry.second & WatchRead) events |= POLLIN;
        if (entry.second & WatchWrite) events |= POLLOUT;
        fds.push_back(pollfd{entry.first, events, 0});
    }
    long wait = static_cast<long>(std::max<long long>(0, max_wait.count()));
    if (auto due = next_deadline())
        wait = std::min(wait, ms_until(*due, std::chrono::steady_clock::now()));
    if (fibers_.empty() && completions_.empty()) wait = 0;
    int n = ::poll(fds.data(), fds.size(), static_cast<int>(wait));
    if (n > 0) {
        for (std::size_t i = 1; i < fds.size(); ++i) {
            if (!fds[i].revents) continue;
            int mask = 0;
            if (fds[i].revents & (POLLIN | POLLHUP)) mask |= CURL_CSELECT_IN;
            if (fds[i].revents & POLLOUT) mask |= CURL_CSELECT_OUT;
            if (fds[i].revents & (POLLERR | POLLNVAL)) mask |= CURL_CSELECT_ERR;
            int running = 0;
            curl_multi_socket_action(multi_, fds[i].fd, mask, &running);
        }
    }
    pump();
    return in_flight();
}

CURLcode LoopCore::transfer(Fiber &self, CURL *easy, CancelToken *cancel) {
    if (cancel && cancel->cancelled()) return CURLE_ABORTED_BY_CALLBACK;
    auto inserted = transfers_.emplace(easy, Transfer{});
    if (!inserted.second) return CURLE_FAILED_INIT;
    Transfer &t = inserted.first->second;
    struct Forget {
        LoopCore &loop;
        CURL *easy;
        bool attached = false;
        ~Forget() {
            if (attached) curl_multi_remove_handle(loop.multi_, easy);
            loop.transfers_.erase(easy);
        }
    } forget{*this, easy};
    CURLMcode added = curl_multi_add_handle(multi_, easy);
    if (added != CURLM_OK)
        return added == CURLM_OUT_OF_MEMORY ? CURLE_OUT_OF_MEMORY : CURLE_FAILED_INIT;
    forget.attached = true;
    for (;;) {
        if (t.done) return t.result;
        if (cancel && cancel->cancelled()) return CURLE_ABORTED_BY_CALLBACK;
        t.waker = self.begin_wait();
        self.suspend(t.waker, std::nullopt, cancel);
    }
}

}  // namespace yativo::detail

namespace yativo {

void AsyncCall::cancel() const noexcept {
    if (state_) state_->cancel->cancel();
}

bool AsyncCall::done() const noexcept {
    return state_ && state_->done.load();
}

EventLoop::EventLoop(EventLoopOptions options)
    : core_(std::make_unique<detail::LoopCore>(std::move(options))) {}

EventLoop::~EventLoop() = default;

AsyncCall EventLoop::start(std::function<void()> work, std::function<void(const Error *)> done) {
    return AsyncCall(core_->start(std::move(work), std::move(done)));
}

void EventLoop::on_socket(int fd, int events) {
    core_->on_socket(fd, events);
}

void EventLoop::on_timeout() {
    core_->on_timeout();
}

std::size_t EventLoop::run_once(std::chrono::milliseconds max_wait) {
    return core_->run_once(max_wait);
}

void EventLoop::run() {
    while (core_->run_once(std::chrono::milliseconds(1000)) > 0) {
    }
}

std::size_t EventLoop::in_flight() const noexcept {
    return core_->in_flight();
}

}  // namespace yativo
