// Test seams for what is hard to provoke over a real socket: a scripted transport and a clock
// that tests move by hand.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "client_impl.hpp"
#include "clock.hpp"
#include "transport.hpp"
#include "yativo/client.hpp"

namespace yvtest {

using yativo::detail::HttpRequest;
using yativo::detail::HttpResult;

inline HttpResult respond(long status, std::string body,
                          std::vector<std::pair<std::string, std::string>> headers = {}) {
    HttpResult r;
    r.status = status;
    r.body = std::move(body);
    for (const auto &[name, value] : headers) r.headers.add(name, value);
    r.request_sent = true;
    return r;
}

inline HttpResult fail(yativo::detail::FailureKind kind, bool sent) {
    HttpResult r;
    r.failure = kind;
    r.request_sent = sent;
    r.failure_message = "scripted failure";
    return r;
}

inline std::string header_value(const HttpRequest &r, const std::string &name) {
    for (const auto &h : r.headers)
        if (h.str().rfind(name + ": ", 0) == 0) return h.str().substr(name.size() + 2);
    return {};
}

// What the fake saw, copied before the client wipes its request.
struct Seen {
    std::string method, url, body, idempotency_key, authorization, two_factor;
    bool may_resend = true;
    int max_sends = 0;
    std::int64_t timeout_ms = 0;
};

class FakeTransport : public yativo::detail::Transport {
  public:
    using Handler = std::function<HttpResult(const Seen &, int call_index)>;
    explicit FakeTransport(Handler h) : handler_(std::move(h)) {}
    HttpResult perform(HttpRequest &r) override {
        Seen s;
        s.method = r.method;
        s.url = r.url();
        s.body = r.body;
        s.idempotency_key = header_value(r, "Idempotency-Key");
        s.authorization = header_value(r, "Authorization");
        s.two_factor = header_value(r, "X-2FA-Token");
        s.may_resend = r.may_resend;
        s.max_sends = r.max_sends;
        s.timeout_ms = r.timeout.count();
        int index;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            seen_.push_back(s);
            index = static_cast<int>(seen_.size()) - 1;
        }
        return handler_(s, index);
    }
    std::vector<Seen> seen() {
        std::lock_guard<std::mutex> lock(mutex_);
        return seen_;
    }
    int count(const std::string &url_suffix) {
        std::lock_guard<std::mutex> lock(mutex_);
        int n = 0;
        for (const auto &s : seen_)
            if (s.url.size() >= url_suffix.size() &&
                s.url.compare(s.url.size() - url_suffix.size(), url_suffix.size(), url_suffix) == 0)
                ++n;
        return n;
    }

  private:
    Handler handler_;
    std::mutex mutex_;
    std::vector<Seen> seen_;
};

// A clock that only moves when told to, or when the client sleeps (instantly).
class FakeClock : public yativo::detail::Clock {
  public:
    explicit FakeClock(double wall_start = 1'700'000'000.0) : wall_start_(wall_start) {}
    yativo::detail::SteadyTime now() const override {
        return yativo::detail::SteadyTime(std::chrono::nanoseconds(offset_ns_.load()));
    }
    double wall_seconds() const override { return wall_start_ + offset_ns_.load() / 1e9; }
    bool sleep_until(yativo::detail::SteadyTime until, yativo::CancelToken *cancel) const override {
        if (cancel && cancel->cancelled()) return false;
        auto target =
            std::chrono::duration_cast<std::chrono::nanoseconds>(until.time_since_epoch()).count();
        std::int64_t cur = offset_ns_.load();
        while (cur < target && !offset_ns_.compare_exchange_weak(cur, target)) {
        }
        slept_ns_ += target > cur ? target - cur : 0;
        return true;
    }
    void advance(std::chrono::milliseconds d) { offset_ns_ += std::chrono::nanoseconds(d).count(); }
    std::int64_t slept_ms() const { return slept_ns_.load() / 1'000'000; }

  private:
    double wall_start_;
    mutable std::atomic<std::int64_t> offset_ns_{1'000'000'000};
    mutable std::atomic<std::int64_t> slept_ns_{0};
};

struct Harness {
    FakeTransport *transport = nullptr;
    std::shared_ptr<FakeClock> clock;
    std::unique_ptr<yativo::Client> client;
};

inline yativo::ClientOptions base_options() {
    yativo::ClientOptions o;
    o.base_url = "https://api.test/api/v1";
    o.api_key = "yativo_testkey";
    o.api_secret = yativo::Secret("CANARY-API-SECRET-1234567890");
    o.use_environment = false;
    return o;
}

inline Harness make(FakeTransport::Handler handler, yativo::ClientOptions options = base_options(),
                    std::shared_ptr<FakeClock> clock = std::make_shared<FakeClock>()) {
    Harness h;
    auto transport = std::make_unique<FakeTransport>(std::move(handler));
    h.transport = transport.get();
    h.clock = clock;
    yativo::detail::Seams seams;
    seams.transport = std::move(transport);
    seams.clock = clock;  // nullptr: the real clock
    h.client = std::make_unique<yativo::Client>(
        std::make_unique<yativo::detail::ClientImpl>(std::move(options), std::move(seams)));
    return h;
}

inline bool ends_with(const std::string &s, const std::string &suffix) {
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

inline std::string token_body(const std::string &token, int expires_in = 3600) {
    return "{\"success\":true,\"access_token\":\"" + token +
           "\",\"token_type\":\"Bearer\",\"expires_in\":" + std::to_string(expires_in) +
           ",\"scopes\":[\"read\",\"write\"]}";
}

// A handler serving the token endpoint (token names numbered) and delegating the rest.
inline FakeTransport::Handler with_tokens(std::function<HttpResult(const Seen &, int)> rest,
                                          int expires_in = 3600) {
    auto n = std::make_shared<std::atomic<int>>(0);
    return [rest, n, expires_in](const Seen &s, int i) {
        if (ends_with(s.url, "/auth/token"))
            return respond(200, token_body("CANARY-TOKEN-" + std::to_string(++*n), expires_in));
        return rest(s, i);
    };
}

inline HttpResult ok_data(const std::string &data_json) {
    return respond(200, "{\"status\":true,\"message\":\"ok\",\"data\":" + data_json + "}");
}

}  // namespace yvtest
