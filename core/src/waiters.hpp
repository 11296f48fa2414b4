// A condition variable that a call running on an EventLoop's fiber can wait on too: a thread
// blocks on the condition variable; a fiber gives its loop back until notify_all() or the
// timeout. Blocking and async callers of one client share a single flight (a token exchange, a
// session refresh) through it.
#pragma once

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

#include "loop_core.hpp"

namespace yativo::detail {

class Waiters {
  public:
    // With `lock` held; released during the wait and held again after. Returns pred() (false
    // when the time passed first).
    template <class Pred>
    bool wait_for(std::unique_lock<std::mutex> &lock, std::chrono::steady_clock::duration timeout,
                  Pred pred) {
        const SteadyTime until = std::chrono::steady_clock::now() + timeout;
        while (!pred()) {
            Fiber *fiber = Fiber::current();
            if (!fiber) return cv_->wait_until(lock, until, pred);
            if (std::chrono::steady_clock::now() >= until) return pred();
            suspend(lock, *fiber, until);
        }
        return true;
    }
    // One wait: until notify_all() or the timeout (or, on a thread, a spurious wakeup).
    void wait_once(std::unique_lock<std::mutex> &lock,
                   std::chrono::steady_clock::duration timeout) {
        if (Fiber *fiber = Fiber::current())
            suspend(lock, *fiber, std::chrono::steady_clock::now() + timeout);
        else
            cv_->wait_for(lock, timeout);
    }
    // With the lock held.
    void notify_all() {
        cv_->notify_all();
        for (const Waker &w : fibers_) w.wake();
        fibers_.clear();
    }
    // In a child of fork(): the condition variable may count waiters that are threads of the
    // parent (glibc's broadcast and destroy wait for those), so it is replaced and leaked.
    void leave_parent() {
        (void)cv_.release();
        cv_ = std::make_unique<std::condition_variable>();
        fibers_.clear();
    }

  private:
    // The fiber's wait: listed for notify_all(), with `lock` released while the loop runs.
    void suspend(std::unique_lock<std::mutex> &lock, Fiber &fiber, SteadyTime until) {
        Waker waker = fiber.begin_wait();
        fibers_.push_back(waker);
        lock.unlock();
        fiber.suspend(until);
        lock.lock();
        fibers_.erase(std::remove_if(fibers_.begin(), fibers_.end(),
                                     [&](const Waker &w) { return w.same_wait(waker); }),
                      fibers_.end());
    }

    std::unique_ptr<std::condition_variable> cv_ = std::make_unique<std::condition_variable>();
    std::vector<Waker> fibers_;
};

}  // namespace yativo::detail
