// Fixed one-minute windows per credential, reported through X-RateLimit-* headers.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "clock.hpp"

namespace yvsb {

struct RateInfo {
    long limit = 0;
    long remaining = 0;
    int64_t reset_unix = 0;  // when the current window ends
    bool exceeded = false;
    long retry_after = 0;  // seconds, when exceeded
};

class RateLimiter {
  public:
    // Limit reported while limiting is off (per_minute == 0): requests are then never refused.
    static constexpr long kUnlimitedReported = 1000000;

    explicit RateLimiter(long per_minute) : per_minute_(per_minute) {}

    RateInfo hit(const std::string &bucket, SysTime now);  // counts one request
    RateInfo peek(const std::string &bucket, SysTime now) const;
    void clear() { windows_.clear(); }

  private:
    struct Window {
        SysTime start;
        long count = 0;
    };
    RateInfo describe(const Window &w, SysTime now) const;
    long limit() const { return per_minute_ > 0 ? per_minute_ : kUnlimitedReported; }

    long per_minute_;
    std::map<std::string, Window> windows_;
};

}  // namespace yvsb
