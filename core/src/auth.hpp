// How a request proves who sends it (SPEC §2): the credentials, replaceable at run time; the
// exchange of key + secret for a token and the cache of that token; the auth headers of a request.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "clock.hpp"
#include "request_headers.hpp"
#include "token_cache.hpp"
#include "waiters.hpp"
#include "yativo/cancel.hpp"
#include "yativo/options.hpp"
#include "yativo/payload.hpp"
#include "yativo/secret.hpp"
#include "yativo/types.hpp"

namespace yativo::detail {

struct Call;

struct Credentials {
    std::string api_key;
    Secret api_secret;
    Secret access_token;  // AuthMode::Bearer
};

// Which cached token a request carried, so that a 401 drops exactly that one.
struct TokenUse {
    bool cached = false;
    std::uint64_t generation = 0;
    // The access token of an adopted session that can be refreshed, and which sign-in or
    // refresh gave it: a 401 refreshes that session once.
    bool session = false;
    std::uint64_t session_generation = 0;
};

class Auth {
  public:
    // Runs the exchange call with the client's deadline and retry rules.
    using RunFn = std::function<Payload(Call &call, SteadyTime deadline, CancelToken *cancel)>;
    using LogFn = std::function<void(LogLevel level, const std::string &line)>;

    Auth(AuthMode mode, Credentials credentials, std::shared_ptr<Clock> clock,
         std::chrono::seconds refresh_margin, RunFn run, LogFn log);
    Auth(const Auth &) = delete;
    Auth &operator=(const Auth &) = delete;

    AuthMode mode() const noexcept { return mode_.load(); }
    TokenCache &tokens() { return *tokens_; }

    // Replaces key and secret and drops the cached token; thread-safe.
    void set_credentials(std::string api_key, Secret api_secret);
    void set_access_token(Secret token);
    // A signed-in session (verify_otp, google_auth_verify, passkey_verify, refresh): its access
    // token becomes the credential of every later call (Bearer mode from now on), its refresh
    // token (when the answer has one) is kept, as a Secret, for refresh_session. Thread-safe.
    // With `only_for`, the answer of the refresh of that session: dropped (its tokens wiped)
    // when the session changed meanwhile (the caller set a token of its own, or signed in again).
    void adopt_session(Secret access_token, Secret refresh_token,
                       std::optional<std::uint64_t> only_for = std::nullopt);
    // "Authorization: Bearer <refresh token>" for the refresh call; INVALID_ARGUMENT when no
    // session was adopted. The line holds a secret: the caller wipes it.
    std::string refresh_header() const;
    // After a 401 to a request that carried the session of `generation`: runs `refresh` (the
    // refresh-token call, which adopts the new session) unless another call already did.
    // Single flight: concurrent callers wait for the one refresh and share its outcome. True
    // when a newer session is in place; false when the refresh of that session failed (its
    // error is logged; the caller reports its own 401).
    // A caller that waits for another's refresh waits within its own deadline and cancel token
    // (TIMEOUT, CANCELLED). Only a definitive refusal of the refresh (HTTP 400, 401 or 403) is
    // remembered for the session; a timeout or a cancelled refresh leaves the next 401 free to try.
    bool refresh_session(std::uint64_t generation, SteadyTime deadline, CancelToken *cancel,
                         const std::function<void()> &refresh);

    // Appends the headers that authenticate one request, exchanging for a token when the cache
    // holds none. INVALID_ARGUMENT when the credentials the mode needs are missing.
    TokenUse add_headers(RequestHeaders &headers, SteadyTime deadline, CancelToken *cancel);

    // The token the client would send (Token and Bearer modes).
    AccessToken token(SteadyTime deadline, CancelToken *cancel);

  private:
    // The access token and the bearer line made from it change together (mutex_ held).
    void replace_access_token_locked(Secret token);
    // One key + secret exchange at the token endpoint (/auth/token, or /apikey/token once the
    // server answered that the first does not exist).
    ExchangedToken exchange(SteadyTime deadline, CancelToken *cancel);
    void require_api_key() const;

    std::atomic<AuthMode> mode_;
    RunFn run_;
    LogFn log_;

    mutable std::mutex mutex_;
    std::string api_key_;
    Secret api_secret_;
    Secret access_token_;
    HeaderLine::Shared access_line_;  // its bearer line, made on first use
    Secret refresh_token_;            // of an adopted session; never printed, wiped when replaced
    // The access token is an adopted session's (not one the caller set); which adoption.
    bool session_adopted_ = false;
    std::uint64_t session_generation_ = 0;
    std::uint64_t failed_refresh_ = 0;  // the generation whose refresh failed (0: none)
    bool refreshing_ = false;           // a refresh is in flight (under mutex_)
    Waiters refreshed_;                 // notified when it ends
    std::shared_ptr<Clock> clock_;

    std::atomic<int> token_path_{0};  // 0: /auth/token, 1: /apikey/token answered instead
    std::unique_ptr<TokenCache> tokens_;
};

}  // namespace yativo::detail
