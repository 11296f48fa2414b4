// Hands out X-2FA-Token codes from the client's TOTP source. RFC 6238 §5.2 forbids a server to
// accept one code twice, so each step is handed out at most once per client: concurrent 2FA calls
// queue for successive steps, each waiting until its step begins.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "clock.hpp"
#include "yativo/cancel.hpp"
#include "yativo/secret.hpp"

namespace yativo::detail {

class TotpScheduler {
  public:
    // `on_wait` (may be empty) hears of each wait for a step before the call sleeps.
    TotpScheduler(std::vector<std::uint8_t> key, std::chrono::seconds period,
                  std::shared_ptr<Clock> clock,
                  std::function<void(std::chrono::milliseconds)> on_wait = {});
    ~TotpScheduler();

    // A code for a step no earlier call of this client used, waiting for that step to begin.
    // Throws TIMEOUT when the step begins after the deadline, CANCELLED when cancelled.
    Secret next_code(SteadyTime deadline, CancelToken *cancel);

    // Seconds to add to this machine's clock to get the server's (from its Date header).
    void set_clock_offset(std::int64_t seconds) { offset_.store(seconds); }
    std::int64_t clock_offset() const { return offset_.load(); }
    std::chrono::seconds period() const { return period_; }

  private:
    std::vector<std::uint8_t> key_;
    std::chrono::seconds period_;
    std::shared_ptr<Clock> clock_;
    std::function<void(std::chrono::milliseconds)> on_wait_;
    std::atomic<std::int64_t> offset_{0};
    std::mutex mutex_;
    std::uint64_t last_reserved_ = 0;
};

}  // namespace yativo::detail
