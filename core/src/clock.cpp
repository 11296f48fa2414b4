#include "clock.hpp"

#include "loop_core.hpp"

namespace yativo::detail {

bool Clock::sleep_until(SteadyTime until, CancelToken *cancel) const {
    // A call on an EventLoop gives its loop back instead of blocking the thread.
    if (Fiber *fiber = Fiber::current()) return fiber->sleep_until(until, cancel);
    if (!cancel) {
        std::this_thread::sleep_until(until);
        return true;
    }
    struct Waiter {
        std::mutex m;
        std::condition_variable cv;
        bool woken = false;
    };
    auto waiter = std::make_shared<Waiter>();
    std::uint64_t id = cancel->add_wakeup([waiter] {
        std::lock_guard<std::mutex> lock(waiter->m);
        waiter->woken = true;
        waiter->cv.notify_all();
    });
    {
        std::unique_lock<std::mutex> lock(waiter->m);
        waiter->cv.wait_until(lock, until, [&] { return waiter->woken; });
    }
    cancel->remove_wakeup(id);
    return !cancel->cancelled();
}

std::shared_ptr<Clock> system_clock() {
    static std::shared_ptr<Clock> clock = std::make_shared<SystemClock>();
    return clock;
}

}  // namespace yativo::detail
