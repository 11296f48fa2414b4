// A cancellation token: any thread may trigger it; once triggered it stays triggered (sticky).
// A call given a token stops promptly with CANCELLED wherever it waits: in backoff, waiting for
// a token exchange or a TOTP step, or in the middle of a transfer.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>

namespace yativo {

class CancelToken {
  public:
    CancelToken() = default;
    CancelToken(const CancelToken &) = delete;
    CancelToken &operator=(const CancelToken &) = delete;

    void cancel() noexcept;
    bool cancelled() const noexcept { return cancelled_.load(std::memory_order_acquire); }

    // Registers a function run once when the token is triggered (at once if it already is).
    // Returns an id for remove_wakeup. Used by the transport to interrupt a transfer.
    std::uint64_t add_wakeup(std::function<void()> fn);
    void remove_wakeup(std::uint64_t id);

  private:
    std::atomic<bool> cancelled_{false};
    std::mutex mutex_;
    std::map<std::uint64_t, std::function<void()>> wakeups_;
    std::uint64_t next_id_ = 1;
};

using CancelTokenPtr = std::shared_ptr<CancelToken>;

}  // namespace yativo
