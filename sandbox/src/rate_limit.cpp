#include "rate_limit.hpp"

namespace yvsb {
namespace {
constexpr std::chrono::seconds kWindow(60);
}

RateInfo RateLimiter::describe(const Window &w, SysTime now) const {
    RateInfo info;
    info.limit = limit();
    info.remaining = w.count >= info.limit ? 0 : info.limit - w.count;
    SysTime end = w.start + kWindow;
    auto ms_left = std::chrono::duration_cast<std::chrono::milliseconds>(end - now).count();
    auto end_ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(end.time_since_epoch()).count();
    info.reset_unix = (end_ms + 999) / 1000;
    info.retry_after = ms_left <= 0 ? 1 : (ms_left + 999) / 1000;
    return info;
}

RateInfo RateLimiter::hit(const std::string &bucket, SysTime now) {
    if (windows_.size() > 10000) {
        for (auto it = windows_.begin(); it != windows_.end();)
            it = now - it->second.start >= kWindow ? windows_.erase(it) : std::next(it);
    }
    Window &w = windows_[bucket];
    if (w.count == 0 || now - w.start >= kWindow) {
        w.start = now;
        w.count = 0;
    }
    if (per_minute_ > 0 && w.count >= per_minute_) {
        RateInfo info = describe(w, now);
        info.exceeded = true;
        return info;
    }
    ++w.count;
    return describe(w, now);
}

RateInfo RateLimiter::peek(const std::string &bucket, SysTime now) const {
    auto it = windows_.find(bucket);
    if (it == windows_.end() || now - it->second.start >= kWindow) {
        Window fresh;
        fresh.start = now;
        return describe(fresh, now);
    }
    return describe(it->second, now);
}

}  // namespace yvsb
