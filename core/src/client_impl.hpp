// The engine behind yativo::Client: resolved options, credentials, the token cache, the TOTP
// scheduler, and execute(), which runs one API call with its deadline, retries and
// idempotency rules (SPEC §4).
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "clock.hpp"
#include "token_cache.hpp"
#include "totp_scheduler.hpp"
#include "transport.hpp"
#include "yativo/options.hpp"
#include "yativo/payload.hpp"
#include "yativo/types.hpp"

namespace yativo::detail {

struct Call {
    std::string method;
    std::string path;  // relative to the base URL, starts with '/'
    std::string body;  // wiped after the call (it may hold a secret)
    bool has_body = false;
    bool read_only = false;  // GET and the read-only POSTs: safe to repeat
    bool needs_2fa = false;
    // Send X-2FA-Token from the TOTP source only when the server asks for it (send-funds on
    // accounts that require 2FA; generic requests): a step is not spent on every call.
    bool two_factor_on_demand = false;
    bool authenticated = true;
    std::string idempotency_key;
    bool sensitive_response = false;  // the answer holds a secret: wipe the raw body

    ~Call() { wipe(body); }
};

// What a test may swap (SPEC: fake transports and clocks only for what is hard to provoke).
struct Seams {
    std::unique_ptr<Transport> transport;
    std::shared_ptr<Clock> clock;
};

class ClientImpl {
  public:
    explicit ClientImpl(ClientOptions options, Seams seams = {});

    // Runs one call: deadline, auth, 2FA, retries. Returns the decoded payload; throws Error
    // with every SPEC §3 field set that applies.
    Payload execute(Call &call, const CallOptions &options);

    void set_credentials(std::string api_key, Secret api_secret);
    void set_access_token(Secret token);
    AccessToken token(const CallOptions &options);
    std::optional<RateLimit> rate_limit() const;

    const std::string &base_url() const noexcept { return base_url_; }
    std::chrono::milliseconds total_timeout() const noexcept { return total_timeout_; }
    TokenCache &tokens() { return *tokens_; }
    TotpScheduler *totp() { return totp_.get(); }
    void log(LogLevel level, const std::string &line) const;
    bool logging(LogLevel level) const { return log_ && level >= log_level_; }

  private:
    ExchangedToken exchange(SteadyTime deadline, CancelToken *cancel);
    Payload run(Call &call, SteadyTime deadline, CancelToken *cancel, const Secret *totp_code);
    void add_auth(std::vector<std::string> &headers, SteadyTime deadline, CancelToken *cancel,
                  std::uint64_t &token_generation, bool &used_cached_token);
    void observe(const HttpResult &result);
    std::chrono::milliseconds backoff(int retry) const;
    // Sleeps `wait` unless that would pass the deadline (false) or the call is cancelled (throws).
    bool wait_before_retry(std::chrono::milliseconds wait, SteadyTime deadline,
                           CancelToken *cancel);

    std::string base_url_;
    AuthMode auth_;
    std::chrono::milliseconds connect_timeout_, attempt_timeout_, total_timeout_;
    int max_retries_;
    std::chrono::milliseconds backoff_base_, backoff_cap_;
    bool totp_use_server_time_;
    LogHook log_;
    LogLevel log_level_;

    std::shared_ptr<Clock> clock_;
    std::unique_ptr<Transport> transport_;
    std::unique_ptr<TokenCache> tokens_;
    std::unique_ptr<TotpScheduler> totp_;

    mutable std::mutex credentials_mutex_;
    std::string api_key_;
    Secret api_secret_;
    Secret access_token_;

    mutable std::mutex rate_mutex_;
    std::optional<RateLimit> rate_limit_;
    std::atomic<int> token_path_{0};  // 0: /auth/token, 1: /apikey/token answered instead
};

// Checks and normalises a base URL: http(s) only, http only to loopback hosts, no query or
// fragment, trailing slashes dropped. INVALID_ARGUMENT otherwise.
std::string normalize_base_url(const std::string &url);
// Checks a caller-given path for request(): relative, no scheme, no control characters.
std::string normalize_path(std::string_view path);
// Percent-encodes one path segment (an id).
std::string path_segment(std::string_view id, const char *what);

}  // namespace yativo::detail
