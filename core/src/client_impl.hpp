// The engine behind yativo::Client: resolved options, credentials, the token cache, the TOTP
// scheduler, and execute(), which runs one API call with its deadline, retries and
// idempotency rules (SPEC §4).
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "auth.hpp"
#include "client_config.hpp"
#include "clock.hpp"
#include "retry_policy.hpp"
#include "token_cache.hpp"
#include "totp_scheduler.hpp"
#include "transport.hpp"
#include "yativo/options.hpp"
#include "yativo/payload.hpp"
#include "yativo/types.hpp"

namespace yativo::detail {

// A call's path, relative to the base URL, starting with '/': a string literal of the API
// description, kept as a view (no allocation), or a string of its own (a path with an id in it,
// a query string appended). The view is taken on each read, never stored: an owned path's
// characters move with the object.
class CallPath {
  public:
    CallPath() = default;
    // Implicit: a formatted path (std::string("/x/") + path_segment(...)) is a CallPath.
    CallPath(std::string owned) noexcept : owned_(std::move(owned)) {}
    template <std::size_t N>
    static CallPath literal(const char (&text)[N]) noexcept {
        CallPath p;
        p.literal_ = std::string_view(text, N - 1);
        return p;
    }

    std::string_view view() const noexcept {
        return literal_.data() ? literal_ : std::string_view(owned_);
    }
    // Appends (a query string); a literal becomes a string of its own first.
    CallPath &append(std::string_view more) {
        if (literal_.data()) {
            owned_.reserve(literal_.size() + more.size());
            owned_.assign(literal_);
            literal_ = {};
        }
        owned_.append(more);
        return *this;
    }

  private:
    std::string_view literal_;
    std::string owned_;
};

struct Call {
    std::string method;
    CallPath path;
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
    // Authenticated with the adopted session's refresh token instead of the credentials.
    bool refresh_session = false;
    // The last X-2FA-Token taken from the TOTP source for this call: a dialect fallback sends
    // the same code (the server never looked at it when it answered 404 or 405).
    mutable Secret sent_2fa_code;

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

    // SPEC §1 dialects: runs `primary`, or `fallback` (the same call in the API's other
    // dialect) when this client learnt that `family` (a group: api_keys, webhooks) speaks the
    // other one. While the family's dialect is unknown, a primary answered 404 or 405 (proof
    // that nothing was processed) is followed by the fallback, with the same Idempotency-Key and
    // 2FA code, within the same deadline; the dialect that answered (2xx, or 400/409/422: the
    // path exists) is remembered for the family. Once the primary dialect is known, its 404 is
    // the answer (an id that does not exist); any other error never falls back.
    Payload execute_dialect(Call &primary, Call &fallback, const char *family,
                            const CallOptions &options);
    // The dialect learnt for a family: 0 unknown, 1 primary, 2 fallback.
    int dialect(const std::string &family) const;

    void set_credentials(std::string api_key, Secret api_secret);
    void set_access_token(Secret token);
    // Takes the tokens of a sign-in answer (access_token / accessToken, refresh_token /
    // refreshToken, in the payload) as the client's session (Auth::adopt_session).
    // With `only_for`: the answer of the refresh of that session generation (dropped when the
    // session changed meanwhile).
    void adopt_session(const Payload &answer, std::optional<std::uint64_t> only_for = std::nullopt);
    AccessToken token(const CallOptions &options);
    std::optional<RateLimit> rate_limit() const;

    const std::string &base_url() const noexcept { return config_.base_url; }
    std::chrono::milliseconds total_timeout() const noexcept { return config_.total_timeout; }
    TokenCache &tokens() { return auth_->tokens(); }
    TotpScheduler *totp() { return totp_.get(); }
    void log(LogLevel level, const std::string &line) const;
    bool logging(LogLevel level) const { return config_.log && level >= config_.log_level; }

  private:
    // INVALID_ARGUMENT on an EventLoop's fiber when the transport blocks (an application's).
    void refuse_blocking_transport_on_loop() const;
    // Checks the call's options; the call's deadline.
    SteadyTime start(const Call &call, const CallOptions &options);
    void learn_dialect(const std::string &family, int dialect);
    Payload run(Call &call, SteadyTime deadline, CancelToken *cancel, const Secret *totp_code);
    CallPolicy policy_for(const Call &call, bool caller_code) const;
    // The request of one attempt, its auth and 2FA headers and timeouts included. TIMEOUT when
    // the deadline passed while it was built (a token exchange, a wait for a TOTP step).
    HttpRequest build_request(const Call &call, const CallPolicy &policy, const RetryState &state,
                              SteadyTime deadline, CancelToken *cancel, const Secret *totp_code,
                              TokenUse &token_use);
    // Refreshes the session of `generation` through the refresh-token endpoint (Auth's single
    // flight) within the call's deadline; false when that failed.
    bool refresh_session(std::uint64_t generation, SteadyTime deadline, CancelToken *cancel);
    void observe(const HttpResult &result);
    // A full-jitter wait before retry number `retry` + 1.
    std::chrono::milliseconds backoff(int retry) const;

    ClientConfig config_;  // its credentials and TOTP secret moved out to auth_ and totp_

    std::shared_ptr<Clock> clock_;
    std::unique_ptr<Transport> transport_;
    std::unique_ptr<TotpScheduler> totp_;
    std::unique_ptr<Auth> auth_;

    mutable std::mutex rate_mutex_;
    std::optional<RateLimit> rate_limit_;

    mutable std::mutex dialect_mutex_;
    std::map<std::string, int> dialects_;  // family -> 1 primary, 2 fallback
};

// Checks and normalises a base URL: http(s) only, http only to loopback hosts, no query or
// fragment, trailing slashes dropped. INVALID_ARGUMENT otherwise.
std::string normalize_base_url(const std::string &url);
// Checks a caller-given path for request(): relative, no scheme, no control characters.
std::string normalize_path(std::string_view path);
// Percent-encodes one path segment (an id).
std::string path_segment(std::string_view id, const char *what);

}  // namespace yativo::detail
