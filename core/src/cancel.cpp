#include "yativo/cancel.hpp"

namespace yativo {

// Wakeups run under the mutex so that remove_wakeup() returning means the function is not running
// and will never run: the transport can then free what the function touches. Wakeup functions
// are short (notify a condition variable, curl_multi_wakeup) and never call back into the token.
void CancelToken::cancel() noexcept {
    std::lock_guard<std::mutex> lock(mutex_);
    if (cancelled_.exchange(true, std::memory_order_acq_rel)) return;
    for (auto &entry : wakeups_) {
        try {
            entry.second();
        } catch (...) {
        }
    }
    wakeups_.clear();
}

std::uint64_t CancelToken::add_wakeup(std::function<void()> fn) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (cancelled_.load(std::memory_order_acquire)) {
        fn();
        return 0;
    }
    std::uint64_t id = next_id_++;
    wakeups_.emplace(id, std::move(fn));
    return id;
}

void CancelToken::remove_wakeup(std::uint64_t id) {
    std::lock_guard<std::mutex> lock(mutex_);
    wakeups_.erase(id);
}

}  // namespace yativo
