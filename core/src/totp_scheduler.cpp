#include "totp_scheduler.hpp"

#include <openssl/crypto.h>

#include <cmath>

#include "yativo/defaults.hpp"
#include "yativo/status.hpp"
#include "yativo/totp.hpp"

namespace yativo::detail {

TotpScheduler::TotpScheduler(std::vector<std::uint8_t> key, std::chrono::seconds period,
                             std::shared_ptr<Clock> clock,
                             std::function<void(std::chrono::milliseconds)> on_wait)
    : key_(std::move(key)),
      period_(period),
      clock_(std::move(clock)),
      on_wait_(std::move(on_wait)) {}

TotpScheduler::~TotpScheduler() {
    OPENSSL_cleanse(key_.data(), key_.size());
}

Secret TotpScheduler::next_code(SteadyTime deadline, CancelToken *cancel) {
    const double period = static_cast<double>(period_.count());
    std::uint64_t step;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        double server_now = clock_->wall_seconds() + static_cast<double>(offset_.load());
        auto current = static_cast<std::uint64_t>(std::floor(server_now / period));
        // A clock that moved back (NTP, a corrected server offset) must not leave the queue
        // hours ahead; a step the server already saw is refused and the call moves on.
        if (last_reserved_ > current + 1) last_reserved_ = current;
        step = std::max(current, last_reserved_ + 1);
        last_reserved_ = step;
    }
    // A step this call reserved but will not use goes back, so the next call need not wait.
    auto release = [&] {
        std::lock_guard<std::mutex> lock(mutex_);
        if (last_reserved_ == step) last_reserved_ = step - 1;
    };
    // Wait (outside the lock) until the reserved step has begun on the server's clock.
    double wait_s = static_cast<double>(step) * period -
                    (clock_->wall_seconds() + static_cast<double>(offset_.load()));
    if (wait_s > 0) {
        auto wait = std::chrono::duration_cast<std::chrono::steady_clock::duration>(
            std::chrono::duration<double>(wait_s + 0.05));
        SteadyTime until = clock_->now() + wait;
        if (until > deadline) {
            release();
            throw Error(Status::TIMEOUT,
                        "the next unused TOTP step begins after the call's deadline");
        }
        if (on_wait_) on_wait_(std::chrono::duration_cast<std::chrono::milliseconds>(wait));
        if (!clock_->sleep_until(until, cancel)) {
            release();
            throw Error(Status::CANCELLED, "call cancelled");
        }
    }
    return totp_code_for_step(key_, step, defaults::totp_digits);
}

}  // namespace yativo::detail
