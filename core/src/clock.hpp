// Time sources. Token expiry runs on the monotonic clock (gateways boot with wrong wall clocks);
// TOTP needs the wall clock. Tests inject a fake.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>

#include "yativo/cancel.hpp"

namespace yativo::detail {

using SteadyTime = std::chrono::steady_clock::time_point;

class Clock {
  public:
    virtual ~Clock() = default;
    virtual SteadyTime now() const = 0;
    // Seconds since 1970 (UTC), with sub-second precision.
    virtual double wall_seconds() const = 0;
    // Sleeps until `until` (monotonic), returning early when `cancel` is triggered.
    // Returns false when cancelled.
    virtual bool sleep_until(SteadyTime until, CancelToken *cancel) const;
};

class SystemClock : public Clock {
  public:
    SteadyTime now() const override { return std::chrono::steady_clock::now(); }
    double wall_seconds() const override {
        return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch())
            .count();
    }
};

std::shared_ptr<Clock> system_clock();

}  // namespace yativo::detail
