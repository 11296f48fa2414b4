// The retry rules of SPEC §2 and §4 as a pure function: what one attempt of a call produced and
// where the call stands go in, what to do next comes out. No I/O, no clock, no randomness: the
// loop that sends (ClientImpl::run) measures the time left and draws the backoff's jitter, and
// acts on the decision. Like curl's Curl_retry_request, apart from its transfer loop.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "transport.hpp"
#include "yativo/status.hpp"

namespace yativo::detail {

// What holds for every attempt of one call.
struct CallPolicy {
    std::string method;           // GET POST ... (short: held inline, no allocation)
    std::string_view path;        // the call's path, which outlives the policy
    bool write = false;           // not read-only: repeating it may act twice
    std::string idempotency_key;  // empty: the call carries no Idempotency-Key
    int max_retries = 0;
    bool totp_source = false;           // the client has a TOTP secret to compute codes from
    bool caller_code = false;           // the caller gave an explicit 2FA code for this call
    bool two_factor_on_demand = false;  // send a TOTP code once the server asks for one

    // "POST /path": the prefix of messages and log lines, built only when one is written.
    std::string label() const { return method + " " + std::string(path); }
    bool keyed() const noexcept { return !idempotency_key.empty(); }
    // Safe to repeat: a read, or a write the server recognises by its key.
    bool safe() const noexcept { return !write || keyed(); }
};

// What a call carries from one attempt to the next.
struct RetryState {
    int retries = 0;           // retries spent, libcurl's own re-sends included
    bool reauthed = false;     // the one re-exchange (or session refresh) after a 401 was spent
    bool second_step = false;  // the one retry with the next TOTP step was spent
    bool needs_2fa = false;    // the request carries X-2FA-Token
    // Whether an attempt so far may have been processed by the server, and whether one before
    // the current attempt may have: a definitive answer to a later attempt (429, 401, ...) does
    // not make an earlier one go away.
    bool maybe_sent = false;
    bool earlier_maybe_sent = false;
};

// What one attempt produced, and what the loop measured around it.
struct Attempt {
    const HttpResult *result = nullptr;  // the transport's result; never null
    // decode_error(*result) when the server answered with a status outside 2xx (the loop decodes
    // it: an HTTP-date Retry-After is read against the clock); null otherwise.
    const Error *answer = nullptr;
    bool used_cached_token = false;      // the request carried a token from the cache...
    std::uint64_t token_generation = 0;  // ...with this generation
    // The request carried the access token of an adopted session that has a refresh token...
    bool used_session = false;
    std::uint64_t session_generation = 0;  // ...of this sign-in or refresh
    // The full-jitter backoff drawn for the retry this would be (backoff_ceiling(retries)).
    std::chrono::milliseconds backoff{0};
    std::chrono::nanoseconds remaining{0};  // until the call's deadline, measured after it
};

enum class RetryAction {
    Accept,          // a 2xx: decode the answer (a body saying it failed is settled then)
    Retry,           // wait `wait`, then send again
    Reexchange,      // drop the token of `token_generation`, exchange again and send again
    RefreshSession,  // refresh the session of `session_generation` (once), then send again
    StartTwoFactor,  // the server asked for 2FA: send again with a TOTP code
    NextTotpStep,    // the TOTP code was refused: send again with the next step's code
    Fail,            // throw `error`
};

struct RetryDecision {
    RetryAction action = RetryAction::Fail;
    std::chrono::milliseconds wait{0};     // Retry
    std::uint64_t token_generation = 0;    // Reexchange
    std::uint64_t session_generation = 0;  // RefreshSession
    std::optional<Error> error;            // Fail: settled (settle_error)
    RetryState next;                       // the call's state from here on
    std::vector<std::string> notes;        // debug log lines explaining the decision
};

// Decides what follows one attempt. Spends no retry on Accept, Reexchange and the 2FA steps;
// refuses a wait that would reach the deadline.
RetryDecision classify_attempt(const CallPolicy &policy, const RetryState &state,
                               const Attempt &attempt);

// Fills in what the caller of a failing call needs to decide what to do next: the idempotency
// key, and `outcome_unknown` (with `retryable` then meaning "retry with the same key").
Error settle_error(Error err, const CallPolicy &policy, const RetryState &state);

// How many times the next attempt may put the request on the wire: libcurl's own re-send on a
// dead reused connection is a send, allowed only while a retry is left.
int sends_allowed(const CallPolicy &policy, const RetryState &state);

// The upper end of the full-jitter backoff before retry number `retry` + 1:
// min(cap, base * 2^retry). The wait is drawn uniformly from [0, ceiling].
std::chrono::milliseconds backoff_ceiling(int retry, std::chrono::milliseconds base,
                                          std::chrono::milliseconds cap);

// The status a transport failure is reported with.
Status status_of(FailureKind kind);

// A server's Retry-After as a wait: negative is 0; beyond a day is a day (the deadline then
// refuses to wait), and no overflow reaches the conversion.
std::chrono::milliseconds retry_after_wait(double seconds);

}  // namespace yativo::detail
